/**
 * A replay log: the validated deltas of a timeline in time order, with keyframes.
 *
 * The deltas are kept packed (UTF-8 JSON in byte chunks, times and topics in typed columns,
 * `./packed.ts`) and decoded when a cursor passes them. A keyframe is the state of every
 * topic (id → entity) after the first `index` messages, also packed (one JSON text). Keyframes
 * are taken whenever the entity operations applied since the last one exceed
 * KEYFRAME_STATE_FACTOR × the size of the state (at least KEYFRAME_MIN_OPS), so a seek costs
 * one keyframe decode plus at most that many operations wherever it lands in the timeline,
 * and all keyframes together hold about 1 / KEYFRAME_STATE_FACTOR of the log's entities.
 */
import type { Delta, Entity } from '../wire';
import type { HistorySeries } from '../source';
import { PackedDeltas } from './packed';

export type TopicState = Map<string, Entity>;
export interface State {
  topics: Map<string, TopicState>;
  /** last applied sequence number per topic */
  seqs: Map<string, number>;
}

export interface Keyframe {
  /** number of log messages applied to reach this state */
  index: number;
  /** data time of the last message applied (or -Infinity for the empty start) */
  t: number;
  /** the state, packed: JSON of [[topic, seq, entities[]], …] */
  packed: string;
}

export const KEYFRAME_MIN_OPS = 2_000;
/** operations between keyframes, in units of the state's size: seek work vs keyframe memory */
export const KEYFRAME_STATE_FACTOR = 4;

export function emptyState(): State {
  return { topics: new Map(), seqs: new Map() };
}

/** Applies one delta to a state in place; returns the number of entity operations. */
export function applyDelta(s: State, d: Delta): number {
  let m = s.topics.get(d.topic);
  if (!m) {
    m = new Map();
    s.topics.set(d.topic, m);
  }
  if (d.snapshot) m.clear();
  for (const id of d.delete) m.delete(id);
  for (const e of d.upsert) m.set(e.id, e);
  s.seqs.set(d.topic, d.seq);
  return 1 + d.delete.length + d.upsert.length;
}

function stateSize(s: State): number {
  let n = 0;
  for (const m of s.topics.values()) n += m.size;
  return n;
}

function packState(s: State): string {
  const out: [string, number, Entity[]][] = [];
  for (const [topic, m] of s.topics) out.push([topic, s.seqs.get(topic) ?? -1, [...m.values()]]);
  return JSON.stringify(out);
}

function unpackState(packed: string): State {
  const s = emptyState();
  for (const [topic, seq, entities] of JSON.parse(packed) as [string, number, Entity[]][]) {
    const m: TopicState = new Map();
    for (const e of entities) m.set(e.id, e);
    s.topics.set(topic, m);
    if (seq >= 0) s.seqs.set(topic, seq);
  }
  return s;
}

/** Takes keyframes while the messages of a time-ordered log are applied one by one. */
class KeyframeMaker {
  readonly keyframes: Keyframe[] = [{ index: 0, t: -Infinity, packed: '[]' }];
  private readonly state = emptyState();
  private ops = 0;
  private n = 0;
  private lastT = -Infinity;

  constructor(private readonly minOps: number) {}

  /** Applies the next message (time ≥ the previous one's). */
  add(d: Delta): void {
    // keyframes sit between messages of different times, so that "state at t" never needs
    // to undo part of a keyframe
    if (d.t > this.lastT) this.maybeKeyframe();
    this.ops += applyDelta(this.state, d);
    this.n++;
    this.lastT = d.t;
  }

  finish(): Keyframe[] {
    this.maybeKeyframe();
    return this.keyframes;
  }

  private maybeKeyframe(): void {
    if (this.n === 0 || this.ops < this.minOps) return;
    if (this.ops < KEYFRAME_STATE_FACTOR * stateSize(this.state)) return;
    this.keyframes.push({ index: this.n, t: this.lastT, packed: packState(this.state) });
    this.ops = 0;
  }
}

