/**
 * 120 panel: calls waiting, ambulances by status, today's response times (call → arrival)
 * against the target, by district (ECharts). Derived from the tables at most 4 times a second.
 */
import { useMemo } from 'react';
import { useTables } from '../../src/store/react';
import { Chart, CHART_AXIS } from '../../src/panels/Chart';
import type { PanelProps } from '../types';
import { rgbaCss } from '../_shared/colors';
import { AMB_TOPIC, CALL_TOPIC, STATS_TOPIC, STATUSES, type AmbStatusName } from './topic';
import { STATUS_COLOR, STATUS_TEXT, T } from './texts';

interface Summary {
  time: number;
  fleet: number;
  waiting: number;
  byStatus: Record<AmbStatusName, number>;
  districts: { name: string; name_en: string; mean: number; target: number; n: number; within: number }[];
}

export function AmbulancePanel({ lang }: PanelProps) {
  const s = useTables((tables): Summary => {
    const amb = tables.table(AMB_TOPIC);
    const calls = tables.table(CALL_TOPIC);
    const stats = tables.table(STATS_TOPIC);
    const byStatus = Object.fromEntries(STATUSES.map((k) => [k, 0])) as Record<AmbStatusName, number>;
    for (const e of amb.rows) byStatus[e.status as AmbStatusName] = (byStatus[e.status as AmbStatusName] ?? 0) + 1;
    let waiting = 0;
    for (const e of calls.rows) if (e.status === 'waiting') waiting++;
    const districts = stats.rows
      .filter((e) => (e.n as number) >= 3)
      .map((e) => ({ name: String(e.name), name_en: String(e.name_en ?? e.name), mean: (e.mean_s as number) / 60, target: (e.target_s as number) / 60, n: e.n as number, within: e.within as number }))
      .sort((a, b) => b.n - a.n)
      .slice(0, 12);
    return { time: amb.time, fleet: amb.length, waiting, byStatus, districts };
  }, 4);
  const moving = s.byStatus.to_scene + s.byStatus.to_hospital + s.byStatus.returning;
  const statusOption = useMemo(
    () => ({
      grid: { left: 78, right: 30, top: 6, bottom: 4, containLabel: false },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', inverse: true, data: STATUSES.map((k) => STATUS_TEXT[k][lang]), axisLabel: { fontSize: 11 }, axisLine: { lineStyle: { color: CHART_AXIS } } },
      series: [{ type: 'bar', data: STATUSES.map((k) => ({ value: s.byStatus[k], itemStyle: { color: rgbaCss(STATUS_COLOR[k]) } })), label: { show: true, position: 'right', fontSize: 11 }, barWidth: '65%' }],
      tooltip: { trigger: 'axis' },
    }),
    [s.byStatus, lang],
  );
  const respOption = useMemo(
    () => ({
      grid: { left: 36, right: 8, top: 24, bottom: 52 },
      legend: { data: [lang === 'en' ? 'Mean' : '平均', T.target[lang]], textStyle: { fontSize: 11 }, top: 0 },
      xAxis: { type: 'category', data: s.districts.map((d) => (lang === 'en' ? d.name_en : d.name)), axisLabel: { fontSize: 10, rotate: 40, interval: 0 }, axisLine: { lineStyle: { color: CHART_AXIS } } },
      yAxis: { type: 'value', name: T.min[lang], nameTextStyle: { fontSize: 10 }, splitLine: { lineStyle: { color: CHART_AXIS } } },
      series: [
        { name: lang === 'en' ? 'Mean' : '平均', type: 'bar', data: s.districts.map((d) => ({ value: Math.round(d.mean * 10) / 10, itemStyle: { color: d.mean <= d.target ? '#2ecc71' : '#ff8a00' } })) },
        { name: T.target[lang], type: 'line', step: 'middle', symbol: 'none', lineStyle: { color: '#ff3b30', type: 'dashed' }, data: s.districts.map((d) => d.target) },
      ],
      tooltip: { trigger: 'axis' },
    }),
    [s.districts, lang],
  );
  return (
    <section className="panel" data-testid="panel-ambulances" data-time={s.time} data-waiting={s.waiting} data-by-status={JSON.stringify(s.byStatus)} data-districts={s.districts.length}>
      <h2>{T.title[lang]}</h2>
      <div style={{ display: 'flex', gap: '1rem', fontSize: '0.9rem', margin: '0.2rem 0 0.3rem' }}>
        <span>
          {T.waiting[lang]} <b data-testid="amb-waiting" style={{ color: s.waiting ? 'var(--warn, #ff8a00)' : 'var(--accent)', fontSize: '1.2rem' }}>{s.waiting}</b>
        </span>
        <span>
          {T.moving[lang]} <b style={{ color: 'var(--accent)', fontSize: '1.2rem' }}>{moving}</b>
        </span>
        <span>
          {T.fleet[lang]} <b style={{ fontSize: '1.2rem' }}>{s.fleet}</b>
        </span>
      </div>
      <div style={{ fontSize: '0.8rem', color: 'var(--muted)' }}>{T.byStatus[lang]}</div>
      <Chart option={statusOption} testId="amb-status-chart" />
      <div style={{ fontSize: '0.8rem', color: 'var(--muted)', marginTop: '0.3rem' }}>{T.response[lang]}</div>
      <Chart option={respOption} testId="amb-response-chart" />
      <p className="muted" style={{ fontSize: '0.75rem', margin: '0.2rem 0 0' }}>{T.simulated[lang]}</p>
    </section>
  );
}
