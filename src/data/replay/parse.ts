/**
 * Reads an NDJSON timeline: each non-blank line goes through the edge; accepted deltas
 * build a ReplayLog, rejected lines become diagnostics. Accepted + rejected = lines read.
 * Runs in a Web Worker in the browser (src/app/replay.worker.ts) and in Node for tests.
 */
import { Edge, type TopicCounts } from '../edge';
import type { TopicRegistry } from '../topics';
import type { Delta, Reject } from '../wire';
import type { TimelineEvent, TimelineInfo } from '../source';
import { ReplayLogBuilder, type ReplayLog } from './log';

export interface ParseProgress {
  lines: number;
  bytes: number;
}

export interface ParsedTimeline {
  log: ReplayLog;
  info: TimelineInfo;
  counts: Record<string, TopicCounts>;
  /** the first rejects (capped), for the feed-health view */
  rejects: Reject[];
}

export const MAX_REJECTS_REPORTED = 1000;

export async function parseTimeline(
  lines: AsyncIterable<{ counter: number; line: string }> | Iterable<{ counter: number; line: string }>,
  topics: TopicRegistry,
  onProgress?: (p: ParseProgress) => void,
  onReject?: (r: Reject) => void,
): Promise<ParsedTimeline> {
  const edge = new Edge(topics, { monotonicTime: true });
  const builder = new ReplayLogBuilder();
  const events: TimelineEvent[] = [];
  const rejects: Reject[] = [];
  let read = 0;
  let bytes = 0;
  let accepted = 0;
  let rejected = 0;
  for await (const { counter, line } of lines) {
    bytes += line.length;
    const text = line.trim();
    if (!text) continue;
    read++;
    const r = edge.acceptText(text, { line: counter });
    if (r.ok) {
      builder.add(r.delta);
      if (r.delta.topic === 'events') collectEvents(r.delta, events);
      accepted++;
    } else {
      rejected++;
      if (rejects.length < MAX_REJECTS_REPORTED) rejects.push(r.reject);
      onReject?.(r.reject);
    }
    if (onProgress && (read & 4095) === 0) onProgress({ lines: read, bytes });
  }
  onProgress?.({ lines: read, bytes });
  const log = builder.finish();
  // in time order, as the log (a stable sort: a file out of time order is sorted there too)
  events.sort((a, b) => a.t - b.t);
  return {
    log,
    info: {
      start: log.start,
      end: log.end,
      lines: read,
      accepted,
      rejected,
      keyframes: log.keyframes.length,
      events,
      topics: log.topics,
    },
    counts: edge.snapshotCounts(),
    rejects,
  };
}

function collectEvents(d: Delta, out: TimelineEvent[]): void {
  for (const e of d.upsert) {
    out.push({
      id: e.id,
      t: d.t,
      title: String(e.title ?? e.id),
      title_en: typeof e.title_en === 'string' ? e.title_en : undefined,
      level: (e.level as TimelineEvent['level']) ?? 'info',
      lon: e.lon,
      lat: e.lat,
      ref_topic: typeof e.ref_topic === 'string' ? e.ref_topic : undefined,
      ref_id: typeof e.ref_id === 'string' ? e.ref_id : undefined,
    });
  }
}

/** Splits a string into numbered lines (tests and small inline timelines). */
export function* numberedLines(text: string): Iterable<{ counter: number; line: string }> {
  let counter = 0;
  for (const line of text.split('\n')) yield { counter: ++counter, line };
}
