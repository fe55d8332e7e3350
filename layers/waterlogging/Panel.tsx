/**
 * The flood panel: two tabs that are also the map's mode.
 *  - 实况 / Observed: hotspots by warning level, the deepest places, the rain now, the
 *    latest citizen reports (simulated);
 *  - 情景 / Scenario: pick a design storm (return period × duration) or the recorded 2021
 *    storm; the predicted peak and time to peak at every hotspot, the worst ranked, the
 *    levels across return periods, and the map recoloured by the prediction.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useHandle, useTables } from '../../src/store/react';
import { Chart, CHART_AXIS } from '../../src/panels/Chart';
import type { PanelActions, PanelProps } from '../types';
import { rgbaCss } from '../_shared/colors';
import { LEVEL_COLORS, LEVEL_SHORT, LEVEL_TEXT, levelOf, nameOf, safeDepth } from './levels';
import { countLevels } from './mapping';
import {
  DURATIONS_MIN,
  peakTimeText,
  RETURN_PERIODS,
  scenarioFor,
  scenarioStore,
  showObserved,
  showScenario,
  specKey,
  specLabel,
  type ScenarioResult,
  type StormSpec,
} from './scenario';
import { REPORT_COLORS, reportMs, reportText, reportTime, SIMULATED_TEXT } from './reports';
import { WARNING_LEVELS, type WarningLevel } from './topic';
import './waterlogging.css';

/** Design storms that also exist as replayable timelines (mock-data/generator/flood-scenario.ts). */
const SCENARIO_TIMELINES = new Set(['p5-60', 'p20-60', 'p100-60']);

type Lang = PanelProps['lang'];

export function HotspotsPanel({ lang, actions }: PanelProps) {
  const mode = useStore(scenarioStore, (s) => s.mode);
  const spec = useStore(scenarioStore, (s) => s.spec);
  const zh = lang === 'zh';
  return (
    <div className="layer-panel fl-panel" data-testid="panel-hotspots" data-mode={mode} data-scenario={mode === 'scenario' ? specKey(spec) : ''}>
      <div className="fl-tabs" role="tablist">
        <button role="tab" aria-selected={mode === 'observed'} className={mode === 'observed' ? 'on' : ''} data-testid="flood-tab-observed" onClick={() => showObserved()}>
          {zh ? '实况' : 'Observed'}
        </button>
        <button role="tab" aria-selected={mode === 'scenario'} className={mode === 'scenario' ? 'on' : ''} data-testid="flood-tab-scenario" onClick={() => showScenario(spec)}>
          {zh ? '降雨情景预测' : 'Rainfall scenario'}
        </button>
      </div>
      {mode === 'observed' ? <ObservedView lang={lang} actions={actions} /> : <ScenarioView lang={lang} spec={spec} actions={actions} />}
    </div>
  );
}

// ---- observed ------------------------------------------------------------------------------

