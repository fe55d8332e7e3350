/**
 * The parking demand model (docs/parking.md §3): how full a car park is at a time of day.
 *
 *   occupancy(t) = clamp( level · P_profile(h(t) − shift, day(t)) · storm(t) + noise(t), 0, 1 )
 *
 *  - P_profile: a typical day of the car park's use, hourly knots in Beijing time,
 *    interpolated smoothly (cosine); separate knots for working days and weekends.
 *    Offices fill 07:30–09:30 and empty 17:00–19:00; malls and leisure peak in the evening;
 *    hospitals are full all day; residential car parks are full at night and half empty
 *    in working hours; transport hubs are busy all day; kerbside spaces follow the street
 *    (busy in business hours) mixed with what the street serves.
 *  - level: how popular this car park is (≈ 0.95, some above 1: they fill at peak);
 *    shift: its own timing (minutes, ±30); both seeded per car park.
 *  - noise: AR(1) in occupancy, correlation time 40 min (arrivals and departures that do
 *    not cancel), σ 2 % (enclosed) / 5 % (kerbside), scaled down at night (activity).
 *  - storm: optional modifiers for a disrupted day (the 20 July 2021 rainstorm: offices do
 *    not empty in the evening, malls stay empty, the next day many workplaces are closed).
 *
 * Pure and deterministic (seeded): the same seed gives the same occupancy anywhere.
 */
import { gaussian, rng } from './rng';

export type ProfileKey = 'office' | 'mall' | 'leisure' | 'hospital' | 'residential' | 'hub' | 'kerbside';

type Knots = readonly number[]; // 24 values, occupancy at hh:00

/** Working-day profiles: share of spaces occupied at each full hour (Beijing time). */
export const WEEKDAY: Record<ProfileKey, Knots> = {
  //          0    1    2    3    4    5    6    7    8    9   10   11   12   13   14   15   16   17   18   19   20   21   22   23
  office: [0.08, 0.07, 0.06, 0.06, 0.06, 0.07, 0.1, 0.26, 0.62, 0.89, 0.93, 0.92, 0.84, 0.87, 0.92, 0.91, 0.86, 0.7, 0.42, 0.26, 0.19, 0.15, 0.11, 0.09],
  mall: [0.1, 0.07, 0.05, 0.05, 0.05, 0.05, 0.06, 0.08, 0.12, 0.22, 0.38, 0.5, 0.58, 0.55, 0.52, 0.55, 0.62, 0.72, 0.85, 0.93, 0.92, 0.74, 0.42, 0.18],
  leisure: [0.12, 0.08, 0.06, 0.05, 0.05, 0.05, 0.07, 0.1, 0.17, 0.24, 0.3, 0.35, 0.38, 0.38, 0.4, 0.45, 0.55, 0.7, 0.85, 0.93, 0.9, 0.72, 0.46, 0.22],
  hospital: [0.36, 0.34, 0.33, 0.33, 0.34, 0.38, 0.55, 0.8, 0.95, 0.97, 0.97, 0.95, 0.9, 0.92, 0.95, 0.93, 0.85, 0.72, 0.6, 0.52, 0.47, 0.43, 0.4, 0.38],
  residential: [0.93, 0.94, 0.94, 0.94, 0.94, 0.93, 0.89, 0.72, 0.53, 0.46, 0.45, 0.46, 0.5, 0.5, 0.47, 0.46, 0.48, 0.58, 0.72, 0.83, 0.88, 0.9, 0.92, 0.93],
  hub: [0.45, 0.42, 0.4, 0.4, 0.42, 0.48, 0.6, 0.72, 0.8, 0.85, 0.86, 0.86, 0.85, 0.85, 0.86, 0.87, 0.88, 0.86, 0.82, 0.78, 0.72, 0.65, 0.56, 0.5],
  kerbside: [0.35, 0.3, 0.28, 0.27, 0.27, 0.3, 0.4, 0.6, 0.78, 0.86, 0.88, 0.88, 0.86, 0.86, 0.88, 0.88, 0.87, 0.86, 0.85, 0.82, 0.75, 0.62, 0.5, 0.42],
};

