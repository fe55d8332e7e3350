/** Citizen photo reports: labels, colours and text helpers (pure). */
import type { Entity } from '../../src/data/wire';
import type { RGBA, Text } from '../types';
import { text } from '../types';

export const SIMULATED_TEXT: Text = text('模拟数据', 'simulated');

/** Pin colour by handling status. */
export const REPORT_COLORS: Record<string, RGBA> = {
  new: [214, 120, 255, 255],
  verified: [255, 150, 220, 255],
  dispatched: [120, 230, 255, 255],
  closed: [150, 160, 180, 255],
};

export const REPORT_STATUS_TEXT: Record<string, Text> = {
  new: text('新上报', 'New'),
  verified: text('已核实', 'Verified'),
  dispatched: text('已派单处置', 'Crew dispatched'),
  closed: text('已办结', 'Closed'),
};

export const REPORT_KIND_TEXT: Record<string, Text> = {
  'standing-water': text('路面积水', 'Standing water'),
  'stalled-vehicle': text('车辆涉水熄火', 'Stalled vehicle'),
  'stalled-car': text('车辆涉水熄火', 'Stalled vehicle'),
  underpass: text('下穿通道积水', 'Flooded underpass'),
  manhole: text('井盖冒水', 'Manhole overflow'),
  'blocked-drain': text('雨水口堵塞', 'Blocked drain'),
  other: text('其他', 'Other'),
};

export function reportKindText(kind: unknown): Text {
  return (typeof kind === 'string' && REPORT_KIND_TEXT[kind]) || REPORT_KIND_TEXT.other;
}

/** The report's text in a language, shortened to `max` characters. */
export function reportText(e: Entity, lang: 'zh' | 'en', max = Infinity): string {
  const zh = typeof e.text === 'string' ? e.text : '';
  const s = lang === 'en' && typeof e.text_en === 'string' && e.text_en ? e.text_en : zh;
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** Epoch ms of the report, or NaN. */
export function reportMs(e: Entity): number {
  const v = e.reported_at;
  return typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
}

/** "MM-DD HH:MM" in Beijing time. */
export function reportTime(e: Entity): string {
  const t = reportMs(e);
  if (!Number.isFinite(t)) return '—';
  const d = new Date(t + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export const PHOTO_SCENES = ['street-water', 'underpass-water', 'stalled-car', 'manhole', 'drain'] as const;
export type PhotoScene = (typeof PHOTO_SCENES)[number];

export function photoScene(e: Entity): PhotoScene {
  const p = e.photo;
  return typeof p === 'string' && (PHOTO_SCENES as readonly string[]).includes(p) ? (p as PhotoScene) : 'street-water';
}
