import { describe, expect, it } from 'vitest';
import { Edge } from '../../src/data/edge';
import { TopicRegistry } from '../../src/data/topics';
import { timeOf, type Entity } from '../../src/data/wire';
import { topics } from '../../layers/communities/topic';
import { DISTRICTS, tierCode, transitionKind, type Tier } from '../../layers/communities/model';
import { communities } from '../catalog/communities';
import { DEFAULT_WINDOW } from '../fixtures';
import { TimelineBuilder } from './timeline';
import { buildCommunitiesBaseline, buildCommunitiesOutbreak, OUTBREAK } from './communities';
import { SpatialIndex } from './communities-spatial';

interface Msg {
  topic: string;
  seq: number;
  ts: string;
  upsert?: Entity[];
  snapshot?: boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Replays a timeline's community messages: the state after each, checks along the way. */
function replay(lines: string[]) {
  const msgs = lines.map((l) => JSON.parse(l) as Msg);
  const state = new Map<string, Entity>();
  const transitions: { id: string; from: Tier; to: Tier; t: number; e: Entity; prevCaseAt?: number }[] = [];
  const stats: { t: number; city: Entity; districts: Entity[]; actual: number[][] }[] = [];
  const alarms: Entity[] = [];
  const lastCase = new Map<string, number>();
  for (const m of msgs) {
    const t = timeOf(m.ts);
    if (m.topic === 'communities') {
      if (m.snapshot) state.clear();
      for (const e of m.upsert ?? []) {
        const prev = state.get(e.id);
        if (prev && prev.tier !== e.tier) transitions.push({ id: e.id, from: prev.tier as Tier, to: e.tier as Tier, t, e, prevCaseAt: lastCase.get(e.id) });
        if (e.tier === 'red' && (e.cases ?? 0) !== (prev?.cases ?? 0)) lastCase.set(e.id, t);
        state.set(e.id, e);
      }
    } else if (m.topic === 'community-stats') {
      const actual = DISTRICTS.map(() => [0, 0, 0]);
      for (const e of state.values()) actual[DISTRICTS.findIndex((d) => d.code === e.district)][tierCode(e.tier)]++;
      stats.push({ t, city: m.upsert!.find((e) => e.id === 'city')!, districts: m.upsert!.filter((e) => e.id !== 'city'), actual });
    } else if (m.topic === 'events' && m.upsert?.[0].level === 'alarm') alarms.push({ ...m.upsert[0], t });
  }
  return { msgs, state, transitions, stats, alarms };
}

function validate(lines: string[]) {
  const edge = new Edge(new TopicRegistry(topics), { monotonicTime: true });
  const rejects: string[] = [];
  for (const l of lines) {
    const r = edge.acceptText(l);
    if (!r.ok) rejects.push(r.reject.reason);
  }
  return rejects;
}

function build(f: (b: TimelineBuilder) => void): string[] {
  const b = new TimelineBuilder();
  f(b);
  return b.lines();
}

function commonChecks(lines: string[], from: number, to: number) {
  const r = replay(lines);
  // the edge accepts every line (schema, closed set, district check)
  expect(validate(lines)).toEqual([]);
  // a snapshot of all communities first, then only changed communities
  const first = r.msgs.find((m) => m.topic === 'communities')!;
  expect(first.snapshot).toBe(true);
  expect(first.upsert).toHaveLength(10_806);
  expect(r.msgs.filter((m) => m.topic === 'communities' && m.snapshot)).toHaveLength(1);
  expect(r.state.size).toBe(10_806);
  // hourly stats equal the replayed tier counts and sum to 10,806
  expect(r.stats.length).toBe((to - from) / HOUR + 1);
  for (const s of r.stats) {
    expect([s.city.green, s.city.yellow, s.city.red]).toEqual([0, 1, 2].map((k) => s.actual.reduce((a, d) => a + d[k], 0)));
    expect((s.city.green as number) + (s.city.yellow as number) + (s.city.red as number)).toBe(10_806);
    s.districts.forEach((d) => expect([d.green, d.yellow, d.red]).toEqual(s.actual[DISTRICTS.findIndex((x) => x.code === d.id)]));
  }
  // every transition is a legal step of the ladder, carries why and when, and a red raises an alarm
  for (const tr of r.transitions) {
    expect(transitionKind(tr.from, tr.to)).not.toBe('skip-down');
    expect(tr.e.prev_tier).toBe(tr.from);
    expect(tr.e.since).toBe(tr.t);
    expect(String(tr.e.reason).length).toBeGreaterThan(4);
    expect(String(tr.e.reason_en).length).toBeGreaterThan(4);
    if (tr.to === 'red') expect(r.alarms.some((a) => a.ref_id === tr.id && a.ref_topic === 'communities' && a.t === tr.t)).toBe(true);
  }
  expect(r.alarms.length).toBe(r.transitions.filter((tr) => tr.to === 'red').length);
  return r;
}

describe('community tiers: the calm baseline of the embedded default', () => {
  const lines = build((b) => buildCommunitiesBaseline(b, DEFAULT_WINDOW));
  it('is valid, consistent and calm: a few yellow, one red', () => {
    const r = commonChecks(lines, DEFAULT_WINDOW.from, DEFAULT_WINDOW.to);
    for (const s of r.stats) {
      expect(s.city.yellow).toBeGreaterThan(0);
      expect(s.city.yellow).toBeLessThanOrEqual(25);
      expect(s.city.red).toBeLessThanOrEqual(1);
    }
    expect(r.stats.at(-1)!.city.red).toBe(1);
    expect(r.alarms).toHaveLength(1);
    // communities change both ways
    expect(r.transitions.some((t) => t.to === 'green')).toBe(true);
    expect(r.transitions.some((t) => t.to === 'yellow')).toBe(true);
  });
  it('carries check-in rounds: every community within the last week, managed ones daily', () => {
    const r = replay(lines);
    const end = DEFAULT_WINDOW.to;
    for (const e of r.state.values()) {
      expect(end - (e.checkin_at as number)).toBeLessThanOrEqual(7 * DAY);
      expect(e.checkins as number).toBeLessThanOrEqual(e.pop as number);
      if (e.tier !== 'green') expect(end - (e.checkin_at as number)).toBeLessThanOrEqual(DAY);
    }
  });
});

describe('community tiers: the 32-day outbreak', () => {
  const lines = build((b) => buildCommunitiesOutbreak(b, OUTBREAK));
  let r: ReturnType<typeof replay>;
  it('is valid and consistent: every line accepted, hourly stats equal the replayed counts, legal transitions, an alarm per red', () => {
    r = commonChecks(lines, OUTBREAK.from, OUTBREAK.to);
  });

  it('starts in a few communities, spreads to neighbours and other districts, and is contained', () => {
    const day = (d: number) => r.stats.find((s) => s.t === OUTBREAK.from + d * DAY)!.city;
    expect(day(0).red).toBe(0);
    expect(day(1).red).toBeGreaterThan(0);
    expect(day(1).red).toBeLessThanOrEqual(4);
    const peak = Math.max(...r.stats.map((s) => s.city.red as number));
    expect(peak).toBeGreaterThanOrEqual(30);
    expect(Math.max(...r.stats.map((s) => s.city.yellow as number))).toBeGreaterThan(150);
    const reds = new Set(r.alarms.map((a) => String(a.ref_id).split('-')[0]));
    expect(reds.size).toBeGreaterThanOrEqual(3);
    // contained: no red in the last week, everything green at the end
    expect(day(25).red).toBe(0);
    expect(r.stats.at(-1)!.city).toMatchObject({ green: 10_806, yellow: 0, red: 0 });
    expect(r.msgs.some((m) => m.topic === 'events' && m.upsert?.[0].id === 'ev-outbreak-all-green')).toBe(true);
  });

  it('spreads to neighbours: most new reds are within 800 m of a red community', () => {
    const cs = communities();
    const idx = new SpatialIndex(cs);
    const at = new Map(cs.map((c, i) => [c.id, i]));
    const red = new Set<string>();
    let near = 0;
    let total = 0;
    for (const tr of r.transitions) {
      if (tr.to === 'red') {
        if (red.size >= 3) {
          total++;
          if (idx.within(at.get(tr.id)!, 800).some(({ j }) => red.has(cs[j].id))) near++;
        }
        red.add(tr.id);
      } else if (tr.from === 'red') red.delete(tr.id);
    }
    expect(total).toBeGreaterThan(20);
    expect(near / total).toBeGreaterThan(0.7);
  });

  it('quarantine periods: red → yellow after 7 days without a case, yellow → green after 7 more', () => {
    const lastRedDown = new Map<string, number>();
    for (const tr of r.transitions) {
      if (tr.from === 'red' && tr.to === 'yellow') {
        expect(tr.t - tr.prevCaseAt!).toBeGreaterThanOrEqual(7 * DAY);
        expect(tr.t - tr.prevCaseAt!).toBeLessThan(7 * DAY + HOUR);
        lastRedDown.set(tr.id, tr.t);
      }
      if (tr.from === 'yellow' && tr.to === 'green' && lastRedDown.has(tr.id)) expect(tr.t - lastRedDown.get(tr.id)!).toBeGreaterThanOrEqual(7 * DAY);
    }
    expect(lastRedDown.size).toBeGreaterThan(10);
  });
});
