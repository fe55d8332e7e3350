/**
 * Community risk tiers: the vocabulary shared by the layer, its topic schema, the
 * generator and the tests. Pure constants and functions (no DOM, no assets), so the
 * replay worker, Node scripts and the UI can all import it.
 *
 * Zhengzhou managed its 10,806 residential communities in three colour tiers:
 * green (precaution), yellow (controlled), red (lockdown).
 */
import type { RGBA, Text } from '../types';
import { text } from '../types';

export const TIERS = ['green', 'yellow', 'red'] as const;
export type Tier = (typeof TIERS)[number];

/** Tier → small integer (0 green, 1 yellow, 2 red): the order of risk. */
export function tierCode(t: unknown): number {
  return t === 'red' ? 2 : t === 'yellow' ? 1 : t === 'green' ? 0 : -1;
}

export const TIER_COLORS: Record<Tier, RGBA> = {
  green: [46, 204, 113, 255],
  yellow: [255, 214, 0, 255],
  red: [255, 59, 48, 255],
};

/** Fill colours of the community shapes: green is muted so yellow and red stand out. */
export const TIER_FILL: Record<Tier, RGBA> = {
  green: [46, 204, 113, 185],
  yellow: [255, 214, 0, 240],
  red: [255, 59, 48, 255],
};

export const TIER_TEXT: Record<Tier, Text> = {
  green: text('绿色 · 防范', 'Green · precaution'),
  yellow: text('黄色 · 管控', 'Yellow · controlled'),
  red: text('红色 · 封控', 'Red · lockdown'),
};

export const TIER_SHORT: Record<Tier, Text> = {
  green: text('绿', 'Green'),
  yellow: text('黄', 'Yellow'),
  red: text('红', 'Red'),
};

/**
 * The 16 county-level units of public/geo/districts.geojson (12 administrative + 4
 * functional zones), in display order: the old urban districts first, then the zones,
 * then the outer districts and county-level cities. A unit test checks the codes
 * against the GeoJSON.
 */
export interface DistrictInfo {
  code: string;
  zh: string;
  en: string;
  /** short names for chart axes */
  short_zh: string;
  short_en: string;
}

export const DISTRICTS: readonly DistrictInfo[] = [
  { code: '410105', zh: '金水区', en: 'Jinshui District', short_zh: '金水', short_en: 'Jinshui' },
  { code: '410103', zh: '二七区', en: 'Erqi District', short_zh: '二七', short_en: 'Erqi' },
  { code: '410102', zh: '中原区', en: 'Zhongyuan District', short_zh: '中原', short_en: 'Zhongyuan' },
  { code: '410104', zh: '管城回族区', en: 'Guancheng Hui District', short_zh: '管城', short_en: 'Guancheng' },
  { code: '410108', zh: '惠济区', en: 'Huiji District', short_zh: '惠济', short_en: 'Huiji' },
  { code: 'ZD', zh: '郑东新区', en: 'Zhengdong New District', short_zh: '郑东', short_en: 'Zhengdong' },
  { code: 'JK', zh: '郑州经济技术开发区', en: 'Economic-Technological Development Zone', short_zh: '经开', short_en: 'ETDZ' },
  { code: 'GX', zh: '郑州高新技术产业开发区', en: 'High-Tech Industrial Development Zone', short_zh: '高新', short_en: 'High-Tech' },
  { code: 'HKG', zh: '郑州航空港经济综合实验区', en: 'Airport Economy Zone', short_zh: '航空港', short_en: 'Airport' },
  { code: '410106', zh: '上街区', en: 'Shangjie District', short_zh: '上街', short_en: 'Shangjie' },
  { code: '410122', zh: '中牟县', en: 'Zhongmu County', short_zh: '中牟', short_en: 'Zhongmu' },
  { code: '410181', zh: '巩义市', en: 'Gongyi City', short_zh: '巩义', short_en: 'Gongyi' },
  { code: '410182', zh: '荥阳市', en: 'Xingyang City', short_zh: '荥阳', short_en: 'Xingyang' },
  { code: '410183', zh: '新密市', en: 'Xinmi City', short_zh: '新密', short_en: 'Xinmi' },
  { code: '410184', zh: '新郑市', en: 'Xinzheng City', short_zh: '新郑', short_en: 'Xinzheng' },
  { code: '410185', zh: '登封市', en: 'Dengfeng City', short_zh: '登封', short_en: 'Dengfeng' },
];