/** Weekend and holiday profiles. */
export const WEEKEND: Record<ProfileKey, Knots> = {
  office: [0.06, 0.05, 0.05, 0.05, 0.05, 0.05, 0.06, 0.08, 0.14, 0.2, 0.24, 0.25, 0.24, 0.24, 0.25, 0.24, 0.22, 0.18, 0.13, 0.1, 0.09, 0.08, 0.07, 0.06],
  mall: [0.12, 0.08, 0.06, 0.05, 0.05, 0.05, 0.06, 0.08, 0.14, 0.3, 0.55, 0.72, 0.82, 0.86, 0.9, 0.93, 0.94, 0.93, 0.92, 0.93, 0.9, 0.76, 0.45, 0.2],
  leisure: [0.14, 0.1, 0.07, 0.06, 0.05, 0.05, 0.08, 0.15, 0.3, 0.5, 0.66, 0.74, 0.76, 0.78, 0.82, 0.84, 0.84, 0.84, 0.88, 0.92, 0.9, 0.74, 0.48, 0.24],
  hospital: [0.34, 0.32, 0.31, 0.31, 0.32, 0.35, 0.45, 0.6, 0.72, 0.76, 0.76, 0.74, 0.68, 0.68, 0.7, 0.68, 0.62, 0.56, 0.5, 0.46, 0.42, 0.4, 0.37, 0.35],
  residential: [0.93, 0.94, 0.94, 0.94, 0.94, 0.94, 0.93, 0.9, 0.84, 0.76, 0.68, 0.64, 0.64, 0.65, 0.64, 0.63, 0.64, 0.68, 0.76, 0.84, 0.88, 0.9, 0.92, 0.93],
  hub: [0.48, 0.45, 0.43, 0.42, 0.44, 0.5, 0.62, 0.75, 0.84, 0.88, 0.9, 0.9, 0.88, 0.88, 0.9, 0.91, 0.92, 0.9, 0.86, 0.82, 0.76, 0.68, 0.6, 0.52],
  kerbside: [0.4, 0.35, 0.32, 0.31, 0.31, 0.32, 0.38, 0.5, 0.62, 0.72, 0.8, 0.84, 0.85, 0.85, 0.86, 0.87, 0.87, 0.87, 0.86, 0.84, 0.78, 0.65, 0.52, 0.45],
};

/** Share of a kerbside segment's demand that comes from the street itself (the rest from what it serves). */
export const KERB_STREET_SHARE = 0.55;

const HOUR = 3_600_000;
const BEIJING = 8 * HOUR;

/** Hour of the day in Beijing time, 0 ≤ h < 24 (fractional). */
export function beijingHour(t: number): number {
  const h = ((t + BEIJING) % (24 * HOUR)) / HOUR;
  return h < 0 ? h + 24 : h;
}

/** Day of the week in Beijing time: 0 Sunday … 6 Saturday. */
export function beijingWeekday(t: number): number {
  // 1 January 1970 was a Thursday (4)
  const d = (Math.floor((t + BEIJING) / (24 * HOUR)) + 4) % 7;
  return d < 0 ? d + 7 : d;
}

export type DayKind = 'workday' | 'weekend';

/** Working day or weekend (public holidays are not modelled). */
export function dayKind(t: number): DayKind {
  const d = beijingWeekday(t);
  return d === 0 || d === 6 ? 'weekend' : 'workday';
}

/** The profile value at a fractional hour, cosine-interpolated between hourly knots (wraps at midnight). */
export function knotValue(knots: Knots, hour: number): number {
  const h = ((hour % 24) + 24) % 24;
  const i = Math.floor(h);
  const f = h - i;
  const a = knots[i];
  const b = knots[(i + 1) % 24];
  const w = (1 - Math.cos(Math.PI * f)) / 2;
  return a + (b - a) * w;
}

