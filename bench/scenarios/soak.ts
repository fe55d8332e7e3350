/**
 * Soak: a day without growth (issue 11). One browser, two pages at once:
 *  - replay: the default story from 2021-07-19 00:00 at 600× for 2 h of warm-up plus 24 h of
 *    data, every layer on and the auto-tour running (`tour=1`, short dwell: scenes switch
 *    layers, camera and panels all the time); 1920×1080 (quick: 960×540);
 *  - live: the reference live server's flood city at 60× over SSE (a live feed connected all
 *    along), on a small page of its own.
 * Every few seconds, per page: full GC (CDP HeapProfiler.collectGarbage), then the JS heap
 * (Runtime.getHeapUsage), DOM nodes and JS event listeners (Memory.getDOMCounters), and the
 * WebGL buffers and textures alive (an init script counts the create and delete calls).
 * Replay growth is measured between two checkpoints, right after the warm-up and at the end:
 * the tour held on the overview scene (same layers, camera, panels), the median rAF interval
 * over 10 s of playback (frame time), then a sample after GC. Live growth: the median of the
 * last three samples against the first three after the warm-up.
 * There is no floor for this one (the floor has no tour, no live source).
 */
import { launch, rendererMemory } from '../lib/browser';
import { cockpitUrl, sleep, waitCockpit, type Ctx, type Row, type ScenarioResult } from '../lib/common';
import { startLiveServer } from '../../server/live';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/server';

const START = Date.parse('2021-07-19T00:00:00+08:00');
const SPEED = 600;
const WARMUP_H = 2;
const ALL_LAYERS = readdirSync(join(ROOT, 'layers')).filter((d) => existsSync(join(ROOT, 'layers', d, 'index.ts')));

/** Counts live WebGL buffers and textures, and keeps rAF timestamps (runs before the app). */
export const SOAK_INIT = `(() => {
  const gl = { buffers: 0, textures: 0 };
  for (const C of [self.WebGLRenderingContext, self.WebGL2RenderingContext]) {
    if (!C) continue;
    const P = C.prototype;
    for (const [create, del, key] of [['createBuffer', 'deleteBuffer', 'buffers'], ['createTexture', 'deleteTexture', 'textures']]) {
      const c = P[create], d = P[del];
      P[create] = function () { const o = c.call(this); if (o) gl[key]++; return o; };
      P[del] = function (o) { if (o && !o.__soakDeleted) { o.__soakDeleted = true; gl[key]--; } return d.call(this, o); };
    }
  }
  const frames = [];
  const tick = (t) => { frames.push(t); if (frames.length > 4000) frames.splice(0, 2000); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  self.__soak = {
    gl,
    frameMs(since) {
      const f = frames.filter((t) => t >= since);
      const d = f.slice(1).map((t, i) => t - f[i]).sort((a, b) => a - b);
      return d.length ? d[d.length >> 1] : NaN;
    },
  };
})();`;

export interface SoakSample {
  wall: number;
  time: number;
  heapMB: number;
  nodes: number;
  listeners: number;
  glBuffers: number;
  glTextures: number;
}

export async function sampleSoak(page: Page, cdp: CDPSession): Promise<SoakSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const d = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const p = await page.evaluate(() => {
    const w = window as unknown as { __soak: { gl: { buffers: number; textures: number } } };
    return { time: window.cockpit?.state().time ?? NaN, ...w.__soak.gl };
  });
  return { wall: Date.now(), time: p.time, heapMB: h.usedSize / 1e6, nodes: d.nodes, listeners: d.jsEventListeners, glBuffers: p.buffers, glTextures: p.textures };
}

const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
};

/** Growth in % of each measure: the last three samples against the first three after the warm-up. */
export function growth(samples: SoakSample[], warmEnd: (s: SoakSample) => boolean): Record<'heap' | 'nodes' | 'listeners' | 'glBuffers' | 'glTextures', number> & { from: number; to: number } {
  const i = Math.max(0, samples.findIndex(warmEnd));
  const head = samples.slice(i, i + 3);
  const tail = samples.slice(-3);
  const g = (k: keyof SoakSample) => {
    const a = med(head.map((s) => s[k]));
    const b = med(tail.map((s) => s[k]));
    return a ? ((b - a) / a) * 100 : b === 0 ? 0 : Infinity;
  };
  return { heap: g('heapMB'), nodes: g('nodes'), listeners: g('listeners'), glBuffers: g('glBuffers'), glTextures: g('glTextures'), from: i, to: samples.length - 1 };
}

