/**
 * Incremental view of the `communities` table: tier counts per district and for the
 * city, the rows whose tier changed (for incremental recolouring), and a geometry
 * version (ids, positions or outlines changed: the shapes must be rebuilt).
 *
 * The store hands layers tables, not deltas. A changed entity is a new object in its
 * row (the table replaces the whole entity), so `sync` finds the changed rows by
 * reference — one pointer comparison per row, no recount — and adjusts the counts by
 * the changed rows only: remove the old contribution, add the new one. It holds for any
 * sequence of upserts, deletes (the last row moves into the hole) and snapshots.
 * Pure TypeScript: unit-tested in state.test.ts.
 */
import type { EntityTable } from '../../src/store/tables';
import type { Entity } from '../../src/data/wire';
import { DISTRICTS, districtIndex, tierCode } from './model';

const ND = DISTRICTS.length;

function sameShape(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class CommunityIndex {
  /** per district × tier: counts[3 * d + tier] */
  readonly counts = new Int32Array(ND * 3);
  /** per tier, the whole city */
  readonly city = new Int32Array(3);
  /** rows known (the table's length at the last sync) */
  length = 0;
  /** bumps whenever a count changes */
  version = 0;
  /** bumps whenever an id, position or outline changed (shapes must be rebuilt) */
  geometryVersion = 0;
  /** per row: tier code (−1 unknown) and district index (−1 unknown) */
  tiers = new Int8Array(0);
  districts = new Int16Array(0);
  /** per row: the entity last seen there */
  private refs: (Entity | undefined)[] = [];
  private seenTable: EntityTable | null = null;
  private seenVersion = -1;
  /** rows whose tier changed, an append-only log; `logStart` is the sequence of log[0] */
  private log: number[] = [];
  private logStart = 0;
  /** rows changed by the last sync */
  lastChanged = 0;

  /** Bring the view up to date with the table (a no-op if the table did not change). */
  sync(table: EntityTable): this {
    if (table === this.seenTable && table.version === this.seenVersion) return this;
    if (table !== this.seenTable && this.seenTable) this.reset();
    this.seenTable = table;
    this.seenVersion = table.version;
    const n = table.length;
    this.ensure(n);
    const rows = table.rows;
    let geometry = false;
    let changed = 0;
    let counted = false;
    for (let r = 0; r < n; r++) {
      const e = rows[r];
      const old = this.refs[r];
      if (e === old) continue;
      changed++;
      const t = tierCode(e.tier);
      const d = districtIndex(e.district);
      if (old) {
        this.add(this.tiers[r], this.districts[r], -1);
        if (old.id !== e.id || old.lon !== e.lon || old.lat !== e.lat || !sameShape(old.shape, e.shape)) geometry = true;
      } else geometry = true;
      if (!old || this.tiers[r] !== t || old.id !== e.id) this.log.push(r);
      this.tiers[r] = t;
      this.districts[r] = d;
      this.add(t, d, +1);
      this.refs[r] = e;
      counted = true;
    }
    for (let r = n; r < this.length; r++) {
      this.add(this.tiers[r], this.districts[r], -1);
      this.refs[r] = undefined;
      this.tiers[r] = -1;
      this.districts[r] = -1;
      geometry = true;
      counted = true;
      changed++;
    }
    this.refs.length = n;
    this.length = n;
    this.lastChanged = changed;
    if (counted) this.version++;
    if (geometry) this.geometryVersion++;
    // keep the log bounded: a reader further behind than this recolours everything
    if (this.log.length > 4 * Math.max(n, 1024)) {
      const drop = this.log.length - 2 * Math.max(n, 1024);
      this.log.splice(0, drop);
      this.logStart += drop;
    }
    return this;
  }

  /** Sequence number after the last logged change (a reader's cursor). */
  get logEnd(): number {
    return this.logStart + this.log.length;
  }

  /** Rows whose tier changed since cursor `seq` (may repeat), or null if the log no longer reaches back. */
  changedSince(seq: number): number[] | null {
    if (seq < this.logStart) return null;
    return this.log.slice(seq - this.logStart);
  }

  /** Counts of one district (index into DISTRICTS): [green, yellow, red]. */
  district(d: number): [number, number, number] {
    return [this.counts[3 * d], this.counts[3 * d + 1], this.counts[3 * d + 2]];
  }

  /** Total counted (rows with a known tier and district). */
  total(): number {
    return this.city[0] + this.city[1] + this.city[2];
  }

  private add(t: number, d: number, k: number): void {
    if (t < 0 || d < 0) return;
    this.counts[3 * d + t] += k;
    this.city[t] += k;
  }

  private ensure(n: number): void {
    if (this.tiers.length >= n) return;
    const cap = Math.max(n, this.tiers.length * 2, 1024);
    const t = new Int8Array(cap).fill(-1);
    t.set(this.tiers);
    this.tiers = t;
    const d = new Int16Array(cap).fill(-1);
    d.set(this.districts);
    this.districts = d;
  }

  private reset(): void {
    this.counts.fill(0);
    this.city.fill(0);
    this.refs = [];
    this.tiers.fill(-1);
    this.districts.fill(-1);
    this.length = 0;
    this.geometryVersion++;
    this.logStart += this.log.length + 1; // readers fall behind: full recolour
    this.log = [];
  }
}

const indexes = new WeakMap<EntityTable, CommunityIndex>();

/** The (shared) incremental view of a communities table, synced. */
export function communityIndex(table: EntityTable): CommunityIndex {
  let ix = indexes.get(table);
  if (!ix) {
    ix = new CommunityIndex();
    indexes.set(table, ix);
  }
  return ix.sync(table);
}
