/**
 * The geography of Zhengzhou in Debian Chromium with every non-localhost request blocked:
 * the offline basemap draws the rivers and lakes, the roads and their names, the districts;
 * the simulated 3D buildings stand up when the camera is pitched at the CBD and go away with
 * their toggle. Pixel checks on the map canvas (MapLibre and deck.gl share it); screenshot in
 * test-results/geography.png (and a 256-colour copy for the docs, test-results/geography-docs.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WebMercatorViewport } from '@deck.gl/core';
import { launch, openCockpit, settle, state, waitReady } from './browser';
import { changedShare, sampleMap, type MapSample } from './pixels';
import { buildRoadGraph, findJunction, type RoadsFC } from '../src/geo/roadGraph';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readGeo = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'public/geo', f), 'utf8'));
const OUT = path.join(ROOT, 'test-results');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Noise that is not an error of ours (kept deliberately narrow, as in cockpit.e2e.ts). */
const harmless = (e: string) => /GPU stall due to ReadPixels/.test(e);

interface Camera {
  lon: number;
  lat: number;
  zoom: number;
  pitch: number;
  bearing: number;
}

/** Only the geography: every layer but the given ones is switched off. */
async function onlyLayers(page: Page, keep: string[]): Promise<void> {
  await page.evaluate((keep) => {
    for (const l of window.cockpit!.layers()) window.cockpit!.setLayerVisible(l.id, keep.includes(l.id));
  }, keep);
}

async function look(page: Page, cam: Camera): Promise<void> {
  await page.evaluate((c) => window.cockpit!.setCamera(c), cam);
  await settle(page, 700);
}

/** Full-resolution RGB of a part of the map canvas, given as fractions of its size. */
interface Crop {
  w: number;
  h: number;
  rgb: Uint8Array;
}
async function crop(page: Page, fx: number, fy: number, fw: number, fh: number): Promise<Crop> {
  const r = await page.evaluate(
    ([fx, fy, fw, fh]) => {
      const src = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas')!;
      const [sx, sy, w, h] = [Math.round(src.width * fx), Math.round(src.height * fy), Math.round(src.width * fw), Math.round(src.height * fh)];
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const g = c.getContext('2d', { willReadFrequently: true })!;
      g.drawImage(src, sx, sy, w, h, 0, 0, w, h);
      const d = g.getImageData(0, 0, w, h).data;
      const rgb = new Uint8Array(w * h * 3);
      for (let i = 0, j = 0; i < d.length; i += 4) {
        rgb[j++] = d[i];
        rgb[j++] = d[i + 1];
        rgb[j++] = d[i + 2];
      }
      let s = '';
      for (let i = 0; i < rgb.length; i += 0x8000) s += String.fromCharCode(...rgb.subarray(i, i + 0x8000));
      return { w, h, b64: btoa(s) };
    },
    [fx, fy, fw, fh] as const,
  );
  return { w: r.w, h: r.h, rgb: new Uint8Array(Buffer.from(r.b64, 'base64')) };
}

type Rule = (r: number, g: number, b: number) => boolean;
/** Water blue of the basemap (lakes #0d5a9e, rivers #1e88e5, Yellow River #1f74c4): blue, not cyan, not grey. */
const WATER: Rule = (r, g, b) => b >= 120 && b - r >= 90 && g >= 50 && g <= b - 45;
/** Amber expressways (#f5a524). */
const AMBER: Rule = (r, g, b) => r >= 190 && g >= 120 && g <= 210 && b <= 110;
/** Cyan ring roads (#00e5ff) and their glow. */
const CYAN: Rule = (r, g, b) => r <= 90 && g >= 170 && b >= 200;
/** Arterials (#35577d, #6f93ba core). */
const ARTERIAL: Rule = (r, g, b) => r >= 40 && r <= 130 && g >= 75 && g <= 165 && b >= 110 && b <= 200 && b - r >= 50 && b - r < 90;
/**
 * Label text (road names #cfe8ff, district names #bfe9ff, drawn small and anti-aliased, so
 * mostly ~#a5c7dd): light blue-grey. Not the roads (darker or cyan/amber), not water labels
 * (#7cc4ff, too blue), not landmarks (amber).
 */
