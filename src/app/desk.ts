/**
 * The desk: what makes the cockpit fit a video wall, an official's desktop and a demo —
 * scenes, the auto-tour, wall sync, deep links, PNG export, shortcuts, the replay menu and
 * presenter mode, kiosk recovery. Built on the cockpit's control API and store; its own
 * small store (`deskStore`) holds the scene, tour and overlay state for the panels.
 */
import { createStore } from 'zustand/vanilla';
import type maplibregl from 'maplibre-gl';
import type { Cockpit, CameraView } from './cockpit';
import type { MapController } from '../map/mapController';
import type { TimelineEvent } from '../data/source';
import { DEFAULT_SCENES, loadScenes, sceneLayers, type Scene, type ScenesFile } from './scenes';
import { Tour, type TourState } from './tour';
import { parseWall, WallSync, type WallSpec } from './wall';
import { buildQuery, checkNames, isoBeijing, sanitizeParams } from './deeplink';
import { download, renderView } from './export';
import { installShortcuts } from './shortcuts';
import { reloadSoon, retryDelay, watchContext } from './kiosk';
import { formatTime, tr } from '../i18n';

export interface ReplayEntry {
  name: string;
  title: { zh: string; en: string };
  url: string;
  description?: { zh: string; en: string };
  keyMoment?: string;
  scene?: string;
  narration?: { at: string; zh: string; en: string }[];
}

export interface DeskState {
  file: ScenesFile;
  sceneErrors: string[];
  /** optional layers of a scene that are not installed */
  missing: Record<string, string[]>;
  scene: string | null;
  tour: TourState;
  help: boolean;
  presenter: boolean;
  replayMenu: boolean;
  replays: ReplayEntry[];
  /** shown while the map is rebuilt or the page is about to reload */
  recovering: string | null;
  /** bumps to rebuild the map on a fresh canvas */
  mapGeneration: number;
  toast: { text: string; at: number } | null;
  wall: WallSpec | null;
}

export const deskStore = createStore<DeskState>()(() => ({
  file: DEFAULT_SCENES,
  sceneErrors: [],
  missing: {},
  scene: null,
  tour: { on: false, paused: null, scene: null, visited: [], focused: 0, nextAt: null },
  help: false,
  presenter: false,
  replayMenu: false,
  replays: [],
  recovering: null,
  mapGeneration: 0,
  toast: null,
  wall: null,
}));

export type DeskApi = ReturnType<Desk['api']>;

const INTERACTIONS = ['pointerdown', 'wheel', 'keydown', 'touchstart'] as const;

export class Desk {
  readonly params: URLSearchParams;
  private map: maplibregl.Map | null = null;
  private wall: WallSync | null = null;
  private tour: Tour | null = null;
  private readonly unsubs: (() => void)[] = [];
  private unwatchContext: (() => void) | null = null;
  private savedCamera: CameraView | null = null;
  private feedAttempt = 0;
  private feedTimer: ReturnType<typeof setTimeout> | null = null;
  private linkIgnored: string[] = [];
  private initialSceneDone = false;
  private scenesLoaded = false;
  private readonly sceneListeners = new Set<(id: string | null) => void>();

  constructor(readonly cockpit: Cockpit, search = location.search) {
    this.params = new URLSearchParams(search);
    // before the first render: a tile is laid out full-bleed from the start
    const w = parseWall(this.params);
    deskStore.setState({ wall: w && typeof w !== 'string' ? w : null });
  }

  private get mode() {
    return this.cockpit.store.getState().mode;
  }

