/**
 * The 120 lifeline: every ambulance of the city moving on the roads (interpolated along its
 * trip between position reports, see motion.ts), coloured by status, with a short fading
 * trail; emergency calls where they happen; 120 stations and receiving hospitals; the route
 * and destination of the selected ambulance. Panel: calls waiting, ambulances by status,
 * response times against the target by district. Detail: task, destination, ETA, the live
 * ECG strip and vital signs (topic `ecg`, subscribed only for the selected ambulance).
 */
import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Entity } from '../../src/data/wire';
import type { EntityTable } from '../../src/store/tables';
import type { LayerContext, LayerPlugin, TooltipContent } from '../types';
import { text } from '../types';
import { distanceAt, pointAt, trailOf, tripGeom, type TripGeom } from './motion';
import { AMB_TOPIC, CALL_TOPIC, ECG_TOPIC, HOSPITAL_TOPIC, STATION_TOPIC, STATS_TOPIC, TRIP_TOPIC, type AmbStatusName } from './topic';
import { CALL_STATUS_TEXT, KIND_TEXT, STATUS_COLOR, STATUS_TEXT, T } from './texts';
import { AmbulancePanel } from './Panel';
import { AmbulanceDetail } from './Detail';

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';
const DARK: [number, number, number, number] = [4, 16, 31, 255];
const CYAN: [number, number, number, number] = [0, 229, 255, 255];
/** trail length behind a moving ambulance, metres */
export const TRAIL_M = 600;

/** Positions of every ambulance at a time (reused buffers). */
export interface Fleet {
  n: number;
  /** lon, lat interleaved */
  positions: Float64Array;
  /** distance along its trip (NaN when not moving along one) */
  dist: Float64Array;
  colors: Uint8Array;
  geoms: (TripGeom | undefined)[];
}

let fleetBuf: Fleet = { n: 0, positions: new Float64Array(0), dist: new Float64Array(0), colors: new Uint8Array(0), geoms: [] };
let colorCache: { table: EntityTable | null; version: number } = { table: null, version: -1 };

/** Where every ambulance is at time t (interpolated along its trip). */
export function fleetAt(amb: EntityTable, trips: EntityTable, t: number): Fleet {
  const n = amb.length;
  if (fleetBuf.positions.length < 2 * n) {
    const cap = Math.max(2 * n, 64);
    fleetBuf = { n, positions: new Float64Array(cap * 2), dist: new Float64Array(cap), colors: new Uint8Array(cap * 4), geoms: [] };
    colorCache = { table: null, version: -1 };
  }
  const f = fleetBuf;
  f.n = n;
  f.geoms.length = n;
  const recolor = colorCache.table !== amb || colorCache.version !== amb.version;
  for (let r = 0; r < n; r++) {
    const e = amb.rows[r];
    const tripId = e.trip as string | undefined;
    const te = tripId ? trips.get(tripId) : undefined;
    const g = te ? tripGeom(te) : undefined;
    f.geoms[r] = g;
    const s = distanceAt(e, g, t);
    f.dist[r] = s;
    if (g && !Number.isNaN(s)) pointAt(g, s, f.positions, 2 * r);
    else {
      f.positions[2 * r] = e.lon as number;
      f.positions[2 * r + 1] = e.lat as number;
    }
    if (recolor) {
      const c = STATUS_COLOR[e.status as AmbStatusName] ?? STATUS_COLOR.available;
      f.colors.set(c, 4 * r);
    }
  }
  if (recolor) colorCache = { table: amb, version: amb.version };
  return f;
}

/** One ambulance's interpolated position now (for the detail panel and follow camera). */
export function positionOf(amb: EntityTable, trips: EntityTable, id: string, t: number): [number, number] | null {
  const e = amb.get(id);
  if (!e) return null;
  const te = e.trip ? trips.get(e.trip as string) : undefined;
  const g = te ? tripGeom(te) : undefined;
  const s = distanceAt(e, g, t);
  if (g && !Number.isNaN(s)) {
    const p = [0, 0];
    pointAt(g, s, p);
    return [p[0], p[1]];
  }
  return [e.lon as number, e.lat as number];
}

