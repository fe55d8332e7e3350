/**
 * The replay source: plays a timeline file through a Web Worker (which parses,
 * validates and keyframes it). The app's clock drives it with seek / advanceTo.
 */
import type { DataSource, HistoryQuery, HistorySeries, ReplayControl, SourceSink } from '../source';
import type { Delta } from '../wire';
import type { FromWorker, ToWorker } from './protocol';

export class ReplaySource implements DataSource, ReplayControl {
  readonly kind = 'replay' as const;
  readonly replay: ReplayControl = this;
  private worker: Worker | null = null;
  private sink: SourceSink | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, () => void>();
  /** advance requests are coalesced: one in flight, the latest target queued */
  private advanceInFlight = false;
  private queuedAdvance: { t: number; resolve: (() => void)[] } | null = null;
  private ready: Promise<void> | null = null;
  private readonly snapshots = new Map<number, (d: Delta[]) => void>();
  private readonly histories = new Map<number, (s: HistorySeries) => void>();
  /** selective topics: the ids to deliver (sent to the worker, again after a restart) */
  private readonly subs = new Map<string, string[] | null>();

  constructor(
    readonly url: string,
    private readonly createWorker: () => Worker,
  ) {}

  start(sink: SourceSink): Promise<void> {
    this.sink = sink;
    const worker = this.createWorker();
    this.worker = worker;
    sink.status('*', { state: 'connecting', since: Date.now() });
    this.ready = new Promise<void>((resolve, reject) => {
      worker.onmessage = (ev: MessageEvent<FromWorker>) => {
        const m = ev.data;
        switch (m.type) {
          case 'progress':
            sink.progress?.(m.progress);
            break;
          case 'loaded':
            sink.counts(m.counts);
            for (const r of m.rejects) sink.reject(r);
            sink.timeline?.(m.info);
            for (const topic of m.info.topics) sink.status(topic, { state: 'live', since: Date.now() });
            resolve();
            break;
          case 'error':
            sink.status('*', { state: 'error', reason: m.message, since: Date.now() });
            reject(new Error(m.message));
            break;
          case 'history':
            this.histories.get(m.id)?.(m.series);
            this.histories.delete(m.id);
            break;
          case 'snapshot':
            this.snapshots.get(m.id)?.(m.deltas);
            this.snapshots.delete(m.id);
            break;
          case 'deltas': {
            sink.deltas(m.deltas);
            this.pending.get(m.id)?.();
            this.pending.delete(m.id);
            break;
          }
        }
      };
      worker.onerror = (ev) => {
        const message = `replay worker failed: ${ev.message || 'unknown error'}`;
        sink.status('*', { state: 'error', reason: message, since: Date.now() });
        reject(new Error(message));
      };
    });
    this.post({ type: 'load', url: this.url });
    for (const [topic, ids] of this.subs) this.post({ type: 'subscribe', topic, ids });
    return this.ready;
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p();
    this.pending.clear();
    for (const s of this.snapshots.values()) s([]);
    this.snapshots.clear();
    for (const h of this.histories.values()) h({ t: [], values: {} });
    this.histories.clear();
  }

  /** The state at the replay's current time (does not touch the sink). */
  snapshot(): Promise<Delta[]> {
    return new Promise<Delta[]>((resolve) => {
      const id = this.nextId++;
      this.snapshots.set(id, resolve);
      this.post({ type: 'snapshot', id });
    });
  }

  /** An entity's recorded values over the whole timeline (or [from, to]). */
  history(query: HistoryQuery): Promise<HistorySeries> {
    return new Promise<HistorySeries>((resolve) => {
      const id = this.nextId++;
      this.histories.set(id, resolve);
      this.post({ type: 'history', id, query });
    });
  }

  /** Deliver only these ids of a selective topic (the worker filters; null = all). */
  subscribe(topic: string, ids: readonly string[] | null): void {
    const list = ids === null ? null : [...ids];
    this.subs.set(topic, list);
    this.post({ type: 'subscribe', topic, ids: list });
  }

  seek(t: number): Promise<void> {
    // a queued forward step would undo the seek: drop it (its callers are settled)
    const q = this.queuedAdvance;
    this.queuedAdvance = null;
    if (q) for (const r of q.resolve) r();
    return new Promise<void>((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, resolve);
      this.post({ type: 'seek', id, t });
    });
  }

  advanceTo(t: number): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.advanceInFlight) {
        if (this.queuedAdvance) {
          this.queuedAdvance.t = t;
          this.queuedAdvance.resolve.push(resolve);
        } else this.queuedAdvance = { t, resolve: [resolve] };
        return;
      }
      this.sendAdvance(t, [resolve]);
    });
  }

  private sendAdvance(t: number, resolvers: (() => void)[]): void {
    this.advanceInFlight = true;
    const id = this.nextId++;
    this.pending.set(id, () => {
      this.advanceInFlight = false;
      for (const r of resolvers) r();
      const q = this.queuedAdvance;
      if (q) {
        this.queuedAdvance = null;
        this.sendAdvance(q.t, q.resolve);
      }
    });
    this.post({ type: 'advance', id, t });
  }

  private post(m: ToWorker): void {
    this.worker?.postMessage(m);
  }
}
