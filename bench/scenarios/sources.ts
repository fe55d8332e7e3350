/**
 * Live sources: the sustained update rate each source kind (SSE, WebSocket, HTTP polling,
 * MQTT over WebSocket through Mosquitto) carries into the cockpit, against the bare deck.gl
 * floor drawing the same entities.
 *
 * The reference live server (server/live.ts) plays the live-ingest timeline (10k entities,
 * then R entity updates a second in 50 messages a second) in real time; the cockpit is opened
 * against it with `?source=<kind>`. Over the measured window the bench samples, every 500 ms,
 * the server's last sequence number of the topic and the cockpit's: the difference is the
 * backlog (messages sent and not yet applied). A source sustains a rate when the backlog
 * stays bounded (it does not grow over the window), no message is lost (gaps), nothing is
 * rejected, and the frame times stay near the floor's at the same rate (the floor replays
 * the same timeline locally, see scenarios/ingest.ts).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { openPage } from '../lib/browser';
import { floorUrl, settle, sleep, waitFloor, MIRRORED_LAYERS, type Ctx, type Row, type ScenarioResult } from '../lib/common';
import { fixturePath, ingestFixture, T0, type IngestSpec } from '../lib/fixtures';
import { p50, p95 } from '../lib/stats';
import { startLiveServer } from '../../server/live';
import { MOSQUITTO, startBroker, type Broker } from '../../e2e/mosquitto';
import { existsSync } from 'node:fs';

type Kind = 'sse' | 'ws' | 'http' | 'mqtt';

interface Run {
  kind: Kind | 'floor';
  rate: number;
  draws: number[];
  /** messages behind the server, sampled every 500 ms */
  backlog: number[];
  /** entity updates applied per second over the window (push sources: accepted messages × updates a message) */
  appliedPerS: number;
  gaps: number;
  rejected: number;
  error?: string;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
}

const CAMERA = { lon: 113.66, lat: 34.76, zoom: 11, pitch: 0, bearing: 0 };
const layers = MIRRORED_LAYERS.includes('waterlogging') ? 'waterlogging' : MIRRORED_LAYERS.join(',');

async function runSource(ctx: Ctx, kind: Kind, spec: IngestSpec, lines: string[], windowMs: number, broker: Broker | null): Promise<Run> {
  const port = await freePort();
  const server = await startLiveServer({ port, dist: ctx.builds.appDir, lines, at: T0, speed: 1, quiet: true, mqtt: broker ? `mqtt://127.0.0.1:${broker.mqttPort}` : undefined });
  const per = Math.max(1, Math.round(spec.rate / spec.messagesPerSecond));
  const o = await openPage();
  try {
    const src: Record<Kind, Record<string, string>> = {
      sse: { source: 'sse', url: '/api/stream' },
      ws: { source: 'ws', url: '/api/ws' },
      http: { source: 'http', url: '/api/snapshot' },
      mqtt: { source: 'mqtt', url: `ws://127.0.0.1:${broker?.wsPort ?? 0}`, snapshot: `${server.base}/api/snapshot` },
    };
    const q = new URLSearchParams({ ...src[kind], layers, ...Object.fromEntries(Object.entries(CAMERA).map(([k, v]) => [k, String(v)])) });
    await o.goto(`${server.base}/?${q}`);
    // (not waitCockpit: a live clock follows the wall clock, the data time trails it)
    await o.page.waitForFunction((n) => {
      const s = window.cockpit?.state();
      return !!s && s.source.state === 'ready' && (s.topics.hotspots?.count ?? 0) >= n;
    }, spec.entities, { timeout: 180_000, polling: 250 });
    await settle(o.page, 'cockpit', 1000);
    await sleep(2000);
    const seqOf = () => o.page.evaluate(() => window.cockpit!.state().topics.hotspots);
    const t0 = await seqOf();
    await o.page.evaluate(() => window.__bench.startFrames());
    const backlog: number[] = [];
    const start = Date.now();
    let last = t0;
    while (Date.now() - start < windowMs) {
      await sleep(500);
      last = await seqOf();
      backlog.push(Math.max(0, (server.city.seqs().hotspots ?? 0) - last.seq));
    }
    const elapsed = (Date.now() - start) / 1000;
    const draws = await o.page.evaluate(() => window.__bench.drawIntervals());
    await o.page.evaluate(() => window.__bench.stopFrames());
    return { kind, rate: spec.rate, draws: [...draws], backlog, appliedPerS: kind === 'http' ? NaN : ((last.accepted - t0.accepted) * per) / elapsed, gaps: last.gaps - t0.gaps, rejected: last.rejected - t0.rejected };
  } catch (e) {
    const topic = await o.page.evaluate(() => window.cockpit?.state().topics.hotspots).catch(() => undefined);
    const error = `${(e as Error).message.slice(0, 200)}; hotspots in the cockpit: ${JSON.stringify(topic)}; server seq ${server.city.seqs().hotspots}; page errors: ${o.errors.slice(0, 3).join(' | ').slice(0, 300)}`;
    return { kind, rate: spec.rate, draws: [], backlog: [], appliedPerS: NaN, gaps: NaN, rejected: NaN, error };
  } finally {
    await o.close();
    await server.close();
  }
}

