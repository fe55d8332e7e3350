/**
 * Rainfall scenarios: "what if this storm fell now?" for every hotspot on the map.
 *
 * The layer keeps its own small state here (a zustand vanilla store): whether the map shows
 * the observed state or a scenario, and which storm. The map redraws when it changes
 * through the plugin's `subscribe` (layers/types.ts). The prediction runs the same ponding
 * model as the replay and the live runner (mock-data/sim/flood.ts) on the parameters each
 * hotspot entity carries (`model`, `warn_cm`): 51 hotspots take about a millisecond, so it
 * runs on the main thread (measured: see `compute_ms`, shown in the panel).
 *
 * URL: `?scenario=p100-60` (return period 100 years, 60 minutes), `?scenario=2021` (the
 * recorded storm of 20 July 2021) opens the cockpit with the scenario on the map.
 */
import { createStore } from 'zustand/vanilla';
import type { Entity } from '../../src/data/wire';
import type { EntityTable } from '../../src/store/tables';
import type { Text } from '../types';
import { text } from '../types';
import { predictAll, type FloodParams, type Prediction } from '../../mock-data/sim/flood';
import { chicagoHyetograph, DURATIONS_MIN, RETURN_PERIODS } from '../../mock-data/sim/rain-design';
import { intensitiesMmH, totalMm, withDryTail, type RainSeries } from '../../mock-data/sim/rain';
import { rainfall2021, RAIN_2021_START } from '../../mock-data/catalog/rainfall-2021-07';
import { levelRank, thresholdsOf } from './levels';
import { WARNING_LEVELS, type WarningLevel } from './topic';

export { RETURN_PERIODS, DURATIONS_MIN };

export type StormSpec = { kind: 'design'; P: number; durationMin: number } | { kind: 'recorded'; id: '2021-07-20' };

export interface ScenarioState {
  /** what the map shows */
  mode: 'observed' | 'scenario';
  /** the storm of the scenario (kept while the map shows the observed state) */
  spec: StormSpec;
}

export const DEFAULT_SPEC: StormSpec = { kind: 'design', P: 20, durationMin: 60 };
/** Dry hours simulated after a design storm so the peak and the recession are seen. */
export const DRY_TAIL_MIN = 240;
/** The recorded storm as a scenario: from 20 Jul 2021 00:00 (Beijing) to the end of the record. */
export const RECORDED_FROM = '2021-07-20T00:00:00+08:00';

/** `p100-60` ↔ {design, P 100, 60 min}; `2021` ↔ the recorded storm. */
export function specKey(s: StormSpec): string {
  return s.kind === 'recorded' ? '2021' : `p${s.P}-${s.durationMin}`;
}

export function parseSpecKey(key: string | null | undefined): StormSpec | null {
  if (!key) return null;
  const k = key.trim().toLowerCase();
  if (k === '2021' || k === '2021-07-20' || k === 'recorded') return { kind: 'recorded', id: '2021-07-20' };
  const m = /^p(\d{1,3})(?:-(\d{2,4}))?$/.exec(k);
  if (!m) return null;
  const P = Number(m[1]);
  const d = m[2] === undefined ? 60 : Number(m[2]);
  if (!(RETURN_PERIODS as readonly number[]).includes(P) || !(DURATIONS_MIN as readonly number[]).includes(d)) return null;
  return { kind: 'design', P, durationMin: d };
}

export function specLabel(s: StormSpec): Text {
  if (s.kind === 'recorded') return text('2021年7月20日实况降雨（重构）', 'Recorded storm of 20 July 2021 (reconstructed)');
  const h = s.durationMin / 60;
  return text(`${s.P}年一遇 · 历时${h}小时`, `${s.P}-year storm · ${h} h`);
}

function initialState(): ScenarioState {
  let spec: StormSpec | null = null;
  try {
    spec = typeof location !== 'undefined' ? parseSpecKey(new URLSearchParams(location.search).get('scenario')) : null;
  } catch {
    spec = null;
  }
  return spec ? { mode: 'scenario', spec } : { mode: 'observed', spec: DEFAULT_SPEC };
}

