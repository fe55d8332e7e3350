/**
 * Warning levels of a hotspot: colours, names, and the thresholds that apply to a place
 * (its own `warn_cm` when the feed sends them, else the defaults of its kind).
 * Pure functions: unit-tested in levels.test.ts.
 */
import type { Entity } from '../../src/data/wire';
import type { RGBA, Text } from '../types';
import { text } from '../types';
import { PALETTE } from '../_shared/colors';
import { WARNING_LEVELS, type WarningLevel } from './topic';

export interface Thresholds {
  blue: number;
  yellow: number;
  orange: number;
  red: number;
}

/** Roads: kerb (15), half a wheel (27), a car's sill (40), engine air intake (50). */
export const ROAD_THRESHOLDS: Thresholds = { blue: 15, yellow: 27, orange: 40, red: 50 };
/** Underpasses and tunnels: stricter, water there traps vehicles. */
export const TUNNEL_THRESHOLDS: Thresholds = { blue: 10, yellow: 20, orange: 30, red: 40 };

export const LEVEL_COLORS: Record<WarningLevel, RGBA> = {
  none: PALETTE.green,
  blue: PALETTE.blue,
  yellow: PALETTE.yellow,
  orange: PALETTE.orange,
  red: PALETTE.red,
};

export const LEVEL_TEXT: Record<WarningLevel, Text> = {
  none: text('正常', 'Normal'),
  blue: text('蓝色预警', 'Blue warning'),
  yellow: text('黄色预警', 'Yellow warning'),
  orange: text('橙色预警', 'Orange warning'),
  red: text('红色预警', 'Red warning'),
};

/** Short names for chips and axes. */
export const LEVEL_SHORT: Record<WarningLevel, Text> = {
  none: text('正常', 'Normal'),
  blue: text('蓝', 'Blue'),
  yellow: text('黄', 'Yellow'),
  orange: text('橙', 'Orange'),
  red: text('红', 'Red'),
};

export const KIND_TEXT: Record<string, Text> = {
  underpass: text('下穿通道', 'Underpass'),
  tunnel: text('隧道', 'Tunnel'),
  junction: text('路口', 'Junction'),
  'road-section': text('路段', 'Road section'),
  'bridge-under': text('桥下', 'Under a bridge'),
};

export function kindText(kind: unknown): Text | null {
  return typeof kind === 'string' ? (KIND_TEXT[kind] ?? text(kind, kind)) : null;
}

export function levelRank(l: WarningLevel): number {
  return WARNING_LEVELS.indexOf(l);
}

/** A depth made safe for display: NaN, infinite or negative → 0. */
export function safeDepth(d: unknown): number {
  return typeof d === 'number' && Number.isFinite(d) && d > 0 ? d : 0;
}

function validThresholds(w: unknown): w is Thresholds {
  if (!w || typeof w !== 'object') return false;
  const t = w as Record<string, unknown>;
  const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  return ok(t.blue) && ok(t.yellow) && ok(t.orange) && ok(t.red) && (t.blue as number) < (t.yellow as number) && (t.yellow as number) < (t.orange as number) && (t.orange as number) < (t.red as number);
}

/** The thresholds that apply to a place: its own, else those of its kind. */
export function thresholdsOf(e: Pick<Entity, 'kind' | 'warn_cm'> | Entity): Thresholds {
  if (validThresholds(e.warn_cm)) return e.warn_cm;
  return e.kind === 'underpass' || e.kind === 'tunnel' ? TUNNEL_THRESHOLDS : ROAD_THRESHOLDS;
}

/** Level of a depth against thresholds (NaN or negative depth: none). */
export function levelOfDepth(depth: number, w: Thresholds = ROAD_THRESHOLDS): WarningLevel {
  if (!(depth >= w.blue)) return 'none';
  if (depth >= w.red) return 'red';
  if (depth >= w.orange) return 'orange';
  if (depth >= w.yellow) return 'yellow';
  return 'blue';
}

/** The level of an entity now: the feed's own `level` if it sends one, else from its depth and thresholds. */
export function levelOf(e: Entity, depth = safeDepth(e.depth_cm)): WarningLevel {
  const l = e.level;
  if (typeof l === 'string' && (WARNING_LEVELS as readonly string[]).includes(l)) return l as WarningLevel;
  return levelOfDepth(depth, thresholdsOf(e));
}

/** Dot radius in pixels: 6 px dry … 16 px at 1 m and more. */
export function radiusOfDepth(depth: number): number {
  return 6 + Math.min(10, safeDepth(depth) / 10);
}

/** Trend arrow and text, e.g. "↑ 12 cm/h". */
export function trendText(trend: unknown): string | null {
  if (typeof trend !== 'number' || !Number.isFinite(trend)) return null;
  const arrow = trend > 0.5 ? '↑' : trend < -0.5 ? '↓' : '→';
  return `${arrow} ${Math.abs(trend).toFixed(0)} cm/h`;
}

export function nameOf(e: Entity, lang: 'zh' | 'en'): string {
  const zh = typeof e.name === 'string' ? e.name : e.id;
  return lang === 'en' && typeof e.name_en === 'string' && e.name_en ? e.name_en : zh;
}
