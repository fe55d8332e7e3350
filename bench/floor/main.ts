/**
 * The floor: the same data drawn with the same deck.gl layers as the cockpit, and nothing
 * else. One `Deck` in a canvas the size of the cockpit's map; the deck.gl layers come from
 * the cockpit's own layer plugins (`layers/registry.ts`, `build(ctx)`), so both sides draw
 * the same layers with the same props, and a newly registered layer is mirrored with no
 * change here. What the floor leaves out is everything else the cockpit runs:
 *
 *   no MapLibre (no basemap, no interleaving), no React (no panels, charts, time bar), no
 *   zustand store, no replay worker, no wire validation (zod), no control API.
 *
 * The timeline is read on the main thread with JSON.parse and applied to a plain `TableSet`
 * (src/store/tables.ts, the store's entity tables without the store). Layers are rebuilt
 * only when the data, the zoom band (¼ step, as src/map/mapController.ts) or the pitch
 * change, or a layer asks (`subscribe`); the camera alone only moves the view.
 *
 * URL: ?timeline=<url>&layers=a,b&w=&h=&lon=&lat=&zoom=&pitch=&bearing=&t=<epoch ms>
 *      &lang=zh|en&mode=draw|parse
 * Control: window.floor (setCamera, play, pause, advanceTo, seek, state).
 */
import { Deck, type Layer } from '@deck.gl/core';
import { layers as registry } from '../../layers/registry';
import { topicSpecs } from '../../layers/topics';
import type { LayerContext, LayerPlugin } from '../../layers/types';
import { TableSet } from '../../src/store/tables';
import type { Delta, Entity } from '../../src/data/wire';

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
const LANG = q.get('lang') === 'en' ? 'en' : 'zh';
/** `animate=1`: rebuild the layers every frame while playing (layers that move with the clock, e.g. ambulances) */
const ANIMATE = q.get('animate') === '1';
/** the same rule as the cockpit's `?layers=` (src/main.tsx): listed ids, else each layer's default */
const only = q.get('layers')?.split(',').filter(Boolean) ?? null;
const plugins: LayerPlugin[] = registry.filter((p) => (only ? only.includes(p.id) : p.defaultVisible !== false));

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
  /** entity updates applied */
  applied: 0,
  frames: 0,
  /** layer rebuilds (build(ctx) of every plugin) */
  builds: 0,
};

// ---- the data: a TableSet with the topics' declared numeric columns ---------------------
const columns = new Map(topicSpecs.map((s) => [s.topic, s.columns ?? []]));
const tables = new TableSet((topic) => columns.get(topic) ?? []);
const messages: Delta[] = [];
let cursor = 0;
let seq = 0;

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
    const m = JSON.parse(text) as { topic: string; ts: string | number; upsert?: Entity[]; delete?: string[]; snapshot?: boolean };
    if (!keep) return;
    messages.push({ topic: m.topic, seq: seq++, t: typeof m.ts === 'number' ? m.ts : Date.parse(m.ts), upsert: m.upsert ?? [], delete: m.delete ?? [], snapshot: !!m.snapshot });
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

/** Applies every message at or before t (forward only, in one batch). */
function advanceTo(t: number): boolean {
  const from = cursor;
  while (cursor < messages.length && messages[cursor].t <= t) state.applied += messages[cursor++].upsert.length;
  if (cursor > from) tables.applyBatch(messages.slice(from, cursor));
  state.time = t;
  return cursor > from;
}

// ---- deck.gl -------------------------------------------------------------------------------
let camera: CameraView = { lon: num('lon', 113.66), lat: num('lat', 34.76), zoom: num('zoom', 10.6), pitch: num('pitch', 0), bearing: num('bearing', 0) };
const assets: Record<string, unknown> = {};
/** the zoom and pitch the layers see, rounded as the cockpit's map does */
const zoomOf = () => Math.round(camera.zoom * 4) / 4;
const pitchOf = () => Math.round(camera.pitch);

function context(): LayerContext {
  return {
    tables,
    table: (topic) => tables.table(topic),
    time: state.time,
    epoch: state.start,
    selection: null,
    lang: LANG,
    zoom: zoomOf(),
    pitch: pitchOf(),
    asset: <T,>(name: string) => assets[name] as T | undefined,
    basemap: { hasBuildings: false },
  };
}

function build(): Layer[] {
  state.builds++;
  const ctx = context();
  const out: Layer[] = [];
  for (const p of plugins) {
    try {
      out.push(...p.build(ctx));
    } catch (e) {
      console.error(`layer ${p.id} failed to build:`, e);
    }
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
      if (Number.isNaN(state.firstFrameAt) && state.ready && deck?.isInitialized && deck.props.layers.length && deck.props.layers.every((l) => (l as Layer).isLoaded)) {
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
    if (advanceTo(t) || ANIMATE) dirty = true;
  }
  if (dirty && deck) {
    dirty = false;
    deck.setProps({ layers: build(), viewState: viewState() });
  }
  requestAnimationFrame(tick);
}

function counts(): Record<string, number> {
  return Object.fromEntries(tables.topics().map((t) => [t, tables.table(t).length]));
}

const api = {
  state: () => ({
    ...state,
    /** hotspot entities (what the ingest scenario counts) */
    count: tables.has('hotspots') ? tables.table('hotspots').length : 0,
    topics: counts(),
    messages: messages.length,
    cursor,
    layers: deck ? deck.props.layers.map((l) => (l as Layer).id) : [],
  }),
  setCamera(v: Partial<CameraView>) {
    const before = [zoomOf(), pitchOf()];
    camera = { ...camera, ...v };
    if (!deck) return;
    if (before[0] !== zoomOf() || before[1] !== pitchOf()) deck.setProps({ viewState: viewState(), layers: build() });
    else deck.setProps({ viewState: viewState() });
  },
  camera: () => ({ ...camera }),
  play(speed = 1) {
    state.speed = speed;
    state.playing = true;
  },
  pause() {
    state.playing = false;
  },
  /** forward to t */
  advanceTo(t: number) {
    advanceTo(t);
    dirty = true;
  },
  /**
   * The floor's seek (the soak returns to its checkpoint): back in time it clears the tables
   * and applies the kept messages from the start again: no keyframes, a bare page's way.
   */
  seek(t: number) {
    if (t < state.time) {
      tables.clear();
      cursor = 0;
    }
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
  for (const p of plugins) p.subscribe?.(() => (dirty = true));
  const loads = plugins.flatMap((p) =>
    Object.entries(p.assets ?? {}).map(([name, url]) =>
      fetch(url)
        .then((r) => {
          if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
          return r.json();
        })
        .then((data) => {
          assets[name] = data;
          dirty = true;
        }),
    ),
  );
  await readTimeline(timeline, true);
  state.start = messages.length ? messages[0].t : 0;
  state.end = messages.length ? messages[messages.length - 1].t : 0;
  advanceTo(q.get('t') !== null ? Number(q.get('t')) : state.start);
  dirty = true;
  await Promise.all(loads);
  state.ready = true;
}

boot().catch((e: Error) => {
  state.error = e.message;
  console.error(e);
});
