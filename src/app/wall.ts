/**
 * Video-wall sync: a wall of several displays, each driven by its own browser opened with
 *   ?wall=<name>&tile=<col>,<row>&grid=<cols>x<rows>
 * shows one picture. Every tile renders its slice of one large shared viewport (the map
 * fills each tile; the shared camera's centre sits at the centre of the whole wall, placed
 * with MapLibre's padding so perspective and deck.gl layers slice correctly), with the
 * same clock, selection, layers, language and scene.
 *
 * Transport: BroadcastChannel between windows of one machine; across machines through the
 * live server's relay (`/api/wall`, WebSocket) when one runs. Any tile may lead (the one
 * someone touches); tile 0,0 keeps the clock (a tick a second while playing) and answers
 * newcomers with the full state.
 */
import type maplibregl from 'maplibre-gl';
import type { Cockpit, CameraView } from './cockpit';
import type { Selection, Lang } from '../store/store';

export interface WallSpec {
  name: string;
  col: number;
  row: number;
  cols: number;
  rows: number;
}

/** Reads the wall parameters; null when the page is not a tile, an error text when malformed. */
export function parseWall(params: URLSearchParams): WallSpec | string | null {
  const name = params.get('wall');
  if (!name) return null;
  if (!/^[\w.-]{1,64}$/.test(name)) return `wall=${name}: letters, digits, "_", "." and "-" only`;
  const g = /^(\d{1,2})x(\d{1,2})$/.exec(params.get('grid') ?? '1x1');
  if (!g) return `grid=${params.get('grid')}: expected <cols>x<rows>, e.g. 2x1`;
  const t = /^(\d{1,2}),(\d{1,2})$/.exec(params.get('tile') ?? '0,0');
  if (!t) return `tile=${params.get('tile')}: expected <col>,<row>, e.g. 1,0`;
  const [cols, rows, col, row] = [Number(g[1]), Number(g[2]), Number(t[1]), Number(t[2])];
  if (cols < 1 || rows < 1) return `grid=${params.get('grid')}: at least 1x1`;
  if (col >= cols || row >= rows) return `tile=${col},${row} is outside the ${cols}x${rows} grid (columns 0…${cols - 1}, rows 0…${rows - 1})`;
  return { name, col, row, cols, rows };
}

export interface TileView {
  padding: { left: number; right: number; top: number; bottom: number };
  /** the screen offset (px) between the shared centre and this tile's map centre point */
  shift: { dx: number; dy: number };
}

/**
 * Where the shared centre goes in a tile of w×h px. Inside the tile (always on walls up to
 * 2 tiles a side), it is placed exactly with padding (an off-axis projection, right for any
 * pitch). Beyond, the padding reaches the tile's edge and the rest is a shift of the centre
 * (exact without pitch).
 */
export function tileView(spec: WallSpec, w: number, h: number): TileView {
  const gx = (spec.cols * w) / 2 - spec.col * w;
  const gy = (spec.rows * h) / 2 - spec.row * h;
  const px = Math.min(w, Math.max(0, gx));
  const py = Math.min(h, Math.max(0, gy));
  return {
    padding: { left: Math.max(0, 2 * px - w), right: Math.max(0, w - 2 * px), top: Math.max(0, 2 * py - h), bottom: Math.max(0, h - 2 * py) },
    shift: { dx: px - gx, dy: py - gy },
  };
}

/** Moves a centre by a screen offset (px) at a zoom and bearing (Web Mercator). */
export function shiftCenter(lon: number, lat: number, zoom: number, bearing: number, dx: number, dy: number): [number, number] {
  if (!dx && !dy) return [lon, lat];
  const world = 512 * 2 ** zoom;
  const b = (bearing * Math.PI) / 180;
  const mx = dx * Math.cos(b) - dy * Math.sin(b);
  const my = dx * Math.sin(b) + dy * Math.cos(b);
  const x = ((lon + 180) / 360) * world + mx;
  const s = Math.sin((lat * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world + my;
  const lon2 = (x / world) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / world;
  const lat2 = (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)));
  return [lon2, lat2];
}