/**
 * Messages a timeline may be out of time order by and still be keyed while it is read. Feeds
 * merged from several sources are rarely in strict order across topics (one topic's times
 * rounded to the second, another's in milliseconds; a late gauge): the builder holds this many
 * messages in a small heap and lets the earliest go, so such a file costs nothing extra. Only a
 * message earlier than one already let go forces the full sort at the end.
 */
export const REORDER_WINDOW = 1024;

/** Min-heap of deltas by (time, arrival): the reorder window. Parallel arrays, no object per message. */
class DeltaHeap {
  private readonly deltas: Delta[] = [];
  private readonly arrival: number[] = [];

  get size(): number {
    return this.deltas.length;
  }

  private less(i: number, j: number): boolean {
    const a = this.deltas[i].t;
    const b = this.deltas[j].t;
    return a < b || (a === b && this.arrival[i] < this.arrival[j]);
  }

  private swap(i: number, j: number): void {
    const d = this.deltas;
    const n = this.arrival;
    [d[i], d[j]] = [d[j], d[i]];
    [n[i], n[j]] = [n[j], n[i]];
  }

  push(d: Delta, n: number): void {
    this.deltas.push(d);
    this.arrival.push(n);
    let i = this.deltas.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  pop(): Delta {
    const top = this.deltas[0];
    const last = this.deltas.length - 1;
    this.swap(0, last);
    this.deltas.pop();
    this.arrival.pop();
    const size = this.deltas.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && this.less(l, m)) m = l;
      if (r < size && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
}

/**
 * Builds a ReplayLog from validated deltas as they arrive (the timeline's parse): packs each
 * and takes keyframes on the way, so a delta object lives only until it leaves the reorder
 * window (REORDER_WINDOW messages). A file whose disorder exceeds the window is sorted
 * (stably, by moving the columns only) at the end and its keyframes taken then.
 */
export class ReplayLogBuilder {
  private packed = new PackedDeltas();
  private keyframes: KeyframeMaker | null;
  /** time of the last message let out of the window */
  private lastT = -Infinity;
  private readonly window = new DeltaHeap();
  private arrivals = 0;

  constructor(
    private readonly minOps = KEYFRAME_MIN_OPS,
    private readonly windowSize = REORDER_WINDOW,
  ) {
    this.keyframes = new KeyframeMaker(minOps);
  }

  /** Whether the messages so far came in time order within the window (keyed as read). */
  get inOrder(): boolean {
    return this.keyframes !== null;
  }

  add(d: Delta): void {
    if (d.t < this.lastT) this.keyframes = null; // beyond the window: sort and key at the end
    this.window.push(d, this.arrivals++);
    if (this.window.size > this.windowSize) this.release(this.window.pop());
  }

  private release(d: Delta): void {
    this.lastT = d.t;
    this.keyframes?.add(d);
    this.packed.push(d);
  }

  finish(): ReplayLog {
    while (this.window.size) this.release(this.window.pop());
    let packed = this.packed;
    let keyframes: Keyframe[];
    if (this.keyframes) keyframes = this.keyframes.finish();
    else {
      // stable sort by time (per-topic order is preserved: the edge checked it, and the
      // window lets a topic's messages out in their order); the columns move, the bytes stay
      const n = packed.length;
      const order = new Uint32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => packed.t(a) - packed.t(b) || a - b);
      packed = packed.reorder(order);
      const maker = new KeyframeMaker(this.minOps);
      for (let i = 0; i < packed.length; i++) maker.add(packed.get(i));
      keyframes = maker.finish();
    }
    this.packed = new PackedDeltas();
    return new ReplayLog(packed, keyframes);
  }
}

export class ReplayLog {
  readonly keyframes: readonly Keyframe[];
  readonly topics: string[];
  readonly start: number;
  readonly end: number;

