/**
 * Parking: "the whole city is one car park". About 300,000 spaces in a few thousand
 * enclosed car parks and kerbside sections, coloured by occupancy.
 *
 *  - City zoom: hexagonal areas (colour = occupancy, height = free spaces when the map is
 *    tilted), aggregated incrementally (hexbin.ts): geometry uploaded once, only colours and
 *    heights change with the data.
 *  - Street zoom: each car park (dot sized by capacity, kerbside sections as lines)
 *    coloured by occupancy, with its free count from zoom 15. The two cross-fade by zoom.
 *  - Find parking: an origin (map click while the tool is armed, or a place searched in the
 *    panel), lines to the nearest car parks with free spaces, the route to the one chosen
 *    with its live free count (tool.ts, search.ts).
 *
 * Data: topics `carparks` (static) and `parking` (free spaces, deltas) joined by id
 * (view.ts), and `parking-city` (city totals for the day's curve). See docs/parking.md.
 */
import { ColumnLayer, LineLayer, PathLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { LayerContext, LayerPlugin, TooltipContent } from '../types';
import { text } from '../types';
import { OCC_CLASSES, occColor } from './colors';
import { AREA_TOPIC, hexAggregator, type Hex } from './hexbin';
import { ParkingDetail, ParkingPanel } from './Panel';
import { fmtInt, fmtPct, T, TYPE_TEXT } from './texts';
import { searchFrom, toolStore } from './tool';
import { parkingView, searchInputOf, type ParkingView, type StaticPart } from './view';
import { CARPARK_TOPIC, PARKING_TOPIC, CITY_TOPIC, type CarparkType } from './topic';

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';
const DARK: [number, number, number, number] = [4, 16, 31, 255];
const CYAN: [number, number, number, number] = [0, 229, 255, 255];

/** Zoom bands: hexagons fade out 12.5 → 14, car parks fade in 12.5 → 14, free counts from 15. */
export const ZOOM = { coarseBelow: 11.75, fadeFrom: 12.5, fadeTo: 14, labelsFrom: 15 };

const view = parkingView();
const coarse = hexAggregator(1000);
const fine = hexAggregator(400);

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** Stable binary attribute wrappers for the static part (so deck.gl uploads them once). */
let staticAttrs: { s: StaticPart; position: object; radius: object; kerbSource: object; kerbTarget: object } | null = null;
function staticAttributes(s: StaticPart) {
  if (staticAttrs?.s === s) return staticAttrs;
  const radius = new Float32Array(s.n);
  for (let r = 0; r < s.n; r++) radius[r] = Math.max(3.5, Math.min(14, 2.5 + Math.sqrt(s.capacity[r] || 0) / 3));
  const k = s.kerbRows.length;
  const src = new Float64Array(2 * k);
  const dst = new Float64Array(2 * k);
  for (let i = 0; i < k; i++) {
    src[2 * i] = s.kerbLines[4 * i];
    src[2 * i + 1] = s.kerbLines[4 * i + 1];
    dst[2 * i] = s.kerbLines[4 * i + 2];
    dst[2 * i + 1] = s.kerbLines[4 * i + 3];
  }
  staticAttrs = {
    s,
    position: { value: s.positions, size: 2 },
    radius: { value: radius, size: 1 },
    kerbSource: { value: src, size: 2 },
    kerbTarget: { value: dst, size: 2 },
  };
  return staticAttrs;
}

/** Free-count labels: refreshed at most twice a second (text layout is the costly part). */
const LABEL_MS = 500;
let labels: { s: StaticPart | null; version: number; at: number; text: string[]; viewVersion: number } = { s: null, version: 0, at: 0, text: [], viewVersion: -1 };
let redrawSoon: (() => void) | null = null;
let labelTimer: ReturnType<typeof setTimeout> | null = null;
function labelTexts(v: ParkingView, lang: 'zh' | 'en'): typeof labels {
  const now = typeof performance !== 'undefined' ? performance.now() : Date.now();
  if (labels.s === v.s && labels.viewVersion === v.version) return labels;
  if (labels.s === v.s && now - labels.at < LABEL_MS) {
    if (!labelTimer && redrawSoon) labelTimer = setTimeout(() => ((labelTimer = null), redrawSoon?.()), LABEL_MS - (now - labels.at) + 10);
    return labels;
  }
  const text = new Array<string>(v.s.n);
  for (let r = 0; r < v.s.n; r++) text[r] = Number.isNaN(v.free[r]) ? '–' : v.free[r] === 0 ? T.full[lang] : String(v.free[r]);
  labels = { s: v.s, version: labels.version + 1, at: now, text, viewVersion: v.version };
  return labels;
}

let rowIndex: { s: StaticPart; rows: number[] } | null = null;
const rowsOf = (s: StaticPart) => (rowIndex?.s === s ? rowIndex.rows : (rowIndex = { s, rows: Array.from({ length: s.n }, (_, i) => i) }).rows);

function posOf(s: StaticPart, r: number): [number, number] {
  return [s.positions[2 * r], s.positions[2 * r + 1]];
}

function build(ctx: LayerContext): Layer[] {
  const v = view(ctx.tables);
  const s = v.s;
  const tool = toolStore.getState();
  const z = ctx.zoom;
  const out: Layer[] = [];
  if (s.n === 0 && !tool.origin) return out;
  const pickable = !tool.armed;
  const hexAlpha = clamp01((ZOOM.fadeTo - z) / (ZOOM.fadeTo - ZOOM.fadeFrom));
  const pointAlpha = clamp01((z - ZOOM.fadeFrom) / (ZOOM.fadeTo - ZOOM.fadeFrom));

  if (s.n > 0 && hexAlpha > 0) {
    const agg = (z < ZOOM.coarseBelow ? coarse : fine)(v);
    out.push(
      new ColumnLayer<Hex>({
        id: `parking:hex-${agg.radiusM}`,
        data: agg.hexes,
        diskResolution: 6,
        radius: agg.radiusM,
        coverage: 0.9,
        // columns when the map is tilted at city zoom; flat seen from above (exact legend
        // colours) and for the 400 m areas closer in (tall columns would hide the car parks)
        extruded: agg.radiusM >= 1000 && (ctx.pitch ?? 0) > 5,
        getPosition: (h) => h.position,
        getFillColor: (h) => h.color,
        getElevation: (h) => h.elevation,
        // heights in proportion to the view: a 1.5 km column at city zoom, lower as the camera
        // comes down (a tall column seen from close by hides its neighbours)
        elevationScale: Math.min(1, 2 ** (11 - z)),
        updateTriggers: { getFillColor: agg.version, getElevation: agg.version },
        opacity: 0.78 * hexAlpha,
        pickable,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 70],
      }),
    );
  }

  if (s.n > 0 && pointAlpha > 0) {
    const a = staticAttributes(s);
    if (s.kerbRows.length) {
      out.push(
        new LineLayer({
          id: 'parking:kerb',
          data: { length: s.kerbRows.length, attributes: { getSourcePosition: a.kerbSource, getTargetPosition: a.kerbTarget, getColor: { value: v.kerbColors, size: 4, normalized: true } } } as never,
          widthUnits: 'pixels',
          getWidth: 5,
          opacity: pointAlpha,
          pickable,
        }),
      );
    }
    out.push(
      new ScatterplotLayer({
        id: 'parking:points',
        data: { length: s.n, attributes: { getPosition: a.position, getRadius: a.radius, getFillColor: { value: v.colors, size: 4, normalized: true } } } as never,
        radiusUnits: 'pixels',
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
        getLineColor: DARK,
        opacity: pointAlpha,
        pickable,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 90],
      }),
    );
    if (z >= ZOOM.labelsFrom) {
      const lt = labelTexts(v, ctx.lang);
      out.push(
        new TextLayer<number>({
          id: 'parking:free-labels',
          data: rowsOf(s),
          getPosition: (r) => posOf(s, r),
          getText: (r) => lt.text[r] ?? '',
          characterSet: 'auto',
          fontFamily: FONT,
          fontWeight: 700,
          getSize: 14,
          getColor: [255, 255, 255, 255],
          getPixelOffset: [0, -16],
          outlineWidth: 3,
          outlineColor: DARK,
          fontSettings: { sdf: true },
          updateTriggers: { getText: [lt.version, ctx.lang], getPosition: s.version },
        }),
      );
    }
  }

  // the selected car park
  const sel = ctx.selection?.topic === CARPARK_TOPIC ? s.table.rowOf(ctx.selection.id) : undefined;
  if (sel !== undefined) {
    out.push(
      new ScatterplotLayer({
        id: 'parking:selected',
        data: [sel],
        getPosition: (r: number) => posOf(s, r),
        radiusUnits: 'pixels',
        getRadius: 20,
        filled: false,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        getLineColor: CYAN,
      }),
    );
  }

  // find parking: origin, lines to the candidates, the route
  if (tool.origin) {
    const o: [number, number] = [tool.origin.lon, tool.origin.lat];
    const list = tool.candidates.map((c, i) => ({ id: c.id, rank: String(i + 1) }));
    // a car park routed to from its detail panel, not among the candidates
    if (tool.chosen && !list.some((c) => c.id === tool.chosen)) list.push({ id: tool.chosen, rank: '→' });
    const cands = list.map((c) => ({ ...c, row: s.table.rowOf(c.id) })).filter((c): c is { id: string; rank: string; row: number } => c.row !== undefined);
    if (tool.route) {
      out.push(
        new PathLayer({
          id: 'parking:route',
          data: [tool.route],
          getPath: (rt: typeof tool.route) => rt!.coords,
          getColor: tool.route.straight ? [0, 229, 255, 160] : CYAN,
          getWidth: 6,
          widthUnits: 'pixels',
          jointRounded: true,
          capRounded: true,
          updateTriggers: { getPath: tool.version },
        }),
      );
    }
    out.push(
      new LineLayer({
        id: 'parking:cand-lines',
        data: cands,
        getSourcePosition: () => o,
        getTargetPosition: (c) => posOf(s, c.row),
        getColor: (c) => {
          const col = occColor(v.occ[c.row]);
          return [col[0], col[1], col[2], c.id === tool.chosen ? 255 : 200];
        },
        getWidth: (c) => (c.id === tool.chosen ? 1.5 : 2.5),
        widthUnits: 'pixels',
        pickable: true,
        updateTriggers: { getColor: [v.version, tool.version], getWidth: tool.version, getSourcePosition: tool.version, getTargetPosition: [tool.version, s.version] },
      }),
      new ScatterplotLayer({
        id: 'parking:origin',
        data: [o],
        getPosition: (p: [number, number]) => p,
        radiusUnits: 'pixels',
        getRadius: 9,
        getFillColor: [255, 255, 255, 255],
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        getLineColor: CYAN,
        updateTriggers: { getPosition: tool.version },
      }),
      new ScatterplotLayer({
        id: 'parking:cand-dots',
        data: cands,
        getPosition: (c) => posOf(s, c.row),
        radiusUnits: 'pixels',
        getRadius: (c) => (c.id === tool.chosen ? 13 : 10),
        getFillColor: (c) => occColor(v.occ[c.row]),
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: (c) => (c.id === tool.chosen ? 3 : 2),
        getLineColor: (c) => (c.id === tool.chosen ? CYAN : [255, 255, 255, 255]),
        pickable: true,
        updateTriggers: { getFillColor: [v.version, tool.version], getRadius: tool.version, getLineWidth: tool.version, getLineColor: tool.version, getPosition: [tool.version, s.version] },
      }),
      new TextLayer({
        id: 'parking:cand-labels',
        data: cands,
        getPosition: (c) => posOf(s, c.row),
        getText: (c) => {
          const f = v.free[c.row];
          const n = Number.isNaN(f) ? '–' : f === 0 ? T.full[ctx.lang] : `${f}`;
          return c.id === tool.chosen ? `${c.rank} · ${T.freeNow[ctx.lang]} ${n}` : `${c.rank} · ${n}`;
        },
        characterSet: 'auto',
        fontFamily: FONT,
        fontWeight: 700,
        getSize: (c) => (c.id === tool.chosen ? 18 : 15),
        getColor: (c) => (c.id === tool.chosen ? CYAN : [255, 255, 255, 255]),
        getPixelOffset: [0, -22],
        outlineWidth: 3,
        outlineColor: DARK,
        fontSettings: { sdf: true },
        pickable: true,
        updateTriggers: { getText: [v.version, tool.version, ctx.lang], getSize: tool.version, getColor: tool.version, getPosition: [tool.version, s.version] },
      }),
    );
  }
  // tool armed: a transparent sheet over the city takes the next click (see `pick`: it
  // answers null, so the map hands the click to `onMapClick` with its position). Without it a
  // click on the district polygons would select a district, and a click on nothing at all
  // reaches the map without a coordinate (deck.gl 9 interleaved).
  if (tool.armed) {
    out.push(
      new SolidPolygonLayer<number[][]>({
        id: 'parking:click-sheet',
        data: [CITY_SHEET],
        getPolygon: (p) => p as unknown as [number, number][],
        getFillColor: [0, 0, 0, 1],
        pickable: true,
      }),
    );
  }
  return out;
}

