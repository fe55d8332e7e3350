/** The city-fabric layer: decoding the committed file, level of detail, the plugin contract. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { WebMercatorViewport } from '@deck.gl/core';
import buildings, { buildingsOf } from './index';
import { CityFabricLayer, selectChunks } from './CityFabricLayer';
import { TALL_M, colorOf, decodeBuildings, tierOf, type BuildingsFile } from './decode';
import { MIN_ZOOM, tierOpacity } from './lod';
import type { LayerContext } from '../types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/geo/buildings.json'), 'utf8')) as BuildingsFile;
const decoded = decodeBuildings(file);

function ctx(zoom: number, asset: unknown = file): LayerContext {
  return {
    tables: undefined as never,
    table: () => undefined as never,
    time: 0,
    epoch: 0,
    selection: null,
    lang: 'en',
    zoom,
    asset: <T,>(name: string) => (name === "buildings" && asset ? (asset as T) : undefined),
  };
}

/** The map's view as deck.gl sees it (the cockpit's map is ~1100 × 930 px at 1920 × 1080). */
function view(longitude: number, latitude: number, zoom: number, pitch: number, bearing = 0) {
  const vp = new WebMercatorViewport({ width: 1100, height: 930, longitude, latitude, zoom, pitch, bearing });
  return { zoom, center: [longitude, latitude] as [number, number], bounds: vp.getBounds() as [number, number, number, number] };
}
const drawn = (sel: ReturnType<typeof selectChunks>) => sel.reduce((s, { chunk, tier }) => s + decoded.chunks[chunk].tiers[tier]!.length, 0);

describe('decoding buildings.json', () => {
  it('keeps every footprint and landmark, as closed rings with precomputed triangles', () => {
    expect(decoded.count).toBe(file.count + file.landmarks.length);
    expect(decoded.perTier.every((n) => n > 0)).toBe(true);
    let n = 0;
    for (const c of decoded.chunks) {
      for (const [t, batch] of c.tiers.entries()) {
        if (!batch) continue;
        n += batch.length;
        const { startIndices: s, attributes: a } = batch;
        expect(s.length).toBe(batch.length + 1);
        const verts = s[batch.length];
        expect(a.getPolygon.value.length).toBe(2 * verts);
        expect(a.getElevation.value.length).toBe(verts);
        expect(a.getFillColor.value.length).toBe(4 * verts);
        let bad = 0;
        for (let i = 0; i < batch.length; i++) {
          const [v0, v1] = [s[i], s[i + 1]];
          const P = a.getPolygon.value;
          if (v1 - v0 < 4) bad++;
          // closed ring, one height per building, in its tier (landmarks are all tall)
          if (P[2 * v0] !== P[2 * (v1 - 1)] || P[2 * v0 + 1] !== P[2 * (v1 - 1) + 1]) bad++;
          if (a.getElevation.value[v0] !== a.getElevation.value[v1 - 1]) bad++;
          if (t > 0 && tierOf(a.getElevation.value[v0]) !== t) bad++;
        }
        for (const i of a.indices.value) if (i >= verts) bad++;
        for (let i = 0; i < a.getPolygon.value.length; i += 2) {
          const [x, y] = [a.getPolygon.value[i], a.getPolygon.value[i + 1]];
          if (!(x > 113.3 && x < 114.1 && y > 34.5 && y < 35.0)) bad++;
        }
        expect(a.indices.value.length % 3).toBe(0);
        expect(bad, `chunk ${c.id} tier ${t}`).toBe(0);
      }
    }
    expect(n).toBe(decoded.count);
    expect(decoded.maxHeight).toBe(280);
  });

  it('rejects what is not a buildings file', () => {
    expect(() => decodeBuildings({ format: 'x' } as never)).toThrow(/zz-buildings/);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(buildingsOf({ format: 'x' } as never)).toBeNull();
    expect(quiet).toHaveBeenCalledOnce();
    quiet.mockRestore();
  });

  it('colours get brighter and cyan-er with height', () => {
    const lum = (h: number) => colorOf(h).slice(0, 3).reduce((a, b) => a + b, 0);
    for (const [a, b] of [[6, 20], [20, 60], [60, 150], [150, 280]]) expect(lum(b)).toBeGreaterThan(lum(a));
    const [r, g, b] = colorOf(150);
    expect(b).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(r);
  });
});

