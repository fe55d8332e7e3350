/**
 * Soak: a day without growth (issue 11), against the floor (issue 4).
 *
 * Cockpit: one browser, two pages at once —
 *  - replay: the default story (the storm day, from 2021-07-20 00:00) at 600×, every layer on
 *    and the auto-tour running (`tour=1`, short dwell: scenes switch layers, camera and panels
 *    all the time); 1920×1080 (quick: 960×540);
 *  - live: the reference live server's flood city at 60× over SSE (a live feed connected all
 *    along), on a small page of its own.
 * Floor: the bare deck.gl page (bench/floor) plays the same file at the same speed with the
 * mirrored layers, in a fresh browser of its own (no tour, no live feed: it has neither).
 *
 * Each side: warm-up (play from 00:00 past the checkpoint time C = 02:00, quick 00:30, and on
 * the cockpit until the tour has shown every scene twice, quick once), a checkpoint, then two
 * days: 24 h of data played from C (quick: 15 min) with samples every few seconds (full GC, JS
 * heap, DOM nodes, JS event listeners, live WebGL buffers and textures), each followed by a
 * checkpoint. A checkpoint returns to the same state: seek to C, the tour held on the overview
 * scene (same layers, camera, panels), play 10 s (quick 2.5 s) measuring the median rAF
 * interval (frame time), pause, seek to C again, sample after GC. All checkpoints hold the same
 * data at the same data time and show the same scene. The first day fills what is bounded
 * (MapLibre's tile cache with the tiles of every place the tour flew to, compiled code): its
 * growth is reported as "first day". The soak's figure is the second day, A → B: what a day
 * adds once the cockpit has seen one, where a leak shows again and a filled cache does not.
 * Live page growth: the median of
 * the last three samples against the first three after the warm-up.
 */
import { launch, rendererMemory } from '../lib/browser';
import { cockpitUrl, floorUrl, MIRRORED_LAYERS, order, sleep, waitCockpit, waitFloor, type Ctx, type Row, type ScenarioResult, type Side } from '../lib/common';
import { startLiveServer } from '../../server/live';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/server';

const START = Date.parse('2021-07-20T00:00:00+08:00');
const SPEED = 600;
const ALL_LAYERS = readdirSync(join(ROOT, 'layers')).filter((d) => existsSync(join(ROOT, 'layers', d, 'index.ts')));