/** The whole municipality and around it, [lon, lat]. */
const CITY_SHEET = [
  [112.4, 33.9],
  [114.6, 33.9],
  [114.6, 35.3],
  [112.4, 35.3],
];

function pick(info: PickingInfo, ctx: LayerContext): { topic: string; id: string } | null {
  const id = info.layer?.id ?? '';
  // while the find-parking tool is armed the next click is a place, not a car park (the
  // layers are also drawn unpickable then, but a click can land before that redraw)
  if (toolStore.getState().armed) return null;
  const v = view(ctx.tables);
  if (id === 'parking:points') return info.index >= 0 && info.index < v.s.n ? { topic: CARPARK_TOPIC, id: v.s.ids[info.index] } : null;
  if (id === 'parking:kerb') {
    const r = v.s.kerbRows[info.index];
    return r === undefined ? null : { topic: CARPARK_TOPIC, id: v.s.ids[r] };
  }
  if (id.startsWith('parking:hex-')) {
    const h = info.object as Hex | undefined;
    return h ? { topic: AREA_TOPIC, id: h.id } : null;
  }
  if (id.startsWith('parking:cand-')) {
    const c = info.object as { id?: string } | undefined;
    return c?.id ? { topic: CARPARK_TOPIC, id: c.id } : null;
  }
  return null;
}

