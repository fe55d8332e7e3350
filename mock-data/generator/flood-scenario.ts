/**
 * Extra flood timelines (SIMULATED):
 *  - design-storm scenarios as replayable timelines (`flood-scenario-p100-60.ndjson` …):
 *    a Chicago design storm of Zhengzhou's storm intensity formula, falling uniformly on
 *    all 51 hotspots on a nominal day (the date is a placeholder, not an event);
 *  - a rain-gauge feed with bad values (`flood-bad-rainfall.ndjson`): negative, NaN,
 *    null and absurd (5,000 mm/h) readings that the edge must reject with a diagnostic,
 *    while the hotspots, driven by the live runner on the valid readings only, stay sane.
 */
import { HOTSPOTS } from '../catalog/hotspots';
import { rainfall2021 } from '../catalog/rainfall-2021-07';
import { createFloodRunner, simulate, warningLevel } from '../sim/flood';
import { chicagoHyetograph } from '../sim/rain-design';
import { validateRainSeries, type RainSeries } from '../sim/rain';
import { emitHotspots, emitRainfall, hotspotStatic, STATION } from './flood-emit';
import { buildCitizenReports } from './flood-reports';
import { round, TimelineBuilder } from './timeline';
import type { Fixture } from '../fixtures';

/** The design-storm timelines written by `npm run fixtures`. */
export const SCENARIO_FIXTURES = [
  { P: 5, durationMin: 60 },
  { P: 20, durationMin: 60 },
  { P: 100, durationMin: 60 },
] as const;

export function scenarioFixtureName(P: number, durationMin: number): string {
  return `flood-scenario-p${P}-${durationMin}.ndjson`;
}

/** Nominal day of the scenario timelines: the storm begins at 14:00. */
export const SCENARIO_DAY = { start: '2025-07-01T12:00:00+08:00', leadMin: 120, tailMin: 420 };

export function buildDesignStormTimeline(b: TimelineBuilder, P: number, durationMin: number): void {
  const stepMin = 5;
  const storm = chicagoHyetograph({ returnPeriod: P, durationMin, stepMin });
  const lead = SCENARIO_DAY.leadMin / stepMin;
  const tail = SCENARIO_DAY.tailMin / stepMin;
  const rain: RainSeries = {
    step_min: stepMin,
    start: SCENARIO_DAY.start,
    values_mm: [...new Array(lead).fill(0), ...storm.values_mm, ...new Array(tail).fill(0)],
    label: storm.label,
  };
  const start = Date.parse(SCENARIO_DAY.start);
  const n = rain.values_mm.length;
  const runs = HOTSPOTS.map((h) => ({ h, local: rain, run: simulate(h, rain) }));
  const o = { start, stepMin, first: 0, n, station: STATION.id };
  const key = `p${P}-${durationMin}`;
  emitRainfall(b, rain, { ...o, gauge: { ...STATION, name: `${STATION.name}（设计暴雨）`, name_en: `${STATION.name_en} (design storm)` }, extra: { design_storm: key } });
  emitHotspots(b, runs, o);
  buildCitizenReports(b, runs, rain, { ...o, seed: 7000 + P * 10 + durationMin });
  const stormStart = start + SCENARIO_DAY.leadMin * 60_000;
  b.add('events', stormStart, {
    upsert: [
      {
        id: `ev-design-${key}`,
        title: `设计暴雨情景：${P}年一遇、历时${durationMin / 60}小时，雨量 ${round(storm.values_mm.reduce((a, v) => a + v, 0))} mm（模拟，日期为示意）`,
        title_en: `Design storm scenario: ${P}-year, ${durationMin / 60} h, ${round(storm.values_mm.reduce((a, v) => a + v, 0))} mm (simulated; nominal date)`,
        level: 'warning',
        lon: STATION.lon,
        lat: STATION.lat,
      },
    ],
  });
}

/** Readings replaced by bad values in the bad-gauge fixture: step → raw JSON of mm_h. */
export const BAD_READINGS: Record<number, string> = {
  6: '-12',
  12: '5000',
  18: '"NaN"',
  24: 'NaN',
  30: 'null',
};

/**
 * A gauge feed 20 Jul 2021 14:00–17:00 (the station's reconstructed 5-min rain) with five
 * bad readings, and the hotspots computed live from the valid readings only.
 * Returns the NDJSON lines (some deliberately invalid).
 */
export function buildBadRainfallLines(): string[] {
  const stepMin = 5;
  const all = rainfall2021(stepMin);
  const from = Date.parse('2021-07-20T14:00:00+08:00');
  const i0 = Math.round((from - Date.parse(all.start!)) / (stepMin * 60_000));
  const steps = 36;
  const b = new TimelineBuilder();
  const runner = createFloodRunner(HOTSPOTS);
  const statics = HOTSPOTS.map((h) => hotspotStatic(h, STATION.id));
  for (let k = 0; k < steps; k++) {
    const t = from + (k + 1) * stepMin * 60_000;
    const mm = all.values_mm[i0 + k];
    const bad = BAD_READINGS[k] !== undefined;
    b.add('rainfall', t, { upsert: [{ ...STATION, mm_h: bad ? 0.123456 : round((mm * 60) / stepMin), reconstructed: true }] });
    // the live runner only takes readings that pass validation; a rejected one counts as no rain
    const v = validateRainSeries({ step_min: stepMin, values_mm: [bad ? (Number(BAD_READINGS[k]) * stepMin) / 60 : mm] });
    runner.step(v.ok ? v.series.values_mm[0] : 0, stepMin);
    const depths = runner.depths();
    b.add('hotspots', t, {
      snapshot: k === 0,
      upsert: HOTSPOTS.map((h, j) => ({ ...statics[j], depth_cm: round(depths[j], 0), level: warningLevel(depths[j], h.warning_cm) })),
    });
  }
  // inject the bad readings where the placeholder value stands
  let k = -1;
  return b.lines().map((line) => {
    if (!line.includes('"topic":"rainfall"')) return line;
    k++;
    return BAD_READINGS[k] !== undefined ? line.replace('"mm_h":0.123456', `"mm_h":${BAD_READINGS[k]}`) : line;
  });
}

/**
 * The flood layer's extra fixtures, in the shape of mock-data/fixtures.ts (so they can join
 * the fixture picker with one line there: `...FLOOD_FIXTURES`). Until then
 * mock-data/generate.ts writes them itself.
 */
export const FLOOD_FIXTURES: Fixture[] = SCENARIO_FIXTURES.map(({ P, durationMin }) => {
  const from = Date.parse(SCENARIO_DAY.start);
  const to = from + (SCENARIO_DAY.leadMin + durationMin + SCENARIO_DAY.tailMin) * 60_000;
  return {
    name: scenarioFixtureName(P, durationMin).replace(/\.ndjson$/, ''),
    title: { zh: `设计暴雨情景：${P}年一遇、${durationMin / 60}小时（内涝，模拟）`, en: `Design storm: ${P}-year, ${durationMin / 60} h (flooding, simulated)` },
    window: { from, to },
    builders: [(b: TimelineBuilder) => buildDesignStormTimeline(b, P, durationMin)],
  };
});
