/**
 * The flood timelines as the cockpit receives them: every line passes the edge with the
 * layer's schemas; the 20 July 2021 replay floods and drains with warnings from each
 * place's own thresholds; citizen reports are simulated, labelled, near flooded places;
 * the design-storm timelines agree with the scenario panel; bad gauge readings are rejected.
 */
import { describe, expect, it } from 'vitest';
import { Edge } from '../../src/data/edge';
import { TopicRegistry } from '../../src/data/topics';
import type { Delta, Entity } from '../../src/data/wire';
import { topics } from '../../layers/waterlogging/topic';
import { runScenario } from '../../layers/waterlogging/scenario';
import { HOTSPOTS, hotspotById } from '../catalog/hotspots';
import { levelRank, warningLevel } from '../sim/flood';
import { buildFlood2021 } from './flood-2021';
import { buildBadRainfallLines, buildDesignStormTimeline } from './flood-scenario';
import { TimelineBuilder } from './timeline';

function accept(lines: string[]) {
  const edge = new Edge(new TopicRegistry(topics), { monotonicTime: true });
  const deltas: Delta[] = [];
  const rejects: { topic: string | null; reason: string }[] = [];
  lines.forEach((l, i) => {
    const r = edge.acceptText(l, { line: i + 1 });
    if (r.ok) deltas.push(r.delta);
    else rejects.push({ topic: r.reject.topic, reason: r.reject.reason });
  });
  return { deltas, rejects, edge };
}

/** State of each topic at time t (the deltas applied in order). */
function stateAt(deltas: Delta[], t: number): Map<string, Map<string, Entity>> {
  const s = new Map<string, Map<string, Entity>>();
  for (const d of deltas) {
    if (d.t > t) break;
    let m = s.get(d.topic);
    if (!m || d.snapshot) s.set(d.topic, (m = new Map()));
    for (const id of d.delete) m.delete(id);
    for (const e of d.upsert) m.set(e.id, e);
  }
  return s;
}

const at = (iso: string) => Date.parse(iso);
const metres = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) =>
  Math.hypot((a.lon - b.lon) * 111_320 * Math.cos((a.lat * Math.PI) / 180), (a.lat - b.lat) * 111_320);

const b = new TimelineBuilder();
buildFlood2021(b);
const lines = b.lines();
const { deltas, rejects } = accept(lines);

