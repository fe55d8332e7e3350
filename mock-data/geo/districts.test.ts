import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { gcj02ToWgs84 } from '../../src/geo/coords';
import { haversine, pointInArea, polygonsOf, type AreaFeature, type LonLat } from '../../src/geo/geometry';
import { OUT_FILE, SOURCE_FILE, buildDistricts, type DistrictProps } from './build-districts';

const fc = JSON.parse(fs.readFileSync(OUT_FILE, 'utf8')) as { features: AreaFeature<DistrictProps>[] };
const feats = fc.features as unknown as Feature<Polygon | MultiPolygon, DistrictProps>[];

/**
 * Independent reference for GCJ-02: the published forward transform (Krasovsky 1940
 * ellipsoid parameters), inverted by fixed-point iteration to 1e-10 degrees.
 */
const A = 6378245.0;
const EE = 0.00669342162296594323;
function tLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}
function tLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}
function refWgsToGcj([lon, lat]: LonLat): LonLat {
  let dLat = tLat(lon - 105, lat - 35);
  let dLon = tLon(lon - 105, lat - 35);
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sq = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sq)) * Math.PI);
  dLon = (dLon * 180) / ((A / sq) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}
function refGcjToWgs(g: LonLat): LonLat {
  let w: LonLat = [g[0], g[1]];
  for (let i = 0; i < 100; i++) {
    const f = refWgsToGcj(w);
    const dx = f[0] - g[0];
    const dy = f[1] - g[1];
    w = [w[0] - dx, w[1] - dy];
    if (Math.abs(dx) < 1e-10 && Math.abs(dy) < 1e-10) break;
  }
  return w;
}

function area(f: Feature<Polygon | MultiPolygon>): number {
  return turf.area(f);
}

