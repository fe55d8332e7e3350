/**
 * Node-only micro-benchmark of the replay log (no browser): parse (edge validation) +
 * keyframe build + random seeks, with the app's own src/data/replay/parse.ts and log.ts,
 * on a large timeline (1 M messages by default). Compared with the floor of reading the same
 * file with JSON.parse only.
 *
 *   npx tsx bench/replay-micro.ts [--messages 1000000] [--seeks 20]
 *   (also run by `npm run bench` as the scenario "replay-micro")
 */
import { parseTimeline } from '../src/data/replay/parse';
import { ReplayLog } from '../src/data/replay/log';
import type { Delta } from '../src/data/wire';
import { fixturePath, largeFixture, numberedFileLines as lines } from './lib/fixtures';
import { nodeTopicRegistry } from './lib/topics-node';
import { max, p50, p95, seeded } from './lib/stats';
import { Session } from 'node:inspector/promises';
import { topSelf, type CpuProfile, type SelfTime } from './lib/browser';

export interface MicroResult {
  messages: number;
  fileMB: number;
  /** JSON.parse of every line, nothing else (the floor) */
  rawParseMs: number;
  /** parseTimeline: edge validation + sort check + keyframes */
  parseMs: number;
  /** ReplayLog construction alone on the parsed messages (packing and keyframes) */
  keyframeMs: number;
  keyframes: number;
  seeksMs: number[];
  seekP50: number;
  seekP95: number;
  seekMax: number;
  heapUsedMB: number;
  rssPeakMB: number;
  /** with `profile`: self time of parseTimeline (V8 CPU profile) */
  profile?: SelfTime[];
}

export async function runReplayMicro(n: number, seeks: number, log: (s: string) => void = console.log, profile = false): Promise<MicroResult> {
  const name = await largeFixture(n, log);
  const file = fixturePath(name);
  const { size } = await import('node:fs').then((fs) => fs.statSync(file));
  const topics = await nodeTopicRegistry();
  let rssPeak = 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 100);

  let t = performance.now();
  let count = 0;
  for await (const { line } of lines(file)) {
    if (line) {
      JSON.parse(line);
      count++;
    }
  }
  const rawParseMs = performance.now() - t;

  const session = profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 1000 });
    await session.post('Profiler.start');
  }
  t = performance.now();
  const parsed = await parseTimeline(lines(file), topics);
  const parseMs = performance.now() - t;
  let top: SelfTime[] | undefined;
  if (session) {
    const { profile: p } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    top = topSelf(p, 15);
    session.disconnect();
  }

  let decoded: Delta[] | null = Array.from({ length: parsed.log.length }, (_, i) => parsed.log.message(i));
  t = performance.now();
  let rebuilt: ReplayLog | null = ReplayLog.of(decoded);
  const keyframeMs = performance.now() - t;
  rebuilt = null;
  decoded = null;

  const r = seeded(42);
  const logRef = parsed.log;
  const seeksMs: number[] = [];
  for (let i = 0; i < seeks; i++) {
    const at = logRef.start + r() * (logRef.end - logRef.start);
    const s = performance.now();
    const c = logRef.cursorAt(at);
    c.snapshot();
    seeksMs.push(performance.now() - s);
  }
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  const heapUsedMB = process.memoryUsage().heapUsed / 1e6;
  return {
    messages: count,
    fileMB: size / 1e6,
    rawParseMs,
    parseMs,
    keyframeMs,
    keyframes: parsed.log.keyframes.length,
    seeksMs,
    seekP50: p50(seeksMs),
    seekP95: p95(seeksMs),
    seekMax: max(seeksMs),
    heapUsedMB,
    rssPeakMB: rssPeak / 1e6,
    profile: top,
  };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('replay-micro.ts')) {
  const arg = (k: string, d: number) => {
    const i = process.argv.indexOf(k);
    return i >= 0 ? Number(process.argv[i + 1]) : d;
  };
  const res = await runReplayMicro(arg('--messages', 1_000_000), arg('--seeks', 20), console.log, process.argv.includes('--profile'));
  const { seeksMs: _s, ...rest } = res;
  console.log(JSON.stringify(rest, null, 2));
}
