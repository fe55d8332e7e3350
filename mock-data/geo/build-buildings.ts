/**
 * Builds public/geo/buildings.json: SIMULATED 3D building blocks ("city fabric") filling the
 * city blocks between the schematic main roads. Not survey data: seeded and deterministic.
 *
 *   npx tsx mock-data/geo/build-buildings.ts [--seed 20210720]
 *
 * Method (see docs/geography.md, "City fabric"):
 *  1. The faces of the road network (turf `polygonize` of public/geo/roads.geojson) are the
 *     city's superblocks; each face gets the dominant orientation of its edges.
 *  2. A face is cut into blocks by simulated local streets (18–26 m) in that orientation; each
 *     block gets a typology from how central it is (towers, residential slabs, mid-rise,
 *     industrial sheds, park) and is filled with rectangular footprints.
 *  3. A footprint is kept only when it lies in the smallest face containing it (faces nest),
 *     keeps its distance from every road (centre line + half width + setback) and from every
 *     river, canal and lake of public/geo/water.geojson, and survives a thinning that grows
 *     towards the edge of the city (fewer blocks built between the 3rd and 4th rings, few
 *     outside the 4th).
 *  4. Heights grow with "centrality" (Gaussian peaks at the Zhengdong CBD, Erqi Square, the
 *     Huayuan/Nongye Rd business area, Zhengzhou East station and the Longhu financial island)
 *     and fall towards the edge. The CBD's two concentric rings of towers around the 280 m
 *     Greenland Plaza "Big Corn" (千玺广场) and a few landmarks are placed explicitly.
 *
 * Output format (compact JSON, ~870 KiB; GeoJSON of the same footprints would be ~8.5 MB):
 *   { format: "zz-buildings/1", simulated: true, seed, origin: [lon0, lat0],
 *     mPerDeg: [kx, ky],             // x = (lon - lon0) * kx, y = (lat - lat0) * ky (metres)
 *     fields: ["x","y","w","l","a","h","k"], kinds: [...], count,
 *     b: [x, y, w, l, a, h, k, ...],  // integer metres / degrees: centre, width along the
 *                                     // rotated x axis, length along y, rotation (degrees
 *                                     // counter-clockwise from east, 0..179), height, kind
 *     landmarks: [{ id, name_zh, name_en, h, ring: [[x, y], ...] }] }
 */
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import { rng as mulberry, gaussian } from '../generator/rng';
import { PUBLIC_GEO, ROOT, isMain } from './io';

export const BUILDINGS_FILE = path.join(PUBLIC_GEO, 'buildings.json');
export const DEFAULT_SEED = 20210720;
export const FORMAT = 'zz-buildings/1';

const RAD = Math.PI / 180;
const R_EARTH = 6_371_008.8;
export const ORIGIN: [number, number] = [113.68, 34.76];
export const M_PER_DEG: [number, number] = [
  Math.round(RAD * R_EARTH * Math.cos(ORIGIN[1] * RAD) * 1000) / 1000,
  Math.round(RAD * R_EARTH * 1000) / 1000,
];

export const KINDS = ['tower', 'slab', 'midrise', 'industrial', 'cbd'] as const;
export type Kind = (typeof KINDS)[number];
const K: Record<Kind, number> = { tower: 0, slab: 1, midrise: 2, industrial: 3, cbd: 4 };

/** Centre of the Zhengdong CBD rings and the Big Corn (same point as the basemap's rings and label). */
export const BIG_CORN: [number, number] = [113.7245, 34.7725];
export const BIG_CORN_HEIGHT = 280;

/** Where the city is tallest: [lon, lat], weight, radius (m). */
export const PEAKS: { name: string; at: [number, number]; w: number; r: number }[] = [
  { name: 'Zhengdong CBD', at: BIG_CORN, w: 1, r: 1900 },
  { name: 'Erqi Square', at: [113.6600, 34.7537], w: 0.85, r: 1150 },
  { name: 'Huayuan Rd × Nongye Rd', at: [113.676, 34.787], w: 0.6, r: 950 },
  { name: 'Zhengzhou East station', at: [113.775, 34.758], w: 0.55, r: 1100 },
  { name: 'Longhu financial island', at: [113.7664, 34.8335], w: 0.75, r: 700 },
];