describe('districts.geojson', () => {
  it('has the 16 county-level units with names and properties', () => {
    expect(feats).toHaveLength(16);
    const codes = feats.map((f) => f.properties.code);
    expect(new Set(codes).size).toBe(16);
    expect(feats.filter((f) => f.properties.kind === 'admin')).toHaveLength(12);
    expect(feats.filter((f) => f.properties.kind === 'zone')).toHaveLength(4);
    for (const code of ['410102', '410103', '410104', '410105', '410106', '410108', '410122', '410181', '410182', '410183', '410184', '410185', 'ZD', 'HKG', 'JK', 'GX'])
      expect(codes).toContain(code);
    const names = feats.map((f) => f.properties.name_zh);
    for (const n of ['中原区', '二七区', '管城回族区', '金水区', '惠济区', '郑东新区', '郑州航空港经济综合实验区', '郑州经济技术开发区', '郑州高新技术产业开发区'])
      expect(names).toContain(n);
    for (const f of feats) {
      const p = f.properties;
      expect(p.name_zh.length).toBeGreaterThan(1);
      expect(p.name_en).toMatch(/^[A-Z][A-Za-z\- ]+$/);
      expect(typeof p.approximate).toBe('boolean');
      expect(p.source.length).toBeGreaterThan(5);
      if (p.kind === 'zone') expect(p.approximate).toBe(true);
      expect(pointInArea(p.center, f.geometry as AreaFeature['geometry'])).toBe(true);
    }
  });

  it('every polygon is valid: closed rings, >= 4 vertices, no self-intersection, 6 decimals', () => {
    for (const f of feats) {
      for (const poly of polygonsOf(f.geometry as AreaFeature['geometry'])) {
        for (const ring of poly) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (const [x, y] of ring) {
            expect(Math.abs(x * 1e6 - Math.round(x * 1e6))).toBeLessThan(1e-6);
            expect(Math.abs(y * 1e6 - Math.round(y * 1e6))).toBeLessThan(1e-6);
          }
        }
      }
      expect(turf.kinks(f).features, `${f.properties.code} kinks`).toHaveLength(0);
      expect(turf.booleanValid(f), `${f.properties.code} valid`).toBe(true);
    }
  });

  it('polygons overlap each other by slivers at most (< 0.5% of the smaller)', () => {
    const areas = feats.map(area);
    const bboxes = feats.map((f) => turf.bbox(f));
    for (let i = 0; i < feats.length; i++) {
      for (let j = i + 1; j < feats.length; j++) {
        const [a, b] = [bboxes[i], bboxes[j]];
        if (a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1]) continue;
        const x = turf.intersect(turf.featureCollection([feats[i], feats[j]]));
        const ov = x ? turf.area(x) : 0;
        expect(ov / Math.min(areas[i], areas[j]), `${feats[i].properties.code} × ${feats[j].properties.code}`).toBeLessThan(0.005);
      }
    }
  });

  it('the 16 units cover the municipality (total ≈ 7,400 km², no large gaps)', () => {
    const total = feats.reduce((s, f) => s + area(f), 0) / 1e6;
    const raw = JSON.parse(fs.readFileSync(SOURCE_FILE, 'utf8')) as { features: Feature<Polygon | MultiPolygon>[] };
    const src = raw.features.reduce((s, f) => s + area(f), 0) / 1e6;
    expect(Math.abs(total - src) / src).toBeLessThan(0.005);
    expect(total).toBeGreaterThan(7000);
    expect(total).toBeLessThan(7800);
  });

  it('GCJ-02 → WGS84 conversion is within 1 m of an independent reference implementation', () => {
    const samples: LonLat[] = [
      [113.6253, 34.7466], [113.7322, 34.7744], [113.2, 34.8], [112.95, 34.45], [114.1, 34.5], [113.85, 34.52], [113.55, 34.95],
    ];
    const raw = JSON.parse(fs.readFileSync(SOURCE_FILE, 'utf8')) as { features: { geometry: { coordinates: number[][][][] } }[] };
    raw.features.forEach((f, i) => {
      const ring = f.geometry.coordinates[0][0];
      samples.push(ring[(i * 37) % ring.length] as LonLat);
    });
    for (const g of samples) {
      const ours = gcj02ToWgs84(g);
      const ref = refGcjToWgs(g);
      expect(haversine(ours, ref), `at ${g}`).toBeLessThan(1);
      // the reference round-trips, and the datum shift near Zhengzhou is a few hundred metres
      expect(haversine(refWgsToGcj(ref), g)).toBeLessThan(0.01);
      expect(haversine(ours, g)).toBeGreaterThan(300);
      expect(haversine(ours, g)).toBeLessThan(800);
    }
  });

  it('source vertices appear in the output at their reference-converted position (or lie inside a zone)', () => {
    const raw = JSON.parse(fs.readFileSync(SOURCE_FILE, 'utf8')) as { features: { geometry: { coordinates: number[][][][] } }[] };
    const zones = feats.filter((f) => f.properties.kind === 'zone');
    const out: LonLat[] = feats.flatMap((f) => polygonsOf(f.geometry as AreaFeature['geometry']).flat(2) as unknown as LonLat[]);
    const grid = new Map<string, LonLat[]>();
    const cell = (p: LonLat) => `${Math.floor(p[0] * 200)},${Math.floor(p[1] * 200)}`;
    for (const p of out) {
      const k = cell(p);
      grid.set(k, [...(grid.get(k) ?? []), p]);
    }
    let checked = 0;
    for (const f of raw.features) {
      const ring = f.geometry.coordinates[0][0];
      for (let i = 0; i < ring.length; i += 9) {
        const ref = refGcjToWgs(ring[i] as LonLat);
        const near = (grid.get(cell(ref)) ?? []).some((q) => haversine(q, ref) < 1);
        const inZone = zones.some((z) => turf.booleanPointInPolygon(ref, z, { ignoreBoundary: false }));
        expect(near || inZone, `vertex ${ring[i]} → ${ref}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('the committed file is what the build script produces (deterministic)', () => {
    const built = buildDistricts();
    expect(JSON.parse(JSON.stringify(built.features))).toEqual(fc.features);
  });

  it('zones sit where they should', () => {
    const at = (code: string) => feats.find((f) => f.properties.code === code)!;
    const inside = (code: string, p: LonLat) => turf.booleanPointInPolygon(p, at(code));
    expect(inside('ZD', [113.7255, 34.7694])).toBe(true); // Zhengdong CBD
    expect(inside('ZD', [113.773, 34.7601])).toBe(true); // Zhengzhou East railway station
    expect(inside('HKG', [113.841, 34.52])).toBe(true); // Xinzheng International Airport
    expect(inside('GX', [113.5349, 34.7953])).toBe(true); // Wutongjie, High-Tech Zone
    expect(inside('410103', [113.6605, 34.753])).toBe(true); // Erqi Square
    expect(inside('410105', [113.676, 34.7756])).toBe(true); // Huayuan Rd × Huanghe Rd
  });
});