export const scenarioStore = createStore<ScenarioState>()(initialState);

/** Keep `?scenario=` in the address bar in step, so the view can be sent as a link. */
function syncUrl(s: ScenarioState): void {
  try {
    if (typeof location === 'undefined' || typeof history === 'undefined') return;
    const url = new URL(location.href);
    const want = s.mode === 'scenario' ? specKey(s.spec) : null;
    if (url.searchParams.get('scenario') === want) return;
    if (want) url.searchParams.set('scenario', want);
    else url.searchParams.delete('scenario');
    history.replaceState(history.state, '', url);
  } catch {
    /* not in a browser */
  }
}

export function showScenario(spec: StormSpec): void {
  scenarioStore.setState({ mode: 'scenario', spec });
  syncUrl(scenarioStore.getState());
}

export function showObserved(): void {
  scenarioStore.setState({ mode: 'observed' });
  syncUrl(scenarioStore.getState());
}

// ---- rainfall of a scenario ------------------------------------------------------------

const seriesCache = new Map<string, RainSeries>();

/** The rainfall series a scenario runs on (5-min steps, with a dry tail to see the recession). */
export function stormSeries(spec: StormSpec): RainSeries {
  const key = specKey(spec);
  let s = seriesCache.get(key);
  if (s) return s;
  if (spec.kind === 'design') {
    s = withDryTail(chicagoHyetograph({ returnPeriod: spec.P, durationMin: spec.durationMin, stepMin: 5 }), DRY_TAIL_MIN);
  } else {
    const all = rainfall2021(5);
    const from = Math.round((Date.parse(RECORDED_FROM) - Date.parse(RAIN_2021_START)) / (all.step_min * 60_000));
    s = withDryTail({ ...all, start: RECORDED_FROM, values_mm: all.values_mm.slice(from), label: 'Zhengzhou station 20–21 Jul 2021 (reconstructed), 5-min' }, DRY_TAIL_MIN);
  }
  seriesCache.set(key, s);
  return s;
}

// ---- the hotspots' model parameters ------------------------------------------------------

export type ModelHotspot = FloodParams & { id: string };

/** The model of a hotspot entity, from its `model` and thresholds; null if it carries none. */
export function modelOf(e: Entity): ModelHotspot | null {
  const m = e.model as Record<string, unknown> | undefined;
  if (!m || typeof m !== 'object') return null;
  const num = (k: string) => (typeof m[k] === 'number' && Number.isFinite(m[k]) ? (m[k] as number) : NaN);
  const p = {
    catchment_ha: num('catchment_ha'),
    runoff_coeff: num('runoff_coeff'),
    drain_capacity_mm_h: num('drain_capacity_mm_h'),
    storage_m3_per_cm: num('storage_m3_per_cm'),
    max_depth_cm: num('max_depth_cm'),
  };
  if (!(p.catchment_ha > 0 && p.runoff_coeff >= 0 && p.drain_capacity_mm_h >= 0 && p.storage_m3_per_cm > 0 && p.max_depth_cm > 0)) return null;
  return { id: e.id, ...p, warning_cm: { ...thresholdsOf(e) } };
}

// ---- predictions -------------------------------------------------------------------------

export interface HotspotPrediction extends Prediction {
  id: string;
  name: string;
  name_en: string;
}

