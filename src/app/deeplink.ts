/**
 * Deep links: the URL that reproduces a view (source, time, scene, layers, selection,
 * camera, language) in another browser, and the checks of a link that arrives — stale or
 * foreign parameters open the nearest valid view, and one message lists what was ignored.
 * Pure functions (unit-tested); the cockpit side lives in desk.ts.
 */

/** Every URL parameter the cockpit understands (config.ts, desk, wall, tour). */
export const KNOWN_PARAMS = new Set([
  // source and replay (config.ts)
  'source', 'timeline', 'url', 'fixture', 'snapshot', 'poll', 'stale', 'record', 'style',
  't', 'speed', 'play', 'loop',
  // view
  'lang', 'mode', 'layers', 'hide', 'show', 'select', 'lon', 'lat', 'zoom', 'pitch', 'bearing',
  // desk, wall and tour (this issue)
  'scene', 'scenes', 'tour', 'dwell', 'idle', 'presenter', 'wall', 'tile', 'grid', 'relay', 'reloaded',
  // credentials are refused with their own message by config.ts
  'token', 'password', 'username',
]);

export interface Sanitized {
  params: URLSearchParams;
  /** human-readable: what was ignored or changed, and why */
  ignored: string[];
}

const num = (v: string | null) => (v === null || v.trim() === '' ? NaN : Number(v));

/**
 * Drops or clamps URL values that cannot be honoured, before the configuration reads them:
 * a bad value must never fail the boot or silently lose the rest of its section.
 */
export function sanitizeParams(input: URLSearchParams): Sanitized {
  const params = new URLSearchParams(input);
  const ignored: string[] = [];
  // reported, but left in place: a parameter added elsewhere must keep working
  for (const k of new Set(params.keys())) if (!KNOWN_PARAMS.has(k)) ignored.push(`${k} (unknown parameter)`);
  const t = params.get('t');
  if (t !== null && !Number.isFinite(/^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Date.parse(t))) {
    ignored.push(`t=${t} (not a time)`);
    params.delete('t');
  }
  const speed = params.get('speed');
  if (speed !== null) {
    const s = num(speed);
    if (!Number.isFinite(s)) {
      ignored.push(`speed=${speed} (not a number)`);
      params.delete('speed');
    } else if (s < 0.5 || s > 600) {
      const c = Math.min(600, Math.max(0.5, s));
      ignored.push(`speed=${speed} (clamped to ${c})`);
      params.set('speed', String(c));
    }
  }
  for (const [k, allowed] of [
    ['lang', ['zh', 'en']],
    ['mode', ['desktop', 'wall', 'kiosk']],
  ] as const) {
    const v = params.get(k);
    if (v !== null && !(allowed as readonly string[]).includes(v)) {
      ignored.push(`${k}=${v} (expected ${allowed.join(' or ')})`);
      params.delete(k);
    }
  }
  // camera: all of lon/lat or none; numbers clamped to what the map can show
  const limits: Record<string, [number, number]> = { lon: [-180, 180], lat: [-85, 85], zoom: [0, 22], pitch: [0, 70], bearing: [-360, 360] };
  for (const [k, [lo, hi]] of Object.entries(limits)) {
    const v = params.get(k);
    if (v === null) continue;
    const n = num(v);
    if (!Number.isFinite(n)) {
      ignored.push(`${k}=${v} (not a number)`);
      params.delete(k);
    } else if (n < lo || n > hi) {
      const c = Math.min(hi, Math.max(lo, n));
      ignored.push(`${k}=${v} (clamped to ${c})`);
      params.set(k, String(c));
    }
  }
  if (params.has('lon') !== params.has('lat')) {
    const k = params.has('lon') ? 'lon' : 'lat';
    ignored.push(`${k}=${params.get(k)} (needs both lon and lat)`);
    params.delete(k);
  }
  const sel = params.get('select');
  if (sel !== null && !/^[^:]+:.+$/.test(sel)) {
    ignored.push(`select=${sel} (expected topic:id)`);
    params.delete('select');
  }
  return { params, ignored };
}

/** Layer and scene names in a link that this cockpit does not have. */
export function checkNames(params: URLSearchParams, layerIds: readonly string[], sceneIds: readonly string[]): string[] {
  const out: string[] = [];
  const known = new Set(layerIds);
  for (const k of ['layers', 'hide', 'show']) {
    const bad = (params.get(k) ?? '').split(',').filter((id) => id && !known.has(id));
    if (bad.length) out.push(`${k}: ${bad.join(', ')} (no such layer)`);
  }
  const scene = params.get('scene');
  if (scene && !sceneIds.includes(scene)) out.push(`scene=${scene} (no such scene; scenes: ${sceneIds.join(', ')})`);
  return out;
}

export interface LinkState {
  source: { kind: string; url: string };
  time?: number;
  speed?: number;
  lang: string;
  scene?: string | null;
  layers: Record<string, { visible: boolean }>;
  selection?: { topic: string; id: string } | null;
  camera?: { lon: number; lat: number; zoom: number; pitch: number; bearing: number } | null;
  /** kept for a kiosk's self-reload: mode, tour, wall tile, presenter */
  keep?: URLSearchParams;
}

const round = (x: number, d: number) => String(Math.round(x * 10 ** d) / 10 ** d);

/** Beijing time, readable in a URL: 2021-07-20T16:00:00+08:00 */
export function isoBeijing(t: number): string {
  const d = new Date(Math.round(t) + 8 * 3600_000);
  return d.toISOString().replace(/\.\d{3}Z$/, '+08:00').replace(/Z$/, '+08:00');
}

/** The query string (with "?") that reproduces a view. */
export function buildQuery(s: LinkState): string {
  const p = new URLSearchParams();
  if (s.keep) for (const [k, v] of s.keep) if (['mode', 'tour', 'dwell', 'idle', 'presenter', 'wall', 'tile', 'grid', 'relay', 'scenes'].includes(k)) p.set(k, v);
  if (s.source.kind === 'replay') {
    const m = /^\/mock-data\/([a-z0-9][a-z0-9_.-]{0,80})\.ndjson$/i.exec(s.source.url);
    if (m) p.set('fixture', m[1]);
    else p.set('timeline', s.source.url);
  } else {
    p.set('source', s.source.kind);
    p.set('url', s.source.url);
  }
  if (s.time !== undefined && Number.isFinite(s.time) && s.source.kind === 'replay') p.set('t', isoBeijing(s.time));
  if (s.speed !== undefined) p.set('speed', String(s.speed));
  p.set('lang', s.lang);
  if (s.scene) p.set('scene', s.scene);
  p.set('layers', Object.entries(s.layers).filter(([, v]) => v.visible).map(([k]) => k).join(','));
  if (s.selection) p.set('select', `${s.selection.topic}:${s.selection.id}`);
  if (s.camera) {
    p.set('lon', round(s.camera.lon, 5));
    p.set('lat', round(s.camera.lat, 5));
    p.set('zoom', round(s.camera.zoom, 2));
    p.set('pitch', round(s.camera.pitch, 1));
    p.set('bearing', round(s.camera.bearing, 1));
  }
  return `?${p.toString()}`;
}
