/**
 * Replay seek on a large timeline (5 M messages full, 200 k quick; the repo's generator
 * mock-data/generator/large.ts): load time (navigation → source ready: streamed, validated
 * and keyframed in the worker), the renderer's peak resident memory (worker included), then
 * 20 seeks (8 quick) to seeded random times: `await cockpit.seek(t)` (state landed), and the first
 * frame the map draws after that.
 *
 * The floor has no replay: it reads the same file once (fetch + split + JSON.parse on its
 * main thread). Load is navigation → ready on both sides (page start-up included: the
 * cockpit streams, validates and keyframes in its worker; the floor only parses); each seek
 * is divided by the floor's parse ("a seek costs this fraction of re-reading the file").
 */
import { openPage, rendererMemory } from '../lib/browser';
import { cockpitUrl, floorUrl, sleep, startProfiling, waitCockpit, waitFloor, type Ctx, type Row, type ScenarioResult } from '../lib/common';
import { largeFixture } from '../lib/fixtures';
import { max, p50, p95, seeded } from '../lib/stats';

interface CockpitRun {
  loadMs: number;
  peakMB: number;
  mainHeapMB: number;
  lines: number;
  keyframes: number;
  seekLandMs: number[];
  seekDrawnMs: number[];
  consistent: boolean;
  error?: string;
}

interface FloorRun {
  /** navigation → all lines parsed (measured as the cockpit's load: page start-up included) */
  loadMs: number;
  parseMs: number;
  peakMB: number;
  lines: number;
}

async function cockpitRun(ctx: Ctx, fixture: string, seeks: number, timeoutMs: number, profileAs?: string): Promise<CockpitRun> {
  const o = await openPage();
  const stopProfiling = profileAs ? await startProfiling(o) : null;
  let peak = 0;
  const timer = setInterval(() => {
    void rendererMemory(o.browser).then((m) => (peak = Math.max(peak, m.hwmMB || 0))).catch(() => {});
  }, 2000);
  try {
    const t0 = performance.now();
    await o.goto(cockpitUrl(ctx, { timeline: `/__bench/data/${fixture}` }));
    let s;
    try {
      s = await waitCockpit(o.page, timeoutMs);
    } catch (e) {
      return { loadMs: NaN, peakMB: peak, mainHeapMB: NaN, lines: 0, keyframes: 0, seekLandMs: [], seekDrawnMs: [], consistent: false, error: (e as Error).message.slice(0, 200) };
    }
    const loadMs = performance.now() - t0;
    peak = Math.max(peak, (await rendererMemory(o.browser)).hwmMB || 0);
    const mainHeapMB = await o.page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN) / 1e6);
    const r = seeded(4242);
    const land: number[] = [];
    const drawn: number[] = [];
    let consistent = true;
    for (let i = 0; i < seeks; i++) {
      const t = Math.round(s.range.start + r() * (s.range.end - s.range.start));
      const [a, b, ok] = await o.page.evaluate(async (t) => {
        window.__bench.startFrames();
        const t0 = performance.now();
        await window.cockpit!.seek(t);
        const t1 = performance.now();
        const drawn = await window.__bench.drawAfter(t1, 60_000);
        window.__bench.stopFrames();
        window.__bench.drawIntervals();
        const st = window.cockpit!.state();
        return [t1 - t0, drawn - t0, st.time === t && st.dataTime === t] as const;
      }, t);
      land.push(a);
      drawn.push(b);
      consistent &&= ok;
    }
    peak = Math.max(peak, (await rendererMemory(o.browser)).hwmMB || 0);
    if (profileAs && stopProfiling) (ctx.profiles[profileAs] ??= {}).cockpit = await stopProfiling();
    return { loadMs, peakMB: peak, mainHeapMB, lines: s.source.lines ?? 0, keyframes: s.source.keyframes ?? 0, seekLandMs: land, seekDrawnMs: drawn, consistent };
  } finally {
    clearInterval(timer);
    await o.close();
  }
}

