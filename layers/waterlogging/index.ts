/**
 * Waterlogging: the 51 places the flood platform watches, coloured by their water depth
 * against their own warning thresholds (or, in scenario mode, by the predicted peak of a
 * design or recorded storm), the rain gauge, and citizens' photo reports (simulated).
 */
import { IconLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Entity } from '../../src/data/wire';
import type { LayerContext, LayerPlugin, TooltipContent } from '../types';
import { text } from '../types';
import { PALETTE } from '../_shared/colors';
import type { WarningLevel } from './topic';
import { KIND_TEXT, LEVEL_COLORS, LEVEL_TEXT, levelOf, nameOf, safeDepth, thresholdsOf, trendText } from './levels';
import { hotspotAttributes } from './mapping';
import { activeScenario, peakTimeText, scenarioFor, scenarioStore, specLabel } from './scenario';
import { REPORT_COLORS, REPORT_STATUS_TEXT, reportText, reportTime, SIMULATED_TEXT } from './reports';
import { HotspotsPanel } from './Panel';
import { FloodDetail } from './Detail';

const attrs = hotspotAttributes();
const TOPICS = ['hotspots', 'rainfall', 'reports'];

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';
const RAIN_COLOR: [number, number, number, number] = [120, 200, 255, 255];

/** A 64×64 pin with a camera cut out (white; tinted by the layer as a mask). */
let reportAtlas: string | null = null;
function reportIcon(): string | null {
  if (reportAtlas || typeof document === 'undefined') return reportAtlas;
  const c = document.createElement('canvas');
  c.width = 64;
  c.height = 64;
  const g = c.getContext('2d');
  if (!g) return null;
  g.fillStyle = '#fff';
  // a rounded speech-bubble pin
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
  // the camera, cut out
  g.globalCompositeOperation = 'destination-out';
  g.fillRect(14, 17, 36, 21);
  g.fillRect(24, 12, 14, 6);
  g.globalCompositeOperation = 'source-over';
  g.beginPath();
  g.arc(32, 27, 7.5, 0, 2 * Math.PI);
  g.fill();
  g.globalCompositeOperation = 'destination-out';
  g.beginPath();
  g.arc(32, 27, 4.5, 0, 2 * Math.PI);
  g.fill();
  g.globalCompositeOperation = 'source-over';
  reportAtlas = c.toDataURL('image/png');
  return reportAtlas;
}

/**
 * The characters the labels can use: every name in both languages plus digits and units,
 * fixed per set of names, so that the font atlas is built once rather than again each time
 * a new digit or name appears (characterSet 'auto').
 */
