/**
 * Server-Sent Events over fetch (not EventSource: fetch can send the bearer token in a
 * header and lets us own reconnection, with backoff and jitter, in LiveSource). Each
 * event's `data` is one wire-format message.
 */
import { LiveSource, SourceError, type Connection } from './LiveSource';
import { MAX_MESSAGE_BYTES } from '../edge';

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
    const parser = this.parser();
    const closed = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return 'the server closed the stream';
          parser.push(value);
        }
      } catch (e) {
        return abort.signal.aborted ? 'closed' : `stream failed: ${(e as Error).message}`;
      }
    })();
    return { closed, close: () => abort.abort() };
  }

  /** A parser of this source's event stream: events to `onEvent`, over-long ones rejected. */
  parser(): SseParser {
    return new SseParser(
      (ev) => this.onEvent(ev),
      (chars) => this.rejectText(`message too large (over ${chars} characters in one event): dropped`),
    );
  }

  /** One event of the stream: a heartbeat (the server's last sequence per topic) or a message. */
  onEvent(ev: SseEvent): void {
    if (ev.event === 'heartbeat') {
      try {
        this.heartbeat((JSON.parse(ev.data) as { seqs?: unknown } | null)?.seqs);
      } catch {
        /* a bad heartbeat is ignored: it carries no data */
      }
    } else this.receive(ev.data);
  }
}

export interface SseEvent {
  event: string;
  data: string;
}

/**
 * The event-stream format (WHATWG HTML, server-sent events), incrementally: text chunks in
 * any split, LF / CRLF / CR line ends, `data:` lines joined with "\n", `event:` names,
 * comments and other fields ignored. An event is dispatched at a blank line if it has data.
 * A line longer than `maxLine` (a runaway stream without line ends) is dropped and counted.
 */
export class SseParser {
  private buf = '';
  private parts: string[] = [];
  private partsLength = 0;
  private data: string[] = [];
  private dataLength = 0;
  private event = '';
  private skipping = false;
  /** the current event grew too big: its remaining data lines are ignored */
  private dropping = false;
  private lastWasCR = false;
  /** lines dropped for being longer than maxLine */
  dropped = 0;

  constructor(
    private readonly emit: (ev: SseEvent) => void,
    /** called when an over-long line or event is dropped */
    private readonly onDrop: (chars: number) => void = () => {},
    private readonly maxLine = MAX_MESSAGE_BYTES + 1024,
  ) {}

  push(chunk: string): void {
    // a CRLF split across chunks: the LF belongs to the CR already taken as a line end
    if (this.lastWasCR && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.lastWasCR = false;
    // a long line arriving in small chunks is kept as parts and joined once, when its end
    // comes (appending to one string and scanning it again per chunk would be quadratic)
    if (chunk.indexOf('\n') < 0 && chunk.indexOf('\r') < 0) {
      if (this.skipping) return;
      this.parts.push(chunk);
      this.partsLength += chunk.length;
      if (this.buf.length + this.partsLength > this.maxLine) this.overlong();
      return;
    }
    let from = this.buf.length + this.partsLength;
    if (this.parts.length) {
      this.buf += this.parts.join('');
      this.parts = [];
      this.partsLength = 0;
    }
    this.buf += chunk;
    let start = 0;
    for (;;) {
      const lf = this.buf.indexOf('\n', Math.max(start, from));
      const cr = this.buf.indexOf('\r', Math.max(start, from));
      let end: number;
      let next: number;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        end = cr;
        if (cr + 1 === this.buf.length) {
          next = cr + 1;
          this.lastWasCR = true;
        } else next = this.buf[cr + 1] === '\n' ? cr + 2 : cr + 1;
      } else if (lf >= 0) {
        end = lf;
        next = lf + 1;
      } else break;
      const line = this.buf.slice(start, end);
      start = next;
      from = next;
      if (this.skipping) {
        // the end of an over-long line; the event it belonged to is dropped whole
        this.skipping = false;
        this.dropping = true;
        continue;
      }
      this.line(line);
    }
    this.buf = start ? this.buf.slice(start) : this.buf;
    if (this.skipping) this.buf = '';
    else if (this.buf.length > this.maxLine) this.overlong();
  }

  private overlong(): void {
    this.buf = '';
    this.parts = [];
    this.partsLength = 0;
    this.data = [];
    this.skipping = true;
    this.dropped++;
    this.onDrop(this.maxLine);
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length) this.emit({ event: this.event, data: this.data.join('\n') });
      this.data = [];
      this.dataLength = 0;
      this.dropping = false;
      this.event = '';
      return;
    }
    if (line.startsWith(':')) return; // a comment (keep-alive)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      this.dataLength += value.length + 1;
      if (this.dataLength > this.maxLine) {
        // an event bigger than any message may be: drop it whole, keep reading
        this.dropped++;
        this.onDrop(this.maxLine);
        this.data = [];
        this.dataLength = 0;
        this.dropping = true;
        return;
      }
      if (!this.dropping) this.data.push(value);
    } else if (field === 'event') this.event = value.trim();
    // id, retry and unknown fields are not used
  }
}
