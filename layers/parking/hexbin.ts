/**
 * Hexagonal areas for the city-zoom view, aggregated incrementally.
 *
 * The car parks do not move, so each one is assigned to its hexagon once per static table
 * version (flat-top hexagons in a local metric projection). On an occupancy update only the
 * per-hexagon sums are recomputed — one pass over the car parks' typed arrays (free,
 * capacity) — and the hexagons' colours and heights change; their geometry is never
 * rebuilt (deck.gl's ColumnLayer draws one instanced hexagon per area, positions uploaded
 * once). @deck.gl/aggregation-layers (GPU hexagon aggregation) is not installed here.
 */
import { clampOcc, occColor } from './colors';
import type { ParkingView, StaticPart } from './view';

/** Pseudo-topic of a picked hexagon (tooltip; a click zooms into it, see Panel.tsx). */
export const AREA_TOPIC = 'parking-area';

const M_LAT = 1 / 111_195;
const LAT0 = 34.76;
const LON0 = 113.66;
const M_LON = M_LAT / Math.cos((LAT0 * Math.PI) / 180);
const SQRT3 = Math.sqrt(3);

export interface Hex {
  /** `hex:<radius>:<q>:<r>` */
  id: string;
  /** centre [lon, lat] */
  position: [number, number];
  q: number;
  r: number;
  /** live figures (updated in place on every aggregation) */
  capacity: number;
  free: number;
  carparks: number;
  occ: number;
  color: [number, number, number, number];
  elevation: number;
}

/** Axial coordinates of the flat-top hexagon (circumradius R metres) containing a point. */
export function hexOf(lon: number, lat: number, radiusM: number): [number, number] {
  const x = (lon - LON0) / M_LON;
  const y = (lat - LAT0) / M_LAT;
  const qf = ((2 / 3) * x) / radiusM;
  const rf = ((-1 / 3) * x + (SQRT3 / 3) * y) / radiusM;
  // cube rounding
  const sf = -qf - rf;
  let q = Math.round(qf);
  let r = Math.round(rf);
  const s = Math.round(sf);
  const dq = Math.abs(q - qf);
  const dr = Math.abs(r - rf);
  const ds = Math.abs(s - sf);
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  return [q, r];
}

/** Centre [lon, lat] of hexagon (q, r). */
export function hexCenter(q: number, r: number, radiusM: number): [number, number] {
  const x = radiusM * 1.5 * q;
  const y = radiusM * SQRT3 * (r + q / 2);
  return [LON0 + x * M_LON, LAT0 + y * M_LAT];
}

export interface HexAggregation {
  radiusM: number;
  hexes: Hex[];
  /** bumps on every aggregation (deck.gl update trigger) */
  version: number;
  maxFree: number;
}

/**
 * An incremental hexagon aggregator for one radius: `update(view)` reassigns car parks to
 * hexagons only when the static part changed, then recomputes the sums.
 */
export function hexAggregator(radiusM: number, maxElevationM = 1500) {
  let assigned: StaticPart | null = null;
  let hexOfRow = new Int32Array(0);
  let hexes: Hex[] = [];
  let lastView = -1;
  const agg: HexAggregation = { radiusM, hexes, version: 0, maxFree: 0 };
  return (view: ParkingView): HexAggregation => {
    const s = view.s;
    if (assigned !== s) {
      const index = new Map<string, number>();
      hexes = [];
      hexOfRow = new Int32Array(s.n);
      for (let row = 0; row < s.n; row++) {
        const lon = s.positions[2 * row];
        const lat = s.positions[2 * row + 1];
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
          hexOfRow[row] = -1;
          continue;
        }
        const [q, r] = hexOf(lon, lat, radiusM);
        const key = `${q}:${r}`;
        let h = index.get(key);
        if (h === undefined) {
          h = hexes.length;
          index.set(key, h);
          hexes.push({ id: `hex:${radiusM}:${key}`, position: hexCenter(q, r, radiusM), q, r, capacity: 0, free: 0, carparks: 0, occ: NaN, color: [0, 0, 0, 0], elevation: 0 });
        }
        hexOfRow[row] = h;
      }
      assigned = s;
      agg.hexes = hexes;
      lastView = -1;
    }
    if (lastView === view.version) return agg;
    const m = hexes.length;
    const cap = new Float64Array(m);
    const free = new Float64Array(m);
    const count = new Int32Array(m);
    for (let row = 0; row < s.n; row++) {
      const h = hexOfRow[row];
      const f = view.free[row];
      if (h < 0 || f !== f) continue; // NaN: no reading
      cap[h] += s.capacity[row];
      free[h] += f;
      count[h]++;
    }
    let maxFree = 0;
    for (let h = 0; h < m; h++) if (free[h] > maxFree) maxFree = free[h];
    for (let h = 0; h < m; h++) {
      const hx = hexes[h];
      hx.capacity = cap[h];
      hx.free = free[h];
      hx.carparks = count[h];
      hx.occ = cap[h] > 0 ? clampOcc(1 - free[h] / cap[h]) : NaN;
      const c = occColor(hx.occ);
      hx.color = [c[0], c[1], c[2], cap[h] > 0 ? 235 : 0];
      hx.elevation = maxFree > 0 ? (free[h] / maxFree) * maxElevationM : 0;
    }
    agg.maxFree = maxFree;
    agg.version++;
    lastView = view.version;
    return agg;
  };
}
