import { describe, expect, it } from 'vitest';
import {
  createFloodRunner,
  predictAll,
  predictScenario,
  ROAD_WARNING_CM,
  simulate,
  stepFlood,
  surchargeSeries,
  warningLevel,
  levelRank,
  type FloodParams,
  type WarningLevel,
} from './flood.ts';
import { chicagoHyetograph, RETURN_PERIODS } from './rain-design.ts';
import { withDryTail, type RainSeries } from './rain.ts';
import { HOTSPOTS, hotspotById } from '../catalog/hotspots.ts';
import { rainfall2021, hourIndex } from '../catalog/rainfall-2021-07.ts';

const junction: FloodParams = {
  catchment_ha: 15,
  runoff_coeff: 0.8,
  drain_capacity_mm_h: 40,
  storage_m3_per_cm: 100,
  max_depth_cm: 120,
  warning_cm: { ...ROAD_WARNING_CM },
};
const storm = (mmPerStep: number[], step = 5): RainSeries => ({ step_min: step, values_mm: mmPerStep });
const scale = (s: RainSeries, f: number): RainSeries => ({ ...s, values_mm: s.values_mm.map((x) => x * f) });
const counts = (levels: WarningLevel[]) => {
  const c: Record<WarningLevel, number> = { none: 0, blue: 0, yellow: 0, orange: 0, red: 0 };
  for (const l of levels) c[l]++;
  return c;
};
const atLeast = (levels: WarningLevel[], l: WarningLevel) => levels.filter((x) => levelRank(x) >= levelRank(l)).length;

describe('physics of the hotspot reservoir', () => {
  it('no rain gives no water', () => {
    const run = simulate(junction, storm(new Array(100).fill(0)));
    expect(run.depth_cm.every((d) => d === 0)).toBe(true);
    expect(run.peak_index).toBe(-1);
    expect(predictScenario(junction, storm([0, 0, 0]))).toEqual({ peak_cm: 0, time_to_peak_min: null, level: 'none' });
  });

  it('rain below drainage capacity ponds nothing', () => {
    // 40 mm/h capacity, 0.8 runoff: 3 mm per 5 min = 36 mm/h → 28.8 mm/h of runoff
    expect(simulate(junction, storm(new Array(24).fill(3))).peak_cm).toBe(0);
  });

  it('depth rises with rain and recedes to zero after it stops', () => {
    const s = withDryTail(storm(new Array(12).fill(10)), 600);
    const d = simulate(junction, s).depth_cm;
    for (let i = 1; i < 12; i++) expect(d[i]).toBeGreaterThanOrEqual(d[i - 1]);
    expect(d[11]).toBeGreaterThan(50);
    for (let i = 13; i < d.length; i++) expect(d[i]).toBeLessThanOrEqual(d[i - 1]);
    expect(d[d.length - 1]).toBe(0);
  });

  it('more rain never gives less depth, at every step', () => {
    const base = withDryTail(chicagoHyetograph({ returnPeriod: 5, durationMin: 120 }), 240);
    for (const h of [junction, hotspotById('H01')!, hotspotById('H43')!]) {
      let prev = simulate(h, base).depth_cm;
      for (const f of [1.2, 1.5, 2, 4, 10]) {
        const next = simulate(h, scale(base, f)).depth_cm;
        next.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(prev[i] - 1e-9));
        prev = next;
      }
    }
  });

  it('balances volume: inflow = drained + spilled + change in storage', () => {
    const s = withDryTail(rainfall2021(5), 0);
    for (const h of HOTSPOTS) {
      const r = simulate(h, s, { initial_volume_m3: 123 });
      const lhs = r.inflow_m3 + r.initial_volume_m3;
      const rhs = r.drained_m3 + r.spilled_m3 + r.final_volume_m3;
      expect(Math.abs(lhs - rhs) / lhs, h.id).toBeLessThan(1e-12);
    }
  });

  it('caps depth at max_depth_cm and spills the excess', () => {
    const r = simulate(junction, storm([200, 200, 200], 60), { surcharge: 1 });
    expect(r.peak_cm).toBe(120);
    expect(r.spilled_m3).toBeGreaterThan(0);
  });

  it('surcharge reduces drainage (more depth, slower recession)', () => {
    const s = withDryTail(storm(new Array(12).fill(10)), 300);
    const free = simulate(junction, s, { surcharge: 0 });
    const blocked = simulate(junction, s, { surcharge: 0.5 });
    expect(blocked.peak_cm).toBeGreaterThan(free.peak_cm);
    expect(blocked.depth_cm[40]).toBeGreaterThan(free.depth_cm[40]);
  });

  it('is deterministic', () => {
    const s = rainfall2021(5);
    expect(simulate(hotspotById('H10')!, s)).toEqual(simulate(hotspotById('H10')!, s));
    expect(predictAll(HOTSPOTS, s)).toEqual(predictAll(HOTSPOTS, s));
  });

  it('never shows NaN or negative depth, whatever the input', () => {
    const bad = storm([Number.NaN, -5, Number.POSITIVE_INFINITY, 3, Number.NEGATIVE_INFINITY, 10]);
    const r = simulate(junction, bad, { surcharge: [Number.NaN, 2, -1, 0.5, 0, 0] });
    for (const d of r.depth_cm) expect(Number.isFinite(d) && d >= 0).toBe(true);
    const o = stepFlood(junction, Number.NaN, Number.NaN, 5, Number.NaN);
    expect(o.depth_cm).toBe(0);
  });

  it('the live runner matches the batch simulation', () => {
    const s = rainfall2021(5);
    const runner = createFloodRunner(HOTSPOTS);
    const batch = HOTSPOTS.map((h) => simulate(h, s).depth_cm);
    const i17 = hourIndex('2021-07-20T17:00:00+08:00') * 12;
    for (let i = 0; i < i17; i++) runner.step(s.values_mm[i], 5);
    runner.depths().forEach((d, k) => expect(d).toBeCloseTo(batch[k][i17 - 1], 9));
    expect(runner.surcharge()).toBeCloseTo(surchargeSeries(s)[i17 - 1], 12);
    runner.reset();
    expect(runner.depths().every((d) => d === 0)).toBe(true);
  });

  it('maps depth to warning levels', () => {
    expect(warningLevel(0, ROAD_WARNING_CM)).toBe('none');
    expect(warningLevel(15, ROAD_WARNING_CM)).toBe('blue');
    expect(warningLevel(27, ROAD_WARNING_CM)).toBe('yellow');
    expect(warningLevel(45, ROAD_WARNING_CM)).toBe('orange');
    expect(warningLevel(50, ROAD_WARNING_CM)).toBe('red');
    expect(warningLevel(Number.NaN, ROAD_WARNING_CM)).toBe('none');
  });
});

