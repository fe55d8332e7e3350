/**
 * Occupancy classes and their colours (discrete, so a video wall reads them at 5 m and the
 * legend matches the map): free < 50 % … nearly full ≥ 95 %. Occupancy is always clamped to
 * 0…1 before it is classed: a reading is never drawn as > 100 % or < 0 %.
 */
import type { RGBA, Text } from '../types';
import { text } from '../types';

export interface OccClass {
  min: number;
  color: RGBA;
  label: Text;
}

export const OCC_CLASSES: OccClass[] = [
  { min: 0, color: [46, 204, 113, 255], label: text('占用 < 50%', '< 50 % occupied') },
  { min: 0.5, color: [163, 217, 72, 255], label: text('50–70%', '50–70 %') },
  { min: 0.7, color: [255, 214, 0, 255], label: text('70–85%', '70–85 %') },
  { min: 0.85, color: [255, 138, 0, 255], label: text('85–95%', '85–95 %') },
  { min: 0.95, color: [255, 59, 48, 255], label: text('≥ 95%（将满）', '≥ 95 % (nearly full)') },
];

export const NO_READING: RGBA = [120, 140, 160, 200];

/** Clamp an occupancy ratio to 0…1 (NaN stays NaN: no reading). */
export function clampOcc(v: number): number {
  return Number.isNaN(v) ? NaN : v < 0 ? 0 : v > 1 ? 1 : v;
}

export function occClass(v: number): number {
  if (Number.isNaN(v)) return -1;
  const c = clampOcc(v);
  let k = 0;
  for (let i = 0; i < OCC_CLASSES.length; i++) if (c >= OCC_CLASSES[i].min) k = i;
  return k;
}

export function occColor(v: number): RGBA {
  const k = occClass(v);
  return k < 0 ? NO_READING : OCC_CLASSES[k].color;
}
