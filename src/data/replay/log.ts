/**
 * A replay log: the validated deltas of a timeline in time order, with keyframes.
 *
 * A keyframe is a copy of every topic's state (id → entity) after the first `index`
 * messages. Keyframes are taken whenever the entity operations applied since the last
 * one exceed the size of the state (at least KEYFRAME_MIN_OPS), so a seek costs about
 * one state copy plus at most that many operations, wherever it lands in the timeline,
 * and all keyframes together hold no more entries than the log has operations.
 *
 * Entities are immutable objects, so keyframes share them; only the maps are copied.
 */
import type { Delta, Entity } from '../wire';
import type { HistorySeries } from '../source';

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
  state: State;
}

export const KEYFRAME_MIN_OPS = 2_000;

export function emptyState(): State {
  return { topics: new Map(), seqs: new Map() };
}

export function copyState(s: State): State {
  const topics = new Map<string, TopicState>();
  for (const [k, v] of s.topics) topics.set(k, new Map(v));
  return { topics, seqs: new Map(s.seqs) };
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

export class ReplayLog {
  readonly messages: Delta[];
  readonly keyframes: Keyframe[] = [];
  readonly topics: string[];
  readonly start: number;
  readonly end: number;

  /** `messages` must be validated deltas; they are sorted by time here (stable). */
  constructor(messages: Delta[], minOps = KEYFRAME_MIN_OPS) {
    // stable sort by time: per-topic order is preserved (the edge checked it)
    let sorted = true;
    for (let i = 1; i < messages.length; i++) {
      if (messages[i].t < messages[i - 1].t) {
        sorted = false;
        break;
      }
    }
    this.messages = sorted ? messages : messages.map((d, i) => [d, i] as const).sort((a, b) => a[0].t - b[0].t || a[1] - b[1]).map((x) => x[0]);
    const topics = new Set<string>();
    for (const d of this.messages) topics.add(d.topic);
    this.topics = [...topics].sort();
    this.start = this.messages.length ? this.messages[0].t : 0;
    this.end = this.messages.length ? this.messages[this.messages.length - 1].t : 0;
    this.buildKeyframes(minOps);
  }

  private buildKeyframes(minOps: number): void {
    const s = emptyState();
    this.keyframes.push({ index: 0, t: -Infinity, state: copyState(s) });
    let ops = 0;
    const n = this.messages.length;
    for (let i = 0; i < n; i++) {
      const d = this.messages[i];
      ops += applyDelta(s, d);
      // keyframes sit between messages of different times, so that "state at t" never
      // needs to undo part of a keyframe
      const next = i + 1 < n ? this.messages[i + 1].t : Infinity;
      if (next > d.t && ops >= Math.max(minOps, stateSize(s))) {
        this.keyframes.push({ index: i + 1, t: d.t, state: copyState(s) });
        ops = 0;
      }
    }
  }

  /** Index of the first message with time > t (i.e. how many messages are at or before t). */
  indexAfter(t: number): number {
    let lo = 0;
    let hi = this.messages.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.messages[mid].t <= t) lo = mid + 1;
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
    for (let i = i0; i < this.messages.length; i++) {
      const d = this.messages[i];
      if (d.t > to) break;
      if (d.topic !== topic) continue;
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
    const cursor = new Cursor(this, copyState(k.state), k.index, k.t);
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
    const msgs = this.log.messages;
    while (this.index < msgs.length && msgs[this.index].t <= t) {
      const d = msgs[this.index++];
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
