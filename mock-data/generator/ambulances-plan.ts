/**
 * The 120 service as a seeded discrete-event simulation (SIMULATED): emergency calls
 * arrive where people live (denser near the centre) at a rate that follows the hour of the
 * day and, on 20 July 2021, surges with the rainstorm; the dispatcher sends the nearest
 * available ambulance by road travel time; it drives to the scene along the road network
 * (fastest path on the schematic roads, src/geo/roadGraph.ts), treats the patient, carries
 * most patients to a chosen hospital (chest pain → a chest-pain centre; others → the
 * nearest emergency department, tertiary preferred), hands over, and drives back to its
 * station. Rain slows traffic; on the evening of 20 July roads near the flooded hotspots
 * crawl. Pure and deterministic: the same seed gives the same plan.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRoadGraph, reachable, type RoadGraph, type RoadsFC } from '../../src/geo/roadGraph';
import { haversine, type LonLat } from '../../src/geo/geometry';
import { HOSPITALS, type HospitalDef } from '../catalog/hospitals';
import { buildStations, CENTRE, type StationDef } from '../catalog/stations';
import { HOTSPOTS } from '../catalog/hotspots';
import { RAIN_2021_07_HOURLY } from '../catalog/rainfall-2021-07';
import { districtOf, loadGeo, type Geo } from './parking-sites';
import { rng } from './rng';

export type AmbStatus = 'available' | 'to_scene' | 'at_scene' | 'to_hospital' | 'at_hospital' | 'returning';
export type Leg = 'to_scene' | 'to_hospital' | 'returning';

/** The statuses a status may change to (what the simulation and the layer's checks allow). */
export const NEXT_STATUS: Record<AmbStatus, AmbStatus[]> = {
  available: ['to_scene'],
  to_scene: ['at_scene'],
  at_scene: ['to_hospital', 'returning'],
  to_hospital: ['at_hospital'],
  at_hospital: ['returning'],
  returning: ['available'],
};

export interface Trip {
  id: string;
  amb: string;
  call: string;
  leg: Leg;
  nodes: number[];
  coords: LonLat[];
  /** metres from the start at each vertex */
  cum: number[];
  /** epoch ms at each vertex */
  times: number[];
  start: number;
  end: number;
  hosp?: string;
}

export interface Phase {
  status: AmbStatus;
  from: number;
  /** Infinity for the last phase */
  to: number;
  /** where it stands (stationary phases) */
  pos: LonLat;
  trip?: Trip;
  call?: string;
  hosp?: string;
  /** the patient is monitored (ECG) during this phase */
  ecg?: boolean;
}

export type CallKind = 'chest_pain' | 'stroke' | 'trauma' | 'traffic' | 'fall' | 'breathing' | 'unconscious' | 'illness' | 'obstetric' | 'poisoning' | 'flood' | 'electric';

export interface Call {
  id: string;
  t: number;
  lon: number;
  lat: number;
  node: number;
  district: string;
  district_en: string;
  kind: CallKind;
  priority: 1 | 2 | 3;
  target_s: number;
  transport: boolean;
  monitored: boolean;
  stemi: boolean;
  amb?: string;
  dispatchT?: number;
  arriveT?: number;
  leaveT?: number;
  hosp?: string;
  hospT?: number;
  doneT?: number;
}

export interface Ambulance {
  id: string;
  station: string;
  plate: string;
  phases: Phase[];
}