/** Binary trails: paths behind each moving ambulance, alpha fading to 0 at the tail. */
function trailsOf(f: Fleet): { length: number; startIndices: Uint32Array; positions: Float64Array; colors: Uint8Array } {
  const starts: number[] = [];
  const pos: number[] = [];
  const cols: number[] = [];
  let v = 0;
  for (let r = 0; r < f.n; r++) {
    const g = f.geoms[r];
    const s = f.dist[r];
    if (!g || Number.isNaN(s) || s <= 0) continue;
    const tr = trailOf(g, s, TRAIL_M);
    if (tr.length < 6) continue;
    starts.push(v);
    const c = f.colors.subarray(4 * r, 4 * r + 4);
    for (let i = 0; i < tr.length; i += 3) {
      pos.push(tr[i], tr[i + 1]);
      cols.push(c[0], c[1], c[2], Math.round(230 * (1 - tr[i + 2] / TRAIL_M)));
      v++;
    }
  }
  return { length: starts.length, startIndices: Uint32Array.from([...starts, v]), positions: Float64Array.from(pos), colors: Uint8Array.from(cols) };
}

const CALL_COLOR: Record<string, [number, number, number, number]> = {
  waiting: [255, 59, 48, 255],
  dispatched: [255, 138, 0, 255],
  on_scene: [255, 214, 0, 255],
  closed: [120, 140, 160, 200],
};

