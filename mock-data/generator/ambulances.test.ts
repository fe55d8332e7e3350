import { describe, expect, it } from 'vitest';
import { haversine } from '../../src/geo/geometry';
import { TimelineBuilder } from './timeline';
import { buildAmbulances, defaultPlan, planFigures, AMB_DEFAULT } from './ambulances';
import { NEXT_STATUS, phaseAt, tripAt, fastestTree } from './ambulances-plan';
import { ECG_HZ, ecgBatch, patientOf } from './ambulances-ecg';

const plan = defaultPlan();

describe('the 120 plan (seeded simulation)', () => {
  it('has a fleet of hundreds and ~900 calls on an ordinary day, more on 20 July', () => {
    const f = planFigures(plan);
    expect(f.fleet).toBeGreaterThan(200);
    expect(f.callsPerDay['2021-07-19']).toBeGreaterThan(700);
    expect(f.callsPerDay['2021-07-19']).toBeLessThan(1100);
    expect(f.callsPerDay['2021-07-20']).toBeGreaterThan(1.4 * f.callsPerDay['2021-07-19']);
  });
  it('routes every trip on the road network: consecutive vertices are joined by a road', () => {
    const g = plan.graph;
    for (const trip of plan.trips.slice(0, 2000)) {
      for (let i = 1; i < trip.nodes.length; i++) {
        const a = trip.nodes[i - 1];
        const b = trip.nodes[i];
        if (a === b) continue;
        expect(g.adj[a].some((e) => e.to === b)).toBe(true);
      }
      // the route is never shorter than the straight line, and the times increase
      const crow = haversine(trip.coords[0], trip.coords[trip.coords.length - 1]);
      expect(trip.cum[trip.cum.length - 1]).toBeGreaterThanOrEqual(crow - 1);
      for (let i = 1; i < trip.times.length; i++) expect(trip.times[i]).toBeGreaterThan(trip.times[i - 1]);
    }
  });
  it('status changes follow the allowed transitions and phases tile time', () => {
    for (const a of plan.ambulances) {
      for (let i = 1; i < a.phases.length; i++) {
        const p = a.phases[i - 1];
        const q = a.phases[i];
        expect(NEXT_STATUS[p.status]).toContain(q.status);
        expect(p.to).toBe(q.from);
      }
    }
  });
  it('dispatches the nearest available ambulance by travel time', () => {
    const ambById = new Map(plan.ambulances.map((a) => [a.id, a]));
    const stationNode = new Map(plan.stations.map((s) => [s.id, s.node]));
    let checked = 0;
    for (const c of plan.calls.slice(0, 300)) {
      if (!c.amb || c.dispatchT === undefined) continue;
      const tree = fastestTree(plan.graph, c.node, c.dispatchT);
      const chosen = tree.time[stationNode.get(ambById.get(c.amb)!.station)!];
      for (const a of plan.ambulances) {
        const p = phaseAt(a, c.dispatchT - 1);
        if (p.status === 'available' && a.id !== c.amb) expect(tree.time[stationNode.get(a.station)!]).toBeGreaterThanOrEqual(chosen - 1e-6);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });
  it('the 20 July evening is slower: flooded roads stretch the response', () => {
    const resp = (from: string, to: string) => {
      const xs = plan.calls.filter((c) => c.arriveT && c.t >= Date.parse(from) && c.t < Date.parse(to)).map((c) => (c.arriveT! - c.t) / 60_000);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(resp('2021-07-20T17:00:00+08:00', '2021-07-20T22:00:00+08:00')).toBeGreaterThan(1.5 * resp('2021-07-19T17:00:00+08:00', '2021-07-19T22:00:00+08:00'));
  });
});

describe('the 120 timeline', () => {
  it('reports lie on the trip at their time; one report per ambulance per message', () => {
    const b = new TimelineBuilder();
    const w = { from: Date.parse('2021-07-20T18:00:00+08:00'), to: Date.parse('2021-07-20T18:10:00+08:00') };
    buildAmbulances(b, w, { ...AMB_DEFAULT, reportEveryS: 1 }, plan);
    const trips = new Map(plan.trips.map((t) => [t.id, t]));
    let n = 0;
    for (const line of b.lines()) {
      const m = JSON.parse(line) as { topic: string; upsert?: { id: string; lon: number; lat: number; at: number; trip?: string }[] };
      if (m.topic !== 'ambulances') continue;
      const ids = new Set(m.upsert!.map((e) => e.id));
      expect(ids.size).toBe(m.upsert!.length);
      for (const e of m.upsert!) {
        if (!e.trip) continue;
        const p = tripAt(trips.get(e.trip)!, e.at).pos;
        expect(haversine(p, [e.lon, e.lat])).toBeLessThan(2);
        n++;
      }
    }
    expect(n).toBeGreaterThan(20_000); // 1 Hz for every moving ambulance
  });
});

describe('the synthetic ECG', () => {
  it('is 250 samples a second with the heart rate of the vitals (R peaks counted)', () => {
    const p = patientOf(42, false);
    const mv: number[] = [];
    const t0 = 1_626_775_200_000;
    for (let k = 0; k < 30; k++) mv.push(...ecgBatch('A1', p, t0 + k * 1000).mv);
    expect(mv.length).toBe(30 * ECG_HZ);
    let peaks = 0;
    for (let i = 1; i < mv.length - 1; i++) if (mv[i] > 70 && mv[i] >= mv[i - 1] && mv[i] > mv[i + 1]) peaks++;
    const bpm = (peaks / 30) * 60;
    expect(Math.abs(bpm - p.hr)).toBeLessThan(8);
    expect(ecgBatch('A1', p, t0).mv).toEqual(ecgBatch('A1', p, t0).mv); // deterministic
  });
});