export interface Plan {
  from: number;
  to: number;
  graph: RoadGraph;
  stations: StationDef[];
  hospitals: (HospitalDef & { node: number })[];
  ambulances: Ambulance[];
  calls: Call[];
  trips: Trip[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROADS_FILE = join(HERE, '../../public/geo/roads.geojson');

let geoCache: { graph: RoadGraph; geo: Geo; usable: number[] } | null = null;
/** The road graph of the shipped schematic roads and the nodes of its main component. */
export function roadNetwork(): { graph: RoadGraph; geo: Geo; usable: number[] } {
  if (geoCache) return geoCache;
  const fc = JSON.parse(readFileSync(ROADS_FILE, 'utf8')) as RoadsFC;
  const graph = buildRoadGraph(fc);
  // the largest connected component
  let best = new Set<number>();
  const seen = new Set<number>();
  for (let i = 0; i < graph.nodes.length; i++) {
    if (seen.has(i)) continue;
    const comp = reachable(graph, i);
    for (const n of comp) seen.add(n);
    if (comp.size > best.size) best = comp;
  }
  geoCache = { graph, geo: loadGeo(), usable: [...best].sort((a, b) => a - b) };
  return geoCache;
}

/** km/h of an ambulance under lights and siren, by road class, in free traffic. */
export const CLASS_KMH: Record<string, number> = { expressway: 55, ring: 40, arterial: 30 };

/** crew to vehicle after the dispatch order (s): the trip starts this much later */
export const TURNOUT_S = { min: 60, max: 180 };

const RAIN_START = Date.parse(RAIN_2021_07_HOURLY.start!);
/** mm in the hour containing t (0 outside the reconstructed series) */
export function rainAt(t: number): number {
  const i = Math.floor((t - RAIN_START) / 3_600_000);
  return i >= 0 && i < RAIN_2021_07_HOURLY.values_mm.length ? RAIN_2021_07_HOURLY.values_mm[i] : 0;
}

/** The flooded window of 20–21 July 2021 (roads near the waterlogging hotspots crawl). */
export const FLOOD_WINDOW = { from: Date.parse('2021-07-20T16:00:00+08:00'), to: Date.parse('2021-07-21T06:00:00+08:00') };

const hourOf = (t: number) => new Date(t + 8 * 3_600_000).getUTCHours();

/** Speed factor of the whole city at t: rush hours and rain (heavier rain, slower traffic). */
export function cityFactor(t: number): number {
  const h = hourOf(t);
  const rush = h === 7 || h === 8 || h === 17 || h === 18 ? 0.75 : 1;
  const rain = Math.max(rainAt(t), 0.6 * rainAt(t - 3_600_000));
  return rush / (1 + rain / 45);
}

let nearHotspot: Uint8Array | null = null;
/** 1 for nodes within 1.2 km of a waterlogging hotspot */
function floodNodes(g: RoadGraph): Uint8Array {
  if (nearHotspot && nearHotspot.length === g.nodes.length) return nearHotspot;
  nearHotspot = new Uint8Array(g.nodes.length);
  for (let i = 0; i < g.nodes.length; i++) if (HOTSPOTS.some((h) => haversine(g.nodes[i], [h.lon, h.lat]) < 1200)) nearHotspot[i] = 1;
  return nearHotspot;
}

/** metres per second on an edge for a trip starting at t */
export function edgeSpeed(g: RoadGraph, a: number, road: number, t: number, factor = cityFactor(t)): number {
  let kmh = (CLASS_KMH[g.roads[road].class] ?? 40) * factor;
  if (t >= FLOOD_WINDOW.from && t < FLOOD_WINDOW.to && floodNodes(g)[a]) kmh *= 0.35;
  return Math.max(4, kmh) / 3.6;
}

class Heap<T> {
  private k: number[] = [];
  private v: T[] = [];
  get size() {
    return this.v.length;
  }
  push(key: number, value: T) {
    this.k.push(key);
    this.v.push(value);
    let i = this.v.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.k[p] <= this.k[i]) break;
      [this.k[p], this.k[i]] = [this.k[i], this.k[p]];
      [this.v[p], this.v[i]] = [this.v[i], this.v[p]];
      i = p;
    }
  }
  pop(): { key: number; value: T } {
    const key = this.k[0];
    const value = this.v[0];
    const lk = this.k.pop()!;
    const lv = this.v.pop()!;
    if (this.v.length) {
      this.k[0] = lk;
      this.v[0] = lv;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.v.length && this.k[l] < this.k[m]) m = l;
        if (r < this.v.length && this.k[r] < this.k[m]) m = r;
        if (m === i) break;
        [this.k[m], this.k[i]] = [this.k[i], this.k[m]];
        [this.v[m], this.v[i]] = [this.v[i], this.v[m]];
        i = m;
      }
    }
    return { key, value };
  }
}

export interface Tree {
  /** seconds from the source */
  time: Float64Array;
  prev: Int32Array;
  prevRoad: Int32Array;
}