  start(): void {
    const st = this.cockpit.store;
    // the wall tile
    const w = parseWall(this.params);
    if (typeof w === 'string') this.notice('wall', 'error', `wall: ${w}`);
    else if (w) {
      const relay = this.params.get('relay') ?? (this.cockpit.config.source.kind !== 'replay' ? '/api/wall' : undefined);
      this.wall = new WallSync(w, this.cockpit, {
        map: () => this.map,
        scene: () => deskStore.getState().scene,
        setScene: (id) => deskStore.setState({ scene: id && this.sceneById(id) ? id : null }),
        onScene: (fn) => {
          this.sceneListeners.add(fn);
          return () => this.sceneListeners.delete(fn);
        },
      }, relay ?? undefined, this.cockpit.config.source.token);
      this.wall.start();
      // the map may have been created before the desk started (child effects run first)
      if (this.map) this.wall.attach(this.map);
    }
    this.linkIgnored = sanitizeParams(this.params).ignored;
    void this.loadScenes();
    void this.loadReplays();
    if (this.params.get('presenter') === '1') deskStore.setState({ presenter: true });

    // the tour (the wall's first tile leads; the others follow by sync)
    if (this.params.get('tour') === '1' && (!this.wall || this.wall.leader)) this.startTour();
    const onInteract = (e: Event) => {
      if (e.isTrusted) this.tour?.interaction();
    };
    for (const ev of INTERACTIONS) window.addEventListener(ev, onInteract, { capture: true, passive: true });
    const onVis = () => {
      const hidden = document.visibilityState === 'hidden';
      // nobody sees a flight on a hidden tab: stop the one under way (the tour plans no more)
      if (hidden && deskStore.getState().tour.on) this.map?.stop();
      this.tour?.setHidden(hidden);
    };
    document.addEventListener('visibilitychange', onVis);
    this.unsubs.push(() => {
      for (const ev of INTERACTIONS) window.removeEventListener(ev, onInteract, { capture: true });
      document.removeEventListener('visibilitychange', onVis);
    });

    this.unsubs.push(installShortcuts(this.shortcutActions()));

    // once ready: the link's scene, checks of what the link asked for, feed retries
    this.unsubs.push(
      st.subscribe((s, prev) => {
        if (s.source.state !== prev.source.state) this.onSourceState(s.source.state);
      }),
    );
    if (st.getState().source.state === 'ready') this.onSourceState('ready');
    this.unsubs.push(
      deskStore.subscribe((s, prev) => {
        if (s.scene !== prev.scene) for (const fn of this.sceneListeners) fn(s.scene);
      }),
    );
  }

  stop(): void {
    for (const u of this.unsubs) u();
    this.tour?.stop();
    this.wall?.stop();
    this.unwatchContext?.();
  }

  // ---- notices -------------------------------------------------------------------

  notice(id: string, level: 'info' | 'error', text: string | null): void {
    const st = this.cockpit.store;
    const rest = st.getState().notices.filter((n) => n.id !== `desk-${id}`);
    st.setState({ notices: text ? [...rest, { id: `desk-${id}`, level, text }] : rest });
  }

  toast(text: string): void {
    deskStore.setState({ toast: { text, at: Date.now() } });
    setTimeout(() => {
      if (deskStore.getState().toast?.text === text) deskStore.setState({ toast: null });
    }, 4000);
  }

  private lang() {
    return this.cockpit.store.getState().lang;
  }

  // ---- map ---------------------------------------------------------------------

  /** The map controller was created (or rebuilt after a lost context) or went away. */
  setMap(mc: MapController | null): void {
    this.unwatchContext?.();
    this.unwatchContext = null;
    this.map = mc?.map ?? null;
    this.wall?.attach(this.map);
    if (!mc) return;
    const map = mc.map;
    if (this.savedCamera) {
      const c = this.savedCamera;
      this.savedCamera = null;
      if (!this.wall) map.jumpTo({ center: [c.lon, c.lat], zoom: c.zoom, pitch: c.pitch, bearing: c.bearing });
      map.once('idle', () => deskStore.setState({ recovering: null }));
    }
    this.unwatchContext = watchContext(
      map.getCanvas(),
      () => {
        this.savedCamera = this.wall?.sharedCamera() ?? this.cockpit.api().camera();
        deskStore.setState({ recovering: this.lang() === 'zh' ? '图形上下文丢失，正在恢复地图…' : 'The WebGL context was lost — restoring the map…' });
        console.warn('cockpit: WebGL context lost; waiting for it to be restored');
      },
      () => this.rebuildMap(),
      () => {
        this.savedCamera = null;
        deskStore.setState({ recovering: null });
      },
    );
    if (!this.initialSceneDone && this.cockpit.store.getState().source.state === 'ready') this.applyLinkScene();
  }

