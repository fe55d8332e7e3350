/**
 * The replay worker's logic: streams a timeline with @loaders.gl (fetch, text decoding,
 * line splitting), validates each line at the edge, builds the keyframed log, and then
 * answers seek / advance requests with deltas. Parsing never blocks the page.
 */
import { fetchFile, makeIterator, makeLineIterator, makeNumberedLineIterator, makeTextDecoderIterator } from '@loaders.gl/core';
import type { TopicRegistry } from '../topics';
import type { FromWorker, ToWorker } from './protocol';
import { parseTimeline } from './parse';
import type { Cursor, ReplayLog } from './log';

type Post = (m: FromWorker) => void;

async function* countBytes(it: AsyncIterable<ArrayBuffer>, onBytes: (n: number) => void): AsyncIterable<ArrayBuffer> {
  for await (const chunk of it) {
    onBytes(chunk.byteLength);
    yield chunk;
  }
}

export function createReplayWorker(topics: TopicRegistry, post: Post) {
  let log: ReplayLog | null = null;
  let cursor: Cursor | null = null;

  async function load(url: string): Promise<void> {
    log = null;
    cursor = null;
    post({ type: 'progress', progress: { phase: 'fetching', loaded: 0, total: 0, messages: 0 } });
    let response: Response;
    try {
      response = await fetchFile(url);
    } catch (e) {
      throw new Error(`cannot fetch ${url}: ${(e as Error).message}`);
    }
    if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status} ${response.statusText}`.trim());
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('text/html')) throw new Error(`cannot load ${url}: the server answered with an HTML page, not a timeline`);
    const total = Number(response.headers.get('content-length') ?? 0) || 0;
    let loaded = 0;
    let lastPost = 0;
    const chunks = countBytes(makeIterator(response) as AsyncIterable<ArrayBuffer>, (n) => {
      loaded += n;
    });
    const lines = makeNumberedLineIterator(makeLineIterator(makeTextDecoderIterator(chunks)));
    const parsed = await parseTimeline(lines, topics, (p) => {
      const now = Date.now();
      if (now - lastPost > 100) {
        lastPost = now;
        post({ type: 'progress', progress: { phase: 'parsing', loaded, total, messages: p.lines } });
      }
    });
    post({ type: 'progress', progress: { phase: 'done', loaded, total: total || loaded, messages: parsed.info.lines } });
    log = parsed.log;
    post({ type: 'loaded', info: parsed.info, counts: parsed.counts, rejects: parsed.rejects });
  }

  function seek(id: number, t: number): void {
    if (!log) return;
    cursor = log.cursorAt(t);
    post({ type: 'deltas', id, t, deltas: cursor.snapshot() });
  }

  function advance(id: number, t: number): void {
    if (!log) return;
    if (!cursor || t < cursor.t) {
      seek(id, t);
      return;
    }
    post({ type: 'deltas', id, t, deltas: cursor.advanceTo(t) });
  }

  return {
    handle(m: ToWorker): void {
      try {
        if (m.type === 'load') {
          load(m.url).catch((e: unknown) => post({ type: 'error', message: (e as Error).message ?? String(e) }));
        } else if (m.type === 'seek') seek(m.id, m.t);
        else if (m.type === 'advance') advance(m.id, m.t);
        else if (m.type === 'history') {
          const q = m.query;
          post({ type: 'history', id: m.id, series: log ? log.history(q.topic, q.id, q.fields, q.from, q.to) : { t: [], values: {} } });
        } else if (m.type === 'snapshot') post({ type: 'snapshot', id: m.id, deltas: cursor ? cursor.snapshot() : [] });
      } catch (e) {
        post({ type: 'error', message: (e as Error).message ?? String(e) });
      }
    },
  };
}
