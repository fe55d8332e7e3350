/**
 * Live-source pieces in Node against a real server (server/live.ts): backoff bounds,
 * SSE/WS/HTTP sources converging to the server's snapshot, gap → resync, the recorder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backoff } from './backoff';
import { Recorder } from './recorder';
import { HttpSource } from './HttpSource';
import { SseSource } from './SseSource';
import { TopicRegistry } from '../topics';
import { TableSet } from '../../store/tables';
import type { SourceSink, TopicStatus } from '../source';
import type { Reject } from '../wire';
import { startLiveServer } from '../../../server/live';
import { applyUrlParams, loadConfig } from '../../app/config';

describe('Backoff', () => {
  it('grows exponentially up to the cap, with full jitter, and resets', () => {
    const hi = new Backoff(500, 8000, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6].map(() => hi.next())).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    const lo = new Backoff(500, 8000, () => 0);
    expect(lo.next()).toBe(250); // never instant
    hi.reset();
    expect(hi.next()).toBe(500);
    const r = new Backoff(500, 8000);
    const spread = new Set(Array.from({ length: 50 }, () => (r.reset(), r.next())));
    expect(spread.size).toBeGreaterThan(10); // jitter: screens do not reconnect in lockstep
  });
});

describe('Recorder', () => {
  it('starts with a snapshot of every table, renumbers sequences and keeps time monotonic per topic', () => {
    const tables = new TableSet();
    tables.applyBatch([{ topic: 'a', seq: 40, t: 1000, upsert: [{ id: 'x', v: 1 }], delete: [], snapshot: false }]);
    const r = new Recorder();
    r.begin(tables, 2000);
    r.record([
      { topic: 'a', seq: 41, t: 1500, upsert: [{ id: 'x', v: 2 }], delete: [], snapshot: false },
      { topic: 'a', seq: 41, t: 3000, upsert: [{ id: 'y', v: 3 }], delete: ['x'], snapshot: true },
    ]);
    const lines = r.text().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((m) => [m.seq, m.ts, !!m.snapshot])).toEqual([
      [1, 2000, true],
      [2, 2000, false],
      [3, 3000, true],
    ]);
    expect(lines[0].upsert).toEqual([{ id: 'x', v: 1 }]);
  });
});

describe('configuration', () => {
  it('never takes credentials from the URL', async () => {
    const { merged } = applyUrlParams({ source: { token: 'from-file' } }, new URLSearchParams('token=evil&source=sse'));
    expect((merged.source as { token: string }).token).toBe('from-file');
    const r = await loadConfig('http://127.0.0.1:9/none.json', '?password=x&source=sse&url=/api/stream');
    expect(r.problems.join()).toMatch(/credentials belong in config\.json/);
    expect(r.config.source.password).toBeUndefined();
  });
});

describe('sources against the reference server', () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  beforeAll(async () => {
    server = await startLiveServer({ port: 0, speed: 600, quiet: true, faults: true, token: 's3cret', fixture: 'rainstorm-2021-07-20' });
  }, 120_000);
  afterAll(() => server?.close());

  function sink() {
    const tables = new TableSet();
    const got = { statuses: [] as TopicStatus[], rejects: [] as Reject[] };
    const s: SourceSink = {
      deltas: (b) => tables.applyBatch(b),
      status: (t, st) => t === '*' && got.statuses.push(st),
      reject: (r) => got.rejects.push(r),
      counts: () => {},
    };
    return { tables, got, s };
  }

  const equalToServer = (tables: TableSet) =>
    JSON.stringify(server.city.entities('hotspots').map((e) => [e.id, e.depth_cm]).sort()) ===
    JSON.stringify(tables.table('hotspots').rows.map((e) => [e.id, e.depth_cm]).sort());

  async function until(cond: () => boolean, ms = 20_000) {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('SSE with a bearer token converges to the server, and a gap triggers a resync', async () => {
    const { tables, got, s } = sink();
    const src = new SseSource({ url: `${server.base}/api/stream`, token: 's3cret' }, new TopicRegistry());
    await src.start(s);
    expect(got.statuses.at(-1)?.state).toBe('live');
    await until(() => equalToServer(tables) && tables.table('hotspots').length === 51);
    await fetch(`${server.base}/api/admin/reorder?n=1`, { method: 'POST' });
    await until(() => src.connections >= 1 && equalToServer(tables));
    src.stop();
  });

  it('a wrong token is an error with the reason, retried', async () => {
    const { got, s } = sink();
    const src = new SseSource({ url: `${server.base}/api/stream`, token: 'wrong', backoffMinMs: 50, backoffMaxMs: 100 }, new TopicRegistry());
    await src.start(s);
    await until(() => got.statuses.filter((x) => x.state === 'error').length >= 2);
    expect(got.statuses.find((x) => x.state === 'error')?.reason).toMatch(/401/);
    src.stop();
  });

  it('HTTP polling honours ETag / 304 and converges', async () => {
    const { tables, s } = sink();
    const src = new HttpSource({ url: `${server.base}/api/snapshot`, token: 's3cret', pollMs: 20 }, new TopicRegistry());
    await src.start(s);
    await until(() => src.notModified > 0 && src.polls > 5);
    await until(() => equalToServer(tables));
    src.stop();
  });
});
