/**
 * What to draw at a camera: the building tiers (tall ≥ 60 m, mid 24–60 m, low < 24 m) come
 * in with zoom, and far chunks (pitched views look towards the horizon) keep only the taller
 * tiers. Keeps SwiftShader / weak GPUs light at city zoom. Pure.
 */

/** No buildings below this zoom. */
export const MIN_ZOOM = 12;
/** Zoom at which each tier appears (tall, mid, low). */
export const TIER_ZOOM = [12, 13, 14] as const;
/** Zoom range over which a tier fades in. */
export const FADE = 0.5;

/** 0..1 opacity of a tier at a zoom (0 = not drawn). */
export function tierOpacity(tier: number, zoom: number): number {
  const z0 = TIER_ZOOM[tier];
  if (zoom < z0) return 0;
  return Math.min(1, 0.35 + (0.65 * (zoom - z0)) / FADE);
}

/**
 * Distance (m) from the view centre beyond which a tier is not drawn: the low tier stays
 * near the centre, the tall one reaches the horizon. Scales with the ground size of the view
 * (one zoom level out doubles it).
 */
export function tierReach(tier: number, zoom: number): number {
  const base = [Infinity, 6000, 2500][tier];
  return base * Math.pow(2, Math.max(0, 14 - zoom));
}

/** Ground distance in metres between two lon/lat points (equirectangular; fine at city scale). */
export function groundDistance(a: [number, number], b: [number, number]): number {
  const k = Math.PI / 180;
  const x = (b[0] - a[0]) * Math.cos(((a[1] + b[1]) / 2) * k) * 6_371_008.8 * k;
  const y = (b[1] - a[1]) * 6_371_008.8 * k;
  return Math.hypot(x, y);
}

/** Distance from a point to a lon/lat box (0 inside). */
export function distanceToBox(p: [number, number], box: [number, number, number, number]): number {
  const q: [number, number] = [Math.max(box[0], Math.min(box[2], p[0])), Math.max(box[1], Math.min(box[3], p[1]))];
  return groundDistance(p, q);
}

export function intersects(a: [number, number, number, number], b: [number, number, number, number]): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}