/** Typical occupancy of a profile at time t (epoch ms), 0…1. */
export function profileAt(profile: ProfileKey, t: number, kind: DayKind = dayKind(t)): number {
  return knotValue((kind === 'weekend' ? WEEKEND : WEEKDAY)[profile], beijingHour(t));
}

/** The demand parameters of one car park. */
export interface Demand {
  profile: ProfileKey;
  /** kerbside: the profile of what the street serves (e.g. "mall") */
  context?: ProfileKey;
  /** popularity multiplier (≈ 0.95; above 1 the car park fills at its peak) */
  level: number;
  /** timing shift, minutes (positive: later) */
  shiftMin: number;
  /** noise standard deviation (share of capacity) */
  sigma: number;
}

/** A modifier for a disrupted day (e.g. a rainstorm): maps the typical occupancy at t. */
export type Disruption = (profile: ProfileKey, t: number, occupancy: number) => number;

/** Expected occupancy of a car park at t, without noise (0…1). */
export function expectedOccupancy(d: Demand, t: number, disruption?: Disruption): number {
  const ts = t - d.shiftMin * 60_000;
  const kind = dayKind(ts);
  let p = profileAt(d.profile, ts, kind);
  if (d.profile === 'kerbside' && d.context && d.context !== 'kerbside') {
    p = KERB_STREET_SHARE * p + (1 - KERB_STREET_SHARE) * profileAt(d.context, ts, kind);
  }
  let occ = d.level * p;
  if (disruption) occ = disruption(d.context && d.profile === 'kerbside' ? d.context : d.profile, t, occ);
  return Math.max(0, Math.min(1, occ));
}

/**
 * How busy the streets are (0.25 at night … 1 by day): scales the noise, since at night few
 * cars come and go and a car park's count hardly moves.
 */
export function activity(t: number): number {
  const h = beijingHour(t);
  if (h >= 7 && h < 22) return 1;
  if (h < 5 || h >= 24) return 0.25;
  if (h < 7) return 0.25 + 0.75 * ((h - 5) / 2);
  return 1 - 0.75 * ((h - 22) / 2);
}

/** Correlation time of the noise, minutes. */
export const NOISE_TAU_MIN = 40;

const PROFILE_KEYS: ProfileKey[] = ['office', 'mall', 'leisure', 'hospital', 'residential', 'hub', 'kerbside'];
/** Per-minute tables of the profiles (1,440 values per profile and day kind): the fast path. */
const TABLES = (() => {
  const out = new Map<string, Float64Array>();
  for (const kind of ['workday', 'weekend'] as const)
    for (const p of PROFILE_KEYS) {
      const a = new Float64Array(1440);
      const knots = (kind === 'weekend' ? WEEKEND : WEEKDAY)[p];
      for (let m = 0; m < 1440; m++) a[m] = knotValue(knots, m / 60);
      out.set(`${kind}|${p}`, a);
    }
  return out;
})();

/**
 * Steps the occupancy of many car parks minute by minute (AR(1) noise per car park),
 * deterministic for a seed. `occupied[i]` is in spaces, 0…capacity. Uses per-minute
 * tables of the profiles (the same values as `expectedOccupancy` at whole minutes).
 */
export class DemandSim {
  readonly n: number;
  private readonly noise: Float64Array;
  private readonly r: () => number;
  private readonly rho: number;
  private readonly shift: Int32Array;
  private readonly tables: { wd: Float64Array; we: Float64Array; cwd?: Float64Array; cwe?: Float64Array }[];
  readonly occupied: Int32Array;

