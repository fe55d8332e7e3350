import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { LABEL_LAYER_IDS, localizeStyle, resolveSourceUrls, styleUrls, textField } from './basemapStyle';
import { allLabels, districtLabels, readableAngle, roadLabels, waterLabels } from './labels';
import { pointInArea, type AreaFeature } from './geometry';

const PUBLIC = path.resolve(__dirname, '../../public');
const style = JSON.parse(fs.readFileSync(path.join(PUBLIC, 'basemap/style.json'), 'utf8'));
const geo = (f: string) => JSON.parse(fs.readFileSync(path.join(PUBLIC, 'geo', f), 'utf8'));

describe('offline basemap style', () => {
  it('is a valid MapLibre style v8', () => {
    expect(style.version).toBe(8);
    const errors = validateStyleMin(style);
    expect(errors.map((e: { message: string }) => e.message)).toEqual([]);
  });

  it('references no internet URL: only local /geo GeoJSON, no glyphs, no sprite', () => {
    const urls = styleUrls(style);
    expect(urls.length).toBe(4);
    for (const u of urls) {
      expect(u).toMatch(/^\/geo\/[a-z]+\.geojson$/);
      expect(fs.existsSync(path.join(PUBLIC, u))).toBe(true);
    }
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('has the dark theme and the layers the cockpit needs', () => {
    const ids = style.layers.map((l: { id: string }) => l.id);
    for (const id of ['background', 'district-fill', 'district-line', 'water-lake', 'water-river', 'water-yellow-river', 'road-arterial', 'road-expressway', 'road-ring', 'road-ring-glow', ...LABEL_LAYER_IDS])
      expect(ids).toContain(id);
    expect(style.layers[0].paint['background-color']).toBe('#04101f');
    // every symbol layer uses fonts that exist as CSS families, drawn locally
    for (const l of style.layers.filter((x: { type: string }) => x.type === 'symbol')) {
      expect(l.layout['text-font']).toContain('sans-serif');
      expect(LABEL_LAYER_IDS as readonly string[]).toContain(l.id);
    }
  });

  it('switches label language', () => {
    const en = localizeStyle(style, 'en');
    for (const id of LABEL_LAYER_IDS) expect(en.layers.find((l: { id: string }) => l.id === id).layout['text-field']).toEqual(textField('en'));
    expect(style.layers.find((l: { id: string }) => l.id === 'road-label').layout['text-field']).toEqual(textField('zh'));
  });

  it('resolves relative source URLs against a base', () => {
    const abs = resolveSourceUrls(style, 'http://127.0.0.1:5173/app/');
    expect(abs.sources.roads.data).toBe('http://127.0.0.1:5173/geo/roads.geojson');
  });
});

describe('labels', () => {
  const districts = geo('districts.geojson');
  const water = geo('water.geojson');
  const roads = geo('roads.geojson');

  it('labels every district inside its polygon, zones by short name', () => {
    const labels = districtLabels(districts);
    expect(labels).toHaveLength(16);
    for (const l of labels) {
      const f = districts.features.find((d: { properties: { code: string } }) => d.properties.code === l.ref);
      expect(pointInArea(l.position, f.geometry as AreaFeature['geometry'])).toBe(true);
    }
    expect(labels.find((l) => l.ref === 'HKG')!.text_zh).toBe('航空港区');
    expect(labels.find((l) => l.ref === 'ZD')!.text_zh).toBe('郑东新区');
  });

  it('labels every river and lake, road labels follow the road', () => {
    expect(waterLabels(water).map((l) => l.text_zh)).toContain('黄河');
    const rl = roadLabels(roads);
    expect(rl.length).toBeGreaterThanOrEqual(roads.features.length);
    for (const l of rl) {
      expect(l.angle).toBeGreaterThan(-90);
      expect(l.angle).toBeLessThanOrEqual(90);
    }
    // an east-west road reads horizontally, a north-south one vertically
    expect(Math.abs(rl.find((l) => l.ref === 'r3-n')!.angle)).toBeLessThan(5);
    expect(Math.abs(rl.find((l) => l.ref === 'huayuan')!.angle)).toBeGreaterThan(85);
  });

  it('readable angles never turn text upside down', () => {
    expect(readableAngle(90)).toBe(0); // heading east
    expect(readableAngle(270)).toBe(0); // heading west
    expect(readableAngle(0)).toBe(90); // heading north
    expect(readableAngle(45)).toBe(45);
    expect(readableAngle(225)).toBe(45);
  });

  it('the committed labels.geojson holds the district, water and landmark labels', () => {
    const fc = geo('labels.geojson');
    const kinds = new Set(fc.features.map((f: { properties: { kind: string } }) => f.properties.kind));
    expect([...kinds].sort()).toEqual(['district', 'landmark', 'water', 'zone']);
    expect(allLabels({ districts, water, roads }).length).toBeGreaterThan(fc.features.length);
  });
});
