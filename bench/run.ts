/**
 * `npm run bench` — the cockpit against the bare deck.gl floor, in one run.
 *
 *   npm run bench                          full mode (2 rounds; see docs/benchmark.md for durations)
 *   npm run bench -- --quick               small sizes, 1 round (≈ 5 min idle; longer when loaded)
 *   npm run bench -- --scenario scene,seek only some (the keys of SCENARIOS below)
 *   options: --rounds N (alternating rounds, default 2 full / 1 quick), --profile (extra
 *   unmeasured runs with Chrome traces, unminified builds), --no-build (serve the newest
 *   build in bench/.app even if older than its sources)
 *
 * Builds the app and the floor page (bench/floor) into bench/.app when their sources changed
 * (never the shared dist/), serves both with Vite's preview server, drives Debian Chromium,
 * prints a table of figures and ratios (cockpit ÷ floor, measured alternately in the same
 * run), writes bench/results/<ISO date>.json and prints a markdown summary with the machine
 * line last. A scenario is one entry in SCENARIOS (one line to add one).
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBuilds, serve, ROOT } from './lib/server';
import { openPage, useViewport, VIEWPORT } from './lib/browser';
import { cockpitUrl, measureMapSize, waitCockpit, type Ctx, type Row, type ScenarioResult } from './lib/common';
import { fmt, fmtRatio } from './lib/stats';
import { coldStart } from './scenarios/cold';
import { fullScene } from './scenarios/scene';
import { liveIngest } from './scenarios/ingest';
import { replaySeek } from './scenarios/seek';
import { soak } from './scenarios/soak';
import { replayMicro } from './scenarios/micro';
import { liveSources } from './scenarios/sources';
import { ambulancesMoving } from './scenarios/ambulances';

const SCENARIOS: Record<string, (ctx: Ctx) => Promise<ScenarioResult>> = {
  cold: coldStart,
  scene: fullScene,
  ingest: liveIngest,
  seek: replaySeek,
  soak,
  micro: replayMicro,
  sources: liveSources,
  ambulances: ambulancesMoving,
};

function args() {
  const a = process.argv.slice(2);
  const has = (k: string) => a.includes(k);
  const val = (k: string) => {
    const i = a.indexOf(k);
    return i >= 0 ? a[i + 1] : undefined;
  };
  const quick = has('--quick');
  const only = (val('--scenario') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of only) if (!SCENARIOS[s]) throw new Error(`unknown scenario "${s}" (known: ${Object.keys(SCENARIOS).join(', ')})`);
  return {
    quick,
    only: only.length ? only : Object.keys(SCENARIOS),
    rounds: Number(val('--rounds') ?? (quick ? 1 : 2)),
    profile: has('--profile'),
    noBuild: has('--no-build'),
  };
}

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    /* not Linux */
  }
  let chromium = 'unknown';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    /* reported as unknown */
  }
  let load = '';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    /* not Linux */
  }
  return { cpu, cores: cpus().length, memGB: Math.round(totalmem() / 1e9), chromium, node: process.version, loadavgAtStart: load };
}

function loadavg(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}

