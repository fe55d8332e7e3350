/** Rainfall scenarios: storm keys, predictions for the 51 hotspots, the map mapping, the layer-local state. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityTable } from '../../src/store/tables';
import type { Entity } from '../../src/data/wire';
import { HOTSPOTS } from '../../mock-data/catalog/hotspots';
import { hotspotStatic } from '../../mock-data/generator/flood-emit';
import { LEVEL_COLORS, levelRank } from './levels';
import { countLevels, hotspotAttributes } from './mapping';
import {
  DURATIONS_MIN,
  parseSpecKey,
  RETURN_PERIODS,
  runScenario,
  scenarioFor,
  scenarioStore,
  showObserved,
  showScenario,
  specKey,
  stormSeries,
  type StormSpec,
} from './scenario';

const entities: Entity[] = HOTSPOTS.map((h) => ({ ...hotspotStatic(h, 'zz-57083'), depth_cm: 0, level: 'none' }));

function table(rows: Entity[] = entities): EntityTable {
  const t = new EntityTable('hotspots', ['depth_cm']);
  t.apply({ topic: 'hotspots', seq: 1, t: 0, upsert: rows, delete: [], snapshot: true });
  return t;
}

const design = (P: number, durationMin = 60): StormSpec => ({ kind: 'design', P, durationMin });

afterEach(() => showObserved());

describe('storm keys (URL ?scenario=)', () => {
  it('round-trips every offered storm', () => {
    for (const P of RETURN_PERIODS) for (const d of DURATIONS_MIN) expect(parseSpecKey(specKey(design(P, d)))).toEqual(design(P, d));
    expect(parseSpecKey('2021')).toEqual({ kind: 'recorded', id: '2021-07-20' });
    expect(parseSpecKey('P100')).toEqual(design(100, 60));
  });
  it('refuses storms it does not offer', () => {
    for (const k of ['p3-60', 'p100-45', 'p100-', 'x', '', null, undefined, 'p1000-60', '<script>']) expect(parseSpecKey(k)).toBeNull();
  });
});

describe('predictions for the 51 hotspots', () => {
  it('a 100-year hour puts most places at orange or red; a 1-year hour leaves most normal', () => {
    const p100 = runScenario(design(100), entities);
    const p1 = runScenario(design(1), entities);
    expect(p100.ranked).toHaveLength(51);
    expect(p100.counts.red).toBeGreaterThanOrEqual(30);
    expect(p100.counts.red + p100.counts.orange).toBeGreaterThanOrEqual(40);
    expect(p1.counts.none).toBeGreaterThanOrEqual(40);
    expect(p1.counts.red).toBe(0);
  });

  it('the recorded 20 July 2021 storm overwhelms nearly every place, peaking in the afternoon of the 20th', () => {
    const r = runScenario({ kind: 'recorded', id: '2021-07-20' }, entities);
    expect(r.counts.red).toBeGreaterThanOrEqual(48);
    expect(r.total_mm).toBeGreaterThan(600);
    const peakAt = r.start! + r.ranked[0].time_to_peak_min! * 60_000;
    expect(peakAt).toBeGreaterThan(Date.parse('2021-07-20T15:00:00+08:00'));
    expect(peakAt).toBeLessThan(Date.parse('2021-07-21T00:00:00+08:00'));
  });

  it('a rarer storm never gives a lower peak anywhere', () => {
    for (const d of [60, 180, 1440]) {
      let prev: Map<string, number> | null = null;
      for (const P of RETURN_PERIODS) {
        const r = runScenario(design(P, d), entities);
        for (const p of r.ranked) {
          expect(Number.isFinite(p.peak_cm)).toBe(true);
          expect(p.peak_cm).toBeGreaterThanOrEqual(0);
          if (prev) expect(p.peak_cm).toBeGreaterThanOrEqual(prev.get(p.id)! - 1e-9);
        }
        prev = new Map(r.ranked.map((p) => [p.id, p.peak_cm]));
      }
    }
  });

  it('ranks worst first (level, then depth) and gives a time to peak within the storm and its tail', () => {
    const r = runScenario(design(20, 120), entities);
    for (let i = 1; i < r.ranked.length; i++) {
      const a = r.ranked[i - 1];
      const b = r.ranked[i];
      expect(levelRank(a.level) > levelRank(b.level) || (a.level === b.level && a.peak_cm >= b.peak_cm)).toBe(true);
    }
    const len = stormSeries(design(20, 120)).values_mm.length * 5;
    for (const p of r.ranked) if (p.time_to_peak_min !== null) expect(p.time_to_peak_min).toBeLessThanOrEqual(len);
    expect(r.total_mm).toBeCloseTo(stormSeries(design(20, 120)).values_mm.reduce((a, b) => a + b, 0), 6);
  });

  it('all 51 places take well under a frame (measured)', () => {
    const times: Record<string, number> = {};
    for (const spec of [design(100, 60), design(100, 1440), { kind: 'recorded', id: '2021-07-20' } as const]) {
      runScenario(spec, entities); // warm up
      const runs = Array.from({ length: 20 }, () => runScenario(spec, entities).compute_ms).sort((a, b) => a - b);
      times[specKey(spec)] = runs[10];
    }
    console.log('scenario compute time, 51 hotspots (median of 20, ms):', JSON.stringify(times));
    for (const ms of Object.values(times)) expect(ms).toBeLessThan(16);
  });

  it('places without model parameters are counted, not predicted, and drawn neutral', () => {
    const rows = [...entities.slice(0, 3), { id: 'X1', lon: 113.6, lat: 34.7, name: '无参数点', depth_cm: 80 }];
    const r = runScenario(design(100), rows);
    expect(r.unmodelled).toBe(1);
    expect(r.byId.has('X1')).toBe(false);
    const t = table(rows);
    const a = hotspotAttributes()(t, scenarioFor(design(100), t));
    expect(Array.from(a.colors.slice(12, 16))).toEqual(LEVEL_COLORS.none);
    expect(a.depths[3]).toBe(0);
  });
});

describe('scenario on the map', () => {
  it('recolours the rows by the predicted peak, and back', () => {
    const t = table();
    const observed = countLevels(t, null);
    expect(observed.none).toBe(51);
    const sc = scenarioFor(design(100), t);
    const predicted = countLevels(t, sc);
    expect(predicted).toEqual(sc.counts);
    const f = hotspotAttributes();
    const a = f(t, sc);
    const r = t.rowOf(sc.ranked[0].id)!;
    expect(Array.from(a.colors.slice(4 * r, 4 * r + 4))).toEqual(LEVEL_COLORS[sc.ranked[0].level]);
    expect(a.depths[r]).toBeCloseTo(sc.ranked[0].peak_cm, 3);
    // back to observed: the same table draws its observed state again
    const b = f(t, null);
    expect(Array.from(b.colors.slice(4 * r, 4 * r + 4))).toEqual(LEVEL_COLORS.none);
  });

  it('caches a scenario until the hotspots’ parameters change (not their depths)', () => {
    const t = table();
    const a = scenarioFor(design(50), t);
    expect(scenarioFor(design(50), t)).toBe(a);
    t.apply({ topic: 'hotspots', seq: 2, t: 1, upsert: [{ ...entities[0], depth_cm: 12 }], delete: [], snapshot: false });
    expect(scenarioFor(design(50), t)).toBe(a);
    const m = entities[0].model as Record<string, number>;
    t.apply({ topic: 'hotspots', seq: 3, t: 2, upsert: [{ ...entities[0], model: { ...m, drain_capacity_mm_h: m.drain_capacity_mm_h * 3 } }], delete: [], snapshot: false });
    const b = scenarioFor(design(50), t);
    expect(b).not.toBe(a);
    expect(b.byId.get(entities[0].id)!.peak_cm).toBeLessThan(a.byId.get(entities[0].id)!.peak_cm);
  });

  it('layer-local state: switching notifies subscribers (the map redraws through LayerPlugin.subscribe)', () => {
    const fn = vi.fn();
    const unsub = scenarioStore.subscribe(fn);
    showScenario(design(100));
    expect(scenarioStore.getState()).toEqual({ mode: 'scenario', spec: design(100) });
    showObserved();
    expect(scenarioStore.getState().mode).toBe('observed');
    expect(scenarioStore.getState().spec).toEqual(design(100));
    expect(fn).toHaveBeenCalledTimes(2);
    unsub();
  });
});
