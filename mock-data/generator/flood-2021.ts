/**
 * The 20 July 2021 rainstorm as a timeline: the reconstructed hourly rainfall of the
 * Zhengzhou station (mock-data/catalog/rainfall-2021-07.ts) drives the ponding model
 * (mock-data/sim/flood.ts) at each of the 51 hotspots, with a seeded local rainfall
 * factor per place. Emits the `hotspots`, `rainfall` and `events` topics. Simulated.
 */
import { HOTSPOTS } from '../catalog/hotspots';
import { rainfall2021 } from '../catalog/rainfall-2021-07';
import { simulate, warningLevel, levelRank, type WarningLevel } from '../sim/flood';
import { withDryTail, type RainSeries } from '../sim/rain';
import { rng } from './rng';
import { round, TimelineBuilder } from './timeline';

export const FLOOD_2021 = {
  /** what the timeline shows: 19 Jul 00:00 → 22 Jul 00:00, Beijing time */
  from: Date.parse('2021-07-19T00:00:00+08:00'),
  to: Date.parse('2021-07-22T00:00:00+08:00'),
  stepMin: 5,
  seed: 20210720,
};

/** The Zhengzhou national meteorological station (approximate position). */
export const STATION = { id: 'zz-57083', name: '郑州国家气象站', name_en: 'Zhengzhou national station', lon: 113.66, lat: 34.72 };

const LEVEL_ZH: Record<WarningLevel, string> = { none: '解除', blue: '蓝色预警', yellow: '黄色预警', orange: '橙色预警', red: '红色预警' };
const LEVEL_EN: Record<WarningLevel, string> = { none: 'cleared', blue: 'blue warning', yellow: 'yellow warning', orange: 'orange warning', red: 'red warning' };

export function buildFlood2021(b: TimelineBuilder): void {
  const { from, to, stepMin, seed } = FLOOD_2021;
  const station = rainfall2021(stepMin);
  const start = Date.parse(station.start!);
  const stepMs = stepMin * 60_000;
  // rain data ends 21 Jul 08:00: a dry tail lets the water recede until the end
  const rain = withDryTail(station, Math.max(0, (to - start) / 60_000 - station.values_mm.length * stepMin));
  const n = Math.round((to - start) / stepMs);
  const r = rng(seed);

  // per-place rainfall: the station series scaled by a seeded local factor (0.8–1.15)
  const runs = HOTSPOTS.map((h) => {
    const factor = 0.8 + 0.35 * r();
    const local: RainSeries = { ...rain, values_mm: rain.values_mm.map((v) => v * factor) };
    return { h, local, run: simulate(h, local) };
  });

  // rainfall topic: the station's intensity, last hour and since 17 Jul 08:00
  let cum = 0;
  const first = Math.round((from - start) / stepMs);
  for (let i = 0; i < n; i++) {
    cum += rain.values_mm[i] ?? 0;
    if (i < first) continue;
    const t = start + (i + 1) * stepMs;
    let lastHour = 0;
    for (let k = Math.max(0, i - 60 / stepMin + 1); k <= i; k++) lastHour += rain.values_mm[k] ?? 0;
    b.add('rainfall', t, {
      upsert: [{ ...STATION, mm_h: round(((rain.values_mm[i] ?? 0) * 60) / stepMin), mm_1h: round(lastHour), mm_total: round(cum), reconstructed: true }],
    });
  }

  // hotspots: a snapshot at the start, then the places whose depth or level changed
  const last = new Map<string, { depth: number; level: WarningLevel }>();
  const peakLevel = new Map<string, WarningLevel>();
  let evSeq = 0;
  for (let i = first; i < n; i++) {
    const t = start + (i + 1) * stepMs;
    const upsert = [];
    for (const { h, local, run } of runs) {
      const depth = round(run.depth_cm[i], 0);
      const hourAgo = run.depth_cm[Math.max(0, i - 60 / stepMin)] ?? 0;
      const level = warningLevel(run.depth_cm[i], h.warning_cm);
      const before = last.get(h.id);
      if (i === first || !before || Math.abs(before.depth - depth) >= 1 || before.level !== level) {
        upsert.push({
          id: h.id,
          lon: h.lon,
          lat: h.lat,
          name: h.name_zh,
          name_en: h.name_en,
          kind: h.kind,
          district: h.district,
          depth_cm: depth,
          trend_cm_h: round(run.depth_cm[i] - hourAgo, 0),
          level,
          rain_mm_h: round(((local.values_mm[i] ?? 0) * 60) / stepMin, 0),
        });
        last.set(h.id, { depth, level });
      }
      // events: a warning rising to orange or red, and its clearing
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

  // the record hour, as a marker
  b.add('events', Date.parse('2021-07-20T16:00:00+08:00'), {
    upsert: [
      {
        id: 'ev-peak-hour',
        title: '16:00–17:00 郑州站小时降雨 201.9 mm，中国大陆有记录以来最大',
        title_en: '16:00–17:00: 201.9 mm in one hour at Zhengzhou station, the most on record in mainland China',
        level: 'alarm',
        lon: STATION.lon,
        lat: STATION.lat,
      },
    ],
  });
}
