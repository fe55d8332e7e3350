/**
 * Where an ambulance is between its position reports. Pure (no deck.gl, no DOM).
 *
 * A report carries the fix time `at`, the trip it drives, `d` (metres along the trip's
 * path) and `v` (m/s). Between reports the vehicle moves along the trip's path (the roads),
 * never across blocks:
 *  - with the trip's planned timing (`tt`, seconds per vertex): by that timing, anchored at
 *    the last report (offset = d − planned distance at `at`);
 *  - otherwise by dead reckoning: d + v·(t − at), at most MAX_EXTRAPOLATE_S seconds ahead;
 * clamped to [d, trip length]: it never runs backwards past its last fix nor beyond the
 * destination. A report without a trip (or whose trip is unknown) is drawn where it is.
 */
import type { Entity } from '../../src/data/wire';

export const MAX_EXTRAPOLATE_S = 120;

export interface TripGeom {
  id: string;
  n: number;
  /** lon, lat interleaved */
  xy: Float64Array;
  /** metres from the start at each vertex */
  cum: Float64Array;
  /** planned seconds from the start at each vertex, if given */
  tt: Float64Array | null;
  start: number;
  len: number;
}

const geomCache = new WeakMap<Entity, TripGeom>();

function segLen(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const k = Math.PI / 180;
  const x = (lon2 - lon1) * k * Math.cos(((lat1 + lat2) / 2) * k);
  const y = (lat2 - lat1) * k;
  return 6_371_008.8 * Math.hypot(x, y);
}

/** The geometry of a trip entity (cached per entity object). */
export function tripGeom(trip: Entity): TripGeom {
  let g = geomCache.get(trip);
  if (g) return g;
  const path = trip.path as number[];
  const n = path.length >> 1;
  const xy = Float64Array.from(path);
  const cum = new Float64Array(n);
  for (let i = 1; i < n; i++) cum[i] = cum[i - 1] + segLen(xy[2 * i - 2], xy[2 * i - 1], xy[2 * i], xy[2 * i + 1]);
  const ttRaw = trip.tt as number[] | undefined;
  const tt = ttRaw && ttRaw.length === n ? Float64Array.from(ttRaw) : null;
  g = { id: trip.id, n, xy, cum, tt, start: trip.start as number, len: n ? cum[n - 1] : 0 };
  geomCache.set(trip, g);
  return g;
}

/** Index i of the segment [i, i+1] holding distance s (binary search). */
function segmentOf(cum: Float64Array, s: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] <= s) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The point at distance s along the path, written into out[0..1]; returns the segment. */
export function pointAt(g: TripGeom, s: number, out: Float64Array | number[], o = 0): number {
  if (g.n === 1 || s <= 0) {
    out[o] = g.xy[0];
    out[o + 1] = g.xy[1];
    return 0;
  }
  if (s >= g.len) {
    out[o] = g.xy[2 * g.n - 2];
    out[o + 1] = g.xy[2 * g.n - 1];
    return g.n - 2;
  }
  const i = segmentOf(g.cum, s);
  const L = g.cum[i + 1] - g.cum[i];
  const f = L > 0 ? (s - g.cum[i]) / L : 0;
  out[o] = g.xy[2 * i] + f * (g.xy[2 * i + 2] - g.xy[2 * i]);
  out[o + 1] = g.xy[2 * i + 1] + f * (g.xy[2 * i + 3] - g.xy[2 * i + 1]);
  return i;
}

/** Planned distance along the trip at time t (needs `tt`). */
export function plannedDist(g: TripGeom, t: number): number {
  const tt = g.tt!;
  const sec = (t - g.start) / 1000;
  if (sec <= tt[0]) return 0;
  if (sec >= tt[g.n - 1]) return g.len;
  let lo = 0;
  let hi = g.n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (tt[mid] <= sec) lo = mid;
    else hi = mid;
  }
  const f = (sec - tt[lo]) / (tt[hi] - tt[lo] || 1);
  return g.cum[lo] + f * (g.cum[hi] - g.cum[lo]);
}

/**
 * Distance along the trip at time t for a report, or NaN when the report cannot be moved
 * (no trip, another trip, no `d`).
 */
export function distanceAt(report: Entity, g: TripGeom | undefined, t: number): number {
  if (!g || report.trip !== g.id || typeof report.d !== 'number') return NaN;
  const d0 = Math.min(report.d, g.len);
  const at = report.at as number;
  const dt = t - at;
  if (!(dt > 0)) return d0;
  let s: number;
  if (g.tt) s = plannedDist(g, t) + (d0 - plannedDist(g, at));
  else s = d0 + (typeof report.v === 'number' ? report.v : 0) * Math.min(dt / 1000, MAX_EXTRAPOLATE_S);
  return s < d0 ? d0 : s > g.len ? g.len : s;
}

/**
 * The vertices of the trail behind distance s (the last `trailM` metres), as
 * [lon, lat, metres behind s] triples; the first is the oldest point.
 */
export function trailOf(g: TripGeom, s: number, trailM: number): number[] {
  const from = Math.max(0, s - trailM);
  if (s <= from) return [];
  const out: number[] = [];
  const p = [0, 0];
  const i0 = pointAt(g, from, p);
  out.push(p[0], p[1], s - from);
  const i1 = pointAt(g, s, p);
  for (let i = i0 + 1; i <= i1; i++) out.push(g.xy[2 * i], g.xy[2 * i + 1], s - g.cum[i]);
  out.push(p[0], p[1], 0);
  return out;
}