  /**
   * The context did not come back: reload to the same state (the deep link of the moment).
   * A fresh map on a fresh canvas in the same page was tried first, but deck.gl's shader
   * caches outlive the context (an icon layer then fails to draw): a reload is the clean cut.
   */
  private rebuildMap(): void {
    this.fatal(new Error(this.lang() === 'zh' ? 'WebGL 上下文丢失且未恢复' : 'the WebGL context was lost and not restored'), true);
  }

  /** A fatal error: walls and kiosks (and any page whose map died) reload to the same state; a desktop shows it. */
  fatal(e: Error, always = false): void {
    const url = this.link(true);
    if (!always && this.mode === 'desktop' && !this.wall) {
      deskStore.setState({ recovering: `${e.message}` });
      return;
    }
    reloadSoon(url, e.message, (text) => deskStore.setState({ recovering: text }));
  }

  // ---- scenes --------------------------------------------------------------------

  private layerIds(): string[] {
    return this.cockpit.layers.map((l) => l.id);
  }

  private async loadScenes(): Promise<void> {
    const url = this.params.get('scenes') ?? '/scenes.json';
    const r = await loadScenes(url, this.layerIds());
    deskStore.setState({ file: r.file, sceneErrors: r.errors, missing: r.missing });
    this.scenesLoaded = true;
    this.notice('scenes', 'error', r.errors.length ? r.errors.join(' · ') : null);
    const names = checkNames(this.params, this.layerIds(), r.file.scenes.map((s) => s.id));
    this.linkIgnored = [...this.linkIgnored, ...names];
    this.showLinkNotice();
    if (this.cockpit.store.getState().source.state === 'ready') this.applyLinkScene();
  }

  private async loadReplays(): Promise<void> {
    try {
      const res = await fetch('/mock-data/index.json');
      const j = res.ok ? ((await res.json()) as unknown) : [];
      if (Array.isArray(j)) deskStore.setState({ replays: j.filter((e): e is ReplayEntry => !!e && typeof e.name === 'string' && typeof e.url === 'string' && !!e.title) });
    } catch {
      /* no index: the menu says so */
    }
  }

  sceneById(id: string): Scene | undefined {
    return deskStore.getState().file.scenes.find((s) => s.id === id);
  }

  /**
   * Switch to a scene: its layers, its panels (cross-fade) and an animated flight to its
   * camera (`animate: false` jumps).
   */
  applyScene(id: string | null, opts: { animate?: boolean; camera?: boolean; layers?: boolean; clearSelection?: boolean } = {}): boolean {
    if (id === null) {
      deskStore.setState({ scene: null });
      return true;
    }
    const sc = this.sceneById(id);
    if (!sc) return false;
    const st = this.cockpit.store;
    if (opts.layers !== false) {
      const want = sceneLayers(sc, this.layerIds());
      st.setState({ layers: Object.fromEntries(Object.entries(want).map(([k, v]) => [k, { visible: v }])) });
    }
    if (opts.clearSelection) st.setState({ selection: null });
    deskStore.setState({ scene: id });
    if (opts.camera !== false) this.fly(sc.camera, opts.animate === false ? 0 : 2500);
    return true;
  }

  private fly(c: { lon: number; lat: number; zoom: number; pitch?: number; bearing?: number }, duration: number): void {
    const map = this.map;
    if (!map) {
      this.cockpit.flyTo(c);
      return;
    }
    const opts = { center: [c.lon, c.lat] as [number, number], zoom: c.zoom, pitch: c.pitch ?? map.getPitch(), bearing: c.bearing ?? map.getBearing() };
    if (duration > 0) map.flyTo({ ...opts, duration, essential: true });
    else map.jumpTo(opts);
  }