type Msg =
  | { kind: 'hello' }
  | { kind: 'ping' }
  | { kind: 'camera'; view: CameraView }
  | { kind: 'clock'; time: number; playing: boolean; speed: number; seek?: boolean }
  | { kind: 'select'; selection: Selection | null }
  | { kind: 'layers'; layers: Record<string, { visible: boolean }> }
  | { kind: 'lang'; lang: Lang }
  | { kind: 'scene'; scene: string | null }
  | { kind: 'state'; camera: CameraView | null; time: number; playing: boolean; speed: number; selection: Selection | null; layers: Record<string, { visible: boolean }>; lang: Lang; scene: string | null };

type Envelope = Msg & { wall: string; from: string; n: number; sentAt: number };

export interface LagStats {
  n: number;
  last: number;
  p50: number;
  p95: number;
  max: number;
}

function stats(xs: number[]): LagStats {
  if (!xs.length) return { n: 0, last: NaN, p50: NaN, p95: NaN, max: NaN };
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: xs.length, last: r(xs[xs.length - 1]), p50: r(q(0.5)), p95: r(q(0.95)), max: r(s[s.length - 1]) };
}

/** wall-clock ms with sub-ms resolution, comparable between pages of one machine */
const now = () => performance.timeOrigin + performance.now();

export interface WallHooks {
  map(): maplibregl.Map | null;
  scene(): string | null;
  setScene(id: string | null): void;
  onScene(fn: (id: string | null) => void): () => void;
}

export class WallSync {
  readonly id: string;
  private channel: BroadcastChannel | null = null;
  private ws: WebSocket | null = null;
  private n = 0;
  private applying = 0;
  private readonly seen = new Map<string, number>();
  private readonly peers = new Map<string, number>();
  private readonly deliver: number[] = [];
  private readonly render: number[] = [];
  private readonly unsubs: (() => void)[] = [];
  private pendingCamera = 0;
  private tick: ReturnType<typeof setInterval> | null = null;
  private map: maplibregl.Map | null = null;
  private relayState: 'off' | 'connecting' | 'open' | 'closed' = 'off';

  constructor(
    readonly spec: WallSpec,
    private readonly cockpit: Cockpit,
    private readonly hooks: WallHooks,
    private readonly relayUrl?: string,
    /** the live server's token (config.json), sent as the relay's first frame */
    private readonly token?: string,
  ) {
    this.id = `${spec.col},${spec.row}`;
  }

  get leader(): boolean {
    return this.spec.col === 0 && this.spec.row === 0;
  }

