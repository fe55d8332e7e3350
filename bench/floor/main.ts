/**
 * The floor: the same data drawn with the same deck.gl layer types and props as the
 * cockpit's registered layers, and nothing else — no basemap, no UI, no store, no worker,
 * no validation. The timeline is read on the main thread with JSON.parse; hotspot updates go
 * straight into typed arrays handed to deck.gl as binary attributes.
 *
 * Mirrors (keep in step when these change their deck.gl layers):
 *   layers/districts     GeoJsonLayer 'districts:areas'
 *   layers/waterlogging  ScatterplotLayer 'rain' (rainfall rows), ScatterplotLayer 'dots'
 *                        (binary), IconLayer 'reports', TextLayer 'labels' (zoom ≥ 12.5),
 *                        TextLayer 'rain-label'
 * Self-contained on purpose (no imports from layers/): colours and sizes are copied.
 *
 * URL: ?timeline=<url>&w=&h=&lon=&lat=&zoom=&pitch=&bearing=&t=<epoch ms>&mode=draw|parse
 * Control: window.floor (setCamera, play, pause, seekStart, state).
 */
import { Deck, type Layer } from '@deck.gl/core';
import { GeoJsonLayer, IconLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';

type RGBA = [number, number, number, number];
// layers/_shared/colors.ts PALETTE: green, blue, yellow, orange, red (road thresholds 15/27/40/50 cm)
const LEVELS: [number, RGBA][] = [
  [50, [255, 59, 48, 255]],
  [40, [255, 138, 0, 255]],
  [27, [255, 214, 0, 255]],
  [15, [47, 128, 255, 255]],
  [-Infinity, [46, 204, 113, 255]],
];
const colorOfDepth = (d: number): RGBA => LEVELS.find(([min]) => d >= min)![1];
const RAIN_COLOR: RGBA = [120, 200, 255, 255];
const REPORT_COLOR: RGBA = [214, 107, 255, 255];

interface Msg {
  topic: string;
  t: number;
  upsert: Record<string, unknown>[];
  delete: string[];
  snapshot: boolean;
}

interface CameraView {
  lon: number;
  lat: number;
  zoom: number;
  pitch: number;
  bearing: number;
}

const q = new URLSearchParams(location.search);
const num = (k: string, d: number) => (q.get(k) !== null ? Number(q.get(k)) : d);
const W = num('w', 1120);
const H = num('h', 800);
const DRAWN_TOPICS = new Set(['hotspots', 'rainfall', 'reports']);
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';

const state = {
  ready: false,
  error: '' as string,
  parseMs: NaN,
  lines: 0,
  bytes: 0,
  firstFrameAt: NaN,
  start: 0,
  end: 0,
  time: 0,
  playing: false,
  speed: 1,
  applied: 0,
  frames: 0,
};

// ---- the table: dense rows, swap-remove, in-place typed arrays --------------------------
let cap = 1024;
let n = 0;
let positions = new Float64Array(cap * 2);
let colors = new Uint8Array(cap * 4);
let radii = new Float32Array(cap);
let rows: Record<string, unknown>[] = [];
const index = new Map<string, number>();
/** hotspot table version (its binary attributes) */
let version = 0;
/** any drawn topic changed */
let changes = 0;

function grow(min: number) {
  while (cap < min) cap *= 2;
  const p = new Float64Array(cap * 2);
  p.set(positions);
  positions = p;
  const c = new Uint8Array(cap * 4);
  c.set(colors);
  colors = c;
  const r = new Float32Array(cap);
  r.set(radii);
  radii = r;
}

function upsert(e: Record<string, unknown>) {
  const id = e.id as string;
  let r = index.get(id);
  if (r === undefined) {
    r = n++;
    if (n > cap) grow(n);
    index.set(id, r);
  }
  rows[r] = e;
  positions[2 * r] = e.lon as number;
  positions[2 * r + 1] = e.lat as number;
  const depth = typeof e.depth_cm === 'number' ? e.depth_cm : 0;
  colors.set(colorOfDepth(depth), 4 * r);
  radii[r] = 6 + Math.min(10, Math.max(0, depth) / 10);
}

function remove(id: string) {
  const r = index.get(id);
  if (r === undefined) return;
  const last = --n;
  if (r !== last) {
    const lastId = rows[last].id as string;
    rows[r] = rows[last];
    index.set(lastId, r);
    positions.copyWithin(2 * r, 2 * last, 2 * last + 2);
    colors.copyWithin(4 * r, 4 * last, 4 * last + 4);
    radii[r] = radii[last];
  }
  rows.length = n;
  index.delete(id);
}

/** Topics drawn with accessors (few entities): id → entity, rows re-made per change. */
const small: Record<string, { byId: Map<string, Record<string, unknown>>; rows: Record<string, unknown>[]; version: number }> = {
  rainfall: { byId: new Map(), rows: [], version: 0 },
  reports: { byId: new Map(), rows: [], version: 0 },
};

function apply(m: Msg) {
  const st = small[m.topic];
  if (st) {
    if (m.snapshot) st.byId.clear();
    for (const id of m.delete) st.byId.delete(id);
    for (const e of m.upsert) st.byId.set(e.id as string, e);
    st.rows = [...st.byId.values()];
    st.version++;
    changes++;
    return;
  }
  if (m.snapshot) {
    n = 0;
    rows = [];
    index.clear();
  }
  for (const id of m.delete) remove(id);
  for (const e of m.upsert) upsert(e);
  state.applied += m.upsert.length;
  version++;
  changes++;
}

// ---- the timeline: fetch, split lines, JSON.parse --------------------------------------
const messages: Msg[] = [];
let cursor = 0;

async function readTimeline(url: string, keep: boolean): Promise<void> {
  const t0 = performance.now();
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`cannot load ${url}: HTTP ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  const line = (s: string) => {
    const text = s.trim();
    if (!text) return;
    state.lines++;
    const m = JSON.parse(text) as { topic: string; ts: string | number; upsert?: Record<string, unknown>[]; delete?: string[]; snapshot?: boolean };
    if (!keep || !DRAWN_TOPICS.has(m.topic)) return;
    messages.push({ topic: m.topic, t: typeof m.ts === 'number' ? m.ts : Date.parse(m.ts), upsert: m.upsert ?? [], delete: m.delete ?? [], snapshot: !!m.snapshot });
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    state.bytes += value.length;
    const parts = (rest + value).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) line(p);
  }
  line(rest);
  state.parseMs = performance.now() - t0;
}

/** Applies every message at or before t (forward only). */
function advanceTo(t: number) {
  while (cursor < messages.length && messages[cursor].t <= t) apply(messages[cursor++]);
  state.time = t;
}

// ---- deck.gl -------------------------------------------------------------------------------
let camera: CameraView = { lon: num('lon', 113.66), lat: num('lat', 34.76), zoom: num('zoom', 10.6), pitch: num('pitch', 0), bearing: num('bearing', 0) };
let districts: { features: { properties: Record<string, unknown> }[] } | null = null;
let attrCache: { version: number; data: unknown } | null = null;

function hotspotData() {
  if (attrCache && attrCache.version === version) return attrCache.data;
  const data = {
    length: n,
    attributes: {
      getPosition: { value: positions.subarray(0, 2 * n), size: 2 },
      getFillColor: { value: colors.subarray(0, 4 * n), size: 4, normalized: true },
      getRadius: { value: radii.subarray(0, n), size: 1 },
    },
  };
  attrCache = { version, data };
  return data;
}

type E = Record<string, unknown>;
const pos = (e: E): [number, number] => [e.lon as number, e.lat as number];
const numOf = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A 64×64 pin (like layers/waterlogging's report icon), tinted as a mask. */
let pin: HTMLCanvasElement | null = null;
function pinIcon(): HTMLCanvasElement {
  if (pin) return pin;
  pin = document.createElement('canvas');
  pin.width = 64;
  pin.height = 64;
  const g = pin.getContext('2d')!;
  g.fillStyle = '#fff';
  g.beginPath();
  g.moveTo(12, 4);
  g.arcTo(60, 4, 60, 46, 10);
  g.arcTo(60, 46, 4, 46, 10);
  g.lineTo(38, 46);
  g.lineTo(32, 60);
  g.lineTo(26, 46);
  g.arcTo(4, 46, 4, 4, 10);
  g.arcTo(4, 4, 60, 4, 10);
  g.closePath();
  g.fill();
  return pin;
}

function layers(): Layer[] {
  const out: Layer[] = [];
  if (districts) {
    type F = { properties: E };
    out.push(
      new GeoJsonLayer({
        id: 'districts:areas',
        data: districts as never,
        pickable: true,
        filled: true,
        stroked: true,
        getFillColor: (f: F) => (f.properties.kind === 'zone' ? [80, 140, 255, 22] : [20, 80, 160, 18]),
        getLineColor: (f: F) => (f.properties.kind === 'zone' ? [120, 170, 255, 200] : [0, 200, 255, 220]),
        getLineWidth: 1.5,
        lineWidthUnits: 'pixels',
      }),
    );
  }
  const rain = small.rainfall;
  if (rain.rows.length) {
    out.push(
      new ScatterplotLayer<E>({
        id: 'waterlogging:rain',
        data: rain.rows,
        pickable: true,
        getPosition: pos,
        radiusUnits: 'pixels',
        getRadius: (e) => 9 + Math.min(30, Math.sqrt(Math.max(0, numOf(e.mm_h))) * 2),
        getFillColor: (e) => [RAIN_COLOR[0], RAIN_COLOR[1], RAIN_COLOR[2], 40 + Math.min(90, numOf(e.mm_h) / 2)],
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        getLineColor: RAIN_COLOR,
        updateTriggers: { getRadius: rain.version, getFillColor: rain.version },
      }),
    );
  }
  out.push(
    new ScatterplotLayer({
      id: 'waterlogging:dots',
      data: hotspotData() as never,
      pickable: true,
      stroked: true,
      radiusUnits: 'pixels',
      radiusMinPixels: 5,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      getLineColor: [4, 16, 31, 255],
      updateTriggers: { getFillColor: version, getRadius: version },
    }),
  );
  const reports = small.reports;
  if (reports.rows.length) {
    out.push(
      new IconLayer<E>({
        id: 'waterlogging:reports',
        data: reports.rows,
        pickable: true,
        iconAtlas: pinIcon() as unknown as string,
        iconMapping: { pin: { x: 0, y: 0, width: 64, height: 64, anchorY: 60, mask: true } },
        getIcon: () => 'pin',
        getPosition: pos,
        getSize: 26,
        sizeUnits: 'pixels',
        getColor: REPORT_COLOR,
        updateTriggers: { getPosition: reports.version },
      }),
    );
  }
  if (camera.zoom >= 12.5) {
    out.push(
      new TextLayer<E>({
        id: 'waterlogging:labels',
        data: rows.slice(0, n),
        getPosition: pos,
        getText: (e) => String(e.name),
        characterSet: 'auto',
        fontFamily: FONT,
        getSize: 13,
        getColor: [220, 235, 255, 255],
        getPixelOffset: [0, -20],
        outlineWidth: 2,
        outlineColor: [4, 16, 31, 255],
        fontSettings: { sdf: true },
        updateTriggers: { getText: version, getPosition: version },
      }),
    );
  }
  if (rain.rows.length) {
    out.push(
      new TextLayer<E>({
        id: 'waterlogging:rain-label',
        data: rain.rows,
        getPosition: pos,
        getText: (e) => `雨强 ${numOf(e.mm_h).toFixed(1)} mm/h`,
        characterSet: 'auto',
        fontFamily: FONT,
        getSize: 13,
        getColor: RAIN_COLOR,
        getPixelOffset: [0, 26],
        outlineWidth: 2,
        outlineColor: [4, 16, 31, 255],
        fontSettings: { sdf: true },
        updateTriggers: { getText: rain.version },
      }),
    );
  }
  return out;
}

const viewState = () => ({ longitude: camera.lon, latitude: camera.lat, zoom: camera.zoom, pitch: camera.pitch, bearing: camera.bearing });
let deck: Deck | null = null;
let dirty = true;

function createDeck() {
  const parent = document.getElementById('map') as HTMLDivElement;
  parent.style.width = `${W}px`;
  parent.style.height = `${H}px`;
  deck = new Deck({
    parent,
    width: W,
    height: H,
    controller: false,
    viewState: viewState(),
    layers: [],
    // the cockpit's map canvas has the same attributes (src/map/mapController.ts)
    deviceProps: { webgl: { antialias: true, preserveDrawingBuffer: true } },
    onAfterRender: () => {
      state.frames++;
      if (Number.isNaN(state.firstFrameAt) && state.ready && districts && n > 0 && deck?.isInitialized && deck.props.layers.every((l) => (l as Layer).isLoaded)) {
        state.firstFrameAt = performance.now();
        performance.mark('floor:first-frame');
      }
    },
  });
}

let lastTick = 0;
function tick(now: number) {
  const dt = lastTick ? Math.min(now - lastTick, 250) : 0;
  lastTick = now;
  if (state.playing && dt > 0) {
    const t = Math.min(state.time + dt * state.speed, state.end);
    if (t >= state.end) state.playing = false;
    const before = changes;
    advanceTo(t);
    if (changes !== before) dirty = true;
  }
  if (dirty && deck) {
    dirty = false;
    deck.setProps({ layers: layers(), viewState: viewState() });
  }
  requestAnimationFrame(tick);
}

const api = {
  state: () => ({ ...state, count: n, version, messages: messages.length, cursor, layers: deck ? deck.props.layers.map((l) => (l as Layer).id) : [] }),
  setCamera(v: Partial<CameraView>) {
    const zoomBand = camera.zoom >= 12.5;
    camera = { ...camera, ...v };
    if (deck) deck.setProps({ viewState: viewState(), ...(zoomBand !== camera.zoom >= 12.5 ? { layers: layers() } : {}) });
  },
  camera: () => ({ ...camera }),
  play(speed = 1) {
    state.speed = speed;
    state.playing = true;
  },
  pause() {
    state.playing = false;
  },
  /** forward-only: the floor has no seek (no replay log) */
  advanceTo(t: number) {
    advanceTo(t);
    dirty = true;
  },
};
declare global {
  interface Window {
    floor?: typeof api;
  }
}
window.floor = api;

async function boot() {
  const mode = q.get('mode') ?? 'draw';
  const timeline = q.get('timeline') ?? '/mock-data/default.ndjson';
  if (mode === 'parse') {
    await readTimeline(timeline, false);
    state.ready = true;
    return;
  }
  createDeck();
  requestAnimationFrame(tick);
  const geo = fetch('/geo/districts.geojson')
    .then((r) => r.json())
    .then((fc) => {
      districts = fc;
      dirty = true;
    });
  await readTimeline(timeline, true);
  state.start = messages.length ? messages[0].t : 0;
  state.end = messages.length ? messages[messages.length - 1].t : 0;
  const t = q.get('t') !== null ? Number(q.get('t')) : state.start;
  advanceTo(t);
  dirty = true;
  await geo;
  state.ready = true;
}

boot().catch((e: Error) => {
  state.error = e.message;
  console.error(e);
});