/** Clearance from a road's centre line (half width + setback), by class. */
const ROAD_CLEAR = { expressway: 42, ring: 38, arterial: 24 } as Record<string, number>;
const WATER_SETBACK = 18;
const CBD_RADIUS = 650; // generic blocks are not placed within this distance of the Big Corn
const ERQI_PLAZA = { at: [113.6600, 34.7537] as [number, number], r: 90 };

export interface Landmark {
  id: string;
  name_zh: string;
  name_en: string;
  h: number;
  ring: [number, number][];
}

export interface BuildingsFile {
  format: typeof FORMAT;
  name: string;
  simulated: true;
  attribution: string;
  seed: number;
  origin: [number, number];
  mPerDeg: [number, number];
  fields: ['x', 'y', 'w', 'l', 'a', 'h', 'k'];
  kinds: readonly string[];
  count: number;
  b: number[];
  landmarks: Landmark[];
}

type XY = [number, number];
const toXY = (p: number[]): XY => [(p[0] - ORIGIN[0]) * M_PER_DEG[0], (p[1] - ORIGIN[1]) * M_PER_DEG[1]];

// ---------------------------------------------------------------- geometry helpers (metres)

function segDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let x = ax;
  let y = ay;
  let dx = bx - ax;
  let dy = by - ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

function inRing(px: number, py: number, ring: XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(px: number, py: number, rings: XY[][]): boolean {
  if (!inRing(px, py, rings[0])) return false;
  for (let h = 1; h < rings.length; h++) if (inRing(px, py, rings[h])) return false;
  return true;
}

function ringAreaXY(ring: XY[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return Math.abs(s / 2);
}

/** Segments with a clearance each, bucketed on a grid for distance queries. */
class SegmentIndex {
  private readonly cells = new Map<number, number[]>();
  private readonly segs: number[] = []; // ax, ay, bx, by, clearance
  constructor(private readonly cell = 500) {}

  add(a: XY, b: XY, clear: number): void {
    const i = this.segs.length / 5;
    this.segs.push(a[0], a[1], b[0], b[1], clear);
    const c = this.cell;
    const x0 = Math.floor((Math.min(a[0], b[0]) - clear) / c);
    const x1 = Math.floor((Math.max(a[0], b[0]) + clear) / c);
    const y0 = Math.floor((Math.min(a[1], b[1]) - clear) / c);
    const y1 = Math.floor((Math.max(a[1], b[1]) + clear) / c);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const k = x * 100_003 + y;
        let list = this.cells.get(k);
        if (!list) this.cells.set(k, (list = []));
        list.push(i);
      }
  }

  addLine(coords: number[][], clear: number): void {
    for (let i = 1; i < coords.length; i++) this.add(toXY(coords[i - 1]), toXY(coords[i]), clear);
  }

  /** True when the point is closer to some segment than that segment's clearance. */
  blocked(px: number, py: number): boolean {
    const list = this.cells.get(Math.floor(px / this.cell) * 100_003 + Math.floor(py / this.cell));
    if (!list) return false;
    const s = this.segs;
    for (const i of list) {
      const o = i * 5;
      if (segDist2(px, py, s[o], s[o + 1], s[o + 2], s[o + 3]) < s[o + 4] * s[o + 4]) return true;
    }
    return false;
  }

  /** Smallest clearance margin: distance to the nearest segment minus its clearance (Infinity if none near). */
  margin(px: number, py: number): number {
    const list = this.cells.get(Math.floor(px / this.cell) * 100_003 + Math.floor(py / this.cell));
    if (!list) return Infinity;
    let best = Infinity;
    const s = this.segs;
    for (const i of list) {
      const o = i * 5;
      best = Math.min(best, Math.sqrt(segDist2(px, py, s[o], s[o + 1], s[o + 2], s[o + 3])) - s[o + 4]);
    }
    return best;
  }
}

/** Corners of a rotated rectangle (counter-clockwise). */
export function rectCorners(x: number, y: number, w: number, l: number, aDeg: number): XY[] {
  const c = Math.cos(aDeg * RAD);
  const s = Math.sin(aDeg * RAD);
  const hw = w / 2;
  const hl = l / 2;
  return [
    [x + c * -hw - s * -hl, y + s * -hw + c * -hl],
    [x + c * hw - s * -hl, y + s * hw + c * -hl],
    [x + c * hw - s * hl, y + s * hw + c * hl],
    [x + c * -hw - s * hl, y + s * -hw + c * hl],
  ];
}

/** Points along the outline (every ≤ step m) and the centre: what the clearance checks test. */
export function outlineSamples(corners: XY[], step = 8): XY[] {
  const out: XY[] = [];
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < corners.length; i++) {
    const a = corners[i];
    const b = corners[(i + 1) % corners.length];
    cx += a[0] / corners.length;
    cy += a[1] / corners.length;
    const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / step));
    for (let k = 0; k < n; k++) out.push([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
  }
  out.push([cx, cy]);
  return out;
}

