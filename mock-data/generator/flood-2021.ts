/**
 * The 20 July 2021 rainstorm as a timeline: the reconstructed hourly rainfall of the
 * Zhengzhou station (mock-data/catalog/rainfall-2021-07.ts) drives the ponding model
 * (mock-data/sim/flood.ts) at each of the 51 hotspots, with a seeded local rainfall
 * factor per place. Emits the `hotspots`, `rainfall`, `events` and `reports` (simulated
 * citizen photo reports, mock-data/generator/flood-reports.ts) topics. Simulated.
 */
import { HOTSPOTS } from '../catalog/hotspots';
import { rainfall2021 } from '../catalog/rainfall-2021-07';
import { simulate } from '../sim/flood';
import { withDryTail, type RainSeries } from '../sim/rain';
import { rng } from './rng';
import { TimelineBuilder } from './timeline';
import { emitHotspots, emitRainfall, STATION, type HotspotRun } from './flood-emit';
import { buildCitizenReports } from './flood-reports';

export { STATION };

export const FLOOD_2021 = {
  /** what the timeline shows: 19 Jul 00:00 → 22 Jul 00:00, Beijing time */
  from: Date.parse('2021-07-19T00:00:00+08:00'),
  to: Date.parse('2021-07-22T00:00:00+08:00'),
  stepMin: 5,
  seed: 20210720,
};

/** The model runs of the 2021 storm at every hotspot (5-min steps from 17 Jul 08:00). */
export function runs2021(): { runs: HotspotRun[]; rain: RainSeries; start: number; first: number; n: number } {
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
  return { runs, rain, start, first: Math.round((from - start) / stepMs), n };
}

export function buildFlood2021(b: TimelineBuilder): void {
  const { stepMin, seed } = FLOOD_2021;
  const { runs, rain, start, first, n } = runs2021();
  const o = { start, stepMin, first, n, station: STATION.id };

  emitRainfall(b, rain, { ...o, gauge: STATION, extra: { reconstructed: true } });
  emitHotspots(b, runs, o);
  buildCitizenReports(b, runs, rain, { ...o, seed: seed + 1 });

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
