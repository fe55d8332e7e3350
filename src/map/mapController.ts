/**
 * The one map: MapLibre basemap with one deck.gl instance interleaved in its WebGL
 * context. It subscribes to the store outside React: a data update rebuilds the deck.gl
 * layer list (each plugin's build is cheap; its buffers update by table version) and
 * never re-renders the React tree. The canvas gets the real pixels of its box: no CSS
 * transform anywhere above it.
 */
import maplibregl from 'maplibre-gl';
import { Protocol as PMTilesProtocol } from 'pmtiles';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Cockpit } from '../app/cockpit';
import type { LayerContext, LayerPlugin } from '../../layers/types';
import type { CockpitState } from '../store/store';
import type { Entity } from '../data/wire';
import { BASEMAP_STYLE_URL, LABEL_LAYER_IDS, textField } from '../geo/basemapStyle';

// a configured style may use a PMTiles basemap (pmtiles://…), e.g. one built by
// mock-data/geo/osm-pipeline.ts from an OpenStreetMap extract
let pmtilesRegistered = false;
function registerPmtiles(): void {
  if (pmtilesRegistered) return;
  pmtilesRegistered = true;
  const protocol = new PMTilesProtocol();
  maplibregl.addProtocol('pmtiles', protocol.tile);
}

export const FALLBACK_STYLE: maplibregl.StyleSpecification = {
  version: 8,
  name: 'cockpit-fallback',
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#04101f' } }],
};

async function fetchStyle(url: string): Promise<maplibregl.StyleSpecification> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const style = (await res.json()) as maplibregl.StyleSpecification;
  if (!style || style.version !== 8 || !Array.isArray(style.layers)) throw new Error('not a MapLibre style (version 8)');
  return style;
}

export class MapController {
  readonly map: maplibregl.Map;
  private overlay: MapLibreOverlay;
  private readonly unsubscribe: () => void;
  private readonly pluginUnsubs: (() => void)[] = [];
  private readonly unsubLang: () => void;
  private firstFrameMarked = false;
  private basemapHasBuildings = false;
  private readonly failedLayers = new Set<string>();
  private scheduled = 0;

