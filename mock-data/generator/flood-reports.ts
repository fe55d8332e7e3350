/**
 * SIMULATED citizen photo reports (the city app lets anyone photograph and report
 * flooding). Seeded and deterministic; every report carries `simulated: true` and a photo
 * placeholder scene, never a real photo.
 *
 * Where and when:
 *  - near a flooded hotspot (60–250 m away): while the place is at or above its blue
 *    threshold, each 5-min step has a chance of a report that grows with the warning
 *    level; at most one open report per place, and a pause after it closes;
 *  - elsewhere along the main roads (mock-data/geo/roads-source.ts, schematic): a chance
 *    per step that follows the rain of the last hour (none below 20 mm).
 * A report is `new`, `verified` 8–25 min later, `dispatched` (crews sent) for deep water,
 * and removed (closed) 40–150 min after it was made.
 * Text: short templates in Chinese with an English rendering, with the reporter's depth
 * estimate (the model's depth ± 30 %, in 5 cm steps).
 */
import type { Entity } from '../../src/data/wire';
import { ROADS } from '../geo/roads-source';
import { levelRank, warningLevel } from '../sim/flood';
import type { RainSeries } from '../sim/rain';
import type { HotspotRun } from './flood-emit';
import { rng } from './rng';
import { isoBeijing, type TimelineBuilder } from './timeline';

export interface ReportOptions {
  start: number;
  stepMin: number;
  first: number;
  n: number;
  seed: number;
}

type Scene = 'street-water' | 'underpass-water' | 'stalled-car' | 'manhole' | 'drain';

interface Draft {
  id: string;
  t: number;
  lon: number;
  lat: number;
  kind: string;
  scene: Scene;
  text: string;
  text_en: string;
  place: string;
  place_en: string;
  depth?: number;
  hotspot?: string;
  dispatch: boolean;
}

/** Urban core where road reports are placed. */
const CORE = { w: 113.56, e: 113.8, s: 34.68, n: 34.84 };

const M_PER_DEG_LAT = 111_320;

function offset(lon: number, lat: number, metres: number, bearing: number): [number, number] {
  const dLat = (metres * Math.cos(bearing)) / M_PER_DEG_LAT;
  const dLon = (metres * Math.sin(bearing)) / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
  return [Math.round((lon + dLon) * 1e5) / 1e5, Math.round((lat + dLat) * 1e5) / 1e5];
}

/** Depth as a citizen would put it: ±30 %, in 5-cm steps, at least 5 cm. */
function estimate(depth: number, r: () => number): number {
  return Math.max(5, Math.round((depth * (0.7 + 0.6 * r())) / 5) * 5);
}

function shortEn(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '');
}

function depthWords(d: number): { zh: string; en: string } {
  if (d >= 150) return { zh: `水深超过1.5米，已没过车顶`, en: `over 1.5 m deep, above car roofs` };
  if (d >= 60) return { zh: `水深约${d}厘米，已没过车轮`, en: `about ${d} cm deep, above the wheels` };
  return { zh: `积水约${d}厘米`, en: `about ${d} cm of standing water` };
}

/** Rounds a time to the whole minute. */
const minute = (t: number) => Math.round(t / 60_000) * 60_000;

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.min(list.length - 1, Math.floor(r() * list.length))];
}

/** A report near a flooded hotspot. */
function hotspotReport(id: string, t: number, run: HotspotRun, depth: number, r: () => number): Draft {
  const { h } = run;
  const [lon, lat] = offset(h.lon, h.lat, 60 + 190 * r(), r() * 2 * Math.PI);
  const d = estimate(depth, r);
  const w = depthWords(d);
  const place = h.name_zh;
  const place_en = shortEn(h.name_en);
  const covered = h.kind === 'underpass' || h.kind === 'tunnel';
  const options: Draft[] = [];
  const base = { id, t, lon, lat, place, place_en, depth: d, hotspot: h.id };
  if (covered) {
    options.push({ ...base, kind: 'underpass', scene: 'underpass-water', text: `${place}${w.zh}，车辆不要再进入，请尽快封闭！`, text_en: `${place_en}: ${w.en}. Cars should not drive in, please close it now!`, dispatch: true });
    options.push({ ...base, kind: 'stalled-vehicle', scene: 'stalled-car', text: `${place}入口处有车辆涉水熄火，${w.zh}`, text_en: `${place_en} entrance: a car stalled in the water, ${w.en}`, dispatch: true });
  } else {
    options.push({ ...base, kind: 'standing-water', scene: 'street-water', text: `${place}${w.zh}，路面看不清，请绕行`, text_en: `${place_en}: ${w.en}, the road surface cannot be seen, please detour`, dispatch: d >= 40 });
    options.push({ ...base, kind: 'stalled-vehicle', scene: 'stalled-car', text: `${place}有几辆车涉水熄火，${w.zh}`, text_en: `${place_en}: several cars stalled in the water, ${w.en}`, dispatch: true });
    options.push({ ...base, kind: 'manhole', scene: 'manhole', text: `${place}附近井盖被冲开，路面冒水，行人注意安全`, text_en: `Near ${place_en}: a manhole cover lifted and water is welling up; pedestrians take care`, dispatch: true });
  }
  options.push({ ...base, kind: 'blocked-drain', scene: 'drain', text: `${place}雨水口被杂物堵住，${w.zh}，排水很慢`, text_en: `${place_en}: a storm drain blocked by debris, ${w.en}, draining slowly`, dispatch: d >= 40 });
  return pick(r, options);
}

const CORE_ROADS = ROADS.filter((rd) => rd.coords.some(([x, y]) => x > CORE.w && x < CORE.e && y > CORE.s && y < CORE.n));

