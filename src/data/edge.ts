/**
 * The edge: where raw input becomes validated deltas or diagnostics.
 *
 * Every source (replay, http, sse, ws, mqtt) passes what it receives through one Edge.
 * The edge parses, validates the envelope and each entity against its topic's schema,
 * checks the per-topic sequence (strictly increasing; gaps counted) and tallies
 * accepted/rejected per topic. It never throws: bad input becomes a Reject.
 */
import type { z } from 'zod';
import { Envelope, LIMITS, timeOf, type Delta, type Entity, type Reject, type RejectWhere } from './wire';
import type { TopicRegistry } from './topics';

export interface TopicCounts {
  accepted: number;
  rejected: number;
  /** number of sequence gaps seen (seq jumped by more than one) */
  gaps: number;
  /** messages missing in those gaps */
  missing: number;
  lastSeq: number;
  /** data time of the last accepted message */
  lastT: number;
  lastError?: string;
}

export interface EdgeOptions {
  /**
   * Reject a message whose time is earlier than the topic's previous message. Timelines
   * use it (a replay is ordered by time); live feeds may deliver slightly late readings.
   */
  monotonicTime?: boolean;
  /**
   * A valid `snapshot: true` message restarts the topic's sequence (live feeds: a server
   * that restarted numbers from 1 sends its state again). Checked after validation, so a
   * rejected message never resets anything.
   */
  snapshotRestartsSequence?: boolean;
}

export type EdgeResult = { ok: true; delta: Delta; gap: number } | { ok: false; reject: Reject };

/** Rejects without a known topic are counted under this key. */
export const UNKNOWN_TOPIC = '(unknown)';

const MAX_SAMPLE = 160;
/** Bigger inputs are refused before JSON.parse (a timeline line or one live message). */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

function sampleOf(raw: unknown): string {
  let s: string;
  if (typeof raw === 'string') s = raw;
  else {
    try {
      s = JSON.stringify(raw) ?? typeof raw;
    } catch {
      // too deep (RangeError) or cyclic: String() would recurse as deep, so describe it
      s = Array.isArray(raw) ? `[array of ${raw.length}, too deeply nested to show]` : `[${typeof raw} that cannot be shown]`;
    }
  }
  return s.length > MAX_SAMPLE ? s.slice(0, MAX_SAMPLE) + '…' : s;
}

function describeIssue(issues: readonly z.core.$ZodIssue[], prefix = ''): { path: string; reason: string } {
  const first = issues[0];
  if (!first) return { path: prefix, reason: 'invalid' };
  // unions report their branches; show the most specific one
  if (first.code === 'invalid_union' && 'errors' in first && Array.isArray(first.errors)) {
    const branches = first.errors as z.core.$ZodIssue[][];
    const best = branches.reduce<z.core.$ZodIssue[] | undefined>(
      (a, b) => (!a || b.length < a.length ? b : a),
      undefined,
    );
    if (best && best.length) {
      const inner = describeIssue(best, joinPath(first.path, prefix));
      return { path: inner.path, reason: first.message && !inner.reason ? first.message : inner.reason };
    }
  }
  return { path: joinPath(first.path, prefix), reason: first.message };
}

function joinPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

export class Edge {
  readonly counts = new Map<string, TopicCounts>();
  /** current entities of the topics whose specs need state (closedSet / check) */
  private readonly state = new Map<string, Map<string, Entity>>();

  constructor(
    private readonly topics: TopicRegistry,
    private readonly options: EdgeOptions = {},
  ) {}

  countsOf(topic: string): TopicCounts {
    let c = this.counts.get(topic);
    if (!c) {
      c = { accepted: 0, rejected: 0, gaps: 0, missing: 0, lastSeq: -1, lastT: -Infinity };
      this.counts.set(topic, c);
    }
    return c;
  }

  /** Forget the last sequence of a topic (e.g. after a live source resynchronised). */
  resetSequence(topic?: string): void {
    if (topic === undefined) for (const c of this.counts.values()) c.lastSeq = -1;
    else this.countsOf(topic).lastSeq = -1;
  }

  /** One line of NDJSON (or one text frame of a live source). */
  acceptText(text: string, where: RejectWhere = {}): EdgeResult {
    if (text.length > MAX_MESSAGE_BYTES) {
      return this.reject(null, where, `message too large (${text.length} bytes > ${MAX_MESSAGE_BYTES})`, text);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return this.reject(null, where, `malformed JSON: ${(e as Error).message}`, text);
    }
    return this.accept(raw, where, text);
  }