  constructor(
    container: HTMLElement,
    private readonly cockpit: Cockpit,
    private readonly plugins: readonly LayerPlugin[],
  ) {
    const { camera, basemap } = cockpit.config;
    registerPmtiles();
    this.map = new maplibregl.Map({
      container,
      style: FALLBACK_STYLE,
      center: [camera.lon, camera.lat],
      zoom: camera.zoom,
      pitch: camera.pitch,
      bearing: camera.bearing,
      maxPitch: 70,
      attributionControl: false,
      localIdeographFontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif',
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      // video walls: MapLibre's default cap (4096 px) would blur a 5760- or 7680-px map
      maxCanvasSize: [16384, 16384],
    });
    this.map.addControl(new maplibregl.AttributionControl({ compact: true }), 'bottom-right');
    this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.overlay = this.createOverlay();
    // a click (MapLibre: no drag between down and up) picks what is under the pointer
    this.map.on('click', (ev) => {
      const at = { x: ev.point.x, y: ev.point.y };
      const picked = this.overlay.pickObject({ ...at, radius: 4 });
      this.onClick(picked ?? ({ ...at, picked: false, coordinate: [ev.lngLat.lng, ev.lngLat.lat] } as unknown as PickingInfo));
    });
    this.map.addControl(this.overlay as unknown as maplibregl.IControl);
    // a lost WebGL context (GPU reset, driver update, too many contexts) comes back without a
    // reload: MapLibre rebuilds its painter; deck.gl's GPU resources died with the old
    // context, so a fresh overlay is attached to the restored one
    const canvas = this.map.getCanvas();
    // luma.gl (deck.gl's GPU layer) keeps its device (programs, pipelines) in `gl.luma`, its
    // state cache in `gl.lumaState`, and wraps the context's state setters on the context
    // object itself; all of that survives a restore and would skip or misdirect GL calls (its
    // cache no longer matches the reset context): unwrap at once, drop the rest on restore
    const glOf = () => (this.map.getCanvas().getContext('webgl2') ?? {}) as Record<string, unknown>;
    canvas.addEventListener('webglcontextlost', (ev) => {
      const gl = glOf();
      for (const k of Object.keys(gl)) if (typeof gl[k] === 'function') delete gl[k];
      ev.preventDefault(); // tells the browser we will restore
      cockpit.store.setState({ glContext: 'lost' });
    });
    canvas.addEventListener('webglcontextrestored', () => {
      try {
        this.map.removeControl(this.overlay as unknown as maplibregl.IControl);
      } catch (e) {
        console.warn('removing the lost deck.gl overlay:', e);
      }
      // a fresh luma.gl device for the fresh overlay (see the loss handler)
      delete glOf().luma;
      delete glOf().lumaState;
      this.overlay = this.createOverlay();
      this.map.addControl(this.overlay as unknown as maplibregl.IControl);
      cockpit.store.setState({ glContext: 'ok' });
      this.schedule();
      this.map.triggerRepaint();
    });
    void this.loadStyle(basemap.style);
    // tiles of a configured basemap (e.g. a PMTiles file) that cannot be loaded
    this.map.on('error', (ev: { error?: Error; sourceId?: string }) => {
      if (this.styleUrl !== BASEMAP_STYLE_URL && !this.fellBack && ev.sourceId) this.fallBack(this.styleUrl, `source ${ev.sourceId}: ${ev.error?.message ?? 'failed to load'}`);
    });

    // the basemap's labels follow the UI language
    const localize = () => {
      const lang = cockpit.store.getState().lang;
      for (const id of LABEL_LAYER_IDS) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'text-field', textField(lang));
    };
    this.map.on('style.load', localize);
    // a real basemap with building footprints replaces the simulated city fabric
    this.map.on('style.load', () => {
      const has = this.map.getStyle().layers.some((l) => 'source-layer' in l && l['source-layer'] === 'building');
      if (has !== this.basemapHasBuildings) {
        this.basemapHasBuildings = has;
        this.schedule();
      }
    });
    this.unsubLang = cockpit.store.subscribe((s, prev) => {
      if (s.lang !== prev.lang && this.map.isStyleLoaded()) localize();
    });

    const setZoom = () => {
      const z = Math.round(this.map.getZoom() * 4) / 4;
      if (z !== cockpit.store.getState().zoom) cockpit.store.setState({ zoom: z });
    };
    this.map.on('zoom', setZoom);
    const setPitch = () => {
      const p = Math.round(this.map.getPitch());
      if (p !== cockpit.store.getState().pitch) cockpit.store.setState({ pitch: p });
    };
    this.map.on('pitch', setPitch);
    setZoom();

