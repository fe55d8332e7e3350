import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Edge, UNKNOWN_TOPIC } from './edge';
import { entitySchema, TopicRegistry } from './topics';

const registry = new TopicRegistry([
  { topic: 'hotspots', entity: entitySchema({ depth_cm: z.number().min(0).max(10_000).optional() }), columns: ['depth_cm'] },
]);
const msg = (o: Record<string, unknown>) => JSON.stringify({ topic: 'hotspots', seq: 1, ts: '2021-07-20T16:00:00+08:00', ...o });

describe('edge validation', () => {
  it('accepts the documented example and normalises time to epoch ms', () => {
    const edge = new Edge(registry);
    const r = edge.acceptText(
      '{"topic":"hotspots","seq":17,"ts":"2021-07-20T16:00:00+08:00","upsert":[{"id":"H07","lon":113.62,"lat":34.75,"depth_cm":31}],"delete":["H09"]}',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.delta.t).toBe(Date.UTC(2021, 6, 20, 8, 0, 0));
    expect(r.delta.upsert[0]).toEqual({ id: 'H07', lon: 113.62, lat: 34.75, depth_cm: 31 });
    expect(r.delta.delete).toEqual(['H09']);
    expect(r.delta.snapshot).toBe(false);
    expect(edge.countsOf('hotspots').accepted).toBe(1);
  });

  it('accepts epoch milliseconds and snapshot messages', () => {
    const r = new Edge(registry).acceptText(JSON.stringify({ topic: 'hotspots', seq: 0, ts: 1626768000000, snapshot: true, upsert: [] }));
    expect(r.ok && r.delta.t).toBe(1626768000000);
    expect(r.ok && r.delta.snapshot).toBe(true);
  });

  const bad: [string, string, RegExp][] = [
    ['malformed JSON', '{"topic":"hotspots",', /malformed JSON/],
    ['wrong type in entity field', msg({ upsert: [{ id: 'H1', depth_cm: 'deep' }] }), /upsert\[0\]\.depth_cm/],
    ['lon out of range', msg({ upsert: [{ id: 'H1', lon: 213.6, lat: 34.7 }] }), /upsert\[0\]\.lon/],
    ['lat without lon', msg({ upsert: [{ id: 'H1', lat: 34.7 }] }), /lon and lat come together/],
    ['time without offset', msg({ ts: '2021-07-20T16:00:00' }), /^ts: .*offset/],
    ['missing seq', JSON.stringify({ topic: 'hotspots', ts: 1 }), /^seq/],
    ['negative seq', msg({ seq: -1 }), /^seq/],
    ['bad topic name', msg({ topic: 'Hot Spots!' }), /^topic/],
    ['unknown envelope key', msg({ upsrt: [] }), /upsrt/],
    ['empty id', msg({ upsert: [{ id: '' }] }), /upsert\[0\]\.id/],
    ['duplicate id in one message', msg({ upsert: [{ id: 'a' }, { id: 'a' }] }), /duplicate id/],
    ['NaN-like string number', '{"topic":"hotspots","seq":1,"ts":"x"}', /^ts/],
    ['array instead of object', '[1,2,3]', /expected object/i],
  ];
  for (const [name, text, reason] of bad) {
    it(`rejects ${name} with a diagnostic`, () => {
      const edge = new Edge(registry);
      const r = edge.acceptText(text, { line: 7 });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.reject.reason).toMatch(reason);
      expect(r.reject.where.line).toBe(7);
      expect(r.reject.sample).toBeTypeOf('string');
      const counted = [...edge.counts.values()].reduce((a, c) => a + c.rejected, 0);
      expect(counted).toBe(1);
    });
  }

  it('counts rejects of unparseable input under the unknown topic', () => {
    const edge = new Edge(registry);
    edge.acceptText('not json');
    expect(edge.countsOf(UNKNOWN_TOPIC).rejected).toBe(1);
  });

  it('keeps topics no layer declares, with generic entities', () => {
    const edge = new Edge(registry);
    const r = edge.acceptText(JSON.stringify({ topic: 'air-quality', seq: 1, ts: 0, upsert: [{ id: 's1', lon: 113.6, lat: 34.7, pm25: 35, name: '站点' }] }));
    expect(r.ok).toBe(true);
    const r2 = edge.acceptText(JSON.stringify({ topic: 'air-quality', seq: 2, ts: 0, upsert: [{ id: 's1', nested: { deep: { x: 1 } } }] }));
    expect(r2.ok).toBe(false);
  });

  it('rejects duplicate and out-of-order sequence numbers and counts gaps', () => {
    const edge = new Edge(registry);
    const seqs = [1, 2, 2, 1, 5, 6];
    const ok = seqs.map((seq) => edge.acceptText(msg({ seq })).ok);
    expect(ok).toEqual([true, true, false, false, true, true]);
    const c = edge.countsOf('hotspots');
    expect(c).toMatchObject({ accepted: 4, rejected: 2, gaps: 1, missing: 2, lastSeq: 6 });
    expect(c.lastError).toMatch(/out-of-order/);
  });

  it('sequences are per topic', () => {
    const edge = new Edge(registry);
    expect(edge.acceptText(msg({ seq: 5 })).ok).toBe(true);
    expect(edge.acceptText(msg({ topic: 'other', seq: 1 })).ok).toBe(true);
  });

  it('in timeline mode rejects time going backwards within a topic', () => {
    const edge = new Edge(registry, { monotonicTime: true });
    expect(edge.acceptText(msg({ seq: 1, ts: 2000 })).ok).toBe(true);
    const r = edge.acceptText(msg({ seq: 2, ts: 1000 }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reject.reason).toMatch(/backwards/);
    // the next valid message still goes on from seq 1
    expect(edge.acceptText(msg({ seq: 3, ts: 3000 })).ok).toBe(true);
  });
});

