/**
 * Full scene: frame times while the camera orbits over every mission layer at full scale —
 * the default timeline (mock-data/out/default.ndjson) at the peak of the 20 July 2021
 * rainstorm: 51 waterlogging hotspots with rain gauges and reports, ~300k parking spaces in
 * their car parks (hexagon columns at this zoom), 10,806 communities, and 1,000 ambulances
 * once `layers/ambulances` is registered (MIRRORED_LAYERS). The camera is driven every
 * animation frame through `window.cockpit.setCamera({lon, lat, zoom, pitch, bearing})` (the
 * floor: the same call on its deck.gl view state). Frame time = interval between frames the
 * map drew (clears of its WebGL canvas, bench/lib/page-init.js); rAF deltas are reported too.
 *
 * Three sides per round: the cockpit, the floor, and the cockpit with a background-only
 * MapLibre style (no basemap: what the floor corresponds to — deck.gl without a basemap).
 */
import { cpuByType, cpuDelta, openPage } from '../lib/browser';
import { cockpitUrl, floorUrl, MIRRORED_LAYERS, order, settle, sleep, startProfiling, waitCockpit, waitFloor, type Ctx, type Row, type ScenarioResult, type Side } from '../lib/common';
import { backgroundStyle } from '../lib/fixtures';
import { p50, p95, mean } from '../lib/stats';

const VIEW = { lon: 113.66, lat: 34.76, zoom: 11, pitch: 45, bearing: 0 };
const TIMELINE = '/mock-data/default.ndjson';
/** 20 July 2021 17:00 Beijing time: the rainstorm's peak (every layer has data) */
const AT = Date.parse('2021-07-20T17:00:00+08:00');
/** the topics that must be loaded before measuring */
const NEEDED = ['hotspots', 'carparks', 'parking', 'communities'];

type Variant = Side | 'cockpit-nobasemap';
const DEG_PER_S = 15;

