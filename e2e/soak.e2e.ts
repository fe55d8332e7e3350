/**
 * The soak's short variant for CI (the day-long one is `npm run bench -- --scenario soak`,
 * bench/scenarios/soak.ts): the same hour of the default story played three times at
 * 600× with every layer and the auto-tour; checkpoints at the end of passes 2 and 3 (same data
 * time), with the tour held on the overview scene: JS heap after GC, DOM nodes, event listeners and
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
const START = Date.parse('2021-07-19T00:00:00+08:00');
const END = Date.parse('2021-07-19T01:00:00+08:00');
const BOUND_PCT = 20;

describe('soak (short)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('plays the same hours again and again with every layer and the tour without growing', async () => {
    const { page, errors } = await openCockpit(browser, '', { width: 960, height: 540 });
    await page.addInitScript(SOAK_INIT);
    await page.goto(`${new URL(page.url()).origin}/?speed=600&t=2021-07-19T00:00:00%2B08:00&tour=1&dwell=4&layers=${ALL.join(',')}`);
    await waitReady(page, 120_000);
    const cdp = await page.context().newCDPSession(page);
    const samples: Awaited<ReturnType<typeof sampleSoak>>[] = [];
    // One pass: play the same span of the story (the tour running), then stand at its end.
    // The story grows (calls, reports, trips), so the checkpoints compare pass with pass at
    // the same data time: what a leak adds, a pass adds again; data volume does not.
    const t0 = Date.now();
    const pass = async () => {
      await page.evaluate((t) => window.cockpit!.seek(t), START);
      await page.evaluate(() => window.cockpit!.play());
      const p0 = Date.now();
      while ((await page.evaluate(() => window.cockpit!.state().time)) < END) {
        if (Date.now() - p0 > 120_000) throw new Error('the story did not reach the end of the pass');
        await page.waitForTimeout(2500);
        samples.push(await sampleSoak(page, cdp));
      }
      await page.evaluate(() => window.cockpit!.pause());
      await page.evaluate((t) => window.cockpit!.seek(t), END);
      return checkpoint(page, cdp, 3000);
    };
    await pass(); // warm-up: caches, tiles, shaders, scenes of the tour
    const a = await pass();
    const b = await pass();
    const g = growthBetween(a.sample, b.sample);
    const hours = (END - START) / 3600_000;
    console.log(`soak (short): 3 passes over ${hours.toFixed(1)} h of data in ${((Date.now() - t0) / 1000).toFixed(0)} s; pass 2 → 3: heap ${a.sample.heapMB.toFixed(1)} → ${b.sample.heapMB.toFixed(1)} MB (${g.heap.toFixed(1)} %), nodes ${a.sample.nodes} → ${b.sample.nodes}, listeners ${a.sample.listeners} → ${b.sample.listeners}, GL buffers ${a.sample.glBuffers} → ${b.sample.glBuffers}, textures ${a.sample.glTextures} → ${b.sample.glTextures}, vertex arrays ${a.sample.glVertexArrays} → ${b.sample.glVertexArrays}; frame ${a.frameMs.toFixed(0)} → ${b.frameMs.toFixed(0)} ms`);
    expect(samples.length).toBeGreaterThan(2); // sampled while the passes played
    expect(g.heap).toBeLessThan(BOUND_PCT);
    expect(g.nodes).toBeLessThan(BOUND_PCT);
    expect(g.listeners).toBeLessThan(BOUND_PCT);
    expect(g.glBuffers).toBeLessThan(BOUND_PCT);
    expect(g.glTextures).toBeLessThan(BOUND_PCT);
    expect(g.glVertexArrays).toBeLessThan(BOUND_PCT);
    expect(Math.max(...samples.map((s) => s.glBuffers))).toBeLessThan(a.sample.glBuffers * 3 + 200);
    expect(errors.filter((e) => !/GPU stall due to ReadPixels/.test(e))).toEqual([]);
    await page.context().close();
  }, 420_000);
});
