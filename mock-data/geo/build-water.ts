/**
 * Builds public/geo/water.geojson from the schematic water source (water-source.ts).
 *
 *   npx tsx mock-data/geo/build-water.ts
 *
 * Rivers and canals are LineStrings, lakes are Polygons (with holes for islands).
 */
import path from 'node:path';
import { areaLabelPoint, lineLength, pointAlong, polygonArea, round6, type LonLat } from '../../src/geo/geometry';
import { WATER, type WaterKind } from './water-source';
import { PUBLIC_GEO, ROOT, isMain, writeFeatureCollection } from './io';

export const WATER_FILE = path.join(PUBLIC_GEO, 'water.geojson');

export interface WaterProps {
  id: string;
  name_zh: string;
  name_en: string;
  kind: WaterKind;
  width_m: number | null;
  /** label anchor */
  center: LonLat;
  /** length (rivers, canals) or area (lakes) */
  length_m: number | null;
  area_km2: number | null;
  schematic: true;
}

export function buildWater() {
  const features = WATER.map((w) => {
    if (w.kind === 'lake') {
      const rings = (w.rings ?? []).map((r) => r.map(round6));
      for (const r of rings) {
        const [a, b] = [r[0], r[r.length - 1]];
        if (a[0] !== b[0] || a[1] !== b[1]) r.push([a[0], a[1]]);
      }
      const geometry = { type: 'Polygon' as const, coordinates: rings };
      return {
        type: 'Feature' as const,
        properties: props(w, round6(areaLabelPoint(geometry)), null, Math.round(polygonArea(rings) / 1e4) / 100),
        geometry,
      };
    }
    const line = (w.line ?? []).map(round6);
    return {
      type: 'Feature' as const,
      properties: props(w, round6(pointAlong(line, 0.5)), Math.round(lineLength(line)), null),
      geometry: { type: 'LineString' as const, coordinates: line },
    };
  });
  return { type: 'FeatureCollection' as const, features };
}

function props(w: (typeof WATER)[number], center: LonLat, length: number | null, area: number | null): WaterProps {
  return { id: w.id, name_zh: w.name_zh, name_en: w.name_en, kind: w.kind, width_m: w.width_m ?? null, center, length_m: length, area_km2: area, schematic: true };
}

if (isMain(import.meta.url)) {
  const fc = buildWater();
  const bytes = writeFeatureCollection(WATER_FILE, fc, {
    name: 'zhengzhou-water',
    schematic: true,
    attribution: 'Schematic rivers and lakes of Zhengzhou, authored from general knowledge (not survey data)',
  });
  for (const f of fc.features) console.log(f.properties.id.padEnd(10), f.properties.kind.padEnd(6), f.properties.length_m ?? `${f.properties.area_km2} km²`);
  console.log(`wrote ${path.relative(ROOT, WATER_FILE)}: ${fc.features.length} features, ${(bytes / 1024).toFixed(0)} KiB`);
}
