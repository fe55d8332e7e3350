/**
 * Recolour vs rebuild, measured in Chromium with deck.gl (see recolour-page.ts).
 *
 *   npx tsx layers/communities/bench/recolour.ts [--rounds 9] [--zoom 12.5]
 *
 * Starts the Vite dev server on a free port (it serves the page module and
 * /mock-data/default.ndjson), opens the page in Debian Chromium (SwiftShader WebGL, the
 * flags of e2e/browser.ts, network limited to localhost) and prints the medians.
 */
import { createServer } from 'vite';
import { chromium } from 'playwright-core';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};

const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'warn', server: { host: '127.0.0.1', port: 0, strictPort: false } });
await server.listen();
const base = server.resolvedUrls!.local[0].replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: false,
  args: ['--headless=new', '--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/]).*/, (r) => r.abort());
  await page.goto(`${base}/layers/communities/bench/recolour.html?rounds=${arg('rounds', '9')}&zoom=${arg('zoom', '12.5')}`);
  await page.waitForFunction(() => (window as unknown as { __communitiesBench?: unknown }).__communitiesBench, undefined, { timeout: 600_000, polling: 500 });
  const r = await page.evaluate(() => (window as unknown as { __communitiesBench: unknown }).__communitiesBench);
  console.log(JSON.stringify(r, null, 2));
} finally {
  await browser.close();
  await server.close();
}
