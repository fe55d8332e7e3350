/**
 * Community risk tiers: Zhengzhou's 10,806 residential communities in three colours.
 *
 * Two views that cross-fade by zoom (model.ts `cityViewWeight`):
 *  - city: the 16 districts shaded by risk (the worst tier present, deeper with the share
 *    of red and yellow communities), with red/yellow counts under the district names;
 *  - district and closer: every community as its own outline (or a point) in its tier
 *    colour. A district in focus (selected, or the district of the selected community)
 *    shows its communities at any zoom; the others are drawn faint.
 *
 * Recolouring after tier changes is incremental (render.ts): only the changed rows'
 * vertices are rewritten; the geometry keeps its identity, so deck.gl does not
 * re-tessellate the 10,806 outlines.
 */
import { GeoJsonLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer, PathLayer } from '@deck.gl/layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { LayerContext, LayerPlugin, RGBA } from '../types';
import { text } from '../types';
import { ago, cityViewWeight, districtIndex, districtInfo, outlineOf, shortTime, STATS_TOPIC, TIER_COLORS, TIER_TEXT, TIERS, TOPIC, timeField, type Tier } from './model';
import { communityIndex, type CommunityIndex } from './state';
import { CommunityRenderer } from './render';
import { focusOf } from './nav';
import { CommunitiesPanel } from './Panel';
import { CommunityDetail } from './Detail';

interface DistrictProps {
  code: string;
  name_zh: string;
  name_en: string;
  center: [number, number];
}
interface DistrictFeature {
  type: 'Feature';
  properties: DistrictProps;
  geometry: unknown;
}
interface FC {
  type: 'FeatureCollection';
  features: DistrictFeature[];
}

/** One renderer per page (there is one map). */
const renderer = new CommunityRenderer();

/** District shading: worst tier present; alpha grows with the share of red + yellow. */
export function districtShade(g: number, y: number, r: number): RGBA {
  const n = g + y + r;
  if (!n) return [0, 0, 0, 0];
  const share = (y + r) / n;
  const k = Math.min(1, share / 0.08);
  if (r > 0) return [255, 59, 48, Math.round(130 + 100 * k)];
  if (y > 0) return [255, 196, 0, Math.round(80 + 120 * k)];
  return [46, 204, 113, 40];
}

export const SHADE_LEGEND: { color: RGBA; label: ReturnType<typeof text> }[] = [
  { color: [255, 59, 48, 180], label: text('区县：有红色小区', 'District: red communities') },
  { color: [255, 196, 0, 150], label: text('区县：有黄色小区', 'District: yellow communities') },
  { color: [46, 204, 113, 90], label: text('区县：全部绿色', 'District: all green') },
];

function riskLabel(ix: CommunityIndex, d: number, lang: 'zh' | 'en'): string {
  const [, y, r] = ix.district(d);
  if (!y && !r) return '';
  return lang === 'zh' ? `红 ${r} · 黄 ${y}` : `R ${r} · Y ${y}`;
}

/** Small per-build data kept by identity while unchanged (deck.gl compares `data` by reference). */
function memo<T>(): (key: string, make: () => T) => T {
  let last: { key: string; value: T } | null = null;
  return (key, make) => {
    if (last?.key !== key) last = { key, value: make() };
    return last.value;
  };
}
const labelData = memo<DistrictFeature[]>();
const focusData = memo<DistrictFeature[]>();
const ringData = memo<[number, number][][]>();
const haloData = memo<{ position: [number, number] }[]>();

/**
 * The deck.gl layers of the community view for a context, drawn from `renderer` (the page's
 * renderer; a benchmark passes a fresh one to measure a rebuild from scratch).
 */
