/**
 * Property-based fuzzing of every source's parser and of the store (fast-check).
 *
 * Per source, RUNS × PER_RUN generated messages (10,000) — wrong types, missing fields,
 * huge strings and arrays, deep nesting, non-finite numbers, out-of-range coordinates,
 * duplicate and reordered sequences, far past and future times, unknown topics, oversized
 * messages, mixed with valid ones (src/data/fuzz-model.ts) — go through the real parser:
 *   replay  NDJSON bytes in random chunks → loaders.gl line iterators → parseTimeline
 *   sse     an event stream in random chunks (CR / LF / CRLF, comments, multi-line data,
 *           heartbeats) → SseParser → SseSource
 *   ws      text frames, single or batched as JSON arrays → WsSource.onFrame
 *   http    snapshot answers of random size → HttpSource.parse
 *   mqtt    payloads on cockpit/<topic> (topic field sometimes omitted, or a mapped MQTT
 *           topic) → MqttSource.onMessage
 * Each must be accepted or rejected with a diagnostic exactly as the model says, nothing
 * may throw, and the entity tables fed the accepted deltas must equal the model.
 * Set FUZZ_SEED to replay a failing run; the per-class tally is written to
 * test-results/fuzz-report.json.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { makeLineIterator, makeNumberedLineIterator, makeTextDecoderIterator } from '@loaders.gl/core';
import { createTopicRegistry } from '../../layers/topics';
import { TableSet } from '../store/tables';
import { parseTimeline } from './replay/parse';
import { SseParser, SseSource } from './live/SseSource';
import { WsSource } from './live/WsSource';
import { HttpSource } from './live/HttpSource';
import { MqttSource } from './live/MqttSource';
import type { SourceSink } from './source';
import type { TopicCounts } from './edge';
import type { Delta, Reject } from './wire';
import { genericEntity } from './topics';
import { opArb, realize, REJECT_CLASSES, type Case, type Mode, type ModelState, type Op, type Realized } from './fuzz-model';

const RUNS = 4;
const PER_RUN = 2_500;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const registry = createTopicRegistry();
const columnsOf = (t: string) => registry.columns(t);

interface Tally {
  messages: number;
  accepted: number;
  rejected: number;
  byClass: Record<string, number>;
}
const report: Partial<Record<Mode, Tally>> = {};

function record(mode: Mode, cases: readonly Case[]): void {
  const t = (report[mode] ??= { messages: 0, accepted: 0, rejected: 0, byClass: {} });
  for (const c of cases) {
    t.messages++;
    if (c.ok) t.accepted++;
    else t.rejected++;
    t.byClass[c.cls] = (t.byClass[c.cls] ?? 0) + 1;
  }
}

/** A small deterministic PRNG for the transport's choices (chunk sizes, line ends). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The reasons some classes must give (the others: any non-empty diagnostic). */
const REASON: Partial<Record<string, RegExp>> = {
  'malformed-json': /malformed JSON/,
  oversized: /too large/,
  'seq-duplicate': /seq: duplicate/,
  'seq-out-of-order': /seq: out-of-order/,
  'time-backwards': /time goes backwards/,
  'duplicate-id': /duplicate id/,
  'bad-topic': /topic/,
  'bad-time': /ts/,
};

/** The entity tables equal the model: ids, rows, positions and numeric columns. */
function expectStore(tables: TableSet, model: ModelState): void {
  for (const topic of new Set([...model.keys(), ...tables.topics()])) {
    const want = model.get(topic) ?? new Map();
    const table = tables.has(topic) ? tables.table(topic) : null;
    const ids = table ? [...table.ids] : [];
    expect(ids.sort(), `ids of ${topic}`).toEqual([...want.keys()].sort());
    if (!table) continue;
    for (const [id, e] of want) {
      const row = table.rowOf(id)!;
      expect(table.rows[row], `${topic}/${id}`).toEqual(e);
      const lon = typeof e.lon === 'number' ? e.lon : NaN;
      const lat = typeof e.lat === 'number' ? e.lat : NaN;
      expect([table.positions[2 * row], table.positions[2 * row + 1]]).toEqual([lon, lat]);
      for (const c of table.columnNames) {
        const v = e[c];
        expect(table.columns[c][row]).toEqual(typeof v === 'number' ? Math.fround(v) : NaN);
      }
    }
  }
}

/** Applies deltas to fresh tables in frame-like batches of random size. */
function tablesFrom(deltas: readonly Delta[], next: () => number): TableSet {
  const tables = new TableSet(columnsOf);
  for (let i = 0; i < deltas.length; ) {
    const n = 1 + Math.floor(next() * 40);
    tables.applyBatch(deltas.slice(i, i + n));
    i += n;
  }
  return tables;
}

