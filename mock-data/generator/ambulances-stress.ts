/**
 * The stress timeline for the benchmark (bench/scenarios/ambulances.ts): N ambulances all
 * driving at once on the road network, each mid-way through a routed trip, reporting their
 * position every second for `seconds` seconds (1 Hz). SIMULATED; seeded.
 */
import { createWriteStream } from 'node:fs';
import { AMB_TOPIC, TRIP_TOPIC } from '../../layers/ambulances/topic';
import { haversine } from '../../src/geo/geometry';
import { fastestTree, makeTrip, pathTo, roadNetwork, tripAt, type Trip } from './ambulances-plan';
import { tripEntity } from './ambulances';
import { isoBeijing } from './timeline';
import { rng } from './rng';

export const STRESS_T0 = Date.parse('2021-07-19T10:00:00+08:00');

export async function writeAmbulanceStress(file: string, n = 5000, seconds = 60): Promise<number> {
  const { graph: g, usable } = roadNetwork();
  const r = rng(5000 + n);
  const legs = ['to_scene', 'to_hospital', 'returning'] as const;
  const trips: Trip[] = [];
  const trees = new Map<number, ReturnType<typeof fastestTree>>();
  while (trips.length < n) {
    const a = usable[Math.floor(r() * usable.length)];
    const b = usable[Math.floor(r() * usable.length)];
    if (haversine(g.nodes[a], g.nodes[b]) < 4000) continue;
    let tree = trees.get(a);
    if (!tree) trees.set(a, (tree = fastestTree(g, a, STRESS_T0)));
    const nodes = pathTo(tree, b);
    if (nodes.length < 2) continue;
    const probe = makeTrip(g, nodes, 0, { id: '', amb: '', call: '', leg: 'to_scene' });
    const dur = probe.end - probe.start;
    if (dur < (seconds + 30) * 1000) continue;
    const start = STRESS_T0 - Math.floor(r() * (dur - (seconds + 10) * 1000));
    const k = trips.length;
    trips.push(makeTrip(g, nodes, start, { id: `T${k + 1}`, amb: `A${String(k + 1).padStart(4, '0')}`, call: `C${k + 1}`, leg: legs[k % 3] }));
  }
  const out = createWriteStream(file);
  const write = (o: unknown) => new Promise<void>((res) => (out.write(JSON.stringify(o) + '\n') ? res() : out.once('drain', () => res())));
  const report = (trip: Trip, t: number) => {
    const s = tripAt(trip, t);
    return { id: trip.amb, lon: Math.round(s.pos[0] * 1e5) / 1e5, lat: Math.round(s.pos[1] * 1e5) / 1e5, at: t, status: trip.leg, station: 'S01', call: trip.call, trip: trip.id, d: Math.round(s.d * 10) / 10, v: Math.round(s.v * 10) / 10, eta: trip.end };
  };
  let tripSeq = 0;
  for (let i = 0; i < n; i += 1000) await write({ topic: TRIP_TOPIC, seq: ++tripSeq, ts: isoBeijing(STRESS_T0), ...(i === 0 ? { snapshot: true } : {}), upsert: trips.slice(i, i + 1000).map(tripEntity) });
  let lines = tripSeq;
  for (let s = 0; s <= seconds; s++) {
    const t = STRESS_T0 + s * 1000;
    await write({ topic: AMB_TOPIC, seq: s + 1, ts: isoBeijing(t), ...(s === 0 ? { snapshot: true } : {}), upsert: trips.map((tr) => report(tr, t)) });
    lines++;
  }
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  return lines;
}
