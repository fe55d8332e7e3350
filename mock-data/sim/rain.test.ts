import { describe, expect, it } from 'vitest';
import { aggregate, disaggregate, maxCredibleDepthMm, totalMm, validateRainSeries, withDryTail, type RainSeries } from './rain.ts';

describe('validateRainSeries', () => {
  it('accepts a sane series', () => {
    const r = validateRainSeries({ step_min: 60, values_mm: [0, 12.5, 201.9], start: '2021-07-20T14:00:00+08:00' });
    expect(r.ok).toBe(true);
  });
  it('rejects NaN, negative and absurd values with a diagnostic each', () => {
    const r = validateRainSeries({ step_min: 60, values_mm: [1, Number.NaN, -3, 5000, 'x', 2] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.index, i.reason])).toEqual([
      [1, 'not-a-number'],
      [2, 'negative'],
      [3, 'absurd'],
      [4, 'not-a-number'],
    ]);
    expect(r.message).toMatch(/4 bad value/);
    expect(r.issues[2].message).toMatch(/5000 mm\/h/);
  });
  it('judges absurdity by step length (5,000 mm/h is absurd at any step)', () => {
    expect(validateRainSeries({ step_min: 5, values_mm: [5000 / 12] }).ok).toBe(false);
    expect(validateRainSeries({ step_min: 5, values_mm: [25] }).ok).toBe(true); // 300 mm/h for 5 min: extreme but real
    expect(maxCredibleDepthMm(60)).toBeCloseTo(422, 6);
  });
  it('rejects a bad step or an empty series', () => {
    expect(validateRainSeries({ step_min: 0, values_mm: [1] }).ok).toBe(false);
    expect(validateRainSeries({ step_min: 5, values_mm: [] }).ok).toBe(false);
    expect(validateRainSeries({ step_min: 5, values_mm: 'nope' }).ok).toBe(false);
  });
});

describe('resampling', () => {
  const s: RainSeries = { step_min: 60, values_mm: [0, 10, 40, 5, 0, 0, 3] };
  it('disaggregates preserving every step total and keeping dry steps dry', () => {
    const d = disaggregate(s, 5);
    expect(d.values_mm).toHaveLength(84);
    s.values_mm.forEach((x, i) => expect(totalMm(d, i * 12, i * 12 + 12)).toBeCloseTo(x, 10));
    expect(d.values_mm.slice(0, 12).every((x) => x === 0)).toBe(true);
    expect(d.values_mm.every((x) => x >= 0)).toBe(true);
    expect(() => disaggregate(s, 7)).toThrow();
  });
  it('aggregates back to the original', () => {
    const back = aggregate(disaggregate(s, 10), 60);
    back.values_mm.forEach((x, i) => expect(x).toBeCloseTo(s.values_mm[i], 10));
  });
  it('appends a dry tail', () => {
    expect(withDryTail(s, 120).values_mm).toHaveLength(9);
  });
});
