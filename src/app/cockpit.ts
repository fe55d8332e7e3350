/**
 * The cockpit controller: wires a data source to the store, runs the clock, batches
 * deltas per frame, and offers the control API (`window.cockpit`, postMessage, URL).
 * It is plain TypeScript (no React): the map view and panels only read the store.
 */
import type { DataSource, HistoryQuery, HistorySeries, SourceSink, TimelineInfo, TopicStatus } from '../data/source';
import type { Delta, Reject } from '../data/wire';
import type { TopicRegistry } from '../data/topics';
import type { TopicCounts } from '../data/edge';
import { ReplaySource } from '../data/replay/ReplaySource';
import { SseSource } from '../data/live/SseSource';
import { WsSource } from '../data/live/WsSource';
import { HttpSource } from '../data/live/HttpSource';
import { MqttSource } from '../data/live/MqttSource';
import { Recorder } from '../data/live/recorder';
import { createCockpitStore, MAX_REJECTS_KEPT, type CockpitState, type Lang, type TopicHealth } from '../store/store';
import type { LayerPlugin } from '../../layers/types';
import type { Config } from './config';

export interface CameraView {
  lon: number;
  lat: number;
  zoom: number;
  pitch: number;
  bearing: number;
}

export interface CameraApi {
  flyTo(target: { lon: number; lat: number; zoom?: number }): void;
  get(): CameraView;
  /** jump (duration 0) or ease to a camera */
  set(view: Partial<CameraView>, duration?: number): void;
  fitBounds(bounds: [[number, number], [number, number]]): void;
  /** resolves when the map has drawn everything it has (tiles, labels, layers) */
  idle(): Promise<void>;
}

export interface CockpitStateView {
  time: number;
  dataTime: number;
  playing: boolean;
  speed: number;
  range: { start: number; end: number };
  source: { kind: string; url: string; state: string; error?: string; simulated: boolean; lines?: number; accepted?: number; rejected?: number; keyframes?: number };
  layers: Record<string, { visible: boolean }>;
  topics: Record<string, { count: number; status: string; reason?: string; accepted: number; rejected: number; gaps: number; seq: number; lastError?: string }>;
  selection: { topic: string; id: string } | null;
  lang: Lang;
  mode: string;
}

const UI_TIME_INTERVAL_MS = 125;

const emptyCounts = (): TopicCounts => ({ accepted: 0, rejected: 0, gaps: 0, missing: 0, lastSeq: -1, lastT: -Infinity });

export function parseTimeArg(time: string | number): number {
  const t = typeof time === 'number' ? time : /^-?\d+(\.\d+)?$/.test(time) ? Number(time) : Date.parse(time);
  if (!Number.isFinite(t)) throw new Error(`not a time: ${String(time)}`);
  return t;
}

export class Cockpit {
  readonly store;
  readonly tables;
  private source: DataSource | null = null;
  private pending: Delta[] = [];
  private pendingRejects: Reject[] = [];
  private raf = 0;
  private lastFrame = 0;
  private lastUiTime = 0;
  private camera: CameraApi | null = null;
  private pendingFly: { lon: number; lat: number; zoom?: number } | null = null;
  private loadGeneration = 0;
  private lastHealthCheck = 0;
  private readonly rateCounts = new Map<string, number>();
  private recorder: Recorder | null = null;
  /** the last source-wide status ('*'): new topics start in it */
  private sourceStatus: TopicStatus | null = null;

  constructor(
    readonly config: Config,
    readonly layers: readonly LayerPlugin[],
    readonly topics: TopicRegistry,
    private readonly createReplayWorker: () => Worker,
  ) {
    const { store, tables } = createCockpitStore((topic) => topics.columns(topic));
    this.store = store;
    this.tables = tables;
    const vis: Record<string, { visible: boolean }> = {};
    for (const l of layers) vis[l.id] = { visible: config.layers[l.id] ?? l.defaultVisible ?? true };
    // selective topics (e.g. the in-vehicle ECG) follow the selection
    store.subscribe((s, prev) => {
      if (s.selection !== prev.selection) this.applySubscriptions();
    });
    store.setState({
      lang: config.lang,
      mode: config.mode,
      layers: vis,
      clock: { ...store.getState().clock, speed: config.replay.speed },
    });
  }

  // ---- lifecycle ---------------------------------------------------------------