  /** The link's scene (once, when the data and the scenes are there). */
  private applyLinkScene(): void {
    if (this.initialSceneDone || !this.map) return;
    const id = this.params.get('scene');
    if (!id) {
      this.initialSceneDone = true;
      return;
    }
    if (!this.scenesLoaded) return; // loadScenes calls again
    if (!this.sceneById(id)) {
      this.initialSceneDone = true;
      return;
    }
    this.initialSceneDone = true;
    const p = this.params;
    // what the link says explicitly wins over the scene's defaults
    this.applyScene(id, { animate: false, camera: !p.has('lon'), layers: !(p.has('layers') || p.has('hide') || p.has('show')) });
  }

  private onSourceState(state: string): void {
    const s = this.cockpit.store.getState();
    if (state === 'ready') {
      this.feedAttempt = 0;
      if (this.feedTimer) clearTimeout(this.feedTimer);
      this.feedTimer = null;
      this.notice('feed', 'info', null);
      this.applyLinkScene();
      this.checkLinkAfterLoad();
    } else if (state === 'error' && this.mode !== 'desktop' && s.source.kind === 'replay') {
      // unattended: a timeline that failed to load is tried again, with backoff
      const wait = retryDelay(this.feedAttempt++);
      const { kind, url, error } = s.source;
      this.notice('feed', 'error', `${url}: ${error ?? 'failed'} — ${this.lang() === 'zh' ? `${Math.round(wait / 1000)} 秒后第 ${this.feedAttempt} 次重试` : `retry ${this.feedAttempt} in ${Math.round(wait / 1000)} s`}`);
      if (this.feedTimer) clearTimeout(this.feedTimer);
      const at = s.clock.time;
      this.feedTimer = setTimeout(() => void this.cockpit.open(kind, url, { start: at || undefined, autoplay: s.clock.playing }), wait);
    }
  }

  private linkChecked = false;

  /** After the first load: is the linked selection there, was the time inside the timeline? */
  private checkLinkAfterLoad(): void {
    if (this.linkChecked) return;
    this.linkChecked = true;
    const p = sanitizeParams(this.params).params;
    const s = this.cockpit.store.getState();
    const t = p.get('t');
    if (t !== null && s.source.kind === 'replay') {
      const v = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Date.parse(t);
      if (v < s.clock.start || v > s.clock.end) this.linkIgnored.push(`t=${t} (outside the timeline ${formatTime(s.clock.start)} – ${formatTime(s.clock.end)}; now at ${formatTime(s.clock.time)})`);
    }
    const sel = p.get('select');
    if (sel) {
      const i = sel.indexOf(':');
      const topic = sel.slice(0, i);
      const id = sel.slice(i + 1);
      const knownTopic = this.cockpit.layers.some((l) => l.topics.includes(topic)) || this.cockpit.tables.has(topic) || topic === 'districts';
      const missing = !knownTopic || (this.cockpit.tables.has(topic) && !this.cockpit.tables.table(topic).get(id) && this.cockpit.tables.table(topic).length > 0);
      if (missing) {
        this.linkIgnored.push(`select=${sel} (${knownTopic ? 'not in the data at that time' : 'no such topic'})`);
        // main.tsx selects after this check runs: clear it once that happened
        queueMicrotask(() => {
          const cur = this.cockpit.store.getState().selection;
          if (cur && cur.topic === topic && cur.id === id) this.cockpit.store.setState({ selection: null });
        });
        setTimeout(() => {
          const cur = this.cockpit.store.getState().selection;
          if (cur && cur.topic === topic && cur.id === id) this.cockpit.store.setState({ selection: null });
        }, 0);
      }
    }
    this.showLinkNotice();
  }

  private showLinkNotice(): void {
    const items = [...new Set(this.linkIgnored)];
    if (!items.length) return this.notice('link', 'info', null);
    const head = this.lang() === 'zh' ? '链接中以下内容已忽略或调整，已打开最接近的有效视图' : 'Ignored or adjusted in the link (the nearest valid view is shown)';
    this.notice('link', 'error', `${head}: ${items.join('; ')}`);
  }