describe('stateful topic checks', () => {
  const reg = new TopicRegistry([
    {
      topic: 'parks',
      entity: entitySchema({ capacity: z.number().int().min(0), free: z.number().int().min(0) }),
      closedSet: true,
      check: (e, prev) => (prev && prev.capacity !== e.capacity ? 'capacity changed' : (e.free as number) > (e.capacity as number) ? 'free exceeds capacity' : null),
    },
  ]);
  const m = (seq: number, o: Record<string, unknown>) => JSON.stringify({ topic: 'parks', seq, ts: seq * 1000, ...o });

  it('rejects unknown ids and failed checks, and keeps state only from accepted messages', () => {
    const edge = new Edge(reg);
    expect(edge.acceptText(m(1, { upsert: [{ id: 'a', capacity: 10, free: 3 }] })).ok).toBe(false); // no snapshot yet
    expect(edge.acceptText(m(2, { snapshot: true, upsert: [{ id: 'a', capacity: 10, free: 3 }, { id: 'b', capacity: 5, free: 5 }] })).ok).toBe(true);
    const unknown = edge.acceptText(m(3, { upsert: [{ id: 'zz', capacity: 1, free: 0 }] }));
    expect(!unknown.ok && unknown.reject.reason).toMatch(/unknown id "zz"/);
    const over = edge.acceptText(m(4, { upsert: [{ id: 'a', capacity: 10, free: 11 }] }));
    expect(!over.ok && over.reject.reason).toMatch(/free exceeds capacity/);
    const cap = edge.acceptText(m(5, { upsert: [{ id: 'a', capacity: 12, free: 1 }] }));
    expect(!cap.ok && cap.reject.reason).toMatch(/capacity changed/);
    expect(edge.acceptText(m(6, { upsert: [{ id: 'a', capacity: 10, free: 0 }], delete: ['b'] })).ok).toBe(true);
    const gone = edge.acceptText(m(7, { upsert: [{ id: 'b', capacity: 5, free: 1 }] }));
    expect(!gone.ok && gone.reject.reason).toMatch(/unknown id "b"/);
    expect(edge.acceptText(m(8, { delete: ['nope'] })).ok).toBe(false);
    expect(edge.countsOf('parks')).toMatchObject({ accepted: 2, rejected: 6 });
  });
});
