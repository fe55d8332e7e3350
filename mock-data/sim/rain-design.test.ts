import { describe, expect, it } from 'vitest';
import { chicagoHyetograph, designDepthMm, DURATIONS_MIN, RETURN_PERIODS, stormIntensityLsHa } from './rain-design.ts';
import { totalMm } from './rain.ts';

describe('Zhengzhou storm intensity formula', () => {
  it('gives the expected magnitudes', () => {
    expect(stormIntensityLsHa(1, 60)).toBeCloseTo(87.5, 0);
    expect(designDepthMm(1, 60)).toBeCloseTo(31.5, 0);
    expect(designDepthMm(100, 60)).toBeCloseTo(87.7, 0);
  });
  it('grows with return period and duration', () => {
    for (let i = 1; i < RETURN_PERIODS.length; i++) {
      expect(designDepthMm(RETURN_PERIODS[i], 60)).toBeGreaterThan(designDepthMm(RETURN_PERIODS[i - 1], 60));
    }
    for (let i = 1; i < DURATIONS_MIN.length; i++) {
      expect(designDepthMm(5, DURATIONS_MIN[i])).toBeGreaterThan(designDepthMm(5, DURATIONS_MIN[i - 1]));
    }
  });
  it('rejects return periods below one year', () => {
    expect(() => designDepthMm(0.5, 60)).toThrow();
    expect(() => chicagoHyetograph({ returnPeriod: Number.NaN, durationMin: 60 })).toThrow();
    expect(() => chicagoHyetograph({ returnPeriod: 5, durationMin: 62 })).toThrow();
  });
});

describe('Chicago hyetograph', () => {
  it('sums to the design depth, in 5-min steps, peaked near r·T', () => {
    for (const T of DURATIONS_MIN) {
      for (const P of RETURN_PERIODS) {
        const s = chicagoHyetograph({ returnPeriod: P, durationMin: T });
        expect(s.step_min).toBe(5);
        expect(s.values_mm).toHaveLength(T / 5);
        expect(totalMm(s)).toBeCloseTo(designDepthMm(P, T), 6);
        expect(s.values_mm.every((x) => x >= 0)).toBe(true);
        const peak = s.values_mm.indexOf(Math.max(...s.values_mm));
        expect(Math.abs((peak + 0.5) * 5 - 0.4 * T)).toBeLessThanOrEqual(5);
      }
    }
  });
  it('is monotonic in the return period, step by step', () => {
    for (let i = 1; i < RETURN_PERIODS.length; i++) {
      const a = chicagoHyetograph({ returnPeriod: RETURN_PERIODS[i - 1], durationMin: 120 }).values_mm;
      const b = chicagoHyetograph({ returnPeriod: RETURN_PERIODS[i], durationMin: 120 }).values_mm;
      b.forEach((x, k) => expect(x).toBeGreaterThan(a[k]));
    }
  });
  it('rises to the peak and falls after it', () => {
    const v = chicagoHyetograph({ returnPeriod: 10, durationMin: 180 }).values_mm;
    const p = v.indexOf(Math.max(...v));
    for (let k = 1; k <= p; k++) expect(v[k]).toBeGreaterThanOrEqual(v[k - 1]);
    for (let k = p + 1; k < v.length; k++) expect(v[k]).toBeLessThanOrEqual(v[k - 1]);
  });
});
