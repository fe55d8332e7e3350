/**
 * Builds public/geo/roads.geojson from the schematic road source (roads-source.ts):
 * nodes the network so that crossing roads share an exact vertex (routable), and writes
 * one LineString feature per road section.
 *
 *   npx tsx mock-data/geo/build-roads.ts
 *
 * Deterministic: same input, same bytes.
 */
import path from 'node:path';
import { lineLength, type LineFeature, type LonLat } from '../../src/geo/geometry';
import { ROADS, type RoadClass } from './roads-source';
import { nodeLines } from './noding';
import { PUBLIC_GEO, ROOT, isMain, writeFeatureCollection } from './io';

export const ROADS_FILE = path.join(PUBLIC_GEO, 'roads.geojson');

export interface RoadProps {
  id: string;
  name_zh: string;
  name_en: string;
  road_zh: string;
  road_en: string;
  class: RoadClass;
  ring: number | null;
  alias_zh: string[];
  length_m: number;
  schematic: true;
}

export function buildRoads() {
  const { lines, report } = nodeLines(ROADS.map((r) => r.coords as LonLat[]), { snapM: 150, mergeM: 3 });
  const features: LineFeature<RoadProps>[] = ROADS.map((r, i) => ({
    type: 'Feature',
    properties: {
      id: r.id,
      name_zh: r.name_zh,
      name_en: r.name_en,
      road_zh: r.road_zh,
      road_en: r.road_en,
      class: r.class,
      ring: r.ring ?? null,
      alias_zh: r.alias_zh ?? [],
      length_m: Math.round(lineLength(lines[i])),
      schematic: true,
    },
    geometry: { type: 'LineString', coordinates: lines[i] },
  }));
  return { fc: { type: 'FeatureCollection' as const, features }, report };
}

if (isMain(import.meta.url)) {
  const { fc, report } = buildRoads();
  const bytes = writeFeatureCollection(ROADS_FILE, fc, {
    name: 'zhengzhou-main-roads',
    schematic: true,
    attribution: 'Schematic main roads of Zhengzhou, authored from general knowledge (not survey data)',
  });
  console.log(`crossings: ${report.crossings}, snapped ends: ${report.snapped.length}`);
  for (const s of report.snapped) console.log(`  snapped ${ROADS[s.line].id} ${s.end} by ${s.distM} m`);
  for (const d of report.dangling) console.log(`  dangling ${ROADS[d.line].id} ${d.end}`);
  const km = fc.features.reduce((s, f) => s + f.properties.length_m, 0) / 1000;
  console.log(`wrote ${path.relative(ROOT, ROADS_FILE)}: ${fc.features.length} roads, ${km.toFixed(0)} km, ${(bytes / 1024).toFixed(0)} KiB`);
}