const LABEL: Rule = (r, g, b) => r >= 110 && g >= 130 && b >= 150 && b >= g && g >= r && b - r >= 30 && b - r <= 90;

function count(c: { rgb: ArrayLike<number> }, rule: Rule): number {
  let n = 0;
  for (let i = 0; i < c.rgb.length; i += 3) if (rule(c.rgb[i], c.rgb[i + 1], c.rgb[i + 2])) n++;
  return n;
}
const share = (c: Crop, rule: Rule) => count(c, rule) / (c.w * c.h);
function mask(c: Crop, rule: Rule): Uint8Array {
  const m = new Uint8Array(c.w * c.h);
  for (let i = 0; i < m.length; i++) m[i] = rule(c.rgb[3 * i], c.rgb[3 * i + 1], c.rgb[3 * i + 2]) ? 1 : 0;
  return m;
}

/** The upper half of a map sample (rows × cols), as its own sample. */
function upperHalf(s: MapSample, cols: number, rows: number): MapSample {
  return { ...s, rgb: s.rgb.slice(0, cols * Math.floor(rows / 2) * 3) };
}
function lumaStd(s: MapSample): number {
  const l: number[] = [];
  for (let i = 0; i < s.rgb.length; i += 3) l.push(0.2126 * s.rgb[i] + 0.7152 * s.rgb[i + 1] + 0.0722 * s.rgb[i + 2]);
  const mean = l.reduce((a, b) => a + b, 0) / l.length;
  return Math.sqrt(l.reduce((a, b) => a + (b - mean) ** 2, 0) / l.length);
}

/**
 * A 256-colour PNG of RGB pixels (popularity palette over 15-bit colours, nearest-colour
 * mapping): the cockpit is mostly a few dark blues, so this is visually lossless and a third
 * of the size of Chromium's RGBA screenshot. For the docs copy of the screenshot.
 */
