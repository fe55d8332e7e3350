/**
 * Decodes public/geo/buildings.json (format "zz-buildings/1", written by
 * mock-data/geo/build-buildings.ts) into binary polygon data for deck.gl's
 * SolidPolygonLayer: closed rings in lon/lat, triangle indices precomputed (so deck.gl
 * never runs earcut on them), per-vertex elevations and colours. Buildings are split into
 * square chunks (for viewport culling) and three height tiers (for zoom/distance fading).
 * Pure: no DOM, no deck.gl.
 */

export interface BuildingsFile {
  format: string;
  simulated: boolean;
  seed: number;
  origin: [number, number];
  mPerDeg: [number, number];
  fields: string[];
  kinds: readonly string[];
  count: number;
  /** x, y, w, l, a, h, k per building (integers: metres / degrees) */
  b: number[];
  landmarks: { id: string; name_zh: string; name_en: string; h: number; ring: [number, number][] }[];
}

export const FORMAT = 'zz-buildings/1';

/** Height tiers: tall ones (and landmarks) are drawn first / from farther away. */
export const TIERS = ['tall', 'mid', 'low'] as const;
export type Tier = (typeof TIERS)[number];
export const TALL_M = 60;
export const MID_M = 24;

export function tierOf(h: number): number {
  return h >= TALL_M ? 0 : h >= MID_M ? 1 : 2;
}

export type RGBA = [number, number, number, number];

/** Colour ramp by height (dark navy → steel blue → cyan → ice white), command-centre style. */
const RAMP: [number, RGBA][] = [
  [0, [12, 28, 52, 255]],
  [0.35, [16, 52, 92, 255]],
  [0.6, [12, 96, 150, 255]],
  [0.85, [24, 160, 215, 255]],
  [1, [140, 230, 255, 255]],
];

/** Colour of a building of height h (log scale: 6 m … 280 m). */
export function colorOf(h: number): RGBA {
  const t = Math.max(0, Math.min(1, Math.log(Math.max(h, 6) / 6) / Math.log(280 / 6)));
  for (let i = 1; i < RAMP.length; i++) {
    const [t1, c1] = RAMP[i];
    if (t <= t1) {
      const [t0, c0] = RAMP[i - 1];
      const f = (t - t0) / (t1 - t0);
      return [0, 1, 2, 3].map((j) => Math.round(c0[j] + (c1[j] - c0[j]) * f)) as RGBA;
    }
  }
  return RAMP[RAMP.length - 1][1];
}

/** Binary data for one SolidPolygonLayer (deck.gl's "binary polygons" with precomputed indices). */
export interface PolygonBatch {
  length: number;
  /** vertex index where each polygon starts; length + 1 entries */
  startIndices: Uint32Array;
  attributes: {
    getPolygon: { value: Float64Array; size: 2 };
    indices: { value: Uint32Array; size: 1 };
    getElevation: { value: Float32Array; size: 1 };
    getFillColor: { value: Uint8Array; size: 4; normalized: true };
  };
}

export interface Chunk {
  id: string;
  /** [west, south, east, north] */
  bounds: [number, number, number, number];
  center: [number, number];
  /** one batch per tier (tall, mid, low); null when the chunk has none of that tier */
  tiers: (PolygonBatch | null)[];
  count: number;
}

export interface DecodedBuildings {
  chunks: Chunk[];
  count: number;
  /** buildings per tier (landmarks count as tall) */
  perTier: [number, number, number];
  maxHeight: number;
}

/** Counter-clockwise corners (metres) of a w × l rectangle at (x, y) rotated a degrees. */
export function corners(x: number, y: number, w: number, l: number, a: number): [number, number][] {
  const c = Math.cos((a * Math.PI) / 180);
  const s = Math.sin((a * Math.PI) / 180);
  const hw = w / 2;
  const hl = l / 2;
  return [
    [x - c * hw + s * hl, y - s * hw - c * hl],
    [x + c * hw + s * hl, y + s * hw - c * hl],
    [x + c * hw - s * hl, y + s * hw + c * hl],
    [x - c * hw - s * hl, y - s * hw + c * hl],
  ];
}

/** Chunk size in metres: about a zoom-13 tile; the city has a few dozen. */
export const CHUNK_M = 3000;

/** Colour of every integer height 0…300 m (decoding looks colours up instead of computing them). */
const COLOR_LUT = (() => {
  const lut = new Uint8Array(301 * 4);
  for (let h = 0; h <= 300; h++) lut.set(colorOf(h), 4 * h);
  return lut;
})();

interface Bucket {
  cx: number;
  cy: number;
  tier: number;
  polys: number;
  vertices: number;
  triangles: number;
  batch?: PolygonBatch;
  /** fill cursors */
  p: number;
  v: number;
  t: number;
}