/** Fastest-path tree (Dijkstra by travel time) from a node, for trips starting at t. */
const treeCache = new Map<string, Tree>();
export function fastestTree(g: RoadGraph, src: number, t: number): Tree {
  // the tree depends on the source, the city factor and the flood window only: cached
  const key = `${src}|${cityFactor(t)}|${t >= FLOOD_WINDOW.from && t < FLOOD_WINDOW.to ? 1 : 0}|${g.nodes.length}`;
  let tree = treeCache.get(key);
  if (!tree) {
    if (treeCache.size > 4000) treeCache.clear();
    tree = computeTree(g, src, t);
    treeCache.set(key, tree);
  }
  return tree;
}

function computeTree(g: RoadGraph, src: number, t: number): Tree {
  const n = g.nodes.length;
  const time = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const prevRoad = new Int32Array(n).fill(-1);
  const heap = new Heap<number>();
  const factor = cityFactor(t);
  time[src] = 0;
  heap.push(0, src);
  while (heap.size) {
    const { key, value: u } = heap.pop();
    if (key > time[u]) continue;
    for (const e of g.adj[u]) {
      const d = key + e.w / edgeSpeed(g, u, e.road, t, factor);
      if (d < time[e.to]) {
        time[e.to] = d;
        prev[e.to] = u;
        prevRoad[e.to] = e.road;
        heap.push(d, e.to);
      }
    }
  }
  return { time, prev, prevRoad };
}

/** Node path from the tree's source to `to` (source first). */
export function pathTo(tree: Tree, to: number): number[] {
  const out: number[] = [];
  for (let u = to; u !== -1; u = tree.prev[u]) out.push(u);
  return out.reverse();
}

/** A trip along a node path starting at t: vertex times from the edge speeds. */
export function makeTrip(g: RoadGraph, nodes: number[], t: number, base: Omit<Trip, 'nodes' | 'coords' | 'cum' | 'times' | 'start' | 'end'>): Trip {
  const coords = nodes.map((n) => g.nodes[n]);
  const cum = [0];
  const times = [t];
  const factor = cityFactor(t);
  for (let i = 1; i < nodes.length; i++) {
    const a = nodes[i - 1];
    if (a === nodes[i]) {
      // a call next to the station: no road to drive (a 1-s hop)
      cum.push(cum[i - 1]);
      times.push(times[i - 1] + 1000);
      continue;
    }
    const e = g.adj[a].find((x) => x.to === nodes[i]);
    if (!e) throw new Error(`no road between nodes ${a} and ${nodes[i]}`);
    cum.push(cum[i - 1] + e.w);
    times.push(times[i - 1] + (e.w / edgeSpeed(g, a, e.road, t, factor)) * 1000);
  }
  // whole seconds (reports are per second)
  const end = Math.max(t + 1000, Math.ceil(times[times.length - 1] / 1000) * 1000);
  times[times.length - 1] = end;
  return { ...base, nodes, coords, cum, times, start: t, end };
}

/** Hourly call-rate profile (relative, mean ≈ 1) by Beijing hour. */
const HOURLY = [0.55, 0.45, 0.4, 0.38, 0.4, 0.5, 0.7, 0.95, 1.15, 1.25, 1.25, 1.2, 1.1, 1.05, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.25, 1.1, 0.9, 0.72];

/** Calls per day on an ordinary day (a 10-million city; see docs/ambulances.md). */
export const CALLS_PER_DAY = 900;

/** The 20 July 2021 surge: multiplier of the call rate at t. */
export function surge(t: number): number {
  const at = (iso: string) => Date.parse(iso);
  if (t >= at('2021-07-20T15:00:00+08:00') && t < at('2021-07-20T16:00:00+08:00')) return 1.6;
  if (t >= at('2021-07-20T16:00:00+08:00') && t < at('2021-07-20T23:00:00+08:00')) return 3.2;
  if (t >= at('2021-07-20T23:00:00+08:00') && t < at('2021-07-21T04:00:00+08:00')) return 2;
  if (t >= at('2021-07-21T04:00:00+08:00') && t < at('2021-07-21T12:00:00+08:00')) return 1.4;
  return 1;
}

export function callRatePerHour(t: number): number {
  return (CALLS_PER_DAY / 24) * HOURLY[hourOf(t)] * surge(t);
}