function png8(w: number, h: number, rgb: Uint8Array): Buffer {
  const n = w * h;
  const key = new Uint16Array(n);
  const hist = new Uint32Array(32768);
  const sum = new Float64Array(32768 * 3);
  for (let i = 0; i < n; i++) {
    const [r, g, b] = [rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]];
    const k = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
    key[i] = k;
    hist[k]++;
    sum[3 * k] += r;
    sum[3 * k + 1] += g;
    sum[3 * k + 2] += b;
  }
  const used: number[] = [];
  for (let k = 0; k < 32768; k++) if (hist[k]) used.push(k);
  used.sort((a, b) => hist[b] - hist[a] || a - b);
  const mean = (k: number) => [0, 1, 2].map((j) => sum[3 * k + j] / hist[k]);
  const pal = used.slice(0, 256).map((k) => mean(k).map(Math.round));
  const lut = new Uint8Array(32768);
  for (const k of used) {
    const c = mean(k);
    let best = 0;
    let bd = Infinity;
    pal.forEach((p, i) => {
      const d = (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2 + (p[2] - c[2]) ** 2;
      if (d < bd) [bd, best] = [d, i];
    });
    lut[k] = best;
  }
  const raw = Buffer.alloc(h * (w + 1)); // filter byte 0 (none) per row, then palette indices
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw[y * (w + 1) + 1 + x] = lut[key[y * w + x]];
  const crcTable = Array.from({ length: 256 }, (_, c) => {
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    let c = 0xffffffff;
    for (const x of td) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    td.copy(out, 4);
    out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // indexed colour
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(pal.flat())),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('geography, offline', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ page, errors } = await openCockpit(browser));
    await waitReady(page);
    await page.locator('[data-testid="layer-toggle-buildings"]').waitFor();
    await onlyLayers(page, []); // the basemap alone for the basemap checks
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('draws the Yellow River, Xiliu Lake and the Jinshui River in water blue', async () => {
    const water = readGeo('water.geojson') as { features: { properties: { id: string; center: [number, number] } }[] };
    const at = (id: string) => water.features.find((f) => f.properties.id === id)!.properties.center;
    const [hx, hy] = at('huanghe');
    await look(page, { lon: hx, lat: hy, zoom: 11, pitch: 0, bearing: 0 });
    const river = await crop(page, 0.3, 0.3, 0.4, 0.4);
    expect(share(river, WATER), 'Yellow River').toBeGreaterThan(0.02);

    const [lx, ly] = at('xiliuhu');
    await look(page, { lon: lx, lat: ly, zoom: 14, pitch: 0, bearing: 0 });
    const lake = await crop(page, 0.45, 0.45, 0.1, 0.1);
    expect(share(lake, WATER), 'Xiliu Lake').toBeGreaterThan(0.4);
    // beside the lake (a lake is ~80 px wide at zoom 14): no water
    const dry = await crop(page, 0.05, 0.45, 0.1, 0.1);
    expect(share(dry, WATER), 'west of Xiliu Lake').toBeLessThan(0.05);

    const [jx, jy] = at('jinshuihe');
    await look(page, { lon: jx, lat: jy, zoom: 14, pitch: 0, bearing: 0 });
    const jinshui = await crop(page, 0.35, 0.35, 0.3, 0.3);
    expect(count(jinshui, WATER), 'Jinshui River').toBeGreaterThan(150);
  });

  it('draws the roads in their classes and their names, in the UI language', async () => {
    // at a junction found by name: 航海路 × 京广路 (the 2nd ring and the Jingguang expressway)
    const roads = readGeo('roads.geojson') as RoadsFC;
    const j = findJunction(buildRoadGraph(roads), '航海路', '京广路');
    expect(j).not.toBeNull();
    const cam: Camera = { lon: j![0], lat: j![1], zoom: 13.5, pitch: 0, bearing: 0 };
    await look(page, cam);
    const size = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas')!;
      return { width: c.clientWidth, height: c.clientHeight };
    });
    // precondition: no district or zone name in view, so the light text pixels are road names
    const vp = new WebMercatorViewport({ ...size, longitude: cam.lon, latitude: cam.lat, zoom: cam.zoom });
    const labels = readGeo('labels.geojson') as { features: { properties: { kind: string; name_zh: string }; geometry: { coordinates: [number, number] } }[] };
    const inView = labels.features.filter((f) => {
      const [x, y] = vp.project(f.geometry.coordinates);
      return ['district', 'zone'].includes(f.properties.kind) && x > -100 && x < size.width + 100 && y > -30 && y < size.height + 30;
    });
    expect(inView.map((f) => f.properties.name_zh)).toEqual([]);
    const map = await crop(page, 0, 0, 1, 1);
    expect(count(map, AMBER), 'expressway amber').toBeGreaterThan(300);
    expect(count(map, CYAN), 'ring-road cyan').toBeGreaterThan(300);
    expect(count(map, ARTERIAL), 'arterial blue-grey').toBeGreaterThan(300);
    const zh = mask(map, LABEL);
    expect(zh.reduce((a, b) => a + b, 0), 'road-name pixels (zh)').toBeGreaterThan(300);
    // the names follow the language: other text, same roads
    await page.evaluate(() => window.cockpit!.setLang('en'));
    await settle(page, 900);
    const mapEn = await crop(page, 0, 0, 1, 1);
    const en = mask(mapEn, LABEL);
    let both = 0;
    let either = 0;
    for (let i = 0; i < zh.length; i++) {
      both += zh[i] & en[i];
      either += zh[i] | en[i];
    }
    expect(en.reduce((a, b) => a + b, 0), 'road-name pixels (en)').toBeGreaterThan(300);
    expect(both / either, 'zh and en names differ').toBeLessThan(0.6);
    expect(count(mapEn, AMBER)).toBeGreaterThan(300); // the roads themselves did not change
    await page.evaluate(() => window.cockpit!.setLang('zh'));
  });

  it('draws the district outlines (layer) over the basemap; no buildings at city zoom', async () => {
    await look(page, { lon: 113.66, lat: 34.76, zoom: 10.6, pitch: 0, bearing: 0 });
    const basemap = await sampleMap(page, 320, 180);
    await onlyLayers(page, ['districts']);
    await settle(page, 700);
    const withDistricts = await sampleMap(page, 320, 180);
    expect(changedShare(basemap, withDistricts, 12), 'district outlines').toBeGreaterThan(0.005);
    // buildings come in from zoom 12: at city zoom the layer draws nothing
    await onlyLayers(page, ['districts', 'buildings']);
    await settle(page, 700);
    const withBuildings = await sampleMap(page, 320, 180);
    expect(changedShare(withDistricts, withBuildings, 12), 'no buildings at city zoom').toBeLessThan(0.001);
  });

  it('stands simulated 3D buildings up when pitched at the CBD; the switch takes them away', async () => {
    await look(page, { lon: 113.727, lat: 34.768, zoom: 14.5, pitch: 60, bearing: -20 });
    await settle(page, 800);
    const cols = 240;
    const rows = 200;
    const on = upperHalf(await sampleMap(page, cols, rows), cols, rows);
    await page.locator('[data-testid="layer-toggle-buildings"]').click(); // the switch
    expect((await state(page)).layers.buildings.visible).toBe(false);
    await settle(page, 800);
    const off = upperHalf(await sampleMap(page, cols, rows), cols, rows);
    expect(changedShare(on, off), 'buildings drawn in the upper half').toBeGreaterThan(0.2);
    expect(lumaStd(on), 'pixel variance with buildings').toBeGreaterThan(1.5 * lumaStd(off));
    await page.evaluate(() => window.cockpit!.setLayerVisible('buildings', true));
    expect(await page.locator('[data-testid="layer-toggle-buildings"]').isChecked()).toBe(true);
    await settle(page, 800);
    const again = upperHalf(await sampleMap(page, cols, rows), cols, rows);
    expect(changedShare(on, again), 'the same picture again').toBeLessThan(0.02);
    // the legend says simulated
    expect(await page.locator('[data-testid="legend-buildings"]').textContent()).toMatch(/SIMULATED|模拟/);
  });

  it('screenshot of the whole cockpit; no request left the machine, no error', async () => {
    // the Zhengdong CBD: the Big Corn in its rings of towers, Ruyi Lake, the Expo Centre, roads with names
    await look(page, { lon: 113.722, lat: 34.764, zoom: 14.5, pitch: 60, bearing: -25 });
    await settle(page, 1200);
    fs.mkdirSync(OUT, { recursive: true });
    const png = await page.screenshot({ path: path.join(OUT, 'geography.png') });
    expect(png.length).toBeGreaterThan(100_000);
    // the same pixels as a 256-colour PNG for docs/img (< 400 KB)
    const px = await page.evaluate(async (b64) => {
      const bmp = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const c = document.createElement('canvas');
      c.width = bmp.width;
      c.height = bmp.height;
      const g = c.getContext('2d', { willReadFrequently: true })!;
      g.drawImage(bmp, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const rgb = new Uint8Array(c.width * c.height * 3);
      for (let i = 0, j = 0; i < d.length; i += 4) {
        rgb[j++] = d[i];
        rgb[j++] = d[i + 1];
        rgb[j++] = d[i + 2];
      }
      let s = '';
      for (let i = 0; i < rgb.length; i += 0x8000) s += String.fromCharCode(...rgb.subarray(i, i + 0x8000));
      return { w: c.width, h: c.height, b64: btoa(s) };
    }, png.toString('base64'));
    expect([px.w, px.h]).toEqual([1920, 1080]);
    const docs = png8(px.w, px.h, new Uint8Array(Buffer.from(px.b64, 'base64')));
    fs.writeFileSync(path.join(OUT, 'geography-docs.png'), docs);
    expect(docs.length).toBeLessThan(400 * 1024);

    expect(errors.filter((e) => e.startsWith('blocked external request'))).toEqual([]);
    expect(errors.filter((e) => !harmless(e))).toEqual([]);
  });
});
