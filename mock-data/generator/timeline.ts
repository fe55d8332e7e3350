/**
 * Builds a timeline in the wire format: messages with per-topic sequence numbers,
 * sorted by time, written as NDJSON (one message per line).
 */
import type { Entity } from '../../src/data/wire';

export interface Message {
  topic: string;
  seq: number;
  ts: string | number;
  upsert?: Entity[];
  delete?: string[];
  snapshot?: boolean;
}

/** ISO 8601 in Beijing time (+08:00), the city's own clock, to the second. */
export function isoBeijing(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}+08:00`;
}

export class TimelineBuilder {
  private readonly messages: { t: number; order: number; m: Message }[] = [];
  private order = 0;

  /** Adds a message at data time t (any order: sequence numbers are given in time order). */
  add(topic: string, t: number, body: { upsert?: Entity[]; delete?: string[]; snapshot?: boolean }): void {
    const m: Message = { topic, seq: 0, ts: isoBeijing(t) };
    if (body.snapshot) m.snapshot = true;
    if (body.upsert?.length || body.snapshot) m.upsert = body.upsert ?? [];
    if (body.delete?.length) m.delete = body.delete;
    this.messages.push({ t, order: this.order++, m });
  }

  get length(): number {
    return this.messages.length;
  }

  /** NDJSON lines in time order (stable within a time), numbered per topic from 1. */
  lines(): string[] {
    const seqs = new Map<string, number>();
    return [...this.messages]
      .sort((a, b) => a.t - b.t || a.order - b.order)
      .map(({ m }) => {
        const seq = (seqs.get(m.topic) ?? 0) + 1;
        seqs.set(m.topic, seq);
        return JSON.stringify({ ...m, seq });
      });
  }
}

/** Round to a number of decimals (keeps fixtures small and stable). */
export function round(v: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}