// ---------------------------------------------------------------- the city model

interface RoadsFC extends FeatureCollection<LineString, { id: string; class: string; ring: number | null }> {}
interface WaterFC extends FeatureCollection<LineString | Polygon, { id: string; kind: string; width_m: number | null }> {}

/** The closed loop of a ring road (its sections chained end to end), in metres. */
function ringLoop(roads: RoadsFC, ring: number): XY[] {
  const secs = roads.features.filter((f) => f.properties.ring === ring).map((f) => f.geometry.coordinates);
  if (!secs.length) return [];
  const key = (p: number[]) => `${p[0]},${p[1]}`;
  const loop = [...secs.shift()!];
  while (secs.length) {
    const end = key(loop[loop.length - 1]);
    const i = secs.findIndex((s) => key(s[0]) === end || key(s[s.length - 1]) === end);
    if (i < 0) break;
    const s = secs.splice(i, 1)[0];
    const seq = key(s[0]) === end ? s : [...s].reverse();
    loop.push(...seq.slice(1));
  }
  return loop.map(toXY);
}

export class CityModel {
  readonly roads = new SegmentIndex();
  readonly water = new SegmentIndex();
  readonly lakes: XY[][][] = [];
  private readonly lakeBoxes: [number, number, number, number][] = [];
  readonly rings: XY[][];
  private readonly peaks = PEAKS.map((p) => ({ ...p, xy: toXY(p.at) }));
  private readonly ring4 = new SegmentIndex(2000);

