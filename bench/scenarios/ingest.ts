/**
 * Live ingest, emulated by replay at wall-clock pace: E entities, then R entity updates per
 * second (50 messages a second). The replay worker hands each frame's deltas to the main
 * thread — the same path a live feed takes (queue → per-frame batch apply → tables →
 * deck.gl). The replay clock advances at most 250 ms × speed per frame, so with slow frames
 * 1× falls behind real time; the page sets the speed every frame so that the data clock
 * keeps up with the wall clock, as a live feed would (bench/lib/page-init.js startPacing).
 *
 * Updates delivered are counted in the page (bench/lib/page-init.js wraps `Worker` and sums
 * the upserts of every non-snapshot `deltas` message). Behind = updates in the timeline up to
 * the clock minus updates delivered (the replay never discards: late updates are lag, so
 * "dropped" here is the backlog at the end of the window), plus the lag clock − dataTime.
 *
 * Three pages per round: the cockpit, the floor, and the cockpit with a background-only
 * MapLibre style (no basemap: what the floor corresponds to).
 */
import { cpuByType, cpuDelta, openPage } from '../lib/browser';
import { cockpitUrl, floorUrl, order, settle, sleep, startProfiling, waitCockpit, waitFloor, type Ctx, type Row, type ScenarioResult, type Side } from '../lib/common';
import { backgroundStyle, ingestFixture, ingestUpdatesUpTo, type IngestSpec } from '../lib/fixtures';
import { max, p50, p95 } from '../lib/stats';

interface Sample {
  time: number;
  dataTime: number;
  received: number;
  /** performance.now() in the page */
  wall: number;
}

/** the cockpit without basemap (background-only style): what the floor corresponds to */
type Variant = Side | 'cockpit-nobasemap';

interface Run {
  side: Variant;
  /** intervals between frames the map drew (ms) */
  draws: number[];
  /** draw calls and vertices submitted in the window, and frames drawn */
  drawStats: { frames: number; drawCalls: number; vertices: number };
  rate: number;
  frames: number[];
  samples: Sample[];
  /** updates in the timeline up to the clock at the end of the window */
  expected: number;
  delivered: number;
  behind: number;
  lagMs: number[];
  /** data ms per wall ms over the window (1 = real time; the clock slows when frames exceed 250 ms) */
  clockRate: number;
  cpu: Record<string, number>;
}

interface Measure {
  warmMs: number;
  frames: number;
  minMs: number;
  maxMs: number;
}

async function run(ctx: Ctx, variant: Variant, spec: IngestSpec, fixture: string, m: Measure, profileAs?: string): Promise<Run> {
  const side: Side = variant === 'floor' ? 'floor' : 'cockpit';
  const o = await openPage();
  try {
    const timeline = `/__bench/data/${fixture}`;
    const cam = { lon: 113.66, lat: 34.76, zoom: 11, pitch: 0, bearing: 0 };
    const style: Record<string, string> = variant === 'cockpit-nobasemap' ? { style: `/__bench/data/${backgroundStyle()}` } : {};
    await o.goto(side === 'cockpit' ? cockpitUrl(ctx, { timeline, speed: 1, ...cam, ...style }) : floorUrl(ctx, { timeline, ...cam }));
    let base = 0;
    if (side === 'cockpit') {
      await waitCockpit(o.page, 180_000, (s) => (s.topics.hotspots?.count ?? 0) >= spec.entities);
      await settle(o.page, side, 1000);
      base = await o.page.evaluate(() => {
        window.__bench.startPacing('cockpit');
        return window.__bench.received;
      });
    } else {
      await waitFloor(o.page, 180_000, (s) => s.count >= spec.entities);
      await settle(o.page, side, 1000);
      base = await o.page.evaluate(() => {
        window.__bench.startPacing('floor');
        return window.floor!.state().applied;
      });
    }
    await sleep(m.warmMs);
    const stopProfiling = profileAs ? await startProfiling(o) : null;
    const cpu0 = await cpuByType(o.browser);
    await o.page.evaluate(() => window.__bench.startFrames());
    const samples: Sample[] = [];
    const t0 = Date.now();
    // at least m.frames drawn and m.minMs elapsed, at most m.maxMs
    while (Date.now() - t0 < m.maxMs) {
      await sleep(500);
      const x =
        side === 'cockpit'
          ? await o.page.evaluate(() => {
              const s = window.cockpit!.state();
              return { time: s.time, dataTime: s.dataTime, received: window.__bench.received, wall: performance.now(), drawn: window.__bench.draws.length };
            })
          : await o.page.evaluate(() => {
              const s = window.floor!.state();
              return { time: s.time, dataTime: s.time, received: s.applied, wall: performance.now(), drawn: window.__bench.draws.length };
            });
      samples.push({ time: x.time, dataTime: x.dataTime, received: x.received, wall: x.wall });
      if (Date.now() - t0 >= m.minMs && x.drawn > m.frames) break;
    }
    const [frames, draws, drawStats] = await o.page.evaluate(() => [window.__bench.stopFrames(), window.__bench.drawIntervals(), window.__bench.lastDrawStats] as const);
    await o.page.evaluate(() => window.__bench.stopPacing());
    const cpu = cpuDelta(cpu0, await cpuByType(o.browser));
    if (profileAs && stopProfiling) (ctx.profiles[profileAs] ??= {})[side] = await stopProfiling();
    const last = samples[samples.length - 1];
    const expected = ingestUpdatesUpTo(spec, last.time);
    const delivered = last.received - base;
    return {
      side: variant,
      rate: spec.rate,
      draws: [...draws],
      drawStats,
      frames: [...frames],
      samples,
      expected,
      delivered,
      behind: Math.max(0, expected - delivered),
      lagMs: samples.map((s) => s.time - s.dataTime),
      clockRate: (last.time - samples[0].time) / (last.wall - samples[0].wall),
      cpu,
    };
  } finally {
    const errs = o.errors.filter((e) => !/GPU stall due to ReadPixels/.test(e));
    if (errs.length) ctx.log(`  ${variant} page errors (${errs.length}): ${errs.slice(0, 3).join(' | ').slice(0, 400)}`);
    await o.close();
  }
}