  /** A log of `messages` (validated deltas, sorted here by time, stably). */
  static of(messages: Iterable<Delta>, minOps = KEYFRAME_MIN_OPS): ReplayLog {
    const b = new ReplayLogBuilder(minOps);
    for (const d of messages) b.add(d);
    return b.finish();
  }

  constructor(
    private readonly packed: PackedDeltas,
    keyframes: readonly Keyframe[],
  ) {
    this.keyframes = keyframes;
    this.topics = [...packed.topics()].sort();
    this.start = packed.length ? packed.t(0) : 0;
    this.end = packed.length ? packed.t(packed.length - 1) : 0;
  }

  /** Number of messages. */
  get length(): number {
    return this.packed.length;
  }

  /** Message i (decoded: a fresh object). */
  message(i: number): Delta {
    return this.packed.get(i);
  }

  /** Bytes the packed messages and keyframes hold. */
  byteSize(): number {
    return this.packed.byteSize() + this.keyframes.reduce((n, k) => n + k.packed.length, 0);
  }

  /** Data time of message i (not decoded). */
  timeOf(i: number): number {
    return this.packed.t(i);
  }

  /** Index of the first message with time > t (i.e. how many messages are at or before t). */
  indexAfter(t: number): number {
    let lo = 0;
    let hi = this.packed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.packed.t(mid) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The last keyframe whose index is at most `index`. */
  keyframeBefore(index: number): Keyframe {
    let lo = 0;
    let hi = this.keyframes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.keyframes[mid].index <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.keyframes[lo];
  }

  /**
   * The values of an entity's numeric fields at each message that upserted it, within
   * [from, to]. A snapshot or delete that drops the entity records nulls.
   */
  history(topic: string, id: string, fields: readonly string[], from = -Infinity, to = Infinity): HistorySeries {
    const t: number[] = [];
    const values: Record<string, (number | null)[]> = {};
    for (const f of fields) values[f] = [];
    const i0 = from === -Infinity ? 0 : this.indexAfter(from - 1);
    for (let i = i0; i < this.packed.length; i++) {
      if (this.packed.t(i) > to) break;
      if (this.packed.topic(i) !== topic) continue;
      const d = this.packed.get(i);
      let e: Entity | undefined;
      for (const u of d.upsert) if (u.id === id) e = u;
      const gone = !e && (d.delete.includes(id) || d.snapshot);
      if (!e && !gone) continue;
      t.push(d.t);
      for (const f of fields) {
        const v = e?.[f];
        values[f].push(typeof v === 'number' && Number.isFinite(v) ? v : null);
      }
    }
    return { t, values };
  }

  /** A fresh cursor at time t (state after every message with time ≤ t). */
  cursorAt(t: number): Cursor {
    const target = this.indexAfter(t);
    const k = this.keyframeBefore(target);
    const cursor = new Cursor(this, unpackState(k.packed), k.index, k.t);
    cursor.advanceTo(t);
    return cursor;
  }
}

/** A position in the log with the state there; moves forward by applying deltas. */
export class Cursor {
  constructor(
    private readonly log: ReplayLog,
    readonly state: State,
    public index: number,
    public t: number,
  ) {}

  /** Applies the messages in (this.t, t] and returns them. t must be ≥ this.t. */
  advanceTo(t: number): Delta[] {
    const out: Delta[] = [];
    const log = this.log;
    while (this.index < log.length && log.timeOf(this.index) <= t) {
      const d = log.message(this.index++);
      applyDelta(this.state, d);
      out.push(d);
    }
    this.t = t;
    return out;
  }

  /** The state as one snapshot delta per topic of the timeline (empty topics included). */
  snapshot(): Delta[] {
    const out: Delta[] = [];
    for (const topic of this.log.topics) {
      const m = this.state.topics.get(topic);
      out.push({
        topic,
        seq: this.state.seqs.get(topic) ?? -1,
        t: this.t,
        upsert: m ? [...m.values()] : [],
        delete: [],
        snapshot: true,
      });
    }
    return out;
  }
}