function ObservedView({ lang, actions }: { lang: Lang; actions: PanelActions }) {
  const zh = lang === 'zh';
  const select = (topic: string, id: string) => actions.select(topic, id);
  const s = useTables(
    (tables) => {
      const t = tables.table('hotspots');
      const byLevel = countLevels(t, null);
      const rows: { id: string; name: string; depth: number; level: WarningLevel }[] = [];
      for (let r = 0; r < t.length; r++) {
        const e = t.rows[r];
        const depth = safeDepth(t.columns.depth_cm?.[r]);
        rows.push({ id: e.id, name: nameOf(e, lang), depth, level: levelOf(e, depth) });
      }
      rows.sort((a, b) => b.depth - a.depth);
      const rp = tables.table('reports');
      const reports = rp.rows
        .map((e) => ({ id: e.id, t: reportMs(e), time: reportTime(e), text: reportText(e, lang, 46), status: String(e.status ?? 'new'), simulated: e.simulated !== false }))
        .sort((a, b) => b.t - a.t || b.id.localeCompare(a.id));
      const rain = tables.table('rainfall').rows[0];
      return {
        total: t.length,
        byLevel,
        top: rows.slice(0, 5),
        reports: reports.slice(0, 3),
        reportCount: rp.length,
        rain: rain && typeof rain.mm_h === 'number' ? rain.mm_h : null,
        rainTotal: rain && typeof rain.mm_total === 'number' ? rain.mm_total : null,
      };
    },
    4,
    [lang],
  );

  const option = useMemo(
    () => ({
      grid: { left: 4, right: 4, top: 14, bottom: 2, containLabel: true },
      xAxis: { type: 'category', data: WARNING_LEVELS.map((l) => LEVEL_SHORT[l][lang]), axisLabel: { fontSize: 11, interval: 0 }, axisLine: { lineStyle: { color: CHART_AXIS } } },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: CHART_AXIS } }, axisLabel: { fontSize: 10 } },
      series: [
        {
          type: 'bar',
          data: WARNING_LEVELS.map((l) => ({ value: s.byLevel[l], itemStyle: { color: rgbaCss(LEVEL_COLORS[l]) } })),
          label: { show: true, position: 'top', color: '#fff', fontSize: 11 },
          barWidth: '55%',
        },
      ],
    }),
    [s, lang],
  );

  return (
    <>
      <div
        className="kpis"
        data-testid="flood-levels"
        data-none={s.byLevel.none}
        data-blue={s.byLevel.blue}
        data-yellow={s.byLevel.yellow}
        data-orange={s.byLevel.orange}
        data-red={s.byLevel.red}
      >
        <div className="kpi">
          <span className="kpi-value">{s.total}</span>
          <span className="kpi-label">{zh ? '监测易涝点' : 'Watched hotspots'}</span>
        </div>
        <div className="kpi">
          <span className="kpi-value warn">{s.byLevel.orange + s.byLevel.red}</span>
          <span className="kpi-label">{zh ? '橙色及以上' : 'Orange or red'}</span>
        </div>
        <div className="kpi">
          <span className="kpi-value fl-rain">{s.rain === null ? '—' : s.rain.toFixed(0)}</span>
          <span className="kpi-label">{zh ? '雨强 mm/h' : 'Rain mm/h'}</span>
        </div>
        <div className="kpi">
          <span className="kpi-value fl-report">{s.reportCount}</span>
          <span className="kpi-label">{zh ? '市民上报' : 'Reports'}</span>
        </div>
      </div>
      <Chart option={option} testId="chart-hotspot-levels" className="chart fl-chart-small" />
      <ol className="ranking" data-testid="hotspot-ranking">
        {s.top.map((r) => (
          <li key={r.id}>
            <span className="dot" style={{ background: rgbaCss(LEVEL_COLORS[r.level]) }} />
            <button className="name fl-link" onClick={() => select('hotspots', r.id)}>
              {r.name}
            </button>
            <span className="value">{r.depth.toFixed(0)} cm</span>
          </li>
        ))}
      </ol>
      <div className="fl-subhead">
        {zh ? '最新市民拍照上报' : 'Latest citizen photo reports'}
        <span className="fl-sim">{SIMULATED_TEXT[lang]}</span>
      </div>
      {s.reports.length === 0 && <p className="muted fl-small">{zh ? '暂无上报' : 'No reports now'}</p>}
      <ul className="fl-reports">
        {s.reports.map((r) => (
          <li key={r.id} data-testid="report-item">
            <button className="fl-report-row" onClick={() => select('reports', r.id)}>
              <span className="fl-pin" style={{ background: rgbaCss(REPORT_COLORS[r.status] ?? REPORT_COLORS.new) }} />
              <span className="fl-report-time">{r.time.slice(6)}</span>
              <span className="fl-report-text">{r.text}</span>
              {r.simulated && <span className="fl-sim">{zh ? '模拟' : 'sim.'}</span>}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

// ---- scenario ------------------------------------------------------------------------------

function fmtMin(min: number | null, lang: Lang): string {
  if (min === null) return '—';
  if (min < 120) return `${min} min`;
  const h = Math.floor(min / 60);
  const m = min % 60;
  return lang === 'zh' ? `${h}小时${m ? `${m}分` : ''}` : `${h} h${m ? ` ${m} min` : ''}`;
}

function ScenarioView({ lang, spec, actions }: { lang: Lang; spec: StormSpec; actions: PanelActions }) {
  const zh = lang === 'zh';
  const select = (topic: string, id: string) => actions.select(topic, id);
  const key = specKey(spec);
  const duration = spec.kind === 'design' ? spec.durationMin : 60;
  // computed in the render (cached, well under a millisecond): a click shows its prediction in
  // the same frame; the hotspots' parameters are re-read when the table changes
  const { tables } = useHandle();
  const version = useTables((t) => t.table('hotspots').version, 1);
  const { result, compare } = useMemo(() => {
    const t = tables.table('hotspots');
    const result = scenarioFor(spec, t);
    const compare = RETURN_PERIODS.map((P) => ({ P, r: scenarioFor({ kind: 'design', P, durationMin: duration }, t) }));
    return { result, compare };
  }, [tables, key, duration, version]); // eslint-disable-line react-hooks/exhaustive-deps

  const compareOption = useMemo(
    () => ({
      grid: { left: 4, right: 4, top: 16, bottom: 2, containLabel: true },
      legend: { show: false },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: compare.map((c) => (zh ? `${c.P}年` : `${c.P} y`)),
        axisLabel: { fontSize: 10, interval: 0 },
        axisLine: { lineStyle: { color: CHART_AXIS } },
      },
      yAxis: { type: 'value', max: Math.max(1, result.ranked.length), splitLine: { lineStyle: { color: CHART_AXIS } }, axisLabel: { fontSize: 10 } },
      series: WARNING_LEVELS.filter((l) => l !== 'none').map((l) => ({
        type: 'bar',
        name: LEVEL_TEXT[l][lang],
        stack: 'levels',
        data: compare.map((c) => ({
          value: c.r.counts[l],
          itemStyle: {
            color: rgbaCss(LEVEL_COLORS[l]),
            opacity: spec.kind === 'design' && c.P === spec.P ? 1 : 0.55,
          },
        })),
        barWidth: '60%',
      })),
    }),
    [compare, lang, spec, result.ranked.length, zh],
  );

  const worst = result.ranked.slice(0, 8);
  const fixture = spec.kind === 'design' && SCENARIO_TIMELINES.has(key) ? `/mock-data/flood-scenario-${key}.ndjson` : null;

  return (
    <div className="fl-scenario" data-testid="scenario-view">
      <div className="fl-row">
        <span className="fl-label">{zh ? '重现期' : 'Return period'}</span>
        <div className="fl-seg">
          {RETURN_PERIODS.map((P) => (
            <button
              key={P}
              data-testid={`scenario-rp-${P}`}
              className={spec.kind === 'design' && spec.P === P ? 'on' : ''}
              onClick={() => showScenario({ kind: 'design', P, durationMin: duration })}
              title={zh ? `${P}年一遇` : `${P}-year storm`}
            >
              {P}
            </button>
          ))}
        </div>
      </div>
      <div className="fl-row">
        <span className="fl-label">{zh ? '历时' : 'Duration'}</span>
        <select
          data-testid="scenario-duration"
          value={spec.kind === 'design' ? spec.durationMin : ''}
          onChange={(e) => showScenario({ kind: 'design', P: spec.kind === 'design' ? spec.P : 20, durationMin: Number(e.target.value) })}
        >
          {spec.kind !== 'design' && <option value="">—</option>}
          {DURATIONS_MIN.map((d) => (
            <option key={d} value={d}>
              {d / 60} {zh ? '小时' : 'h'}
            </option>
          ))}
        </select>
        <button data-testid="scenario-recorded" className={`fl-chip-btn ${spec.kind === 'recorded' ? 'on' : ''}`} onClick={() => showScenario({ kind: 'recorded', id: '2021-07-20' })}>
          {zh ? '实况暴雨 2021·7·20' : 'Recorded 20 Jul 2021'}
        </button>
      </div>
      <div className="fl-banner" data-testid="scenario-banner">
        <span>
          {zh ? '地图显示预测峰值：' : 'Map shows predicted peaks: '}
          <b>{specLabel(spec)[lang]}</b>
        </span>
        <button className="fl-back" data-testid="scenario-back" onClick={() => showObserved()}>
          {zh ? '返回实况' : 'Back to observed'}
        </button>
      </div>
      <Summary result={result} lang={lang} />
      <div className="fl-chips" data-testid="scenario-levels" data-red={result.counts.red} data-orange={result.counts.orange} data-none={result.counts.none}>
        {WARNING_LEVELS.map((l) => (
          <span key={l} className="fl-chip" style={{ borderColor: rgbaCss(LEVEL_COLORS[l]) }}>
            <span className="dot" style={{ background: rgbaCss(LEVEL_COLORS[l]) }} />
            {LEVEL_SHORT[l][lang]} {result.counts[l]}
          </span>
        ))}
      </div>
      <table className="fl-rank" data-testid="scenario-ranking">
        <thead>
          <tr>
            <th>{zh ? '最严重的易涝点' : 'Worst hotspots'}</th>
            <th className="num">{zh ? '峰值' : 'Peak'}</th>
            <th className="num">{zh ? '达峰' : 'To peak'}</th>
          </tr>
        </thead>
        <tbody>
          {worst.map((p) => {
            const clock = result.spec.kind === 'recorded' ? peakTimeText(p.time_to_peak_min, result.start) : null;
            return (
              <tr key={p.id} data-testid="scenario-rank-row">
                <td>
                  <button className="fl-link" onClick={() => select('hotspots', p.id)}>
                    <span className="dot" style={{ background: rgbaCss(LEVEL_COLORS[p.level]) }} />
                    {lang === 'en' ? p.name_en : p.name}
                  </button>
                </td>
                <td className="num">{p.peak_cm.toFixed(0)} cm</td>
                <td className="num">{clock ?? fmtMin(p.time_to_peak_min, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="fl-subhead">{zh ? `各重现期预警点数（历时${duration / 60}小时）` : `Warnings by return period (${duration / 60} h)`}</div>
      <Chart option={compareOption} testId="chart-scenario-compare" className="chart fl-chart-small" />
      {fixture && (
        <a className="fl-link fl-replay" data-testid="scenario-replay-link" href={`?timeline=${encodeURIComponent(fixture)}&lang=${lang}`}>
          {zh ? '▶ 按时间线回放此情景（模拟）' : '▶ Replay this scenario as a timeline (simulated)'}
        </a>
      )}
    </div>
  );
}

function Summary({ result, lang }: { result: ScenarioResult; lang: Lang }) {
  const zh = lang === 'zh';
  const n = result.ranked.length;
  return (
    <div className="fl-summary" data-testid="scenario-summary" data-key={result.key} data-compute-ms={result.compute_ms.toFixed(3)} data-hotspots={n}>
      <span>
        {zh ? '雨量' : 'Rain'} <b>{result.total_mm.toFixed(1)} mm</b>
      </span>
      <span>
        {zh ? '5分钟峰值雨强' : 'Peak 5-min'} <b>{result.peak_mm_h.toFixed(0)} mm/h</b>
      </span>
      <span className="muted">
        {zh ? `${n} 个点计算 ${result.compute_ms.toFixed(1)} ms` : `${n} places in ${result.compute_ms.toFixed(1)} ms`}
        {result.unmodelled > 0 ? (zh ? `（${result.unmodelled} 个无模型参数）` : ` (${result.unmodelled} without model)`) : ''}
      </span>
    </div>
  );
}