const KINDS: [CallKind, number][] = [
  ['chest_pain', 0.12], ['stroke', 0.08], ['trauma', 0.13], ['traffic', 0.11], ['fall', 0.12], ['breathing', 0.1],
  ['unconscious', 0.08], ['illness', 0.16], ['obstetric', 0.05], ['poisoning', 0.05],
];
const FLOOD_KINDS: [CallKind, number][] = [['flood', 0.3], ['electric', 0.05], ['trauma', 0.15], ['breathing', 0.1], ['chest_pain', 0.1], ['illness', 0.15], ['fall', 0.1], ['unconscious', 0.05]];

function pick<T>(r: () => number, list: [T, number][]): T {
  const total = list.reduce((a, [, w]) => a + w, 0);
  let x = r() * total;
  for (const [v, w] of list) if ((x -= w) <= 0) return v;
  return list[list.length - 1][0];
}

/** Response-time target (call to arrival, s): 12 min in the urban districts, 20 min in the counties. */
export function targetFor(district: string): number {
  return /[县市]$/.test(district) ? 20 * 60 : 12 * 60;
}

export interface PlanOptions {
  from: number;
  to: number;
  seed?: number;
  /** calls per day on an ordinary day */
  callsPerDay?: number;
}

type Ev =
  | { k: 'call'; call: Call }
  | { k: 'dispatch'; call: Call }
  | { k: 'arriveScene'; amb: Ambulance; call: Call }
  | { k: 'leaveScene'; amb: Ambulance; call: Call }
  | { k: 'arriveHosp'; amb: Ambulance; call: Call }
  | { k: 'leaveHosp'; amb: Ambulance; call: Call }
  | { k: 'arriveStation'; amb: Ambulance };

const sec = (t: number) => Math.round(t / 1000) * 1000;