export function decodeBuildings(file: BuildingsFile, chunkM = CHUNK_M): DecodedBuildings {
  if (!file || file.format !== FORMAT || !Array.isArray(file.b)) throw new Error(`buildings: not a ${FORMAT} file`);
  const [lon0, lat0] = file.origin;
  const [kx, ky] = file.mPerDeg;
  const b = file.b;
  const n = Math.floor(b.length / 7);
  const marks = file.landmarks ?? [];
  const total = n + marks.length;

  // pass 1: which bucket (chunk × tier) each footprint goes to, and the buckets' sizes
  const buckets = new Map<string, Bucket>();
  const of = new Array<Bucket>(total);
  const centre = (i: number): [number, number] => {
    if (i < n) return [b[7 * i], b[7 * i + 1]];
    const r = marks[i - n].ring;
    return [r.reduce((s, p) => s + p[0], 0) / r.length, r.reduce((s, p) => s + p[1], 0) / r.length];
  };
  const perTier: [number, number, number] = [0, 0, 0];
  let maxHeight = 0;
  for (let i = 0; i < total; i++) {
    const [x, y] = centre(i);
    const h = i < n ? b[7 * i + 5] : marks[i - n].h;
    const tier = i < n ? tierOf(h) : 0;
    const cx = Math.floor(x / chunkM);
    const cy = Math.floor(y / chunkM);
    const key = `${cx}_${cy}_${tier}`;
    let bk = buckets.get(key);
    if (!bk) buckets.set(key, (bk = { cx, cy, tier, polys: 0, vertices: 0, triangles: 0, p: 0, v: 0, t: 0 }));
    const m = i < n ? 4 : marks[i - n].ring.length;
    bk.polys++;
    bk.vertices += m + 1;
    bk.triangles += m - 2;
    of[i] = bk;
    perTier[tier]++;
    maxHeight = Math.max(maxHeight, h);
  }
  for (const bk of buckets.values()) {
    bk.batch = {
      length: bk.polys,
      startIndices: new Uint32Array(bk.polys + 1),
      attributes: {
        getPolygon: { value: new Float64Array(bk.vertices * 2), size: 2 },
        indices: { value: new Uint32Array(bk.triangles * 3), size: 1 },
        getElevation: { value: new Float32Array(bk.vertices), size: 1 },
        getFillColor: { value: new Uint8Array(bk.vertices * 4), size: 4, normalized: true },
      },
    };
  }

  // pass 2: fill the typed arrays (closed rings in lon/lat, triangle fans, heights, colours)
  const ring: number[] = [];
  for (let i = 0; i < total; i++) {
    const bk = of[i];
    const a = bk.batch!.attributes;
    let h: number;
    ring.length = 0;
    if (i < n) {
      const o = 7 * i;
      const [x, y, w, l, deg] = [b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4]];
      h = b[o + 5];
      for (const [px, py] of corners(x, y, w, l, deg)) ring.push(px, py);
    } else {
      h = marks[i - n].h;
      for (const [px, py] of marks[i - n].ring) ring.push(px, py);
    }
    const m = ring.length / 2;
    const v0 = bk.v;
    bk.batch!.startIndices[bk.p++] = v0;
    const ci = 4 * Math.max(0, Math.min(300, Math.round(h)));
    for (let j = 0; j <= m; j++) {
      const k = j % m; // the first vertex again at the end: a closed ring
      a.getPolygon.value[2 * (v0 + j)] = lon0 + ring[2 * k] / kx;
      a.getPolygon.value[2 * (v0 + j) + 1] = lat0 + ring[2 * k + 1] / ky;
      a.getElevation.value[v0 + j] = h;
      a.getFillColor.value.set(COLOR_LUT.subarray(ci, ci + 4), 4 * (v0 + j));
    }
    // convex footprints: a triangle fan
    for (let j = 1; j < m - 1; j++) {
      a.indices.value[bk.t++] = v0;
      a.indices.value[bk.t++] = v0 + j;
      a.indices.value[bk.t++] = v0 + j + 1;
    }
    bk.v += m + 1;
  }

  // chunks, with their tiers
  const chunks = new Map<string, Chunk>();
  const toLonLat = (x: number, y: number): [number, number] => [lon0 + x / kx, lat0 + y / ky];
  const pad = 250; // a footprint may stick out of its chunk by up to half its size
  for (const bk of [...buckets.values()].sort((p, q) => p.cy - q.cy || p.cx - q.cx || p.tier - q.tier)) {
    bk.batch!.startIndices[bk.polys] = bk.v;
    const id = `${bk.cx}_${bk.cy}`;
    let c = chunks.get(id);
    if (!c) {
      const sw = toLonLat(bk.cx * chunkM - pad, bk.cy * chunkM - pad);
      const ne = toLonLat((bk.cx + 1) * chunkM + pad, (bk.cy + 1) * chunkM + pad);
      const mid = toLonLat((bk.cx + 0.5) * chunkM, (bk.cy + 0.5) * chunkM);
      chunks.set(id, (c = { id, bounds: [sw[0], sw[1], ne[0], ne[1]], center: mid, tiers: [null, null, null], count: 0 }));
    }
    c.tiers[bk.tier] = bk.batch!;
    c.count += bk.polys;
  }
  return { chunks: [...chunks.values()], count: total, perTier, maxHeight };
}
