/**
 * What the replay log's memory is made of: parse a large timeline into the app's ReplayLog
 * (src/data/replay/parse.ts + log.ts, as the worker does), keep it, then a V8 heap snapshot
 * aggregated by constructor (self bytes, count) — the profile behind the "renderer peak
 * memory" ratio of the seek scenario.
 *
 *   npx tsx bench/replay-heap.ts [--messages 200000]
 */
import { statSync } from 'node:fs';
import { getHeapSnapshot } from 'node:v8';
import { parseTimeline } from '../src/data/replay/parse';
import { fixturePath, largeFixture, numberedFileLines as lines } from './lib/fixtures';
import { nodeTopicRegistry } from './lib/topics-node';

async function main() {
  const i = process.argv.indexOf('--messages');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 200_000;
  const file = fixturePath(await largeFixture(n, console.log));
  const parsed = await parseTimeline(lines(file), await nodeTopicRegistry());
  const chunks: Buffer[] = [];
  for await (const c of getHeapSnapshot()) chunks.push(c as Buffer);
  const s = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const f = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [iT, iN, iS] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size')];
  const by = new Map<string, { n: number; bytes: number }>();
  let total = 0;
  for (let k = 0; k < s.nodes.length; k += f.length) {
    const type = types[s.nodes[k + iT]];
    const name = type === 'object' || type === 'native' ? s.strings[s.nodes[k + iN]].slice(0, 60) : `(${type})`;
    const e = by.get(name) ?? { n: 0, bytes: 0 };
    e.n++;
    e.bytes += s.nodes[k + iS];
    total += s.nodes[k + iS];
    by.set(name, e);
  }
  const fileMB = statSync(file).size / 1e6;
  console.log(`${parsed.log.length} messages kept (packed: ${(parsed.log.byteSize() / 1e6).toFixed(1)} MB) (file ${fileMB.toFixed(1)} MB); heap ${(total / 1e6).toFixed(1)} MB = ${(total / 1e6 / fileMB).toFixed(1)} × the file`);
  for (const [name, e] of [...by.entries()].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 12)) console.log(`  ${(e.bytes / 1e6).toFixed(1).padStart(7)} MB ${String(e.n).padStart(9)}  ${name}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
