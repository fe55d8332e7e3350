/**
 * The 120 service as timelines (SIMULATED): turns the plan of ambulances-plan.ts into the
 * wire topics of layers/ambulances/topic.ts over a window. Position reports are emitted at
 * every status change, wherever the speed changes along a trip (so dead reckoning between
 * reports is exact) and every `reportEveryS` seconds while moving (1 = 1 Hz; the embedded
 * default uses a sparse period to stay small). The in-vehicle ECG is emitted at 250 Hz in
 * 1-s batches for monitored transports (all of them, or the `ecgMax` chosen evenly).
 */
import { AMB_TOPIC, CALL_TOPIC, ECG_TOPIC, HOSPITAL_TOPIC, STATION_TOPIC, STATS_TOPIC, TRIP_TOPIC } from '../../layers/ambulances/topic';
/** entities are built field by field here (the wire type is read-only) */
type Entity = { id: string; lon?: number; lat?: number; [k: string]: unknown };
import type { LonLat } from '../../src/geo/geometry';
import { ECG_BATCH_MS, ecgBatch, patientOf } from './ambulances-ecg';
import { buildPlan, phaseAt, speedOf, tripAt, type Ambulance, type Call, type Phase, type Plan, type Trip } from './ambulances-plan';
import type { TimelineBuilder } from './timeline';

export interface AmbulanceOptions {
  /** seconds between position reports of a moving ambulance (besides status and speed changes) */
  reportEveryS: number;
  /** how many monitored transports carry an ECG stream (Infinity: all) */
  ecgMax: number;
  /** time-bar events (the surge, ECG transmissions) */
  events?: boolean;
  /** continue a stream: no snapshots at the window's start (the live server's later chunks) */
  continuation?: boolean;
  /** flag every monitored transport `ecg: true` (the live server streams any of them on demand) */
  ecgFlagAll?: boolean;
}

export const AMB_DEFAULT: AmbulanceOptions = { reportEveryS: Infinity, ecgMax: 6, events: true };
/** the 120 fixtures: a report every 30 s of each moving ambulance (1 Hz: the live server and the stress fixture) */
export const AMB_FIXTURE: AmbulanceOptions = { reportEveryS: 30, ecgMax: 8, events: true };
/** the surge evening: ~200 vehicles on the road at once, a report a minute each */
export const AMB_EVENING: AmbulanceOptions = { reportEveryS: 60, ecgMax: 8, events: true };
/** an ECG recording covers at most this much of a transport (keeps fixtures small) */
export const ECG_MAX_MS = 8 * 60_000;

/** The plan over the default window (19–22 July 2021), built once per process. */
export const PLAN_WINDOW = { from: Date.parse('2021-07-19T00:00:00+08:00'), to: Date.parse('2021-07-22T00:00:00+08:00') };
let planCache: Plan | null = null;
export function defaultPlan(): Plan {
  return (planCache ??= buildPlan(PLAN_WINDOW));
}

const r5 = (v: number) => Math.round(v * 1e5) / 1e5;
const r1 = (v: number) => Math.round(v * 10) / 10;
const DAY = 86_400_000;
const BJ = 8 * 3_600_000;
export const dayOf = (t: number) => new Date(t + BJ).toISOString().slice(0, 10);
const dayStart = (t: number) => Math.floor((t + BJ) / DAY) * DAY - BJ;

/** A position report of ambulance `a` in phase `p` at time t (a whole second). */
export function reportAt(a: Ambulance, p: Phase, t: number, ecg: boolean): Entity {
  const e: Entity = { id: a.id, lon: 0, lat: 0, at: t, status: p.status, station: a.station };
  let pos: LonLat = p.pos;
  if (p.trip) {
    const s = tripAt(p.trip, t);
    pos = s.pos;
    e.trip = p.trip.id;
    e.d = r1(s.d);
    e.v = r1(s.v);
    e.eta = p.trip.end;
  }
  e.lon = r5(pos[0]);
  e.lat = r5(pos[1]);
  if (p.call) e.call = p.call;
  if (p.hosp) e.hosp = p.hosp;
  if (ecg) e.ecg = true;
  return e;
}

