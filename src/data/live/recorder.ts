/**
 * Records a live session as a timeline the replay source plays back to the same states:
 * first a snapshot of every table, then every applied delta in order. Sequence numbers
 * are the recording's own (1, 2, … per topic) and times never go backwards within a
 * topic, so the file passes the replay edge whatever the live server numbered.
 */
import type { Delta } from '../wire';
import type { TableSet } from '../../store/tables';

export class Recorder {
  private readonly lines: string[] = [];
  private readonly seq = new Map<string, number>();
  private readonly lastT = new Map<string, number>();
  count = 0;

  private push(d: { topic: string; t: number; upsert: readonly unknown[]; delete: readonly string[]; snapshot: boolean }): void {
    const seq = (this.seq.get(d.topic) ?? 0) + 1;
    this.seq.set(d.topic, seq);
    const t = Math.max(d.t, this.lastT.get(d.topic) ?? -Infinity);
    this.lastT.set(d.topic, t);
    const m: Record<string, unknown> = { topic: d.topic, seq, ts: t };
    if (d.snapshot) m.snapshot = true;
    if (d.upsert.length || d.snapshot) m.upsert = d.upsert;
    if (d.delete.length) m.delete = d.delete;
    this.lines.push(JSON.stringify(m));
    this.count++;
  }

  /** The state the recording starts from. */
  begin(tables: TableSet, t: number): void {
    for (const topic of tables.topics()) {
      const table = tables.table(topic);
      this.push({ topic, t: Math.max(t, table.time), upsert: table.rows, delete: [], snapshot: true });
    }
  }

  record(batch: readonly Delta[]): void {
    for (const d of batch) this.push(d);
  }

  text(): string {
    return this.lines.join('\n') + '\n';
  }
}