function build(ctx: LayerContext): Layer[] {
  const amb = ctx.table(AMB_TOPIC);
  const trips = ctx.table(TRIP_TOPIC);
  const calls = ctx.table(CALL_TOPIC);
  const stations = ctx.table(STATION_TOPIC);
  const hospitals = ctx.table(HOSPITAL_TOPIC);
  const t = ctx.time;
  const out: Layer[] = [];
  if (stations.length) {
    out.push(
      new ScatterplotLayer({
        id: 'ambulances:stations',
        data: { length: stations.length, attributes: { getPosition: { value: stations.attributes().positions, size: 2 } } } as never,
        radiusUnits: 'pixels',
        getRadius: 4,
        getFillColor: [20, 60, 90, 230],
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        getLineColor: [46, 204, 113, 255],
        pickable: true,
        updateTriggers: { getPosition: stations.version },
      }),
    );
  }
  if (hospitals.length) {
    out.push(
      new ScatterplotLayer({
        id: 'ambulances:hospitals',
        data: { length: hospitals.length, attributes: { getPosition: { value: hospitals.attributes().positions, size: 2 } } } as never,
        radiusUnits: 'pixels',
        getRadius: 7,
        getFillColor: [220, 30, 60, 255],
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        getLineColor: [255, 255, 255, 255],
        pickable: true,
        updateTriggers: { getPosition: hospitals.version },
      }),
    );
    if (ctx.zoom >= 12.5) {
      out.push(
        new TextLayer<Entity>({
          id: 'ambulances:hospital-labels',
          data: hospitals.rows,
          getPosition: (e) => [e.lon as number, e.lat as number],
          getText: (e) => String(ctx.lang === 'en' ? (e.name_en ?? e.name) : e.name),
          characterSet: 'auto',
          fontFamily: FONT,
          getSize: 13,
          getColor: [255, 200, 210, 255],
          getPixelOffset: [0, -16],
          outlineWidth: 3,
          outlineColor: DARK,
          fontSettings: { sdf: true },
          updateTriggers: { getText: ctx.lang },
        }),
      );
    }
  }
  if (calls.length) {
    // waiting calls pulse with the data clock
    const pulse = 0.5 + 0.5 * Math.sin((t / 1000) * Math.PI);
    out.push(
      new ScatterplotLayer<Entity>({
        id: 'ambulances:calls',
        data: calls.rows,
        getPosition: (e) => [e.lon as number, e.lat as number],
        radiusUnits: 'pixels',
        getRadius: (e) => (e.status === 'waiting' ? 7 + 5 * pulse : 5),
        getFillColor: (e) => {
          const c = CALL_COLOR[e.status as string] ?? CALL_COLOR.closed;
          return [c[0], c[1], c[2], e.status === 'waiting' ? 120 : 90];
        },
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        getLineColor: (e) => CALL_COLOR[e.status as string] ?? CALL_COLOR.closed,
        pickable: true,
        updateTriggers: { getRadius: [calls.version, Math.round(pulse * 10)], getFillColor: calls.version, getLineColor: calls.version, getPosition: calls.version },
      }),
    );
  }
  if (!amb.length) return out;
  const f = fleetAt(amb, trips, t);
  // the selected ambulance: its route ahead and destination
  const sel = ctx.selection?.topic === AMB_TOPIC ? amb.rowOf(ctx.selection.id) : undefined;
  if (sel !== undefined) {
    const g = f.geoms[sel];
    const s = f.dist[sel];
    if (g && !Number.isNaN(s)) {
      const ahead: [number, number][] = [[f.positions[2 * sel], f.positions[2 * sel + 1]]];
      for (let i = 0; i < g.n; i++) if (g.cum[i] > s) ahead.push([g.xy[2 * i], g.xy[2 * i + 1]]);
      out.push(
        new PathLayer({
          id: 'ambulances:route',
          data: [ahead],
          getPath: (p: [number, number][]) => p,
          getColor: [0, 229, 255, 170],
          getWidth: 5,
          widthUnits: 'pixels',
          jointRounded: true,
          capRounded: true,
          updateTriggers: { getPath: [t, sel] },
        }),
        new ScatterplotLayer({
          id: 'ambulances:destination',
          data: [ahead[ahead.length - 1]],
          getPosition: (p: [number, number]) => p,
          radiusUnits: 'pixels',
          getRadius: 10,
          filled: false,
          stroked: true,
          lineWidthUnits: 'pixels',
          getLineWidth: 3,
          getLineColor: CYAN,
          updateTriggers: { getPosition: [t, sel] },
        }),
      );
    }
  }
  const tr = trailsOf(f);
  if (tr.length) {
    out.push(
      new PathLayer({
        id: 'ambulances:trails',
        data: { length: tr.length, startIndices: tr.startIndices, attributes: { getPath: { value: tr.positions, size: 2 }, getColor: { value: tr.colors, size: 4, normalized: true } } } as never,
        _pathType: 'open',
        getWidth: 4,
        widthUnits: 'pixels',
        widthMinPixels: 2,
        capRounded: true,
        jointRounded: true,
        updateTriggers: { getPath: t, getColor: t },
      }),
    );
  }
  out.push(
    new ScatterplotLayer({
      id: 'ambulances:vehicles',
      data: { length: f.n, attributes: { getPosition: { value: f.positions.subarray(0, 2 * f.n), size: 2 }, getFillColor: { value: f.colors.subarray(0, 4 * f.n), size: 4, normalized: true } } } as never,
      radiusUnits: 'pixels',
      getRadius: 6,
      radiusMinPixels: 3,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      getLineColor: [255, 255, 255, 230],
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 90],
      updateTriggers: { getPosition: t, getFillColor: amb.version },
    }),
  );
  if (sel !== undefined) {
    out.push(
      new ScatterplotLayer({
        id: 'ambulances:selected',
        data: [sel],
        getPosition: () => [f.positions[2 * sel], f.positions[2 * sel + 1]],
        radiusUnits: 'pixels',
        getRadius: 16,
        filled: false,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        getLineColor: CYAN,
        updateTriggers: { getPosition: t },
      }),
    );
  }
  return out;
}