export interface ScenarioResult {
  key: string;
  spec: StormSpec;
  series: RainSeries;
  total_mm: number;
  /** peak 5-min intensity, mm/h */
  peak_mm_h: number;
  /** epoch ms of the series start (recorded storms), for clock times of peaks */
  start?: number;
  byId: Map<string, HotspotPrediction>;
  /** worst first: level, then peak depth */
  ranked: HotspotPrediction[];
  counts: Record<WarningLevel, number>;
  /** hotspots without model parameters (not predicted) */
  unmodelled: number;
  /** time the model takes for all hotspots, ms (main thread; median of three runs) */
  compute_ms: number;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Runs the model for every hotspot entity under a storm. */
export function runScenario(spec: StormSpec, entities: readonly Entity[]): ScenarioResult {
  const series = stormSeries(spec);
  const models: ModelHotspot[] = [];
  const names = new Map<string, { name: string; name_en: string }>();
  for (const e of entities) {
    const m = modelOf(e);
    if (!m) continue;
    models.push(m);
    names.set(e.id, { name: String(e.name ?? e.id), name_en: String(e.name_en ?? e.name ?? e.id) });
  }
  // timed as the median of three runs, so that one cold start or a busy moment does not
  // stand for the model's speed (each run takes well under a millisecond)
  const times: number[] = [];
  let preds: ReturnType<typeof predictAll<ModelHotspot>> = [];
  for (let k = 0; k < 3; k++) {
    const t0 = now();
    preds = predictAll(models, series);
    times.push(now() - t0);
  }
  const compute_ms = times.sort((a, b) => a - b)[1];
  const counts: Record<WarningLevel, number> = { none: 0, blue: 0, yellow: 0, orange: 0, red: 0 };
  const byId = new Map<string, HotspotPrediction>();
  const list: HotspotPrediction[] = [];
  for (const p of preds) {
    const peak = Number.isFinite(p.peak_cm) && p.peak_cm > 0 ? p.peak_cm : 0;
    const hp: HotspotPrediction = { ...p, peak_cm: peak, ...names.get(p.id)! };
    counts[hp.level]++;
    byId.set(p.id, hp);
    list.push(hp);
  }
  list.sort((a, b) => levelRank(b.level) - levelRank(a.level) || b.peak_cm - a.peak_cm || a.id.localeCompare(b.id));
  const intens = intensitiesMmH(series);
  return {
    key: specKey(spec),
    spec,
    series,
    total_mm: totalMm(series),
    peak_mm_h: intens.reduce((a, b) => Math.max(a, b), 0),
    start: series.start ? Date.parse(series.start) : undefined,
    byId,
    ranked: list,
    counts,
    unmodelled: entities.length - models.length,
    compute_ms,
  };
}

/** Signature of the hotspots' model parameters (a scenario is recomputed only when it changes). */
function paramSignature(t: EntityTable): string {
  let s = '';
  for (let r = 0; r < t.length; r++) {
    const e = t.rows[r];
    const m = e.model as Record<string, number> | undefined;
    const w = e.warn_cm as Record<string, number> | undefined;
    s += `${e.id}:${m ? `${m.catchment_ha},${m.runoff_coeff},${m.drain_capacity_mm_h},${m.storage_m3_per_cm},${m.max_depth_cm}` : '-'}:${w ? `${w.blue},${w.yellow},${w.orange},${w.red}` : e.kind ?? ''};`;
  }
  return s;
}

const resultCache = new Map<string, ScenarioResult>();
let cacheSig = '';
let cacheVersion: { table: EntityTable; version: number } | null = null;

/**
 * The scenario's predictions for the hotspots of a table, cached: recomputed when the storm
 * or the hotspots' parameters change (not when only their depths change).
 */
export function scenarioFor(spec: StormSpec, table: EntityTable): ScenarioResult {
  if (!cacheVersion || cacheVersion.table !== table || cacheVersion.version !== table.version) {
    const sig = paramSignature(table);
    if (sig !== cacheSig) {
      resultCache.clear();
      cacheSig = sig;
    }
    cacheVersion = { table, version: table.version };
  }
  const key = specKey(spec);
  let r = resultCache.get(key);
  if (!r) {
    r = runScenario(spec, table.rows);
    resultCache.set(key, r);
  }
  return r;
}

/** The active scenario's result, or null while the map shows the observed state. */
export function activeScenario(table: EntityTable): ScenarioResult | null {
  const s = scenarioStore.getState();
  return s.mode === 'scenario' ? scenarioFor(s.spec, table) : null;
}

/**
 * Time to peak as shown: minutes from the storm start for a design storm, the clock time
 * (Beijing, MM-DD HH:MM) for a recorded storm.
 */
export function peakTimeText(min: number | null, start: number | undefined): string {
  if (min === null) return '—';
  if (start === undefined) return `${min} min`;
  const d = new Date(start + min * 60_000 + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export { WARNING_LEVELS };
