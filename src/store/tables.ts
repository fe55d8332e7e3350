/**
 * Entity tables: one per topic, the state the map and the panels read.
 *
 * A table keeps rows in dense arrays: `ids`, `rows` (the validated entity objects),
 * `positions` (lon, lat interleaved, Float64Array, NaN where unplaced) and one
 * Float32Array per numeric column the topic declares. deck.gl layers take these as
 * binary attributes (see `attributes()`), with `version` as their update trigger.
 *
 * A row keeps its index while its entity lives (deck.gl transitions match by index);
 * a delete moves the last row into the hole.
 */
import type { Delta, Entity } from '../data/wire';

const INITIAL_CAPACITY = 64;

export interface TableAttributes {
  length: number;
  /** lon, lat interleaved */
  positions: Float64Array;
  columns: Record<string, Float32Array>;
}

export class EntityTable {
  readonly topic: string;
  readonly columnNames: readonly string[];
  ids: string[] = [];
  rows: Entity[] = [];
  positions: Float64Array;
  columns: Record<string, Float32Array> = {};
  /** bumps on every change */
  version = 0;
  /** data time of the last applied delta */
  time = -Infinity;
  private readonly index = new Map<string, number>();
  private attrCache: { version: number; attrs: TableAttributes } | null = null;
  private capacity: number;

  constructor(topic: string, columnNames: readonly string[] = []) {
    this.topic = topic;
    this.columnNames = columnNames;
    this.capacity = INITIAL_CAPACITY;
    this.positions = new Float64Array(this.capacity * 2).fill(NaN);
    for (const c of columnNames) this.columns[c] = new Float32Array(this.capacity).fill(NaN);
  }

  get length(): number {
    return this.ids.length;
  }

  rowOf(id: string): number | undefined {
    return this.index.get(id);
  }

  get(id: string): Entity | undefined {
    const r = this.index.get(id);
    return r === undefined ? undefined : this.rows[r];
  }

  /** Apply one delta. Returns true if anything changed. */
  apply(d: Delta): boolean {
    if (d.snapshot) this.clear();
    for (const id of d.delete) this.remove(id);
    for (const e of d.upsert) this.upsert(e);
    this.time = d.t;
    this.version++;
    return true;
  }

  upsert(e: Entity): void {
    let r = this.index.get(e.id);
    if (r === undefined) {
      r = this.ids.length;
      if (r >= this.capacity) this.grow(r + 1);
      this.ids.push(e.id);
      this.rows.push(e);
      this.index.set(e.id, r);
    } else {
      this.rows[r] = e;
    }
    this.positions[2 * r] = typeof e.lon === 'number' ? e.lon : NaN;
    this.positions[2 * r + 1] = typeof e.lat === 'number' ? e.lat : NaN;
    for (const c of this.columnNames) {
      const v = e[c];
      this.columns[c][r] = typeof v === 'number' ? v : NaN;
    }
  }

  remove(id: string): void {
    const r = this.index.get(id);
    if (r === undefined) return;
    const last = this.ids.length - 1;
    if (r !== last) {
      const lastId = this.ids[last];
      this.ids[r] = lastId;
      this.rows[r] = this.rows[last];
      this.index.set(lastId, r);
      this.positions[2 * r] = this.positions[2 * last];
      this.positions[2 * r + 1] = this.positions[2 * last + 1];
      for (const c of this.columnNames) this.columns[c][r] = this.columns[c][last];
    }
    this.ids.pop();
    this.rows.pop();
    this.index.delete(id);
    this.positions[2 * last] = NaN;
    this.positions[2 * last + 1] = NaN;
  }

  clear(): void {
    this.positions.fill(NaN, 0, this.ids.length * 2);
    for (const c of this.columnNames) this.columns[c].fill(NaN, 0, this.ids.length);
    this.ids = [];
    this.rows = [];
    this.index.clear();
    this.version++;
  }

  /**
   * Binary data for deck.gl. After a change it returns fresh typed-array views (no copy),
   * so deck.gl sees a new buffer reference and uploads; unchanged, the same views.
   */
  attributes(): TableAttributes {
    if (this.attrCache && this.attrCache.version === this.version) return this.attrCache.attrs;
    const n = this.ids.length;
    const columns: Record<string, Float32Array> = {};
    for (const c of this.columnNames) columns[c] = this.columns[c].subarray(0, n);
    const attrs = { length: n, positions: this.positions.subarray(0, 2 * n), columns };
    this.attrCache = { version: this.version, attrs };
    return attrs;
  }

  private grow(min: number): void {
    let cap = this.capacity;
    while (cap < min) cap *= 2;
    const p = new Float64Array(cap * 2).fill(NaN);
    p.set(this.positions);
    this.positions = p;
    for (const c of this.columnNames) {
      const a = new Float32Array(cap).fill(NaN);
      a.set(this.columns[c]);
      this.columns[c] = a;
    }
    this.capacity = cap;
  }
}

/** All tables, keyed by topic. Created on first use with the topic's declared columns. */
export class TableSet {
  private readonly tables = new Map<string, EntityTable>();
  /** bumps when any table changes */
  version = 0;

  constructor(private readonly columnsOf: (topic: string) => readonly string[] = () => []) {}

  table(topic: string): EntityTable {
    let t = this.tables.get(topic);
    if (!t) {
      t = new EntityTable(topic, this.columnsOf(topic));
      this.tables.set(topic, t);
    }
    return t;
  }

  has(topic: string): boolean {
    return this.tables.has(topic);
  }

  topics(): string[] {
    return [...this.tables.keys()];
  }

  /** Apply a batch of deltas in one transaction. Returns the topics that changed. */
  applyBatch(batch: readonly Delta[]): Set<string> {
    const changed = new Set<string>();
    for (const d of batch) {
      this.table(d.topic).apply(d);
      changed.add(d.topic);
    }
    if (changed.size) this.version++;
    return changed;
  }

  clear(): void {
    for (const t of this.tables.values()) t.clear();
    this.version++;
  }
}