  /** One parsed message (`text`: what it was parsed from, for the diagnostic's sample). */
  accept(raw: unknown, where: RejectWhere = {}, text?: string): EdgeResult {
    const input = text ?? raw;
    const env = Envelope.safeParse(raw);
    const topicGuess =
      raw && typeof raw === 'object' && typeof (raw as { topic?: unknown }).topic === 'string'
        ? ((raw as { topic: string }).topic.slice(0, LIMITS.topicLength) as string)
        : null;
    const seqGuess =
      raw && typeof raw === 'object' && typeof (raw as { seq?: unknown }).seq === 'number'
        ? (raw as { seq: number }).seq
        : undefined;
    if (!env.success) {
      const { path, reason } = describeIssue(env.error.issues);
      return this.reject(topicGuess, { ...where, seq: where.seq ?? seqGuess, path }, `${path ? path + ': ' : ''}${reason}`, input);
    }
    const m = env.data;
    const w: RejectWhere = { ...where, seq: m.seq };
    const schema = this.topics.entitySchema(m.topic);
    const upsert: Entity[] = [];
    const list = m.upsert ?? [];
    const seen = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      const r = schema.safeParse(list[i]);
      if (!r.success) {
        const { path, reason } = describeIssue(r.error.issues, `upsert[${i}]`);
        return this.reject(m.topic, { ...w, path }, `${path}: ${reason}`, input);
      }
      if (seen.has(r.data.id)) {
        return this.reject(m.topic, { ...w, path: `upsert[${i}].id` }, `upsert[${i}].id: duplicate id "${r.data.id}" in one message`, input);
      }
      seen.add(r.data.id);
      upsert.push(r.data);
    }
    const spec = this.topics.get(m.topic);
    let topicState: Map<string, Entity> | undefined;
    if (spec && (spec.closedSet || spec.check)) {
      topicState = this.state.get(m.topic);
      const snapshot = m.snapshot ?? false;
      if (spec.closedSet && !snapshot && !topicState) {
        return this.reject(m.topic, w, `no snapshot of topic "${m.topic}" yet: its ids are not known`, input);
      }
      const known = snapshot ? undefined : topicState;
      for (let i = 0; i < upsert.length; i++) {
        const e = upsert[i];
        const prev = known?.get(e.id);
        if (spec.closedSet && !snapshot && !prev) return this.reject(m.topic, { ...w, path: `upsert[${i}].id` }, `upsert[${i}].id: unknown id "${e.id}"`, input);
        const why = spec.check?.(e, prev, { t: timeOf(m.ts), snapshot }) ?? null;
        if (why) return this.reject(m.topic, { ...w, path: `upsert[${i}]` }, `upsert[${i}] (${e.id}): ${why}`, input);
      }
      if (spec.closedSet && !snapshot) {
        const del = m.delete ?? [];
        for (let i = 0; i < del.length; i++) if (!topicState!.has(del[i])) return this.reject(m.topic, { ...w, path: `delete[${i}]` }, `delete[${i}]: unknown id "${del[i]}"`, input);
      }
    }
    const t = timeOf(m.ts);
    const c = this.countsOf(m.topic);
    const lastSeq = this.options.snapshotRestartsSequence && m.snapshot ? -1 : c.lastSeq;
    if (lastSeq >= 0 && m.seq <= lastSeq) {
      const kind = m.seq === lastSeq ? 'duplicate' : 'out-of-order';
      return this.reject(m.topic, w, `seq: ${kind} sequence number ${m.seq} (last accepted ${lastSeq})`, input);
    }
    if (this.options.monotonicTime && t < c.lastT) {
      return this.reject(m.topic, w, `ts: time goes backwards (${new Date(t).toISOString()} is before the topic's previous message)`, input);
    }
    const gap = lastSeq >= 0 ? m.seq - lastSeq - 1 : 0;
    if (gap > 0) {
      c.gaps++;
      c.missing += gap;
    }
    c.lastSeq = m.seq;
    c.lastT = t;
    c.accepted++;
    if (spec && (spec.closedSet || spec.check)) {
      // the message is accepted: keep the state the checks see
      let st = this.state.get(m.topic);
      if (!st || m.snapshot) {
        st = new Map();
        this.state.set(m.topic, st);
      }
      for (const id of m.delete ?? []) st.delete(id);
      for (const e of upsert) st.set(e.id, e);
    }
    return {
      ok: true,
      gap,
      delta: { topic: m.topic, seq: m.seq, t, upsert, delete: m.delete ?? [], snapshot: m.snapshot ?? false },
    };
  }

  /** Count a rejection found after the edge (e.g. time going backwards in a timeline). */
  reject(topic: string | null, where: RejectWhere, reason: string, raw?: unknown): { ok: false; reject: Reject } {
    const c = this.countsOf(topic ?? UNKNOWN_TOPIC);
    c.rejected++;
    c.lastError = reason;
    return { ok: false, reject: { topic, where, reason, at: Date.now(), sample: raw === undefined ? undefined : sampleOf(raw) } };
  }

  snapshotCounts(): Record<string, TopicCounts> {
    const out: Record<string, TopicCounts> = {};
    for (const [k, v] of this.counts) out[k] = { ...v };
    return out;
  }
}
