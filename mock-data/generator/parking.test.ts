import { describe, expect, it } from 'vitest';
import { Edge } from '../../src/data/edge';
import { TopicRegistry } from '../../src/data/topics';
import { topics } from '../../layers/parking/topic';
import { buildParking, defaultSites } from './parking';
import { TimelineBuilder } from './timeline';

const from = Date.parse('2021-07-19T07:00:00+08:00');
const to = Date.parse('2021-07-19T10:00:00+08:00');

function build(stepMin: number) {
  const b = new TimelineBuilder();
  const r = buildParking(b, { from, to }, { stepMin });
  return { r, lines: b.lines().map((l) => JSON.parse(l) as { topic: string; seq: number; ts: string; upsert?: Record<string, unknown>[]; snapshot?: boolean }) };
}

describe('the parking timeline', () => {
  const { r, lines } = build(1);

  it('starts with one static snapshot and one occupancy snapshot', () => {
    const cp = lines.filter((m) => m.topic === 'carparks');
    expect(cp).toHaveLength(1);
    expect(cp[0].snapshot).toBe(true);
    expect(cp[0].upsert).toHaveLength(defaultSites().length);
    const first = lines.find((m) => m.topic === 'parking')!;
    expect(first.snapshot).toBe(true);
    expect(Object.keys(first.upsert![0]).sort()).toEqual(['cap', 'free', 'id']);
    expect(r.spaces).toBeGreaterThan(295_000);
  });

  it('then sends deltas every minute with only the car parks whose free count changed', () => {
    const deltas = lines.filter((m) => m.topic === 'parking' && !m.snapshot);
    expect(deltas.length).toBe(3 * 60 - 1);
    const free = new Map<string, number>();
    const cap = new Map<string, number>();
    for (const e of lines.find((m) => m.topic === 'parking')!.upsert!) {
      free.set(e.id as string, e.free as number);
      cap.set(e.id as string, e.cap as number);
    }
    let total = 0;
    let bad = 0;
    for (const d of deltas) {
      for (const e of d.upsert!) {
        if (Object.keys(e).length !== 2 || typeof e.free !== 'number') bad++; // small: id + free
        if (!(cap.get(e.id as string)! >= (e.free as number))) bad++; // within the snapshot's capacity
        if (free.get(e.id as string) === e.free) bad++; // only changed
        free.set(e.id as string, e.free as number);
        total++;
      }
      expect(d.upsert!.length).toBeLessThan(defaultSites().length);
    }
    expect(bad).toBe(0);
    expect(total).toBe(r.updates);
  });

  it('passes the edge: no line rejected', () => {
    const edge = new Edge(new TopicRegistry(topics), { monotonicTime: true });
    for (const l of lines) {
      const res = edge.accept(l);
      if (!res.ok) throw new Error(res.reject.reason);
    }
  });

  it('offices fill up between 07:00 and 10:00; residential empty out', () => {
    const city = lines.filter((m) => m.topic === 'parking-city').map((m) => m.upsert![0]);
    expect(city.length).toBe(36);
    expect(city.at(-1)!.occ_office as number).toBeGreaterThan((city[0].occ_office as number) + 0.4);
    expect(city.at(-1)!.occ_residential as number).toBeLessThan((city[0].occ_residential as number) - 0.15);
    const events = lines.filter((m) => m.topic === 'events');
    expect(events.some((e) => String(e.upsert![0].id).startsWith('ev-parking-office'))).toBe(true);
  });

  it('a 5-minute timeline samples the same process', () => {
    const five = build(5).lines;
    const state = (ls: typeof lines, until: string) => {
      const m = new Map<string, number>();
      for (const l of ls) if (l.topic === 'parking' && Date.parse(l.ts) <= Date.parse(until)) for (const e of l.upsert!) m.set(e.id as string, e.free as number);
      return m;
    };
    expect(state(five, '2021-07-19T09:00:00+08:00')).toEqual(state(lines, '2021-07-19T09:00:00+08:00'));
    expect(five.filter((m) => m.topic === 'parking').length).toBe(1 + (3 * 60) / 5 - 1);
  });
});
