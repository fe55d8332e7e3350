/**
 * Full scene: frame times while the camera orbits over N hotspot entities (the layers the
 * cockpit draws today: districts + hotspots; N stands in for the ~300k parking spaces
 * until the parking layer exists). The camera is driven every animation frame through
 * `window.cockpit.setCamera({lon, lat, zoom, pitch, bearing})` (the floor: the same call on
 * its deck.gl view state). Frame time = interval between frames the map drew (clears of its
 * WebGL canvas, bench/lib/page-init.js); requestAnimationFrame deltas are reported too.
 */
import { cpuByType, cpuDelta, openPage } from '../lib/browser';
import { cockpitUrl, floorUrl, order, settle, sleep, startProfiling, waitCockpit, waitFloor, type Ctx, type Row, type ScenarioResult, type Side } from '../lib/common';
import { backgroundStyle, sceneFixture } from '../lib/fixtures';
import { p50, p95, mean } from '../lib/stats';

const VIEW = { lon: 113.66, lat: 34.76, zoom: 11, pitch: 45, bearing: 0 };
const DEG_PER_S = 15;

interface Run {
  side: Side;
  /** intervals between frames the map drew (ms) */
  draws: number[];
  /** draw calls and vertices submitted in the window, and frames drawn */
  drawStats: { frames: number; drawCalls: number; vertices: number };
  frames: number[];
  cpu: Record<string, number>;
  seconds: number;
}

interface Measure {
  warmFrames: number;
  warmMs: number;
  frames: number;
  minMs: number;
  maxMs: number;
}

async function run(ctx: Ctx, side: Side, fixture: string, n: number, m: Measure, profileAs?: string, extra: Record<string, string> = {}): Promise<Run> {
  const o = await openPage();
  try {
    const timeline = `/__bench/data/${fixture}`;
    const cam = { lon: VIEW.lon, lat: VIEW.lat, zoom: VIEW.zoom, pitch: VIEW.pitch, bearing: VIEW.bearing };
    await o.goto(side === 'cockpit' ? cockpitUrl(ctx, { timeline, ...cam, ...extra }) : floorUrl(ctx, { timeline, ...cam }));
    if (side === 'cockpit') await waitCockpit(o.page, 180_000, (s) => (s.topics.hotspots?.count ?? 0) >= n);
    else await waitFloor(o.page, 180_000, (s) => s.count >= n);
    await settle(o.page, side, 1000);
    if (side === 'cockpit' && !(await o.page.evaluate(() => typeof (window.cockpit as unknown as Record<string, unknown>).setCamera === 'function')))
      throw new Error('this build of the cockpit has no window.cockpit.setCamera(view): the orbit needs it');
    await o.page.evaluate(([target, view, deg]) => window.__bench.startOrbit(target, view, deg), [side, VIEW, DEG_PER_S] as const);
    await o.page.evaluate(() => window.__bench.startFrames());
    await o.page.evaluate(([k, min]) => window.__bench.waitDraws(k, min, 60_000), [m.warmFrames, m.warmMs] as const);
    await o.page.evaluate(() => window.__bench.stopFrames());
    const stopProfiling = profileAs ? await startProfiling(o) : null;
    const cpu0 = await cpuByType(o.browser);
    const w0 = Date.now();
    await o.page.evaluate(() => window.__bench.startFrames());
    // at least minFrames drawn and minMs elapsed (slow machines take longer), at most maxMs
    await o.page.evaluate(([k, min, max]) => window.__bench.waitDraws(k, min, max), [m.frames + 1, m.minMs, m.maxMs] as const);
    const seconds = (Date.now() - w0) / 1000;
    const [frames, draws, drawStats] = await o.page.evaluate(() => {
      window.__bench.stopOrbit();
      return [window.__bench.stopFrames(), window.__bench.drawIntervals(), window.__bench.lastDrawStats] as const;
    });
    const cpu = cpuDelta(cpu0, await cpuByType(o.browser));
    if (profileAs && stopProfiling) (ctx.profiles[profileAs] ??= {})[side] = await stopProfiling();
    return { side, drawStats, draws: [...draws], frames: [...frames], cpu, seconds };
  } finally {
    const errs = o.errors.filter((e) => !/GPU stall due to ReadPixels/.test(e));
    if (errs.length) ctx.log(`  ${side} page errors (${errs.length}): ${errs.slice(0, 3).join(' | ').slice(0, 400)}`);
    await o.close();
  }
}

