/**
 * Cold start: navigation → first drawn map frame with all layers, and the JavaScript it took.
 *
 * "Drawn with all layers" is read from the pixels: the page samples its map canvas
 * (160×90, every ≥ 100 ms) from the moment its data is ready; once everything has settled, the first
 * sample that matches the settled picture (≥ 95 % of its non-background pixels and ≥ 99 %
 * of all pixels within ±24 per channel) is the first complete frame. Layer-agnostic (basemap, districts, hotspots), same rule for cockpit and floor.
 * The app's own mark `cockpit:first-frame` (first frame with data) is reported too.
 */
import { openPage } from '../lib/browser';
import { cockpitUrl, floorUrl, gzipSize, measureMapSize, order, sleep, startProfiling, waitCockpit, waitFloor, type Ctx, type Row, type ScenarioResult, type Side } from '../lib/common';
import { median } from '../lib/stats';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Run {
  side: Side;
  allLayers: boolean;
  firstFrameMs: number;
  markMs: number;
  readyMs: number;
  distinct: number;
  contentPixels: number;
  samples: number;
  firstViewJsGz: number;
  firstViewJsRaw: number;
  scripts: number;
  errors: string[];
}

const SETTLE_MS = 3000;
/** the default timeline at 08:00 on 20 July 2021: every mirrored layer has data (at its start, hotspots have none yet) */
const START = Date.parse('2021-07-20T08:00:00+08:00');

async function run(ctx: Ctx, side: Side, allLayers = false, profileAs?: string): Promise<Run> {
  const o = await openPage();
  try {
    const stopProfiling = profileAs ? await startProfiling(o) : null;
    const selector = side === 'cockpit' ? '[data-testid="map"] canvas' : '#map canvas';
    // sample from the moment the data is there (the cockpit: source ready and landed, hotspots in the table)
    const ready = side === 'cockpit' ? `(() => { const s = window.cockpit.state(); return s.source.state === 'ready' && s.dataTime === s.time && (s.topics.hotspots?.count ?? 0) > 0; })()` : 'window.floor.state().ready && window.floor.state().count > 0';
    await o.page.addInitScript(`window.__bench.startSampling(${JSON.stringify(selector)}, 160, 90, ${JSON.stringify(ready)})`);
    const url = side === 'cockpit' ? cockpitUrl(ctx, { t: START }, { allLayers }) : floorUrl(ctx, { timeline: '/mock-data/default.ndjson', t: START, lon: 113.66, lat: 34.76, zoom: 10.6 }, { allLayers });
    await o.goto(url);
    if (side === 'cockpit') await waitCockpit(o.page, 90_000, (s) => (s.topics.hotspots?.count ?? 0) > 0);
    else await waitFloor(o.page, 90_000, (s) => s.count > 0);
    // settle: at least SETTLE_MS and 6 samples after the data was ready (slow frames: longer)
    const t0 = Date.now();
    while (Date.now() - t0 < 30_000) {
      await sleep(250);
      const n = await o.page.evaluate(() => (Number.isNaN(window.__bench.samplingFrom) ? 0 : window.__bench.samples.length));
      if (n >= 6 && Date.now() - t0 >= SETTLE_MS) break;
    }
    const readyMs = await o.page.evaluate(() => window.__bench.samplingFrom);
    const m = await o.page.evaluate(() => window.__bench.firstMatching(24, 0.01, 0.95));
    if (profileAs && stopProfiling) (ctx.profiles[profileAs] ??= {})[side] = await stopProfiling();
    const markMs = await o.page.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN, side === 'cockpit' ? 'cockpit:first-frame' : 'floor:first-frame');
    if (side === 'cockpit' && !ctx.mapSize) ctx.mapSize = await measureMapSize(o.page);
    if (!ctx.glRenderer) ctx.glRenderer = await o.page.evaluate(() => window.__bench.glRenderer());
    const dir = side === 'cockpit' ? ctx.builds.appDir : ctx.builds.floorDir;
    let gz = 0;
    let raw = 0;
    let n = 0;
    const seen = new Set<string>();
    for (const s of o.scripts) {
      if (!(s.at <= m.t + 50) || seen.has(s.url)) continue;
      seen.add(s.url);
      const size = gzipSize(dir, new URL(s.url).pathname);
      if (!size) continue;
      gz += size.gz;
      raw += size.raw;
      n++;
    }
    return { side, allLayers, firstFrameMs: m.t, markMs, readyMs, distinct: m.distinct, contentPixels: m.contentPixels, samples: m.samples, firstViewJsGz: gz, firstViewJsRaw: raw, scripts: n, errors: o.errors.filter((e) => !/GPU stall due to ReadPixels/.test(e)) };
  } finally {
    await o.close();
  }
}

