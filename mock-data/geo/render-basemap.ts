/**
 * Renders the embedded offline basemap in Debian Chromium with every non-localhost request
 * blocked, and writes a screenshot — a check that the style, the GeoJSON and the locally
 * drawn labels work with no network.
 *
 *   npx tsx mock-data/geo/render-basemap.ts [out.png] [lon,lat,zoom] [zh|en]
 *
 * Prints a JSON report: blocked requests, console errors, and how many features of each
 * layer were drawn. Exit code 1 if something is missing. Needs /usr/bin/chromium (or
 * CHROMIUM_PATH) and playwright-core.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { ROOT, isMain } from './io';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.pbf': 'application/x-protobuf',
};

function page(view: { lon: number; lat: number; zoom: number }, lang: string): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/vendor/maplibre-gl.css">
<style>html,body,#map{margin:0;width:100%;height:100%;background:#04101f}</style></head>
<body><div id="map"></div><script src="/vendor/maplibre-gl.js"></script><script>
(async () => {
  const style = await (await fetch('/basemap/style.json')).json();
  if (${JSON.stringify(lang)} === 'en') for (const l of style.layers) if (l.layout && l.layout['text-field']) l.layout['text-field'] = ['coalesce', ['get', 'name_en'], ['get', 'name_zh']];
  const map = new maplibregl.Map({ container: 'map', style, center: [${view.lon}, ${view.lat}], zoom: ${view.zoom}, attributionControl: false, fadeDuration: 0 });
  window.__map = map;
  map.on('error', (e) => console.error('map error: ' + (e && e.error && e.error.message)));
  map.once('idle', () => { window.__ready = true; });
})();
</script></body></html>`;
}

export async function renderBasemap(out: string, view = { lon: 113.69, lat: 34.765, zoom: 11.6 }, lang = 'zh') {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file: string | null = null;
    if (url.pathname === '/__basemap.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(page(view, lang));
      return;
    }
    if (url.pathname.startsWith('/vendor/')) file = path.join(ROOT, 'node_modules/maplibre-gl/dist', path.basename(url.pathname));
    else file = path.join(ROOT, 'public', path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(ROOT) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  try {
    const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await ctx.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === '127.0.0.1' || u.protocol === 'blob:' || u.protocol === 'data:') return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    const p = await ctx.newPage();
    p.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await p.goto(`http://127.0.0.1:${port}/__basemap.html`);
    await p.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, null, { timeout: 90_000 });
    const drawn = await p.evaluate(() => {
      const map = (window as unknown as { __map: { getStyle(): { layers: { id: string }[] }; queryRenderedFeatures(o: unknown): unknown[] } }).__map;
      const counts: Record<string, number> = {};
      for (const l of map.getStyle().layers) if (l.id !== 'background') counts[l.id] = map.queryRenderedFeatures({ layers: [l.id] }).length;
      return counts;
    });
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    await p.screenshot({ path: out });
    return { out, blocked, errors, drawn };
  } finally {
    await browser.close();
    server.close();
  }
}

if (isMain(import.meta.url)) {
  const out = process.argv[2] ?? '/tmp/basemap.png';
  const [lon, lat, zoom] = (process.argv[3] ?? '113.69,34.765,11.6').split(',').map(Number);
  const lang = process.argv[4] ?? 'zh';
  renderBasemap(out, { lon, lat, zoom }, lang).then(
    (r) => {
      console.log(JSON.stringify(r, null, 1));
      const must = ['district-fill', 'district-line', 'water-river', 'road-ring', 'road-label', 'district-label'];
      const missing = must.filter((id) => !r.drawn[id]);
      if (r.blocked.length || missing.length) {
        console.error(`blocked: ${r.blocked.length}, layers with nothing drawn: ${missing.join(', ')}`);
        process.exit(1);
      }
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
