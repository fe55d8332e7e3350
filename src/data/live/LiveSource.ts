/**
 * What every live source shares: connect, reconnect with exponential backoff and full
 * jitter, validate at the edge, detect sequence gaps and resynchronise from a snapshot,
 * report status, rejects and counts. Subclasses only open their transport and hand each
 * received message to `receive`.
 *
 * Resync: on every (re)connection and on every sequence gap the source fetches the
 * server's snapshot (NDJSON of `snapshot: true` messages, one per topic, see
 * docs/wire-format.md). Stream messages that arrive meanwhile are held; afterwards those
 * already covered by the snapshot (seq ≤ the snapshot's) are skipped, the rest applied.
 * So after a reconnect the state on screen equals the server's state.
 */
import { Edge, MAX_MESSAGE_BYTES } from '../edge';
import type { TopicRegistry } from '../topics';
import type { DataSource, HistoryQuery, HistorySeries, SourceKind, SourceSink } from '../source';
import type { Delta } from '../wire';
import { Backoff } from './backoff';

export interface LiveOptions {
  /** the stream (sse / ws / mqtt) or the polled snapshot URL (http) */
  url: string;
  /** the server's snapshot (NDJSON); default for the reference server: <origin>/api/snapshot */
  snapshotUrl?: string;
  /** bearer token for HTTP requests (from config.json only: never in the URL, never logged) */
  token?: string;
  username?: string;
  password?: string;
  /** first and largest reconnect delay, ms */
  backoffMinMs?: number;
  backoffMaxMs?: number;
}

export interface Connection {
  /** resolves with the reason when the connection ends */
  closed: Promise<string>;
  close(): void;
}

export class SourceError extends Error {}

export function defaultSnapshotUrl(url: string): string | undefined {
  try {
    const u = new URL(url, globalThis.location?.href);
    if (u.protocol === 'ws:' || u.protocol === 'wss:') u.protocol = u.protocol === 'ws:' ? 'http:' : 'https:';
    if (!/^https?:$/.test(u.protocol)) return undefined;
    return `${u.origin}/api/snapshot`;
  } catch {
    return undefined;
  }
}

export abstract class LiveSource implements DataSource {
  abstract readonly kind: SourceKind;
  readonly url: string;
  protected readonly edge: Edge;
  protected sink: SourceSink | null = null;
  protected stopped = false;
  private connection: Connection | null = null;
  private readonly backoff: Backoff;
  private resyncing: Promise<void> | null = null;
  private held: { raw: unknown; text: boolean }[] = [];
  private readonly snapshotSeq = new Map<string, number>();
  private countsQueued = false;
  private wake: (() => void) | null = null;
  /** number of (re)connections made, for tests and feed health */
  connections = 0;
  skipped = 0;

  constructor(
    protected readonly options: LiveOptions,
    topics: TopicRegistry,
  ) {
    this.url = options.url;
    this.edge = new Edge(topics, { snapshotRestartsSequence: true });
    this.backoff = new Backoff(options.backoffMinMs ?? 500, options.backoffMaxMs ?? 15_000);
  }

  /** Open the transport; resolve when connected (or reject). */
  protected abstract open(): Promise<Connection>;

  /** Resolves after the first connection attempt (success or failure); then retries forever. */
  start(sink: SourceSink): Promise<void> {
    this.sink = sink;
    return new Promise<void>((firstAttempt) => void this.run(firstAttempt));
  }

  stop(): void {
    this.stopped = true;
    this.connection?.close();
    this.wake?.();
  }

  private async run(firstAttempt: () => void): Promise<void> {
    let first = true;
    while (!this.stopped) {
      this.sink?.status('*', { state: 'connecting', reason: this.connections ? 'reconnecting' : undefined, since: Date.now() });
      let reason: string;
      try {
        const conn = await this.open();
        if (this.stopped) {
          conn.close();
          break;
        }
        this.connection = conn;
        this.connections++;
        this.backoff.reset();
        // a resync left from the previous connection is not enough: take a fresh snapshot
        if (this.resyncing) await this.resyncing.catch(() => {});
        await this.resync();
        this.sink?.status('*', { state: 'live', since: Date.now() });
        if (first) firstAttempt();
        first = false;
        reason = await conn.closed;
      } catch (e) {
        reason = (e as Error).message || String(e);
      }
      this.connection = null;
      if (this.stopped) break;
      const delay = this.backoff.next();
      this.sink?.status('*', { state: 'error', reason: `${reason} — retrying in ${(delay / 1000).toFixed(1)} s`, since: Date.now() });
      if (first) firstAttempt();
      first = false;
      await new Promise<void>((r) => {
        const t = setTimeout(r, delay);
        this.wake = () => {
          clearTimeout(t);
          r();
        };
      });
      this.wake = null;
    }
    firstAttempt();
  }

  /** Fetch headers with the bearer token, if any. */
  protected headers(extra: Record<string, string> = {}): Record<string, string> {
    return this.options.token ? { ...extra, authorization: `Bearer ${this.options.token}` } : extra;
  }

