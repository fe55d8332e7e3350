/**
 * Drill-down of a selected hotspot, rain gauge or citizen report.
 *  - hotspot: its depth curve and the gauge's rain over the same hours (ECharts, a marker
 *    at the data clock, its warning thresholds), or in scenario mode the predicted
 *    hydrograph of the storm; then its key parameters and where it comes from;
 *  - rain gauge: intensity and total over the timeline;
 *  - report: the photo placeholder (simulated), text, time, status, the nearest hotspot.
 * Everything from the feed is rendered as text.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useCockpit, useHistory, useTables } from '../../src/store/react';
import { Chart, CHART_AXIS } from '../../src/panels/Chart';
import type { Entity } from '../../src/data/wire';
import type { DetailProps } from '../types';
import { rgbaCss } from '../_shared/colors';
import { simulate } from '../../mock-data/sim/flood';
import { intensitiesMmH } from '../../mock-data/sim/rain';
import { KIND_TEXT, LEVEL_COLORS, LEVEL_SHORT, LEVEL_TEXT, thresholdsOf } from './levels';
import { modelOf, peakTimeText, scenarioFor, scenarioStore, specLabel, stormSeries } from './scenario';
import { photoScene, reportKindText, reportText, SIMULATED_TEXT, type PhotoScene } from './reports';
import type { WarningLevel } from './topic';
import './waterlogging.css';

type Lang = DetailProps['lang'];

const BEIJING = 8 * 3600_000;
/** The clock marker moves in steps of 5 data minutes (the chart is not redrawn 8× a second). */
const MARKER_STEP = 5 * 60_000;
const DEPTH_FIELDS = ['depth_cm'] as const;
const RAIN_FIELDS = ['mm_h'] as const;
const RAIN_DETAIL_FIELDS = ['mm_h', 'mm_total'] as const;

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function timeLabel(v: number): string {
  const d = new Date(v);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}\n${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

function thresholdLines(e: Entity) {
  const w = thresholdsOf(e);
  return (['blue', 'yellow', 'orange', 'red'] as WarningLevel[]).map((l) => ({
    yAxis: w[l as keyof typeof w],
    lineStyle: { color: rgbaCss(LEVEL_COLORS[l]), type: 'dashed', width: 1 },
    label: { show: false },
  }));
}

export function FloodDetail(props: DetailProps) {
  if (props.topic === 'reports') return <ReportDetail {...props} />;
  if (props.topic === 'rainfall') return <RainDetail {...props} />;
  return <HotspotDetail {...props} />;
}

// ---- hotspot -------------------------------------------------------------------------------

function HotspotDetail({ lang, id, entity }: DetailProps) {
  const mode = useStore(scenarioStore, (s) => s.mode);
  return (
    <div className="fl-detail" data-testid="hotspot-detail">
      {mode === 'scenario' ? <ScenarioHydrograph lang={lang} entity={entity} /> : <ObservedHydrograph lang={lang} id={id} entity={entity} />}
      <Params lang={lang} e={entity} />
    </div>
  );
}

function ObservedHydrograph({ lang, id, entity }: { lang: Lang; id: string; entity: Entity }) {
  const zh = lang === 'zh';
  const station = typeof entity.station === 'string' ? entity.station : '';
  const depth = useHistory('hotspots', id, DEPTH_FIELDS);
  const rain = useHistory('rainfall', station, RAIN_FIELDS);
  const uiTime = useCockpit((s) => s.uiTime);
  const marker = Math.floor(uiTime / MARKER_STEP) * MARKER_STEP;
  const w = thresholdsOf(entity);
  const thresholds = useMemo(() => thresholdLines(entity), [w.blue, w.yellow, w.orange, w.red]); // eslint-disable-line react-hooks/exhaustive-deps

  const option = useMemo(() => {
    const d = depth ? depth.t.map((t, i) => [t + BEIJING, depth.values.depth_cm[i] ?? 0]) : [];
    const r = rain ? rain.t.map((t, i) => [t + BEIJING, rain.values.mm_h[i]]) : [];
    const maxDepth = d.reduce((m, p) => Math.max(m, p[1] as number), w.red * 1.2);
    // rain hangs from the top and takes about the upper 45 % of the chart
    const maxRain = r.reduce((m, p) => Math.max(m, (p[1] as number | null) ?? 0), 0);
    const rainMax = Math.max(50, Math.ceil((maxRain * 2.2) / 50) * 50);
    return {
      useUTC: true,
      grid: { left: 4, right: 4, top: 22, bottom: 2, containLabel: true },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 10, color: '#cfe3ff' } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => (typeof v === 'number' ? v.toFixed(0) : String(v)) },
      xAxis: { type: 'time', axisLabel: { fontSize: 9, formatter: timeLabel, hideOverlap: true }, axisLine: { lineStyle: { color: CHART_AXIS } }, splitLine: { show: false } },
      yAxis: [
        { type: 'value', name: 'cm', nameTextStyle: { fontSize: 9 }, max: Math.ceil(maxDepth / 10) * 10, axisLabel: { fontSize: 9 }, splitLine: { lineStyle: { color: CHART_AXIS } } },
        { type: 'value', name: 'mm/h', nameTextStyle: { fontSize: 9 }, inverse: true, max: rainMax, axisLabel: { fontSize: 9 }, splitLine: { show: false } },
      ],
      series: [
        {
          // 5-minute intensities over days: a hanging step area reads better than sub-pixel bars
          name: zh ? '雨强 mm/h' : 'Rain mm/h',
          type: 'line',
          step: 'middle',
          yAxisIndex: 1,
          data: r,
          showSymbol: false,
          lineStyle: { color: 'rgba(120,190,255,0.95)', width: 1 },
          itemStyle: { color: 'rgba(120,190,255,0.95)' },
          areaStyle: { color: 'rgba(120,190,255,0.45)' },
        },
        {
          name: zh ? '积水深度 cm' : 'Depth cm',
          type: 'line',
          step: 'end',
          showSymbol: false,
          data: d,
          lineStyle: { color: '#00e5ff', width: 2 },
          areaStyle: { color: 'rgba(0,229,255,0.18)' },
          markLine: {
            symbol: 'none',
            silent: true,
            data: [...thresholds, { xAxis: marker + BEIJING, lineStyle: { color: '#ffffff', width: 1.5, type: 'solid' }, label: { show: false } }],
          },
        },
      ],
    };
  }, [depth, rain, marker, thresholds, zh, w.red]);

  return (
    <>
      <div className="fl-subhead">
        {zh ? '积水过程线与降雨（虚线：预警线；竖线：当前时间）' : 'Depth and rainfall (dashed: thresholds; line: now)'}
        {(!depth || !rain) && <span className="muted"> · {zh ? '加载中' : 'loading'}</span>}
      </div>
      <Chart option={option} testId="chart-hotspot-history" className="chart fl-chart-detail" />
    </>
  );
}