function pick(info: PickingInfo, ctx: LayerContext): { topic: string; id: string } | null {
  const id = info.layer?.id ?? '';
  const i = info.index;
  const at = (topic: string) => {
    const tb = ctx.table(topic);
    return i >= 0 && i < tb.length ? { topic, id: tb.ids[i] } : null;
  };
  if (id === 'ambulances:vehicles' || id === 'ambulances:selected') return id === 'ambulances:selected' && ctx.selection ? { topic: AMB_TOPIC, id: ctx.selection.id } : at(AMB_TOPIC);
  if (id === 'ambulances:calls') return at(CALL_TOPIC);
  if (id === 'ambulances:hospitals') return at(HOSPITAL_TOPIC);
  if (id === 'ambulances:stations') return at(STATION_TOPIC);
  return null;
}

const fmtMin = (s: number) => `${(s / 60).toFixed(1)}`;

function tooltip(e: Entity, topic: string, ctx: LayerContext): TooltipContent | null {
  const L = ctx.lang;
  const name = (x: Entity | undefined) => (x ? String(L === 'en' ? (x.name_en ?? x.name) : x.name) : '');
  if (topic === AMB_TOPIC) {
    const st = STATUS_TEXT[e.status as AmbStatusName];
    const rows: [string, string][] = [[T.status[L], st ? st[L] : String(e.status)]];
    rows.push([T.station[L], name(ctx.table(STATION_TOPIC).get(String(e.station))) || String(e.station)]);
    if (e.call) rows.push([T.task[L], String(e.call)]);
    if (e.hosp) rows.push([T.dest[L], name(ctx.table(HOSPITAL_TOPIC).get(String(e.hosp)))]);
    if (typeof e.eta === 'number' && e.eta > ctx.time) rows.push([T.eta[L], `${fmtMin((e.eta - ctx.time) / 1000)} ${T.min[L]}`]);
    return { title: `${L === 'en' ? 'Ambulance' : '救护车'} ${e.id}`, rows };
  }
  if (topic === CALL_TOPIC) {
    const rows: [string, string][] = [
      [T.status[L], (CALL_STATUS_TEXT[e.status as string] ?? text(String(e.status), String(e.status)))[L]],
      [T.district[L], String(e.district)],
      [T.priority[L], String(e.priority)],
    ];
    if (e.amb) rows.push([L === 'en' ? 'Ambulance' : '救护车', String(e.amb)]);
    if (typeof e.resp_s === 'number') rows.push([T.respTime[L], `${fmtMin(e.resp_s)} ${T.min[L]}`]);
    return { title: `${T.calls[L]} ${e.id} · ${(KIND_TEXT[e.kind as string] ?? text(String(e.kind), String(e.kind)))[L]}`, rows };
  }
  if (topic === HOSPITAL_TOPIC) {
    const rows: [string, string][] = [[T.grade[L], e.grade === 3 ? (L === 'en' ? 'Tertiary' : '三级') : L === 'en' ? 'Secondary' : '二级']];
    if (e.chest_pain) rows.push([T.chestPain[L], '✓']);
    if (e.approximate) rows.push(['', T.approx[L]]);
    return { title: name(e), rows };
  }
  if (topic === STATION_TOPIC) return { title: name(e), rows: [[T.fleet[L], String(e.fleet)]] };
  return null;
}

const ambulances: LayerPlugin = {
  id: 'ambulances',
  title: T.title,
  topics: [AMB_TOPIC, CALL_TOPIC, HOSPITAL_TOPIC, STATION_TOPIC, TRIP_TOPIC, STATS_TOPIC, ECG_TOPIC],
  defaultVisible: true,
  animated: true,
  build,
  pick,
  tooltip,
  legend() {
    return {
      items: [
        ...(Object.keys(STATUS_COLOR) as AmbStatusName[]).map((k) => ({ color: STATUS_COLOR[k], label: STATUS_TEXT[k], shape: 'dot' as const })),
        { color: CALL_COLOR.waiting, label: text('等待派车的呼救', 'Call waiting'), shape: 'dot' as const },
        { color: [220, 30, 60, 255], label: text('医院（位置近似）', 'Hospital (approx. position)'), shape: 'dot' as const },
      ],
      note: text('模拟数据', 'Simulated'),
    };
  },
  Panel: AmbulancePanel,
  Detail: AmbulanceDetail,
};

export default ambulances;