export function communityLayers(ctx: LayerContext, renderer: CommunityRenderer): Layer[] {
  const table = ctx.table(TOPIC);
  const ix = communityIndex(table);
  const focusCode = focusOf(ctx.selection, table);
  const focus = districtIndex(focusCode);
  renderer.update(table, ix, focus);
  const w = cityViewWeight(ctx.zoom);
  const near = focus >= 0 ? 1 : 1 - w;
  const fc = ctx.asset<FC>('districts');
  const out: Layer[] = [];

  if (fc && w > 0.01) {
    out.push(
      new GeoJsonLayer({
        id: 'communities:districts',
        data: fc as never,
        pickable: w > 0.3,
        filled: true,
        stroked: false,
        opacity: w,
        getFillColor: (f: DistrictFeature) => {
          const d = districtIndex(f.properties.code);
          if (d < 0 || d === focus) return [0, 0, 0, 0];
          const [g, y, r] = ix.district(d);
          return districtShade(g, y, r);
        },
        updateTriggers: { getFillColor: [ix.version, focus] },
      }),
    );
  }
  if (near > 0.01 && ix.length) {
    const highlight: RGBA = [0, 229, 255, 200];
    out.push(
      new SolidPolygonLayer({
        id: 'communities:shapes',
        data: renderer.polygons as never,
        _normalize: false,
        _windingOrder: 'CCW',
        positionFormat: 'XY',
        filled: true,
        extruded: false,
        opacity: near,
        pickable: near > 0.3,
        autoHighlight: true,
        highlightColor: highlight,
        getFillColor: [0, 0, 0, 0],
        updateTriggers: { getFillColor: renderer.colorVersion },
      }),
      new ScatterplotLayer({
        id: 'communities:points',
        data: renderer.points as never,
        radiusUnits: 'meters',
        getRadius: 45,
        radiusMinPixels: 2.5,
        radiusMaxPixels: 9,
        opacity: near,
        pickable: near > 0.3,
        autoHighlight: true,
        highlightColor: highlight,
        getFillColor: [0, 0, 0, 0],
        updateTriggers: { getFillColor: renderer.colorVersion },
      }),
    );
  }
  // the district in focus: its outline
  if (fc && focusCode) {
    const f = fc.features.find((x) => x.properties.code === focusCode);
    if (f)
      out.push(
        new GeoJsonLayer({
          id: 'communities:focus',
          data: focusData(focusCode, () => [f]) as never,
          filled: false,
          stroked: true,
          getLineColor: [0, 229, 255, 230],
          getLineWidth: 3,
          lineWidthUnits: 'pixels',
        }),
      );
  }
  // the selected community: a ring around its outline or point
  const sel = ctx.selection?.topic === TOPIC ? table.get(ctx.selection.id) : undefined;
  if (sel && typeof sel.lon === 'number' && typeof sel.lat === 'number') {
    const key = `${sel.id}|${sel.lon}|${sel.lat}|${String(sel.shape)}`;
    const ring = outlineOf(sel.lon, sel.lat, sel.shape);
    if (ring)
      out.push(
        new PathLayer({
          id: 'communities:selected',
          data: ringData(key, () => [ring]),
          getPath: (p: [number, number][]) => p,
          getColor: [0, 229, 255, 255],
          getWidth: 3,
          widthUnits: 'pixels',
        }),
      );
    out.push(
      new ScatterplotLayer({
        id: 'communities:selected-halo',
        data: haloData(key, () => [{ position: [sel.lon as number, sel.lat as number] }]),
        getPosition: (e: { position: [number, number] }) => e.position,
        radiusUnits: 'pixels',
        getRadius: 18,
        filled: false,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        getLineColor: [0, 229, 255, 200],
      }),
    );
  }
  // city view: red / yellow counts under the district names
  if (fc && w > 0.3) {
    const labelled = labelData(`${ix.version}|${ctx.lang}`, () => fc.features.filter((f) => districtIndex(f.properties.code) >= 0 && riskLabel(ix, districtIndex(f.properties.code), ctx.lang)));
    if (labelled.length)
      out.push(
        new TextLayer({
          id: 'communities:risk-labels',
          data: labelled,
          getPosition: (f: DistrictFeature) => f.properties.center,
          getText: (f: DistrictFeature) => riskLabel(ix, districtIndex(f.properties.code), ctx.lang),
          characterSet: 'auto',
          fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif',
          getSize: 13,
          getColor: [255, 230, 160, 255],
          getPixelOffset: [0, 17],
          outlineWidth: 2,
          outlineColor: [4, 16, 31, 255],
          fontSettings: { sdf: true },
          opacity: w,
          updateTriggers: { getText: [ix.version, ctx.lang] },
        }),
      );
  }
  return out;
}