/**
 * A checkpoint: the tour held on the overview scene (same layers, camera and panels each
 * time), the median frame time over `ms` of playback, then a sample after GC; the tour goes on.
 */
export async function checkpoint(page: Page, cdp: CDPSession, ms: number): Promise<{ frameMs: number; sample: SoakSample }> {
  await page.evaluate(() => {
    const c = window.cockpit as unknown as { tour?: (on: boolean) => unknown; scene?: (id: string, animate: boolean) => unknown };
    c.tour?.(false);
    c.scene?.('overview', false);
  });
  await page.evaluate(() => window.cockpit!.idle());
  const since = await page.evaluate(() => performance.now());
  await sleep(ms);
  const frameMs = await page.evaluate((s) => (window as unknown as { __soak: { frameMs: (s: number) => number } }).__soak.frameMs(s), since);
  const sample = await sampleSoak(page, cdp);
  await page.evaluate(() => (window.cockpit as unknown as { tour?: (on: boolean) => unknown }).tour?.(true));
  return { frameMs, sample };
}

/** Growth in % from one sample to another. */
export function growthBetween(a: SoakSample, b: SoakSample): Record<'heap' | 'nodes' | 'listeners' | 'glBuffers' | 'glTextures', number> {
  const g = (x: number, y: number) => (x ? ((y - x) / x) * 100 : y === 0 ? 0 : Infinity);
  return { heap: g(a.heapMB, b.heapMB), nodes: g(a.nodes, b.nodes), listeners: g(a.listeners, b.listeners), glBuffers: g(a.glBuffers, b.glBuffers), glTextures: g(a.glTextures, b.glTextures) };
}