function ScenarioHydrograph({ lang, entity }: { lang: Lang; entity: Entity }) {
  const zh = lang === 'zh';
  const spec = useStore(scenarioStore, (s) => s.spec);
  const result = useTables((t) => scenarioFor(spec, t.table('hotspots')), 1, [spec]);
  const model = modelOf(entity);
  const option = useMemo(() => {
    const series = stormSeries(spec);
    const run = model ? simulate(model, series) : null;
    const step = series.step_min;
    const rain = intensitiesMmH(series).map((v, i) => [((i + 0.5) * step) / 60, v]);
    const depth = run ? run.depth_cm.map((v, i) => [((i + 1) * step) / 60, Math.max(0, v)]) : [];
    const w = thresholdsOf(entity);
    const max = Math.max(w.red * 1.2, run?.peak_cm ?? 0);
    return {
      grid: { left: 4, right: 4, top: 22, bottom: 2, containLabel: true },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 10, color: '#cfe3ff' } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => (typeof v === 'number' ? v.toFixed(0) : String(v)) },
      xAxis: { type: 'value', name: 'h', nameTextStyle: { fontSize: 9 }, max: (series.values_mm.length * step) / 60, axisLabel: { fontSize: 9 }, axisLine: { lineStyle: { color: CHART_AXIS } }, splitLine: { show: false } },
      yAxis: [
        { type: 'value', name: 'cm', nameTextStyle: { fontSize: 9 }, max: Math.ceil(max / 10) * 10, axisLabel: { fontSize: 9 }, splitLine: { lineStyle: { color: CHART_AXIS } } },
        { type: 'value', name: 'mm/h', nameTextStyle: { fontSize: 9 }, inverse: true, max: spec.kind === 'recorded' ? 600 : 500, axisLabel: { fontSize: 9 }, splitLine: { show: false } },
      ],
      series: [
        { name: zh ? '雨强 mm/h' : 'Rain mm/h', type: 'bar', yAxisIndex: 1, data: rain, itemStyle: { color: 'rgba(110,180,255,0.75)' }, barMaxWidth: 4 },
        {
          name: zh ? '预测水深 cm' : 'Predicted depth cm',
          type: 'line',
          showSymbol: false,
          data: depth,
          lineStyle: { color: '#ffd600', width: 2, type: 'solid' },
          areaStyle: { color: 'rgba(255,214,0,0.15)' },
          markLine: { symbol: 'none', silent: true, data: thresholdLines(entity) },
        },
      ],
    };
  }, [spec, model?.catchment_ha, model?.drain_capacity_mm_h, model?.storage_m3_per_cm, zh]); // eslint-disable-line react-hooks/exhaustive-deps
  const p = result.byId.get(entity.id);
  return (
    <>
      <div className="fl-subhead" data-testid="scenario-detail">
        {zh ? '情景预测过程线：' : 'Predicted hydrograph: '}
        {specLabel(spec)[lang]}
      </div>
      {p ? (
        <div className="fl-summary">
          <span>
            {zh ? '峰值' : 'Peak'} <b>{p.peak_cm.toFixed(0)} cm</b>
          </span>
          <span>
            {zh ? '达峰' : 'Time to peak'} <b>{peakTimeText(p.time_to_peak_min, result.start)}</b>
          </span>
          <span style={{ color: rgbaCss(LEVEL_COLORS[p.level]) }}>{LEVEL_TEXT[p.level][lang]}</span>
        </div>
      ) : (
        <p className="muted fl-small">{zh ? '该点没有模型参数，无法预测' : 'No model parameters for this place: not predicted'}</p>
      )}
      <Chart option={option} testId="chart-hotspot-scenario" className="chart fl-chart-detail" />
    </>
  );
}

