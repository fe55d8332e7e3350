/**
 * The topics of the 120 layer (docs/ambulances.md):
 *
 *  - `hospitals`, `amb-stations` (static, one snapshot): receiving hospitals, 120 stations.
 *  - `ambulances` (closed set: ids from the fleet snapshot): one position report per vehicle
 *    `{id, lon, lat, at, status, station, call?, trip?, d?, v?, hosp?, eta?, ecg?}` — `at` is
 *    the GPS fix time (epoch ms), `d` the metres driven along the current trip's path and `v`
 *    the speed (m/s) at the fix: the layer dead-reckons along the trip's path between reports.
 *  - `amb-trips`: the route of each trip in progress `{id, amb, call, leg, path: [lon, lat, …],
 *    start, eta, len_m, hosp?}`; deleted when the trip ends.
 *  - `calls`: 120 calls `{id, lon, lat, at, kind, priority, district, status, amb?, hosp?,
 *    resp_s?, target_s}`; deleted some minutes after they are closed.
 *  - `amb-stats`: per district, today's response times (call → arrival) against the target.
 *  - `ecg` (selective, high rate): 1-s batches of 250 samples/s from the monitor of a
 *    patient's ambulance `{id: <ambulance>, t0, hz, mv: [0.01 mV …], hr, spo2, sys, dia, rr}`.
 *    Delivered ONLY for the ambulances a client subscribes to (DataSource.subscribe): the
 *    cockpit subscribes for the selected ambulance.
 *
 * Bad input is rejected at the edge with a diagnostic (checkReport): a report whose fix time
 * lies in the future or long in the past of its message, goes back in time, or jumps
 * farther than an ambulance can drive in the time between two fixes; an unknown ambulance id
 * (closedSet). None of them is drawn.
 */
import { z } from 'zod';
import { entitySchema, type TopicSpec } from '../../src/data/topics';
import type { Entity } from '../../src/data/wire';

export const AMB_TOPIC = 'ambulances';
export const TRIP_TOPIC = 'amb-trips';
export const CALL_TOPIC = 'calls';
export const STATION_TOPIC = 'amb-stations';
export const HOSPITAL_TOPIC = 'hospitals';
export const STATS_TOPIC = 'amb-stats';
export const ECG_TOPIC = 'ecg';

export const STATUSES = ['available', 'to_scene', 'at_scene', 'to_hospital', 'at_hospital', 'returning'] as const;
export type AmbStatusName = (typeof STATUSES)[number];
export const LEGS = ['to_scene', 'to_hospital', 'returning'] as const;
export const CALL_STATUSES = ['waiting', 'dispatched', 'on_scene', 'closed'] as const;

/** 216 km/h: faster than any ambulance drives; a report implying more is a bad fix. */
export const MAX_SPEED_MS = 60;
/** a fix may be this much later than its message (clock skew), ms */
export const MAX_FUTURE_MS = 5_000;
/** a fix older than this when its message is sent is stale, ms */
export const MAX_AGE_MS = 10 * 60_000;

const time = z.number().min(0).max(7_258_118_400_000);
const lonlat = z.number().min(-180).max(180);

export const ambulanceEntity = entitySchema({
  lon: lonlat,
  lat: z.number().min(-90).max(90),
  at: time,
  status: z.enum(STATUSES),
  station: z.string().min(1).max(40),
  plate: z.string().max(40).optional(),
  call: z.string().max(40).optional(),
  trip: z.string().max(40).optional(),
  d: z.number().min(0).max(1_000_000).optional(),
  v: z.number().min(0).max(MAX_SPEED_MS).optional(),
  hosp: z.string().max(40).optional(),
  eta: time.optional(),
  ecg: z.boolean().optional(),
});

export const tripEntity = entitySchema({
  amb: z.string().min(1).max(40),
  call: z.string().max(40).optional(),
  leg: z.enum(LEGS),
  path: z.array(z.number().min(-180).max(180)).min(4).max(20_000).refine((p) => p.length % 2 === 0, 'path holds lon, lat pairs'),
  /** planned seconds from the start at each vertex (optional): the layer moves along it */
  tt: z.array(z.number().min(0).max(86_400)).max(10_000).optional(),
  start: time,
  eta: time,
  len_m: z.number().min(0).max(1_000_000),
  hosp: z.string().max(40).optional(),
});