function table(rows: Row[]): string {
  const head = ['scenario', 'metric', 'cockpit', 'floor', 'ratio'];
  const body = rows.map((r) => [r.scenario, `${r.metric} (${r.unit})`, fmt(r.cockpit), r.floorNote ?? fmt(r.floor), fmtRatio(r.ratio)]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ');
  return [line(head), w.map((x) => '-'.repeat(x)).join('  '), ...body.map(line)].join('\n');
}

function markdown(rows: Row[]): string {
  const out = ['| scenario | metric | cockpit | floor | cockpit ÷ floor |', '| --- | --- | ---: | ---: | ---: |'];
  let last = '';
  for (const r of rows) {
    out.push(`| ${r.scenario === last ? '' : r.scenario} | ${r.metric} (${r.unit}) | ${fmt(r.cockpit)} | ${r.floorNote ?? fmt(r.floor)} | ${fmtRatio(r.ratio)} |`);
    last = r.scenario;
  }
  return out.join('\n');
}

async function main() {
  const opts = args();
  const t0 = performance.now();
  const log = (s: string) => console.log(s);
  const m = machine();
  log(`bench: ${opts.quick ? 'quick' : 'full'} mode, scenarios ${opts.only.join(', ')}, ${opts.rounds} round(s)${opts.profile ? ', with CPU profiles' : ''}, pages ${opts.quick ? '1280×720' : '1920×1080'}`);
  if (opts.quick) useViewport({ width: 1280, height: 720 });
  const builds = await ensureBuilds({ profile: opts.profile, noBuild: opts.noBuild, log });
  const { url, server } = await serve(builds);
  log(`serving ${builds.appDir.replace(ROOT + '/', '')} and the floor at ${url}`);
  const ctx: Ctx = { base: url, quick: opts.quick, rounds: opts.rounds, builds, log, profile: opts.profile, mapSize: null, profiles: {}, heapProfiles: {}, nodeProfiles: {} };
  const results: ScenarioResult[] = [];
  const failures: { scenario: string; error: string }[] = [];
  const date = new Date().toISOString();
  const dir = resolve(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${date.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}${opts.quick ? '-quick' : ''}.json`);
  // written after every scenario (`partial: true`), so an interrupted long run keeps what it measured
  const save = (partial: boolean) =>
    writeFileSync(file, JSON.stringify({ date, mode: opts.quick ? 'quick' : 'full', partial, rounds: opts.rounds, seconds: (performance.now() - t0) / 1000, machine: { ...m, gl: ctx.glRenderer, viewport: { ...VIEWPORT }, mapCanvas: ctx.mapSize }, rows: results.flatMap((r) => r.rows), failures, profiles: ctx.profiles, heapProfiles: ctx.heapProfiles, nodeProfiles: ctx.nodeProfiles, scenarios: results }, null, 1));
  try {
    const probe = async () => {
      // the floor draws into a canvas the size of the cockpit's map: measure it once
      const o = await openPage();
      try {
        await o.goto(cockpitUrl(ctx, {}));
        await waitCockpit(o.page, 90_000);
        ctx.mapSize = await measureMapSize(o.page);
        ctx.glRenderer = await o.page.evaluate(() => window.__bench.glRenderer());
      } finally {
        await o.close();
      }
    };
    // the floor draws into a canvas the size of the cockpit's map (cold start measures it)
    if (!opts.only.includes('cold') && opts.only.some((s) => s !== 'micro')) await probe();
    for (const name of opts.only) {
      const s0 = performance.now();
      log(`\n— ${name}`);
      try {
        const r = await SCENARIOS[name](ctx);
        results.push(r);
        for (const n of r.notes) log(`  note: ${n}`);
      } catch (e) {
        const msg = (e as Error).stack ?? String(e);
        failures.push({ scenario: name, error: msg });
        log(`  FAILED: ${msg}`);
      }
      log(`  (${((performance.now() - s0) / 1000).toFixed(0)} s, load average ${loadavg()})`);
      save(true);
      if (name === 'cold' && (!ctx.mapSize || !ctx.glRenderer) && opts.only.some((s) => s !== 'micro' && s !== 'cold')) await probe().catch((e) => log(`  probe failed: ${(e as Error).message}`));
    }
  } finally {
    await server.close();
  }
  const rows = results.flatMap((r) => r.rows);
  const seconds = (performance.now() - t0) / 1000;
  const machineLine = `${m.cpu}, ${m.cores} cores, ${m.memGB} GB; ${m.chromium}; GL: ${ctx.glRenderer ?? 'unknown'}; Node ${m.node}; load average at start ${m.loadavgAtStart}`;

  console.log('\n' + table(rows));
  if (Object.keys(ctx.profiles).length) {
    console.log('\nProfiles (extra, unmeasured runs on unminified builds; Chrome trace of all processes): JS self time per thread (V8 sampling), then trace-event self time per process/thread');
    for (const [name, p] of Object.entries(ctx.profiles)) {
      for (const side of ['cockpit', 'floor'] as const) {
        const r = p[side];
        if (!r) continue;
        console.log(`  ${name} — ${side}: busy threads ${r.trace.threads.slice(0, 5).map((t) => `${t.process}/${t.thread} ${t.busyMs} ms`).join(', ')} (trace span ${Math.round(r.trace.spanMs)} ms)`);
        for (const t of r.trace.js.filter((x) => !x.thread.startsWith('WebUI') && x.fn !== '(program)').slice(0, 10)) console.log(`    js    ${String(t.selfMs).padStart(8)} ms  ${t.thread}  ${t.fn}  ${t.where}`);
        for (const t of r.trace.top.slice(0, 8)) console.log(`    trace ${String(t.selfMs).padStart(8)} ms  ${t.process}/${t.thread}  ${t.name}`);
      }
    }
  }

  for (const [name, p] of Object.entries(ctx.heapProfiles)) {
    for (const side of ['cockpit', 'floor'] as const) {
      const top = p[side];
      if (!top) continue;
      console.log(`  ${name} — ${side}: live heap allocated during the run, by function (sampling heap profiler, after GC)`);
      for (const t of top.slice(0, 8)) console.log(`    ${String(t.kb).padStart(8)} KiB  ${t.fn}  ${t.where}`);
    }
  }
  for (const [name, top] of Object.entries(ctx.nodeProfiles)) {
    console.log(`  ${name} — Node CPU profile, self time`);
    for (const t of top.filter((x) => x.fn !== '(idle)').slice(0, 10)) console.log(`    ${String(t.share).padStart(5)} %  ${String(t.ms).padStart(8)} ms  ${t.fn}  ${t.where.replace(/:1$/, '')}`);
  }

  save(false);

  const ranked = rows.filter((r) => r.rank && Number.isFinite(r.ratio)).sort((a, b) => b.ratio - a.ratio);
  console.log(`\nwrote ${file.replace(ROOT + '/', '')} (${seconds.toFixed(0)} s)\n`);
  console.log(`## Benchmark summary (${opts.quick ? 'quick' : 'full'} mode, ${date.slice(0, 16).replace('T', ' ')} UTC, ${opts.rounds} alternating round(s), ${seconds.toFixed(0)} s; pages ${VIEWPORT.width}×${VIEWPORT.height}, map canvas ${ctx.mapSize ? `${ctx.mapSize.w}×${ctx.mapSize.h}` : '?'})\n`);
  console.log(markdown(rows));
  if (ranked.length) console.log(`\nWorst cockpit ÷ floor ratios: ${ranked.slice(0, 3).map((r) => `${r.scenario} — ${r.metric} ${fmtRatio(r.ratio)}`).join('; ')}.`);
  if (failures.length) console.log(`\nFailed scenarios: ${failures.map((f) => `${f.scenario} (${f.error.split('\n')[0]})`).join('; ')}`);
  console.log(`\nMachine: ${machineLine}`);
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