function Params({ lang, e }: { lang: Lang; e: Entity }) {
  const zh = lang === 'zh';
  const m = (e.model ?? {}) as Record<string, unknown>;
  const w = thresholdsOf(e);
  const rows: [string, string][] = [];
  const kind = typeof e.kind === 'string' ? (KIND_TEXT[e.kind]?.[lang] ?? e.kind) : undefined;
  if (kind) rows.push([zh ? '类型' : 'Kind', kind]);
  const district = zh ? e.district : (e.district_en ?? e.district);
  if (typeof district === 'string') rows.push([zh ? '区域' : 'District', district]);
  if (typeof e.detail === 'string') rows.push([zh ? '位置' : 'Location', e.detail]);
  if (num(m.catchment_ha) !== undefined) rows.push([zh ? '汇水面积' : 'Catchment', `${num(m.catchment_ha)} ha`]);
  if (num(m.runoff_coeff) !== undefined) rows.push([zh ? '径流系数' : 'Runoff coefficient', `${num(m.runoff_coeff)}`]);
  if (num(m.drain_capacity_mm_h) !== undefined) rows.push([zh ? '排水能力' : 'Drainage capacity', `${num(m.drain_capacity_mm_h)} mm/h`]);
  if (num(m.storage_m3_per_cm) !== undefined) rows.push([zh ? '积水面积' : 'Ponded area', `${Math.round(num(m.storage_m3_per_cm)! * 100).toLocaleString(zh ? 'zh-CN' : 'en-US')} m²`]);
  if (num(m.max_depth_cm) !== undefined) rows.push([zh ? '最大水深' : 'Max depth', `${num(m.max_depth_cm)} cm`]);
  if (typeof e.reported === 'boolean')
    rows.push([zh ? '来源' : 'Listed as', e.reported ? (zh ? '公开报道点位' : 'reported in public sources') : zh ? '补充的低洼点（非报道）' : 'added low point (not reported)']);
  if (typeof e.source === 'string') rows.push([zh ? '出处' : 'Source', e.source]);
  if (typeof e.lon === 'number' && typeof e.lat === 'number') rows.push([zh ? '坐标（估计）' : 'Position (est.)', `${e.lon.toFixed(4)}, ${e.lat.toFixed(4)}`]);
  return (
    <>
      <div className="fl-subhead">{zh ? '预警线' : 'Warning thresholds'}</div>
      <div className="fl-chips" data-testid="hotspot-thresholds">
        {(['blue', 'yellow', 'orange', 'red'] as const).map((l) => (
          <span key={l} className="fl-chip" style={{ borderColor: rgbaCss(LEVEL_COLORS[l]) }}>
            <span className="dot" style={{ background: rgbaCss(LEVEL_COLORS[l]) }} />
            {LEVEL_SHORT[l][lang]} ≥ {w[l]} cm
          </span>
        ))}
      </div>
      <table className="kv fl-params" data-testid="hotspot-params">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted fl-small">{zh ? '模型参数为模拟值（非实测），位置为估计。' : 'Model parameters are simulated (not measured); positions are estimates.'}</p>
    </>
  );
}

