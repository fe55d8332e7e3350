/** Small statistics helpers for the benchmark. */

/** Linear-interpolated quantile of the finite values. */
export function quantile(xs: readonly number[], q: number): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const p50 = (xs: readonly number[]) => quantile(xs, 0.5);
export const p95 = (xs: readonly number[]) => quantile(xs, 0.95);
const finite = (xs: readonly number[]) => xs.filter((x) => Number.isFinite(x));
export const max = (xs: readonly number[]) => (finite(xs).length ? Math.max(...finite(xs)) : NaN);
export const mean = (xs: readonly number[]) => {
  const f = finite(xs);
  return f.length ? f.reduce((a, b) => a + b, 0) / f.length : NaN;
};
export const median = p50;

/** cockpit / floor, NaN when either is missing or the floor is zero */
export function ratio(cockpit: number, floor: number): number {
  if (!Number.isFinite(cockpit) || !Number.isFinite(floor) || floor === 0) return NaN;
  return cockpit / floor;
}

export function fmt(x: number, digits = 1): string {
  if (x === undefined || x === null || Number.isNaN(x)) return 'n/a';
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(Math.min(digits, 1));
  return x.toFixed(digits === 1 ? 2 : digits);
}

export function fmtRatio(x: number): string {
  return Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a';
}

/** The generator's seeded PRNG (mulberry32): seek points and fixtures are the same on every run. */
export { rng as seeded } from '../../mock-data/generator/rng';