function tooltip(e: Record<string, unknown> & { id: string }, topic: string, ctx: LayerContext): TooltipContent | null {
  const lang = ctx.lang;
  const v = view(ctx.tables);
  if (topic === AREA_TOPIC) {
    const h = e as unknown as Hex;
    return {
      title: `${T.area[lang]} · ${T.areaHint[lang]}`,
      rows: [
        [T.carparks[lang], fmtInt(h.carparks, lang)],
        [T.capacity[lang], fmtInt(h.capacity, lang)],
        [T.free[lang], fmtInt(h.free, lang)],
        [T.occupancy[lang], fmtPct(h.occ)],
      ],
    };
  }
  if (topic !== CARPARK_TOPIC) return null;
  const r = v.s.table.rowOf(e.id);
  const type = e.type as CarparkType;
  const rows: [string, string][] = [
    [T.type[lang], (TYPE_TEXT[type] ?? text(String(e.type), String(e.type)))[lang]],
    [T.district[lang], String(lang === 'en' ? (e.district_en ?? e.district) : e.district)],
    [T.capacity[lang], fmtInt(Number(e.capacity), lang)],
  ];
  if (r !== undefined) {
    const f = v.free[r];
    rows.push([T.free[lang], Number.isNaN(f) ? T.noReading[lang] : f === 0 ? T.full[lang] : fmtInt(f, lang)]);
    rows.push([T.occupancy[lang], fmtPct(v.occ[r])]);
  }
  rows.push([T.kind[lang], (e.kind === 'kerbside' ? T.kerbside : T.enclosed)[lang]]);
  if (e.approximate) rows.push(['', T.approximate[lang]]);
  return { title: String(lang === 'en' ? (e.name_en ?? e.name ?? e.id) : (e.name ?? e.id)), rows };
}