// ---- rain gauge ----------------------------------------------------------------------------

function RainDetail({ lang, id }: DetailProps) {
  const zh = lang === 'zh';
  const h = useHistory('rainfall', id, RAIN_DETAIL_FIELDS);
  const uiTime = useCockpit((s) => s.uiTime);
  const marker = Math.floor(uiTime / MARKER_STEP) * MARKER_STEP;
  const option = useMemo(
    () => ({
      useUTC: true,
      grid: { left: 4, right: 4, top: 22, bottom: 2, containLabel: true },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 10, color: '#cfe3ff' } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time', axisLabel: { fontSize: 9, formatter: timeLabel, hideOverlap: true }, axisLine: { lineStyle: { color: CHART_AXIS } } },
      yAxis: [
        { type: 'value', name: 'mm/h', nameTextStyle: { fontSize: 9 }, axisLabel: { fontSize: 9 }, splitLine: { lineStyle: { color: CHART_AXIS } } },
        { type: 'value', name: 'mm', nameTextStyle: { fontSize: 9 }, axisLabel: { fontSize: 9 }, splitLine: { show: false } },
      ],
      series: [
        {
          name: zh ? '雨强' : 'Intensity',
          type: 'bar',
          data: h ? h.t.map((t, i) => [t + BEIJING, h.values.mm_h[i]]) : [],
          itemStyle: { color: 'rgba(110,180,255,0.85)' },
          barMaxWidth: 3,
          large: true,
          markLine: { symbol: 'none', silent: true, data: [{ xAxis: marker + BEIJING, lineStyle: { color: '#fff', width: 1.5, type: 'solid' }, label: { show: false } }] },
        },
        { name: zh ? '累计' : 'Total', type: 'line', yAxisIndex: 1, showSymbol: false, data: h ? h.t.map((t, i) => [t + BEIJING, h.values.mm_total[i]]) : [], lineStyle: { color: '#ffd600' } },
      ],
    }),
    [h, marker, zh],
  );
  return (
    <div className="fl-detail" data-testid="rain-detail">
      <div className="fl-subhead">{zh ? '雨强与累计雨量' : 'Intensity and total'}</div>
      <Chart option={option} testId="chart-rain-history" className="chart fl-chart-detail" />
      <p className="muted fl-small">
        {zh
          ? '2021年7月小时雨量为重构序列：保留全部公开总量（16–17时 201.9 mm），其余小时为推算。'
          : 'July 2021 hourly rain is a reconstruction: every published total is kept (16–17 h: 201.9 mm); other hours are inferred.'}
      </p>
    </div>
  );
}

// ---- citizen report ------------------------------------------------------------------------