function totalJs(dir: string, prefix: string): { gz: number; raw: number; files: number } {
  let gz = 0;
  let raw = 0;
  let files = 0;
  for (const f of readdirSync(join(dir, 'assets'))) {
    if (!/\.m?js$/.test(f)) continue;
    const s = gzipSize(dir, `${prefix}assets/${f}`)!;
    gz += s.gz;
    raw += s.raw;
    files++;
  }
  return { gz, raw, files };
}

export async function coldStart(ctx: Ctx): Promise<ScenarioResult> {
  const runs: Run[] = [];
  const rounds = Math.max(ctx.rounds, ctx.quick ? 1 : 3);
  for (let r = 0; r < rounds; r++) {
    // the first round always opens the cockpit first: the floor needs the map's size
    for (const side of r === 0 ? (['cockpit', 'floor'] as Side[]) : order(r)) {
      const x = await run(ctx, side);
      ctx.log(`  ${side}: first complete frame ${x.firstFrameMs.toFixed(0)} ms (mark ${x.markMs.toFixed(0)}, ready ${x.readyMs.toFixed(0)}, ${x.contentPixels} content px of 14400, ${x.samples} samples), first-view JS ${(x.firstViewJsGz / 1024).toFixed(0)} KiB gz in ${x.scripts} files${x.errors.length ? `, errors: ${x.errors.slice(0, 2).join(' | ')}` : ''}`);
      runs.push(x);
    }
  }
  // both as configured (every default layer, e.g. the city fabric and the 3D flood columns)
  for (let r = 0; r < (ctx.quick ? 0 : 1); r++) {
    for (const side of order(r)) {
      const x = await run(ctx, side, true);
      ctx.log(`  ${side} (default layers): first complete frame ${x.firstFrameMs.toFixed(0)} ms (mark ${x.markMs.toFixed(0)}), first-view JS ${(x.firstViewJsGz / 1024).toFixed(0)} KiB gz in ${x.scripts} files`);
      runs.push(x);
    }
  }
  if (ctx.profile) for (const side of ['cockpit', 'floor'] as Side[]) await run(ctx, side, false, 'cold start');
  const of = (side: Side, k: keyof Run, all = false) => median(runs.filter((x) => x.side === side && x.allLayers === all).map((x) => x[k] as number));
  const appTotal = totalJs(ctx.builds.appDir, '/');
  const floorTotal = totalJs(ctx.builds.floorDir, '/');
  const rows: Row[] = [];
  const row = (metric: string, unit: string, c: number, f: number, rank = true) =>
    rows.push({ scenario: 'cold start', metric, unit, cockpit: c, floor: f, ratio: Number.isFinite(c) && Number.isFinite(f) && f ? c / f : NaN, rank });
  row('first complete frame (median)', 'ms', of('cockpit', 'firstFrameMs'), of('floor', 'firstFrameMs'));
  row('first frame with data (mark)', 'ms', of('cockpit', 'markMs'), of('floor', 'markMs'), false);
  const anyAll = runs.some((x) => x.allLayers);
  if (anyAll) row('first complete frame, default layers', 'ms', of('cockpit', 'firstFrameMs', true), of('floor', 'firstFrameMs', true));
  row(`JS for the first view, gzip${anyAll ? ' (default layers)' : ''}`, 'KiB', of('cockpit', 'firstViewJsGz', anyAll) / 1024, of('floor', 'firstViewJsGz', anyAll) / 1024);
  row('JS in total, gzip', 'KiB', appTotal.gz / 1024, floorTotal.gz / 1024, false);
  row('JS in total, raw', 'KiB', appTotal.raw / 1024, floorTotal.raw / 1024, false);
  const notes = [];
  if (!runs.some((x) => x.side === 'cockpit' && Number.isFinite(x.markMs))) notes.push('the app emitted no `cockpit:first-frame` mark');
  return { name: 'cold start', rows, notes, raw: { runs, appTotal, floorTotal } };
}