const parking: LayerPlugin = {
  id: 'parking',
  title: text('停车', 'Parking'),
  topics: [CARPARK_TOPIC, PARKING_TOPIC, CITY_TOPIC],
  defaultVisible: true,
  assets: { 'parking.roads': '/geo/roads.geojson', 'parking.water': '/geo/water.geojson', districts: '/geo/districts.geojson' },
  build,
  pick,
  tooltip,
  legend() {
    return {
      items: [
        ...OCC_CLASSES.map((c) => ({ color: c.color, label: c.label, shape: 'fill' as const })),
        { color: [120, 140, 160, 200], label: T.noReading, shape: 'dot' as const },
        { color: OCC_CLASSES[0].color, label: T.kerbside, shape: 'line' as const },
      ],
      note: T.legendNote,
    };
  },
  Panel: ParkingPanel,
  Detail: ParkingDetail,
  subscribe(redraw) {
    redrawSoon = redraw;
    const unsub = toolStore.subscribe(() => redraw());
    return () => {
      unsub();
      if (redrawSoon === redraw) redrawSoon = null;
    };
  },
  onMapClick(at, ctx) {
    if (!toolStore.getState().armed) return false;
    const v = view(ctx.tables);
    searchFrom({ lon: at.lon, lat: at.lat, label: null }, searchInputOf(v));
    return true;
  },
};

export default parking;