  // ---- tour ------------------------------------------------------------------------

  startTour(): void {
    const file = () => deskStore.getState().file;
    const dwellParam = Number(this.params.get('dwell'));
    const idleParam = Number(this.params.get('idle'));
    this.tour ??= new Tour({
      scenes: () => file().scenes.filter((s) => s.tour).map((s) => ({ id: s.id, dwell: Number.isFinite(dwellParam) && dwellParam > 0 ? dwellParam : (s.dwell ?? file().tour.dwell), focus: s.focus === 'newest-alert' })),
      show: (id) => this.applyScene(id, { clearSelection: true }),
      focus: (id) => this.focusNewestAlert(id),
      idleResume: () => (Number.isFinite(idleParam) && idleParam > 0 ? idleParam : file().tour.idleResume),
      onChange: (t) => deskStore.setState({ tour: t }),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    this.tour.setHidden(document.visibilityState === 'hidden');
    this.tour.start();
  }

  stopTour(): void {
    this.tour?.stop();
  }

  /** The newest alert (at the data clock) among a scene's layers: select it and fly there. */
  focusNewestAlert(sceneId: string): boolean {
    const sc = this.sceneById(sceneId);
    const ev = this.newestAlert(sc);
    if (!ev) return false;
    let pos: [number, number] | null = ev.lon !== undefined && ev.lat !== undefined ? [ev.lon, ev.lat] : null;
    if (ev.ref_topic && ev.ref_id && this.cockpit.tables.has(ev.ref_topic)) {
      const e = this.cockpit.tables.table(ev.ref_topic).get(ev.ref_id);
      if (e && typeof e.lon === 'number' && typeof e.lat === 'number') pos ??= [e.lon, e.lat];
      if (e) this.cockpit.select(ev.ref_topic, ev.ref_id, { fly: false });
    }
    if (!pos) return false;
    this.fly({ lon: pos[0], lat: pos[1], zoom: deskStore.getState().file.tour.focusZoom }, 2500);
    return true;
  }

  newestAlert(sc?: Scene): TimelineEvent | undefined {
    const s = this.cockpit.store.getState();
    const topics = sc ? new Set(this.cockpit.layers.filter((l) => sc.layers.includes(l.id) || sc.optional.includes(l.id)).flatMap((l) => [...l.topics])) : null;
    for (let i = s.events.length - 1; i >= 0; i--) {
      const e = s.events[i];
      if (e.t > s.clock.time || e.level === 'info') continue;
      if (topics && !sc?.panels.includes('overview') && !(e.ref_topic && topics.has(e.ref_topic))) continue;
      return e;
    }
    return undefined;
  }

  // ---- deep link and export ----------------------------------------------------------

  /** The URL that reproduces this view; `forReload` keeps mode, tour, wall and presenter. */
  link(forReload = false): string {
    const s = this.cockpit.store.getState();
    const keep = new URLSearchParams(this.params);
    if (forReload) {
      keep.set('mode', s.mode);
      if (deskStore.getState().presenter) keep.set('presenter', '1');
    }
    const q = buildQuery({
      source: { kind: s.source.kind, url: s.source.url },
      time: s.clock.time,
      speed: s.clock.speed,
      lang: s.lang,
      scene: deskStore.getState().scene,
      layers: s.layers,
      selection: s.selection,
      camera: this.wall?.sharedCamera() ?? this.cockpit.api().camera(),
      keep: forReload ? keep : undefined,
    });
    return `${location.origin}${location.pathname}${q}`;
  }

  async copyLink(): Promise<string> {
    const url = this.link();
    try {
      await navigator.clipboard.writeText(url);
      this.toast(this.lang() === 'zh' ? '链接已复制' : 'Link copied');
    } catch {
      this.toast(url);
    }
    return url;
  }

  async exportPng(opts: { download?: boolean } = {}): Promise<{ width: number; height: number; bytes: number; filename: string; dataUrl: string }> {
    const root = document.querySelector<HTMLElement>('[data-testid="cockpit"]');
    if (!root) throw new Error('the cockpit is not on screen');
    await this.cockpit.api().idle();
    const s = this.cockpit.store.getState();
    const lang = s.lang;
    const src = s.source.kind === 'replay' ? `${tr(lang, 'badgeReplay')} · ${s.source.url}` : `${tr(lang, 'badgeLive')} · ${s.source.kind.toUpperCase()} ${s.source.url}`;
    const mapEl = document.querySelector('[data-testid="map-cell"]');
    const r = await renderView(
      root,
      mapEl ? mapEl.getBoundingClientRect() : null,
      {
        title: this.cockpit.config.title[lang],
        time: `${tr(lang, 'dataClock')} ${formatTime(s.clock.time)} (UTC+8)`,
        source: src,
        simulated: s.source.simulated ? tr(lang, 'badgeSimulated') : undefined,
        exported: `${lang === 'zh' ? '导出于' : 'Exported'} ${new Date().toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}`,
      },
      isoBeijing(s.clock.time).slice(0, 16).replace(/-/g, '').replace('T', '-').replace(':', ''),
    );
    if (opts.download !== false) download(r.blob, r.filename);
    const dataUrl = await new Promise<string>((resolve) => {
      const fr = new FileReader();
      fr.onload = () => resolve(String(fr.result));
      fr.readAsDataURL(r.blob);
    });
    this.toast(lang === 'zh' ? `已导出 ${r.filename}` : `Exported ${r.filename}`);
    return { width: r.width, height: r.height, bytes: r.blob.size, filename: r.filename, dataUrl };
  }

  // ---- replay menu and presenter ------------------------------------------------------

  async chooseReplay(name: string): Promise<void> {
    const e = deskStore.getState().replays.find((r) => r.name === name);
    if (!e) throw new Error(`no recorded incident "${name}" (${deskStore.getState().replays.map((r) => r.name).join(', ')})`);
    deskStore.setState({ replayMenu: false });
    const u = new URL(location.href);
    u.searchParams.delete('timeline');
    u.searchParams.delete('t');
    u.searchParams.set('fixture', e.name);
    history.replaceState(null, '', u);
    await this.cockpit.load(e.url);
    if (e.scene && this.sceneById(e.scene)) this.applyScene(e.scene);
    const t = this.keyMoment(e);
    if (t !== undefined) await this.cockpit.seek(t);
  }

  /** The key moment of a replay: its note, else the first alarm marker, else the first marker. */
  keyMoment(e: ReplayEntry): number | undefined {
    if (e.keyMoment && Number.isFinite(Date.parse(e.keyMoment))) return Date.parse(e.keyMoment);
    const evs = this.cockpit.store.getState().events;
    return (evs.find((x) => x.level === 'alarm') ?? evs.find((x) => x.level === 'warning') ?? evs[0])?.t;
  }

  currentReplay(): ReplayEntry | undefined {
    const url = this.cockpit.store.getState().source.url;
    return deskStore.getState().replays.find((r) => r.url === url);
  }

  /** The marker at or before the clock (index into the events), -1 before the first. */
  markerIndex(): number {
    const s = this.cockpit.store.getState();
    let i = -1;
    for (let k = 0; k < s.events.length; k++) if (s.events[k].t <= s.clock.time) i = k;
    return i;
  }

  /** Seek to the next / previous marker. */
  async stepMarker(step: 1 | -1): Promise<void> {
    const s = this.cockpit.store.getState();
    if (!s.events.length || s.source.kind !== 'replay') return;
    const i = this.markerIndex();
    // skip markers at the same time
    let j = i + step;
    if (step === 1) while (j < s.events.length - 1 && s.events[j].t <= s.clock.time) j++;
    else while (j > 0 && i >= 0 && s.events[j].t === s.events[i].t) j--;
    j = Math.max(0, Math.min(s.events.length - 1, j));
    await this.cockpit.seek(s.events[j].t);
  }

  /** The narration of a marker: the note's line for that moment (if any) and the marker's own text. */
  narration(ev: TimelineEvent): { line: string | null; marker: string } {
    const lang = this.lang();
    const notes = this.currentReplay()?.narration ?? [];
    let line: string | null = null;
    for (const n of notes) {
      const at = Date.parse(n.at);
      if (at <= ev.t && ev.t - at < 3 * 3600_000) line = n[lang];
    }
    const level = lang === 'zh' ? { info: '提示', warning: '预警', alarm: '告警' }[ev.level] : { info: 'Info', warning: 'Warning', alarm: 'Alarm' }[ev.level];
    return { line, marker: `${formatTime(ev.t, false)} · ${level} · ${lang === 'en' ? (ev.title_en ?? ev.title) : ev.title}` };
  }

  // ---- shortcuts ---------------------------------------------------------------------

  private shortcutActions() {
    const c = this.cockpit;
    return {
      playPause: () => (c.store.getState().clock.playing ? c.pause() : c.play()),
      seekBy: (f: number) => {
        const k = c.store.getState().clock;
        if (c.store.getState().source.kind === 'replay') void c.seek(k.time + f * (k.end - k.start)).catch(() => {});
      },
      fullscreen: () => {
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
        else void document.documentElement.requestFullscreen?.().catch(() => {});
      },
      help: () => deskStore.setState((s) => ({ help: !s.help })),
      escape: () => {
        const d = deskStore.getState();
        if (d.help || d.replayMenu) deskStore.setState({ help: false, replayMenu: false });
        else c.select(null);
      },
      scene: (n: number) => {
        const sc = deskStore.getState().file.scenes[n - 1];
        if (sc) this.applyScene(sc.id);
      },
      tour: () => (this.tour && deskStore.getState().tour.on ? this.stopTour() : this.startTour()),
      presenter: () => deskStore.setState((s) => ({ presenter: !s.presenter })),
      marker: (step: 1 | -1) => void this.stepMarker(step),
      lang: () => c.setLang(c.store.getState().lang === 'zh' ? 'en' : 'zh'),
      exportPng: () => void this.exportPng().catch((e: Error) => this.toast(e.message)),
      link: () => void this.copyLink(),
    };
  }

  // ---- control API additions -------------------------------------------------------------

  api() {
    return {
      /** the scenes (id, title), and the current one */
      scenes: () => ({ current: deskStore.getState().scene, errors: deskStore.getState().sceneErrors, missing: deskStore.getState().missing, scenes: deskStore.getState().file.scenes.map((s) => ({ id: s.id, title: s.title })) }),
      /** switch to a scene (animated unless `animate` is false) */
      scene: (id: string | null, animate = true) => {
        if (!this.applyScene(id, { animate })) throw new Error(`no scene "${id}" (scenes: ${deskStore.getState().file.scenes.map((s) => s.id).join(', ')})`);
        return deskStore.getState().scene;
      },
      tour: (on?: boolean) => {
        if (on === true) this.startTour();
        else if (on === false) this.stopTour();
        return deskStore.getState().tour;
      },
      link: () => this.link(),
      exportPng: (opts?: { download?: boolean }) => this.exportPng(opts),
      /** the tile's sync figures; `reset` starts the lag statistics afresh */
      wall: (reset = false) => {
        if (reset) this.wall?.resetStats();
        return this.wall?.info() ?? null;
      },
      presenter: (on?: boolean) => {
        if (on !== undefined) deskStore.setState({ presenter: !!on });
        return deskStore.getState().presenter;
      },
      replays: () => deskStore.getState().replays.map((r) => ({ name: r.name, title: r.title, description: r.description ?? null })),
      replay: (name: string) => this.chooseReplay(name),
      marker: (step: 1 | -1) => this.stepMarker(step),
    };
  }
}
