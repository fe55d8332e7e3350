/**
 * The seeded fixture generator. Writes the timelines the cockpit replays into
 * mock-data/out/ (served at /mock-data/…). Deterministic: same code, same files.
 *
 *   npm run fixtures                       every fixture of mock-data/fixtures.ts + index.json
 *   npm run fixtures -- --only default     one of them
 *   npm run fixtures -- --large 1000000    also mock-data/out/large.ndjson (benchmarks)
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLargeTimeline } from './generator/large';
import { buildBadRainfallLines, FLOOD_FIXTURES } from './generator/flood-scenario';
import { buildFixture, FIXTURES, REPLAY_NOTES } from './fixtures';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'out');

function write(name: string, lines: string[]): void {
  const file = join(OUT, name);
  writeFileSync(file, lines.join('\n') + '\n');
  console.log(`wrote ${file}: ${lines.length} messages`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const args = process.argv.slice(2);

  const only = args.indexOf('--only') >= 0 ? args[args.indexOf('--only') + 1] : null;
  for (const f of FIXTURES) {
    if (only && f.name !== only) continue;
    write(`${f.name}.ndjson`, buildFixture(f));
  }
  // flood: design-storm scenario timelines (unless registered above) and a gauge feed with bad readings
  for (const f of FLOOD_FIXTURES) if (!FIXTURES.some((g) => g.name === f.name) && (!only || only === f.name)) write(`${f.name}.ndjson`, buildFixture(f));
  if (!only || only === 'flood-bad-rainfall') write('flood-bad-rainfall.ndjson', buildBadRainfallLines());
  // the list the cockpit's fixture picker shows
  const index = FIXTURES.map((f) => ({ name: f.name, title: f.title, url: `/mock-data/${f.name}.ndjson`, ...REPLAY_NOTES[f.name] }));
  writeFileSync(join(OUT, 'index.json'), JSON.stringify(index, null, 2) + '\n');

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
