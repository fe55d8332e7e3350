/**
 * HTTP polling: GET the snapshot URL every `pollMs`, honouring ETag / 304 Not Modified.
 * Each 200 answer is the full state (NDJSON of snapshot messages); unchanged topics are
 * not re-applied (their sequence number did not move).
 */
import { LiveSource, SourceError, type Connection, type LiveOptions } from './LiveSource';
import type { TopicRegistry } from '../topics';
import type { Delta } from '../wire';
import { MAX_MESSAGE_BYTES } from '../edge';

export class HttpSource extends LiveSource {
  readonly kind = 'http' as const;
  private etag: string | null = null;
  private readonly lastSeq = new Map<string, number>();
  /** polls answered 304 (for feed health and tests) */
  notModified = 0;
  polls = 0;

  constructor(
    options: LiveOptions & { pollMs?: number },
    topics: TopicRegistry,
    private readonly pollMs = options.pollMs ?? 2000,
  ) {
    super({ ...options, snapshotUrl: undefined }, topics);
  }

  /** polling is its own resync */
  protected override resync(): Promise<void> {
    return Promise.resolve();
  }

  override async snapshot(): Promise<Delta[]> {
    const res = await fetch(this.url, { headers: this.headers({ accept: 'application/x-ndjson' }), cache: 'no-store' });
    if (!res.ok) throw new SourceError(`${this.url}: HTTP ${res.status}`);
    return this.parse(await res.text(), true);
  }

  /** One snapshot answer (NDJSON); `all: false` skips topics whose sequence did not move. */
  parse(text: string, all: boolean): Delta[] {
    const out: Delta[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let topic: string | undefined;
      let seq: number | undefined;
      try {
        // (an over-long line is refused by the edge without being parsed)
        const raw = (line.length > MAX_MESSAGE_BYTES ? null : JSON.parse(line)) as { topic?: unknown; seq?: unknown };
        topic = typeof raw.topic === 'string' ? raw.topic : undefined;
        seq = typeof raw.seq === 'number' ? raw.seq : undefined;
      } catch {
        /* the edge reports it */
      }
      if (!all && topic !== undefined && seq !== undefined && this.lastSeq.get(topic) === seq) continue;
      if (topic) this.edge.resetSequence(topic);
      const r = this.edge.acceptText(line);
      if (r.ok) {
        out.push(r.delta);
        this.lastSeq.set(r.delta.topic, r.delta.seq);
      } else this.sink?.reject(r.reject);
    }
    return out;
  }

  protected async open(): Promise<Connection> {
    const poll = async (): Promise<void> => {
      this.polls++;
      const headers = this.headers({ accept: 'application/x-ndjson' });
      if (this.etag) headers['if-none-match'] = this.etag;
      const res = await fetch(this.url, { headers, cache: 'no-store' }).catch((e: Error) => {
        throw new SourceError(`cannot reach ${this.url}: ${e.message}`);
      });
      if (res.status === 304) {
        this.notModified++;
        return;
      }
      if (!res.ok) throw new SourceError(`${this.url}: HTTP ${res.status} ${res.statusText}`.trim());
      this.etag = res.headers.get('etag');
      const deltas = this.parse(await res.text(), false);
      if (deltas.length) this.sink?.deltas(deltas);
      this.sink?.counts(this.edge.snapshotCounts());
    };
    await poll(); // the first poll decides whether we are connected
    let stop = false;
    const closed = (async () => {
      while (!stop) {
        await new Promise((r) => setTimeout(r, this.pollMs));
        if (stop) break;
        try {
          await poll();
        } catch (e) {
          return (e as Error).message;
        }
      }
      return 'closed';
    })();
    return {
      closed,
      close: () => {
        stop = true;
      },
    };
  }
}