interface Run {
  side: Variant;
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

async function run(ctx: Ctx, variant: Variant, m: Measure, profileAs?: string): Promise<Run & { counts: Record<string, number> }> {
  const side: Side = variant === 'floor' ? 'floor' : 'cockpit';
  const o = await openPage();
  try {
    const cam = { lon: VIEW.lon, lat: VIEW.lat, zoom: VIEW.zoom, pitch: VIEW.pitch, bearing: VIEW.bearing };
    const style: Record<string, string> = variant === 'cockpit-nobasemap' ? { style: `/__bench/data/${backgroundStyle()}` } : {};
    await o.goto(side === 'cockpit' ? cockpitUrl(ctx, { timeline: TIMELINE, t: AT, ...cam, ...style }) : floorUrl(ctx, { timeline: TIMELINE, t: AT, ...cam }));
    let counts: Record<string, number>;
    if (side === 'cockpit') {
      const s = await waitCockpit(o.page, 300_000, (st) => NEEDED.every((t) => (st.topics[t]?.count ?? 0) > 0));
      counts = Object.fromEntries(Object.entries(s.topics).map(([k, v]) => [k, v.count]));
    } else counts = (await waitFloor(o.page, 300_000, (st) => NEEDED.every((t) => (st.topics[t] ?? 0) > 0))).topics;
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
    return { side: variant, drawStats, draws: [...draws], frames: [...frames], cpu, seconds, counts };
  } finally {
    const errs = o.errors.filter((e) => !/GPU stall due to ReadPixels/.test(e));
    if (errs.length) ctx.log(`  ${variant} page errors (${errs.length}): ${errs.slice(0, 3).join(' | ').slice(0, 400)}`);
    await o.close();
  }
}

export async function fullScene(ctx: Ctx): Promise<ScenarioResult> {
  // warm-up: the first turn loads tiles and labels and compiles shaders (not measured)
  const m: Measure = ctx.quick ? { warmFrames: 2, warmMs: 1000, frames: 4, minMs: 2500, maxMs: 20_000 } : { warmFrames: 5, warmMs: 6000, frames: 25, minMs: 20_000, maxMs: 120_000 };
  const runs: (Run & { counts: Record<string, number> })[] = [];
  for (let r = 0; r < ctx.rounds; r++) {
    for (const side of [...order(r), 'cockpit-nobasemap'] as Variant[]) {
      const x = await run(ctx, side, m);
      ctx.log(`  ${side}: ${x.draws.length + 1} frames drawn in ${x.seconds.toFixed(1)} s, p50 ${p50(x.draws).toFixed(0)} ms, p95 ${p95(x.draws).toFixed(0)} ms (rAF ${x.frames.length}, p95 ${p95(x.frames).toFixed(0)} ms); ${(x.drawStats.drawCalls / Math.max(1, x.drawStats.frames)).toFixed(0)} draw calls/frame; CPU s renderer ${x.cpu.renderer ?? 0}, GPU ${x.cpu.GPU ?? 0}`);
      runs.push(x);
    }
  }
  if (ctx.profile) for (const side of ['cockpit', 'floor', 'cockpit-nobasemap'] as Variant[]) await run(ctx, side, m, side === 'cockpit-nobasemap' ? 'full scene, cockpit without basemap' : 'full scene');
  const pool = (side: Variant) => runs.filter((x) => x.side === side).flatMap((x) => x.draws);
  const raf = (side: Variant) => runs.filter((x) => x.side === side).flatMap((x) => x.frames);
  const cpuPerFrame = (side: Variant, k: string) => {
    const rs = runs.filter((x) => x.side === side);
    return (rs.reduce((a, x) => a + (x.cpu[k] ?? 0), 0) * 1000) / rs.reduce((a, x) => a + x.draws.length + 1, 0);
  };
  const perFrame = (side: Variant, k: 'drawCalls' | 'vertices') => {
    const rs = runs.filter((x) => x.side === side);
    return rs.reduce((a, x) => a + x.drawStats[k], 0) / Math.max(1, rs.reduce((a, x) => a + x.drawStats.frames, 0));
  };
  const counts = runs.find((x) => x.side === 'cockpit')?.counts ?? {};
  const spaces = '~300k spaces';
  const what = [`${counts.hotspots ?? 0} hotspots`, `${(counts.carparks ?? 0).toLocaleString('en-US')} car parks (${spaces})`, `${(counts.communities ?? 0).toLocaleString('en-US')} communities`, MIRRORED_LAYERS.includes('ambulances') ? `${(counts.ambulances ?? 0).toLocaleString('en-US')} ambulances` : 'no ambulances yet'].join(', ');
  const label = 'full scene (all mission layers, orbit)';
  const rows: Row[] = [];
  const row = (metric: string, unit: string, cv: number, fv: number, rank = true) => rows.push({ scenario: label, metric, unit, cockpit: cv, floor: fv, ratio: fv ? cv / fv : NaN, rank });
  const [c, f, nb] = [pool('cockpit'), pool('floor'), pool('cockpit-nobasemap')];
  row('frame time p50', 'ms', p50(c), p50(f));
  row('frame time p95', 'ms', p95(c), p95(f));
  row('frame time p50, cockpit without basemap', 'ms', p50(nb), p50(f));
  row('frame time p95, cockpit without basemap', 'ms', p95(nb), p95(f));
  row('frames drawn per second', 'fps', 1000 / mean(c), 1000 / mean(f), false);
  row('main-thread rAF interval p95', 'ms', p95(raf('cockpit')), p95(raf('floor')));
  row('renderer CPU per frame', 'ms', cpuPerFrame('cockpit', 'renderer'), cpuPerFrame('floor', 'renderer'), false);
  row('GPU-process CPU per frame', 'ms', cpuPerFrame('cockpit', 'GPU'), cpuPerFrame('floor', 'GPU'), false);
  row('GPU-process CPU per frame, cockpit without basemap', 'ms', cpuPerFrame('cockpit-nobasemap', 'GPU'), cpuPerFrame('floor', 'GPU'), false);
  row('WebGL draw calls per frame', 'calls', perFrame('cockpit', 'drawCalls'), perFrame('floor', 'drawCalls'), false);
  row('WebGL draw calls per frame, cockpit without basemap', 'calls', perFrame('cockpit-nobasemap', 'drawCalls'), perFrame('floor', 'drawCalls'), false);
  row('vertices per frame', 'k', perFrame('cockpit', 'vertices') / 1000, perFrame('floor', 'vertices') / 1000, false);
  const notes = [
    `data: default timeline at ${new Date(AT).toISOString()} — ${what}; layers ${MIRRORED_LAYERS.join(', ')} on both sides`,
    'the floor draws no basemap: compare it with "cockpit without basemap" (a background-only MapLibre style, same interleaved deck.gl); the plain cockpit rows include the basemap',
    `camera: setCamera({lon ${VIEW.lon}, lat ${VIEW.lat}, zoom ${VIEW.zoom}, pitch ${VIEW.pitch}, bearing +${DEG_PER_S}°/s}) every animation frame; warm-up (≥ ${m.warmFrames} frames, ${m.warmMs / 1000} s) not measured; then ≥ ${m.frames} frames and ≥ ${m.minMs / 1000} s`,
  ];
  return { name: label, rows, notes, raw: { at: AT, counts, measure: m, runs } };
}