export function tripEntity(trip: Trip): Entity {
  const path: number[] = [];
  for (const c of trip.coords) path.push(r5(c[0]), r5(c[1]));
  // seconds from the start at each vertex (the planned timing: the layer moves along it)
  const tt = trip.times.map((x) => Math.round((x - trip.start) / 100) / 10);
  const e: Entity = { id: trip.id, amb: trip.amb, call: trip.call, leg: trip.leg, path, tt, start: trip.start, eta: trip.end, len_m: Math.round(trip.cum[trip.cum.length - 1]) };
  if (trip.hosp) e.hosp = trip.hosp;
  return e;
}

export function callStatusAt(c: Call, t: number): string | null {
  if (t < c.t) return null;
  if (c.leaveT !== undefined && t >= c.leaveT) return 'closed';
  if (c.arriveT !== undefined && t >= c.arriveT) return 'on_scene';
  if (c.dispatchT !== undefined && t >= c.dispatchT) return 'dispatched';
  return 'waiting';
}

export function callEntity(c: Call, t: number): Entity | null {
  const status = callStatusAt(c, t);
  if (!status) return null;
  const e: Entity = { id: c.id, lon: c.lon, lat: c.lat, at: c.t, kind: c.kind, priority: c.priority, district: c.district, status, target_s: c.target_s };
  if (c.amb && c.dispatchT !== undefined && t >= c.dispatchT) e.amb = c.amb;
  if (c.arriveT !== undefined && t >= c.arriveT) e.resp_s = Math.round((c.arriveT - c.t) / 1000);
  return e;
}

/** A call leaves the map when its crew leaves the scene. */
const CLOSED_KEEP_MS = 0;

/** Today's response times per district at t. */
export function statsAt(plan: Plan, t: number): Entity[] {
  const d0 = dayStart(t);
  const by = new Map<string, { name_en: string; n: number; sum: number; within: number; target: number }>();
  for (const c of plan.calls) {
    if (c.arriveT === undefined || c.arriveT > t || c.arriveT < d0) continue;
    const s = by.get(c.district) ?? { name_en: c.district_en, n: 0, sum: 0, within: 0, target: c.target_s };
    const resp = (c.arriveT - c.t) / 1000;
    s.n++;
    s.sum += resp;
    if (resp <= c.target_s) s.within++;
    by.set(c.district, s);
  }
  return [...by.entries()].sort().map(([name, s]) => ({ id: name, name, name_en: s.name_en, day: dayOf(t), n: s.n, mean_s: Math.round(s.sum / s.n), within: s.within, target_s: s.target }));
}

/** Monitored transports (to-hospital phases with ECG) of the plan, time order. */
export function monitoredPhases(plan: Plan): { amb: Ambulance; phase: Phase; call: Call }[] {
  const calls = new Map(plan.calls.map((c) => [c.id, c]));
  const out: { amb: Ambulance; phase: Phase; call: Call }[] = [];
  for (const a of plan.ambulances) for (const p of a.phases) if (p.status === 'to_hospital' && p.ecg) out.push({ amb: a, phase: p, call: calls.get(p.call!)! });
  return out.sort((x, y) => x.phase.from - y.phase.from || (x.amb.id < y.amb.id ? -1 : 1));
}

/** The transports (phase objects) whose ECG a fixture carries over [from, to). */
export function ecgPhases(plan: Plan, from: number, to: number, max: number): Set<Phase> {
  const list = monitoredPhases(plan).filter((m) => m.phase.from >= from && m.phase.to <= to);
  if (max >= list.length) return new Set(list.map((m) => m.phase));
  // evenly over the window, with the 20 July evening weighted in (half of them there)
  const evening = list.filter((m) => m.phase.from >= Date.parse('2021-07-20T17:00:00+08:00') && m.phase.from < Date.parse('2021-07-20T23:00:00+08:00'));
  const rest = list.filter((m) => !evening.includes(m));
  const take = <T,>(xs: T[], k: number) => (k <= 0 || !xs.length ? [] : Array.from({ length: Math.min(k, xs.length) }, (_, i) => xs[Math.floor(((i + 0.5) * xs.length) / Math.min(k, xs.length))]));
  const kE = evening.length ? Math.ceil(max / 2) : 0;
  return new Set([...take(evening, kE), ...take(rest, max - kE)].map((m) => m.phase));
}

export function patientFor(call: Call) {
  return patientOf(Number(call.id.slice(1)) * 7 + 11, call.stemi);
}