async function newPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession; errors: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('crash', () => errors.push('the page crashed'));
  await page.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/]).*/, (route) => (/^(data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
  await page.addInitScript(SOAK_INIT);
  return { page, cdp: await context.newCDPSession(page), errors };
}

export async function soak(ctx: Ctx): Promise<ScenarioResult> {
  const hours = 24;
  const everyMs = ctx.quick ? 8000 : 15_000;
  // quick: the same day on a smaller map (software WebGL draws it faster)
  const viewport = ctx.quick ? { width: 960, height: 540 } : { width: 1920, height: 1080 };
  const label = `soak (${WARMUP_H} h + ${hours} h of data at ${SPEED}×, all layers, tour, live feed)`;
  // the flood story's city (small; the default story takes minutes to build in Node) at 60×
  const live = await startLiveServer({ dist: ctx.builds.appDir, fixture: 'rainstorm-2021-07-20', port: 0, speed: 60, at: '2021-07-20T15:00:00+08:00', quiet: true });
  const browser = await launch();
  try {
    const replay = await newPage(await browser.newContext({ viewport, deviceScaleFactor: 1 }));
    const feed = await newPage(await browser.newContext({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 1 }));
    await replay.page.goto(cockpitUrl(ctx, { speed: SPEED, t: START, tour: 1, dwell: 6, layers: ALL_LAYERS.join(',') }, { allLayers: true }));
    await waitCockpit(replay.page, 120_000);
    await feed.page.goto(`${live.base}/?source=sse&url=/api/stream&layers=${ALL_LAYERS.join(',')}`);
    await waitCockpit(feed.page, 120_000);
    await replay.page.evaluate(() => window.cockpit!.play());
    const warmEnd = START + WARMUP_H * 3600_000;
    const end = warmEnd + hours * 3600_000;
    const samples = { replay: [] as SoakSample[], live: [] as SoakSample[] };
    const take = async () => {
      samples.replay.push(await sampleSoak(replay.page, replay.cdp));
      samples.live.push(await sampleSoak(feed.page, feed.cdp));
    };
    const t0 = Date.now();
    let first: { frameMs: number; sample: SoakSample } | null = null;
    let lastLog = 0;
    for (;;) {
      await sleep(everyMs);
      await take();
      const t = samples.replay[samples.replay.length - 1].time;
      if (!first && t >= warmEnd) first = await checkpoint(replay.page, replay.cdp, 10_000);
      if (Date.now() - lastLog > 60_000) {
        lastLog = Date.now();
        const s = samples.replay[samples.replay.length - 1];
        ctx.log(`  soak: ${((t - START) / 3600_000).toFixed(1)} h of data after ${((Date.now() - t0) / 1000).toFixed(0)} s; heap ${s.heapMB.toFixed(1)} MB, ${s.nodes} nodes, ${s.listeners} listeners, ${s.glBuffers} GL buffers`);
      }
      if (t >= end) break;
      if ([...replay.errors, ...feed.errors].includes('the page crashed')) throw new Error('soak: a page crashed');
      if (Date.now() - t0 > 90 * 60_000) throw new Error(`soak: only ${((t - START) / 3600_000).toFixed(1)} h of data after 90 min`);
    }
    const lastCp = await checkpoint(replay.page, replay.cdp, 10_000);
    await replay.page.evaluate(() => window.cockpit!.pause());
    const frameStart = first!.frameMs;
    const frameEnd = lastCp.frameMs;
    // the replay page: its checkpoints (same scene); the trend of all samples is in the raw data
    const gr = { ...growthBetween(first!.sample, lastCp.sample), from: samples.replay.findIndex((s) => s.time >= warmEnd) };
    // the live page: warm-up is the same share of its samples
    const liveWarm = samples.live[Math.min(samples.live.length - 1, gr.from)].wall;
    const gl = growth(samples.live, (s) => s.wall >= liveWarm);
    const mem = await rendererMemory(browser);
    const rows: Row[] = [];
    const row = (metric: string, unit: string, v: number) => rows.push({ scenario: label, metric, unit, cockpit: v, floor: NaN, ratio: NaN, floorNote: 'N/A', rank: false });
    const last = lastCp.sample;
    row('replay: JS heap after GC, end', 'MB', last.heapMB);
    row('replay: JS heap growth after warm-up', '%', gr.heap);
    row('replay: DOM nodes growth', '%', gr.nodes);
    row('replay: event listeners growth', '%', gr.listeners);
    row('replay: WebGL buffers growth', '%', gr.glBuffers);
    row('replay: WebGL textures growth', '%', gr.glTextures);
    row('replay: frame time after warm-up', 'ms', frameStart);
    row('replay: frame time at the end', 'ms', frameEnd);
    row('replay: frame time end vs start', '%', ((frameEnd - frameStart) / frameStart) * 100);
    row('live: JS heap growth', '%', gl.heap);
    row('live: JS heap after GC, end', 'MB', samples.live[samples.live.length - 1].heapMB);
    row('live: DOM nodes growth', '%', gl.nodes);
    row('live: event listeners growth', '%', gl.listeners);
    row('live: WebGL buffers growth', '%', gl.glBuffers);
    row('renderer resident memory, end', 'MB', mem.rssMB);
    const errs = [...replay.errors, ...feed.errors].filter((e) => !/GPU stall due to ReadPixels/.test(e));
    if (errs.length) ctx.log(`  soak page errors (${errs.length}): ${errs.slice(0, 3).join(' | ').slice(0, 400)}`);
    const wallS = (Date.now() - t0) / 1000;
    ctx.log(`  soak: ${samples.replay.length} samples over ${wallS.toFixed(0)} s; replay heap ${gr.heap.toFixed(1)} %, nodes ${gr.nodes.toFixed(1)} %, listeners ${gr.listeners.toFixed(1)} %, GL buffers ${gr.glBuffers.toFixed(1)} %; frame ${frameStart.toFixed(0)} → ${frameEnd.toFixed(0)} ms; live heap ${gl.heap.toFixed(1)} %`);
    return {
      name: label,
      rows,
      notes: [`${samples.replay.length} samples per page over ${wallS.toFixed(0)} s of wall time; replay growth between the checkpoints after the warm-up and at the end (overview scene); live growth = median of the last 3 samples vs the first 3 after the warm-up; ${errs.length} page errors`],
      raw: { samples, checkpoints: [first, lastCp], growth: { replay: gr, live: gl }, frameMs: { start: frameStart, end: frameEnd }, errors: errs.slice(0, 20) },
    };
  } finally {
    await browser.close().catch(() => {});
    await live.close();
  }
}