async function floorRun(ctx: Ctx, fixture: string, timeoutMs: number): Promise<FloorRun> {
  const o = await openPage();
  try {
    const t0 = performance.now();
    await o.goto(floorUrl(ctx, { mode: 'parse', timeline: `/__bench/data/${fixture}` }));
    const s = await waitFloor(o.page, timeoutMs);
    const loadMs = performance.now() - t0;
    const m = await rendererMemory(o.browser);
    return { loadMs, parseMs: s.parseMs, peakMB: m.hwmMB, lines: s.lines };
  } finally {
    await o.close();
  }
}

export async function replaySeek(ctx: Ctx): Promise<ScenarioResult> {
  const n = ctx.quick ? 200_000 : 5_000_000;
  const seeks = ctx.quick ? 8 : 20;
  const fixture = await largeFixture(n, ctx.log);
  const timeoutMs = ctx.quick ? 120_000 : 20 * 60_000;
  // one round: loading 5 M messages dominates; the floor first, then the cockpit
  const f = await floorRun(ctx, fixture, timeoutMs);
  ctx.log(`  floor: read ${f.lines.toLocaleString('en-US')} lines with JSON.parse in ${f.parseMs.toFixed(0)} ms (navigation → done ${f.loadMs.toFixed(0)} ms), renderer peak ${f.peakMB.toFixed(0)} MB`);
  await sleep(500);
  const c = await cockpitRun(ctx, fixture, seeks, timeoutMs);
  if (c.error) ctx.log(`  cockpit: FAILED to load: ${c.error} (renderer peak ${c.peakMB.toFixed(0)} MB)`);
  else
    ctx.log(
      `  cockpit: loaded ${c.lines.toLocaleString('en-US')} lines (${c.keyframes} keyframes) in ${c.loadMs.toFixed(0)} ms, renderer peak ${c.peakMB.toFixed(0)} MB; seek land p50 ${p50(c.seekLandMs).toFixed(0)} / p95 ${p95(c.seekLandMs).toFixed(0)} / max ${max(c.seekLandMs).toFixed(0)} ms, drawn p50 ${p50(c.seekDrawnMs).toFixed(0)} ms${c.consistent ? '' : ' (state did NOT match the seek time)'}`,
    );
  const label = `replay seek (${(n / 1e6).toFixed(n < 1e6 ? 1 : 0)} M msgs)`;
  if (ctx.profile) await cockpitRun(ctx, fixture, seeks, timeoutMs, `${label}: load + seeks`);
  const rows: Row[] = [];
  const row = (metric: string, unit: string, cv: number, fv: number, rank = false) => rows.push({ scenario: label, metric, unit, cockpit: cv, floor: fv, ratio: fv ? cv / fv : NaN, rank });
  row('load: navigation → ready (floor: → parsed)', 'ms', c.loadMs, f.loadMs, true);
  row('renderer peak memory', 'MB', c.peakMB, f.peakMB, true);
  row('seek landed p50 ÷ floor parse', 'ms', p50(c.seekLandMs), f.parseMs);
  row('seek landed p95 ÷ floor parse', 'ms', p95(c.seekLandMs), f.parseMs);
  row('seek landed max ÷ floor parse', 'ms', max(c.seekLandMs), f.parseMs);
  row('seek landed + next frame drawn p95 ÷ floor parse', 'ms', p95(c.seekDrawnMs), f.parseMs);
  const notes = ['the floor has no replay (seek N/A): its figure is one JSON.parse pass over the same file'];
  if (c.error) notes.push(`cockpit failed to load the ${n.toLocaleString('en-US')}-message timeline: ${c.error}`);
  if (!c.consistent) notes.push('after some seek, state().time/dataTime did not equal the seek target');
  return { name: label, rows, notes, raw: { n, fixture, cockpit: c, floor: f } };
}