  start(): void {
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(`cockpit-wall:${this.spec.name}`);
      this.channel.onmessage = (ev) => this.receive(ev.data as Envelope);
    }
    if (this.relayUrl) this.connectRelay(this.relayUrl, 0);
    const store = this.cockpit.store;
    this.unsubs.push(
      store.subscribe((s, prev) => {
        if (this.applying) return;
        if (s.clock.playing !== prev.clock.playing || s.clock.speed !== prev.clock.speed) this.send({ kind: 'clock', time: s.clock.time, playing: s.clock.playing, speed: s.clock.speed });
        if (s.selection !== prev.selection && (s.selection?.topic !== prev.selection?.topic || s.selection?.id !== prev.selection?.id)) this.send({ kind: 'select', selection: s.selection });
        if (s.layers !== prev.layers) this.send({ kind: 'layers', layers: s.layers });
        if (s.lang !== prev.lang) this.send({ kind: 'lang', lang: s.lang });
      }),
    );
    const onSeek = (t: number) => {
      if (this.applying) return;
      const c = store.getState().clock;
      this.send({ kind: 'clock', time: t, playing: c.playing, speed: c.speed, seek: true });
    };
    this.cockpit.seekListeners.add(onSeek);
    this.unsubs.push(() => this.cockpit.seekListeners.delete(onSeek));
    this.unsubs.push(
      this.hooks.onScene((id) => {
        if (!this.applying) this.send({ kind: 'scene', scene: id });
      }),
    );
    // the keeper of the clock: a tick a second while playing
    let beats = 0;
    this.tick = setInterval(() => {
      const c = store.getState().clock;
      if (this.leader && c.playing) this.send({ kind: 'clock', time: c.time, playing: true, speed: c.speed });
      // a heartbeat every 2 s: each tile knows who is there (gone after 30 s of silence: a
      // loaded tile's timers can stall for seconds)
      if (++beats % 2 === 0) this.send({ kind: 'ping' });
      for (const [k, at] of this.peers) if (Date.now() - at > 30_000) this.peers.delete(k);
    }, 1000);
    this.send({ kind: 'hello' });
    const onResize = () => this.layout();
    window.addEventListener('resize', onResize);
    this.unsubs.push(() => window.removeEventListener('resize', onResize));
  }

  /** The map is (re)created: place this tile's slice and follow its camera. */
  attach(map: maplibregl.Map | null): void {
    this.map = map;
    if (!map) return;
    this.layout();
    const onMove = () => {
      if (this.applying || this.pendingCamera) return;
      // one message per frame at most, with the newest camera
      this.pendingCamera = requestAnimationFrame(() => {
        this.pendingCamera = 0;
        const v = this.sharedCamera();
        if (v) this.send({ kind: 'camera', view: v });
      });
    };
    map.on('move', onMove);
    // the tile's box changes (layout, window): place the slice again
    const onResize = () => this.layout();
    map.on('resize', onResize);
    this.unsubs.push(() => {
      map.off('move', onMove);
      map.off('resize', onResize);
    });
    if (!this.leader) this.send({ kind: 'hello' });
  }

  private view(): TileView {
    const c = this.map?.getContainer();
    return tileView(this.spec, c?.clientWidth ?? innerWidth, c?.clientHeight ?? innerHeight);
  }

  /** Padding that puts the shared centre at the wall's centre. */
  private layout(): void {
    const map = this.map;
    if (!map) return;
    const cam = this.sharedCamera();
    this.applying++;
    try {
      const c = map.getContainer();
      const canvas = map.getCanvas();
      if (Math.abs(canvas.clientWidth - c.clientWidth) > 1 || Math.abs(canvas.clientHeight - c.clientHeight) > 1) map.resize();
      map.setPadding(this.view().padding);
      if (cam) this.applyCamera(cam);
    } finally {
      this.applying--;
    }
  }

  /** This tile's camera as the wall's shared camera. */
  sharedCamera(): CameraView | null {
    const map = this.map;
    if (!map) return null;
    const c = map.getCenter();
    const { shift } = this.view();
    const [lon, lat] = shiftCenter(c.lng, c.lat, map.getZoom(), map.getBearing(), -shift.dx, -shift.dy);
    return { lon, lat, zoom: map.getZoom(), pitch: map.getPitch(), bearing: map.getBearing() };
  }

  private applyCamera(v: CameraView): void {
    const map = this.map;
    if (!map) return;
    const { shift } = this.view();
    const [lon, lat] = shiftCenter(v.lon, v.lat, v.zoom, v.bearing, shift.dx, shift.dy);
    map.stop();
    map.jumpTo({ center: [lon, lat], zoom: v.zoom, pitch: v.pitch, bearing: v.bearing });
  }

  private send(m: Msg): void {
    const env = { ...m, wall: this.spec.name, from: this.id, n: ++this.n, sentAt: now() } as Envelope;
    this.channel?.postMessage(env);
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(env));
  }

  private receive(m: Envelope): void {
    if (!m || m.wall !== this.spec.name || m.from === this.id) return;
    // the same message may come by BroadcastChannel and by the relay
    const key = `${m.from}#${m.n}`;
    if (this.seen.has(key)) return;
    this.seen.set(key, m.sentAt);
    if (this.seen.size > 500) for (const k of [...this.seen.keys()].slice(0, 250)) this.seen.delete(k);
    this.peers.set(m.from, Date.now());
    this.applying++;
    try {
      this.apply(m);
    } catch (e) {
      console.warn('wall sync: could not apply', m.kind, e);
    } finally {
      this.applying--;
    }
    const delivered = now() - m.sentAt;
    if (m.kind === 'camera' || m.kind === 'clock') {
      this.push(this.deliver, delivered);
      // shown: the next frame the map draws
      const map = this.map;
      if (map && m.kind === 'camera') {
        map.once('render', () => this.push(this.render, now() - m.sentAt));
        map.triggerRepaint();
      }
    }
  }

  private push(xs: number[], v: number): void {
    xs.push(v);
    if (xs.length > 1000) xs.splice(0, xs.length - 1000);
  }

  private apply(m: Envelope): void {
    const store = this.cockpit.store;
    switch (m.kind) {
      case 'hello':
        if (this.leader) this.sendState();
        return;
      case 'ping':
        return;
      case 'camera':
        this.applyCamera(m.view);
        return;
      case 'clock': {
        const s = store.getState();
        store.setState({ clock: { ...s.clock, playing: m.playing && s.clock.start < s.clock.end, speed: m.speed } });
        // a seek always; a tick only when this tile drifted more than ~150 ms of wall time
        const driftMs = Math.abs(s.clock.time - m.time) / Math.max(1, m.speed);
        if (m.seek || driftMs > 150 || !m.playing) {
          if (s.clock.time !== m.time && s.source.state === 'ready') void this.cockpit.seek(m.time).catch(() => {});
        }
        return;
      }
      case 'select':
        store.setState({ selection: m.selection });
        return;
      case 'layers': {
        const cur = store.getState().layers;
        const next = { ...cur };
        for (const [id, v] of Object.entries(m.layers)) if (cur[id]) next[id] = { visible: v.visible };
        store.setState({ layers: next });
        return;
      }
      case 'lang':
        this.cockpit.setLang(m.lang);
        return;
      case 'scene':
        this.hooks.setScene(m.scene);
        return;
      case 'state': {
        if (m.camera) this.applyCamera(m.camera);
        this.apply({ ...m, kind: 'layers' });
        this.apply({ ...m, kind: 'select' });
        this.apply({ ...m, kind: 'lang' });
        this.apply({ ...m, kind: 'scene' });
        this.apply({ ...m, kind: 'clock', seek: true });
        return;
      }
    }
  }

  private sendState(): void {
    const s = this.cockpit.store.getState();
    this.send({ kind: 'state', camera: this.sharedCamera(), time: s.clock.time, playing: s.clock.playing, speed: s.clock.speed, selection: s.selection, layers: s.layers, lang: s.lang, scene: this.hooks.scene() });
  }

  private connectRelay(url: string, attempt: number): void {
    let ws: WebSocket;
    try {
      const u = new URL(url, location.href);
      u.protocol = u.protocol === 'https:' ? 'wss:' : u.protocol === 'http:' ? 'ws:' : u.protocol;
      u.searchParams.set('name', this.spec.name);
      ws = new WebSocket(u);
    } catch (e) {
      console.warn('wall relay:', (e as Error).message);
      return;
    }
    this.ws = ws;
    this.relayState = 'connecting';
    ws.onopen = () => {
      if (this.token) ws.send(JSON.stringify({ auth: this.token }));
      this.relayState = 'open';
      attempt = 0;
      this.send({ kind: 'hello' });
    };
    ws.onmessage = (ev) => {
      try {
        this.receive(JSON.parse(String(ev.data)) as Envelope);
      } catch {
        /* not ours */
      }
    };
    ws.onclose = () => {
      this.relayState = 'closed';
      if (this.ws !== ws) return;
      // back off with jitter, up to 30 s
      const wait = Math.random() * Math.min(30_000, 500 * 2 ** attempt);
      setTimeout(() => this.ws === ws && this.connectRelay(url, attempt + 1), wait);
    };
  }

  info() {
    return {
      name: this.spec.name,
      tile: [this.spec.col, this.spec.row] as [number, number],
      grid: [this.spec.cols, this.spec.rows] as [number, number],
      leader: this.leader,
      peers: [...this.peers.keys()],
      relay: this.relayState,
      /** sent → applied on this tile (ms) */
      deliveryLag: stats(this.deliver),
      /** sent → the next frame drawn on this tile (camera messages, ms) */
      renderLag: stats(this.render),
      padding: this.map ? this.map.getPadding() : null,
    };
  }

  resetStats(): void {
    this.deliver.length = 0;
    this.render.length = 0;
  }

  stop(): void {
    for (const u of this.unsubs) u();
    if (this.tick) clearInterval(this.tick);
    this.channel?.close();
    const ws = this.ws;
    this.ws = null;
    ws?.close();
  }
}