  startLoop(): void {
    const tick = (now: number) => {
      this.frame(now);
      this.raf = requestAnimationFrame(tick);
    };
    this.raf = requestAnimationFrame(tick);
  }

  stopLoop(): void {
    cancelAnimationFrame(this.raf);
  }

  setCamera(api: CameraApi | null): void {
    this.camera = api;
    if (api && this.pendingFly) {
      api.flyTo(this.pendingFly);
      this.pendingFly = null;
    }
  }

  /** One frame: advance the replay clock, apply the deltas that arrived, once. */
  frame(now: number): void {
    const dt = this.lastFrame ? Math.min(now - this.lastFrame, 250) : 0;
    this.lastFrame = now;
    const s = this.store.getState();
    const { clock } = s;
    if (clock.playing && this.source?.replay && dt > 0) {
      let time = clock.time + dt * clock.speed;
      let playing = true;
      if (time >= clock.end) {
        if (this.config.replay.loop) time = clock.start;
        else {
          time = clock.end;
          playing = false;
        }
      }
      this.store.setState({ clock: { ...clock, time, playing } });
      const target = time;
      const gen = this.loadGeneration;
      if (time < clock.time) void this.source.replay.seek(target).then(() => this.landed(gen, target));
      else void this.source.replay.advanceTo(target).then(() => this.landed(gen, target));
    }
    if (this.source && !this.source.replay && s.source.state !== 'loading') {
      // live: the data clock follows the wall clock
      const wall = Date.now();
      this.store.setState({ clock: { ...clock, time: wall, end: wall, start: clock.start || wall, playing: true } });
    }
    this.flush();
    if (now - this.lastHealthCheck >= 1000) {
      this.checkHealth((now - this.lastHealthCheck) / 1000);
      this.lastHealthCheck = now;
    }
    if (now - this.lastUiTime >= UI_TIME_INTERVAL_MS || !this.store.getState().clock.playing) {
      const t = this.store.getState().clock.time;
      if (t !== this.store.getState().uiTime) {
        this.lastUiTime = now;
        this.store.setState({ uiTime: t });
      }
    }
  }

  private landed(gen: number, t: number): void {
    if (gen !== this.loadGeneration) return;
    this.flush();
    this.store.setState({ dataTime: t });
  }

  /** Apply every delta received since the last flush in one store transaction. */
  flush(): void {
    this.flushRejects();
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    const changed = this.tables.applyBatch(batch);
    this.recorder?.record(batch);
    for (const d of batch) this.rateCounts.set(d.topic, (this.rateCounts.get(d.topic) ?? 0) + 1);
    const now = Date.now();
    const topics = { ...this.store.getState().topics };
    for (const topic of changed) {
      const h = topics[topic] ?? this.newHealth(this.sourceStatus ?? undefined);
      const status = h.status.state === 'stale' ? { state: 'live' as const, since: now } : h.status;
      topics[topic] = { ...h, status, lastMessageAt: now };
    }
    const patch: Partial<CockpitState> = { tablesVersion: this.tables.version, topics };
    if (this.source && !this.source.replay) patch.dataTime = now; // live: the tables are as of now
    this.store.setState(patch);
  }

  /**
   * Once a second: message rates, and (live sources) topics silent for longer than their
   * expected interval become stale — shown, not silently frozen.
   */
  private checkHealth(seconds: number): void {
    const s = this.store.getState();
    const isLive = !!this.source && !this.source.replay;
    if (!isLive && this.rateCounts.size === 0) return;
    const now = Date.now();
    const cfg = this.config.source;
    let topics: Record<string, TopicHealth> | null = null;
    for (const [topic, h] of Object.entries(s.topics)) {
      const rate = seconds > 0 ? (this.rateCounts.get(topic) ?? 0) / seconds : 0;
      let next: TopicHealth = h;
      if (isLive && h.rate !== rate) next = { ...next, rate };
      const limit = cfg.staleAfter[topic] ?? cfg.staleAfterMs;
      if (isLive && h.status.state === 'live' && h.lastMessageAt && now - h.lastMessageAt > limit) {
        next = { ...next, status: { state: 'stale', reason: `no message for ${Math.round((now - h.lastMessageAt) / 1000)} s (expected within ${Math.round(limit / 1000)} s)`, since: now } };
      }
      if (next !== h) (topics ??= { ...s.topics })[topic] = next;
    }
    this.rateCounts.clear();
    if (topics) this.store.setState({ topics });
  }

