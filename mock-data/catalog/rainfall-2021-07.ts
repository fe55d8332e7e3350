/**
 * Zhengzhou national station, hourly rainfall 17 Jul 2021 08:00 – 21 Jul 2021 08:00
 * (Beijing time, UTC+8): a RECONSTRUCTION, not the observed record.
 *
 * No hour-by-hour series was available offline. The 96 values below are constructed to
 * reproduce every published total exactly (to 0.1 mm) and to follow the storm's known
 * course; the individual hours other than 16:00–17:00 on 20 July are invented.
 *
 * Published anchors (see ANCHORS for sources):
 *   a) 20 Jul 16–17            201.9 mm (largest hour on record in mainland China)
 *   b) 20 Jul 08 – 21 Jul 08   624.1 mm
 *   c) 19 Jul 20 – 20 Jul 20   552.5 mm
 *   d) 17 Jul 20 – 20 Jul 20   617.1 mm
 *   e) 17 Jul 08 – 21 Jul 08   772   mm
 *
 * How they fit together. Write the four days as six blocks:
 *   S1 = 17 Jul 08–20, S2 = 17 Jul 20 – 19 Jul 20, S3 = 19 Jul 20 – 20 Jul 08,
 *   X  = 20 Jul 08–20, Y  = 20 Jul 20 – 21 Jul 08.
 *   (b) X + Y = 624.1   (c) S3 + X = 552.5   (d) S2 + S3 + X = 617.1   (e) S1 + S2 + S3 + X + Y = 772
 * So S2 = 617.1 − 552.5 = 64.6 mm and S1 + Y = 772 − 617.1 = 154.9 mm; one degree of
 * freedom remains: Y = S3 + 71.6, so Y ≥ 71.6 mm (the night after the peak was still wet)
 * and X = 624.1 − Y ≥ 469.2 mm (the daytime of 20 July holds most of the day's rain).
 * Chosen: S3 = 28.4 → Y = 100.0, X = 524.1, S1 = 54.9, S2 = 64.6. They are consistent.
 *
 * Shape: a daytime rainstorm on 17 July (54.9 mm), intermittent moderate rain 17–19 July,
 * light rain through the night of the 19th, rain intensifying from late morning of the
 * 20th, three extreme hours 15–18 (118.4, 201.9, 62.3 mm), a rapid decline in the evening
 * and little after midnight.
 *
 * For the true series see J. Appl. Meteor. Sci. 2022 (doi 10.11898/1001-7313.20220603) or
 * Remote Sensing 2023, 15(18):4511; replace VALUES with it when available.
 */
import { disaggregate, type RainSeries } from '../sim/rain.ts';

/** Start of the first hour. */
export const RAIN_2021_START = '2021-07-17T08:00:00+08:00';

// prettier-ignore
const VALUES: readonly number[] = [
  // 17 Jul 08–19: a daytime rainstorm, S1 = 54.9
  0.3, 1.2, 2.5, 4.1, 6.8, 9.6, 12.4, 8.3, 4.6, 2.7, 1.5, 0.9,
  // 17 Jul 20–23 (S2 begins)
  0.6, 0.4, 0.2, 0.1,
  // 18 Jul 00–07
  0.0, 0.0, 0.3, 1.1, 2.0, 1.4, 0.6, 0.2,
  // 18 Jul 08–19
  0.1, 0.4, 1.2, 2.6, 3.8, 2.9, 1.7, 0.9, 0.5, 0.3, 0.2, 0.1,
  // 18 Jul 20–23
  0.2, 0.5, 1.1, 1.6,
  // 19 Jul 00–07
  1.9, 1.3, 0.7, 0.4, 0.3, 0.6, 1.0, 1.4,
  // 19 Jul 08–19 (S2 ends; S2 = 64.6)
  1.8, 2.3, 2.6, 2.9, 3.4, 3.5, 4.3, 3.6, 2.8, 2.2, 1.6, 1.0,
  // 19 Jul 20–23 (S3 begins)
  2.1, 3.4, 4.0, 2.6,
  // 20 Jul 00–07 (S3 ends; S3 = 28.4)
  1.5, 0.8, 0.6, 1.2, 2.3, 2.9, 3.2, 3.8,
  // 20 Jul 08–19: X = 524.1; 16:00–17:00 = 201.9 (published)
  1.9, 2.6, 3.3, 4.4, 6.0, 9.7, 36.6, 118.4, 201.9, 62.3, 42.0, 35.0,
  // 20 Jul 20–23
  31.0, 27.0, 19.5, 12.0,
  // 21 Jul 00–07 (Y = 100.0)
  4.5, 2.8, 1.5, 0.9, 0.5, 0.2, 0.1, 0.0,
];

