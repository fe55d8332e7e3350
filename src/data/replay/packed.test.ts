import { describe, expect, it } from 'vitest';
import { PackedDeltas } from './packed';
import { KEYFRAME_STATE_FACTOR, ReplayLog } from './log';
import type { Delta } from '../wire';

const delta = (topic: string, seq: number, t: number, upsert: Record<string, unknown>[] = [], del: string[] = [], snapshot = false): Delta => ({
  topic,
  seq,
  t,
  upsert: upsert.map((e) => ({ id: String(e.id), ...e })),
  delete: del,
  snapshot,
});

describe('PackedDeltas', () => {
  it('gives back every delta as it was put in, across chunk boundaries and in any script', () => {
    const p = new PackedDeltas();
    const put: Delta[] = [];
    // ~9.6 MB of JSON: crosses the 8 MB chunk at least once
    for (let i = 0; i < 40_000; i++) {
      const d = delta(i % 3 ? 'hotspots' : 'reports', i, 1_626_710_400_000 + i * 1000, [
        { id: `H${i % 51}`, lon: 113.6 + i * 1e-7, lat: 34.7, depth_cm: i % 97, name: '陇海路京广路立交 🌧', text: 'x'.repeat(100), nested: { a: [1, 2, { b: null }] } },
      ], i % 7 ? [] : [`H${(i + 3) % 51}`], i % 1000 === 0);
      put.push(d);
      p.push(d);
    }
    expect(p.length).toBe(put.length);
    expect(p.byteSize()).toBeGreaterThan(8 << 20);
    for (const i of [0, 1, 2, 39_999, 20_000, 33_333, 12_345]) {
      expect(p.get(i)).toEqual(put[i]);
      expect(p.t(i)).toBe(put[i].t);
      expect(p.topic(i)).toBe(put[i].topic);
    }
    for (let i = 0; i < put.length; i += 997) expect(p.get(i)).toEqual(put[i]);
    expect(p.topics()).toEqual(['reports', 'hotspots']);
  });

  it('keeps a message larger than a chunk whole', () => {
    const p = new PackedDeltas();
    const big = delta('reports', 1, 1, [{ id: 'r1', text: '雨'.repeat(3_000_000) }]); // 9 MB of UTF-8
    p.push(delta('reports', 0, 0, [{ id: 'r0' }]));
    p.push(big);
    p.push(delta('reports', 2, 2, [{ id: 'r2' }]));
    expect(p.get(1)).toEqual(big);
    expect(p.get(0).upsert[0].id).toBe('r0');
    expect(p.get(2).upsert[0].id).toBe('r2');
  });

  it('reorders without decoding and keeps every message', () => {
    const p = new PackedDeltas();
    for (let i = 0; i < 10; i++) p.push(delta(`t${i % 2}`, i, 100 - i, [{ id: `e${i}`, v: i }]));
    const q = p.reorder([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(q.length).toBe(10);
    for (let k = 0; k < 10; k++) {
      expect(q.get(k)).toEqual(p.get(9 - k));
      expect(q.t(k)).toBe(p.t(9 - k));
      expect(q.topic(k)).toBe(p.topic(9 - k));
    }
    // the bytes are shared, not copied; either side may still be appended to on its own
    expect(q.byteSize()).toBeLessThan(p.byteSize() + 1024);
    p.push(delta('t0', 99, 0, [{ id: 'late', v: 1 }]));
    q.push(delta('t1', 98, 200, [{ id: 'new', v: 2 }]));
    expect(p.get(10).upsert[0].id).toBe('late');
    expect(q.get(10).upsert[0].id).toBe('new');
    for (let k = 0; k < 10; k++) expect(q.get(k)).toEqual(p.get(9 - k));
  });
});

describe('ReplayLog keyframes (packed)', () => {
  it('hold about 1 / KEYFRAME_STATE_FACTOR of the entities the log carries, and seeks stay exact', () => {
    // 500 entities, each message updates 5 of them: the state stays 500, the log grows
    const msgs: Delta[] = [];
    let seed = 9;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 20_000; i++) msgs.push(delta('probes', i + 1, i, Array.from({ length: 5 }, () => ({ id: `p${Math.floor(rnd() * 500)}`, v: i }))));
    const log = ReplayLog.of(msgs, 100);
    let keyed = 0;
    for (const k of log.keyframes) for (const [, , es] of JSON.parse(k.packed) as [string, number, unknown[]][]) keyed += es.length;
    // operations as the log counts them: one per message and one per entity upserted or deleted
    const ops = msgs.length * (1 + 5);
    expect(keyed).toBeLessThan((ops / KEYFRAME_STATE_FACTOR) * 1.05);
    expect(log.keyframes.length).toBeGreaterThan(20);
    // state at t equals the last value each entity was given at or before t
    for (const t of [0, 777, 12_345, 19_999]) {
      const ref = new Map<string, unknown>();
      for (const d of msgs) if (d.t <= t) for (const e of d.upsert) ref.set(e.id, e.v);
      const got = log.cursorAt(t).state.topics.get('probes')!;
      expect(new Map([...got].map(([id, e]) => [id, e.v]))).toEqual(ref);
    }
  });
});
