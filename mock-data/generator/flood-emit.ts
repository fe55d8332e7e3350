/**
 * Shared by the flood timelines (the 20 July 2021 replay, design-storm scenarios): turns
 * model runs into `hotspots`, `rainfall` and `events` messages of the wire format.
 *
 * Each hotspot entity carries, besides its depth and warning level, what a detail panel
 * and a scenario prediction need: its kind, district, thresholds (`warn_cm`), ponding-model
 * parameters (`model`), whether it was reported, where it comes from and its rain gauge.
 */
import { DISTRICT_EN, type Hotspot } from '../catalog/hotspots';
import { warningLevel, levelRank, type FloodRun, type WarningLevel } from '../sim/flood';
import type { RainSeries } from '../sim/rain';
import { round, type TimelineBuilder } from './timeline';

/** The Zhengzhou national meteorological station (approximate position). */
export const STATION = { id: 'zz-57083', name: '郑州国家气象站', name_en: 'Zhengzhou national station', lon: 113.66, lat: 34.72 };

export const LEVEL_ZH: Record<WarningLevel, string> = { none: '解除', blue: '蓝色预警', yellow: '黄色预警', orange: '橙色预警', red: '红色预警' };
export const LEVEL_EN: Record<WarningLevel, string> = { none: 'cleared', blue: 'blue warning', yellow: 'yellow warning', orange: 'orange warning', red: 'red warning' };

/** The fields of a hotspot entity that do not change with the water. */
export function hotspotStatic(h: Hotspot, station: string) {
  return {
    id: h.id,
    lon: h.lon,
    lat: h.lat,
    name: h.name_zh,
    name_en: h.name_en,
    kind: h.kind,
    district: h.district,
    district_en: DISTRICT_EN[h.district],
    ...(h.detail_zh ? { detail: h.detail_zh } : {}),
    station,
    warn_cm: { ...h.warning_cm },
    model: {
      catchment_ha: h.catchment_ha,
      runoff_coeff: h.runoff_coeff,
      drain_capacity_mm_h: h.drain_capacity_mm_h,
      storage_m3_per_cm: h.storage_m3_per_cm,
      max_depth_cm: h.max_depth_cm,
    },
    reported: h.reported,
    source: h.sources.join('; ').slice(0, 400),
  };
}

export interface HotspotRun {
  h: Hotspot;
  /** the rain that fell on the place, per step */
  local: RainSeries;
  run: FloodRun;
}

export interface EmitOptions {
  /** epoch ms of the start of step 0 of the runs */
  start: number;
  stepMin: number;
  /** first step emitted (its end time is the first message time) */
  first: number;
  /** steps to emit: [first, n) */
  n: number;
  station: string;
}

/**
 * `hotspots`: a snapshot at the first step, then the places whose depth (≥ 1 cm) or level
 * changed. `events`: a warning rising to orange or red (an alert), and its clearing when
 * the water is gone. Levels come from each place's own thresholds.
 */
export function emitHotspots(b: TimelineBuilder, runs: readonly HotspotRun[], o: EmitOptions): void {
  const { start, stepMin, first, n } = o;
  const stepMs = stepMin * 60_000;
  const statics = new Map(runs.map(({ h }) => [h.id, hotspotStatic(h, o.station)]));
  const last = new Map<string, { depth: number; level: WarningLevel }>();
  const peakLevel = new Map<string, WarningLevel>();
  let evSeq = 0;
  for (let i = first; i < n; i++) {
    const t = start + (i + 1) * stepMs;
    const upsert = [];
    for (const { h, local, run } of runs) {
      const depth = round(run.depth_cm[i] ?? 0, 0);
      const hourAgo = run.depth_cm[Math.max(0, i - 60 / stepMin)] ?? 0;
      const level = warningLevel(run.depth_cm[i] ?? 0, h.warning_cm);
      const before = last.get(h.id);
      if (i === first || !before || Math.abs(before.depth - depth) >= 1 || before.level !== level) {
        upsert.push({
          ...statics.get(h.id)!,
          depth_cm: depth,
          trend_cm_h: round((run.depth_cm[i] ?? 0) - hourAgo, 0),
          level,
          rain_mm_h: round(((local.values_mm[i] ?? 0) * 60) / stepMin, 0),
        });
        last.set(h.id, { depth, level });
      }
      const prevLevel = before?.level ?? 'none';
      if (i > first && levelRank(level) > levelRank(prevLevel) && levelRank(level) >= levelRank('orange')) {
        b.add('events', t, {
          upsert: [
            {
              id: `ev-${++evSeq}`,
              title: `${h.name_zh} ${LEVEL_ZH[level]}（积水 ${depth} cm）`,
              title_en: `${h.name_en}: ${LEVEL_EN[level]} (${depth} cm of water)`,
              level: level === 'red' ? 'alarm' : 'warning',
              lon: h.lon,
              lat: h.lat,
              ref_topic: 'hotspots',
              ref_id: h.id,
            },
          ],
        });
        peakLevel.set(h.id, level);
      } else if (i > first && level === 'none' && prevLevel !== 'none' && peakLevel.has(h.id)) {
        b.add('events', t, {
          upsert: [
            {
              id: `ev-${++evSeq}`,
              title: `${h.name_zh} 积水消退，预警解除`,
              title_en: `${h.name_en}: water receded, warning cleared`,
              level: 'info',
              lon: h.lon,
              lat: h.lat,
              ref_topic: 'hotspots',
              ref_id: h.id,
            },
          ],
        });
        peakLevel.delete(h.id);
      }
    }
    if (upsert.length || i === first) b.add('hotspots', t, { upsert, snapshot: i === first });
  }
}

/**
 * `rainfall`: the gauge's intensity of each step, the rain of the last hour and the total
 * since the series start (`cumFrom`: steps before `first` that still count in the total).
 */
export function emitRainfall(
  b: TimelineBuilder,
  rain: RainSeries,
  o: EmitOptions & { gauge: typeof STATION; extra?: Record<string, string | number | boolean> },
): void {
  const { start, stepMin, first, n } = o;
  const stepMs = stepMin * 60_000;
  let cum = 0;
  for (let i = 0; i < n; i++) {
    cum += rain.values_mm[i] ?? 0;
    if (i < first) continue;
    const t = start + (i + 1) * stepMs;
    let lastHour = 0;
    for (let k = Math.max(0, i - 60 / stepMin + 1); k <= i; k++) lastHour += rain.values_mm[k] ?? 0;
    b.add('rainfall', t, {
      upsert: [{ ...o.gauge, mm_h: round(((rain.values_mm[i] ?? 0) * 60) / stepMin), mm_1h: round(lastHour), mm_total: round(cum), ...(o.extra ?? {}) }],
    });
  }
}