function expectGaps(counts: Record<string, TopicCounts>, r: Realized): void {
  for (const [topic, gaps] of r.gaps) expect(counts[topic]?.gaps, `gaps of ${topic}`).toBe(gaps);
}

/** A sink that records, in order, whether each message was accepted or rejected. */
function recordingSink() {
  const out = { verdicts: [] as boolean[], deltas: [] as Delta[], rejects: [] as Reject[], counts: {} as Record<string, TopicCounts> };
  const sink: SourceSink = {
    deltas: (b) => {
      for (const d of b) {
        out.verdicts.push(true);
        out.deltas.push(d);
      }
    },
    reject: (r) => {
      out.verdicts.push(false);
      out.rejects.push(r);
    },
    status: () => {},
    counts: (c) => (out.counts = c),
  };
  return { out, sink };
}

/** Verdicts in order equal the model's; every reject has a diagnostic (and the expected reason). */
function expectVerdicts(cases: readonly Case[], verdicts: readonly boolean[], rejects: readonly Reject[]): void {
  expect(verdicts.length).toBe(cases.length);
  const firstWrong = cases.findIndex((c, i) => c.ok !== verdicts[i]);
  if (firstWrong >= 0) {
    const c = cases[firstWrong];
    expect.fail(`message ${firstWrong} (${c.cls}) should be ${c.ok ? 'accepted' : 'rejected'}: ${c.text.slice(0, 300)}`);
  }
  let k = 0;
  for (const c of cases) {
    if (c.ok) continue;
    const r = rejects[k++];
    expect(r.reason.length, `${c.cls} diagnostic`).toBeGreaterThan(0);
    const re = REASON[c.cls];
    if (re) expect(r.reason, `${c.cls}: ${c.text.slice(0, 200)}`).toMatch(re);
  }
}

// the sources under test, with a sink attached and no transport opened
class FuzzSse extends SseSource {
  attach(s: SourceSink) {
    this.sink = s;
  }
}
class FuzzWs extends WsSource {
  attach(s: SourceSink) {
    this.sink = s;
  }
}
class FuzzHttp extends HttpSource {
  attach(s: SourceSink) {
    this.sink = s;
  }
}
class FuzzMqtt extends MqttSource {
  attach(s: SourceSink) {
    this.sink = s;
  }
}

const ops = fc.array(opArb, { minLength: PER_RUN, maxLength: PER_RUN });
const seedUsed = SEED ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff));
/**
 * The runs' operation lists, generated once and realized for every source (generating them
 * costs as much as checking them): each source still gets RUNS × PER_RUN messages of its own.
 */
let shared: [Op[], number][] | null = null;
const runs = () => (shared ??= fc.sample(fc.tuple(ops, fc.integer()), { numRuns: RUNS, seed: seedUsed }));

/** Runs the check on every run's operations; a failure names the seed to replay it with (the value itself is megabytes). */
async function check(body: (list: Op[], seed: number) => void | Promise<void>): Promise<void> {
  for (const [i, [list, seed]] of runs().entries()) {
    try {
      await body(list, seed);
    } catch (err) {
      throw new Error(`fuzz failed in run ${i} (replay with FUZZ_SEED=${seedUsed}): ${(err as Error).message}`, { cause: err });
    }
  }
}

