/** Summary panel: hotspots by warning level and the deepest places now. */
import { useMemo } from 'react';
import { useTables } from '../../src/store/react';
import { Chart, CHART_AXIS } from '../../src/panels/Chart';
import type { PanelProps } from '../types';
import { LEVEL_COLORS, LEVEL_TEXT, levelOfDepth } from './levels';
import { WARNING_LEVELS, type WarningLevel } from './topic';
import { rgbaCss } from '../_shared/colors';

export function HotspotsPanel({ lang }: PanelProps) {
  const summary = useTables((tables) => {
    const t = tables.table('hotspots');
    const byLevel: Record<WarningLevel, number> = { none: 0, blue: 0, yellow: 0, orange: 0, red: 0 };
    const rows: { id: string; name: string; depth: number; level: WarningLevel }[] = [];
    for (let r = 0; r < t.length; r++) {
      const e = t.rows[r];
      const depth = t.columns.depth_cm[r];
      const level = (e.level as WarningLevel | undefined) ?? levelOfDepth(depth);
      byLevel[level]++;
      rows.push({ id: e.id, name: String(lang === 'en' ? (e.name_en ?? e.name) : e.name), depth, level });
    }
    rows.sort((a, b) => b.depth - a.depth);
    return { total: t.length, byLevel, top: rows.slice(0, 5) };
  }, 4, [lang]);

  const option = useMemo(
    () => ({
      grid: { left: 8, right: 8, top: 8, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: WARNING_LEVELS.map((l) => LEVEL_TEXT[l][lang]), axisLabel: { fontSize: 11, interval: 0 }, axisLine: { lineStyle: { color: CHART_AXIS } } },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: CHART_AXIS } } },
      series: [
        {
          type: 'bar',
          data: WARNING_LEVELS.map((l) => ({ value: summary.byLevel[l], itemStyle: { color: rgbaCss(LEVEL_COLORS[l]) } })),
          label: { show: true, position: 'top', color: '#fff' },
        },
      ],
    }),
    [summary, lang],
  );

  return (
    <div className="layer-panel" data-testid="panel-hotspots">
      <div className="kpis">
        <div className="kpi">
          <span className="kpi-value">{summary.total}</span>
          <span className="kpi-label">{lang === 'zh' ? '监测易涝点' : 'Watched hotspots'}</span>
        </div>
        <div className="kpi">
          <span className="kpi-value warn">{summary.byLevel.orange + summary.byLevel.red}</span>
          <span className="kpi-label">{lang === 'zh' ? '橙色及以上' : 'Orange or red'}</span>
        </div>
      </div>
      <Chart option={option} testId="chart-hotspot-levels" />
      <ol className="ranking">
        {summary.top.map((r) => (
          <li key={r.id}>
            <span className="dot" style={{ background: rgbaCss(LEVEL_COLORS[r.level]) }} />
            <span className="name">{r.name}</span>
            <span className="value">{r.depth.toFixed(0)} cm</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
