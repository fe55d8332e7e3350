import { describe, expect, it } from 'vitest';
import { ANCHORS, RAIN_2021_07_HOURLY, RAIN_2021_07_META, hourIndex, rainfall2021, sumBetween } from './rainfall-2021-07.ts';
import { stepTime, isoBeijing, totalMm } from '../sim/rain.ts';

const v = RAIN_2021_07_HOURLY.values_mm;

describe('reconstructed Zhengzhou rainfall, 17–21 July 2021', () => {
  it('has 96 hourly non-negative values from 17 Jul 08:00 +08:00', () => {
    expect(v).toHaveLength(96);
    expect(RAIN_2021_07_HOURLY.step_min).toBe(60);
    expect(RAIN_2021_07_HOURLY.start).toBe('2021-07-17T08:00:00+08:00');
    expect(isoBeijing(stepTime(RAIN_2021_07_HOURLY, 95))).toBe('2021-07-21T07:00:00+08:00');
    for (const x of v) expect(Number.isFinite(x) && x >= 0).toBe(true);
    for (const x of v) expect(Math.round(x * 10) / 10).toBe(x);
  });

  it('reproduces every published anchor to 0.1 mm', () => {
    expect(ANCHORS).toHaveLength(5);
    for (const a of ANCHORS) expect(sumBetween(a.from, a.to), `${a.from}–${a.to}`).toBeCloseTo(a.mm, 6);
    // independent of sumBetween: explicit index windows
    const sum = (a: number, b: number) => Math.round(v.slice(a, b).reduce((s, x) => s + x, 0) * 10) / 10;
    expect(v[80]).toBe(201.9);
    expect(sum(72, 96)).toBe(624.1);
    expect(sum(60, 84)).toBe(552.5);
    expect(sum(12, 84)).toBe(617.1);
    expect(sum(0, 96)).toBe(772);
  });

  it('has the storm shape: peak 20 Jul 16–17, most of the day in daytime, little after midnight', () => {
    expect(hourIndex('2021-07-20T16:00:00+08:00')).toBe(80);
    expect(Math.max(...v)).toBe(v[80]);
    expect(v[79]).toBeGreaterThan(v[78]);
    expect(v[81]).toBeLessThan(v[80]);
    const day = sumBetween('2021-07-20T08:00:00+08:00', '2021-07-20T20:00:00+08:00');
    expect(day / 624.1).toBeGreaterThan(0.8);
    expect(sumBetween('2021-07-21T00:00:00+08:00', '2021-07-21T08:00:00+08:00')).toBeLessThan(15);
    // evening decline is monotone after the peak
    for (let i = 81; i < 95; i++) expect(v[i + 1]).toBeLessThanOrEqual(v[i]);
    expect(Math.max(...v.slice(0, 72))).toBeLessThan(20);
  });

  it('says it is reconstructed', () => {
    expect(RAIN_2021_07_META.reconstructed).toBe(true);
    expect(RAIN_2021_07_META.note).toMatch(/[Rr]econstructed/);
    expect(RAIN_2021_07_HOURLY.label).toMatch(/reconstructed/);
  });

  it('gives finer steps that keep every hourly total', () => {
    const five = rainfall2021(5);
    expect(five.step_min).toBe(5);
    expect(five.values_mm).toHaveLength(96 * 12);
    for (let h = 0; h < 96; h++) expect(totalMm(five, h * 12, h * 12 + 12)).toBeCloseTo(v[h], 9);
    expect(rainfall2021(60)).toBe(RAIN_2021_07_HOURLY);
    expect(rainfall2021(1).values_mm).toHaveLength(96 * 60);
  });
});