  constructor(roads: RoadsFC, water: WaterFC) {
    for (const f of roads.features) this.roads.addLine(f.geometry.coordinates, ROAD_CLEAR[f.properties.class] ?? 24);
    for (const f of water.features) {
      if (f.geometry.type === 'Polygon') {
        const rings = f.geometry.coordinates.map((r) => r.map(toXY));
        this.lakes.push(rings);
        const xs = rings[0].map((p) => p[0]);
        const ys = rings[0].map((p) => p[1]);
        this.lakeBoxes.push([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
        for (const r of f.geometry.coordinates) this.water.addLine(r, WATER_SETBACK);
      } else {
        // the Yellow River is drawn up to ~1 km wide at city zoom: keep well clear of its bed
        const half = f.properties.id === 'huanghe' ? 900 : (f.properties.width_m ?? 30) / 2;
        this.water.addLine(f.geometry.coordinates, half + WATER_SETBACK);
      }
    }
    this.rings = [2, 3, 4].map((r) => ringLoop(roads, r));
    const r4 = this.rings[2];
    for (let i = 1; i < r4.length; i++) this.ring4.add(r4[i - 1], r4[i], 0);
  }

  inWater(x: number, y: number): boolean {
    if (this.water.blocked(x, y)) return true;
    for (let i = 0; i < this.lakes.length; i++) {
      const b = this.lakeBoxes[i];
      if (x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && inPolygon(x, y, this.lakes[i])) return true;
    }
    return false;
  }

  /** 1 inside the 2nd ring, 2 inside the 3rd, 3 inside the 4th, 4 outside. */
  ringLevel(x: number, y: number): number {
    for (let i = 0; i < this.rings.length; i++) if (this.rings[i].length > 2 && inRing(x, y, this.rings[i])) return i + 1;
    return 4;
  }

  /** Distance outside the 4th ring (0 inside). */
  outside4(x: number, y: number): number {
    if (this.ringLevel(x, y) < 4) return 0;
    const m = this.ring4.margin(x, y);
    if (Number.isFinite(m)) return m;
    // far away: the nearest vertex of the loop
    let best = Infinity;
    for (const p of this.rings[2]) best = Math.min(best, Math.hypot(p[0] - x, p[1] - y));
    return best;
  }

  /** 0..1: how central (CBD-like) a place is. */
  centrality(x: number, y: number): number {
    let c = 0;
    for (const p of this.peaks) {
      const d2 = (x - p.xy[0]) ** 2 + (y - p.xy[1]) ** 2;
      c = Math.max(c, p.w * Math.exp(-d2 / (p.r * p.r)));
    }
    return c;
  }

  /** True when a footprint (its outline samples) is clear of roads and water. */
  clear(corners: XY[]): boolean {
    for (const [x, y] of outlineSamples(corners)) if (this.roads.blocked(x, y) || this.inWater(x, y)) return false;
    return true;
  }
}

// ---------------------------------------------------------------- generation

interface Building {
  x: number;
  y: number;
  w: number;
  l: number;
  a: number;
  h: number;
  k: number;
}

type Typology = 'towers' | 'slabs' | 'midrise' | 'industrial' | 'park';
const TYP_KIND: Record<Typology, number> = { towers: K.tower, slabs: K.slab, midrise: K.midrise, industrial: K.industrial, park: K.midrise };

function pick<T extends string>(r: () => number, weights: [T, number][]): T {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let t = r() * total;
  for (const [v, w] of weights) if ((t -= w) <= 0) return v;
  return weights[weights.length - 1][0];
}

function typologyOf(r: () => number, c: number, level: number): Typology {
  if (c > 0.5) return pick(r, [['towers', 0.58], ['midrise', 0.3], ['park', 0.12]]);
  if (c > 0.3) return pick(r, [['towers', 0.4], ['slabs', 0.3], ['midrise', 0.22], ['park', 0.08]]);
  if (level === 1) return pick(r, [['midrise', 0.45], ['slabs', 0.32], ['towers', 0.12], ['park', 0.11]]);
  if (level === 2) return pick(r, [['slabs', 0.55], ['midrise', 0.17], ['towers', 0.1], ['industrial', 0.06], ['park', 0.12]]);
  if (level === 3) return pick(r, [['slabs', 0.45], ['industrial', 0.25], ['midrise', 0.1], ['towers', 0.04], ['park', 0.16]]);
  return pick(r, [['industrial', 0.45], ['slabs', 0.3], ['midrise', 0.1], ['park', 0.15]]);
}

/** Share of blocks that are built at all: dense in the core, sparse towards and beyond the 4th ring. */
function occupancy(level: number, outside: number): number {
  if (level === 1) return 0.92;
  if (level === 2) return 0.66;
  if (level === 3) return 0.2;
  return outside > 3000 ? 0 : 0.14 * Math.exp(-outside / 1200);
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Height of a building of a typology at a place (metres). */
function heightOf(r: () => number, typ: Typology, c: number, level: number, compound: number): number {
  const ln = (s: number) => Math.exp(gaussian(r) * s);
  const edge = level >= 4 ? 0.55 : level === 3 ? 0.8 : 1;
  switch (typ) {
    case 'towers':
      return clamp((26 + 95 * c * c + 30 * c) * edge * ln(0.22), 24, 200);
    case 'slabs':
      // a residential compound shares one height class (old 6-floor walk-ups or 18–33-floor towers)
      return clamp(compound * edge * (1 + 0.35 * c) * ln(0.08), 12, 110);
    case 'midrise':
      return clamp((15 + 30 * c) * edge * ln(0.3), 9, 60);
    case 'industrial':
      return clamp(11 * ln(0.25), 6, 22);
    default:
      return 0;
  }
}

/** Footprints of one block [u0,u1]×[v0,v1] (metres, local frame), by typology. */
function fillBlock(r: () => number, typ: Typology, u0: number, u1: number, v0: number, v1: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = []; // cu, cv, w, l
  const W = u1 - u0;
  const H = v1 - v0;
  if (W < 12 || H < 12) return out;
  const grid = (pu: number, pv: number, fw: () => number, fl: () => number) => {
    const nu = Math.max(1, Math.floor(W / pu));
    const nv = Math.max(1, Math.floor(H / pv));
    const su = W / nu;
    const sv = H / nv;
    for (let i = 0; i < nu; i++)
      for (let j = 0; j < nv; j++) {
        const w = Math.min(fw(), su - 8);
        const l = Math.min(fl(), sv - 8);
        if (w < 8 || l < 8) continue;
        const ju = (su - w - 8) * (r() - 0.5);
        const jv = (sv - l - 8) * (r() - 0.5);
        out.push([u0 + su * (i + 0.5) + ju, v0 + sv * (j + 0.5) + jv, w, l]);
      }
  };
  switch (typ) {
    case 'towers':
      grid(68 + 28 * r(), 68 + 28 * r(), () => 26 + 16 * r(), () => 24 + 14 * r());
      break;
    case 'midrise':
      grid(44 + 14 * r(), 40 + 12 * r(), () => 22 + 18 * r(), () => 16 + 12 * r());
      break;
    case 'industrial':
      grid(95 + 45 * r(), 70 + 30 * r(), () => 55 + 50 * r(), () => 35 + 30 * r());
      break;
    case 'slabs': {
      // rows of slabs along u (roughly east–west, facing south), spaced for sunlight
      const depth = 13 + 3 * r();
      const len = 42 + 28 * r();
      const gap = 12 + 8 * r();
      const pitch = depth + 24 + 12 * r();
      const rows = Math.max(1, Math.floor((H - 6) / pitch));
      const off = (H - rows * pitch) / 2;
      for (let j = 0; j < rows; j++) {
        const cv = v0 + off + pitch * (j + 0.5);
        const n = Math.max(1, Math.floor((W + gap) / (len + gap)));
        const used = n * len + (n - 1) * gap;
        if (used > W - 4) continue;
        let u = u0 + (W - used) / 2;
        for (let i = 0; i < n; i++) {
          out.push([u + len / 2, cv, len, depth]);
          u += len + gap;
        }
      }
      break;
    }
    default:
      break;
  }
  return out;
}

interface Face {
  ring: XY[];
  area: number;
  bbox: [number, number, number, number];
}

function facesOf(roads: RoadsFC): Face[] {
  const fc = turf.polygonize(roads as never) as FeatureCollection<Polygon>;
  const faces = fc.features.map((f: Feature<Polygon>) => {
    const ring = f.geometry.coordinates[0].map(toXY);
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    return { ring, area: ringAreaXY(ring), bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as [number, number, number, number] };
  });
  // a stable order, independent of the polygonizer's internals
  return faces.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0] || a.area - b.area);
}

/** Dominant edge direction of a ring, in degrees (-45..45]: the street grid of the face. */
function orientation(ring: XY[]): number {
  let c = 0;
  let s = 0;
  for (let i = 1; i < ring.length; i++) {
    const dx = ring[i][0] - ring[i - 1][0];
    const dy = ring[i][1] - ring[i - 1][1];
    const len = Math.hypot(dx, dy);
    const phi = Math.atan2(dy, dx);
    c += len * Math.cos(4 * phi);
    s += len * Math.sin(4 * phi);
  }
  return Math.atan2(s, c) / 4 / RAD;
}

/**
 * True when `face` is the smallest face containing the point (faces nest: polygonize returns
 * shells only, so a face may contain smaller ones); `smaller` = the faces that might.
 */
function owns(face: Face, smaller: Face[], x: number, y: number): boolean {
  if (!inRing(x, y, face.ring)) return false;
  for (const f of smaller) if (x >= f.bbox[0] && x <= f.bbox[2] && y >= f.bbox[1] && y <= f.bbox[3] && inRing(x, y, f.ring)) return false;
  return true;
}

/** The CBD: two rings of towers around the Big Corn, a ring of podiums, inside the ring roads. */
function cbdBuildings(r: () => number): Building[] {
  const [cx, cy] = toXY(BIG_CORN);
  const out: Building[] = [];
  const ring = (n: number, radius: number, offsetDeg: number, w: number, l: number, h: () => number) => {
    for (let i = 0; i < n; i++) {
      const t = (offsetDeg + (360 * i) / n) * RAD;
      // tangential orientation: width along the ring
      const a = ((((t / RAD + 90) % 180) + 180) % 180);
      out.push({ x: cx + radius * Math.cos(t), y: cy + radius * Math.sin(t), w, l, a, h: h(), k: K.cbd });
    }
  };
  ring(10, 245, 0, 30, 30, () => 116 + 8 * r()); // inner ring: ~120 m (none on the N–S road)
  ring(32, 445, 5.625, 32, 26, () => 78 + 6 * r()); // outer ring: ~80 m
  ring(60, 560, 3, 40, 22, () => 22 + 8 * r()); // podiums along the outer ring road
  return out;
}

function polygonXY(at: [number, number], radius: number, sides: number, rot = 0): [number, number][] {
  const [cx, cy] = toXY(at);
  const ring: [number, number][] = [];
  for (let i = 0; i < sides; i++) {
    const t = ((360 * i) / sides + rot) * RAD;
    ring.push([Math.round(cx + radius * Math.cos(t)), Math.round(cy + radius * Math.sin(t))]);
  }
  return ring;
}

function rectXY(at: [number, number], w: number, l: number, a: number): [number, number][] {
  const [cx, cy] = toXY(at);
  return rectCorners(cx, cy, w, l, a).map(([x, y]) => [Math.round(x), Math.round(y)]);
}

/** Landmarks, drawn as their own polygons (approximate shapes, simulated heights). */
export function landmarks(): Landmark[] {
  return [
    { id: 'qianxi', name_zh: '千玺广场（大玉米）', name_en: 'Greenland Plaza "Big Corn"', h: BIG_CORN_HEIGHT, ring: polygonXY(BIG_CORN, 27, 32) },
    { id: 'erqi-tower', name_zh: '二七纪念塔', name_en: 'Erqi Memorial Tower', h: 63, ring: polygonXY([113.6603, 34.7537], 9, 10, 18) },
    { id: 'expo', name_zh: '郑州国际会展中心', name_en: 'Zhengzhou International Convention & Exhibition Centre', h: 42, ring: polygonXY([113.7342, 34.7695], 80, 28) },
    { id: 'zz-east', name_zh: '郑州东站', name_en: 'Zhengzhou East Railway Station', h: 40, ring: rectXY([113.773, 34.7601], 190, 430, 0) },
    { id: 'zz-station', name_zh: '郑州站', name_en: 'Zhengzhou Railway Station', h: 28, ring: rectXY([113.6525, 34.7472], 60, 240, 0) },
  ];
}

export function buildBuildings(roads: RoadsFC, water: WaterFC, seed = DEFAULT_SEED): BuildingsFile {
  const model = new CityModel(roads, water);
  const r = mulberry(seed);
  const faces = facesOf(roads);
  const marks = landmarks();
  const corn = toXY(BIG_CORN);
  const plaza = toXY(ERQI_PLAZA.at);
  const nearLandmark = (x: number, y: number) =>
    Math.hypot(x - corn[0], y - corn[1]) < CBD_RADIUS ||
    Math.hypot(x - plaza[0], y - plaza[1]) < ERQI_PLAZA.r ||
    marks.some((m) => inRing(x, y, m.ring) || m.ring.some((p) => Math.hypot(p[0] - x, p[1] - y) < 60));

  const out: Building[] = [];
  const accept = (b: Building) => {
    const corners = rectCorners(b.x, b.y, b.w, b.l, b.a);
    if (!model.clear(corners)) return false;
    out.push(b);
    return true;
  };

  for (const b of cbdBuildings(r)) accept(b);

  for (const face of faces) {
    const theta = orientation(face.ring);
    const c = Math.cos(theta * RAD);
    const s = Math.sin(theta * RAD);
    // the face's ring in the local (u, v) frame
    const us = face.ring.map(([x, y]) => x * c + y * s);
    const vs = face.ring.map(([x, y]) => -x * s + y * c);
    const [umin, umax, vmin, vmax] = [Math.min(...us), Math.max(...us), Math.min(...vs), Math.max(...vs)];
    const mid = [(face.bbox[0] + face.bbox[2]) / 2, (face.bbox[1] + face.bbox[3]) / 2];
    const core = model.ringLevel(mid[0], mid[1]) <= 2;
    const blockU = core ? 170 + 90 * r() : 230 + 130 * r();
    const blockV = core ? 150 + 80 * r() : 200 + 120 * r();
    const street = 18 + 8 * r();
    const smaller = faces.filter(
      (f) => f !== face && f.area <= face.area && f.bbox[0] < face.bbox[2] && f.bbox[2] > face.bbox[0] && f.bbox[1] < face.bbox[3] && f.bbox[3] > face.bbox[1],
    );
    const phaseU = r() * blockU;
    const phaseV = r() * blockV;
    for (let u0 = umin - phaseU; u0 < umax; u0 += blockU) {
      for (let v0 = vmin - phaseV; v0 < vmax; v0 += blockV) {
        const bu = u0 + blockU / 2;
        const bv = v0 + blockV / 2;
        const bx = bu * c - bv * s;
        const by = bu * s + bv * c;
        // decide the block (draws from r in a fixed order whatever the outcome)
        const roll = r();
        const level = model.ringLevel(bx, by);
        const cen = model.centrality(bx, by);
        const occ = Math.min(1, occupancy(level, model.outside4(bx, by)) + 1.2 * cen);
        const typ = typologyOf(r, cen, level);
        const compound = r() < (level === 1 ? 0.55 : level >= 3 ? 0.3 : 0.2) ? 18 + 6 * r() : 50 + 45 * r();
        const blockSeed = Math.floor(r() * 2 ** 32);
        if (roll > occ || typ === 'park') continue;
        const br = mulberry(blockSeed);
        const half = street / 2;
        for (const [cu, cv, w, l] of fillBlock(br, typ, u0 + half, u0 + blockU - half, v0 + half, v0 + blockV - half)) {
          const x = cu * c - cv * s;
          const y = cu * s + cv * c;
          const h = heightOf(br, typ, model.centrality(x, y), level, compound);
          if (!owns(face, smaller, x, y) || nearLandmark(x, y)) continue;
          accept({ x, y, w, l, a: ((theta % 180) + 180) % 180, h, k: TYP_KIND[typ] });
        }
      }
    }
  }

  // quantise and order (south to north, west to east) for a stable, compressible file
  const q = out.map((b) => ({
    x: Math.round(b.x),
    y: Math.round(b.y),
    w: Math.max(6, Math.round(b.w)),
    l: Math.max(6, Math.round(b.l)),
    a: Math.round(b.a) % 180,
    h: Math.max(3, Math.round(b.h)),
    k: b.k,
  }));
  q.sort((a, b) => a.y - b.y || a.x - b.x || a.h - b.h);
  const flat: number[] = [];
  for (const b of q) flat.push(b.x, b.y, b.w, b.l, b.a, b.h, b.k);
  return {
    format: FORMAT,
    name: 'zhengzhou-simulated-buildings',
    simulated: true,
    attribution: 'SIMULATED building blocks (seeded), generated between the schematic main roads; not real footprints or heights',
    seed,
    origin: ORIGIN,
    mPerDeg: M_PER_DEG,
    fields: ['x', 'y', 'w', 'l', 'a', 'h', 'k'],
    kinds: KINDS,
    count: q.length,
    b: flat,
    landmarks: marks,
  };
}

/** The file's text: one header line, the buildings 20 to a line, the landmarks (stable, diff-friendly). */
export function serialize(file: BuildingsFile): string {
  const { b, landmarks: lm, ...head } = file;
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 7 * 20) lines.push(b.slice(i, i + 7 * 20).join(','));
  return `${JSON.stringify(head).slice(0, -1)},\n"landmarks":[\n${lm.map((m) => JSON.stringify(m)).join(',\n')}\n],\n"b":[\n${lines.join(',\n')}\n]}\n`;
}

