/**
 * From hotspot rows to what the map draws: the depth shown (observed now, or the
 * scenario's predicted peak), its warning level, colour and dot size, as binary attributes
 * recomputed only when the table version or the scenario changes. Pure; unit-tested.
 */
import type { Entity } from '../../src/data/wire';
import type { EntityTable } from '../../src/store/tables';
import { LEVEL_COLORS, levelOf, levelOfDepth, radiusOfDepth, safeDepth, thresholdsOf } from './levels';
import type { ScenarioResult } from './scenario';
import type { WarningLevel } from './topic';

export interface HotspotView {
  /** depth shown, cm (observed now, or the predicted peak) */
  depth: number;
  level: WarningLevel;
  /** true when the values come from a scenario prediction */
  predicted: boolean;
}

/** What a hotspot row shows: the observed state, or (with a scenario) its predicted peak. */
export function viewOf(e: Entity, depthColumn: number | undefined, scenario: ScenarioResult | null): HotspotView {
  if (scenario) {
    const p = scenario.byId.get(e.id);
    if (p) return { depth: safeDepth(p.peak_cm), level: p.level, predicted: true };
    // not modelled: shown dry and neutral rather than with the observed state mixed in
    return { depth: 0, level: 'none', predicted: true };
  }
  const depth = safeDepth(depthColumn ?? e.depth_cm);
  return { depth, level: levelOf(e, depth), predicted: false };
}

export interface HotspotAttributes {
  length: number;
  depths: Float32Array;
  levels: Uint8Array;
  colors: Uint8Array;
  radii: Float32Array;
}

/** Per-row attributes, cached per (table, version, scenario). */
export function hotspotAttributes() {
  let cache: { table: EntityTable; version: number; key: string | null; out: HotspotAttributes } | null = null;
  return (table: EntityTable, scenario: ScenarioResult | null): HotspotAttributes => {
    const key = scenario ? scenario.key : null;
    if (cache && cache.table === table && cache.version === table.version && cache.key === key) return cache.out;
    const n = table.length;
    const depthCol = table.columns.depth_cm;
    const out: HotspotAttributes = {
      length: n,
      depths: new Float32Array(n),
      levels: new Uint8Array(n),
      colors: new Uint8Array(n * 4),
      radii: new Float32Array(n),
    };
    const order: WarningLevel[] = ['none', 'blue', 'yellow', 'orange', 'red'];
    for (let r = 0; r < n; r++) {
      const v = viewOf(table.rows[r], depthCol?.[r], scenario);
      const c = LEVEL_COLORS[v.level];
      out.depths[r] = v.depth;
      out.levels[r] = order.indexOf(v.level);
      out.colors.set(c, 4 * r);
      out.radii[r] = radiusOfDepth(v.depth);
    }
    cache = { table, version: table.version, key, out };
    return out;
  };
}

/** Counts by level of what the map shows. */
export function countLevels(table: EntityTable, scenario: ScenarioResult | null): Record<WarningLevel, number> {
  const counts: Record<WarningLevel, number> = { none: 0, blue: 0, yellow: 0, orange: 0, red: 0 };
  for (let r = 0; r < table.length; r++) counts[viewOf(table.rows[r], table.columns.depth_cm?.[r], scenario).level]++;
  return counts;
}

/** Level of a depth at a given entity's thresholds (for charts of its curve). */
export function levelAt(e: Entity, depth: number): WarningLevel {
  return levelOfDepth(depth, thresholdsOf(e));
}
