/** What every scenario gets and returns. */
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, type Builds } from './server';
import type { Opened, SelfTime } from './browser';
import { Trace, type TraceSummary } from './trace';
import type { CockpitStateView } from '../../src/app/cockpit';

export type Side = 'cockpit' | 'floor';

export interface Ctx {
  base: string;
  quick: boolean;
  /** alternating rounds (cockpit, floor) per scenario */
  rounds: number;
  builds: Builds;
  log: (s: string) => void;
  /** capture CPU profiles (extra, unmeasured runs) */
  profile: boolean;
  /** size of the cockpit's map canvas (px), measured by the first cockpit run */
  mapSize: { w: number; h: number } | null;
  profiles: Record<string, Partial<Record<Side, ProfileResult>>>;
  /** sampling heap profiles: live bytes by allocating function */
  heapProfiles: Record<string, Partial<Record<Side, { fn: string; where: string; kb: number }[]>>>;
  /** Node CPU profiles (replay micro-benchmark) */
  nodeProfiles: Record<string, SelfTime[]>;
  glRenderer?: string;
}

export interface Row {
  scenario: string;
  metric: string;
  unit: string;
  cockpit: number;
  floor: number;
  /** cockpit / floor; NaN when not meaningful */
  ratio: number;
  /** text instead of a number (e.g. "N/A: the floor has no replay") */
  floorNote?: string;
  /** a like-for-like cost (higher ratio = worse): ranked for "worst ratios" */
  rank?: boolean;
}

export interface ScenarioResult {
  name: string;
  rows: Row[];
  notes: string[];
  raw: unknown;
}

/** Rounds alternate the order (C F, F C, C F …) so drift on a shared machine hits both sides. */
export function order(round: number): Side[] {
  return round % 2 === 0 ? ['cockpit', 'floor'] : ['floor', 'cockpit'];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function cockpitState(page: Page): Promise<CockpitStateView> {
  return page.evaluate(() => window.cockpit!.state());
}

/** Waits until the cockpit's source is ready and the clock and the data agree. */
export async function waitCockpit(page: Page, timeoutMs: number, until: (s: CockpitStateView) => boolean = () => true): Promise<CockpitStateView> {
  const t0 = Date.now();
  for (;;) {
    const s = await page.evaluate(() => (window.cockpit ? window.cockpit.state() : null)).catch(() => null);
    if (s?.source.state === 'error') throw new Error(`cockpit source error: ${s.source.error}`);
    if (s && s.source.state === 'ready' && s.dataTime === s.time && until(s)) return s;
    if (Date.now() - t0 > timeoutMs) throw new Error(`cockpit not ready after ${timeoutMs} ms: ${JSON.stringify(s?.source ?? null)}`);
    await sleep(100);
  }
}

export interface FloorState {
  ready: boolean;
  error: string;
  parseMs: number;
  lines: number;
  firstFrameAt: number;
  start: number;
  end: number;
  time: number;
  playing: boolean;
  applied: number;
  frames: number;
  /** hotspot entities */
  count: number;
  /** entities per topic */
  topics: Record<string, number>;
  /** layer rebuilds */
  builds: number;
}

export function floorState(page: Page): Promise<FloorState> {
  return page.evaluate(() => (window as unknown as { floor: { state(): FloorState } }).floor.state());
}

export async function waitFloor(page: Page, timeoutMs: number, until: (s: FloorState) => boolean = () => true): Promise<FloorState> {
  const t0 = Date.now();
  for (;;) {
    const s = await page.evaluate(() => ((window as unknown as { floor?: { state(): FloorState } }).floor?.state() ?? null)).catch(() => null);
    if (s?.error) throw new Error(`floor error: ${s.error}`);
    if (s?.ready && until(s)) return s;
    if (Date.now() - t0 > timeoutMs) throw new Error(`floor not ready after ${timeoutMs} ms`);
    await sleep(100);
  }
}

export function floorUrl(ctx: Ctx, params: Record<string, string | number>, opts: { allLayers?: boolean } = {}): string {
  const size = ctx.mapSize ?? { w: 1120, h: 800 };
  const all = opts.allLayers ? params : { layers: MIRRORED_LAYERS.join(','), ...params };
  const q = new URLSearchParams({ w: String(size.w), h: String(size.h), ...Object.fromEntries(Object.entries(all).map(([k, v]) => [k, String(v)])) });
  return `${ctx.base}/__bench/floor/?${q}`;
}

/**
 * The layers both sides draw: the mission layers (waterlogging hotspots, parking, community
 * risk tiers, ambulances once `layers/ambulances` exists) and the district outlines. Pages
 * are opened with `?layers=` these; the floor builds the same plugins (bench/floor/main.ts),
 * so any registered layer is mirrored. `allLayers` opens both with their default layers
 * (the simulated city fabric and the 3D flood columns too).
 */
export const MISSION_LAYERS = ['districts', 'communities', 'parking', 'waterlogging', 'ambulances'];
export const MIRRORED_LAYERS = MISSION_LAYERS.filter((id) => existsSync(join(ROOT, 'layers', id, 'index.ts')));

export function cockpitUrl(ctx: Ctx, params: Record<string, string | number>, opts: { allLayers?: boolean } = {}): string {
  const all = opts.allLayers ? params : { layers: MIRRORED_LAYERS.join(','), ...params };
  const q = new URLSearchParams(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, String(v)])));
  const s = q.toString();
  return `${ctx.base}/${s ? `?${s}` : ''}`;
}

export async function measureMapSize(page: Page): Promise<{ w: number; h: number } | null> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas');
    return c && c.width ? { w: c.width, h: c.height } : null;
  });
}

const gzCache = new Map<string, number>();
/** gzip size (level 6, as a server would send it) of a built file, by its URL path. */
export function gzipSize(dir: string, urlPath: string): { raw: number; gz: number } | null {
  const file = join(dir, urlPath.replace(/^\/(__bench\/floor\/)?/, ''));
  if (!existsSync(file)) return null;
  const buf = readFileSync(file);
  let gz = gzCache.get(file);
  if (gz === undefined) {
    gz = gzipSync(buf, { level: 6 }).length;
    gzCache.set(file, gz);
  }
  return { raw: buf.length, gz };
}

/**
 * Lets a page finish its start-up work (tiles, labels, shader compiles) before measuring:
 * the cockpit's `idle()` (MapLibre idle after pending layer updates) when the build has it,
 * then `ms` more; the floor: `ms`.
 */
export async function settle(page: Page, side: Side, ms = 1000): Promise<void> {
  if (side === 'cockpit') {
    await Promise.race([
      page.evaluate(() => {
        const api = window.cockpit as unknown as { idle?: () => Promise<void> };
        return api.idle ? api.idle() : undefined;
      }),
      sleep(15_000),
    ]);
  }
  await page.evaluate(() => window.__bench.nextFrames(2));
  await sleep(ms);
}

export interface ProfileResult {
  /** all processes (Chrome trace): JS self time per thread (V8 samples), busy threads, top self-time events */
  trace: TraceSummary;
}

/** Starts a Chrome trace of all processes (with V8 CPU samples of every thread, workers included). */
export async function startProfiling(o: Pick<Opened, 'browser'>): Promise<() => Promise<ProfileResult>> {
  const trace = new Trace(o.browser);
  await trace.start();
  return async () => ({ trace: await trace.stop() });
}
