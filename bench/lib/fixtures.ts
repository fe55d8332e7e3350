/**
 * Benchmark fixtures, written on demand into bench/fixtures/ (gitignored) and served by the
 * bench server at /__bench/data/<name>. Seeded: the same sizes give the same bytes.
 *
 * - ingest: E `hotspots` entities, then R entity updates per second at 1× (live-ingest test)
 * - large:  the repo's large timeline (mock-data/generator/large.ts), N messages (seek test)
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { writeLargeTimeline } from '../../mock-data/generator/large';
import { seeded } from './stats';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const VERSION = 1;

/** Message size cap of the wire format is 8 MiB: split big snapshots. */
const UPSERTS_PER_MESSAGE = 20_000;
export const T0 = Date.parse('2021-07-20T08:00:00+08:00');

/** Centres of the urban districts (lon, lat, spread): points cluster like a city does. */
const CENTRES: [number, number, number][] = [
  [113.625, 34.748, 0.035], // Zhongyuan / Erqi
  [113.665, 34.757, 0.03], // Jinshui west
  [113.72, 34.77, 0.035], // Zhengdong new district
  [113.685, 34.72, 0.03], // Guancheng
  [113.64, 34.81, 0.035], // Huiji
  [113.61, 34.68, 0.03], // Erqi south
  [113.78, 34.71, 0.04], // airport road / Jingkai
  [113.55, 34.8, 0.04], // high-tech zone
];

function place(r: () => number): [number, number] {
  if (r() < 0.25) return [113.45 + r() * 0.45, 34.62 + r() * 0.3];
  const [lon, lat, s] = CENTRES[Math.floor(r() * CENTRES.length)];
  const g = () => (r() + r() + r() - 1.5) / 1.5; // cheap bell curve in [-1, 1]
  return [Math.round((lon + g() * s * 1.4) * 1e6) / 1e6, Math.round((lat + g() * s) * 1e6) / 1e6];
}

class Out {
  private buf = '';
  lines = 0;
  constructor(private readonly out: Writable) {}
  async line(obj: unknown): Promise<void> {
    this.buf += JSON.stringify(obj) + '\n';
    this.lines++;
    if (this.buf.length > 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    const b = this.buf;
    this.buf = '';
    if (!this.out.write(b)) await new Promise((res) => this.out.once('drain', res));
  }
  async end(): Promise<void> {
    await this.flush();
    await new Promise<void>((res, rej) => this.out.end((e?: Error | null) => (e ? rej(e) : res())));
  }
}

/** Writes `name` with `write` unless it exists; returns its path. Atomic (temp + rename). */
async function ensure(name: string, write: (out: Writable) => Promise<void>, log: (s: string) => void): Promise<string> {
  mkdirSync(FIXTURES, { recursive: true });
  const file = join(FIXTURES, name);
  if (existsSync(file)) return file;
  const t = performance.now();
  const tmp = `${file}.tmp-${process.pid}`;
  await write(createWriteStream(tmp));
  renameSync(tmp, file);
  log(`  fixture ${name}: ${(statSync(file).size / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return file;
}

function entity(i: number, r: () => number, depth: number) {
  const [lon, lat] = place(r);
  return { id: `S${i}`, name: `S${i}`, lon, lat, depth_cm: depth };
}

export interface IngestSpec {
  /** entities (hotspots) on the map */
  entities: number;
  /** entity updates per second of data time */
  rate: number;
  /** seconds of updates */
  seconds: number;
  /** messages per second (each carries rate / messagesPerSecond updates) */
  messagesPerSecond: number;
}

/** E entities at T0, then `rate` updates per second for `seconds` s, starting 1 s after T0. */
export async function ingestFixture(s: IngestSpec, log: (s: string) => void): Promise<string> {
  const name = `ingest-v${VERSION}-${s.entities}e-${s.rate}r-${s.seconds}s-${s.messagesPerSecond}m.ndjson`;
  await ensure(
    name,
    async (w) => {
      const out = new Out(w);
      const r = seeded(2000 + s.entities);
      let seq = 0;
      const pos: [number, number][] = [];
      for (let i = 0; i < s.entities; i += UPSERTS_PER_MESSAGE) {
        const upsert = [];
        for (let k = i; k < Math.min(s.entities, i + UPSERTS_PER_MESSAGE); k++) {
          const e = entity(k, r, 0);
          pos[k] = [e.lon, e.lat];
          upsert.push(e);
        }
        await out.line({ topic: 'hotspots', seq: ++seq, ts: T0, ...(i === 0 ? { snapshot: true } : {}), upsert });
      }
      const per = Math.max(1, Math.round(s.rate / s.messagesPerSecond));
      const total = s.rate * s.seconds;
      const msgs = Math.ceil(total / per);
      const step = 1000 / s.messagesPerSecond;
      for (let m = 0; m < msgs; m++) {
        const t = T0 + 1000 + Math.round(m * step);
        const upsert = [];
        const ids = new Set<number>();
        while (ids.size < Math.min(per, s.entities)) ids.add(Math.floor(r() * s.entities));
        for (const k of ids) upsert.push({ id: `S${k}`, name: `S${k}`, lon: pos[k][0], lat: pos[k][1], depth_cm: Math.round(r() * 90) });
        await out.line({ topic: 'hotspots', seq: ++seq, ts: t, upsert });
      }
      await out.end();
    },
    log,
  );
  return name;
}

/** Total entity updates (upserts after the initial snapshot) at or before data time t. */
export function ingestUpdatesUpTo(s: IngestSpec, t: number): number {
  const per = Math.max(1, Math.round(s.rate / s.messagesPerSecond));
  const msgs = Math.ceil((s.rate * s.seconds) / per);
  const step = 1000 / s.messagesPerSecond;
  if (t < T0 + 1000) return 0;
  const m = Math.min(msgs, Math.floor((t - T0 - 1000) / step) + 1);
  return m * Math.min(per, s.entities);
}

/** The repo's large synthetic timeline (2,000 moving probes + hotspots), n messages. */
export async function largeFixture(n: number, log: (s: string) => void): Promise<string> {
  // named after the generator's source: a change of the generator makes a new file
  const src = readFileSync(resolve(import.meta.dirname, '../../mock-data/generator/large.ts'));
  const name = `large-${createHash('sha1').update(src).digest('hex').slice(0, 8)}-${n}.ndjson`;
  await ensure(name, (w) => writeLargeTimeline(w, n), log);
  return name;
}

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

/** A MapLibre style with the background only: the cockpit without its basemap (diagnostics). */
export function backgroundStyle(): string {
  const name = 'style-background-only.json';
  mkdirSync(FIXTURES, { recursive: true });
  writeFileSync(join(FIXTURES, name), JSON.stringify({ version: 8, name: 'bench-background-only', sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#04101f' } }] }));
  return name;
}

/** The lines of a fixture file, numbered from 1 (what parseTimeline reads), streamed. */
export async function* numberedFileLines(file: string): AsyncIterable<{ counter: number; line: string }> {
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let counter = 0;
  for await (const line of rl) yield { counter: ++counter, line };
}