const LABEL_BASE = '0123456789 .·-—()×/cmhRainRain雨强';
let charCache: { key: string; set: string } | null = null;
function labelChars(rows: readonly Entity[], extra = ''): string {
  let key = extra;
  for (const e of rows) key += `${String(e.name ?? '')}|${String(e.name_en ?? '')}|`;
  if (charCache && charCache.key === key) return charCache.set;
  const set = [...new Set(Array.from(LABEL_BASE + key.replace(/\|/g, '')))].join('');
  charCache = { key, set };
  return set;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function hotspotTooltip(e: Entity, ctx: LayerContext): TooltipContent {
  const zh = ctx.lang === 'zh';
  const depth = safeDepth(e.depth_cm);
  const level = levelOf(e, depth);
  const rows: [string, string][] = [];
  const sc = activeScenario(ctx.table('hotspots'));
  const p = sc?.byId.get(e.id);
  if (sc && p) {
    rows.push([zh ? '情景' : 'Scenario', specLabel(sc.spec)[ctx.lang]]);
    rows.push([zh ? '预测峰值' : 'Predicted peak', `${p.peak_cm.toFixed(0)} cm · ${LEVEL_TEXT[p.level][ctx.lang]}`]);
    rows.push([zh ? '达峰时间' : 'Time to peak', peakTimeText(p.time_to_peak_min, sc.start)]);
    rows.push([zh ? '当前实况' : 'Observed now', `${depth.toFixed(0)} cm · ${LEVEL_TEXT[level][ctx.lang]}`]);
  } else {
    rows.push([zh ? '积水深度' : 'Depth', `${depth.toFixed(0)} cm`]);
    rows.push([zh ? '预警' : 'Warning', LEVEL_TEXT[level][ctx.lang]]);
    const trend = trendText(e.trend_cm_h);
    if (trend) rows.push([zh ? '趋势' : 'Trend', trend]);
    const rain = num(e.rain_mm_h);
    if (rain !== undefined) rows.push([zh ? '雨强' : 'Rain', `${rain.toFixed(0)} mm/h`]);
  }
  const w = thresholdsOf(e);
  rows.push([zh ? '预警线 蓝/黄/橙/红' : 'Thresholds B/Y/O/R', `${w.blue} / ${w.yellow} / ${w.orange} / ${w.red} cm`]);
  const kind = typeof e.kind === 'string' ? (KIND_TEXT[e.kind]?.[ctx.lang] ?? e.kind) : undefined;
  const district = zh ? e.district : (e.district_en ?? e.district);
  const where = [kind, district].filter((x): x is string => typeof x === 'string');
  if (where.length) rows.push([zh ? '类型 · 区域' : 'Kind · district', where.join(' · ')]);
  return { title: nameOf(e, ctx.lang), rows };
}

function rainTooltip(e: Entity, ctx: LayerContext): TooltipContent {
  const zh = ctx.lang === 'zh';
  const rows: [string, string][] = [[zh ? '雨强' : 'Intensity', `${(num(e.mm_h) ?? 0).toFixed(1)} mm/h`]];
  if (num(e.mm_1h) !== undefined) rows.push([zh ? '近1小时' : 'Last hour', `${num(e.mm_1h)!.toFixed(1)} mm`]);
  if (num(e.mm_total) !== undefined) rows.push([zh ? '累计' : 'Total', `${num(e.mm_total)!.toFixed(1)} mm`]);
  if (e.reconstructed === true) rows.push([zh ? '说明' : 'Note', zh ? '重构序列，非实测记录' : 'reconstructed, not the gauge record']);
  return { title: String(zh ? (e.name ?? e.id) : (e.name_en ?? e.name ?? e.id)), rows };
}

function reportTooltip(e: Entity, ctx: LayerContext): TooltipContent {
  const zh = ctx.lang === 'zh';
  const rows: [string, string][] = [
    [zh ? '时间' : 'Time', reportTime(e)],
    [zh ? '内容' : 'Text', reportText(e, ctx.lang, 80)],
  ];
  const d = num(e.depth_est_cm);
  if (d !== undefined) rows.push([zh ? '估计水深' : 'Depth (est.)', `${d} cm`]);
  if (typeof e.status === 'string' && REPORT_STATUS_TEXT[e.status]) rows.push([zh ? '处置' : 'Status', REPORT_STATUS_TEXT[e.status][ctx.lang]]);
  if (e.simulated !== false) rows.push([zh ? '数据' : 'Data', SIMULATED_TEXT[ctx.lang]]);
  return { title: zh ? '市民拍照上报' : 'Citizen photo report', rows };
}

const waterlogging: LayerPlugin = {
  id: 'waterlogging',
  title: text('易涝点', 'Waterlogging hotspots'),
  topics: TOPICS,
  defaultVisible: true,

  build(ctx: LayerContext): Layer[] {
    const table = ctx.table('hotspots');
    const scenario = activeScenario(table);
    const a = table.attributes();
    const v = attrs(table, scenario);
    const key = scenario?.key ?? 'observed';
    const data = {
      length: a.length,
      attributes: {
        getPosition: { value: a.positions, size: 2 },
        getFillColor: { value: v.colors, size: 4, normalized: true },
        getRadius: { value: v.radii, size: 1 },
      },
    };
    const layers: Layer[] = [];

    // the rain gauge: a halo that grows with the intensity
    const rain = ctx.table('rainfall');
    if (rain.length && !scenario) {
      layers.push(
        new ScatterplotLayer<Entity>({
          id: 'waterlogging:rain',
          data: rain.rows,
          pickable: true,
          getPosition: (e) => [e.lon as number, e.lat as number],
          radiusUnits: 'pixels',
          getRadius: (e) => 9 + Math.min(30, Math.sqrt(Math.max(0, num(e.mm_h) ?? 0)) * 2),
          getFillColor: (e) => [RAIN_COLOR[0], RAIN_COLOR[1], RAIN_COLOR[2], 40 + Math.min(90, (num(e.mm_h) ?? 0) / 2)],
          stroked: true,
          lineWidthUnits: 'pixels',
          getLineWidth: 2,
          getLineColor: RAIN_COLOR,
          updateTriggers: { getRadius: rain.version, getFillColor: rain.version },
        }),
      );
    }

    // citizen reports (simulated): a tinted camera pin, by status; under the hotspot dots, which win where they overlap
    const reports = ctx.table('reports');
    const icon = reportIcon();
    if (reports.length && !scenario && icon) {
      layers.push(
        new IconLayer<Entity>({
          id: 'waterlogging:reports',
          data: reports.rows,
          pickable: true,
          iconAtlas: icon,
          iconMapping: { pin: { x: 0, y: 0, width: 64, height: 64, anchorY: 60, mask: true } },
          getIcon: () => 'pin',
          getPosition: (e) => [e.lon as number, e.lat as number],
          getSize: 26,
          sizeUnits: 'pixels',
          getColor: (e) => REPORT_COLORS[String(e.status)] ?? REPORT_COLORS.new,
          updateTriggers: { getColor: reports.version, getPosition: reports.version },
        }),
      );
    }

    if (scenario) {
      // a ring around each dot: the values are a prediction, not an observation
      layers.push(
        new ScatterplotLayer({
          id: 'waterlogging:predicted',
          data: { length: a.length, attributes: { getPosition: { value: a.positions, size: 2 }, getLineColor: { value: v.colors, size: 4, normalized: true }, getRadius: { value: v.radii, size: 1 } } },
          filled: false,
          stroked: true,
          radiusUnits: 'pixels',
          radiusScale: 1.6,
          lineWidthUnits: 'pixels',
          getLineWidth: 2,
          updateTriggers: { getLineColor: [table.version, key], getRadius: [table.version, key] },
        }),
      );
    }
    layers.push(
      new ScatterplotLayer({
        id: 'waterlogging:dots',
        data,
        pickable: true,
        stroked: true,
        radiusUnits: 'pixels',
        radiusMinPixels: 5,
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        getLineColor: scenario ? [255, 255, 255, 255] : [4, 16, 31, 255],
        updateTriggers: { getFillColor: [table.version, key], getRadius: [table.version, key], getLineColor: key },
      }),
    );

    const sel = ctx.selection ? ctx.table(ctx.selection.topic).get(ctx.selection.id) : undefined;
    if (sel && ctx.selection && TOPICS.includes(ctx.selection.topic) && typeof sel.lon === 'number') {
      layers.push(
        new ScatterplotLayer({
          id: 'waterlogging:selected',
          data: [sel],
          getPosition: (e: typeof sel) => [e.lon as number, e.lat as number],
          radiusUnits: 'pixels',
          getRadius: 22,
          filled: false,
          stroked: true,
          lineWidthUnits: 'pixels',
          getLineWidth: 3,
          getLineColor: PALETTE.cyan,
        }),
      );
    }
    if (ctx.zoom >= 12.5) {
      const depthOf = (r: number) => v.depths[r] ?? 0;
      layers.push(
        new TextLayer<Entity>({
          id: 'waterlogging:labels',
          data: table.rows,
          getPosition: (e) => [e.lon as number, e.lat as number],
          getText: (e, { index }) => {
            const d = depthOf(index);
            return `${nameOf(e, ctx.lang)}${d >= 1 ? ` · ${d.toFixed(0)} cm` : ''}`;
          },
          characterSet: labelChars(table.rows),
          fontFamily: FONT,
          getSize: 13,
          getColor: [220, 235, 255, 255],
          getPixelOffset: [0, -20],
          outlineWidth: 2,
          outlineColor: [4, 16, 31, 255],
          fontSettings: { sdf: true },
          updateTriggers: { getText: [ctx.lang, table.version, key], getPosition: table.version },
        }),
      );
    }
    if (rain.length && !scenario) {
      layers.push(
        new TextLayer<Entity>({
          id: 'waterlogging:rain-label',
          data: rain.rows,
          getPosition: (e) => [e.lon as number, e.lat as number],
          getText: (e) => `${ctx.lang === 'zh' ? '雨强' : 'Rain'} ${(num(e.mm_h) ?? 0).toFixed(1)} mm/h`,
          characterSet: labelChars(table.rows),
          fontFamily: FONT,
          getSize: 13,
          getColor: RAIN_COLOR,
          getPixelOffset: [0, 26],
          outlineWidth: 2,
          outlineColor: [4, 16, 31, 255],
          fontSettings: { sdf: true },
          updateTriggers: { getText: [ctx.lang, rain.version] },
        }),
      );
    }
    return layers;
  },

  pick(info: PickingInfo, ctx: LayerContext) {
    const id = info.layer?.id ?? '';
    const topic = id === 'waterlogging:reports' ? 'reports' : id === 'waterlogging:rain' ? 'rainfall' : id === 'waterlogging:dots' ? 'hotspots' : null;
    if (!topic || info.index < 0) return null;
    const ref = ctx.table(topic).ids[info.index];
    return ref === undefined ? null : { topic, id: ref };
  },

  legend(ctx) {
    const sc = scenarioStore.getState();
    const items = (Object.keys(LEVEL_COLORS) as WarningLevel[]).map((k) => ({ color: LEVEL_COLORS[k], label: LEVEL_TEXT[k], shape: 'dot' as const }));
    items.push({ color: REPORT_COLORS.new, label: text('市民上报（模拟）', 'Citizen report (simulated)'), shape: 'dot' as const });
    items.push({ color: RAIN_COLOR, label: text('雨量站', 'Rain gauge'), shape: 'dot' as const });
    const note =
      sc.mode === 'scenario'
        ? text(`情景预测：${specLabel(sc.spec).zh}（带环的点为预测峰值）`, `Scenario: ${specLabel(sc.spec).en} (ringed dots: predicted peak)`)
        : text('点越大积水越深；按各点自身预警线着色', 'Larger dot: deeper water; colours use each place’s own thresholds');
    void ctx;
    return { items, note };
  },

  tooltip(e, topic, ctx) {
    if (topic === 'reports') return reportTooltip(e, ctx);
    if (topic === 'rainfall') return rainTooltip(e, ctx);
    return hotspotTooltip(e, ctx);
  },

  subscribe(redraw) {
    return scenarioStore.subscribe(redraw);
  },

  Panel: HotspotsPanel,
  Detail: FloodDetail,
};

export { scenarioFor };
export default waterlogging;
