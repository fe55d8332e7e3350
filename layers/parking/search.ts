/**
 * Nearest-free search: from a point, the car parks with free spaces, ranked by distance and
 * free count; and the route to the one chosen (shortest path on the schematic road graph,
 * src/geo/roadGraph.ts; a straight line only when there is no graph or no path).
 *
 * Ranking cost (metres): distance + 250 m · 4 / (free + 3). A car park with 1 free space
 * counts as 250 m further than it is, one with 20 free as 43 m, one with 100 as 10 m: the
 * fewer free spaces, the likelier it is full on arrival. Only car parks with at least
 * `minFree` free spaces and a current reading are offered; residential car parks are
 * private and left out unless asked for. Pure functions: unit-tested in search.test.ts.
 */
import { haversine, type LonLat } from '../../src/geo/geometry';
import { shortestPath, type RoadGraph } from '../../src/geo/roadGraph';

export interface SearchInput {
  n: number;
  ids: readonly string[];
  /** lon, lat interleaved */
  positions: Float64Array;
  /** free spaces per row (NaN: no reading) */
  free: Float32Array;
  capacity: Float32Array;
  /** 1 where open to the public */
  isPublic?: Uint8Array;
}

export interface SearchOptions {
  /** how many to return */
  k?: number;
  /** at least this many free spaces */
  minFree?: number;
  /** search radius, metres (if nothing within it, the nearest beyond are returned) */
  maxDistM?: number;
  includePrivate?: boolean;
}

export interface Candidate {
  id: string;
  row: number;
  /** straight-line distance, metres */
  distM: number;
  free: number;
  capacity: number;
  cost: number;
  /** true if beyond the search radius */
  far: boolean;
}

export const FREE_PENALTY_M = 250;

/** Ranking cost of a car park at `distM` with `free` spaces. */
export function rankCost(distM: number, free: number): number {
  return distM + (FREE_PENALTY_M * 4) / (Math.max(0, free) + 3);
}

/** Fast planar distance in metres (equirectangular), good to 0.1 % within a city. */
function planarM(lon1: number, lat1: number, lon2: number, lat2: number, cosLat: number): number {
  const dx = (lon2 - lon1) * cosLat * 111_195;
  const dy = (lat2 - lat1) * 111_195;
  return Math.sqrt(dx * dx + dy * dy);
}

export function nearestFree(v: SearchInput, at: { lon: number; lat: number }, opts: SearchOptions = {}): Candidate[] {
  const k = opts.k ?? 5;
  const minFree = Math.max(1, opts.minFree ?? 1);
  const maxDistM = opts.maxDistM ?? 5000;
  const cosLat = Math.cos((at.lat * Math.PI) / 180);
  const all: Candidate[] = [];
  for (let r = 0; r < v.n; r++) {
    const f = v.free[r];
    if (!(f >= minFree)) continue; // NaN (no reading) fails too
    if (!opts.includePrivate && v.isPublic && !v.isPublic[r]) continue;
    const lon = v.positions[2 * r];
    const lat = v.positions[2 * r + 1];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const d = planarM(at.lon, at.lat, lon, lat, cosLat);
    all.push({ id: v.ids[r], row: r, distM: d, free: f, capacity: v.capacity[r], cost: rankCost(d, f), far: d > maxDistM });
  }
  const near = all.filter((c) => !c.far);
  const pool = near.length ? near : all;
  pool.sort((a, b) => a.cost - b.cost || a.distM - b.distM || a.id.localeCompare(b.id));
  return pool.slice(0, k).map((c) => ({ ...c, distM: haversine([at.lon, at.lat], [v.positions[2 * c.row], v.positions[2 * c.row + 1]]) }));
}

export interface ParkingRoute {
  /** from the origin to the car park, through the road network */
  coords: LonLat[];
  lengthM: number;
  /** true when no road path was found (straight line) */
  straight: boolean;
}

/** Route from the origin to a car park: origin → nearest road node → … → node nearest the car park → car park. */
export function routeTo(graph: RoadGraph | null, from: LonLat, to: LonLat): ParkingRoute {
  const p = graph ? shortestPath(graph, from, to) : null;
  if (!p || p.coords.length === 0) return { coords: [from, to], lengthM: haversine(from, to), straight: true };
  // a path that goes away and back is worse than walking across: keep the straight line then
  const direct = haversine(from, to);
  const total = p.lengthM + p.snapFromM + p.snapToM;
  if (p.snapFromM + p.snapToM >= direct) return { coords: [from, to], lengthM: direct, straight: true };
  return { coords: [from, ...p.coords, to], lengthM: total, straight: false };
}