function ReportDetail({ lang, entity, actions }: DetailProps) {
  const zh = lang === 'zh';
  const hotspotId = typeof entity.hotspot === 'string' ? entity.hotspot : null;
  const hotspotName = useTables((t) => {
    if (!hotspotId) return null;
    const h = t.table('hotspots').get(hotspotId);
    return h ? String(zh ? h.name : (h.name_en ?? h.name)) : hotspotId;
  }, 1, [hotspotId, zh]);
  const simulated = entity.simulated !== false;
  const place = zh ? entity.place : (entity.place_en ?? entity.place);
  return (
    <div className="fl-detail" data-testid="report-detail">
      <PhotoPlaceholder scene={photoScene(entity)} lang={lang} depth={num(entity.depth_est_cm)} simulated={simulated} />
      <p className="fl-report-full" data-testid="report-text">
        {reportText(entity, lang)}
      </p>
      <table className="kv fl-params">
        <tbody>
          <tr>
            <th>{zh ? '类别' : 'Kind'}</th>
            <td>{reportKindText(entity.kind)[lang]}</td>
          </tr>
          {typeof place === 'string' && (
            <tr>
              <th>{zh ? '地点' : 'Place'}</th>
              <td>{place}</td>
            </tr>
          )}
          {hotspotId && (
            <tr>
              <th>{zh ? '附近易涝点' : 'Near hotspot'}</th>
              <td>
                <button className="fl-link" onClick={() => actions.select('hotspots', hotspotId)}>
                  {hotspotName}
                </button>
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {simulated && (
        <p className="fl-sim-note" data-testid="report-simulated">
          {zh ? '模拟数据：本上报由模拟器生成，并非真实市民上报。' : 'Simulated: generated by the simulator, not a real citizen report.'}
        </p>
      )}
    </div>
  );
}

const SCENE_TEXT: Record<PhotoScene, { zh: string; en: string }> = {
  'street-water': { zh: '路面积水', en: 'Street under water' },
  'underpass-water': { zh: '下穿通道积水', en: 'Flooded underpass' },
  'stalled-car': { zh: '车辆涉水', en: 'Car in the water' },
  manhole: { zh: '井盖冒水', en: 'Manhole overflow' },
  drain: { zh: '雨水口堵塞', en: 'Blocked drain' },
};

/** A drawn placeholder where the photo would be: never a real photo. */
export function PhotoPlaceholder({ scene, lang, depth, simulated }: { scene: PhotoScene; lang: Lang; depth?: number; simulated: boolean }) {
  // water line height in the 160×90 frame grows with the reported depth
  const water = 62 - Math.min(40, (depth ?? 20) / 4);
  const covered = scene === 'underpass-water';
  return (
    <figure className="fl-photo" data-testid="report-photo" data-scene={scene}>
      <svg viewBox="0 0 160 90" preserveAspectRatio="xMidYMid slice" role="img" aria-label={`${SCENE_TEXT[scene][lang]} · ${simulated ? SIMULATED_TEXT[lang] : ''}`}>
        <defs>
          <linearGradient id="fl-sky" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0" stopColor="#28384f" />
            <stop offset="1" stopColor="#142235" />
          </linearGradient>
          <linearGradient id="fl-water" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0" stopColor="#4f7fa8" stopOpacity="0.9" />
            <stop offset="1" stopColor="#1d3d5c" stopOpacity="0.95" />
          </linearGradient>
        </defs>
        <rect width="160" height="90" fill="url(#fl-sky)" />
        {covered ? (
          <path d="M0 30 L40 40 L120 40 L160 30 L160 0 L0 0 Z" fill="#3b4a5e" />
        ) : (
          <g fill="#223049">
            <rect x="4" y="12" width="26" height="50" />
            <rect x="34" y="24" width="18" height="38" />
            <rect x="118" y="8" width="34" height="54" />
          </g>
        )}
        {(scene === 'stalled-car' || scene === 'street-water') && (
          <g>
            <rect x="58" y={water - 14} width="42" height="14" rx="3" fill="#8b96a8" />
            <rect x="66" y={water - 22} width="24" height="9" rx="3" fill="#9aa6b8" />
          </g>
        )}
        {scene === 'manhole' && <ellipse cx="80" cy={water + 4} rx="16" ry="4" fill="#cfe3ff" opacity="0.6" />}
        {scene === 'drain' && <rect x="66" y={water + 2} width="28" height="6" fill="#5a6678" />}
        <rect x="0" y={water} width="160" height={90 - water} fill="url(#fl-water)" />
        <path d={`M0 ${water} q10 -3 20 0 t20 0 t20 0 t20 0 t20 0 t20 0 t20 0 t20 0`} stroke="#bfe4ff" strokeWidth="1" fill="none" opacity="0.7" />
        {Array.from({ length: 22 }, (_, i) => (
          <line key={i} x1={(i * 37) % 160} y1={(i * 23) % 40} x2={((i * 37) % 160) - 3} y2={((i * 23) % 40) + 10} stroke="#a8c8e8" strokeWidth="0.8" opacity="0.6" />
        ))}
        <rect x="4" y="4" width="52" height="13" rx="2" fill="rgba(255,176,32,0.92)" />
        <text x="30" y="13.5" textAnchor="middle" fontSize="8" fontWeight="700" fill="#1b1200">
          {lang === 'zh' ? '模拟 · 示意图' : 'SIMULATED'}
        </text>
      </svg>
      <figcaption>
        {lang === 'zh' ? `照片占位（${SCENE_TEXT[scene].zh}）· 模拟，无真实照片` : `Photo placeholder (${SCENE_TEXT[scene].en}) · simulated, no real photo`}
      </figcaption>
    </figure>
  );
}
