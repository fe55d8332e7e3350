/**
 * The README's first command, `npm start`, serves the cockpit with Vite's dev server (not the
 * production build the rest of this suite serves). Its fixture route and on-demand module
 * transforms differ from the build's, so the dev cockpit gets its own smoke test: served
 * from vite.config.ts on a free port, opened offline in Chromium, it must start on the
 * embedded default with every layer's data and log no errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launch, openCockpit, state, waitReady } from './browser';

describe('npm start (the dev server)', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let base = '';
  beforeAll(async () => {
    server = await createServer({ server: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn', clearScreen: false });
    await server.listen();
    base = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves a cockpit that starts on the embedded default with no errors', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { page, errors } = await openCockpit(browser, '', { width: 1280, height: 720 }, base);
    // the first load transforms and pre-bundles the modules on demand: slow on this machine
    // (a module that fails to load logs an error at once: fail then, not after the timeout)
    const failed = new Promise<never>((_, reject) => {
      const check = setInterval(() => {
        if (errors.length) reject(new Error(`the dev cockpit logged errors before it was ready: ${errors.join(' | ').slice(0, 500)}`));
      }, 500);
      page.once('close', () => clearInterval(check));
    });
    const s = await Promise.race([waitReady(page, 240_000), failed]);
    expect(s.source.kind).toBe('replay');
    expect(s.source.state).toBe('ready');
    const topics = s.topics;
    for (const t of ['hotspots', 'rainfall', 'communities', 'parking', 'ambulances']) {
      expect(topics[t], `topic ${t}`).toBeDefined();
      expect(topics[t].accepted, `topic ${t} accepted`).toBeGreaterThan(0);
      expect(topics[t].rejected, `topic ${t} rejected`).toBe(0);
    }
    // the flood model's modules under mock-data/ load (the fixture route serves data files only)
    const after = await page.evaluate(async () => {
      await window.cockpit!.seek('2021-07-20T17:00:00+08:00');
      return window.cockpit!.state();
    });
    expect(after.topics.hotspots.count).toBe(51);
    expect((await state(page)).source.state).toBe('ready');
    expect(errors.filter((e) => !/GPU stall due to ReadPixels/.test(e))).toEqual([]);
    await page.context().close();
  }, 360_000);
});
