/**
 * Soak: the default timeline (the 2021 rainstorm) played at 600× for H hours of data
 * (8 h full, 1 h quick) from 2021-07-20 08:00. Every few seconds: full GC (CDP
 * HeapProfiler.collectGarbage), then the main thread's JS heap (Runtime.getHeapUsage) and
 * DOM nodes / listeners (Memory.getDOMCounters). Growth = last sample vs first, in %.
 * The floor plays the same file at the same speed (its hotspots into typed arrays).
 */
import { heapAfterGc, openPage, rendererMemory } from '../lib/browser';
import { cockpitUrl, floorUrl, order, sleep, waitCockpit, waitFloor, type Ctx, type Row, type ScenarioResult, type Side } from '../lib/common';
import { max, median } from '../lib/stats';

const START = Date.parse('2021-07-20T08:00:00+08:00');
const SPEED = 600;

interface Sample {
  wall: number;
  time: number;
  heapMB: number;
  nodes: number;
  listeners: number;
}

interface Run {
  side: Side;
  samples: Sample[];
  heapGrowthPct: number;
  nodesGrowthPct: number;
  heapEndMB: number;
  nodesEnd: number;
  rendererRssMB: number;
  reachedMs: number;
}

async function run(ctx: Ctx, side: Side, hours: number, everyMs: number, profileAs?: string): Promise<Run> {
  const o = await openPage();
  try {
    const cam = { lon: 113.66, lat: 34.76, zoom: 10.6 };
    await o.goto(side === 'cockpit' ? cockpitUrl(ctx, { speed: SPEED, t: START }) : floorUrl(ctx, { timeline: '/mock-data/default.ndjson', t: START, ...cam }));
    if (side === 'cockpit') await waitCockpit(o.page, 90_000);
    else await waitFloor(o.page, 90_000);
    await sleep(1500);
    const end = START + hours * 3600_000;
    const timeOf = () => (side === 'cockpit' ? o.page.evaluate(() => window.cockpit!.state().time) : o.page.evaluate(() => window.floor!.state().time));
    const samples: Sample[] = [];
    const sample = async () => {
      const m = await heapAfterGc(o.cdp);
      samples.push({ wall: Date.now(), time: await timeOf(), heapMB: m.heapMB, nodes: m.nodes, listeners: m.listeners });
    };
    await sample();
    if (profileAs) await o.cdp.send('HeapProfiler.startSampling', { samplingInterval: 16384 });
    const t0 = Date.now();
    if (side === 'cockpit') await o.page.evaluate(() => window.cockpit!.play());
    else await o.page.evaluate((s) => window.floor!.play(s), SPEED);
    const limit = ((hours * 3600_000) / SPEED) * 4 + 60_000;
    for (;;) {
      await sleep(everyMs);
      const t = await timeOf();
      await sample();
      if (t >= end || Date.now() - t0 > limit) break;
    }
    const reachedMs = Date.now() - t0;
    if (side === 'cockpit') await o.page.evaluate(() => window.cockpit!.pause());
    else await o.page.evaluate(() => window.floor!.pause());
    if (profileAs) {
      await o.cdp.send('HeapProfiler.collectGarbage');
      const { profile } = (await o.cdp.send('HeapProfiler.getSamplingProfile')) as unknown as { profile: { head: HeapNode } };
      await o.cdp.send('HeapProfiler.stopSampling');
      (ctx.heapProfiles[profileAs] ??= {})[side] = topAllocations(profile.head);
    }
    const first = samples[0];
    const last = samples[samples.length - 1];
    const mem = await rendererMemory(o.browser);
    return {
      side,
      samples,
      heapGrowthPct: ((last.heapMB - first.heapMB) / first.heapMB) * 100,
      nodesGrowthPct: ((last.nodes - first.nodes) / first.nodes) * 100,
      heapEndMB: last.heapMB,
      nodesEnd: last.nodes,
      rendererRssMB: mem.rssMB,
      reachedMs,
    };
  } finally {
    const errs = o.errors.filter((e) => !/GPU stall due to ReadPixels/.test(e));
    if (errs.length) ctx.log(`  ${side} page errors (${errs.length}): ${errs.slice(0, 3).join(' | ').slice(0, 400)}`);
    await o.close();
  }
}

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

/** Live (after GC) bytes allocated during the run, by allocating function. */
function topAllocations(head: HeapNode, k = 10): { fn: string; where: string; kb: number }[] {
  const by = new Map<string, { fn: string; where: string; bytes: number }>();
  const walk = (n: HeapNode) => {
    if (n.selfSize) {
      const where = n.callFrame.url ? `${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}` : '';
      const key = `${n.callFrame.functionName}|${where}`;
      const e = by.get(key) ?? { fn: n.callFrame.functionName || '(anonymous)', where, bytes: 0 };
      e.bytes += n.selfSize;
      by.set(key, e);
    }
    for (const c of n.children) walk(c);
  };
  walk(head);
  return [...by.values()].sort((a, b) => b.bytes - a.bytes).slice(0, k).map((e) => ({ fn: e.fn, where: e.where, kb: Math.round(e.bytes / 1024) }));
}

export async function soak(ctx: Ctx): Promise<ScenarioResult> {
  const hours = ctx.quick ? 1 : 8;
  const everyMs = ctx.quick ? 3000 : 4000;
  const rounds = ctx.quick ? 1 : Math.min(ctx.rounds, 2);
  const label0 = `soak (${hours} h of data at ${SPEED}×)`;
  const runs: Run[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const side of order(r)) {
      const x = await run(ctx, side, hours, everyMs);
      ctx.log(`  ${side}: ${x.samples.length} samples over ${(x.reachedMs / 1000).toFixed(0)} s; heap ${x.samples[0].heapMB.toFixed(1)} → ${x.heapEndMB.toFixed(1)} MB (${x.heapGrowthPct.toFixed(1)} %), DOM nodes ${x.samples[0].nodes} → ${x.nodesEnd} (${x.nodesGrowthPct.toFixed(1)} %), renderer RSS ${x.rendererRssMB.toFixed(0)} MB`);
      runs.push(x);
    }
  }
  if (ctx.profile) for (const side of ['cockpit', 'floor'] as Side[]) await run(ctx, side, hours, everyMs, label0);
  const of = (side: Side, k: keyof Run) => median(runs.filter((x) => x.side === side).map((x) => x[k] as number));
  const label = label0;
  const rows: Row[] = [];
  const row = (metric: string, unit: string, c: number, f: number, rank = true) => rows.push({ scenario: label, metric, unit, cockpit: c, floor: f, ratio: f ? c / f : NaN, rank });
  row('JS heap after GC, end', 'MB', of('cockpit', 'heapEndMB'), of('floor', 'heapEndMB'));
  row('JS heap growth', '%', of('cockpit', 'heapGrowthPct'), of('floor', 'heapGrowthPct'), false);
  row('DOM nodes, end', 'nodes', of('cockpit', 'nodesEnd'), of('floor', 'nodesEnd'), false);
  row('DOM nodes growth', '%', of('cockpit', 'nodesGrowthPct'), of('floor', 'nodesGrowthPct'), false);
  row('renderer resident memory, end', 'MB', of('cockpit', 'rendererRssMB'), of('floor', 'rendererRssMB'));
  const worstGrowth = max(runs.filter((x) => x.side === 'cockpit').map((x) => x.heapGrowthPct));
  return { name: label, rows, notes: [`cockpit heap growth worst round: ${worstGrowth.toFixed(1)} %; growth ratios divide percentages and are noisy when the floor's is near 0`], raw: runs };
}