  private newHealth(status?: TopicStatus): TopicHealth {
    return { status: status ?? { state: 'connecting', since: Date.now() }, counts: emptyCounts() };
  }

  // ---- sources ------------------------------------------------------------------

  private sink(gen: number): SourceSink {
    const live = () => gen === this.loadGeneration;
    return {
      deltas: (batch) => {
        if (live()) for (const d of batch) this.pending.push(d);
      },
      status: (topic, status) => {
        if (live()) this.setStatus(topic, status);
      },
      reject: (r) => {
        // kept with the frame's batch: thousands of rejects cost one store update
        if (live()) this.pendingRejects.push(r);
      },
      counts: (counts) => {
        if (!live()) return;
        const topics = { ...this.store.getState().topics };
        for (const [topic, c] of Object.entries(counts)) topics[topic] = { ...(topics[topic] ?? this.newHealth(this.sourceStatus ?? undefined)), counts: c };
        this.store.setState({ topics });
      },
      progress: (progress) => {
        if (live()) this.store.setState({ source: { ...this.store.getState().source, progress } });
      },
      timeline: (info: TimelineInfo) => {
        if (!live()) return;
        const s = this.store.getState();
        this.store.setState({
          events: info.events,
          clock: { ...s.clock, start: info.start, end: info.end, time: info.start },
          source: { ...s.source, lines: info.lines, accepted: info.accepted, rejected: info.rejected, keyframes: info.keyframes },
        });
      },
    };
  }

  private setStatus(topic: string, status: TopicStatus): void {
    if (topic === '*') this.sourceStatus = status;
    const topics = { ...this.store.getState().topics };
    const keys = topic === '*' ? Object.keys(topics) : [topic];
    for (const k of keys) topics[k] = { ...(topics[k] ?? this.newHealth()), status };
    const patch: Partial<CockpitState> = { topics };
    const src = this.store.getState().source;
    if (topic === '*' && status.state === 'error') patch.source = { ...src, state: 'error', error: status.reason };
    if (topic === '*' && status.state === 'live' && src.state !== 'ready') patch.source = { ...src, state: 'ready', error: undefined };
    if (topic === '*' && status.state === 'connecting' && src.state === 'error') patch.source = { ...src, state: 'error', error: `${src.error ?? ''}`.replace(/ — retrying.*$/, ' — reconnecting…') };
    this.store.setState(patch);
  }

  private flushRejects(): void {
    if (!this.pendingRejects.length) return;
    const all = [...this.store.getState().rejects, ...this.pendingRejects];
    this.pendingRejects = [];
    this.store.setState({ rejects: all.length > MAX_REJECTS_KEPT ? all.slice(all.length - MAX_REJECTS_KEPT) : all });
  }

  /** Make a source for a kind and URL (credentials and options from config.json). */
  private makeSource(kind: string, url: string): DataSource {
    const c = this.config.source;
    const live = { url, snapshotUrl: c.snapshotUrl, token: c.token, username: c.username, password: c.password };
    switch (kind) {
      case 'replay':
        return new ReplaySource(url, this.createReplayWorker);
      case 'sse':
        return new SseSource(live, this.topics);
      case 'ws':
        return new WsSource(live, this.topics);
      case 'http':
        return new HttpSource({ ...live, pollMs: c.pollMs }, this.topics);
      case 'mqtt':
        return new MqttSource({ ...live, prefix: c.prefix, topicMap: c.topicMap }, this.topics);
      default:
        throw new Error(`unknown source kind "${kind}"`);
    }
  }

