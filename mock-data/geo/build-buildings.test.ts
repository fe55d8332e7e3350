import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pointInPolygon, toMetres, type LonLat } from '../../src/geo/geometry';
import { corners as decodeCorners } from '../../layers/buildings/decode';
import { BIG_CORN, BIG_CORN_HEIGHT, BUILDINGS_FILE, DEFAULT_SEED, buildBuildings, readInputs, rectCorners, serialize, type BuildingsFile } from './build-buildings';

const committedText = fs.readFileSync(BUILDINGS_FILE, 'utf8');
const file = JSON.parse(committedText) as BuildingsFile;
const { roads, water } = readInputs();

interface B {
  x: number;
  y: number;
  w: number;
  l: number;
  a: number;
  h: number;
  k: number;
  /** corners, lon/lat */
  ring: LonLat[];
}
const toLonLat = ([x, y]: [number, number]): LonLat => [file.origin[0] + x / file.mPerDeg[0], file.origin[1] + y / file.mPerDeg[1]];
const all: B[] = [];
for (let i = 0; i < file.b.length; i += 7) {
  const [x, y, w, l, a, h, k] = file.b.slice(i, i + 7);
  all.push({ x, y, w, l, a, h, k, ring: decodeCorners(x, y, w, l, a).map(toLonLat) });
}

// ---- an independent planar check (metres around the building): distance from a segment to a rectangle
const LAT0 = 34.76;
const m = (p: number[]) => toMetres([p[0], p[1]], LAT0);
function segSeg(a: number[], b: number[], c: number[], d: number[]): boolean {
  const o = (p: number[], q: number[], r: number[]) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) !== o(a, b, d) && o(c, d, a) !== o(c, d, b);
}
function ptSeg(p: number[], a: number[], b: number[]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = dx || dy ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy))) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}
/** Distance (m) from a polyline to a convex polygon (0 if they touch or the line is inside). */
function lineToPolygon(line: number[][], ring: LonLat[]): number {
  const P = ring.map(m);
  const L = line.map(m);
  let best = Infinity;
  for (let i = 1; i < L.length; i++) {
    for (let j = 0; j < P.length; j++) {
      const c = P[j];
      const d = P[(j + 1) % P.length];
      if (segSeg(L[i - 1], L[i], c, d)) return 0;
      best = Math.min(best, ptSeg(c, L[i - 1], L[i]), ptSeg(L[i - 1], c, d), ptSeg(L[i], c, d));
    }
  }
  if (pointInPolygon(line[0] as LonLat, [ring])) return 0;
  return best;
}
function bboxOf(coords: number[][], padDeg: number): [number, number, number, number] {
  const xs = coords.map((c) => c[0]);
  const ys = coords.map((c) => c[1]);
  return [Math.min(...xs) - padDeg, Math.min(...ys) - padDeg, Math.max(...xs) + padDeg, Math.max(...ys) + padDeg];
}
const near = (bb: [number, number, number, number], b: B) => b.ring.some(([x, y]) => x >= bb[0] && x <= bb[2] && y >= bb[1] && y <= bb[3]);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
const distM = (b: B, at: LonLat) => Math.hypot(...(m(toLonLat([b.x, b.y])).map((v, i) => v - m(at)[i]) as [number, number]));