describe('fuzzing every parser and the store', () => {
  it('replay: NDJSON bytes in random chunks through the loaders.gl line iterators and the edge', async () => {
    await check(
      async (list, seed) => {
        const r = realize(list, 'replay');
        const next = rng(seed);
        const enc = new TextEncoder();
        async function* chunks(): AsyncIterable<ArrayBuffer> {
          for (const c of r.cases) {
            const bytes = enc.encode(c.text + (next() < 0.2 ? '\r\n' : '\n'));
            for (let i = 0; i < bytes.length; ) {
              const n = bytes.length > 65536 ? bytes.length : 1 + Math.floor(next() * 3000);
              yield bytes.slice(i, i + n).buffer;
              i += n;
            }
          }
        }
        const lines = makeNumberedLineIterator(makeLineIterator(makeTextDecoderIterator(chunks())));
        const all: Reject[] = [];
        const parsed = await parseTimeline(lines as AsyncIterable<{ counter: number; line: string }>, registry, undefined, (x) => all.push(x));
        expect(parsed.info.lines).toBe(r.cases.length);
        // each rejected line is the model's: verdicts by line number
        const verdicts = r.cases.map(() => true);
        for (const x of all) verdicts[x.where.line! - 1] = false;
        expectVerdicts(r.cases, verdicts, all);
        expect(parsed.info.accepted).toBe(r.cases.filter((c) => c.ok).length);
        expectGaps(parsed.counts, r);
        const tables = tablesFrom(parsed.log.cursorAt(parsed.log.end).snapshot(), next);
        expectStore(tables, r.model);
        record('replay', r.cases);
      },
    );
  }, 120_000);

  it('sse: an event stream split anywhere, any line end, comments and heartbeats', async () => {
    await check(
      async (list, seed) => {
        const r = realize(list, 'sse');
        const next = rng(seed);
        const src = new FuzzSse({ url: 'fuzz:sse' }, registry);
        const { out, sink } = recordingSink();
        src.attach(sink);
        const parser = src.parser();
        const eols = ['\n', '\r\n', '\r'];
        const eol = () => eols[Math.floor(next() * 3)];
        let pending = '';
        const flush = (force: boolean) => {
          // cut what is buffered into chunks of random size
          while (pending.length && (force || pending.length > 4096)) {
            const n = pending.length > 65536 ? pending.length : 1 + Math.floor(next() * 300);
            parser.push(pending.slice(0, n));
            pending = pending.slice(n);
          }
        };
        for (const c of r.cases) {
          // one line end per block: a CR then an LF would be one CRLF, not two line ends
          const e = eol();
          const p = next();
          if (p < 0.05) pending += `: keep-alive${e}`;
          else if (p < 0.08) pending += `event: heartbeat${e}data: {"seqs":{}}${e}${e}`;
          else if (p < 0.1) pending += `event: heartbeat${e}data: not json${e}${e}`;
          if (next() < 0.1) pending += `id: ${Math.floor(next() * 1e6)}${e}retry: 1000${e}`;
          if (next() < 0.1) pending += `event: message${e}`;
          // a message split over two data lines (JSON allows the newline between tokens)
          if (c.text.startsWith('{') && c.text.length > 2 && next() < 0.15) pending += `data: {${e}data: ${c.text.slice(1)}${e}${e}`;
          else pending += `data: ${c.text}${e}${e}`;
          flush(false);
        }
        flush(true);
        parser.push('\n'); // a CR at the very end waits for the next chunk
        expectVerdicts(r.cases, out.verdicts, out.rejects);
        expectStore(tablesFrom(out.deltas, next), r.model);
        record('sse', r.cases);
      },
    );
  }, 120_000);

  it('ws: frames of one message or JSON arrays of messages', async () => {
    await check(
      async (list, seed) => {
        const r = realize(list, 'ws');
        const next = rng(seed);
        const src = new FuzzWs({ url: 'fuzz:ws' }, registry);
        const { out, sink } = recordingSink();
        src.attach(sink);
        let batch: string[] = [];
        const send = () => {
          if (batch.length) src.onFrame(`[${batch.join(',')}]`);
          batch = [];
        };
        for (const c of r.cases) {
          let parses = c.text.length < 1_000_000;
          try {
            if (parses) JSON.parse(c.text);
          } catch {
            parses = false;
          }
          if (parses && next() < 0.3) {
            batch.push(c.text);
            if (batch.length >= 1 + next() * 8) send();
          } else {
            send();
            src.onFrame(c.text);
          }
        }
        send();
        await Promise.resolve();
        expectVerdicts(r.cases, out.verdicts, out.rejects);
        expectGaps(out.counts, r);
        expectStore(tablesFrom(out.deltas, next), r.model);
        record('ws', r.cases);
      },
    );
  }, 120_000);

  it('http: snapshot answers of any size, LF or CRLF', async () => {
    await check(
      async (list, seed) => {
        const r = realize(list, 'http');
        const next = rng(seed);
        const src = new FuzzHttp({ url: 'http://fuzz/api/snapshot' }, registry);
        const { out, sink } = recordingSink();
        src.attach(sink);
        const deltas: Delta[] = [];
        for (let i = 0; i < r.cases.length; ) {
          const group = r.cases.slice(i, i + 1 + Math.floor(next() * 30));
          i += group.length;
          const before = out.rejects.length;
          const got = src.parse(group.map((c) => c.text).join(next() < 0.3 ? '\r\n' : '\n') + (next() < 0.5 ? '\n\n' : ''), true);
          // this answer's deltas are its valid messages, in order; its rejects the others
          expect(got.length).toBe(group.filter((c) => c.ok).length);
          expect(out.rejects.length - before).toBe(group.filter((c) => !c.ok).length);
          for (const c of group) out.verdicts.push(c.ok);
          deltas.push(...got);
        }
        expectVerdicts(r.cases, r.cases.map((c) => c.ok), out.rejects);
        expectStore(tablesFrom(deltas, next), r.model);
        record('http', r.cases);
      },
    );
  }, 120_000);

  it('mqtt: payloads on cockpit/<topic> or a mapped topic, topic field optional', async () => {
    await check(
      async (list, seed) => {
        const r = realize(list, 'mqtt');
        const next = rng(seed);
        const src = new FuzzMqtt({ url: 'mqtt://fuzz', topicMap: { 'city/flood/depth': 'hotspots' } }, registry);
        const { out, sink } = recordingSink();
        src.attach(sink);
        for (const c of r.cases) {
          let text = c.text;
          let mqttTopic = c.mqttTopic;
          if (c.ok && next() < 0.3) {
            // a feed that leaves the topic to the MQTT topic
            const m = JSON.parse(text) as Record<string, unknown>;
            delete m.topic;
            text = JSON.stringify(m);
          }
          if (c.ok && mqttTopic === 'cockpit/hotspots' && next() < 0.3) mqttTopic = 'city/flood/depth';
          if (next() < 0.02) src.onMessage('cockpit/_heartbeat', Buffer.from('{"seqs":{}}'));
          src.onMessage(mqttTopic, next() < 0.5 ? Buffer.from(text) : text);
        }
        await Promise.resolve();
        expectVerdicts(r.cases, out.verdicts, out.rejects);
        expectGaps(out.counts, r);
        expectStore(tablesFrom(out.deltas, next), r.model);
        record('mqtt', r.cases);
      },
    );
  }, 120_000);

  afterAll(() => {
    const lines = [`fuzz: messages per source and class (${RUNS} runs × ${PER_RUN})`];
    for (const [mode, t] of Object.entries(report)) {
      lines.push(`  ${mode}: ${t.messages} messages, ${t.accepted} accepted, ${t.rejected} rejected`);
      lines.push(`    rejected by class: ${REJECT_CLASSES.filter((c) => t.byClass[c]).map((c) => `${c} ${t.byClass[c]}`).join(', ')}`);
    }
    console.log(lines.join('\n'));
    try {
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/fuzz-report.json', JSON.stringify(report, null, 1));
    } catch {
      /* the report is a convenience */
    }
  });
});