describe('calibration against the 20 July 2021 storm and design storms', () => {
  const s = rainfall2021(5);
  const runs = HOTSPOTS.map((h) => ({ h, run: simulate(h, s) }));
  const levelsAt = (iso: string) => {
    const i = hourIndex(iso) * 12 - 1; // depth at the end of the step ending at `iso`
    return runs.map(({ h, run }) => warningLevel(run.depth_cm[i], h.warning_cm));
  };

  it('is dry before the storm (17–19 July)', () => {
    const end19 = hourIndex('2021-07-20T00:00:00+08:00') * 12;
    for (const { h, run } of runs) expect(Math.max(...run.depth_cm.slice(0, end19)), h.id).toBeLessThan(h.warning_cm.blue);
  });

  it('overwhelms most hotspots by 17:00 on 20 July (red)', () => {
    const c = counts(levelsAt('2021-07-20T17:00:00+08:00'));
    expect(c.red).toBeGreaterThanOrEqual(Math.ceil(0.8 * HOTSPOTS.length));
  });

  it('fills the Jingguang Road tunnel to metres', () => {
    const tunnel = runs.find(({ h }) => h.name_zh === '京广路隧道')!;
    expect(tunnel.run.peak_cm).toBeGreaterThan(300);
    expect(tunnel.run.depth_cm[hourIndex('2021-07-20T18:00:00+08:00') * 12 - 1]).toBeGreaterThan(300);
  });

  it('lets most hotspots recede by the next morning', () => {
    const c = counts(levelsAt('2021-07-21T08:00:00+08:00'));
    expect(c.none).toBeGreaterThanOrEqual(Math.ceil(0.8 * HOTSPOTS.length));
  });

  it('brings only a few hotspots to yellow in a 1-year, 1-hour design storm', () => {
    const p1 = predictAll(HOTSPOTS, withDryTail(chicagoHyetograph({ returnPeriod: 1, durationMin: 60 }), 240));
    const n = atLeast(p1.map((p) => p.level), 'yellow');
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(6);
    expect(atLeast(p1.map((p) => p.level), 'red')).toBe(0);
  });

  it('gets worse with the return period (60-min storms), and the 100-year storm turns most red', () => {
    let prevPeaks: number[] | null = null;
    let prevRed = -1;
    for (const P of RETURN_PERIODS) {
      const pr = predictAll(HOTSPOTS, withDryTail(chicagoHyetograph({ returnPeriod: P, durationMin: 60 }), 240));
      const peaks = pr.map((p) => p.peak_cm);
      if (prevPeaks) peaks.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(prevPeaks![i]));
      const red = atLeast(pr.map((p) => p.level), 'red');
      expect(red).toBeGreaterThanOrEqual(prevRed);
      prevPeaks = peaks;
      prevRed = red;
    }
    expect(prevRed).toBeGreaterThan(HOTSPOTS.length / 2);
  });

  it('predicts all 51 hotspots well under 50 ms', () => {
    const day = withDryTail(chicagoHyetograph({ returnPeriod: 100, durationMin: 1440 }), 360);
    predictAll(HOTSPOTS, day); // warm-up
    let best = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      predictAll(HOTSPOTS, s); // 1,152 steps
      predictAll(HOTSPOTS, day); // 360 steps
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(50);
  });

  it('reports time to peak from the start of the series', () => {
    const pr = predictScenario(hotspotById('H43')!, withDryTail(chicagoHyetograph({ returnPeriod: 20, durationMin: 60 }), 120));
    expect(pr.time_to_peak_min).not.toBeNull();
    expect(pr.time_to_peak_min! % 5).toBe(0);
    expect(pr.time_to_peak_min!).toBeGreaterThanOrEqual(25);
  });
});
