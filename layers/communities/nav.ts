/**
 * Drill-down levels: city → district → community, derived from the cockpit's selection
 * (districts are selected as topic `districts` with their code, communities as
 * `communities` with their id). Pure functions: unit-tested in nav.test.ts.
 */
import type { EntityTable } from '../../src/store/tables';
import { cityBounds, districtBounds } from './geo';
import { districtIndex, TOPIC } from './model';
import type { CommunityIndex } from './state';

export type Level =
  | { level: 'city' }
  | { level: 'district'; district: string }
  | { level: 'community'; district: string; id: string };

export interface Sel {
  topic: string;
  id: string;
}

/** The drill-down level of a selection (another layer's selection: the city). */
export function levelOf(sel: Sel | null, districtOf: (id: string) => string | undefined): Level {
  if (sel?.topic === 'districts' && districtIndex(sel.id) >= 0) return { level: 'district', district: sel.id };
  if (sel?.topic === TOPIC) {
    const d = districtOf(sel.id);
    if (d && districtIndex(d) >= 0) return { level: 'community', district: d, id: sel.id };
  }
  return { level: 'city' };
}

/** One level up: what to select (null: clear), or undefined at the top. */
export function upOf(l: Level): { topic: string; id: string } | null | undefined {
  if (l.level === 'community') return { topic: 'districts', id: l.district };
  if (l.level === 'district') return null;
  return undefined;
}

/** The district code in focus (a district or a community of it is selected), or null. */
export function focusOf(sel: Sel | null, table: EntityTable): string | null {
  const l = levelOf(sel, (id) => table.get(id)?.district as string | undefined);
  return l.level === 'city' ? null : l.district;
}

type Bounds = [[number, number], [number, number]];

/**
 * Where to fly for a district: the box around the bulk (2nd–98th percentile) of its
 * communities, so that a large county zooms to where people live; its outline's box if it
 * has no communities.
 */
export function districtView(code: string, table: EntityTable, index: CommunityIndex): Bounds | null {
  const d = districtIndex(code);
  if (d < 0) return null;
  const lons: number[] = [];
  const lats: number[] = [];
  const pos = table.positions;
  for (let r = 0; r < index.length; r++) {
    if (index.districts[r] !== d) continue;
    lons.push(pos[2 * r]);
    lats.push(pos[2 * r + 1]);
  }
  if (lons.length < 5) return districtBounds(code);
  lons.sort((a, b) => a - b);
  lats.sort((a, b) => a - b);
  const q = (xs: number[], f: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.round(f * (xs.length - 1))))];
  const pad = 0.004;
  return [
    [q(lons, 0.02) - pad, q(lats, 0.02) - pad],
    [q(lons, 0.98) + pad, q(lats, 0.98) + pad],
  ];
}

export function cityView(): Bounds {
  return cityBounds();
}