describe('hostile details', () => {
  it('prototype names as ids and field names pollute nothing', () => {
    const src = new FuzzWs({ url: 'fuzz:ws' }, registry);
    const { out, sink } = recordingSink();
    src.attach(sink);
    src.onFrame('{"topic":"fuzz.a","seq":1,"ts":0,"upsert":[{"id":"__proto__","__proto__":{"polluted":1},"constructor":{"prototype":1}}]}');
    expect(out.verdicts).toEqual([true]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const tables = tablesFrom(out.deltas, rng(1));
    expect(tables.table('fuzz.a').get('__proto__')).toBeDefined();
    expect(Object.getPrototypeOf(genericEntity.parse({ id: 'a' }))).toBe(Object.prototype);
  });

  it('an SSE event or line over the limit is dropped with a diagnostic and the stream goes on', () => {
    const drops: number[] = [];
    const events: string[] = [];
    const p = new SseParser((e) => events.push(e.data), (n) => drops.push(n), 100);
    p.push(`data: ${'x'.repeat(150)}`); // a runaway line, no end yet
    p.push(`${'y'.repeat(50)}\n\ndata: ok1\n\n`);
    p.push(`data: ${'a'.repeat(60)}\ndata: ${'b'.repeat(60)}\n\ndata: ok2\r\n\r\n`);
    expect(events).toEqual(['ok1', 'ok2']);
    expect(drops.length).toBe(2);
  });

  it('MQTT: a payload naming another topic than its MQTT topic is rejected', () => {
    const src = new FuzzMqtt({ url: 'mqtt://x' }, registry);
    const { out, sink } = recordingSink();
    src.attach(sink);
    src.onMessage('cockpit/fuzz.a', Buffer.from('{"topic":"hotspots","seq":1,"ts":0,"upsert":[]}'));
    src.onMessage('cockpit/fuzz.a', Buffer.from('{"seq":1,"ts":0,"upsert":[{"id":"a"}]}'));
    expect(out.verdicts).toEqual([false, true]);
    expect(out.rejects[0].reason).toMatch(/names topic "hotspots" but came on MQTT topic cockpit\/fuzz\.a/);
    expect(out.deltas[0].topic).toBe('fuzz.a');
  });

  it('a rejected snapshot does not restart a live topic’s sequence', () => {
    const src = new FuzzWs({ url: 'fuzz:ws' }, registry);
    const { out, sink } = recordingSink();
    src.attach(sink);
    src.onFrame('{"topic":"fuzz.a","seq":5,"ts":0,"upsert":[{"id":"a"}]}');
    src.onFrame('{"topic":"fuzz.a","seq":1,"ts":0,"snapshot":true,"upsert":[{"id":""}]}'); // invalid
    src.onFrame('{"topic":"fuzz.a","seq":3,"ts":0,"upsert":[{"id":"b"}]}'); // an old message: still rejected
    src.onFrame('{"topic":"fuzz.a","seq":1,"ts":0,"snapshot":true,"upsert":[{"id":"c"}]}'); // a valid restart
    expect(out.verdicts).toEqual([true, false, false, true]);
  });
});