export const SOAK_INIT = `(() => {
  const gl = { buffers: 0, textures: 0 };
  // opt-in (self.__soakAttribute set by an earlier init script): live GL objects by the script
  // chunk that created them (deckgl-*, maplibre-*, CloseUp-* …), from the creating call's stack
  const by = self.__soakAttribute ? {} : null;
  const chunkOf = () => {
    const m = /\\/assets\\/([A-Za-z.]+(?:-[A-Za-z]+)*?)-[\\w-]{8}\\.js/.exec(new Error().stack || '');
    return m ? m[1] : 'other';
  };
  // live = created − deleted − garbage-collected: a WebGL object whose wrapper is collected is
  // deleted by the browser (WebGL spec), and libraries do drop some without deleteX (luma.gl's
  // Model.setBufferLayout replaces its vertex array so); the registry counts those as gone
  const gone = new FinalizationRegistry(([key, k]) => { gl[key]--; if (k) by[k]--; });
  for (const C of [self.WebGLRenderingContext, self.WebGL2RenderingContext]) {
    if (!C) continue;
    const P = C.prototype;
    for (const [create, del, key] of [['createBuffer', 'deleteBuffer', 'buffers'], ['createTexture', 'deleteTexture', 'textures'], ['createVertexArray', 'deleteVertexArray', 'vertexArrays']]) {
      const c = P[create], d = P[del];
      if (!c) continue;
      if (!(key in gl)) gl[key] = 0;
      P[create] = function () {
        const o = c.apply(this, arguments);
        if (o) {
          const k = by ? key + ' ' + chunkOf() : null;
          gl[key]++;
          if (k) by[k] = (by[k] || 0) + 1;
          o.__soakBy = k;
          gone.register(o, [key, k], o);
        }
        return o;
      };
      P[del] = function (o) {
        if (o && !o.__soakDeleted && gone.unregister(o)) { o.__soakDeleted = true; gl[key]--; if (o.__soakBy) by[o.__soakBy]--; }
        return d.apply(this, arguments);
      };
    }
  }
  // a stand-in for React DevTools (as in e2e/faults.e2e.ts) that keeps the last committed fiber
  // root: the way to the desk's MapLibre map, whose tiles the checkpoints count and whose
  // out-of-view tile cache they empty; the production build carries no hook of its own
  let fiberRoot = null;
  self.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(), inject: () => 1, checkDCE() {},
    onScheduleFiberRoot() {}, onCommitFiberRoot(_id, root) { fiberRoot = root; },
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, setStrictMode() {},
  };
  const map = () => {
    const stack = fiberRoot ? [fiberRoot.current] : [];
    while (stack.length) {
      const f = stack.pop();
      const m = f.memoizedProps && f.memoizedProps.desk && f.memoizedProps.desk.map;
      if (m) return m;
      if (f.sibling) stack.push(f.sibling);
      if (f.child) stack.push(f.child);
    }
    return null;
  };
  const frames = [];
  const tick = (t) => { frames.push(t); if (frames.length > 4000) frames.splice(0, 2000); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  self.__soak = {
    gl,
    by,
    map,
    /** empties MapLibre's out-of-view tile caches (what TileManager.clearTiles does to them);
     *  returns the tiles they held per source */
    dropTileCache() {
      const m = map();
      const held = {};
      for (const [id, tm] of Object.entries(m ? m.style.tileManagers : {})) {
        held[id] = tm._outOfViewCache.order.length;
        tm._outOfViewCache.reset();
      }
      return held;
    },
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
  glVertexArrays: number;
}

export async function sampleSoak(page: Page, cdp: CDPSession): Promise<SoakSample> {
  // two full GCs with a pause after each: finalisers (GL objects collected, see SOAK_INIT) run
  // as tasks after a GC, and what they release can be collected by the next
  for (let i = 0; i < 2; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  }
  const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const d = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const p = await page.evaluate(() => {
    const w = window as unknown as { __soak: { gl: { buffers: number; textures: number; vertexArrays?: number } } };
    const f = (window as unknown as { floor?: { state(): { time: number } } }).floor;
    return { time: window.cockpit?.state().time ?? f?.state().time ?? NaN, ...w.__soak.gl };
  });
  return { wall: Date.now(), time: p.time, heapMB: h.usedSize / 1e6, nodes: d.nodes, listeners: d.jsEventListeners, glBuffers: p.buffers, glTextures: p.textures, glVertexArrays: p.vertexArrays ?? 0 };
}

const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
};

/** Growth in % of each measure: the last three samples against the first three after the warm-up. */
export function growth(samples: SoakSample[], warmEnd: (s: SoakSample) => boolean): Record<'heap' | 'nodes' | 'listeners' | 'glBuffers' | 'glTextures' | 'glVertexArrays', number> & { from: number; to: number } {
  const i = Math.max(0, samples.findIndex(warmEnd));
  const head = samples.slice(i, i + 3);
  const tail = samples.slice(-3);
  const g = (k: keyof SoakSample) => {
    const a = med(head.map((s) => s[k]));
    const b = med(tail.map((s) => s[k]));
    return a ? ((b - a) / a) * 100 : b === 0 ? 0 : Infinity;
  };
  return { heap: g('heapMB'), nodes: g('nodes'), listeners: g('listeners'), glBuffers: g('glBuffers'), glTextures: g('glTextures'), glVertexArrays: g('glVertexArrays'), from: i, to: samples.length - 1 };
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
export function growthBetween(a: SoakSample, b: SoakSample): Record<'heap' | 'nodes' | 'listeners' | 'glBuffers' | 'glTextures' | 'glVertexArrays', number> {
  const g = (x: number, y: number) => (x ? ((y - x) / x) * 100 : y === 0 ? 0 : Infinity);
  return { heap: g(a.heapMB, b.heapMB), nodes: g(a.nodes, b.nodes), listeners: g(a.listeners, b.listeners), glBuffers: g(a.glBuffers, b.glBuffers), glTextures: g(a.glTextures, b.glTextures), glVertexArrays: g(a.glVertexArrays, b.glVertexArrays) };
}

type Controls = { seek(t: number): unknown; play(): unknown; pause(): unknown; holdOverview(on: boolean): unknown };

/** Plays, pauses, seeks either side and holds the cockpit's tour on the overview scene. */
function controls(page: Page, side: Side): Controls {
  if (side === 'floor') {
    return {
      seek: (t) => page.evaluate((x) => (window as unknown as { floor: { seek(t: number): void } }).floor.seek(x), t),
      play: () => page.evaluate((v) => (window as unknown as { floor: { play(s: number): void } }).floor.play(v), SPEED),
      pause: () => page.evaluate(() => (window as unknown as { floor: { pause(): void } }).floor.pause()),
      holdOverview: async () => {},
    };
  }
  return {
    seek: (t) => page.evaluate((x) => window.cockpit!.seek(x), t),
    play: () => page.evaluate(() => window.cockpit!.play()),
    pause: () => page.evaluate(() => window.cockpit!.pause()),
    holdOverview: (on) =>
      page.evaluate((hold) => {
        const c = window.cockpit as unknown as { tour?: (on: boolean) => unknown; scene?: (id: string, animate: boolean) => unknown };
        c.tour?.(!hold);
        if (hold) c.scene?.('overview', false);
      }, on),
  };
}

/**
 * A checkpoint that returns to the same state: seek to `at`, the tour held on the overview,
 * play `ms` measuring the median rAF interval, pause, seek to `at` again, sample after GC.
 */
export interface Checkpoint {
  frameMs: number;
  sample: SoakSample;
  /** the cockpit: sampled again after MapLibre's out-of-view tile cache was emptied */
  uncached?: SoakSample;
  /** the cockpit: tiles that cache held per source */
  tilesCached?: Record<string, number>;
}

export async function returnTo(page: Page, cdp: CDPSession, side: Side, at: number, ms: number): Promise<Checkpoint> {
  const c = controls(page, side);
  await c.pause();
  await c.holdOverview(true);
  await c.seek(at);
  if (side === 'cockpit') await page.evaluate(() => window.cockpit!.idle());
  await sleep(1000);
  const since = await page.evaluate(() => performance.now());
  await c.play();
  await sleep(ms);
  const frameMs = await page.evaluate((x) => (window as unknown as { __soak: { frameMs: (s: number) => number } }).__soak.frameMs(x), since);
  await c.pause();
  await c.seek(at);
  if (side === 'cockpit') await page.evaluate(() => window.cockpit!.idle());
  await sleep(500);
  const sample = await sampleSoak(page, cdp);
  // the same state without MapLibre's out-of-view tile cache: bounded (per source, 5 × the
  // tiles in view), but what it holds, and so its GL buffers and textures, depends on where the
  // day's alerts flew the tour; emptied, what is left is what the view needs plus any leak
  let uncached: SoakSample | undefined;
  let tilesCached: Record<string, number> | undefined;
  if (side === 'cockpit') {
    tilesCached = await page.evaluate(() => (window as unknown as { __soak: { dropTileCache(): Record<string, number> } }).__soak.dropTileCache());
    uncached = await sampleSoak(page, cdp);
  }
  await c.holdOverview(false);
  return { frameMs, sample, uncached, tilesCached };
}

/**
 * Warm-up: play until the data clock reaches the checkpoint time `at` and, on the cockpit,
 * until the tour has shown every scene `cycles` times (its flights load the map's tiles and
 * labels of each scene's view, its panels their charts: bounded caches that fill once).
 */
export async function warmUp(page: Page, side: Side, at: number, cycles: number): Promise<void> {
  await controls(page, side).play();
  for (;;) {
    const w = await page.evaluate(() => {
      const c = window.cockpit as unknown as { state(): { time: number }; tour?: () => { visited: string[] }; scenes?: () => { scenes: unknown[] } } | undefined;
      if (!c) return { time: (window as unknown as { floor: { state(): { time: number } } }).floor.state().time, visits: 0, scenes: 0 };
      return { time: c.state().time, visits: c.tour?.().visited.length ?? 0, scenes: c.scenes?.().scenes.length ?? 0 };
    });
    if (w.time >= at && (side === 'floor' || w.visits >= cycles * w.scenes)) return;
    await sleep(1000);
  }
}

interface SideRun {
  side: Side;
  samples: SoakSample[];
  live: SoakSample[];
  /** checkpoint after the warm-up */
  first: Checkpoint;
  /** checkpoints after the last two days (A: the day before the last, or the warm-up) */
  a: Checkpoint;
  b: Checkpoint;
  rssMB: number;
  wallS: number;
  errors: string[];
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

interface Plan {
  /** the checkpoint time: hours after START */
  warmH: number;
  /** the warm-up also lasts until the tour has shown every scene this many times */
  cycles: number;
  /** the tour's dwell per scene (s) */
  dwell: number;
  /** days of `hours` played from C, each followed by a checkpoint; growth is between the last two */
  days: number;
  /** a second page on a live feed beside the replay (the full run; quick: none) */
  live: boolean;
  hours: number;
  everyMs: number;
  frameMs: number;
  viewport: { width: number; height: number };
}

async function runSide(ctx: Ctx, side: Side, plan: Plan, liveBase: string | null): Promise<SideRun> {
  const browser: Browser = await launch();
  try {
    const main = await newPage(await browser.newContext({ viewport: plan.viewport, deviceScaleFactor: 1 }));
    const C = START + plan.warmH * 3600_000;
    const end = C + plan.hours * 3600_000;
    if (side === 'cockpit') {
      await main.page.goto(cockpitUrl(ctx, { speed: SPEED, t: START, tour: 1, dwell: plan.dwell, layers: ALL_LAYERS.join(',') }, { allLayers: true }));
      await waitCockpit(main.page, 180_000);
    } else {
      // the floor's canvas is the viewport: it has no panels around its map
      const size = { w: plan.viewport.width, h: plan.viewport.height };
      await main.page.goto(floorUrl({ ...ctx, mapSize: size }, { timeline: '/mock-data/default.ndjson', t: START, layers: MIRRORED_LAYERS.join(','), lon: 113.66, lat: 34.76, zoom: 10.6 }));
      await waitFloor(main.page, 180_000);
    }
    let feed: Awaited<ReturnType<typeof newPage>> | null = null;
    if (liveBase) {
      feed = await newPage(await browser.newContext({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 1 }));
      await feed.page.goto(`${liveBase}/?source=sse&url=/api/stream&layers=${ALL_LAYERS.join(',')}`);
      await waitCockpit(feed.page, 120_000);
    }
    const c = controls(main.page, side);
    const t0 = Date.now();
    await warmUp(main.page, side, C, plan.cycles);
    ctx.log(`  ${side}: warm-up ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    // checkpoints: after the warm-up, then after each day of data played from C
    const cps = [await returnTo(main.page, main.cdp, side, C, plan.frameMs)];
    const samples: SoakSample[] = [cps[0].sample];
    const live: SoakSample[] = [];
    if (feed) live.push(await sampleSoak(feed.page, feed.cdp));
    let lastLog = 0;
    for (let day = 1; day <= plan.days; day++) {
      await c.seek(C);
      await c.play();
      for (;;) {
        await sleep(plan.everyMs);
        const s = await sampleSoak(main.page, main.cdp);
        samples.push(s);
        if (feed) live.push(await sampleSoak(feed.page, feed.cdp));
        if (Date.now() - lastLog > 60_000) {
          lastLog = Date.now();
          ctx.log(`  ${side}: day ${day}, ${((s.time - C) / 3600_000).toFixed(1)} h of data after ${((Date.now() - t0) / 1000).toFixed(0)} s; heap ${s.heapMB.toFixed(1)} MB, ${s.nodes} nodes, ${s.listeners} listeners, ${s.glBuffers} GL buffers`);
        }
        if (s.time >= end) break;
        if ([...main.errors, ...(feed?.errors ?? [])].includes('the page crashed')) throw new Error(`soak: the ${side} page crashed`);
        if (Date.now() - t0 > 120 * 60_000) throw new Error(`soak: the ${side} played only ${((s.time - C) / 3600_000).toFixed(1)} h of data of day ${day} in 120 min`);
      }
      cps.push(await returnTo(main.page, main.cdp, side, C, plan.frameMs));
      const [x, y] = [cps[cps.length - 2].sample, cps[cps.length - 1].sample];
      ctx.log(`  ${side}: after day ${day}: heap ${x.heapMB.toFixed(1)} → ${y.heapMB.toFixed(1)} MB, GL buffers ${x.glBuffers} → ${y.glBuffers}, textures ${x.glTextures} → ${y.glTextures}, vertex arrays ${x.glVertexArrays} → ${y.glVertexArrays}, nodes ${x.nodes} → ${y.nodes}`);
      const [xu, yu] = [cps[cps.length - 2].uncached, cps[cps.length - 1].uncached];
      if (xu && yu) ctx.log(`  ${side}: … with MapLibre's out-of-view tile cache emptied (it held ${JSON.stringify(cps[cps.length - 1].tilesCached)}): heap ${xu.heapMB.toFixed(1)} → ${yu.heapMB.toFixed(1)} MB, GL buffers ${xu.glBuffers} → ${yu.glBuffers}, textures ${xu.glTextures} → ${yu.glTextures}, vertex arrays ${xu.glVertexArrays} → ${yu.glVertexArrays}`);
    }
    const [first, a, b] = [cps[0], cps[cps.length - 2], cps[cps.length - 1]];
    const mem = await rendererMemory(browser);
    const errors = [...main.errors, ...(feed?.errors ?? [])].filter((e) => !/GPU stall due to ReadPixels/.test(e));
    return { side, samples, live, first, a, b, rssMB: mem.rssMB, wallS: (Date.now() - t0) / 1000, errors };
  } finally {
    await browser.close().catch(() => {});
  }
}