  /** The server's full state, as validated snapshot deltas (not applied). */
  async snapshot(): Promise<Delta[]> {
    const url = this.options.snapshotUrl ?? defaultSnapshotUrl(this.url);
    if (!url) return [];
    const res = await fetch(url, { headers: this.headers({ accept: 'application/x-ndjson' }), cache: 'no-store' });
    if (!res.ok) throw new SourceError(`snapshot ${url}: HTTP ${res.status}`);
    const text = await res.text();
    const out: Delta[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const raw = (line.length > MAX_MESSAGE_BYTES ? null : JSON.parse(line)) as { topic?: string; snapshot?: boolean };
        if (raw && typeof raw.topic === 'string') this.edge.resetSequence(raw.topic);
      } catch {
        /* reported by the edge below */
      }
      const r = this.edge.acceptText(line);
      if (r.ok) out.push(r.delta);
      else this.sink?.reject(r.reject);
    }
    return out;
  }

  /**
   * Bring the state in line with the server: fetch its snapshot, apply it, then the stream
   * messages held meanwhile that are newer than it.
   */
  protected resync(): Promise<void> {
    if (this.resyncing) return this.resyncing;
    const url = this.options.snapshotUrl ?? defaultSnapshotUrl(this.url);
    if (!url) return Promise.resolve();
    this.resyncing = (async () => {
      try {
        const deltas = await this.snapshot();
        for (const d of deltas) this.snapshotSeq.set(d.topic, d.seq);
        if (deltas.length) this.sink?.deltas(deltas);
      } finally {
        this.resyncing = null;
        const held = this.held;
        this.held = [];
        for (const h of held) this.process(h.raw, h.text);
        this.reportCounts();
      }
    })();
    return this.resyncing;
  }

  /**
   * A resync outside connection set-up (after a gap). If the snapshot cannot be fetched,
   * try again with backoff while the connection lasts, so a missed message never stays
   * missed until the next gap happens to show it.
   */
  private resyncSoon(attempt = 0): void {
    this.resync().catch((e: Error) => {
      this.sink?.status('*', { state: 'live', reason: `resync failed (${e.message}); retrying`, since: Date.now() });
      if (this.stopped || !this.connection) return;
      setTimeout(() => this.connection && this.resyncSoon(attempt + 1), Math.min(10_000, 500 * 2 ** attempt));
    });
  }

  /**
   * The server's last sequence number per topic (a heartbeat, sent after the messages it
   * covers). A topic behind it lost its last message(s): resynchronise now.
   */
  protected heartbeat(seqs: unknown): void {
    if (this.resyncing || !seqs || typeof seqs !== 'object') return;
    for (const [topic, seq] of Object.entries(seqs as Record<string, unknown>)) {
      if (typeof seq !== 'number') continue;
      const have = Math.max(this.edge.countsOf(topic).lastSeq, this.snapshotSeq.get(topic) ?? -1);
      if (seq > have) {
        this.resyncSoon();
        return;
      }
    }
  }

  /** A message from the transport: a text frame (JSON) or an already parsed object. */
  protected receive(raw: unknown, isText = typeof raw === 'string'): void {
    if (this.resyncing) {
      this.held.push({ raw, text: isText });
      return;
    }
    this.process(raw, isText);
  }

  /** Report input the transport had to drop (e.g. an over-long event) as a rejected message. */
  protected rejectText(reason: string, sample?: string, topic: string | null = null): void {
    this.sink?.reject(this.edge.reject(topic, {}, reason, sample).reject);
    this.reportCounts();
  }

  private process(raw: unknown, isText: boolean): void {
    let msg = raw;
    if (isText && (raw as string).length > MAX_MESSAGE_BYTES) {
      const r = this.edge.acceptText(raw as string); // a "message too large" reject
      if (!r.ok) this.sink?.reject(r.reject);
      this.reportCounts();
      return;
    }
    if (isText) {
      try {
        msg = JSON.parse(raw as string);
      } catch {
        const r = this.edge.acceptText(raw as string); // a malformed-JSON reject with its sample
        if (!r.ok) this.sink?.reject(r.reject);
        this.reportCounts();
        return;
      }
    }
    const m = msg as { topic?: unknown; seq?: unknown; snapshot?: unknown } | null;
    if (m && typeof m.topic === 'string' && typeof m.seq === 'number' && m.snapshot !== true) {
      const covered = this.snapshotSeq.get(m.topic);
      if (covered !== undefined && m.seq <= covered) {
        this.skipped++;
        return;
      }
    }
    // a valid snapshot message restarts the topic's sequence (the edge checks it first)
    const r = this.edge.accept(msg);
    if (r.ok) {
      this.sink?.deltas([r.delta]);
      if (r.gap > 0) this.resyncSoon(); // messages were lost: take the server's state again
    } else this.sink?.reject(r.reject);
    this.reportCounts();
  }

  /** Counts go out once per task (a chunk of messages), after the deltas they describe. */
  private reportCounts(): void {
    if (this.countsQueued) return;
    this.countsQueued = true;
    queueMicrotask(() => {
      this.countsQueued = false;
      if (!this.stopped) this.sink?.counts(this.edge.snapshotCounts());
    });
  }

  history?(q: HistoryQuery): Promise<HistorySeries>;

  /** selective topics (TopicSpec.selective): the ids this client asked for */
  protected readonly subscriptions = new Map<string, string[] | null>();

  /**
   * Which ids of a selective topic to receive (e.g. the selected ambulance's ECG). The
   * server numbers a selective topic per subscription from 1, so its sequence restarts.
   */
  subscribe(topic: string, ids: readonly string[] | null): void {
    const list = ids === null ? null : [...ids];
    const prev = this.subscriptions.get(topic);
    if (prev !== undefined && JSON.stringify(prev) === JSON.stringify(list)) return;
    this.subscriptions.set(topic, list);
    this.edge.resetSequence(topic);
    this.subscriptionsChanged();
  }

  /** Tell the server (a transport's own way: a WebSocket message, an SSE side stream). */
  protected subscriptionsChanged(): void {}
}