const communities: LayerPlugin = {
  id: 'communities',
  title: text('小区风险分级', 'Community risk tiers'),
  topics: [TOPIC, STATS_TOPIC],
  defaultVisible: true,
  assets: { districts: '/geo/districts.geojson' },

  build(ctx: LayerContext): Layer[] {
    return communityLayers(ctx, renderer);
  },

  pick(info: PickingInfo, ctx: LayerContext) {
    const id = info.layer?.id ?? '';
    if (id.startsWith('communities:districts')) {
      const f = info.object as DistrictFeature | undefined;
      return f?.properties ? { topic: 'districts', id: f.properties.code } : null;
    }
    const table = ctx.table(TOPIC);
    let row = -1;
    if (id === 'communities:shapes') row = renderer.rowOfPolygon(info.index);
    else if (id === 'communities:points') row = renderer.rowOfPoint(info.index);
    const cid = row >= 0 ? table.ids[row] : undefined;
    return cid ? { topic: TOPIC, id: cid } : null;
  },

  legend() {
    return {
      items: [
        ...TIERS.map((t) => ({ color: TIER_COLORS[t], label: TIER_TEXT[t], shape: 'dot' as const })),
        ...SHADE_LEGEND.map((s) => ({ ...s, shape: 'fill' as const })),
      ],
      note: text('城市级按区县着色（红黄小区占比越高颜色越深），放大显示每个小区；数据为模拟', 'City zoom: districts shaded (deeper = more red/yellow communities); zoom in for each community. Simulated data'),
    };
  },

  tooltip(e, topic, ctx) {
    const zh = ctx.lang === 'zh';
    if (topic === 'districts') {
      const d = districtIndex(e.code);
      if (d < 0) return null;
      const [g, y, r] = communityIndex(ctx.table(TOPIC)).district(d);
      const n = g + y + r;
      return {
        title: String(zh ? e.name_zh : e.name_en),
        rows: [
          [TIER_TEXT.red[ctx.lang], String(r)],
          [TIER_TEXT.yellow[ctx.lang], String(y)],
          [TIER_TEXT.green[ctx.lang], String(g)],
          [zh ? '红黄占比' : 'Red + yellow', n ? `${(((r + y) / n) * 100).toFixed(1)}%` : '—'],
        ],
      };
    }
    if (topic !== TOPIC) return null;
    const tier = e.tier as Tier;
    const d = districtInfo(e.district);
    const since = timeField(e.since);
    const rows: [string, string][] = [
      [zh ? '风险等级' : 'Tier', TIER_TEXT[tier]?.[ctx.lang] ?? String(e.tier)],
      [zh ? '所属区县' : 'District', d ? (zh ? d.zh : d.en) : String(e.district)],
      [zh ? '变更时间' : 'Since', `${shortTime(since)} (${ago(since, ctx.time, ctx.lang)})`],
    ];
    const reason = zh ? e.reason : (e.reason_en ?? e.reason);
    if (typeof reason === 'string' && reason) rows.push([zh ? '原因' : 'Why', reason]);
    if (typeof e.pop === 'number') rows.push([zh ? '常住人口' : 'Residents', e.pop.toLocaleString(zh ? 'zh-CN' : 'en-GB')]);
    const at = timeField(e.checkin_at);
    if (Number.isFinite(at)) rows.push([zh ? '最近打卡' : 'Last check-in', `${shortTime(at)} · ${typeof e.checkins === 'number' ? e.checkins : '—'}${zh ? ' 人' : ''}`]);
    const name = zh ? e.name : (e.name_en ?? e.name);
    return { title: String(name), rows };
  },

  Panel: CommunitiesPanel,
  Detail: CommunityDetail,
};

export default communities;
