/**
 * Design storms for Zhengzhou: the storm intensity formula and a Chicago hyetograph.
 *
 * Storm intensity formula (Chinese standard form, GB 50014):
 *     q = A·(1 + C·lg P) / (t + b)^n        q in L/(s·ha), t in min, P in years
 *
 * Coefficients used: Zhengzhou, A = 3073, C = 0.892, b = 15.1, n = 0.824 — the "1982"
 * formula (Nanjing Architectural Design Institute, 27 years of records), as tabulated for
 * Zhengzhou in the Water Supply and Drainage Design Handbook (给水排水设计手册) and in the
 * commonly reproduced "storm intensity formulas of Chinese cities" tables.
 * UNCERTAINTY: these are the commonly quoted coefficients, reproduced from memory of those
 * tables; they could not be checked against the handbook offline. Zhengzhou has newer
 * formulas (2002, adopted by the city's planning rules; 2015, annual-maximum method, with
 * separate ≤3 h and ≤24 h forms) whose coefficients are not used here. The short-duration
 * formula is applied up to 24 h for long design storms, which is an extrapolation.
 * Sanity check: P = 1 a, 60 min → 31.5 mm; P = 100 a, 60 min → 87.7 mm (the 20 July 2021
 * hour, 201.9 mm, is far beyond any return period of this formula).
 *
 * Chicago hyetograph (Keifer & Chu 1957): the intensity curve whose every centred
 * window of length t holds the IDF depth for t; peak at r·T. Each step's depth is the
 * exact integral of the curve, so the storm total equals the IDF depth for the duration.
 */
import type { RainSeries } from './rain.ts';

export interface IdfFormula {
  /** q = A(1 + C lg P)/(t + b)^n in L/(s·ha) */
  A: number;
  C: number;
  b: number;
  n: number;
  name: string;
  source: string;
}

export const ZHENGZHOU_IDF_1982: IdfFormula = {
  A: 3073,
  C: 0.892,
  b: 15.1,
  n: 0.824,
  name: 'Zhengzhou 1982 storm intensity formula',
  source:
    'Water Supply and Drainage Design Handbook (给水排水设计手册), Zhengzhou entry; commonly quoted coefficients, not verified offline',
};

/** Return periods (years) and durations (min) offered in the scenario panel. */
export const RETURN_PERIODS = [1, 2, 5, 10, 20, 50, 100] as const;
export const DURATIONS_MIN = [60, 120, 180, 360, 720, 1440] as const;

/** 1 mm/min = 166.67 L/(s·ha). */
const LSHA_PER_MM_MIN = 10_000 / 60;

/** Storm intensity q in L/(s·ha) for return period P (years) and duration t (min). */
export function stormIntensityLsHa(P: number, t: number, f: IdfFormula = ZHENGZHOU_IDF_1982): number {
  checkP(P);
  return (f.A * (1 + f.C * Math.log10(P))) / Math.pow(t + f.b, f.n);
}

/** Mean intensity i (mm/min) over duration t for return period P. */
export function stormIntensityMmMin(P: number, t: number, f: IdfFormula = ZHENGZHOU_IDF_1982): number {
  return stormIntensityLsHa(P, t, f) / LSHA_PER_MM_MIN;
}

/** Design rainfall depth (mm) of duration t (min) for return period P. */
export function designDepthMm(P: number, t: number, f: IdfFormula = ZHENGZHOU_IDF_1982): number {
  return t <= 0 ? 0 : stormIntensityMmMin(P, t, f) * t;
}

export interface ChicagoOptions {
  /** return period, years (≥ 1), e.g. one of RETURN_PERIODS */
  returnPeriod: number;
  /** storm duration, min (a multiple of stepMin), e.g. one of DURATIONS_MIN */
  durationMin: number;
  /** relative peak position 0..1 (default 0.4) */
  r?: number;
  /** step, min (default 5) */
  stepMin?: number;
  formula?: IdfFormula;
  /** optional start time (ISO with offset) */
  start?: string;
}

/**
 * Chicago design hyetograph: mm per step. Cumulative rain from the start at time t
 * (peak at tp = r·T):
 *   before the peak  F(t) = r·H(T) − r·H((tp − t)/r)
 *   after the peak   F(t) = r·H(T) + (1 − r)·H((t − tp)/(1 − r))
 * where H(t) = i(t)·t is the IDF depth; step k holds F(t_{k+1}) − F(t_k).
 */
export function chicagoHyetograph(opts: ChicagoOptions): RainSeries {
  const { returnPeriod: P, durationMin: T } = opts;
  const r = opts.r ?? 0.4;
  const step = opts.stepMin ?? 5;
  const f = opts.formula ?? ZHENGZHOU_IDF_1982;
  checkP(P);
  if (!(r > 0 && r < 1)) throw new Error(`peak position r must be in (0, 1), got ${r}`);
  if (!(step > 0) || !(T > 0) || !Number.isInteger(T / step)) {
    throw new Error(`duration ${T} min must be a positive multiple of the step ${step} min`);
  }
  const H = (t: number) => designDepthMm(P, t, f);
  const tp = r * T;
  const HT = H(T);
  const F = (t: number) => (t <= tp ? r * HT - r * H((tp - t) / r) : r * HT + (1 - r) * H((t - tp) / (1 - r)));
  const n = T / step;
  const values: number[] = [];
  for (let k = 0; k < n; k++) values.push(Math.max(0, F((k + 1) * step) - F(k * step)));
  return {
    step_min: step,
    values_mm: values,
    label: `Chicago design storm P=${P} a, ${T} min, r=${r} (${f.name})`,
    ...(opts.start ? { start: opts.start } : {}),
  };
}

function checkP(P: number): void {
  if (!Number.isFinite(P) || P < 1 || P > 10_000) throw new Error(`return period must be in [1, 10000] years, got ${P}`);
}