  constructor(
    readonly demands: readonly Demand[],
    readonly capacities: readonly number[],
    seed: number,
    readonly disruption?: Disruption,
    stepMin = 1,
  ) {
    this.n = demands.length;
    this.noise = new Float64Array(this.n);
    this.occupied = new Int32Array(this.n);
    this.shift = new Int32Array(this.n);
    this.r = rng(seed);
    this.rho = Math.exp(-stepMin / NOISE_TAU_MIN);
    this.tables = demands.map((d) => {
      const kerbMix = d.profile === 'kerbside' && d.context && d.context !== 'kerbside';
      return {
        wd: TABLES.get(`workday|${d.profile}`)!,
        we: TABLES.get(`weekend|${d.profile}`)!,
        cwd: kerbMix ? TABLES.get(`workday|${d.context}`) : undefined,
        cwe: kerbMix ? TABLES.get(`weekend|${d.context}`) : undefined,
      };
    });
    demands.forEach((d, i) => (this.shift[i] = Math.round(d.shiftMin)));
    // start in the stationary distribution
    for (let i = 0; i < this.n; i++) this.noise[i] = demands[i].sigma * gaussian(this.r);
  }

  /** Advances the noise one step and computes the occupancy at t (a whole minute). */
  step(t: number): Int32Array {
    const k = Math.sqrt(1 - this.rho * this.rho) * activity(t);
    const minute0 = Math.floor((t + BEIJING) / 60_000);
    for (let i = 0; i < this.n; i++) {
      const d = this.demands[i];
      this.noise[i] = this.rho * this.noise[i] + k * d.sigma * gaussian(this.r);
      const m = minute0 - this.shift[i];
      const day = Math.floor(m / 1440);
      const wd = (((day + 4) % 7) + 7) % 7;
      const weekend = wd === 0 || wd === 6;
      const mi = m - day * 1440;
      const tb = this.tables[i];
      let p = (weekend ? tb.we : tb.wd)[mi];
      if (tb.cwd) p = KERB_STREET_SHARE * p + (1 - KERB_STREET_SHARE) * (weekend ? tb.cwe! : tb.cwd)[mi];
      let occ = d.level * p;
      if (this.disruption) occ = this.disruption(tb.cwd ? d.context! : d.profile, t, occ);
      occ = Math.max(0, Math.min(1, Math.max(0, Math.min(1, occ)) + this.noise[i]));
      this.occupied[i] = Math.round(occ * this.capacities[i]);
    }
    return this.occupied;
  }
}

// ---- the 20 July 2021 rainstorm ---------------------------------------------------------

const T = (iso: string) => Date.parse(iso);
const STORM_FROM = T('2021-07-20T15:00:00+08:00');
const STRANDED_FROM = T('2021-07-20T17:00:00+08:00');
const DAY_AFTER = T('2021-07-21T00:00:00+08:00');
const DAY_AFTER_END = T('2021-07-22T00:00:00+08:00');

/**
 * The 20 July 2021 rainstorm (an assumption, documented in docs/parking.md): from 15:00
 * malls and leisure lose two thirds of their visitors; from 17:00 office workers are
 * stranded (cars stay, their car parks empty slowly overnight); on 21 July many
 * workplaces are closed (offices at about half) and people stay home (residential
 * car parks stay fuller in the day).
 */
export const storm2021: Disruption = (profile, t, occ) => {
  if (t < STORM_FROM || t >= DAY_AFTER_END) return occ;
  if (profile === 'mall' || profile === 'leisure') return occ * 0.35;
  if (t < DAY_AFTER) {
    if (profile === 'office' && t >= STRANDED_FROM) {
      const hours = (t - STRANDED_FROM) / HOUR;
      return Math.max(occ, 0.85 * Math.exp(-hours / 9));
    }
    return occ;
  }
  if (profile === 'office') return occ * 0.5;
  if (profile === 'residential') return Math.max(occ, 0.8);
  return occ;
};

/** Seeded demand parameters for a car park of a profile. */
export function drawDemand(r: () => number, profile: ProfileKey, context?: ProfileKey): Demand {
  const level = Math.max(0.55, Math.min(1.12, 0.96 + 0.1 * gaussian(r)));
  const shiftMin = Math.max(-40, Math.min(40, 15 * gaussian(r)));
  const sigma = profile === 'kerbside' ? 0.05 : 0.02;
  return { profile, context, level, shiftMin, sigma };
}
