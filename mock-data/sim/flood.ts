/**
 * Hotspot ponding model: one small reservoir per waterlogging hotspot.
 * Deterministic, explainable, pure TypeScript (browser, Web Worker, generator, live server).
 *
 * Per step of Δt minutes, with rain R (mm) in the step:
 *   inflow   Qin  = R/1000 · φ · A·10⁴                 m³   (φ runoff coefficient, A catchment ha)
 *   capacity Qcap = c/1000 · Δt/60 · A·10⁴ · (1 − s)    m³   (c drainage capacity mm/h, s surcharge 0..1)
 *   V ← V + Qin;  drained = min(V, Qcap);  V ← V − drained
 *   spilled = max(0, V − Vmax);  V ← V − spilled          (Vmax = max_depth_cm · k)
 *   depth    h = V / k                                    cm   (k storage m³ per cm of depth)
 * Volume balances exactly: ΣQin = Σdrained + Σspilled + V_end − V_start.
 *
 * Surcharge s is one city-wide series: when the receiving rivers and trunk sewers are
 * full, outlets cannot discharge. It is modelled as a linear reservoir of recent rain
 * (time constant 6 h): S ← S·e^(−Δt/τ) + R, s = s_max · clamp((S − S_on)/(S_full − S_on), 0, 1).
 * Ordinary storms leave it at 0; the 20 July 2021 storm drives it to s_max.
 * See docs/flood-model.md for parameters, calibration and limitations.
 */
import { safeDepth, type RainSeries } from './rain.ts';

export type WarningLevel = 'none' | 'blue' | 'yellow' | 'orange' | 'red';

/** Depth thresholds (cm) at which each warning level begins. */
export interface WarningLevels {
  blue: number;
  yellow: number;
  orange: number;
  red: number;
}

/** Road junctions and sections: kerb (15), half a wheel (27), a car's sill (40), engine air intake (50). */
export const ROAD_WARNING_CM: WarningLevels = { blue: 15, yellow: 27, orange: 40, red: 50 };
/** Underpasses and tunnels: stricter, water there traps vehicles. */
export const TUNNEL_WARNING_CM: WarningLevels = { blue: 10, yellow: 20, orange: 30, red: 40 };

export const LEVELS: readonly WarningLevel[] = ['none', 'blue', 'yellow', 'orange', 'red'];

/** The parameters of one hotspot's reservoir. */
export interface FloodParams {
  /** area draining to the low point, ha */
  catchment_ha: number;
  /** share of rain that runs off, 0.6–0.95 */
  runoff_coeff: number;
  /** what the local drainage (inlets, pipes, pumps) removes, mm/h over the catchment */
  drain_capacity_mm_h: number;
  /** ponding volume per cm of depth, m³/cm (= ponded area m² / 100) */
  storage_m3_per_cm: number;
  /** physical cap on depth, cm: above it water spills to neighbouring streets */
  max_depth_cm: number;
  warning_cm: WarningLevels;
}

export interface SurchargeParams {
  /** time constant of the receiving system, h */
  tau_h: number;
  /** stored recent rain (mm) at which outlets start to be impaired */
  on_mm: number;
  /** stored recent rain (mm) at which impairment reaches max */
  full_mm: number;
  /** largest share of drainage capacity lost, 0..1 */
  max: number;
}

export const DEFAULT_SURCHARGE: SurchargeParams = { tau_h: 6, on_mm: 40, full_mm: 200, max: 0.85 };

/** Warning level of a depth. */
export function warningLevel(depth_cm: number, w: WarningLevels): WarningLevel {
  if (!(depth_cm >= w.blue)) return 'none';
  if (depth_cm >= w.red) return 'red';
  if (depth_cm >= w.orange) return 'orange';
  if (depth_cm >= w.yellow) return 'yellow';
  return 'blue';
}

/** Ordering of levels: none 0 … red 4. */
export function levelRank(l: WarningLevel): number {
  return LEVELS.indexOf(l);
}

export interface StepOut {
  volume_m3: number;
  depth_cm: number;
  inflow_m3: number;
  drained_m3: number;
  spilled_m3: number;
}

/** Advances one hotspot by one step. Never returns NaN or a negative depth. */
export function stepFlood(p: FloodParams, volume_m3: number, rain_mm: number, dt_min: number, surcharge = 0): StepOut {
  const area_m2 = p.catchment_ha * 10_000;
  const s = Number.isFinite(surcharge) ? Math.min(1, Math.max(0, surcharge)) : 0;
  const inflow = (safeDepth(rain_mm) / 1000) * p.runoff_coeff * area_m2;
  const capacity = (p.drain_capacity_mm_h / 1000) * (Math.max(0, dt_min) / 60) * area_m2 * (1 - s);
  let v = (Number.isFinite(volume_m3) && volume_m3 > 0 ? volume_m3 : 0) + inflow;
  const drained = Math.min(v, capacity);
  v -= drained;
  const vmax = p.max_depth_cm * p.storage_m3_per_cm;
  const spilled = v > vmax ? v - vmax : 0;
  v -= spilled;
  return { volume_m3: v, depth_cm: v / p.storage_m3_per_cm, inflow_m3: inflow, drained_m3: drained, spilled_m3: spilled };
}

