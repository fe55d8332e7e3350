import { describe, expect, it } from 'vitest';
import type { Delta } from '../wire';
import { ReplayLog, ReplayLogBuilder, type State } from './log';

function delta(topic: string, seq: number, t: number, upsert: [string, number][], del: string[] = [], snapshot = false): Delta {
  return { topic, seq, t, upsert: upsert.map(([id, v]) => ({ id, v })), delete: del, snapshot };
}

/** reference: apply every message with time ≤ t from scratch */
function reference(msgs: Delta[], t: number): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const d of [...msgs].sort((a, b) => a.t - b.t)) {
    if (d.t > t) break;
    const m = (out[d.topic] ??= {});
    if (d.snapshot) for (const k of Object.keys(m)) delete m[k];
    for (const id of d.delete) delete m[id];
    for (const e of d.upsert) m[e.id] = e.v;
  }
  return out;
}

function plain(s: State): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [topic, m] of s.topics) {
    out[topic] = {};
    for (const [id, e] of m) out[topic][id] = e.v;
  }
  return out;
}

function randomLog(n: number, seed = 1): Delta[] {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const msgs: Delta[] = [];
  const seq: Record<string, number> = {};
  let t = 1000;
  for (let i = 0; i < n; i++) {
    t += Math.floor(rnd() * 3); // repeated times happen
    const topic = rnd() < 0.5 ? 'a' : 'b';
    seq[topic] = (seq[topic] ?? 0) + 1;
    const ups: [string, number][] = [];
    for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) ups.push([`e${Math.floor(rnd() * 50)}`, i]);
    const dels = rnd() < 0.2 ? [`e${Math.floor(rnd() * 50)}`] : [];
    msgs.push(delta(topic, seq[topic], t, [...new Map(ups)].map(([k, v]) => [k, v]), dels, rnd() < 0.01));
  }
  return msgs;
}

describe('ReplayLog', () => {
  it('state at any time equals replaying from the start (keyframes are invisible)', () => {
    const msgs = randomLog(5000);
    const log = ReplayLog.of(msgs, 100);
    expect(log.keyframes.length).toBeGreaterThan(10);
    for (const t of [0, 1000, 1001, 2500, 4000, log.end - 1, log.end, log.end + 10]) {
      const c = log.cursorAt(t);
      const ref = reference(msgs, t);
      const got = plain(c.state);
      for (const topic of ['a', 'b']) expect(got[topic] ?? {}).toEqual(ref[topic] ?? {});
    }
  });

  it('advancing a cursor forward equals seeking there', () => {
    const msgs = randomLog(3000, 7);
    const log = ReplayLog.of(msgs, 100);
    const c = log.cursorAt(log.start);
    let applied = 0;
    for (let t = log.start; t <= log.end; t += 137) applied += c.advanceTo(t).length;
    c.advanceTo(log.end);
    expect(plain(c.state)).toEqual(plain(log.cursorAt(log.end).state));
    expect(c.index).toBe(msgs.length);
    expect(applied).toBeGreaterThan(0);
  });

  it('snapshot lists every topic of the timeline, empty ones too', () => {
    const log = ReplayLog.of([delta('a', 1, 10, [['x', 1]]), delta('b', 1, 20, [['y', 2]])]);
    const snap = log.cursorAt(15).snapshot();
    expect(snap.map((d) => [d.topic, d.upsert.length, d.snapshot])).toEqual([
      ['a', 1, true],
      ['b', 0, true],
    ]);
  });

  it('sorts by time stably when the file is not in time order', () => {
    const log = ReplayLog.of([delta('a', 1, 20, [['x', 1]]), delta('b', 1, 10, [['y', 2]]), delta('a', 2, 20, [['x', 3]])]);
    expect(Array.from({ length: log.length }, (_, i) => log.message(i)).map((d) => `${d.topic}${d.seq}`)).toEqual(['b1', 'a1', 'a2']);
    expect(plain(log.cursorAt(20).state).a).toEqual({ x: 3 });
  });

  it('a file out of time order within the reorder window is keyed as it is read; beyond it, sorted at the end; both exact', () => {
    // two topics merged with jitter: b's times are rounded down to 10, a's are exact
    const msgs = randomLog(6000, 11).map((d) => (d.topic === 'b' ? { ...d, t: d.t - (d.t % 10) } : d));
    let back = 0;
    for (let i = 1; i < msgs.length; i++) if (msgs[i].t < msgs[i - 1].t) back++;
    expect(back).toBeGreaterThan(100); // really out of order
    for (const windowSize of [64, 1]) {
      const b = new ReplayLogBuilder(100, windowSize);
      for (const d of msgs) b.add(d);
      expect(b.inOrder, `window ${windowSize}`).toBe(windowSize === 64);
      const log = b.finish();
      expect(log.length).toBe(msgs.length);
      for (let i = 1; i < log.length; i++) expect(log.timeOf(i)).toBeGreaterThanOrEqual(log.timeOf(i - 1));
      // per-topic order kept (sequence numbers increase)
      const last: Record<string, number> = {};
      for (let i = 0; i < log.length; i++) {
        const d = log.message(i);
        expect(d.seq).toBeGreaterThan(last[d.topic] ?? 0);
        last[d.topic] = d.seq;
      }
      for (const t of [1000, 2000, 3333, log.end - 5, log.end]) {
        const ref = reference(msgs, t);
        const got = plain(log.cursorAt(t).state);
        for (const topic of ['a', 'b']) expect(got[topic] ?? {}, `window ${windowSize} t ${t}`).toEqual(ref[topic] ?? {});
      }
    }
  });

  it('keyframe spacing bounds seek work: ops between keyframes about the state size', () => {
    const msgs = randomLog(20000, 3);
    const log = ReplayLog.of(msgs, 500);
    for (let i = 1; i < log.keyframes.length; i++) {
      const span = log.keyframes[i].index - log.keyframes[i - 1].index;
      // at least 500 ops, each message is ≥ 2 ops: never more than ~500 messages apart (+ one time-group)
      expect(span).toBeLessThan(600);
    }
  });
});