export const callEntity = entitySchema({
  at: time,
  kind: z.string().min(1).max(40),
  priority: z.number().int().min(1).max(3),
  district: z.string().max(40),
  district_en: z.string().max(80).optional(),
  status: z.enum(CALL_STATUSES),
  amb: z.string().max(40).optional(),
  hosp: z.string().max(40).optional(),
  resp_s: z.number().min(0).max(86_400).optional(),
  target_s: z.number().min(0).max(86_400),
});

export const stationEntity = entitySchema({
  name: z.string().min(1).max(200),
  name_en: z.string().max(200).optional(),
  hospital: z.string().max(40).optional(),
  fleet: z.number().int().min(0).max(1000),
  simulated: z.boolean().optional(),
});

export const hospitalEntity = entitySchema({
  name: z.string().min(1).max(200),
  name_en: z.string().max(200).optional(),
  grade: z.number().int().min(1).max(3),
  chest_pain: z.boolean().optional(),
  approximate: z.boolean().optional(),
});

export const statsEntity = entitySchema({
  name: z.string().max(40),
  name_en: z.string().max(80).optional(),
  day: z.string().max(10),
  n: z.number().int().min(0),
  mean_s: z.number().min(0).max(86_400),
  within: z.number().int().min(0),
  target_s: z.number().min(0).max(86_400),
});

export const ecgEntity = entitySchema({
  t0: time,
  hz: z.number().min(1).max(2000),
  mv: z.array(z.number().int().min(-2000).max(2000)).min(1).max(4000),
  hr: z.number().min(0).max(400).optional(),
  spo2: z.number().min(0).max(100).optional(),
  sys: z.number().min(0).max(400).optional(),
  dia: z.number().min(0).max(300).optional(),
  rr: z.number().min(0).max(120).optional(),
  simulated: z.boolean().optional(),
  stemi: z.boolean().optional(),
});

/** metres between two lon/lat points (equirectangular; fine below 100 km) */
export function metresBetween(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const k = Math.PI / 180;
  const x = (lon2 - lon1) * k * Math.cos(((lat1 + lat2) / 2) * k);
  const y = (lat2 - lat1) * k;
  return 6_371_008.8 * Math.hypot(x, y);
}

/**
 * Stateful check of a position report against the vehicle's previous accepted one and the
 * message's time (`msg.t`, epoch ms).
 */
export function checkReport(e: Entity, prev: Entity | undefined, msg?: { t: number }): string | null {
  const at = e.at as number;
  if (msg) {
    if (at > msg.t + MAX_FUTURE_MS) return `fix time ${new Date(at).toISOString()} is ${Math.round((at - msg.t) / 1000)} s after its message: a report from the future`;
    if (at < msg.t - MAX_AGE_MS) return `fix time ${new Date(at).toISOString()} is ${Math.round((msg.t - at) / 60_000)} min before its message: a stale report from the past`;
  }
  if (!prev) return null;
  const pat = prev.at as number;
  if (at < pat) return `fix time goes back ${Math.round((pat - at) / 1000)} s (previous fix ${new Date(pat).toISOString()})`;
  const m = metresBetween(prev.lon as number, prev.lat as number, e.lon as number, e.lat as number);
  const dt = (at - pat) / 1000;
  // 50 m of GPS noise allowed
  if (m > 50 + MAX_SPEED_MS * dt) return `position jumps ${(m / 1000).toFixed(1)} km in ${dt.toFixed(0)} s (over ${Math.round(MAX_SPEED_MS * 3.6)} km/h): a bad fix, not drawn`;
  return null;
}

export const topics: TopicSpec[] = [
  { topic: HOSPITAL_TOPIC, entity: hospitalEntity },
  { topic: STATION_TOPIC, entity: stationEntity, columns: ['fleet'] },
  { topic: AMB_TOPIC, entity: ambulanceEntity, closedSet: true, check: checkReport },
  { topic: TRIP_TOPIC, entity: tripEntity },
  { topic: CALL_TOPIC, entity: callEntity, columns: ['priority'] },
  { topic: STATS_TOPIC, entity: statsEntity },
  { topic: ECG_TOPIC, entity: ecgEntity, selective: { by: AMB_TOPIC } },
];