/** Run the simulation over [from, to). */
export function buildPlan(opts: PlanOptions): Plan {
  const { graph: g, geo, usable } = roadNetwork();
  const seed = opts.seed ?? 120_2021;
  const r = rng(seed);
  const usableSet = new Set(usable);
  const nearest = (p: LonLat) => {
    let best = usable[0];
    let bd = Infinity;
    for (const n of usable) {
      const d = haversine(g.nodes[n], p);
      if (d < bd) {
        bd = d;
        best = n;
      }
    }
    return best;
  };
  const stations = buildStations(g.nodes, usable, nearest);
  const hospitals = HOSPITALS.map((h) => ({ ...h, node: nearest([h.lon, h.lat]) }));
  const stationById = new Map(stations.map((s) => [s.id, s]));
  const ambulances: Ambulance[] = [];
  for (const s of stations)
    for (let k = 0; k < s.fleet; k++) {
      const id = `A${String(ambulances.length + 1).padStart(3, '0')}`;
      ambulances.push({ id, station: s.id, plate: `豫A·${(12000 + ambulances.length * 37) % 90000 + 10000}急`, phases: [{ status: 'available', from: opts.from, to: Infinity, pos: g.nodes[s.node] }] });
    }
  const rate = (t: number) => (callRatePerHour(t) * (opts.callsPerDay ?? CALLS_PER_DAY)) / CALLS_PER_DAY;
  // call places: road junctions weighted by closeness to the centre (people), counties kept
  const weights = usable.map((n) => Math.exp(-haversine(g.nodes[n], CENTRE) / 7000) + 0.06);
  const wTotal = weights.reduce((a, b) => a + b, 0);
  const pickNode = () => {
    let x = r() * wTotal;
    for (let i = 0; i < usable.length; i++) if ((x -= weights[i]) <= 0) return usable[i];
    return usable[usable.length - 1];
  };

  const events = new Heap<Ev>();
  const calls: Call[] = [];
  const trips: Trip[] = [];
  // calls: a non-homogeneous Poisson process (thinning)
  const maxRate = (CALLS_PER_DAY / 24) * 1.3 * 3.2 * ((opts.callsPerDay ?? CALLS_PER_DAY) / CALLS_PER_DAY);
  for (let t = opts.from; ; ) {
    t += (-Math.log(1 - r()) / maxRate) * 3_600_000;
    if (t >= opts.to) break;
    if (r() > rate(t) / maxRate) continue;
    const node = pickNode();
    const ang = r() * 2 * Math.PI;
    const off = 40 + 100 * r();
    const lat = g.nodes[node][1] + (off * Math.sin(ang)) / 111_320;
    const lon = g.nodes[node][0] + (off * Math.cos(ang)) / (111_320 * Math.cos((lat * Math.PI) / 180));
    const d = districtOf(geo, [lon, lat]) ?? { zh: '其他', en: 'Other' };
    const flood = t >= FLOOD_WINDOW.from && t < FLOOD_WINDOW.to;
    const kind = pick(r, flood ? FLOOD_KINDS : KINDS);
    const critical = kind === 'chest_pain' || kind === 'stroke' || kind === 'unconscious' || kind === 'flood' || kind === 'electric';
    const transport = r() < (critical ? 0.95 : 0.72);
    const monitored = transport && (kind === 'chest_pain' || (critical && r() < 0.3));
    const call: Call = {
      id: `C${String(calls.length + 1).padStart(5, '0')}`,
      t: sec(t),
      lon: Math.round(lon * 1e5) / 1e5,
      lat: Math.round(lat * 1e5) / 1e5,
      node,
      district: d.zh,
      district_en: d.en,
      kind,
      priority: critical ? 1 : kind === 'illness' || kind === 'fall' ? 3 : 2,
      target_s: targetFor(d.zh),
      transport,
      monitored,
      stemi: kind === 'chest_pain' && monitored && r() < 0.45,
    };
    calls.push(call);
    events.push(call.t, { k: 'call', call });
  }

  const waiting: Call[] = [];
  const current = (a: Ambulance) => a.phases[a.phases.length - 1];
  const begin = (a: Ambulance, p: Omit<Phase, 'to'>) => {
    current(a).to = p.from;
    a.phases.push({ ...p, to: Infinity });
  };
  const ambOf = new Map<string, Ambulance>(ambulances.map((a) => [a.id, a]));
  let tripNo = 0;

  const dispatch = (call: Call, t: number): boolean => {
    const free = ambulances.filter((a) => current(a).status === 'available');
    if (!free.length) return false;
    const tree = fastestTree(g, call.node, t);
    let best: Ambulance | null = null;
    let bt = Infinity;
    for (const a of free) {
      const tt = tree.time[stationById.get(a.station)!.node];
      if (tt < bt) {
        bt = tt;
        best = a;
      }
    }
    if (!best || !Number.isFinite(bt)) return false;
    const from = stationById.get(best.station)!.node;
    const nodes = pathTo(tree, from).reverse();
    const turnout = sec((TURNOUT_S.min + (TURNOUT_S.max - TURNOUT_S.min) * r()) * 1000);
    const trip = makeTrip(g, nodes.length > 1 ? nodes : [from, from], t + turnout, { id: `T${++tripNo}`, amb: best.id, call: call.id, leg: 'to_scene' });
    if (nodes.length < 2) trip.coords = [g.nodes[from], g.nodes[from]];
    trips.push(trip);
    call.amb = best.id;
    call.dispatchT = t;
    begin(best, { status: 'to_scene', from: t, pos: g.nodes[from], trip, call: call.id });
    events.push(trip.end, { k: 'arriveScene', amb: best, call });
    return true;
  };

  while (events.size) {
    const { key: t, value: ev } = events.pop();
    if (t >= opts.to + 6 * 3_600_000) break;
    switch (ev.k) {
      case 'call':
        // call taking: 45–150 s before the dispatch order
        events.push(sec(t + (45 + 105 * r()) * 1000), { k: 'dispatch', call: ev.call });
        break;
      case 'dispatch':
        if (!dispatch(ev.call, t)) waiting.push(ev.call);
        break;
      case 'arriveScene': {
        const call = ev.call;
        call.arriveT = t;
        begin(ev.amb, { status: 'at_scene', from: t, pos: g.nodes[call.node], call: call.id, ecg: call.monitored });
        events.push(sec(t + (6 + 12 * r()) * 60_000), { k: 'leaveScene', amb: ev.amb, call });
        break;
      }
      case 'leaveScene': {
        const call = ev.call;
        call.leaveT = t;
        const tree = fastestTree(g, call.node, t);
        if (call.transport) {
          const eligible = hospitals.filter((h) => (call.kind === 'chest_pain' || call.kind === 'stroke' ? h.chestPain : true));
          let best = eligible[0];
          let bt = Infinity;
          for (const h of eligible) {
            const tt = tree.time[h.node] * (h.grade === 2 ? 1.25 : 1);
            if (tt < bt) {
              bt = tt;
              best = h;
            }
          }
          call.hosp = best.id;
          const nodes = pathTo(tree, best.node);
          const trip = makeTrip(g, nodes.length > 1 ? nodes : [call.node, call.node], t, { id: `T${++tripNo}`, amb: ev.amb.id, call: call.id, leg: 'to_hospital', hosp: best.id });
          trips.push(trip);
          begin(ev.amb, { status: 'to_hospital', from: t, pos: g.nodes[call.node], trip, call: call.id, hosp: best.id, ecg: call.monitored });
          events.push(trip.end, { k: 'arriveHosp', amb: ev.amb, call });
        } else {
          call.doneT = t;
          const home = stationById.get(ev.amb.station)!.node;
          const nodes = pathTo(tree, home);
          const trip = makeTrip(g, nodes.length > 1 ? nodes : [home, home], t, { id: `T${++tripNo}`, amb: ev.amb.id, call: call.id, leg: 'returning' });
          trips.push(trip);
          begin(ev.amb, { status: 'returning', from: t, pos: g.nodes[call.node], trip, call: call.id });
          events.push(trip.end, { k: 'arriveStation', amb: ev.amb });
        }
        break;
      }
      case 'arriveHosp': {
        const call = ev.call;
        call.hospT = t;
        const h = hospitals.find((x) => x.id === call.hosp)!;
        begin(ev.amb, { status: 'at_hospital', from: t, pos: g.nodes[h.node], call: call.id, hosp: h.id });
        events.push(sec(t + (8 + 12 * r()) * 60_000), { k: 'leaveHosp', amb: ev.amb, call });
        break;
      }
      case 'leaveHosp': {
        const call = ev.call;
        call.doneT = t;
        const h = hospitals.find((x) => x.id === call.hosp)!;
        const home = stationById.get(ev.amb.station)!.node;
        const tree = fastestTree(g, h.node, t);
        const nodes = pathTo(tree, home);
        const trip = makeTrip(g, nodes.length > 1 ? nodes : [home, home], t, { id: `T${++tripNo}`, amb: ev.amb.id, call: call.id, leg: 'returning' });
        trips.push(trip);
        begin(ev.amb, { status: 'returning', from: t, pos: g.nodes[h.node], trip, call: call.id });
        events.push(trip.end, { k: 'arriveStation', amb: ev.amb });
        break;
      }
      case 'arriveStation': {
        const a = ev.amb;
        begin(a, { status: 'available', from: t, pos: g.nodes[stationById.get(a.station)!.node] });
        // the most urgent waiting call, oldest first
        if (waiting.length) {
          waiting.sort((x, y) => x.priority - y.priority || x.t - y.t);
          const call = waiting.shift()!;
          if (!dispatch(call, t)) waiting.unshift(call);
        }
        break;
      }
    }
  }
  void usableSet;
  void ambOf;
  return { from: opts.from, to: opts.to, graph: g, stations, hospitals, ambulances, calls, trips };
}