/** The reconstructed hourly series (mm per hour, 96 steps from 17 Jul 08:00). */
export const RAIN_2021_07_HOURLY: RainSeries = {
  start: RAIN_2021_START,
  step_min: 60,
  values_mm: VALUES,
  label: 'Zhengzhou station 17–21 Jul 2021 (reconstructed hourly)',
};

export interface RainAnchor {
  /** inclusive start, ISO with +08:00 */
  from: string;
  /** exclusive end, ISO with +08:00 */
  to: string;
  mm: number;
  source: string;
}

/** Published totals the reconstruction reproduces. */
export const ANCHORS: readonly RainAnchor[] = [
  {
    from: '2021-07-20T16:00:00+08:00',
    to: '2021-07-20T17:00:00+08:00',
    mm: 201.9,
    source: 'China Meteorological Administration experts; Guangming Daily (English), 2021-08-18',
  },
  {
    from: '2021-07-20T08:00:00+08:00',
    to: '2021-07-21T08:00:00+08:00',
    mm: 624.1,
    source: 'Guangming Daily (English), 2021-08-18',
  },
  {
    from: '2021-07-19T20:00:00+08:00',
    to: '2021-07-20T20:00:00+08:00',
    mm: 552.5,
    source: 'Zhengzhou Meteorological Bureau, relayed',
  },
  {
    from: '2021-07-17T20:00:00+08:00',
    to: '2021-07-20T20:00:00+08:00',
    mm: 617.1,
    source: 'Zhengzhou Meteorological Bureau, relayed (station mean annual total 640.8 mm)',
  },
  {
    from: '2021-07-17T08:00:00+08:00',
    to: '2021-07-21T08:00:00+08:00',
    mm: 772,
    source: 'Caixin, 2021-07-21',
  },
];

export const RAIN_2021_07_META = {
  station: 'Zhengzhou national meteorological station (郑州国家气象站)',
  station_en: 'Zhengzhou',
  timezone: '+08:00',
  reconstructed: true as const,
  anchors: ANCHORS,
  note:
    'Reconstructed hourly series: every published total (ANCHORS) is reproduced exactly; ' +
    'the other hours are invented to follow the storm’s course. Not the observed record.',
} as const;

/** Hours since the series start of an ISO time (may be fractional). */
export function hourIndex(iso: string): number {
  return (Date.parse(iso) - Date.parse(RAIN_2021_START)) / 3_600_000;
}

/** Total (mm) between two ISO times that fall on whole hours of the series. */
export function sumBetween(fromIso: string, toIso: string): number {
  const a = hourIndex(fromIso);
  const b = hourIndex(toIso);
  if (!Number.isInteger(a) || !Number.isInteger(b)) throw new Error('sumBetween needs whole hours');
  let s = 0;
  for (let i = Math.max(0, a); i < Math.min(b, VALUES.length); i++) s += VALUES[i];
  return Math.round(s * 10) / 10;
}

/**
 * The series at a finer step (default 5 min): each hour is spread with a smooth
 * within-hour profile that keeps every hourly total (see `disaggregate` in sim/rain.ts).
 */
export function rainfall2021(stepMin = 5): RainSeries {
  if (stepMin === 60) return RAIN_2021_07_HOURLY;
  return { ...disaggregate(RAIN_2021_07_HOURLY, stepMin), label: `${RAIN_2021_07_HOURLY.label}, ${stepMin}-min disaggregated` };
}