async function runFloor(ctx: Ctx, spec: IngestSpec, fixture: string, windowMs: number): Promise<Run> {
  const o = await openPage();
  try {
    await o.goto(floorUrl(ctx, { timeline: `/__bench/data/${fixture}`, layers, ...CAMERA }));
    await waitFloor(o.page, 180_000, (s) => s.count >= spec.entities);
    await settle(o.page, 'floor', 1000);
    await o.page.evaluate(() => window.__bench.startPacing('floor'));
    await sleep(2000);
    await o.page.evaluate(() => window.__bench.startFrames());
    const a0 = await o.page.evaluate(() => window.floor!.state().applied);
    const start = Date.now();
    await sleep(windowMs);
    const a1 = await o.page.evaluate(() => window.floor!.state().applied);
    const draws = await o.page.evaluate(() => window.__bench.drawIntervals());
    await o.page.evaluate(() => (window.__bench.stopFrames(), window.__bench.stopPacing()));
    return { kind: 'floor', rate: spec.rate, draws: [...draws], backlog: [], appliedPerS: (a1 - a0) / ((Date.now() - start) / 1000), gaps: 0, rejected: 0 };
  } finally {
    await o.close();
  }
}

/** Backlog growth over the window: the mean of the last third minus the mean of the first third (messages). */
function growth(xs: number[]): number {
  if (xs.length < 3) return NaN;
  const k = Math.floor(xs.length / 3);
  const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
  return mean(xs.slice(-k)) - mean(xs.slice(0, k));
}

export async function liveSources(ctx: Ctx): Promise<ScenarioResult> {
  // BENCH_RATES=5000,10000 runs only some rates
  const rates = process.env.BENCH_RATES ? process.env.BENCH_RATES.split(',').map(Number) : ctx.quick ? [1000] : [1000, 5000, 10_000];
  const windowMs = ctx.quick ? 6000 : 15_000;
  const entities = 10_000;
  // BENCH_SOURCES=ws,mqtt runs only some source kinds; quick: SSE only (the quick run stays under 5 minutes)
  const kinds = (process.env.BENCH_SOURCES ?? (ctx.quick ? 'sse' : 'sse,ws,http,mqtt')).split(',').map((k) => k.trim()) as Kind[];
  const haveMosquitto = existsSync(MOSQUITTO) || MOSQUITTO !== 'mosquitto';
  const broker = haveMosquitto && kinds.includes('mqtt') ? await startBroker(await freePort(), await freePort()).catch(() => null) : null;
  const rows: Row[] = [];
  const raw: Run[] = [];
  const notes: string[] = [
    'backlog = server sequence − cockpit sequence (messages of 1/50 s each), sampled every 500 ms; sustained = backlog not growing over the window, no gaps, no rejects',
    'the floor replays the same timeline locally (no network, no validation); HTTP polls /api/snapshot (ETag) and applies whole snapshots, so its "updates/s" is not comparable',
  ];
  if (!broker && kinds.includes('mqtt')) notes.push('MQTT skipped: mosquitto not installed');
  try {
    for (const rate of rates) {
      const spec: IngestSpec = { entities, rate, seconds: ctx.quick ? 60 : 120, messagesPerSecond: 50 };
      const fixture = await ingestFixture(spec, ctx.log);
      const lines = readFileSync(fixturePath(fixture), 'utf8').split('\n').filter(Boolean);
      const floor = await runFloor(ctx, spec, fixture, windowMs);
      raw.push(floor);
      ctx.log(`  ${rate}/s floor: frame p50 ${p50(floor.draws).toFixed(0)} ms p95 ${p95(floor.draws).toFixed(0)} ms, ${floor.appliedPerS.toFixed(0)} updates/s`);
      for (const kind of kinds) {
        if (kind === 'mqtt' && !broker) continue;
        const x = await runSource(ctx, kind, spec, lines, windowMs, kind === 'mqtt' ? broker : null);
        raw.push(x);
        if (x.error) {
          ctx.log(`  ${rate}/s ${kind}: FAILED ${x.error}`);
          continue;
        }
        const g = growth(x.backlog);
        ctx.log(`  ${rate}/s ${kind}: frame p50 ${p50(x.draws).toFixed(0)} ms p95 ${p95(x.draws).toFixed(0)} ms, ${Number.isNaN(x.appliedPerS) ? 'snapshots' : `${x.appliedPerS.toFixed(0)} updates/s`}, backlog p95 ${p95(x.backlog).toFixed(0)} msgs (growth ${g.toFixed(0)}), gaps ${x.gaps}, rejected ${x.rejected}`);
        const label = `live source ${kind} ${rate / 1000}k/s`;
        const row = (metric: string, unit: string, c: number, f: number, rank = false, floorNote?: string) => rows.push({ scenario: label, metric, unit, cockpit: c, floor: f, ratio: f ? c / f : NaN, rank, floorNote });
        row('frame time p50', 'ms', p50(x.draws), p50(floor.draws), true);
        row('frame time p95', 'ms', p95(x.draws), p95(floor.draws), true);
        row('updates applied per second', '/s', x.appliedPerS, floor.appliedPerS);
        row('backlog p95 (messages behind the server)', 'msgs', p95(x.backlog), NaN, false, 'N/A: local replay');
        row('backlog growth over the window', 'msgs', g, NaN, false, 'N/A: local replay');
        row('sequence gaps / rejected', 'msgs', x.gaps + x.rejected, NaN, false, 'N/A');
      }
    }
  } finally {
    await broker?.stop();
  }
  return { name: 'live sources', rows, notes, raw };
}
