import { describe, expect, it } from 'vitest';
import { activity, beijingHour, beijingWeekday, DemandSim, drawDemand, expectedOccupancy, knotValue, profileAt, storm2021, WEEKDAY, type Demand, type ProfileKey } from './parking-demand';
import { rng } from './rng';

const at = (iso: string) => Date.parse(iso);
const MON_09 = at('2021-07-19T09:00:00+08:00');
const MON_21 = at('2021-07-19T21:00:00+08:00');
const MON_03 = at('2021-07-19T03:00:00+08:00');
const MON_14 = at('2021-07-19T14:00:00+08:00');
const SAT_15 = at('2021-07-24T15:00:00+08:00');

describe('the demand model: profiles of a working day', () => {
  it('knows Beijing time and the day of the week', () => {
    expect(beijingHour(MON_09)).toBeCloseTo(9, 9);
    expect(beijingHour(at('2021-07-19T23:30:00+08:00'))).toBeCloseTo(23.5, 9);
    expect(beijingWeekday(MON_09)).toBe(1); // 19 July 2021 was a Monday
    expect(beijingWeekday(SAT_15)).toBe(6);
    expect(beijingWeekday(at('2021-07-18T23:59:00+08:00'))).toBe(0);
  });

  it('interpolates hourly knots smoothly and wraps at midnight', () => {
    const k = WEEKDAY.office;
    for (let h = 0; h < 24; h++) expect(knotValue(k, h)).toBeCloseTo(k[h], 12);
    expect(knotValue(k, 8.5)).toBeGreaterThan(k[8]);
    expect(knotValue(k, 8.5)).toBeLessThan(k[9]);
    expect(knotValue(k, 23.999)).toBeCloseTo(k[0], 2);
    expect(knotValue(k, 24)).toBeCloseTo(k[0], 12);
    // no jumps: neighbouring minutes differ by little
    for (let m = 0; m < 1440; m++) expect(Math.abs(knotValue(k, (m + 1) / 60) - knotValue(k, m / 60))).toBeLessThan(0.03);
  });

  it('offices fill in the morning and empty in the evening', () => {
    expect(profileAt('office', MON_09)).toBeGreaterThan(0.8);
    expect(profileAt('office', MON_14)).toBeGreaterThan(0.8);
    expect(profileAt('office', MON_21)).toBeLessThan(0.2);
    expect(profileAt('office', MON_03)).toBeLessThan(0.1);
  });

  it('malls and leisure peak in the evening', () => {
    for (const p of ['mall', 'leisure'] as ProfileKey[]) {
      expect(profileAt(p, at('2021-07-19T19:30:00+08:00'))).toBeGreaterThan(0.85);
      expect(profileAt(p, MON_09)).toBeLessThan(0.3);
      expect(profileAt(p, MON_21)).toBeGreaterThan(profileAt(p, MON_09) + 0.4);
    }
  });

  it('hospitals are full all day, emptier at night', () => {
    for (let h = 8; h <= 15; h++) expect(profileAt('hospital', at(`2021-07-19T${String(h).padStart(2, '0')}:00:00+08:00`))).toBeGreaterThan(0.88);
    expect(profileAt('hospital', MON_03)).toBeLessThan(0.4);
  });

  it('residential car parks are full at night and half empty in working hours', () => {
    expect(profileAt('residential', MON_03)).toBeGreaterThan(0.9);
    expect(profileAt('residential', MON_21)).toBeGreaterThan(0.85);
    expect(profileAt('residential', MON_09)).toBeLessThan(0.6);
    expect(profileAt('residential', MON_14)).toBeLessThan(0.55);
  });

  it('weekends: offices stay empty, malls fill in the afternoon', () => {
    expect(profileAt('office', SAT_15)).toBeLessThan(0.3);
    expect(profileAt('mall', SAT_15)).toBeGreaterThan(0.85);
  });

  it('kerbside mixes the street with what it serves; the result is a share', () => {
    const d: Demand = { profile: 'kerbside', context: 'office', level: 1, shiftMin: 0, sigma: 0 };
    const k = expectedOccupancy(d, MON_21);
    expect(k).toBeGreaterThan(profileAt('office', MON_21));
    expect(k).toBeLessThan(profileAt('kerbside', MON_21));
    const big: Demand = { profile: 'residential', level: 1.12, shiftMin: 0, sigma: 0 };
    expect(expectedOccupancy(big, MON_03)).toBe(1); // a popular car park is full, never over 100 %
  });

  it('shifts a car park in time', () => {
    const early: Demand = { profile: 'office', level: 1, shiftMin: -30, sigma: 0 };
    const late: Demand = { profile: 'office', level: 1, shiftMin: 30, sigma: 0 };
    const t = at('2021-07-19T08:00:00+08:00');
    expect(expectedOccupancy(early, t)).toBeGreaterThan(expectedOccupancy(late, t));
  });

  it('street activity is low at night (the noise scales with it)', () => {
    expect(activity(MON_03)).toBe(0.25);
    expect(activity(MON_14)).toBe(1);
    expect(activity(at('2021-07-19T06:00:00+08:00'))).toBeCloseTo(0.625, 6);
  });
});