export const DISTRICT_CODES = DISTRICTS.map((d) => d.code) as [string, ...string[]];

const DISTRICT_INDEX = new Map(DISTRICTS.map((d, i) => [d.code, i]));

/** Index of a district code in DISTRICTS, or -1. */
export function districtIndex(code: unknown): number {
  return typeof code === 'string' ? (DISTRICT_INDEX.get(code) ?? -1) : -1;
}

export function districtInfo(code: unknown): DistrictInfo | undefined {
  const i = districtIndex(code);
  return i >= 0 ? DISTRICTS[i] : undefined;
}

/** The number of registered residential communities (the published figure). */
export const COMMUNITY_TOTAL = 10_806;

/** Topic names. */
export const TOPIC = 'communities';
export const STATS_TOPIC = 'community-stats';
/** id of the whole-city entity of the stats topic (the others are district codes) */
export const CITY_ID = 'city';

/** How a tier change moves: up the risk ladder, down it, or a down-step that skips yellow. */
export type TransitionKind = 'none' | 'escalate' | 'deescalate' | 'skip-down';

export function transitionKind(from: Tier | undefined, to: Tier): TransitionKind {
  if (!from || from === to) return 'none';
  const a = tierCode(from);
  const b = tierCode(to);
  if (b > a) return 'escalate';
  return a - b > 1 ? 'skip-down' : 'deescalate';
}

/**
 * Cross-fade of the two map views by zoom: 1 = city view (districts shaded by risk),
 * 0 = community view (every community in its tier colour).
 */
export const FADE_FROM = 10.75;
export const FADE_TO = 12;

export function cityViewWeight(zoom: number): number {
  if (!(zoom > FADE_FROM)) return 1;
  if (zoom >= FADE_TO) return 0;
  return 1 - (zoom - FADE_FROM) / (FADE_TO - FADE_FROM);
}

/** Metres per degree (local equirectangular approximation around Zhengzhou). */
export const M_PER_DEG_LAT = 110_940;
export function metresPerDegLon(lat: number): number {
  return 111_320 * Math.cos((lat * Math.PI) / 180);
}

/**
 * A community's outline from the wire: `shape` holds corner offsets in metres from
 * (lon, lat), [x0, y0, x1, y1, …] with x east and y north. Returns a closed ring of
 * [lon, lat] pairs, or null when the community has no outline (drawn as a point).
 */
export function outlineOf(lon: number, lat: number, shape: unknown): [number, number][] | null {
  if (!Array.isArray(shape) || shape.length < 6 || shape.length % 2) return null;
  const kx = 1 / metresPerDegLon(lat);
  const ky = 1 / M_PER_DEG_LAT;
  const ring: [number, number][] = [];
  for (let i = 0; i < shape.length; i += 2) {
    const x = shape[i];
    const y = shape[i + 1];
    if (typeof x !== 'number' || typeof y !== 'number') return null;
    ring.push([lon + x * kx, lat + y * ky]);
  }
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** Time of a wire field: epoch ms or ISO string (NaN if neither). */
export function timeField(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Date.parse(v);
  return NaN;
}

/** "07-21 10:32" in Beijing time (the city's own clock). */
export function shortTime(t: number): string {
  if (!Number.isFinite(t)) return '—';
  const d = new Date(t + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** "3 天前" / "3 d ago" relative to the data clock. */
export function ago(t: number, now: number, lang: 'zh' | 'en'): string {
  if (!Number.isFinite(t) || !Number.isFinite(now)) return '';
  const m = Math.max(0, Math.round((now - t) / 60_000));
  if (m < 60) return lang === 'zh' ? `${m} 分钟前` : `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return lang === 'zh' ? `${h} 小时前` : `${h} h ago`;
  const d = Math.round(h / 24);
  return lang === 'zh' ? `${d} 天前` : `${d} d ago`;
}
