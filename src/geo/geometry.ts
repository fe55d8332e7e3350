/**
 * Small, dependency-free planar/spherical helpers shared by the geography build scripts
 * (mock-data/geo) and the runtime geo modules. Pure functions, no DOM.
 * Coordinates are [lon, lat] in WGS84 degrees.
 */

export type LonLat = [number, number];
export type Ring = LonLat[];
/** A polygon: outer ring first, then holes. */
export type PolygonCoords = Ring[];

export interface LineFeature<P = Record<string, unknown>> {
  type: 'Feature';
  properties: P;
  geometry: { type: 'LineString'; coordinates: LonLat[] };
}

export interface AreaFeature<P = Record<string, unknown>> {
  type: 'Feature';
  properties: P;
  geometry: { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };
}

export interface FC<F> {
  type: 'FeatureCollection';
  features: F[];
}

const R = 6_371_008.8; // mean Earth radius, metres
const RAD = Math.PI / 180;

/** Great-circle distance in metres. */
export function haversine(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Length of a polyline in metres. */
export function lineLength(coords: LonLat[]): number {
  let m = 0;
  for (let i = 1; i < coords.length; i++) m += haversine(coords[i - 1], coords[i]);
  return m;
}

/** Point at a fraction (0..1) of a polyline's length. */
export function pointAlong(coords: LonLat[], fraction: number): LonLat {
  const total = lineLength(coords);
  let target = Math.max(0, Math.min(1, fraction)) * total;
  for (let i = 1; i < coords.length; i++) {
    const seg = haversine(coords[i - 1], coords[i]);
    if (target <= seg && seg > 0) {
      const t = target / seg;
      return [coords[i - 1][0] + t * (coords[i][0] - coords[i - 1][0]), coords[i - 1][1] + t * (coords[i][1] - coords[i - 1][1])];
    }
    target -= seg;
  }
  return coords[coords.length - 1];
}

/** Bearing in degrees clockwise from north, from a to b (local planar approximation). */
export function bearing(a: LonLat, b: LonLat): number {
  const dx = (b[0] - a[0]) * Math.cos(((a[1] + b[1]) / 2) * RAD);
  const dy = b[1] - a[1];
  return (Math.atan2(dx, dy) / RAD + 360) % 360;
}

/** Local equirectangular projection to metres around a reference latitude. */
export function toMetres(p: LonLat, lat0: number): [number, number] {
  return [p[0] * RAD * R * Math.cos(lat0 * RAD), p[1] * RAD * R];
}

/** Ray-casting point-in-ring test (ring may be open or closed). */
export function pointInRing(p: LonLat, ring: Ring): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(p: LonLat, poly: PolygonCoords): boolean {
  if (!pointInRing(p, poly[0])) return false;
  for (let h = 1; h < poly.length; h++) if (pointInRing(p, poly[h])) return false;
  return true;
}

export function polygonsOf(g: AreaFeature['geometry']): PolygonCoords[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function pointInArea(p: LonLat, g: AreaFeature['geometry']): boolean {
  return polygonsOf(g).some((poly) => pointInPolygon(p, poly));
}

/** Planar (equirectangular, m²) signed area of a ring; positive = counter-clockwise. */
export function ringArea(ring: Ring): number {
  const lat0 = ring[0][1];
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = toMetres(ring[j], lat0);
    const b = toMetres(ring[i], lat0);
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

export function polygonArea(poly: PolygonCoords): number {
  let a = Math.abs(ringArea(poly[0]));
  for (let h = 1; h < poly.length; h++) a -= Math.abs(ringArea(poly[h]));
  return a;
}

/** Squared distance in metres² from p to segment ab (local planar). */
function segDist2(p: [number, number], a: [number, number], b: [number, number]): number {
  let x = a[0];
  let y = a[1];
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** Distance in metres from a point to a polyline (local planar approximation). */
export function distanceToLine(p: LonLat, line: LonLat[]): number {
  const lat0 = p[1];
  const pm = toMetres(p, lat0);
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    best = Math.min(best, segDist2(pm, toMetres(line[i - 1], lat0), toMetres(line[i], lat0)));
  }
  if (line.length === 1) best = segDist2(pm, toMetres(line[0], lat0), toMetres(line[0], lat0));
  return Math.sqrt(best);
}

function distToPolygonEdge(p: LonLat, poly: PolygonCoords): number {
  let best = Infinity;
  for (const ring of poly) best = Math.min(best, distanceToLine(p, ring));
  return best;
}

/**
 * Label point of a polygon: the "pole of inaccessibility" (interior point farthest from
 * the boundary), found by a deterministic grid refinement (polylabel-like).
 */
export function labelPoint(poly: PolygonCoords, iterations = 4, grid = 24): LonLat {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of poly[0]) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  let best: LonLat = poly[0][0];
  let bestD = -1;
  let cx = (minX + maxX) / 2;
  let cy = (minY + maxY) / 2;
  let w = maxX - minX;
  let h = maxY - minY;
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i <= grid; i++) {
      for (let j = 0; j <= grid; j++) {
        const p: LonLat = [cx - w / 2 + (w * i) / grid, cy - h / 2 + (h * j) / grid];
        if (!pointInPolygon(p, poly)) continue;
        const d = distToPolygonEdge(p, poly);
        if (d > bestD) {
          bestD = d;
          best = p;
        }
      }
    }
    cx = best[0];
    cy = best[1];
    w = (w * 4) / grid;
    h = (h * 4) / grid;
  }
  return best;
}

/** Label point of the largest part of a (multi)polygon. */
export function areaLabelPoint(g: AreaFeature['geometry']): LonLat {
  const polys = polygonsOf(g);
  let largest = polys[0];
  for (const p of polys) if (polygonArea(p) > polygonArea(largest)) largest = p;
  return labelPoint(largest);
}

export function round6(p: LonLat): LonLat {
  return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
}

export function bboxOf(coords: LonLat[]): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of coords) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}
