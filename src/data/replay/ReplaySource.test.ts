/**
 * The replay source end to end in Node: a real HTTP server serves a timeline file, the
 * real worker logic (worker-core) runs in-process behind a Worker-shaped adapter, and the
 * real ReplaySource drives it. Checks seek forward/backward, advance, coalescing, history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ReplaySource } from './ReplaySource';
import { createReplayWorker } from './worker-core';
import { entitySchema, TopicRegistry } from '../topics';
import type { FromWorker, ToWorker } from './protocol';
import type { SourceSink, TimelineInfo } from '../source';
import type { Delta, Reject } from '../wire';
import { TableSet } from '../../store/tables';

const registry = new TopicRegistry([{ topic: 'v', entity: entitySchema({ x: z.number() }), columns: ['x'] }]);

/** The worker logic behind the Worker interface, with asynchronous delivery like a thread. */
class InProcessWorker {
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  private readonly core = createReplayWorker(registry, (m) => setTimeout(() => this.onmessage?.({ data: structuredClone(m) } as MessageEvent<FromWorker>)));
  postMessage(m: ToWorker) {
    setTimeout(() => this.core.handle(structuredClone(m)));
  }
  terminate() {}
}

const T0 = Date.parse('2021-07-20T00:00:00+08:00');
const N = 3000;
let server: Server;
let base = '';
const lines: string[] = [];

beforeAll(async () => {
  // entity e<k> gets x = step at each step; e<k> is deleted at step 2000 if k is odd
  for (let i = 1; i <= N; i++) {
    const upsert = [{ id: `e${i % 40}`, x: i }];
    const msg: Record<string, unknown> = { topic: 'v', seq: i, ts: T0 + i * 1000, upsert };
    if (i === 2000) msg.delete = ['e39'];
    lines.push(JSON.stringify(msg));
  }
  lines.splice(100, 0, '{"topic":"v","seq":"bad"}');
  const body = lines.join('\n') + '\n';
  server = createServer((req, res) => {
    if (req.url === '/t.ndjson') {
      res.setHeader('content-type', 'application/x-ndjson');
      res.end(body);
    } else {
      res.statusCode = 404;
      res.end('nope');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function collect() {
  const tables = new TableSet((t) => registry.columns(t));
  const got: { info?: TimelineInfo; rejects: Reject[]; batches: number; states: string[] } = { rejects: [], batches: 0, states: [] };
  const sink: SourceSink = {
    deltas: (b: readonly Delta[]) => {
      got.batches++;
      tables.applyBatch(b);
    },
    status: (_t, s) => got.states.push(s.state),
    reject: (r) => got.rejects.push(r),
    counts: () => {},
    timeline: (i) => (got.info = i),
  };
  return { tables, got, sink };
}

/** x of entity e<k> at time t, from the file itself */
function expectedX(t: number, k: number): number | undefined {
  let x: number | undefined;
  for (let i = 1; i <= N; i++) {
    if (T0 + i * 1000 > t) break;
    if (i % 40 === k) x = i;
    if (i === 2000 && k === 39) x = undefined;
  }
  return x;
}

describe('ReplaySource', () => {
  it('loads a timeline over HTTP, counts lines, and seeks forward and backward', async () => {
    const { tables, got, sink } = collect();
    const src = new ReplaySource(`${base}/t.ndjson`, () => new InProcessWorker() as unknown as Worker);
    await src.start(sink);
    expect(got.info).toMatchObject({ lines: N + 1, accepted: N, rejected: 1, start: T0 + 1000, end: T0 + N * 1000 });
    expect(got.info!.keyframes).toBeGreaterThan(1);
    expect(got.rejects[0].where.line).toBe(101);
    expect(got.states).toContain('live');
    for (const t of [T0 + 2500_000, T0 + 500_000, T0 + 2999_000, T0 + 1_000]) {
      await src.seek(t);
      const table = tables.table('v');
      for (const k of [0, 1, 39]) expect(table.get(`e${k}`)?.x, `e${k} at ${t - T0}`).toBe(expectedX(t, k));
    }
    src.stop();
  });

  it('advanceTo emits exactly the deltas in (cursor, t] and coalesces requests', async () => {
    const { tables, got, sink } = collect();
    const src = new ReplaySource(`${base}/t.ndjson`, () => new InProcessWorker() as unknown as Worker);
    await src.start(sink);
    await src.seek(T0);
    const before = got.batches;
    // ten quick steps: at most a few round trips, state at the last target
    const steps = Array.from({ length: 10 }, (_, i) => src.advanceTo(T0 + (i + 1) * 100_000));
    await Promise.all(steps);
    expect(got.batches - before).toBeLessThan(10);
    expect(tables.table('v').get('e0')?.x).toBe(expectedX(T0 + 1_000_000, 0));
    // a backward target is a seek
    await src.advanceTo(T0 + 50_000);
    expect(tables.table('v').get('e10')?.x).toBe(expectedX(T0 + 50_000, 10));
    src.stop();
  });

  it('a seek drops a queued forward step', async () => {
    const { tables, sink } = collect();
    const src = new ReplaySource(`${base}/t.ndjson`, () => new InProcessWorker() as unknown as Worker);
    await src.start(sink);
    void src.advanceTo(T0 + 100_000);
    void src.advanceTo(T0 + 2_900_000); // queued
    await src.seek(T0 + 200_000);
    await new Promise((r) => setTimeout(r, 30));
    expect(tables.table('v').get('e0')?.x).toBe(expectedX(T0 + 200_000, 0));
    src.stop();
  });

  it('answers history queries from the whole log', async () => {
    const { sink } = collect();
    const src = new ReplaySource(`${base}/t.ndjson`, () => new InProcessWorker() as unknown as Worker);
    await src.start(sink);
    const h = await src.history({ topic: 'v', id: 'e5', fields: ['x'] });
    expect(h.t.length).toBe(N / 40);
    expect(h.values.x.slice(0, 3)).toEqual([5, 45, 85]);
    const part = await src.history({ topic: 'v', id: 'e39', fields: ['x'], from: T0 + 1_990_000, to: T0 + 2_010_000 });
    expect(part.values.x).toContain(null); // the delete at step 2000
    src.stop();
  });

  it('reports a timeline that cannot be loaded', async () => {
    const { got, sink } = collect();
    const src = new ReplaySource(`${base}/missing.ndjson`, () => new InProcessWorker() as unknown as Worker);
    await expect(src.start(sink)).rejects.toThrow(/404/);
    expect(got.states).toContain('error');
  });
});