describe('the 20 July 2021 timeline', () => {
  it('every line passes the edge with the layer’s schemas', () => {
    expect(rejects).toEqual([]);
    expect(deltas.length).toBe(lines.length);
  });

  it('is deterministic', () => {
    const again = new TimelineBuilder();
    buildFlood2021(again);
    expect(again.lines()).toEqual(lines);
  });

  it('hotspots carry what a detail panel and a scenario need', () => {
    const h = stateAt(deltas, at('2021-07-19T12:00:00+08:00')).get('hotspots')!;
    expect(h.size).toBe(51);
    for (const e of h.values()) {
      const c = hotspotById(e.id)!;
      expect(e.warn_cm).toEqual(c.warning_cm);
      expect(e.model).toMatchObject({ catchment_ha: c.catchment_ha, drain_capacity_mm_h: c.drain_capacity_mm_h, storage_m3_per_cm: c.storage_m3_per_cm });
      expect(e).toMatchObject({ kind: c.kind, district: c.district, reported: c.reported, station: 'zz-57083' });
      expect(typeof e.source).toBe('string');
    }
  });

  it('dry on 19 July, nearly all red at 17:00 on 20 July, receding by the night of the 21st', () => {
    const count = (iso: string) => {
      const c: Record<string, number> = { none: 0, blue: 0, yellow: 0, orange: 0, red: 0 };
      for (const e of stateAt(deltas, at(iso)).get('hotspots')!.values()) c[e.level as string]++;
      return c;
    };
    expect(count('2021-07-19T12:00:00+08:00').none).toBe(51);
    expect(count('2021-07-20T17:00:00+08:00').red).toBeGreaterThanOrEqual(46);
    expect(count('2021-07-21T23:00:00+08:00').none).toBeGreaterThanOrEqual(40);
  });

  it('warnings fire at each place’s own thresholds and clear when the water is gone', () => {
    const events = deltas.filter((d) => d.topic === 'events').flatMap((d) => d.upsert.map((e) => ({ t: d.t, e })));
    const warnings = events.filter(({ e }) => e.ref_topic === 'hotspots' && e.level !== 'info');
    const clears = events.filter(({ e }) => e.ref_topic === 'hotspots' && e.level === 'info');
    expect(warnings.length).toBeGreaterThan(51);
    expect(clears.length).toBeGreaterThan(20);
    for (const { t, e } of warnings) {
      const h = stateAt(deltas, t).get('hotspots')!.get(e.ref_id as string)!;
      const w = hotspotById(h.id)!.warning_cm;
      expect(h.depth_cm as number).toBeGreaterThanOrEqual(w.orange - 0.5);
      expect(levelRank(warningLevel(h.depth_cm as number, w))).toBeGreaterThanOrEqual(levelRank('orange'));
    }
  });

  it('citizen reports: simulated, labelled, bilingual, near flooded places, during the storm only', () => {
    const reportDeltas = deltas.filter((d) => d.topic === 'reports');
    const news = reportDeltas.flatMap((d) => d.upsert.filter((e) => e.status === 'new').map((e) => ({ t: d.t, e })));
    expect(news.length).toBeGreaterThan(60);
    for (const { t, e } of news) {
      expect(e.simulated).toBe(true);
      expect(typeof e.photo).toBe('string');
      expect((e.text as string).length).toBeGreaterThan(5);
      expect((e.text_en as string).length).toBeGreaterThan(5);
      expect(Date.parse(e.reported_at as string)).toBe(t);
      expect(t).toBeGreaterThan(at('2021-07-20T00:00:00+08:00'));
      if (typeof e.hotspot === 'string') {
        const h = hotspotById(e.hotspot)!;
        expect(metres(e as { lon: number; lat: number }, h)).toBeLessThan(300);
        const now = stateAt(deltas, t).get('hotspots')!.get(h.id)!;
        expect(now.level).not.toBe('none');
      }
    }
    expect(news.some(({ e }) => e.hotspot === undefined)).toBe(true); // some along roads
    expect(stateAt(deltas, at('2021-07-19T20:00:00+08:00')).get('reports')!.size).toBe(0);
    expect(stateAt(deltas, at('2021-07-20T17:00:00+08:00')).get('reports')!.size).toBeGreaterThan(10);
    expect(stateAt(deltas, at('2021-07-21T23:00:00+08:00')).get('reports')!.size).toBeLessThan(5);
  });
});

describe('design-storm timelines agree with the scenario panel', () => {
  it('p100-60: the peak level of every place equals the prediction', () => {
    const sb = new TimelineBuilder();
    buildDesignStormTimeline(sb, 100, 60);
    const r = accept(sb.lines());
    expect(r.rejects).toEqual([]);
    const peak = new Map<string, string>();
    for (const d of r.deltas)
      if (d.topic === 'hotspots')
        for (const e of d.upsert) if (levelRank(e.level as never) > levelRank((peak.get(e.id) ?? 'none') as never)) peak.set(e.id, e.level as string);
    const first = r.deltas.find((d) => d.topic === 'hotspots')!.upsert;
    const predicted = runScenario({ kind: 'design', P: 100, durationMin: 60 }, first);
    expect(predicted.ranked).toHaveLength(HOTSPOTS.length);
    for (const p of predicted.ranked) expect(peak.get(p.id) ?? 'none').toBe(p.level);
  });
});

describe('a rain gauge with bad readings', () => {
  const bad = accept(buildBadRainfallLines());
  it('rejects the negative, NaN, null and 5,000 mm/h readings with a diagnostic each', () => {
    const rain = bad.rejects.filter((r) => r.topic === 'rainfall' || r.topic === null);
    expect(rain).toHaveLength(5);
    const text = rain.map((r) => r.reason).join('\n');
    expect(text).toMatch(/mm_h cannot be negative/);
    expect(text).toMatch(/mm_h above 500 mm\/h is not rain/);
    expect(text).toMatch(/malformed JSON/);
    expect(text).toMatch(/upsert\[0\]\.mm_h: .*(number|string)/);
    expect(bad.edge.countsOf('rainfall').accepted).toBe(31);
  });
  it('the hotspots driven by the valid readings never show NaN or negative depth', () => {
    const hs = bad.deltas.filter((d) => d.topic === 'hotspots').flatMap((d) => d.upsert);
    expect(hs.length).toBe(36 * 51);
    for (const e of hs) {
      expect(Number.isFinite(e.depth_cm)).toBe(true);
      expect(e.depth_cm as number).toBeGreaterThanOrEqual(0);
    }
  });
});