/** Which phase of an ambulance holds time t (binary search). */
export function phaseAt(a: Ambulance, t: number): Phase {
  const ps = a.phases;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ps[mid].from <= t) lo = mid;
    else hi = mid - 1;
  }
  return ps[lo];
}

/** Position, distance along and speed of a trip at t. */
export function tripAt(trip: Trip, t: number): { pos: LonLat; d: number; v: number; seg: number } {
  const { times, cum, coords } = trip;
  if (t <= times[0]) return { pos: coords[0], d: 0, v: speedOf(trip, 0), seg: 0 };
  const n = times.length;
  if (t >= times[n - 1]) return { pos: coords[n - 1], d: cum[n - 1], v: 0, seg: n - 2 };
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) lo = mid;
    else hi = mid;
  }
  const f = (t - times[lo]) / (times[hi] - times[lo] || 1);
  const a = coords[lo];
  const b = coords[hi];
  return { pos: [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])], d: cum[lo] + f * (cum[hi] - cum[lo]), v: speedOf(trip, lo), seg: lo };
}

/** m/s on segment i of a trip */
export function speedOf(trip: Trip, i: number): number {
  const dt = (trip.times[i + 1] - trip.times[i]) / 1000;
  return dt > 0 ? (trip.cum[i + 1] - trip.cum[i]) / dt : 0;
}