describe('buildings.json (simulated city fabric)', () => {
  let fresh: string;
  beforeAll(() => {
    fresh = serialize(buildBuildings(roads, water, DEFAULT_SEED));
  });

  it('is what the build script produces (seeded, deterministic, byte for byte)', () => {
    expect(committedText).toBe(fresh);
  });

  it('another seed gives another city', () => {
    const other = buildBuildings(roads, water, DEFAULT_SEED + 1);
    expect(other.b).not.toEqual(file.b);
    expect(Math.abs(other.count - file.count) / file.count).toBeLessThan(0.1);
  });

  it('is labelled simulated, compact, and a few tens of thousands of footprints', () => {
    expect(file.simulated).toBe(true);
    expect(file.attribution).toMatch(/SIMULATED/);
    expect(file.format).toBe('zz-buildings/1');
    expect(file.count).toBe(file.b.length / 7);
    expect(file.count).toBeGreaterThan(20_000);
    expect(file.count).toBeLessThan(60_000);
    expect(Buffer.byteLength(committedText)).toBeLessThan(1.5 * 1024 * 1024);
    for (const b of all) {
      expect(Number.isInteger(b.x) && Number.isInteger(b.y) && b.w >= 6 && b.l >= 6 && b.a >= 0 && b.a < 180 && b.h >= 3).toBe(true);
      expect(b.k >= 0 && b.k < file.kinds.length).toBe(true);
    }
  });

  it('the generator and the layer decode footprints the same way', () => {
    for (const b of all.slice(0, 500)) {
      const g = rectCorners(b.x, b.y, b.w, b.l, b.a);
      const d = decodeCorners(b.x, b.y, b.w, b.l, b.a);
      for (let i = 0; i < 4; i++) for (let j = 0; j < 2; j++) expect(g[i][j]).toBeCloseTo(d[i][j], 6);
    }
  });

  it('no footprint is on a road: ≥ 30 m from ring roads and expressways, ≥ 18 m from arterials', () => {
    let checked = 0;
    for (const f of roads.features) {
      const min = f.properties.class === 'arterial' ? 18 : 30;
      const bb = bboxOf(f.geometry.coordinates, 0.004);
      for (const b of all) {
        if (!near(bb, b)) continue;
        const d = lineToPolygon(f.geometry.coordinates, b.ring);
        checked++;
        if (d < min) expect.fail(`building at ${toLonLat([b.x, b.y])} is ${d.toFixed(1)} m from ${f.properties.id}`);
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('no footprint is in a lake or a river', () => {
    for (const f of water.features) {
      const g = f.geometry;
      const bb = bboxOf(g.type === 'Polygon' ? g.coordinates[0] : g.coordinates, f.properties.id === 'huanghe' ? 0.02 : 0.004);
      const clear = f.properties.id === 'huanghe' ? 700 : (f.properties.width_m ?? 30) / 2 + 5;
      for (const b of all) {
        if (!near(bb, b)) continue;
        if (g.type === 'Polygon') {
          for (const p of [...b.ring, toLonLat([b.x, b.y])])
            if (pointInPolygon(p, g.coordinates as LonLat[][])) expect.fail(`building at ${p} is in ${f.properties.id}`);
          for (const r of g.coordinates) {
            const d = lineToPolygon(r, b.ring);
            if (d < 5) expect.fail(`building at ${toLonLat([b.x, b.y])} is ${d.toFixed(1)} m from the shore of ${f.properties.id}`);
          }
        } else {
          const d = lineToPolygon(g.coordinates, b.ring);
          if (d < clear) expect.fail(`building at ${toLonLat([b.x, b.y])} is ${d.toFixed(1)} m from ${f.properties.id}`);
        }
      }
    }
  });

  it('is higher in the CBDs and lower at the edges; the Big Corn is the tallest', () => {
    const corn = file.landmarks.find((l) => l.id === 'qianxi')!;
    expect(corn.h).toBe(BIG_CORN_HEIGHT);
    expect(Math.max(...all.map((b) => b.h))).toBeLessThan(BIG_CORN_HEIGHT);
    const within = (at: LonLat, r: number) => all.filter((b) => distM(b, at) < r).map((b) => b.h);
    const cbd = within(BIG_CORN, 2000);
    const erqi = within([113.66, 34.7537], 1200);
    const edge = all.filter((b) => b.x < -13_000 || b.x > 14_000 || b.y < -9_000 || b.y > 9_000).map((b) => b.h);
    expect(edge.length).toBeGreaterThan(200);
    expect(median(cbd)).toBeGreaterThan(2 * median(edge));
    expect(median(erqi)).toBeGreaterThan(1.5 * median(edge));
    // the CBD's two rings of towers around the Big Corn: ~120 m inside, ~80 m outside
    const inner = all.filter((b) => distM(b, BIG_CORN) < 300 && b.h >= 110);
    const outer = all.filter((b) => distM(b, BIG_CORN) > 380 && distM(b, BIG_CORN) < 500 && b.h >= 75 && b.h < 90);
    expect(inner.length).toBeGreaterThanOrEqual(6); // a schematic river crosses the inner ring: no tower in it
    expect(outer.length).toBeGreaterThanOrEqual(24);
  });

  it('is denser in the core than towards and beyond the 4th ring', () => {
    const count = (r0: number, r1: number) => all.filter((b) => Math.hypot(b.x, b.y) >= r0 && Math.hypot(b.x, b.y) < r1).length / (Math.PI * (r1 * r1 - r0 * r0) / 1e6);
    const core = count(0, 5000);
    const mid = count(5000, 10_000);
    const outer = count(12_000, 20_000);
    expect(core).toBeGreaterThan(mid);
    expect(mid).toBeGreaterThan(outer);
    expect(outer).toBeGreaterThan(0);
  });
});
