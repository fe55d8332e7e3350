/**
 * The soak's short variant for CI (the day-long one is `npm run bench -- --scenario soak`,
 * bench/scenarios/soak.ts): the default story at 600× with every layer and the auto-tour
 * running for about a minute of wall time. Two checkpoints, after a warm-up and at the end,
 * with the tour held on the overview scene: JS heap after GC, DOM nodes, event listeners and
 * live WebGL buffers must not grow by more than a generous bound (a leak per frame or per
 * scene switch shows at once; the 5 % target is the bench's, over 24 h of data).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openCockpit, waitReady } from './browser';
import { checkpoint, growthBetween, sampleSoak, SOAK_INIT } from '../bench/scenarios/soak';

const ROOT = join(import.meta.dirname, '..');
const ALL = readdirSync(join(ROOT, 'layers')).filter((d) => existsSync(join(ROOT, 'layers', d, 'index.ts')));
const RUN_MS = 45_000;
const BOUND_PCT = 20;

describe('soak (short)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('plays the story with every layer and the tour without growing', async () => {
    const { page, errors } = await openCockpit(browser, '', { width: 960, height: 540 });
    await page.addInitScript(SOAK_INIT);
    await page.goto(`${new URL(page.url()).origin}/?speed=600&t=2021-07-19T00:00:00%2B08:00&tour=1&dwell=4&layers=${ALL.join(',')}`);
    await waitReady(page, 120_000);
    const cdp = await page.context().newCDPSession(page);
    await page.evaluate(() => window.cockpit!.play());
    // warm-up: caches, tiles, every scene of the tour once
    const scenes = await page.evaluate(() => (window.cockpit as unknown as { scenes: () => { scenes: unknown[] } }).scenes().scenes.length);
    const t0 = Date.now();
    await page.waitForFunction((n) => new Set((window.cockpit as unknown as { tour: () => { visited: string[] } }).tour().visited).size >= Math.min(n, 3), scenes, { timeout: 90_000, polling: 500 });
    const a = await checkpoint(page, cdp, 3000);
    const samples = [a.sample];
    while (Date.now() - t0 < RUN_MS) {
      await page.waitForTimeout(5000); // wall time is the point of a soak
      samples.push(await sampleSoak(page, cdp));
    }
    const b = await checkpoint(page, cdp, 3000);
    await page.evaluate(() => window.cockpit!.pause());
    const g = growthBetween(a.sample, b.sample);
    const hours = (b.sample.time - a.sample.time) / 3600_000;
    console.log(`soak (short): ${hours.toFixed(1)} h of data in ${((Date.now() - t0) / 1000).toFixed(0)} s; heap ${a.sample.heapMB.toFixed(1)} → ${b.sample.heapMB.toFixed(1)} MB (${g.heap.toFixed(1)} %), nodes ${a.sample.nodes} → ${b.sample.nodes}, listeners ${a.sample.listeners} → ${b.sample.listeners}, GL buffers ${a.sample.glBuffers} → ${b.sample.glBuffers}; frame ${a.frameMs.toFixed(0)} → ${b.frameMs.toFixed(0)} ms`);
    expect(hours).toBeGreaterThan(0); // the story did play (a loaded machine draws a frame in seconds)
    expect(g.heap).toBeLessThan(BOUND_PCT);
    expect(g.nodes).toBeLessThan(BOUND_PCT);
    expect(g.listeners).toBeLessThan(BOUND_PCT);
    expect(g.glBuffers).toBeLessThan(BOUND_PCT);
    expect(Math.max(...samples.map((s) => s.glBuffers))).toBeLessThan(a.sample.glBuffers * 3 + 200);
    expect(errors.filter((e) => !/GPU stall due to ReadPixels/.test(e))).toEqual([]);
    await page.context().close();
  }, 240_000);
});