/**
 * Add the 120 topics over [w.from, w.to) to a timeline: static snapshots, the state at
 * w.from (snapshot), then every change.
 */
export function buildAmbulances(b: TimelineBuilder, w: { from: number; to: number }, opts: AmbulanceOptions, plan: Plan = defaultPlan()): void {
  const { from, to } = w;
  const calls = new Map(plan.calls.map((c) => [c.id, c]));
  const hospitalsById = new Map(plan.hospitals.map((h) => [h.id, h]));
  const snap = !opts.continuation;
  if (snap) b.add(HOSPITAL_TOPIC, from, { snapshot: true, upsert: plan.hospitals.map((h) => ({ id: h.id, lon: h.lon, lat: h.lat, name: h.name, name_en: h.name_en, grade: h.grade, chest_pain: h.chestPain, approximate: true })) });
  if (snap) b.add(STATION_TOPIC, from, { snapshot: true, upsert: plan.stations.map((s) => ({ id: s.id, lon: r5(s.lon), lat: r5(s.lat), name: s.name, name_en: s.name_en, ...(s.hospital ? { hospital: s.hospital } : {}), fleet: s.fleet, simulated: true })) });
  const ecgSet = ecgPhases(plan, from, to, opts.ecgMax);
  const ecgOn = (p: Phase) => ecgSet.has(p) || (!!opts.ecgFlagAll && p.status === 'to_hospital' && !!p.ecg);

  // reports grouped per second
  // (one report per ambulance and second: a later phase's report replaces an earlier one)
  const reports = new Map<number, Map<string, Entity>>();
  const report = (t: number, e: Entity) => {
    const l = reports.get(t);
    if (l) l.set(e.id, e);
    else reports.set(t, new Map([[e.id, e]]));
  };
  const tripsAt = new Map<number, { up: Entity[]; del: string[] }>();
  const tripMsg = (t: number) => tripsAt.get(t) ?? (tripsAt.set(t, { up: [], del: [] }), tripsAt.get(t)!);

  // state at `from`
  const snapAmb: Entity[] = [];
  const snapTrips: Entity[] = [];
  for (const a of plan.ambulances) {
    const p = phaseAt(a, from);
    snapAmb.push(reportAt(a, p, from, ecgOn(p)));
    if (p.trip) snapTrips.push(tripEntity(p.trip));
  }
  if (snap) {
    b.add(AMB_TOPIC, from, { snapshot: true, upsert: snapAmb });
    b.add(TRIP_TOPIC, from, { snapshot: true, upsert: snapTrips });
  }

  for (const a of plan.ambulances) {
    for (const p of a.phases) {
      if (p.to < from || (snap && p.to === from) || p.from >= to) continue;
      const ecg = ecgOn(p);
      if (p.from > from || (!snap && p.from === from)) {
        report(p.from, reportAt(a, p, p.from, ecg));
        if (p.trip) tripMsg(p.from).up.push(tripEntity(p.trip));
      }
      if (p.trip) {
        const trip = p.trip;
        if (trip.end < to && p.to > trip.end) void 0;
        // speed changes at vertices (rounded to the second)
        const t0 = Math.max(p.from, from);
        const t1 = Math.min(p.to, to);
        // (a stream's chunk also takes its first instant; a snapshot covers it otherwise)
        const inside = (tv: number) => tv < t1 && (tv > t0 || (!snap && tv === from && tv > p.from));
        const times = new Set<number>();
        for (let i = 1; i < trip.times.length - 1; i++) {
          if (Math.abs(speedOf(trip, i) - speedOf(trip, i - 1)) > 0.05) {
            const tv = Math.ceil(trip.times[i] / 1000) * 1000;
            if (inside(tv)) times.add(tv);
          }
        }
        if (Number.isFinite(opts.reportEveryS)) {
          const step = opts.reportEveryS * 1000;
          for (let tv = Math.ceil((p.from + 1) / step) * step; tv < t1; tv += step) if (inside(tv)) times.add(tv);
        } else times.clear(); // sparse: the trip's planned timing carries the motion
        for (const tv of times) report(tv, reportAt(a, p, tv, ecg));
        if (p.to < to && (p.to > from || !snap)) tripMsg(p.to).del.push(trip.id);
      }
    }
  }
  for (const [t, list] of reports) b.add(AMB_TOPIC, t, { upsert: [...list.values()] });
  for (const [t, m] of tripsAt) b.add(TRIP_TOPIC, t, { upsert: m.up, delete: m.del });

  // calls: snapshot of the open ones, then every change; closed ones leave after a while
  const open: Entity[] = [];
  for (const c of plan.calls) {
    const e = callEntity(c, from);
    if (e && e.status !== 'closed') open.push(e);
  }
  if (snap) b.add(CALL_TOPIC, from, { snapshot: true, upsert: open });
  const callMsgs = new Map<number, { up: Entity[]; del: string[] }>();
  const callMsg = (t: number) => callMsgs.get(t) ?? (callMsgs.set(t, { up: [], del: [] }), callMsgs.get(t)!);
  for (const c of plan.calls) {
    const end = c.leaveT;
    const changes = [c.t, c.dispatchT, c.arriveT].filter((x): x is number => x !== undefined);
    const inWin = (t: number) => (t > from || (!snap && t === from)) && t < to;
    for (const t of new Set(changes)) if (inWin(t)) callMsg(t).up.push(callEntity(c, t)!);
    if (end !== undefined && inWin(end + CLOSED_KEEP_MS)) callMsg(end + CLOSED_KEEP_MS).del.push(c.id);
  }
  for (const [t, m] of callMsgs) {
    // a call closed and deleted in the same second as another change: the delete wins
    const del = new Set(m.del);
    b.add(CALL_TOPIC, t, { upsert: m.up.filter((e) => !del.has(e.id)), delete: m.del });
  }

  // response-time stats: every 10 minutes, a snapshot of today's figures
  for (let t = Math.ceil(from / 600_000) * 600_000; t < to; t += 600_000) b.add(STATS_TOPIC, t, { snapshot: true, upsert: statsAt(plan, t) });
  if (from % 600_000 && snap) b.add(STATS_TOPIC, from, { snapshot: true, upsert: statsAt(plan, from) });

  // the ECG of monitored transports
  for (const p of ecgSet) {
    const a = plan.ambulances.find((x) => x.id === p.trip?.amb)!;
    const call = calls.get(p.call!)!;
    const patient = patientFor(call);
    // from the start of the transport (the monitor is connected on the stretcher)
    const start = Math.max(from, p.from);
    const end = Math.min(p.to, to, start + ECG_MAX_MS);
    for (let t0 = Math.ceil(start / ECG_BATCH_MS) * ECG_BATCH_MS; t0 + ECG_BATCH_MS <= end; t0 += ECG_BATCH_MS) {
      b.add(ECG_TOPIC, t0 + ECG_BATCH_MS, { upsert: [ecgBatch(a.id, patient, t0) as unknown as Entity] });
    }
    if (opts.events && p.from >= from) {
      const h = hospitalsById.get(p.hosp!)!;
      b.add('events', p.from, {
        upsert: [{ id: `ev-ecg-${call.id}`, title: `${a.id} 送医途中：心电图实时上传至${h.name}（模拟）`, title_en: `${a.id} en route: live ECG sent to ${h.name_en} (simulated)`, level: 'info', ref_topic: AMB_TOPIC, ref_id: a.id, lon: p.pos[0], lat: p.pos[1] }],
      });
    }
  }
  if (opts.events) {
    const surgeT = Date.parse('2021-07-20T16:00:00+08:00');
    if (surgeT >= from && surgeT < to) b.add('events', surgeT, { upsert: [{ id: 'ev-120-surge', title: '120 呼救激增，道路积水车辆减速（模拟）', title_en: '120 calls surge; flooded roads slow the ambulances (simulated)', level: 'warning', ref_topic: CALL_TOPIC }] });
  }
}

/** Figures of a plan, for the docs and the report. */
export function planFigures(plan: Plan) {
  const days = (plan.to - plan.from) / DAY;
  const perDay = new Map<string, number>();
  for (const c of plan.calls) perDay.set(dayOf(c.t), (perDay.get(dayOf(c.t)) ?? 0) + 1);
  return { fleet: plan.ambulances.length, stations: plan.stations.length, hospitals: plan.hospitals.length, calls: plan.calls.length, days, callsPerDay: Object.fromEntries(perDay), trips: plan.trips.length };
}
