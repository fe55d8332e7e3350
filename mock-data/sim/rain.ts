/**
 * Rainfall series: the one shape every flood module exchanges, plus validation and
 * resampling helpers. Pure TypeScript (no DOM, no Node APIs): it runs in the browser,
 * in a Web Worker, in the fixture generator and in the live server.
 *
 * A series is a regular sequence of rainfall depths: `values_mm[i]` is the rain (mm)
 * that fell during step i, i.e. between `start + i·step_min` and `start + (i+1)·step_min`.
 */

export interface RainSeries {
  /** length of one step in minutes (e.g. 60 for hourly data, 5 for design storms) */
  readonly step_min: number;
  /** rainfall depth of each step, mm (not an intensity) */
  readonly values_mm: readonly number[];
  /** start of step 0 as ISO 8601 with offset (e.g. 2021-07-20T08:00:00+08:00); absent for scenarios */
  readonly start?: string;
  /** short human label, e.g. "P=20a, 120 min, Chicago r=0.4" */
  readonly label?: string;
}

/** One rejected value of a rainfall series. */
export interface RainIssue {
  index: number;
  value: unknown;
  reason: 'not-a-number' | 'negative' | 'absurd';
  message: string;
}

export type RainValidation =
  | { ok: true; series: RainSeries }
  | { ok: false; issues: RainIssue[]; message: string };

/**
 * Largest physically credible rainfall depth (mm) for a duration of `minutes`:
 * the world-record envelope R ≈ 422·D^0.475 (R in mm, D in hours; Jennings 1950, still
 * quoted by the WMO for world point-rainfall records). 60 min → 422 mm, 5 min → 130 mm.
 * Anything above is a sensor or unit error, not rain.
 */
export function maxCredibleDepthMm(minutes: number): number {
  return 422 * Math.pow(minutes / 60, 0.475);
}

/**
 * Checks a series from a feed or file. Rejects (with one diagnostic per bad value)
 * non-numbers, NaN/±Infinity, negative depths and depths above the world-record envelope
 * (e.g. 5,000 mm/h). Also rejects a bad step length or an empty series.
 */
export function validateRainSeries(input: {
  step_min: unknown;
  values_mm: unknown;
  start?: unknown;
  label?: unknown;
}): RainValidation {
  const step = input.step_min;
  if (typeof step !== 'number' || !Number.isFinite(step) || step <= 0 || step > 1440) {
    return { ok: false, issues: [], message: `step_min must be a number in (0, 1440], got ${String(step)}` };
  }
  if (!Array.isArray(input.values_mm) || input.values_mm.length === 0) {
    return { ok: false, issues: [], message: 'values_mm must be a non-empty array of mm per step' };
  }
  const limit = maxCredibleDepthMm(step);
  const issues: RainIssue[] = [];
  input.values_mm.forEach((v: unknown, index: number) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      issues.push({ index, value: v, reason: 'not-a-number', message: `value ${index} is not a finite number` });
    } else if (v < 0) {
      issues.push({ index, value: v, reason: 'negative', message: `value ${index} is negative (${v} mm)` });
    } else if (v > limit) {
      const mmH = (v * 60) / step;
      issues.push({
        index,
        value: v,
        reason: 'absurd',
        message: `value ${index} = ${v} mm in ${step} min (${mmH.toFixed(0)} mm/h) exceeds the world-record envelope (${limit.toFixed(0)} mm)`,
      });
    }
  });
  if (issues.length > 0) {
    const head = issues.slice(0, 3).map((i) => i.message).join('; ');
    return { ok: false, issues, message: `rejected rainfall series: ${issues.length} bad value(s): ${head}` };
  }
  const series: RainSeries = {
    step_min: step,
    values_mm: (input.values_mm as number[]).slice(),
    ...(typeof input.start === 'string' ? { start: input.start } : {}),
    ...(typeof input.label === 'string' ? { label: input.label } : {}),
  };
  return { ok: true, series };
}

/** Rain depth of one value made safe for the model: NaN, negative or infinite → 0. */
export function safeDepth(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/** Total depth (mm) of a series, or of steps [from, to). */
export function totalMm(series: RainSeries, from = 0, to = series.values_mm.length): number {
  let s = 0;
  for (let i = Math.max(0, from); i < Math.min(to, series.values_mm.length); i++) s += safeDepth(series.values_mm[i]);
  return s;
}

/** Intensities (mm/h) of each step. */
export function intensitiesMmH(series: RainSeries): number[] {
  return series.values_mm.map((v) => (safeDepth(v) * 60) / series.step_min);
}

/** Epoch ms of the start of step i (requires `start`). */
export function stepTime(series: RainSeries, i: number): number {
  if (series.start === undefined) throw new Error('series has no start time');
  return Date.parse(series.start) + i * series.step_min * 60_000;
}

/** ISO string of an epoch-ms time in Beijing time, e.g. 2021-07-20T16:00:00+08:00. */
export function isoBeijing(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  return d.toISOString().slice(0, 19) + '+08:00';
}

/**
 * Splits each step into `k` sub-steps with a smooth profile that preserves every step's
 * total exactly. Within a step the shape is a tent through three points: the mean
 * intensity of the step and its neighbours at its start and end (average of the two
 * adjacent steps), at the middle the step's own intensity, then rescaled to the step's
 * total. A dry step stays dry; an isolated wet step becomes a peaked burst.
 */
export function disaggregate(series: RainSeries, stepMin: number): RainSeries {
  const k = series.step_min / stepMin;
  if (!Number.isInteger(k) || k < 1) {
    throw new Error(`sub-step ${stepMin} min must divide the series step ${series.step_min} min`);
  }
  const v = series.values_mm.map(safeDepth);
  const out: number[] = new Array(v.length * k).fill(0);
  for (let i = 0; i < v.length; i++) {
    const total = v[i];
    if (total === 0) continue;
    const prev = i > 0 ? v[i - 1] : 0;
    const next = i < v.length - 1 ? v[i + 1] : 0;
    const b0 = (prev + total) / 2;
    const b1 = (total + next) / 2;
    let sum = 0;
    const w: number[] = [];
    for (let j = 0; j < k; j++) {
      const t = (j + 0.5) / k; // centre of the sub-step within the step, 0..1
      const f = t < 0.5 ? b0 + (total - b0) * (t / 0.5) : total + (b1 - total) * ((t - 0.5) / 0.5);
      w.push(f);
      sum += f;
    }
    for (let j = 0; j < k; j++) out[i * k + j] = (total * w[j]) / sum;
  }
  return { ...series, step_min: stepMin, values_mm: out };
}

/** Sums consecutive steps into coarser steps (stepMin must be a multiple of the series step). */
export function aggregate(series: RainSeries, stepMin: number): RainSeries {
  const k = stepMin / series.step_min;
  if (!Number.isInteger(k) || k < 1) {
    throw new Error(`step ${stepMin} min must be a multiple of the series step ${series.step_min} min`);
  }
  const out: number[] = [];
  for (let i = 0; i < series.values_mm.length; i += k) out.push(totalMm(series, i, i + k));
  return { ...series, step_min: stepMin, values_mm: out };
}

/** The same series followed by `minutes` of dry weather (to watch water recede). */
export function withDryTail(series: RainSeries, minutes: number): RainSeries {
  const n = Math.ceil(minutes / series.step_min);
  return { ...series, values_mm: [...series.values_mm, ...new Array(n).fill(0)] };
}