    this.unsubscribe = cockpit.store.subscribe((s, prev) => {
      if (
        s.tablesVersion !== prev.tablesVersion ||
        s.layers !== prev.layers ||
        s.selection !== prev.selection ||
        s.lang !== prev.lang ||
        s.zoom !== prev.zoom ||
        s.pitch !== prev.pitch ||
        s.assets !== prev.assets ||
        s.dataTime !== prev.dataTime ||
        // live: layers that move between messages follow the wall clock every frame
        (s.clock.time !== prev.clock.time && s.source.kind !== 'replay' && this.animating(s))
      )
        this.schedule();
    });
    for (const p of plugins) {
      if (!p.subscribe) continue;
      try {
        this.pluginUnsubs.push(
          p.subscribe(() => {
            this.schedule();
            // React parts (legends, tooltips, panels) read layer state too
            cockpit.store.setState((st) => ({ layerStateVersion: st.layerStateVersion + 1 }));
          }),
        );
      } catch (e) {
        console.error(`layer ${p.id} failed to subscribe:`, e);
      }
    }
    cockpit.setCamera({
      flyTo: ({ lon, lat, zoom }) => this.map.flyTo({ center: [lon, lat], zoom: zoom ?? Math.max(this.map.getZoom(), 14), speed: 1.4, essential: true }),
      get: () => {
        const c = this.map.getCenter();
        return { lon: c.lng, lat: c.lat, zoom: this.map.getZoom(), pitch: this.map.getPitch(), bearing: this.map.getBearing() };
      },
      fitBounds: (b) => this.map.fitBounds(b, { padding: 40, duration: 1200, essential: true }),
      idle: () =>
        new Promise<void>((resolve) => {
          // after pending layer updates are drawn: a fresh frame, then MapLibre's idle
          requestAnimationFrame(() => {
            this.map.once('idle', () => resolve());
            this.map.triggerRepaint();
          });
        }),
      set: (v, duration = 0) => {
        // only the fields given: an undefined pitch would break MapLibre's matrices
        const opts: maplibregl.JumpToOptions = {};
        if (v.lon !== undefined && v.lat !== undefined) opts.center = [v.lon, v.lat];
        if (v.zoom !== undefined) opts.zoom = v.zoom;
        if (v.pitch !== undefined) opts.pitch = v.pitch;
        if (v.bearing !== undefined) opts.bearing = v.bearing;
        if (duration > 0) this.map.easeTo({ ...opts, duration, essential: true });
        else this.map.jumpTo(opts);
      },
    });
    this.schedule();
  }

  private createOverlay(): MapLibreOverlay {
    return new MapLibreOverlay({
      interleaved: true,
      layers: [],
      getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
      onHover: (info) => this.onHover(info),
      // clicks come from MapLibre's own click event (see the constructor), not deck.gl's
      // tap recogniser, which misses taps while a slow frame blocks the main thread
      // a layer that throws inside deck.gl (bad data in an accessor, a shader error) is
      // reported in its legend; deck.gl goes on drawing the others
      onError: (error, layer) => {
        const pid = layer?.id ? layer.id.split(':')[0] : null;
        if (pid && this.plugins.some((p) => p.id === pid)) this.layerFailed(pid, error);
        else console.error('deck.gl:', error);
      },
    });
  }

  /** Record a layer's failure once (console + store); the legend shows it. */
  private layerFailed(id: string, e: unknown): void {
    const msg = e instanceof Error ? e.message : String(e);
    const errors = this.cockpit.store.getState().layerErrors;
    if (errors[id] === msg) return;
    if (!this.failedLayers.has(id)) console.error(`layer ${id} failed:`, e);
    this.failedLayers.add(id);
    this.cockpit.store.setState({ layerErrors: { ...errors, [id]: msg } });
  }

  private styleUrl = '';
  private fellBack = false;

  /** Load a style; a configured one that fails falls back to the embedded basemap, with a notice. */
  private async loadStyle(url: string): Promise<void> {
    this.styleUrl = url;
    try {
      const style = await fetchStyle(url);
      this.map.setStyle(style);
    } catch (e) {
      this.fallBack(url, (e as Error).message);
    }
  }

  private fallBack(url: string, reason: string): void {
    const notices = this.cockpit.store.getState().notices.filter((n) => n.id !== 'basemap');
    this.cockpit.store.setState({ notices: [...notices, { id: 'basemap', level: 'error', text: `basemap ${url}: ${reason} — using the embedded basemap` }] });
    if (url !== BASEMAP_STYLE_URL && !this.fellBack) {
      this.fellBack = true;
      void this.loadStyle(BASEMAP_STYLE_URL);
    } else this.map.setStyle(FALLBACK_STYLE);
  }

  /** Coalesce redraw requests into one per animation frame. */
  private animating(s: CockpitState): boolean {
    return this.plugins.some((p) => p.animated && s.layers[p.id]?.visible);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = requestAnimationFrame(() => {
      this.scheduled = 0;
      this.redraw();
    });
  }

  context(s: CockpitState = this.cockpit.store.getState()): LayerContext {
    const tables = this.cockpit.tables;
    return {
      tables,
      table: (topic) => tables.table(topic),
      // replay: the time the tables are at; live: the tables are the state now, and the
      // wall clock moves on between messages (animated layers interpolate to it)
      time: s.source.kind !== 'replay' ? Math.max(s.dataTime, s.clock.time) : s.dataTime,
      epoch: s.clock.start,
      selection: s.selection,
      lang: s.lang,
      zoom: s.zoom,
      pitch: s.pitch,
      asset: <T,>(name: string) => s.assets[name] as T | undefined,
      basemap: { hasBuildings: this.basemapHasBuildings },
    };
  }

  redraw(): void {
    const s = this.cockpit.store.getState();
    const ctx = this.context(s);
    const out: Layer[] = [];
    for (const p of this.plugins) {
      const visible = s.layers[p.id]?.visible ?? false;
      if (!visible) continue;
      try {
        out.push(...p.build(ctx));
      } catch (e) {
        this.layerFailed(p.id, e);
      }
    }
    this.overlay.setProps({ layers: out });
    if (!this.firstFrameMarked && s.tablesVersion > 0 && s.source.state === 'ready' && out.length) {
      this.firstFrameMarked = true;
      // the first frame drawn with data: for the cold-start benchmark
      this.map.once('render', () => performance.mark('cockpit:first-frame'));
      this.map.triggerRepaint();
    }
  }

  private pluginOf(info: PickingInfo): LayerPlugin | undefined {
    const id = info.layer?.id ?? '';
    const pid = id.split(':')[0];
    return this.plugins.find((p) => p.id === pid);
  }

  private entityOf(info: PickingInfo): { topic: string; id: string; plugin: LayerPlugin } | null {
    if (!info.picked || !info.layer) return null;
    const plugin = this.pluginOf(info);
    if (!plugin) return null;
    const ctx = this.context();
    const ref = plugin.pick ? plugin.pick(info, ctx) : plugin.topics[0] ? { topic: plugin.topics[0], id: ctx.table(plugin.topics[0]).ids[info.index] } : null;
    return ref && ref.id !== undefined ? { ...ref, plugin } : null;
  }

  private onHover(info: PickingInfo): void {
    const e = this.entityOf(info);
    const cur = this.cockpit.store.getState().hover;
    if (!e) {
      if (cur) this.cockpit.store.setState({ hover: null });
      return;
    }
    const tables = this.cockpit.tables;
    const obj = info.object as { properties?: Entity } | Entity | undefined;
    const entity = (tables.has(e.topic) ? tables.table(e.topic).get(e.id) : undefined) ?? (obj && 'properties' in obj && obj.properties ? (obj.properties as Entity) : (obj as Entity | undefined));
    if (!entity) return;
    this.cockpit.store.setState({ hover: { topic: e.topic, id: e.id, x: info.x, y: info.y, layerId: e.plugin.id, entity } });
  }

  private onClick(clicked: PickingInfo): void {
    // interleaved in MapLibre, deck.gl's click info can arrive unpicked: pick again there
    let info = clicked;
    if (!info.picked) {
      const again = this.overlay.pickObject({ x: info.x, y: info.y, radius: 4 });
      if (again?.picked) info = again;
    }
    let e: { topic: string; id: string } | null = this.entityOf(info);
    // … and if it still has nothing, the object under the pointer is the one hovered
    const hover = this.cockpit.store.getState().hover;
    if (!e && hover && Math.hypot(hover.x - clicked.x, hover.y - clicked.y) <= 6) e = { topic: hover.topic, id: hover.id };
    if (!e && info.coordinate) {
      // empty map: a layer's tool may take the click (top layer first)
      const ctx = this.context();
      const visible = this.cockpit.store.getState().layers;
      const at = { lon: info.coordinate[0], lat: info.coordinate[1] };
      for (let i = this.plugins.length - 1; i >= 0; i--) {
        const p = this.plugins[i];
        if (!p.onMapClick || !visible[p.id]?.visible) continue;
        try {
          if (p.onMapClick(at, ctx)) return;
        } catch (err) {
          console.error(`layer ${p.id} failed on a map click:`, err);
        }
      }
    }
    this.cockpit.store.setState({ selection: e ? { topic: e.topic, id: e.id } : null });
  }

  destroy(): void {
    this.unsubscribe();
    for (const u of this.pluginUnsubs) u();
    this.unsubLang();
    if (this.scheduled) cancelAnimationFrame(this.scheduled);
    this.cockpit.setCamera(null);
    this.map.remove();
  }
}