export function readInputs(): { roads: RoadsFC; water: WaterFC } {
  return {
    roads: JSON.parse(fs.readFileSync(path.join(PUBLIC_GEO, 'roads.geojson'), 'utf8')),
    water: JSON.parse(fs.readFileSync(path.join(PUBLIC_GEO, 'water.geojson'), 'utf8')),
  };
}

if (isMain(import.meta.url)) {
  const i = process.argv.indexOf('--seed');
  const seed = i > 0 ? Number(process.argv[i + 1]) : DEFAULT_SEED;
  const t0 = Date.now();
  const { roads, water } = readInputs();
  const file = buildBuildings(roads, water, seed);
  const text = serialize(file);
  fs.writeFileSync(BUILDINGS_FILE, text);
  const hs = [];
  for (let k = 5; k < file.b.length; k += 7) hs.push(file.b[k]);
  hs.sort((a, b) => a - b);
  const byKind = KINDS.map((k, ki) => `${k} ${file.b.filter((_, j) => j % 7 === 6 && file.b[j] === ki).length}`).join(', ');
  console.log(`${file.count} buildings (${byKind}) + ${file.landmarks.length} landmarks; height median ${hs[hs.length >> 1]} m, p95 ${hs[Math.floor(hs.length * 0.95)]} m, max ${hs[hs.length - 1]} m`);
  console.log(`wrote ${path.relative(ROOT, BUILDINGS_FILE)}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB in ${Date.now() - t0} ms`);
}
