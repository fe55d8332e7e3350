/**
 * Which district a position lies in, from the outlines bundled with the layer
 * (outlines.ts, generated from public/geo/districts.geojson). Synchronous and
 * dependency-free: the edge check of the `communities` topic uses it in the replay worker.
 */
import { ENCODED_OUTLINES } from './outlines';

interface District {
  /** rings of all polygons as flat [lon, lat, …]; holes follow their outer ring */
  polys: { outer: Float64Array; holes: Float64Array[] }[];
  bbox: [number, number, number, number];
}

let decoded: Map<string, District> | null = null;

function decodeRing(s: string): Float64Array {
  const parts = s.split(',');
  const out = new Float64Array(parts.length);
  let x = 0;
  let y = 0;
  for (let i = 0; i < parts.length; i += 2) {
    x += Number(parts[i]);
    y += Number(parts[i + 1]);
    out[i] = x / 1e5;
    out[i + 1] = y / 1e5;
  }
  return out;
}

function districts(): Map<string, District> {
  if (decoded) return decoded;
  decoded = new Map();
  for (const [code, polys] of Object.entries(ENCODED_OUTLINES)) {
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    const ps = polys.map((rings) => {
      const [outer, ...holes] = rings.map(decodeRing);
      for (let i = 0; i < outer.length; i += 2) {
        bbox[0] = Math.min(bbox[0], outer[i]);
        bbox[1] = Math.min(bbox[1], outer[i + 1]);
        bbox[2] = Math.max(bbox[2], outer[i]);
        bbox[3] = Math.max(bbox[3], outer[i + 1]);
      }
      return { outer, holes };
    });
    decoded.set(code, { polys: ps, bbox });
  }
  return decoded;
}

function inRing(x: number, y: number, r: Float64Array): boolean {
  let inside = false;
  const n = r.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = r[i];
    const yi = r[i + 1];
    const xj = r[j];
    const yj = r[j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True if (lon, lat) is inside the outline of district `code` (false for an unknown code). */
export function insideDistrict(lon: number, lat: number, code: string): boolean {
  const d = districts().get(code);
  if (!d) return false;
  const [w, s, e, n] = d.bbox;
  if (lon < w || lon > e || lat < s || lat > n) return false;
  for (const p of d.polys) {
    if (!inRing(lon, lat, p.outer)) continue;
    if (p.holes.some((h) => inRing(lon, lat, h))) continue;
    return true;
  }
  return false;
}

/** The district whose outline contains (lon, lat), or null. */
export function districtAt(lon: number, lat: number): string | null {
  for (const code of districts().keys()) if (insideDistrict(lon, lat, code)) return code;
  return null;
}

/** Bounding box [[west, south], [east, north]] of a district's outline. */
export function districtBounds(code: string): [[number, number], [number, number]] | null {
  const d = districts().get(code);
  return d ? [[d.bbox[0], d.bbox[1]], [d.bbox[2], d.bbox[3]]] : null;
}

/** Bounding box of the whole municipality. */
export function cityBounds(): [[number, number], [number, number]] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const d of districts().values()) {
    w = Math.min(w, d.bbox[0]);
    s = Math.min(s, d.bbox[1]);
    e = Math.max(e, d.bbox[2]);
    n = Math.max(n, d.bbox[3]);
  }
  return [[w, s], [e, n]];
}