describe('level of detail', () => {
  it('nothing below zoom 12; tall buildings first, everything from zoom 14', () => {
    expect(MIN_ZOOM).toBe(12);
    expect([0, 1, 2].map((t) => tierOpacity(t, 11.9))).toEqual([0, 0, 0]);
    expect(tierOpacity(0, 12)).toBeGreaterThan(0);
    expect(tierOpacity(1, 12.9)).toBe(0);
    expect(tierOpacity(2, 13.9)).toBe(0);
    expect([0, 1, 2].map((t) => tierOpacity(t, 14.5))).toEqual([1, 1, 1]);
  });

  it('draws only the chunks in view, and far chunks of a pitched view keep their tall buildings only', () => {
    const cbd = selectChunks(decoded, view(113.727, 34.768, 14.5, 60, -20));
    expect(cbd.some((s) => s.tier === 2)).toBe(true);
    const cornChunk = decoded.chunks.findIndex((c) => c.bounds[0] <= 113.7245 && c.bounds[2] >= 113.7245 && c.bounds[1] <= 34.7725 && c.bounds[3] >= 34.7725);
    expect(cbd.some((s) => s.chunk === cornChunk && s.tier === 0)).toBe(true);
    // not the whole city
    expect(drawn(cbd)).toBeLessThan(decoded.count / 2);
    const farLow = cbd.filter((s) => s.tier === 2).map((s) => decoded.chunks[s.chunk].center);
    expect(farLow.length).toBeLessThan(cbd.filter((s) => s.tier === 0).length);

    // city zoom 12.5, top down: the tall tier only, a few thousand buildings
    const city = selectChunks(decoded, view(113.68, 34.76, 12.5, 0));
    expect(new Set(city.map((s) => s.tier))).toEqual(new Set([0]));
    expect(drawn(city)).toBeLessThan(decoded.perTier[0] + 1);
    // zoomed in somewhere else: the CBD is out of view
    const west = selectChunks(decoded, view(113.58, 34.76, 15, 0));
    expect(west.some((s) => s.chunk === cornChunk)).toBe(false);
  });
});

describe('the buildings plugin', () => {
  it('builds nothing below zoom 12 or before the file is loaded, one composite layer above', () => {
    expect(buildings.id).toBe('buildings');
    expect(buildings.defaultVisible).toBe(true);
    expect(buildings.assets).toEqual({ buildings: '/geo/buildings.json' });
    expect(buildings.build(ctx(11.75))).toEqual([]);
    expect(buildings.build(ctx(14, null))).toEqual([]);
    const ls = buildings.build(ctx(13));
    expect(ls).toHaveLength(1);
    expect(ls[0]).toBeInstanceOf(CityFabricLayer);
    expect(ls[0].id.startsWith('buildings:')).toBe(true);
    // a basemap with real buildings (proposed context field) replaces them
    expect(buildings.build({ ...ctx(14), basemap: { hasBuildings: true } } as LayerContext)).toEqual([]);
    // decoded once per loaded file
    expect(buildingsOf(file)).toBe(buildingsOf(file));
  });

  it('says SIMULATED in its legend, in both languages', () => {
    const l = buildings.legend(ctx(13));
    expect(l.note?.en).toMatch(/^SIMULATED/);
    expect(l.note?.zh).toMatch(/模拟/);
    expect(l.note?.en).toContain(file.count.toLocaleString('en-US'));
    expect(buildings.title.en).toMatch(/simulated/i);
    expect(l.items).toHaveLength(3);
  });
});