/** A report at a point along a main road in the urban core. */
function roadReport(id: string, t: number, lastHourMm: number, r: () => number): Draft | null {
  if (!CORE_ROADS.length) return null;
  for (let attempt = 0; attempt < 8; attempt++) {
    const rd = pick(r, CORE_ROADS);
    if (rd.coords.length < 2) continue;
    const k = Math.floor(r() * (rd.coords.length - 1));
    const f = r();
    const [x0, y0] = rd.coords[k];
    const [x1, y1] = rd.coords[k + 1];
    const x = x0 + (x1 - x0) * f;
    const y = y0 + (y1 - y0) * f;
    if (!(x > CORE.w && x < CORE.e && y > CORE.s && y < CORE.n)) continue;
    const [lon, lat] = offset(x, y, 15 * r(), r() * 2 * Math.PI);
    const depth = estimate(Math.min(45, 5 + lastHourMm / 4), r);
    const w = depthWords(depth);
    const place = rd.name_zh;
    const place_en = rd.name_en;
    const base = { id, t, lon, lat, place, place_en, depth, dispatch: false };
    return pick(r, [
      { ...base, kind: 'standing-water', scene: 'street-water' as Scene, text: `${place}这一段${w.zh}，非机动车道全淹了`, text_en: `${place_en}, this section: ${w.en}, the bike lane is under water` },
      { ...base, kind: 'blocked-drain', scene: 'drain' as Scene, text: `${place}路边雨水箅子堵了，水排不下去`, text_en: `${place_en}: roadside drain grates blocked, the water is not draining` },
      { ...base, kind: 'standing-water', scene: 'street-water' as Scene, text: `${place}公交站附近${w.zh}，乘客无法候车`, text_en: `${place_en}, near the bus stop: ${w.en}, passengers cannot wait there` },
    ]);
  }
  return null;
}

/** Entity of a report at a status. */
function entity(d: Draft, status: 'new' | 'verified' | 'dispatched'): Entity {
  return {
    id: d.id,
    lon: d.lon,
    lat: d.lat,
    text: d.text,
    text_en: d.text_en,
    reported_at: isoBeijing(d.t),
    kind: d.kind,
    status,
    ...(d.depth !== undefined ? { depth_est_cm: d.depth } : {}),
    ...(d.hotspot ? { hotspot: d.hotspot } : {}),
    place: d.place,
    place_en: d.place_en,
    simulated: true,
    photo: d.scene,
  };
}

/** The drafts of all reports over the runs (exported for tests). */
export function draftReports(runs: readonly HotspotRun[], rain: RainSeries, o: ReportOptions): (Draft & { close: number; verify: number; dispatchAt?: number })[] {
  const r = rng(o.seed);
  const stepMs = o.stepMin * 60_000;
  const perHour = Math.round(60 / o.stepMin);
  const openUntil = new Map<string, number>();
  const out: (Draft & { close: number; verify: number; dispatchAt?: number })[] = [];
  let seq = 0;
  const nextId = () => `R${String(++seq).padStart(4, '0')}`;
  for (let i = o.first; i < o.n; i++) {
    const t = o.start + (i + 1) * stepMs;
    for (const run of runs) {
      const depth = run.run.depth_cm[i] ?? 0;
      const level = warningLevel(depth, run.h.warning_cm);
      if (level === 'none') continue;
      if ((openUntil.get(run.h.id) ?? -Infinity) > t) continue;
      const p = 0.012 + 0.012 * levelRank(level);
      if (r() >= p) continue;
      const d = hotspotReport(nextId(), t, run, depth, r);
      const life = (40 + 110 * r()) * 60_000;
      const verify = minute(t + (8 + 17 * r()) * 60_000);
      const dispatchAt = d.dispatch ? minute(verify + (5 + 25 * r()) * 60_000) : undefined;
      const close = minute(Math.max(t + life, (dispatchAt ?? verify) + 10 * 60_000));
      out.push({ ...d, verify, dispatchAt, close });
      // one open report per place, then a pause of 30–90 min
      openUntil.set(run.h.id, close + (30 + 60 * r()) * 60_000);
    }
    let lastHour = 0;
    for (let k = Math.max(0, i - perHour + 1); k <= i; k++) lastHour += rain.values_mm[k] ?? 0;
    if (lastHour >= 20 && r() < Math.min(0.5, lastHour / 400)) {
      const d = roadReport(nextId(), t, lastHour, r);
      if (d) {
        const verify = minute(t + (8 + 17 * r()) * 60_000);
        out.push({ ...d, verify, close: minute(Math.max(verify + 10 * 60_000, t + (40 + 80 * r()) * 60_000)) });
      } else seq--;
    }
  }
  return out;
}

/** Adds the `reports` topic: an empty snapshot at the start, then each report's life. */
export function buildCitizenReports(b: TimelineBuilder, runs: readonly HotspotRun[], rain: RainSeries, o: ReportOptions): number {
  const stepMs = o.stepMin * 60_000;
  const t0 = o.start + (o.first + 1) * stepMs;
  const end = o.start + o.n * stepMs;
  b.add('reports', t0, { snapshot: true, upsert: [] });
  const drafts = draftReports(runs, rain, o);
  for (const d of drafts) {
    b.add('reports', d.t, { upsert: [entity(d, 'new')] });
    if (d.verify < end) b.add('reports', d.verify, { upsert: [entity(d, 'verified')] });
    if (d.dispatchAt !== undefined && d.dispatchAt < end) b.add('reports', d.dispatchAt, { upsert: [entity(d, 'dispatched')] });
    if (d.close < end) b.add('reports', d.close, { delete: [d.id] });
  }
  return drafts.length;
}
