/**
 * 5,000 moving ambulances: frame times while the replay plays a timeline in which 5,000
 * vehicles drive routed trips on the road network and report every second (1 Hz), drawn by
 * the 120 layer (layers/ambulances: positions interpolated along the trips every frame,
 * fading trails), the cockpit against the bare deck.gl floor with the same layer on the same
 * data. Both sides rebuild the layer every frame while playing (the floor with `animate=1`),
 * as the cockpit does when its clock moves.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from '../lib/browser';
import { cockpitUrl, floorUrl, order, settle, waitCockpit, waitFloor, type Ctx, type Row, type ScenarioResult, type Side } from '../lib/common';
import { FIXTURES } from '../lib/fixtures';
import { p50, p95, mean } from '../lib/stats';
import { STRESS_T0, writeAmbulanceStress } from '../../mock-data/generator/ambulances-stress';

const N = 5000;
const SECONDS = 60;
const VIEW = { lon: 113.66, lat: 34.76, zoom: 11, pitch: 0, bearing: 0 };

async function fixture(log: (s: string) => void): Promise<string> {
  const name = `ambulances-stress-v1-${N}-${SECONDS}.ndjson`;
  const file = join(FIXTURES, name);
  if (!existsSync(file)) {
    mkdirSync(FIXTURES, { recursive: true });
    const t = performance.now();
    const lines = await writeAmbulanceStress(`${file}.tmp`, N, SECONDS);
    renameSync(`${file}.tmp`, file);
    log(`  wrote ${name}: ${lines} messages in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return name;
}

interface Run {
  side: Side;
  draws: number[];
  seconds: number;
}

async function run(ctx: Ctx, side: Side, name: string, m: { warm: number; frames: number; minMs: number; maxMs: number }): Promise<Run> {
  const o = await openPage();
  try {
    const params = { timeline: `/__bench/data/${name}`, t: STRESS_T0 + 2000, layers: 'ambulances', ...VIEW };
    if (side === 'cockpit') {
      await o.goto(cockpitUrl(ctx, params));
      await waitCockpit(o.page, 300_000, (s) => (s.topics.ambulances?.count ?? 0) >= N);
    } else {
      await o.goto(floorUrl(ctx, { ...params, animate: 1 }));
      await waitFloor(o.page, 300_000, (s) => (s.topics.ambulances ?? 0) >= N);
    }
    await settle(o.page, side, 1000);
    await o.page.evaluate((s) => (s === 'cockpit' ? (window.cockpit!.setSpeed(1), window.cockpit!.play()) : (window as unknown as { floor: { play(x: number): void } }).floor.play(1)), side);
    await o.page.evaluate(() => window.__bench.startFrames());
    await o.page.evaluate(([k]) => window.__bench.waitDraws(k, 1000, 60_000), [m.warm] as const);
    await o.page.evaluate(() => window.__bench.stopFrames());
    const w0 = Date.now();
    await o.page.evaluate(() => window.__bench.startFrames());
    await o.page.evaluate(([k, min, max]) => window.__bench.waitDraws(k, min, max), [m.frames + 1, m.minMs, m.maxMs] as const);
    const seconds = (Date.now() - w0) / 1000;
    const draws = await o.page.evaluate(() => {
      window.__bench.stopFrames();
      return [...window.__bench.drawIntervals()];
    });
    return { side, draws, seconds };
  } finally {
    const errs = o.errors.filter((e) => !/GPU stall due to ReadPixels/.test(e));
    if (errs.length) ctx.log(`  ${side} page errors (${errs.length}): ${errs.slice(0, 3).join(' | ').slice(0, 400)}`);
    await o.close();
  }
}

export async function ambulancesMoving(ctx: Ctx): Promise<ScenarioResult> {
  const name = await fixture(ctx.log);
  const m = ctx.quick ? { warm: 2, frames: 6, minMs: 3000, maxMs: 30_000 } : { warm: 5, frames: 25, minMs: 15_000, maxMs: 120_000 };
  const runs: Run[] = [];
  for (let r = 0; r < ctx.rounds; r++) {
    for (const side of order(r)) {
      const x = await run(ctx, side, name, m);
      ctx.log(`  ${side}: ${x.draws.length + 1} frames drawn in ${x.seconds.toFixed(1)} s, p50 ${p50(x.draws).toFixed(0)} ms, p95 ${p95(x.draws).toFixed(0)} ms`);
      runs.push(x);
    }
  }
  const pool = (side: Side) => runs.filter((x) => x.side === side).flatMap((x) => x.draws);
  const label = `${N.toLocaleString('en-US')} moving ambulances (1 Hz reports, interpolated, trails)`;
  const rows: Row[] = [];
  const row = (metric: string, unit: string, cv: number, fv: number, rank = true) => rows.push({ scenario: label, metric, unit, cockpit: cv, floor: fv, ratio: fv ? cv / fv : NaN, rank });
  const [c, f] = [pool('cockpit'), pool('floor')];
  row('frame time p50', 'ms', p50(c), p50(f));
  row('frame time p95', 'ms', p95(c), p95(f));
  row('frames drawn per second', 'fps', 1000 / mean(c), 1000 / mean(f), false);
  return {
    name: label,
    rows,
    notes: [`data: ${name} (${N} vehicles on routed trips, a report each per second for ${SECONDS} s), played at 1×; layer ambulances only on both sides, camera ${JSON.stringify(VIEW)}; the cockpit draws its basemap, the floor none`],
    raw: { runs, measure: m },
  };
}
