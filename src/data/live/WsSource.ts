/**
 * WebSocket: each text frame is one wire-format message (or a JSON array of messages).
 * A token, if configured, is sent as the first frame `{"auth": "<token>"}` (browsers
 * cannot set headers on a WebSocket, and tokens must not go into the URL).
 */
import { LiveSource, SourceError, type Connection } from './LiveSource';
import { MAX_MESSAGE_BYTES } from '../edge';

export class WsSource extends LiveSource {
  readonly kind = 'ws' as const;
  private socket: WebSocket | null = null;

  /** Selective topics: `{"subscribe": {"topic", "ids"}}` on the open socket (again after a reconnect). */
  protected override subscriptionsChanged(): void {
    const ws = this.socket;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    for (const [topic, ids] of this.subscriptions) {
      this.edge.resetSequence(topic);
      ws.send(JSON.stringify({ subscribe: { topic, ids: ids ?? [] } }));
    }
  }

  protected open(): Promise<Connection> {
    return new Promise<Connection>((resolve, reject) => {
      let ws: WebSocket;
      try {
        ws = new WebSocket(new URL(this.url, location.href.replace(/^http/, 'ws')));
      } catch (e) {
        reject(new SourceError(`bad WebSocket URL ${this.url}: ${(e as Error).message}`));
        return;
      }
      let opened = false;
      let closedWith: (reason: string) => void = () => {};
      const closed = new Promise<string>((r) => (closedWith = r));
      ws.onopen = () => {
        opened = true;
        if (this.options.token) ws.send(JSON.stringify({ auth: this.options.token }));
        this.socket = ws;
        this.subscriptionsChanged();
        resolve({ closed, close: () => ws.close() });
      };
      ws.onmessage = (ev) => {
        if (typeof ev.data === 'string') this.onFrame(ev.data);
      };
      ws.onclose = (ev) => {
        const why = `connection closed (${ev.code}${ev.reason ? ` ${ev.reason}` : ''})`;
        if (!opened) reject(new SourceError(`cannot connect to ${this.url}: ${why}`));
        closedWith(why);
      };
      ws.onerror = () => {
        /* onclose follows with the code */
      };
    });
  }

  /**
   * One text frame: a heartbeat, one message, or a JSON array of messages. A frame over the
   * message size limit is rejected whole before it is parsed.
   */
  onFrame(data: string): void {
    if (data.length > MAX_MESSAGE_BYTES) {
      this.receive(data); // rejected by size, with its diagnostic
      return;
    }
    if (data.startsWith('{"heartbeat"')) {
      try {
        this.heartbeat((JSON.parse(data) as { heartbeat?: { seqs?: unknown } }).heartbeat?.seqs);
      } catch {
        /* ignored */
      }
      return;
    }
    if (data.startsWith('[')) {
      let list: unknown;
      try {
        list = JSON.parse(data);
      } catch {
        this.receive(data);
        return;
      }
      for (const m of list as unknown[]) this.receive(m, false);
    } else this.receive(data);
  }
}