describe('the simulation', () => {
  const demands = (n: number, profile: ProfileKey, sigma = 0.03) => {
    const r = rng(1);
    return Array.from({ length: n }, () => ({ ...drawDemand(r, profile), sigma }));
  };

  it('without noise, matches the model at whole minutes', () => {
    const ds: Demand[] = [
      { profile: 'office', level: 0.9, shiftMin: 12, sigma: 0 },
      { profile: 'kerbside', context: 'mall', level: 1, shiftMin: -7, sigma: 0 },
      { profile: 'residential', level: 1.05, shiftMin: 0, sigma: 0 },
    ];
    const caps = [1000, 1000, 1000];
    const sim = new DemandSim(ds, caps, 3);
    for (let t = MON_03; t < MON_03 + 86_400_000; t += 37 * 60_000) {
      const occ = sim.step(t);
      ds.forEach((d, i) => expect(Math.abs(occ[i] - Math.round(expectedOccupancy(d, t) * 1000))).toBeLessThanOrEqual(1));
    }
  });

  it('is deterministic for a seed and stays within 0…capacity', () => {
    const ds = demands(200, 'hospital', 0.2);
    const caps = ds.map((_, i) => 10 + i);
    const a = new DemandSim(ds, caps, 42);
    const b = new DemandSim(ds, caps, 42);
    let bad = 0;
    for (let t = MON_03; t < MON_03 + 6 * 3_600_000; t += 60_000) {
      const x = a.step(t);
      const y = b.step(t);
      for (let i = 0; i < ds.length; i++) if (x[i] !== y[i] || x[i] < 0 || x[i] > caps[i]) bad++;
    }
    expect(bad).toBe(0);
  });

  it('the noise averages out: many car parks follow their profile', () => {
    const ds = demands(400, 'office');
    const caps = ds.map(() => 200);
    const sim = new DemandSim(ds, caps, 9);
    const mean = (t: number) => {
      const o = sim.step(t);
      let s = 0;
      for (let i = 0; i < o.length; i++) s += o[i] / caps[i];
      return s / o.length;
    };
    let m9 = 0;
    let m21 = 0;
    for (let t = MON_03; t <= MON_21; t += 60_000) {
      const m = mean(t);
      if (t === MON_09) m9 = m;
      if (t === MON_21) m21 = m;
    }
    const expected = (t: number) => ds.reduce((a, d) => a + expectedOccupancy(d, t), 0) / ds.length;
    expect(Math.abs(m9 - expected(MON_09))).toBeLessThan(0.03);
    expect(Math.abs(m21 - expected(MON_21))).toBeLessThan(0.03);
    expect(m9).toBeGreaterThan(m21 + 0.5);
  });
});

describe('the 20 July 2021 rainstorm', () => {
  it('strands office workers, empties malls, keeps people home the next day', () => {
    const t = at('2021-07-20T21:00:00+08:00');
    expect(storm2021('office', t, 0.15)).toBeGreaterThan(0.5);
    expect(storm2021('mall', t, 0.9)).toBeLessThan(0.35);
    expect(storm2021('office', at('2021-07-21T10:00:00+08:00'), 0.9)).toBeCloseTo(0.45, 6);
    expect(storm2021('residential', at('2021-07-21T10:00:00+08:00'), 0.45)).toBe(0.8);
    // before and after: untouched
    expect(storm2021('office', at('2021-07-19T21:00:00+08:00'), 0.15)).toBe(0.15);
    expect(storm2021('mall', at('2021-07-22T20:00:00+08:00'), 0.9)).toBe(0.9);
  });
});