/** Advances the city-wide surcharge store by one step; returns the new store and s. */
export function stepSurcharge(
  store_mm: number,
  rain_mm: number,
  dt_min: number,
  m: SurchargeParams = DEFAULT_SURCHARGE,
): { store_mm: number; surcharge: number } {
  const next = store_mm * Math.exp(-dt_min / (m.tau_h * 60)) + safeDepth(rain_mm);
  const x = (next - m.on_mm) / (m.full_mm - m.on_mm);
  return { store_mm: next, surcharge: m.max * Math.min(1, Math.max(0, x)) };
}

/** The surcharge factor of every step of a rainfall series. */
export function surchargeSeries(series: RainSeries, m: SurchargeParams = DEFAULT_SURCHARGE): number[] {
  let store = 0;
  return series.values_mm.map((r) => {
    const o = stepSurcharge(store, r, series.step_min, m);
    store = o.store_mm;
    return o.surcharge;
  });
}

export interface SimOptions {
  /**
   * Surcharge per step (array), constant (number), or 'auto' (default): derived from the
   * series itself with DEFAULT_SURCHARGE. Use 0 for a free-draining system.
   */
  surcharge?: number | readonly number[] | 'auto';
  /** ponded volume at the start, m³ (default 0) */
  initial_volume_m3?: number;
}

export interface FloodRun {
  /** depth at the end of each step, cm */
  depth_cm: number[];
  peak_cm: number;
  /** index of the first step whose end depth is the peak, or -1 if never wet */
  peak_index: number;
  inflow_m3: number;
  drained_m3: number;
  spilled_m3: number;
  initial_volume_m3: number;
  final_volume_m3: number;
}

function resolveSurcharge(series: RainSeries, o: SimOptions['surcharge']): (i: number) => number {
  if (o === undefined || o === 'auto') {
    const s = surchargeSeries(series);
    return (i) => s[i];
  }
  if (typeof o === 'number') return () => o;
  return (i) => o[i] ?? 0;
}

/** Runs one hotspot through a rainfall series. */
export function simulate(p: FloodParams, series: RainSeries, opts: SimOptions = {}): FloodRun {
  const sAt = resolveSurcharge(series, opts.surcharge);
  const v0 = Math.max(0, opts.initial_volume_m3 ?? 0);
  let v = v0;
  let inflow = 0;
  let drained = 0;
  let spilled = 0;
  let peak = 0;
  let peakIndex = -1;
  const depth: number[] = new Array(series.values_mm.length);
  for (let i = 0; i < series.values_mm.length; i++) {
    const o = stepFlood(p, v, series.values_mm[i], series.step_min, sAt(i));
    v = o.volume_m3;
    inflow += o.inflow_m3;
    drained += o.drained_m3;
    spilled += o.spilled_m3;
    depth[i] = o.depth_cm;
    if (o.depth_cm > peak + 1e-9) {
      peak = o.depth_cm;
      peakIndex = i;
    }
  }
  return {
    depth_cm: depth,
    peak_cm: peak,
    peak_index: peakIndex,
    inflow_m3: inflow,
    drained_m3: drained,
    spilled_m3: spilled,
    initial_volume_m3: v0,
    final_volume_m3: v,
  };
}

export interface Prediction {
  peak_cm: number;
  /** minutes from the start of the series to the end of the step where the peak is first reached; null if dry */
  time_to_peak_min: number | null;
  level: WarningLevel;
}

/** Predicted peak depth, time to peak and warning level of one hotspot under a rainfall series. */
export function predictScenario(p: FloodParams, series: RainSeries, opts: SimOptions = {}): Prediction {
  const run = simulate(p, series, opts);
  return {
    peak_cm: run.peak_cm,
    time_to_peak_min: run.peak_index < 0 ? null : (run.peak_index + 1) * series.step_min,
    level: warningLevel(run.peak_cm, p.warning_cm),
  };
}

/**
 * Predictions for many hotspots (input order), sharing one surcharge series.
 * 51 hotspots × a 24-h storm at 5-min steps take about a millisecond.
 */
export function predictAll<T extends FloodParams & { id: string }>(
  hotspots: readonly T[],
  series: RainSeries,
  opts: SimOptions = {},
): Array<Prediction & { id: string }> {
  const s = opts.surcharge === undefined || opts.surcharge === 'auto' ? surchargeSeries(series) : opts.surcharge;
  return hotspots.map((h) => ({ id: h.id, ...predictScenario(h, series, { ...opts, surcharge: s }) }));
}

/**
 * A live runner: keeps the state of many hotspots and advances them as rainfall arrives
 * (for the live server or a rain-gauge feed). Rain values should be validated first
 * (validateRainSeries); invalid values count as no rain.
 */
export function createFloodRunner<T extends FloodParams & { id: string }>(
  hotspots: readonly T[],
  m: SurchargeParams = DEFAULT_SURCHARGE,
) {
  const volume = new Float64Array(hotspots.length);
  let store = 0;
  let surcharge = 0;
  return {
    /** advances every hotspot by one step of `dt_min` minutes with `rain_mm` of rain */
    step(rain_mm: number, dt_min: number): void {
      const o = stepSurcharge(store, rain_mm, dt_min, m);
      store = o.store_mm;
      surcharge = o.surcharge;
      for (let i = 0; i < hotspots.length; i++) {
        volume[i] = stepFlood(hotspots[i], volume[i], rain_mm, dt_min, surcharge).volume_m3;
      }
    },
    /** current depth (cm) of each hotspot, input order */
    depths(): number[] {
      return hotspots.map((h, i) => volume[i] / h.storage_m3_per_cm);
    },
    surcharge(): number {
      return surcharge;
    },
    reset(): void {
      volume.fill(0);
      store = 0;
      surcharge = 0;
    },
  };
}
