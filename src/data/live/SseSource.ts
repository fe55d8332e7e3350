/**
 * Server-Sent Events over fetch (not EventSource: fetch can send the bearer token in a
 * header and lets us own reconnection, with backoff and jitter, in LiveSource). Each
 * event's `data` is one wire-format message.
 */
import { LiveSource, SourceError, type Connection } from './LiveSource';

export class SseSource extends LiveSource {
  readonly kind = 'sse' as const;
  private side: AbortController | null = null;

  /**
   * Selective topics: a side stream `<url>?topics=<topic>&ids=<a,b>` carries only them (the
   * main stream is left alone); it is reopened when the ids change and retried if it drops.
   */
  protected override subscriptionsChanged(): void {
    this.side?.abort();
    this.side = null;
    const wanted = [...this.subscriptions].filter(([, ids]) => ids === null || ids.length);
    if (!wanted.length || this.stopped) return;
    const abort = new AbortController();
    this.side = abort;
    const [topic, ids] = wanted[0];
    const u = new URL(this.url, globalThis.location?.href);
    u.searchParams.set('topics', topic);
    u.searchParams.set('ids', (ids ?? []).join(','));
    void (async () => {
      try {
        const res = await fetch(u, { headers: this.headers({ accept: 'text/event-stream' }), signal: abort.signal, cache: 'no-store' });
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        this.edge.resetSequence(topic);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        let data: string[] = [];
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl).replace(/\r$/, '');
            buf = buf.slice(nl + 1);
            if (line === '') {
              if (data.length) this.receive(data.join('\n'));
              data = [];
            } else if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
          }
        }
      } catch {
        /* aborted, or the side stream failed: retried below */
      }
      if (this.side === abort && !abort.signal.aborted && !this.stopped) setTimeout(() => this.side === abort && this.subscriptionsChanged(), 2000);
    })();
  }

  override stop(): void {
    this.side?.abort();
    this.side = null;
    super.stop();
  }

  protected async open(): Promise<Connection> {
    const abort = new AbortController();
    const res = await fetch(this.url, { headers: this.headers({ accept: 'text/event-stream' }), signal: abort.signal, cache: 'no-store' }).catch((e: Error) => {
      throw new SourceError(`cannot reach ${this.url}: ${e.message}`);
    });
    if (!res.ok || !res.body) throw new SourceError(`${this.url}: HTTP ${res.status} ${res.statusText}`.trim());
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) throw new SourceError(`${this.url}: not an event stream (${type || 'no content type'})`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    const closed = (async () => {
      let buf = '';
      let data: string[] = [];
      let event = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return 'the server closed the stream';
          buf += value;
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            let line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            if (line.endsWith('\r')) line = line.slice(0, -1);
            if (line === '') {
              if (data.length) {
                if (event === 'heartbeat') {
                  try {
                    this.heartbeat((JSON.parse(data.join('\n')) as { seqs?: unknown }).seqs);
                  } catch {
                    /* a bad heartbeat is ignored: it carries no data */
                  }
                } else this.receive(data.join('\n'));
              }
              data = [];
              event = '';
            } else if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
            else if (line.startsWith('event:')) event = line.slice(6).trim();
            // comments (":") and other fields (id, retry) are not used
          }
        }
      } catch (e) {
        return abort.signal.aborted ? 'closed' : `stream failed: ${(e as Error).message}`;
      }
    })();
    return { closed, close: () => abort.abort() };
  }
}