export async function soak(ctx: Ctx): Promise<ScenarioResult> {
  const plan: Plan = ctx.quick
    ? { warmH: 0.5, cycles: 1, dwell: 2, hours: 0.25, days: 2, everyMs: 4000, frameMs: 2500, live: false, viewport: { width: 960, height: 540 } }
    : { warmH: 2, cycles: 2, dwell: 6, hours: 24, days: 2, everyMs: 15_000, frameMs: 10_000, live: true, viewport: { width: 1920, height: 1080 } };
  const label = `soak (${plan.days} × ${plan.hours} h of data at ${SPEED}×; cockpit: all layers, tour${plan.live ? ', live feed' : ''})`;
  // the flood story's city (small; the default story takes minutes to build in Node) at 60×
  const live = !plan.live ? null : await startLiveServer({ dist: ctx.builds.appDir, fixture: 'rainstorm-2021-07-20', port: 0, speed: 60, at: '2021-07-20T15:00:00+08:00', quiet: true });
  const runs: Partial<Record<Side, SideRun>> = {};
  try {
    for (const side of order(0)) {
      const r = await runSide(ctx, side, plan, side === 'cockpit' && live ? live.base : null);
      runs[side] = r;
      const g = growthBetween(r.a.sample, r.b.sample);
      ctx.log(`  ${side}: ${r.samples.length} samples over ${r.wallS.toFixed(0)} s; A → B: heap ${r.a.sample.heapMB.toFixed(1)} → ${r.b.sample.heapMB.toFixed(1)} MB (${g.heap.toFixed(1)} %), nodes ${r.a.sample.nodes} → ${r.b.sample.nodes}, listeners ${r.a.sample.listeners} → ${r.b.sample.listeners}, GL buffers ${r.a.sample.glBuffers} → ${r.b.sample.glBuffers}, textures ${r.a.sample.glTextures} → ${r.b.sample.glTextures}, vertex arrays ${r.a.sample.glVertexArrays} → ${r.b.sample.glVertexArrays}; frame ${r.a.frameMs.toFixed(0)} → ${r.b.frameMs.toFixed(0)} ms`);
      if (r.errors.length) ctx.log(`  ${side} page errors (${r.errors.length}): ${r.errors.slice(0, 3).join(' | ').slice(0, 400)}`);
    }
  } finally {
    await live?.close();
  }
  const ck = runs.cockpit!;
  const fl = runs.floor!;
  const gc = growthBetween(ck.a.sample, ck.b.sample);
  const gf = growthBetween(fl.a.sample, fl.b.sample);
  const gl = growth(ck.live, () => true);
  const frameDelta = (r: SideRun) => ((r.b.frameMs - r.a.frameMs) / r.a.frameMs) * 100;
  const rows: Row[] = [];
  const both = (metric: string, unit: string, c: number, f: number, rank = false) => rows.push({ scenario: label, metric, unit, cockpit: c, floor: f, ratio: f ? c / f : NaN, rank });
  // growth in %: the difference is what matters (a ratio of two small percentages means nothing)
  const pct = (metric: string, c: number, f: number) => rows.push({ scenario: label, metric, unit: '%', cockpit: c, floor: f, ratio: NaN });
  const only = (metric: string, unit: string, v: number, note: string) => rows.push({ scenario: label, metric, unit, cockpit: v, floor: NaN, ratio: NaN, floorNote: note, rank: false });
  const g0c = growthBetween(ck.first.sample, ck.a.sample);
  const g0f = growthBetween(fl.first.sample, fl.a.sample);
  both('JS heap after GC at checkpoint B', 'MB', ck.b.sample.heapMB, fl.b.sample.heapMB, true);
  if (plan.days > 1) {
    pct('first day (warm-up → A): JS heap growth', g0c.heap, g0f.heap);
    pct('first day (warm-up → A): live WebGL buffers growth', g0c.glBuffers, g0f.glBuffers);
    pct('first day (warm-up → A): live WebGL textures growth', g0c.glTextures, g0f.glTextures);
    pct('first day (warm-up → A): live WebGL vertex arrays growth', g0c.glVertexArrays, g0f.glVertexArrays);
  }
  pct('JS heap growth A → B', gc.heap, gf.heap);
  pct('DOM nodes growth A → B', gc.nodes, gf.nodes);
  pct('event listeners growth A → B', gc.listeners, gf.listeners);
  pct('live WebGL buffers growth A → B', gc.glBuffers, gf.glBuffers);
  pct('live WebGL textures growth A → B', gc.glTextures, gf.glTextures);
  pct('live WebGL vertex arrays growth A → B', gc.glVertexArrays, gf.glVertexArrays);
  if (ck.a.uncached && ck.b.uncached) {
    // the floor has no tile cache: its figures are the plain ones
    const gu = growthBetween(ck.a.uncached, ck.b.uncached);
    const held = (cp: Checkpoint) => Object.values(cp.tilesCached ?? {}).reduce((n, k) => n + k, 0);
    only('MapLibre tiles in the out-of-view cache at A, all sources', 'tiles', held(ck.a), 'N/A (no tiles)');
    only('MapLibre tiles in the out-of-view cache at B, all sources', 'tiles', held(ck.b), 'N/A (no tiles)');
    pct('tile cache emptied: JS heap growth A → B', gu.heap, gf.heap);
    pct('tile cache emptied: live WebGL buffers growth A → B', gu.glBuffers, gf.glBuffers);
    pct('tile cache emptied: live WebGL textures growth A → B', gu.glTextures, gf.glTextures);
    pct('tile cache emptied: live WebGL vertex arrays growth A → B', gu.glVertexArrays, gf.glVertexArrays);
  }
  both('frame time at A (median rAF interval)', 'ms', ck.a.frameMs, fl.a.frameMs, true);
  both('frame time at B (median rAF interval)', 'ms', ck.b.frameMs, fl.b.frameMs, true);
  pct('frame time B vs A', frameDelta(ck), frameDelta(fl));
  both('renderer resident memory at the end', 'MB', ck.rssMB, fl.rssMB, true);
  if (live) {
    only('live page: JS heap growth (last 3 vs first 3 samples)', '%', gl.heap, 'N/A (no live feed)');
    only('live page: DOM nodes growth', '%', gl.nodes, 'N/A');
    only('live page: WebGL buffers growth', '%', gl.glBuffers, 'N/A');
  }
  return {
    name: label,
    rows,
    notes: [
      `cockpit ${ck.samples.length} samples over ${ck.wallS.toFixed(0)} s, floor ${fl.samples.length} over ${fl.wallS.toFixed(0)} s; checkpoints after the warm-up and after each day hold the same data time and scene; A → B = the last day; page errors: cockpit ${ck.errors.length}, floor ${fl.errors.length}`,
    ],
    raw: { plan, start: START, runs, growth: { cockpit: gc, floor: gf, live: gl } },
  };
}
