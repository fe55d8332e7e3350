/**
 * Runtime configuration, no rebuild needed: `public/config.json` (served as /config.json),
 * overridden by URL parameters. Validated with zod; a bad value is reported and the
 * default kept.
 */
import { z } from 'zod';
import { sanitizeParams } from './deeplink';

export const SourceConfig = z.object({
  kind: z.enum(['replay', 'http', 'sse', 'ws', 'mqtt']).default('replay'),
  /** replay: the timeline file; live sources: the endpoint */
  url: z.string().min(1).default('/mock-data/default.ndjson'),
  /** the data comes from our simulator (shows a SIMULATED badge) */
  simulated: z.boolean().default(true),
  /** live sources: the server's snapshot (NDJSON); default <origin>/api/snapshot */
  snapshotUrl: z.string().optional(),
  /** http: polling interval, ms */
  pollMs: z.number().int().min(200).max(600_000).default(2000),
  /** credentials: from config.json only, never from the URL; never logged */
  token: z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  /** mqtt: topic prefix and explicit topic mapping */
  prefix: z.string().default('cockpit/'),
  topicMap: z.record(z.string(), z.string()).default({}),
  /** a topic with no message for this long is shown stale (ms); per topic in `staleAfter` */
  staleAfterMs: z.number().int().min(1000).default(30_000),
  staleAfter: z.record(z.string(), z.number().int().min(1000)).default({}),
});

export const Config = z.object({
  title: z.object({ zh: z.string(), en: z.string() }).default({ zh: '郑州城市大脑 · 领导驾驶舱', en: 'Zhengzhou City Brain · Leadership Cockpit' }),
  lang: z.enum(['zh', 'en']).default('zh'),
  mode: z.enum(['desktop', 'wall', 'kiosk']).default('desktop'),
  source: SourceConfig.default({
    kind: 'replay',
    url: '/mock-data/default.ndjson',
    simulated: true,
    pollMs: 2000,
    prefix: 'cockpit/',
    topicMap: {},
    staleAfterMs: 30_000,
    staleAfter: {},
  }),
  basemap: z
    .object({
      /** MapLibre style URL; falls back to the embedded style if it fails to load */
      style: z.string().default('/basemap/style.json'),
    })
    .default({ style: '/basemap/style.json' }),
  camera: z
    .object({
      lon: z.number().min(-180).max(180),
      lat: z.number().min(-90).max(90),
      zoom: z.number().min(0).max(22),
      pitch: z.number().min(0).max(85).default(0),
      bearing: z.number().default(0),
    })
    .default({ lon: 113.66, lat: 34.76, zoom: 10.6, pitch: 0, bearing: 0 }),
  replay: z
    .object({
      speed: z.number().min(0.5).max(600).default(60),
      /** start playing when loaded */
      autoplay: z.boolean().default(false),
      /** start time (ISO or epoch ms); default: the timeline's start */
      start: z.union([z.string(), z.number()]).optional(),
      /** play again from the start when the end is reached (wall and kiosk) */
      loop: z.boolean().default(false),
    })
    .default({ speed: 60, autoplay: false, loop: false }),
  /** layer id → visible; layers not listed use their default */
  layers: z.record(z.string(), z.boolean()).default({}),
  /** origins allowed to drive the cockpit by postMessage (its own origin always is) */
  controlOrigins: z.array(z.string()).default([]),
});
export type Config = z.infer<typeof Config>;

export interface ConfigResult {
  config: Config;
  /** problems found in config.json or the URL (shown as notices) */
  problems: string[];
}

