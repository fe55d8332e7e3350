/** Warning levels of a hotspot: colours, names and default depth thresholds. */
import type { RGBA } from '../types';
import { text } from '../types';
import { PALETTE } from '../_shared/colors';
import type { WarningLevel } from './topic';

export const LEVEL_COLORS: Record<WarningLevel, RGBA> = {
  none: [64, 196, 255, 230],
  blue: PALETTE.blue,
  yellow: PALETTE.yellow,
  orange: PALETTE.orange,
  red: PALETTE.red,
};

export const LEVEL_TEXT: Record<WarningLevel, { zh: string; en: string }> = {
  none: text('正常', 'Normal'),
  blue: text('蓝色预警', 'Blue warning'),
  yellow: text('黄色预警', 'Yellow warning'),
  orange: text('橙色预警', 'Orange warning'),
  red: text('红色预警', 'Red warning'),
};

/** Level from depth when the feed does not send one (default thresholds, cm). */
export function levelOfDepth(depth: number): WarningLevel {
  if (!(depth >= 15)) return 'none';
  if (depth < 27) return 'blue';
  if (depth < 40) return 'yellow';
  if (depth < 50) return 'orange';
  return 'red';
}