  /** Stop the current source, clear the state, and start a new one. */
  async open(kind: string, url: string, opts: { start?: number; autoplay?: boolean } = {}): Promise<void> {
    const gen = ++this.loadGeneration;
    this.source?.stop();
    this.source = null;
    this.pending = [];
    this.pendingRejects = [];
    this.rateCounts.clear();
    this.sourceStatus = null;
    this.tables.clear();
    const s = this.store.getState();
    this.store.setState({
      source: { kind: kind as CockpitState['source']['kind'], url, state: 'loading', simulated: this.config.source.simulated },
      topics: {},
      rejects: [],
      events: [],
      selection: null,
      hover: null,
      clock: { ...s.clock, playing: false },
      tablesVersion: this.tables.version,
    });
    let source: DataSource;
    try {
      source = this.makeSource(kind, url);
    } catch (e) {
      this.store.setState({ source: { ...this.store.getState().source, state: 'error', error: (e as Error).message } });
      return;
    }
    this.source = source;
    this.applySubscriptions();
    try {
      await source.start(this.sink(gen));
    } catch (e) {
      if (gen !== this.loadGeneration) return;
      this.store.setState({ source: { ...this.store.getState().source, state: 'error', error: (e as Error).message } });
      return;
    }
    if (gen !== this.loadGeneration) return;
    if (source.replay) {
      // ready only once the state at the start time is in the tables
      const { clock } = this.store.getState();
      const start = opts.start !== undefined ? Math.min(Math.max(opts.start, clock.start), clock.end) : clock.start;
      await this.seek(start);
      if (gen !== this.loadGeneration) return;
      this.store.setState({ source: { ...this.store.getState().source, state: 'ready', error: undefined } });
      if (opts.autoplay) this.play();
    } else {
      // a live source that failed its first attempt stays in error (and keeps retrying)
      if (this.store.getState().source.state === 'loading') this.store.setState({ source: { ...this.store.getState().source, state: 'ready', error: undefined } });
      this.store.setState({ clock: { ...this.store.getState().clock, start: Date.now(), time: Date.now(), playing: true } });
    }
  }

  /**
   * Selective topics (TopicSpec.selective, e.g. the in-vehicle ECG) are delivered only for
   * the selected entity of their `by` topic: tell the source (sources without `subscribe`
   * deliver everything they receive).
   */
  private applySubscriptions(): void {
    const src = this.source;
    if (!src?.subscribe) return;
    const sel = this.store.getState().selection;
    for (const name of this.topics.known()) {
      const by = this.topics.get(name)?.selective?.by;
      if (by) src.subscribe(name, sel && sel.topic === by ? [sel.id] : []);
    }
  }

  // ---- control API -------------------------------------------------------------

  play(): void {
    const { clock } = this.store.getState();
    if (!this.source?.replay) return;
    // playing from the end starts over
    const time = clock.time >= clock.end ? clock.start : clock.time;
    this.store.setState({ clock: { ...clock, time, playing: true } });
  }

  pause(): void {
    const { clock } = this.store.getState();
    this.store.setState({ clock: { ...clock, playing: false } });
  }

  /** Called with the target of every seek (the video wall follows seeks this way). */
  readonly seekListeners = new Set<(t: number) => void>();

  /** Seek to a data time (ISO string or epoch ms). Resolves when state and map agree. */
  async seek(time: string | number): Promise<void> {
    const replay = this.source?.replay;
    if (!replay) throw new Error('the current source is live: it cannot seek');
    const { clock } = this.store.getState();
    const t = Math.min(Math.max(parseTimeArg(time), clock.start), clock.end);
    const gen = this.loadGeneration;
    for (const fn of this.seekListeners) fn(t);
    this.store.setState({ clock: { ...clock, time: t }, uiTime: t });
    await replay.seek(t);
    this.landed(gen, t);
  }

  setSpeed(x: number): void {
    if (!Number.isFinite(x) || x < 0.5 || x > 600) throw new Error(`speed must be between 0.5 and 600, got ${x}`);
    const { clock } = this.store.getState();
    this.store.setState({ clock: { ...clock, speed: x } });
  }

  setLayerVisible(id: string, on: boolean): void {
    const layers = this.store.getState().layers;
    if (!layers[id]) throw new Error(`no layer "${id}" (layers: ${Object.keys(layers).join(', ')})`);
    this.store.setState({ layers: { ...layers, [id]: { visible: !!on } } });
  }

  setLang(lang: Lang): void {
    if (lang !== 'zh' && lang !== 'en') throw new Error(`language must be zh or en`);
    this.store.setState({ lang });
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }

  /** Select an entity and fly to it (unless `fly: false`). Returns false if it does not exist now. */
  select(topic: string | null, id?: string, opts: { fly?: boolean } = {}): boolean {
    if (topic === null) {
      this.store.setState({ selection: null });
      return true;
    }
    const e = this.tables.has(topic) ? this.tables.table(topic).get(String(id)) : undefined;
    this.store.setState({ selection: { topic, id: String(id) } });
    if (e && opts.fly !== false && typeof e.lon === 'number' && typeof e.lat === 'number') this.flyTo({ lon: e.lon, lat: e.lat, zoom: 14 });
    return !!e;
  }