export async function fullScene(ctx: Ctx): Promise<ScenarioResult> {
  const n = ctx.quick ? 10_000 : 100_000;
  // warm-up: the first turn loads tiles and labels and compiles shaders (not measured)
  const m: Measure = ctx.quick ? { warmFrames: 3, warmMs: 2000, frames: 6, minMs: 3000, maxMs: 20_000 } : { warmFrames: 5, warmMs: 6000, frames: 25, minMs: 20_000, maxMs: 120_000 };
  const fixture = await sceneFixture(n, ctx.log);
  const runs: Run[] = [];
  for (let r = 0; r < ctx.rounds; r++) {
    for (const side of order(r)) {
      const x = await run(ctx, side, fixture, n, m);
      ctx.log(`  ${side}: ${x.draws.length + 1} frames drawn in ${x.seconds.toFixed(1)} s, p50 ${p50(x.draws).toFixed(0)} ms, p95 ${p95(x.draws).toFixed(0)} ms (rAF ${x.frames.length}, p95 ${p95(x.frames).toFixed(0)} ms); CPU s renderer ${x.cpu.renderer ?? 0}, GPU ${x.cpu.GPU ?? 0}`);
      runs.push(x);
    }
  }
  const notes: string[] = [];
  if (ctx.profile) {
    for (const side of ['cockpit', 'floor'] as Side[]) await run(ctx, side, fixture, n, m, 'full scene');
    // diagnostics: the same cockpit run without its basemap (a background-only MapLibre style)
    const x = await run(ctx, 'cockpit', fixture, n, m, 'full scene, cockpit without basemap', { style: `/__bench/data/${backgroundStyle()}` });
    const msg = `cockpit without basemap (background-only style): frame p50 ${p50(x.draws).toFixed(0)} ms, p95 ${p95(x.draws).toFixed(0)} ms, ${(x.drawStats.drawCalls / Math.max(1, x.drawStats.frames)).toFixed(0)} draw calls and ${(x.drawStats.vertices / Math.max(1, x.drawStats.frames) / 1000).toFixed(0)} k vertices per frame, GPU-process CPU ${((x.cpu.GPU ?? 0) * 1000 / Math.max(1, x.drawStats.frames)).toFixed(0)} ms per frame`;
    ctx.log(`  ${msg}`);
    notes.push(msg);
  }
  const pool = (side: Side) => runs.filter((x) => x.side === side).flatMap((x) => x.draws);
  const raf = (side: Side) => runs.filter((x) => x.side === side).flatMap((x) => x.frames);
  const cpuPerFrame = (side: Side, k: string) => {
    const rs = runs.filter((x) => x.side === side);
    return (rs.reduce((a, x) => a + (x.cpu[k] ?? 0), 0) * 1000) / rs.reduce((a, x) => a + x.draws.length + 1, 0);
  };
  const c = pool('cockpit');
  const f = pool('floor');
  const label = `full scene (${n.toLocaleString('en-US')} pts, orbit)`;
  const rows: Row[] = [];
  const row = (metric: string, unit: string, cv: number, fv: number, rank = true) => rows.push({ scenario: label, metric, unit, cockpit: cv, floor: fv, ratio: fv ? cv / fv : NaN, rank });
  const perFrame = (side: Side, k: 'drawCalls' | 'vertices') => {
    const rs = runs.filter((x) => x.side === side);
    return rs.reduce((a, x) => a + x.drawStats[k], 0) / Math.max(1, rs.reduce((a, x) => a + x.drawStats.frames, 0));
  };
  row('frame time p50', 'ms', p50(c), p50(f));
  row('frame time p95', 'ms', p95(c), p95(f));
  row('frames drawn per second', 'fps', 1000 / mean(c), 1000 / mean(f), false);
  row('main-thread rAF interval p95', 'ms', p95(raf('cockpit')), p95(raf('floor')));
  row('renderer CPU per frame', 'ms', cpuPerFrame('cockpit', 'renderer'), cpuPerFrame('floor', 'renderer'), false);
  row('GPU-process CPU per frame', 'ms', cpuPerFrame('cockpit', 'GPU'), cpuPerFrame('floor', 'GPU'), false);
  row('WebGL draw calls per frame', 'calls', perFrame('cockpit', 'drawCalls'), perFrame('floor', 'drawCalls'), false);
  row('vertices per frame', 'k', perFrame('cockpit', 'vertices') / 1000, perFrame('floor', 'vertices') / 1000, false);
  return { name: label, rows, notes: [...notes, `camera: setCamera({lon ${VIEW.lon}, lat ${VIEW.lat}, zoom ${VIEW.zoom}, pitch ${VIEW.pitch}, bearing +${DEG_PER_S}°/s}) every animation frame; warm-up (≥ ${m.warmFrames} frames, ${m.warmMs / 1000} s) not measured; then ≥ ${m.frames} frames and ≥ ${m.minMs / 1000} s`], raw: { n, measure: m, runs } };
}