function parseTime(v: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/**
 * URL parameters (all optional):
 *   source=replay|http|sse|ws|mqtt   timeline=<url> (replay)   url=<endpoint>
 *   fixture=<name>  (a generated fixture: /mock-data/<name>.ndjson, see mock-data/fixtures.ts)
 *   snapshot=<url> (live resync)   poll=<ms> (http)   stale=<ms>   record=1 (record the session)
 *   lang=zh|en   mode=desktop|wall|kiosk   style=<style url>
 *   t=<ISO or epoch ms>   speed=<0.5…600>   play=1   loop=1
 *   layers=a,b (only these visible)   hide=a,b   select=<topic>:<id>
 *   lon=…&lat=…&zoom=…&pitch=…&bearing=…
 */
export function applyUrlParams(base: unknown, params: URLSearchParams): { merged: Record<string, unknown>; select?: { topic: string; id: string }; only?: string[] } {
  const c = structuredClone((base ?? {}) as Record<string, any>);
  const get = (k: string) => params.get(k);
  c.source ??= {};
  c.replay ??= {};
  c.basemap ??= {};
  c.layers ??= {};
  if (get('source')) c.source.kind = get('source');
  if (get('timeline')) {
    c.source.kind = get('source') ?? 'replay';
    c.source.url = get('timeline');
  }
  if (get('url')) c.source.url = get('url');
  if (get('snapshot')) c.source.snapshotUrl = get('snapshot');
  if (get('stale')) c.source.staleAfterMs = Number(get('stale'));
  if (get('poll')) c.source.pollMs = Number(get('poll'));
  // credentials never come from the URL (they would end up in history, logs and referrers)
  for (const secret of ['token', 'password', 'username']) if (params.has(secret)) c.__ignoredSecret = secret;
  const fixture = get('fixture');
  if (fixture && /^[a-z0-9][a-z0-9_.-]{0,80}$/i.test(fixture)) {
    c.source.kind = 'replay';
    c.source.url = `/mock-data/${fixture}.ndjson`;
  }
  if (get('lang')) c.lang = get('lang');
  if (get('mode')) c.mode = get('mode');
  if (get('style')) c.basemap.style = get('style');
  if (get('t')) c.replay.start = parseTime(get('t')!);
  if (get('speed')) c.replay.speed = Number(get('speed'));
  if (get('play')) c.replay.autoplay = get('play') === '1' || get('play') === 'true';
  if (get('loop')) c.replay.loop = get('loop') === '1' || get('loop') === 'true';
  for (const id of (get('hide') ?? '').split(',').filter(Boolean)) c.layers[id] = false;
  for (const id of (get('show') ?? '').split(',').filter(Boolean)) c.layers[id] = true;
  const cam = ['lon', 'lat', 'zoom', 'pitch', 'bearing'].filter((k) => get(k) !== null);
  if (cam.length) {
    c.camera = { ...(c.camera ?? { lon: 113.66, lat: 34.76, zoom: 10.6 }) };
    for (const k of cam) c.camera[k] = Number(get(k));
  }
  const only = get('layers')?.split(',').filter(Boolean);
  const sel = get('select');
  const i = sel ? sel.indexOf(':') : -1;
  return { merged: c, only, select: sel && i > 0 ? { topic: sel.slice(0, i), id: sel.slice(i + 1) } : undefined };
}

/** Validates a merged config; invalid sections fall back to defaults with a problem noted. */
export function resolveConfig(raw: Record<string, unknown>): ConfigResult {
  const problems: string[] = [];
  const r = Config.safeParse(raw);
  if (r.success) return { config: r.data, problems };
  // drop the sections that failed and try again, so one bad value does not lose the rest
  const bad = new Set(r.error.issues.map((i) => String(i.path[0])));
  for (const i of r.error.issues) problems.push(`config ${i.path.join('.')}: ${i.message}`);
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!bad.has(k)) kept[k] = v;
  const r2 = Config.safeParse(kept);
  return { config: r2.success ? r2.data : Config.parse({}), problems };
}

export async function loadConfig(url = '/config.json', search = globalThis.location?.search ?? ''): Promise<ConfigResult & { select?: { topic: string; id: string }; only?: string[] }> {
  let fileConfig: unknown = {};
  const problems: string[] = [];
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    if (res.ok) fileConfig = await res.json();
    else if (res.status !== 404) problems.push(`${url}: HTTP ${res.status}`);
  } catch (e) {
    problems.push(`${url}: ${(e as Error).message}`);
  }
  // values a link cannot honour are dropped or clamped first (the desk lists them on screen)
  const { merged, select, only } = applyUrlParams(fileConfig, sanitizeParams(new URLSearchParams(search)).params);
  if (merged.__ignoredSecret) {
    problems.push(`the URL parameter "${String(merged.__ignoredSecret)}" is ignored: credentials belong in config.json`);
    delete merged.__ignoredSecret;
  }
  const r = resolveConfig(merged);
  return { config: r.config, problems: [...problems, ...r.problems], select, only };
}
