import { describe, expect, it } from 'vitest';
import { distanceAt, pointAt, trailOf, tripGeom } from './motion';
import { checkReport, metresBetween } from './topic';
import { Edge } from '../../src/data/edge';
import { TopicRegistry } from '../../src/data/topics';
import { topics } from './topic';

// an L-shaped trip: 1 km east, then 1 km north (approx.), 100 s per leg planned
const K = 1000 / (111_320 * Math.cos((34.75 * Math.PI) / 180));
const trip = { id: 'T1', amb: 'A1', leg: 'to_scene', path: [113.6, 34.75, 113.6 + K, 34.75, 113.6 + K, 34.75 + 1000 / 111_195], start: 1_000_000, eta: 1_200_000, len_m: 2000 };
const report = (at: number, d: number, v = 10, extra: Record<string, unknown> = {}) => ({ id: 'A1', lon: 0, lat: 0, at, status: 'to_scene', station: 'S1', trip: 'T1', d, v, ...extra });

describe('interpolation along the trip', () => {
  const g = tripGeom(trip);
  it('measures the path', () => {
    expect(g.n).toBe(3);
    expect(g.len).toBeGreaterThan(1990);
    expect(g.len).toBeLessThan(2010);
  });
  it('dead-reckons along the path (never across the corner) between reports', () => {
    const r = report(1_000_000, 900, 10);
    const s = distanceAt(r, g, 1_000_000 + 20_000); // 200 m later: 100 m past the corner
    expect(s).toBeCloseTo(1100, 0);
    const p = [0, 0];
    pointAt(g, s, p);
    expect(p[0]).toBeCloseTo(113.6 + K, 6); // on the northbound leg, not the diagonal
    expect(metresBetween(113.6 + K, 34.75, p[0], p[1])).toBeGreaterThan(95);
  });
  it('follows the planned timing when the trip has one, anchored at the last report', () => {
    const timed = tripGeom({ ...trip, id: 'T2', tt: [0, 100, 200] });
    // the vehicle reported 50 m behind the plan at t=50 s; it stays 50 m behind
    const r = report(1_050_000, 450, 10, { trip: 'T2' });
    expect(distanceAt(r, timed, 1_150_000)).toBeCloseTo(timed.cum[1] + (timed.cum[2] - timed.cum[1]) / 2 - (timed.cum[1] / 2 - 450), 0);
  });
  it('never runs backwards past the last fix nor beyond the destination', () => {
    expect(distanceAt(report(1_000_000, 500, 10), g, 999_000)).toBe(500);
    expect(distanceAt(report(1_000_000, 1900, 10), g, 1_000_000 + 60_000)).toBeCloseTo(g.len, 3);
  });
  it('stops dead reckoning after two minutes without a report', () => {
    expect(distanceAt(report(1_000_000, 0, 5), g, 1_000_000 + 600_000)).toBeCloseTo(600, 3);
  });
  it('draws a report without a known trip where it was reported', () => {
    expect(Number.isNaN(distanceAt(report(1_000_000, 0, 5, { trip: 'other' }), g, 1_000_500))).toBe(true);
    expect(Number.isNaN(distanceAt(report(1_000_000, 0, 5), undefined, 1_000_500))).toBe(true);
  });
  it('a trail is the last metres of the path behind the vehicle, fading towards its tail', () => {
    const tr = trailOf(g, 1100, 300);
    expect(tr.length / 3).toBe(3); // tail, the corner, the head
    expect(tr[2]).toBeCloseTo(300, 3);
    expect(tr[5]).toBeCloseTo(1100 - g.cum[1], 3);
    expect(tr[tr.length - 1]).toBe(0);
  });
});

describe('bad position reports', () => {
  const prev = { id: 'A1', lon: 113.66, lat: 34.755, at: 1_000_000, status: 'to_scene', station: 'S1' };
  it('rejects a jump across the city, fixes from the future or the past, and a fix going back', () => {
    expect(checkReport({ ...prev, lon: 113.9, at: 1_030_000 }, prev, { t: 1_030_000 })).toMatch(/jumps 2\d\.\d km in 30 s/);
    expect(checkReport({ ...prev, lon: 113.661, at: 1_030_000 }, prev, { t: 1_030_000 })).toBeNull();
    expect(checkReport({ ...prev, at: 1_000_000 + 3_600_000 }, prev, { t: 1_001_000 })).toMatch(/future/);
    expect(checkReport({ ...prev, at: 1_000_000 }, undefined, { t: 1_000_000 + 30 * 60_000 })).toMatch(/past/);
    expect(checkReport({ ...prev, at: 990_000 }, prev, { t: 1_000_500 })).toMatch(/goes back/);
  });
  it('at the edge: an unknown ambulance id and a jump are rejected with their reasons, the rest accepted', () => {
    const edge = new Edge(new TopicRegistry(topics));
    const msg = (seq: number, t: number, upsert: unknown[], snapshot = false) => JSON.stringify({ topic: 'ambulances', seq, ts: t, upsert, ...(snapshot ? { snapshot } : {}) });
    expect(edge.acceptText(msg(1, 1_000_000, [prev], true)).ok).toBe(true);
    const unknown = edge.acceptText(msg(2, 1_001_000, [{ ...prev, id: 'A9', at: 1_001_000 }]));
    expect(unknown.ok ? '' : unknown.reject.reason).toMatch(/unknown id "A9"/);
    const jump = edge.acceptText(msg(3, 1_002_000, [{ ...prev, lat: 34.5, at: 1_002_000 }]));
    expect(jump.ok ? '' : jump.reject.reason).toMatch(/jumps/);
    expect(edge.acceptText(msg(4, 1_003_000, [{ ...prev, lon: 113.6605, at: 1_003_000 }])).ok).toBe(true);
    expect(edge.countsOf('ambulances')).toMatchObject({ accepted: 2, rejected: 2 });
  });
});