export async function liveIngest(ctx: Ctx): Promise<ScenarioResult> {
  // quick: the heaviest rate only (the quick run stays under 5 minutes)
  const rates = ctx.quick ? [10_000] : [1000, 5000, 10_000];
  const entities = 10_000;
  const m: Measure = ctx.quick ? { warmMs: 1500, frames: 4, minMs: 3000, maxMs: 10_000 } : { warmMs: 3000, frames: 20, minMs: 15_000, maxMs: 40_000 };
  const rows: Row[] = [];
  const raw: Run[] = [];
  for (const rate of rates) {
    const spec: IngestSpec = { entities, rate, seconds: Math.ceil((m.warmMs + m.maxMs) / 1000) + 5, messagesPerSecond: 50 };
    const fixture = await ingestFixture(spec, ctx.log);
    const runs: Run[] = [];
    // 3 rates × rounds × 2 pages: at most 2 rounds (the full run stays within minutes)
    for (let r = 0; r < Math.min(ctx.rounds, 2); r++) {
      // quick: the like-for-like without basemap only in full mode (the quick run stays under 5 minutes)
      for (const side of [...order(r), ...(ctx.quick ? [] : ['cockpit-nobasemap'])] as Variant[]) {
        const x = await run(ctx, side, spec, fixture, m);
        ctx.log(`  ${rate}/s ${side}: ${x.draws.length + 1} frames drawn, p50 ${p50(x.draws).toFixed(0)} ms, p95 ${p95(x.draws).toFixed(0)} ms (rAF p95 ${p95(x.frames).toFixed(0)} ms), behind ${x.behind} of ${x.expected} updates, clock ${x.clockRate.toFixed(2)}×, lag max ${max(x.lagMs).toFixed(0)} ms; CPU s renderer ${x.cpu.renderer ?? 0}, GPU ${x.cpu.GPU ?? 0}`);
        runs.push(x);
      }
    }
    if (ctx.profile && rate === rates[rates.length - 1]) {
      for (const side of ['cockpit', 'floor'] as Side[]) await run(ctx, side, spec, fixture, m, `live ingest ${rate}/s`);
    }
    raw.push(...runs);
    const of = (side: Variant) => runs.filter((x) => x.side === side);
    const frames = (side: Variant) => of(side).flatMap((x) => x.draws);
    const label = `live ingest ${rate / 1000}k/s (${(entities / 1000).toFixed(0)}k entities)`;
    const row = (metric: string, unit: string, c: number, f: number, rank = true) => rows.push({ scenario: label, metric, unit, cockpit: c, floor: f, ratio: f ? c / f : NaN, rank });
    const perFrame = (side: Variant, k: 'drawCalls' | 'vertices') => of(side).reduce((a, x) => a + x.drawStats[k], 0) / Math.max(1, of(side).reduce((a, x) => a + x.drawStats.frames, 0));
    row('frame time p50', 'ms', p50(frames('cockpit')), p50(frames('floor')));
    row('frame time p95', 'ms', p95(frames('cockpit')), p95(frames('floor')));
    if (!ctx.quick) {
      row('frame time p50, cockpit without basemap', 'ms', p50(frames('cockpit-nobasemap')), p50(frames('floor')));
      row('frame time p95, cockpit without basemap', 'ms', p95(frames('cockpit-nobasemap')), p95(frames('floor')));
    }
    // CPU of the page's process (main thread + replay worker) per 1,000 updates delivered: less sensitive to machine load than frame times
    const cpuPer1k = (side: Variant) => (of(side).reduce((a, x) => a + (x.cpu.renderer ?? 0), 0) * 1e6) / Math.max(1, of(side).reduce((a, x) => a + x.delivered, 0));
    row('renderer CPU per 1,000 updates (main thread + worker)', 'ms', cpuPer1k('cockpit'), cpuPer1k('floor'));
    row('updates behind at end (max of rounds)', 'updates', max(of('cockpit').map((x) => x.behind)), max(of('floor').map((x) => x.behind)), false);
    row('lag clock − data, p95', 'ms', p95(of('cockpit').flatMap((x) => x.lagMs)), p95(of('floor').flatMap((x) => x.lagMs)), false);
    row('clock speed reached (1 = real time)', '×', p50(of('cockpit').map((x) => x.clockRate)), p50(of('floor').map((x) => x.clockRate)), false);
    row('WebGL draw calls per frame', 'calls', perFrame('cockpit', 'drawCalls'), perFrame('floor', 'drawCalls'), false);
  }
  return { name: 'live ingest', rows, notes: ['behind = updates in the timeline up to the clock − updates delivered to the main thread; the replay never discards, so late updates are lag (a live source with a bounded queue would drop them)'], raw };
}
