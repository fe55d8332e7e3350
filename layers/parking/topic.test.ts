import { describe, expect, it } from 'vitest';
import { Edge } from '../../src/data/edge';
import { TopicRegistry } from '../../src/data/topics';
import { topics } from './topic';

const ts = (m: number) => `2021-07-19T09:${String(m).padStart(2, '0')}:00+08:00`;
const cp = (id: string, capacity: number) => ({ id, lon: 113.66, lat: 34.75, name: `car park ${id}`, type: 'office', kind: 'enclosed', capacity, district: '金水区' });

function edge() {
  const e = new Edge(new TopicRegistry(topics), { monotonicTime: true });
  const ok = (m: object) => {
    const r = e.accept(m);
    if (!r.ok) throw new Error(`unexpected reject: ${r.reject.reason}`);
    return r.delta;
  };
  const bad = (m: object) => {
    const r = e.accept(m);
    if (r.ok) throw new Error('accepted bad input');
    return r.reject.reason;
  };
  ok({ topic: 'carparks', seq: 1, ts: ts(0), snapshot: true, upsert: [cp('P1', 100), cp('P2', 20)] });
  ok({ topic: 'parking', seq: 1, ts: ts(0), snapshot: true, upsert: [{ id: 'P1', free: 40, cap: 100 }, { id: 'P2', free: 3, cap: 20 }] });
  return { e, ok, bad };
}

describe('parking topics at the edge: bad input is rejected with a diagnostic', () => {
  it('accepts a snapshot and small deltas (id + free)', () => {
    const { ok } = edge();
    const d = ok({ topic: 'parking', seq: 2, ts: ts(1), upsert: [{ id: 'P1', free: 39 }] });
    expect(d.upsert[0]).toEqual({ id: 'P1', free: 39 });
    ok({ topic: 'parking', seq: 3, ts: ts(2), upsert: [{ id: 'P1', free: 0 }, { id: 'P2', free: 20 }] });
  });

  it('rejects more free spaces than the capacity (occupancy < 0 %), in a snapshot or a delta, however many deltas later', () => {
    const { ok, bad } = edge();
    expect(bad({ topic: 'parking', seq: 2, ts: ts(1), upsert: [{ id: 'P2', free: 21 }] })).toMatch(/exceed the capacity \(20\)/);
    ok({ topic: 'parking', seq: 3, ts: ts(2), upsert: [{ id: 'P2', free: 5 }] });
    ok({ topic: 'parking', seq: 4, ts: ts(3), upsert: [{ id: 'P2', free: 6 }] });
    expect(bad({ topic: 'parking', seq: 5, ts: ts(4), upsert: [{ id: 'P2', free: 25 }] })).toMatch(/upsert\[0\] \(P2\): free spaces \(25\) exceed the capacity \(20\)/);
    expect(bad({ topic: 'parking', seq: 6, ts: ts(5), upsert: [{ id: 'P1', free: 101, cap: 100 }] })).toMatch(/exceed the capacity/);
    const e2 = new Edge(new TopicRegistry(topics));
    const r = e2.accept({ topic: 'parking', seq: 1, ts: ts(0), snapshot: true, upsert: [{ id: 'P1', free: 140, cap: 100 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reject.reason).toMatch(/upsert\[0\] \(P1\): free spaces \(140\) exceed the capacity \(100\)/);
  });

  it('rejects negative or fractional free counts (occupancy > 100 %)', () => {
    const { bad } = edge();
    expect(bad({ topic: 'parking', seq: 2, ts: ts(1), upsert: [{ id: 'P1', free: -3 }] })).toMatch(/free spaces cannot be negative/);
    expect(bad({ topic: 'parking', seq: 2, ts: ts(1), upsert: [{ id: 'P1', free: 2.5 }] })).toMatch(/whole number/);
    expect(bad({ topic: 'parking', seq: 2, ts: ts(1), upsert: [{ id: 'P1', free: '12' }] })).toMatch(/upsert\[0\]\.free/);
  });

  it('rejects unknown car park ids', () => {
    const { bad } = edge();
    expect(bad({ topic: 'parking', seq: 2, ts: ts(1), upsert: [{ id: 'P1', free: 3 }, { id: 'P999', free: 3 }] })).toMatch(/upsert\[1\]\.id: unknown id "P999"/);
    const fresh = new Edge(new TopicRegistry(topics));
    const r = fresh.accept({ topic: 'parking', seq: 1, ts: ts(0), upsert: [{ id: 'P1', free: 3 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reject.reason).toMatch(/no snapshot/);
  });

  it('rejects duplicate updates: a re-sent message, the same car park twice in one message', () => {
    const { ok, bad } = edge();
    const m = { topic: 'parking', seq: 2, ts: ts(1), upsert: [{ id: 'P1', free: 30 }] };
    ok(m);
    expect(bad(m)).toMatch(/seq: duplicate/);
    expect(bad({ topic: 'parking', seq: 3, ts: ts(2), upsert: [{ id: 'P1', free: 30 }, { id: 'P1', free: 31 }] })).toMatch(/duplicate id "P1"/);
  });

  it('rejects a capacity that changes without a snapshot; a reading of unknown capacity is accepted, then bounded once one carries it', () => {
    const { bad } = edge();
    expect(bad({ topic: 'parking', seq: 2, ts: ts(1), upsert: [{ id: 'P1', free: 30, cap: 120 }] })).toMatch(/capacity changed from 100 to 120/);
    // a live server's current-state snapshot: each car park's last delta, without `cap`
    const e2 = new Edge(new TopicRegistry(topics));
    expect(e2.accept({ topic: 'parking', seq: 1, ts: ts(0), snapshot: true, upsert: [{ id: 'P1', free: 3 }] }).ok).toBe(true);
    expect(e2.accept({ topic: 'parking', seq: 2, ts: ts(1), upsert: [{ id: 'P1', free: 5, cap: 10 }] }).ok).toBe(true);
    expect(e2.accept({ topic: 'parking', seq: 3, ts: ts(2), upsert: [{ id: 'P1', free: 11 }] }).ok).toBe(false);
  });

  it('validates the static car parks and the city totals', () => {
    const e = new Edge(new TopicRegistry(topics));
    const r1 = e.accept({ topic: 'carparks', seq: 1, ts: ts(0), snapshot: true, upsert: [{ ...cp('P1', 100), type: 'spaceport' }] });
    expect(r1.ok).toBe(false);
    const r2 = e.accept({ topic: 'carparks', seq: 2, ts: ts(0), snapshot: true, upsert: [{ ...cp('P1', 0) }] });
    expect(r2.ok).toBe(false);
    const r3 = e.accept({ topic: 'parking-city', seq: 1, ts: ts(0), upsert: [{ id: 'city', capacity: 100, free: 120 }] });
    expect(r3.ok).toBe(false);
    const r4 = e.accept({ topic: 'parking-city', seq: 2, ts: ts(0), upsert: [{ id: 'city', capacity: 300000, free: 120000, occ_office: 0.9 }] });
    expect(r4.ok).toBe(true);
  });
});