  flyTo(target: { lon: number; lat: number; zoom?: number }): void {
    if (this.camera) this.camera.flyTo(target);
    else this.pendingFly = target;
  }

  fitBounds(bounds: [[number, number], [number, number]]): void {
    this.camera?.fitBounds(bounds);
  }

  /** What layer panels may do (PanelProps.actions). */
  readonly panelActions = {
    select: (topic: string | null, id?: string) => void this.select(topic, id),
    flyTo: (t: { lon: number; lat: number; zoom?: number }) => this.flyTo(t),
    fitBounds: (b: [[number, number], [number, number]]) => this.fitBounds(b),
  };

  /** Recorded values of an entity's fields (empty if the source keeps no history). */
  async history(q: HistoryQuery): Promise<HistorySeries> {
    const src = this.source;
    if (!src?.history) return { t: [], values: Object.fromEntries(q.fields.map((f) => [f, []])) };
    return src.history(q);
  }

  // ---- recording ------------------------------------------------------------------

  /** Start recording what the source delivers (from the current state on). */
  startRecording(): void {
    const r = new Recorder();
    const s = this.store.getState();
    r.begin(this.tables, s.clock.time || Date.now());
    this.recorder = r;
    this.store.setState({ recording: { since: Date.now(), messages: r.count } });
  }

  /** Stop recording; returns the timeline (NDJSON) the replay source plays back. */
  stopRecording(): { text: string; messages: number } | null {
    const r = this.recorder;
    if (!r) return null;
    this.recorder = null;
    this.store.setState({ recording: null });
    const text = r.text();
    return { text, messages: r.count };
  }

  /** Play another timeline file. */
  load(url: string): Promise<void> {
    return this.open('replay', url, {});
  }

  state(): CockpitStateView {
    const s = this.store.getState();
    const topics: CockpitStateView['topics'] = {};
    const names = new Set([...Object.keys(s.topics), ...this.tables.topics()]);
    for (const topic of names) {
      const h = s.topics[topic] ?? this.newHealth();
      topics[topic] = {
        count: this.tables.has(topic) ? this.tables.table(topic).length : 0,
        status: h.status.state,
        reason: h.status.reason,
        accepted: h.counts.accepted,
        rejected: h.counts.rejected,
        gaps: h.counts.gaps,
        seq: h.counts.lastSeq,
        lastError: h.counts.lastError,
      };
    }
    const { progress: _p, ...source } = s.source;
    return {
      time: s.clock.time,
      dataTime: s.dataTime,
      playing: s.clock.playing,
      speed: s.clock.speed,
      range: { start: s.clock.start, end: s.clock.end },
      source,
      layers: structuredClone(s.layers),
      topics,
      selection: s.selection,
      lang: s.lang,
      mode: s.mode,
    };
  }

  /** The control API: what `window.cockpit` and postMessage expose. */
  api() {
    return {
      play: () => this.play(),
      pause: () => this.pause(),
      seek: (time: string | number) => this.seek(time),
      setSpeed: (x: number) => this.setSpeed(x),
      setLayerVisible: (id: string, on: boolean) => this.setLayerVisible(id, on),
      select: (topic: string | null, id?: string) => this.select(topic, id),
      load: (url: string) => this.load(url),
      setLang: (lang: Lang) => this.setLang(lang),
      state: () => this.state(),
      layers: () => this.layers.map((l) => ({ id: l.id, title: l.title, topics: [...l.topics] })),
      camera: () => this.camera?.get() ?? null,
      /** resolves when the map has finished drawing (for screenshots and automation) */
      idle: () => this.camera?.idle() ?? Promise.resolve(),
      /** the current entities of a topic (optionally only some fields), e.g. for a control desk */
      entities: (topic: string, fields?: string[]) => {
        if (!this.tables.has(topic)) return [];
        const rows = this.tables.table(topic).rows;
        return fields ? rows.map((e) => Object.fromEntries([['id', e.id], ...fields.map((f) => [f, e[f]])])) : rows.map((e) => ({ ...e }));
      },
      startRecording: () => this.startRecording(),
      stopRecording: () => this.stopRecording(),
      setCamera: (view: Partial<CameraView>, duration?: number) => {
        if (!this.camera) throw new Error('the map is not ready');
        this.camera.set(view, duration);
      },
    };
  }
}

export type CockpitApi = ReturnType<Cockpit['api']>;
