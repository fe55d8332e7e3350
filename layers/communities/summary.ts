/**
 * What the community panel shows, derived from the table and its incremental index:
 * counts of a scope (city or one district), counts per district, and the latest tier
 * changes. Pure: unit-tested in summary.test.ts.
 */
import type { EntityTable } from '../../src/store/tables';
import { DISTRICTS, timeField, type Tier } from './model';
import type { CommunityIndex } from './state';

export interface Change {
  id: string;
  name: string;
  name_en: string;
  district: string;
  tier: Tier;
  prev?: Tier;
  since: number;
  reason: string;
  reason_en: string;
}

export interface Summary {
  /** changes when anything shown changes (keeps React from re-rendering otherwise) */
  key: string;
  /** number of rows in the table */
  rows: number;
  /** [green, yellow, red] of the scope */
  scope: [number, number, number];
  /** [green, yellow, red] per district, in DISTRICTS order */
  districts: [number, number, number][];
  latest: Change[];
}

/** The k most recent tier changes (by `since`), in a district (index) or the whole city (−1). */
export function latestChanges(table: EntityTable, ix: CommunityIndex, district: number, k = 5): Change[] {
  const best: { r: number; t: number }[] = [];
  const rows = table.rows;
  const n = Math.min(table.length, ix.length);
  for (let r = 0; r < n; r++) {
    if (district >= 0 && ix.districts[r] !== district) continue;
    const e = rows[r];
    if (!e.prev_tier) continue; // never changed since it was registered
    const t = timeField(e.since);
    if (!Number.isFinite(t)) continue;
    if (best.length === k && t <= best[k - 1].t) continue;
    best.push({ r, t });
    best.sort((a, b) => b.t - a.t || a.r - b.r);
    if (best.length > k) best.pop();
  }
  return best.map(({ r, t }) => {
    const e = rows[r];
    return {
      id: e.id,
      name: String(e.name ?? e.id),
      name_en: String(e.name_en ?? e.name ?? e.id),
      district: String(e.district),
      tier: e.tier as Tier,
      prev: e.prev_tier as Tier | undefined,
      since: t,
      reason: String(e.reason ?? ''),
      reason_en: String(e.reason_en ?? e.reason ?? ''),
    };
  });
}

export function summarize(table: EntityTable, ix: CommunityIndex, district: number, prev?: Summary): Summary {
  const districts = DISTRICTS.map((_, d) => ix.district(d));
  const scope: [number, number, number] = district >= 0 ? ix.district(district) : [ix.city[0], ix.city[1], ix.city[2]];
  const latest = latestChanges(table, ix, district);
  const key = `${district}|${ix.version}|${table.length}|${latest.map((c) => `${c.id}@${c.since}`).join(',')}`;
  if (prev && prev.key === key) return prev;
  return { key, rows: table.length, scope, districts, latest };
}
