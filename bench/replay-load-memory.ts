/**
 * Where the memory of a timeline load goes (Node, the app's own parse.ts and log.ts): samples
 * the V8 heap (used / total) and RSS every 50 ms while `parseTimeline` reads a large timeline,
 * then forces a GC and reports what stays. With `--snapshot` writes a heap snapshot after the
 * load (open it in Chrome DevTools, or read its summary with bench/replay-heap.ts).
 *
 *   node --expose-gc --import tsx bench/replay-load-memory.ts [--messages 1000000] [--snapshot]
 */
import { writeFileSync } from 'node:fs';
import { getHeapSnapshot } from 'node:v8';
import { parseTimeline } from '../src/data/replay/parse';
import { fixturePath, largeFixture, numberedFileLines as lines } from './lib/fixtures';
import { nodeTopicRegistry } from './lib/topics-node';

const arg = (k: string, d: number) => {
  const i = process.argv.indexOf(k);
  return i >= 0 ? Number(process.argv[i + 1]) : d;
};
const n = arg('--messages', 1_000_000);
const name = await largeFixture(n, console.log);
const file = fixturePath(name);
const topics = await nodeTopicRegistry();
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const mb = (b: number) => Math.round(b / 1e6);
const base = process.memoryUsage();
const samples: { t: number; used: number; total: number; rss: number; lines: number }[] = [];
let read = 0;
const t0 = performance.now();
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  samples.push({ t: Math.round(performance.now() - t0), used: mb(m.heapUsed), total: mb(m.heapTotal), rss: mb(m.rss), lines: read });
}, 50);
const parsed = await parseTimeline(lines(file), topics, (p) => (read = p.lines));
clearInterval(sampler);
const end = process.memoryUsage();
gc?.();
const after = process.memoryUsage();
const peak = samples.reduce((a, s) => (s.rss > a.rss ? s : a), samples[0]);
const peakUsed = samples.reduce((a, s) => Math.max(a, s.used), 0);
console.log(`${n.toLocaleString('en-US')} messages in ${Math.round(performance.now() - t0)} ms; log ${mb(parsed.log.byteSize())} MB packed, ${parsed.log.keyframes.length} keyframes`);
console.log(`before: heap ${mb(base.heapUsed)} MB, rss ${mb(base.rss)} MB`);
console.log(`peak:   rss ${peak.rss} MB at ${peak.t} ms (${peak.lines} lines; heap used ${peak.used} / total ${peak.total} MB); max heap used ${peakUsed} MB`);
console.log(`end:    heap used ${mb(end.heapUsed)} / total ${mb(end.heapTotal)} MB, rss ${mb(end.rss)} MB, external ${mb(end.external)} MB, array buffers ${mb(end.arrayBuffers)} MB`);
console.log(`after gc: heap used ${mb(after.heapUsed)} / total ${mb(after.heapTotal)} MB, rss ${mb(after.rss)} MB, array buffers ${mb(after.arrayBuffers)} MB`);
const step = Math.max(1, Math.floor(samples.length / 20));
for (let i = 0; i < samples.length; i += step) console.log(`  ${samples[i].t} ms  lines ${samples[i].lines}  heap ${samples[i].used}/${samples[i].total}  rss ${samples[i].rss}`);
if (process.argv.includes('--snapshot')) {
  const out = `/tmp/replay-load-${n}.heapsnapshot`;
  const chunks: Buffer[] = [];
  for await (const c of getHeapSnapshot()) chunks.push(c as Buffer);
  writeFileSync(out, Buffer.concat(chunks));
  console.log(`heap snapshot: ${out}`);
}
void parsed;
