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
import type { Delta } from '../wire';

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
  /** selective topics (TopicSpec.selective): the ids delivered (null = all); none until subscribed */
  const subs = new Map<string, Set<string> | null>();
  for (const name of topics.known()) if (topics.get(name)?.selective) subs.set(name, new Set());
  const filter = (deltas: Delta[]): Delta[] => {
    if (!subs.size) return deltas;
    const out: Delta[] = [];
    for (const d of deltas) {
      if (!subs.has(d.topic)) {
        out.push(d);
        continue;
      }
      const ids = subs.get(d.topic);
      if (ids === null) out.push(d);
      else {
        const upsert = d.upsert.filter((e) => ids!.has(e.id));
        if (upsert.length || d.snapshot) out.push({ ...d, upsert, delete: d.delete.filter((id) => ids!.has(id)) });
      }
    }
    return out;
  };

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
    post({ type: 'deltas', id, t, deltas: filter(cursor.snapshot()) });
  }

  function advance(id: number, t: number): void {
    if (!log) return;
    if (!cursor || t < cursor.t) {
      seek(id, t);
      return;
    }
    post({ type: 'deltas', id, t, deltas: filter(cursor.advanceTo(t)) });
  }

  return {
    handle(m: ToWorker): void {
      try {
        if (m.type === 'load') {
          load(m.url).catch((e: unknown) => post({ type: 'error', message: (e as Error).message ?? String(e) }));
        } else if (m.type === 'seek') seek(m.id, m.t);
        else if (m.type === 'advance') advance(m.id, m.t);
        else if (m.type === 'subscribe') {
          subs.set(m.topic, m.ids === null ? null : new Set(m.ids));
          // the subscribed entities' current state at once (the last ECG batch), not at the next change
          if (cursor && m.ids && m.ids.length) {
            const snap = cursor.snapshot().find((d) => d.topic === m.topic);
            const upsert = snap ? snap.upsert.filter((e) => m.ids!.includes(e.id)) : [];
            if (upsert.length) post({ type: 'deltas', id: -1, t: cursor.t, deltas: [{ topic: m.topic, seq: snap!.seq, t: snap!.t, upsert, delete: [], snapshot: false }] });
          }
        }
        else if (m.type === 'history') {
          const q = m.query;
          post({ type: 'history', id: m.id, series: log ? log.history(q.topic, q.id, q.fields, q.from, q.to) : { t: [], values: {} } });
        } else if (m.type === 'snapshot') post({ type: 'snapshot', id: m.id, deltas: cursor ? filter(cursor.snapshot()) : [] });
      } catch (e) {
        post({ type: 'error', message: (e as Error).message ?? String(e) });
      }
    },
  };
}
