/**
 * The seeded fixture generator. Writes the timelines the cockpit replays into
 * mock-data/out/ (served at /mock-data/…). Deterministic: same code, same files.
 *
 *   npm run fixtures                       the default timelines
 *   npm run fixtures -- --large 1000000    also mock-data/out/large.ndjson (benchmarks)
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TimelineBuilder } from './generator/timeline';
import { buildFlood2021 } from './generator/flood-2021';
import { writeLargeTimeline } from './generator/large';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'out');

function write(name: string, lines: string[]): void {
  const file = join(OUT, name);
  writeFileSync(file, lines.join('\n') + '\n');
  console.log(`wrote ${file}: ${lines.length} messages`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const args = process.argv.slice(2);

  const flood = new TimelineBuilder();
  buildFlood2021(flood);
  const floodLines = flood.lines();
  write('rainstorm-2021-07-20.ndjson', floodLines);
  // the embedded default: the canonical incident (more topics join as layers arrive)
  write('default.ndjson', floodLines);

  const i = args.indexOf('--large');
  if (i >= 0) {
    const n = Number(args[i + 1] ?? 1_000_000);
    const file = join(OUT, 'large.ndjson');
    await writeLargeTimeline(createWriteStream(file), n);
    console.log(`wrote ${file}: ${n} messages`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
