/**
 * A small ECharts wrapper: modular import (only the charts we use), dark theme, resizes
 * with its box, merges option updates. Panels pass options derived from store selectors.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DatasetComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DatasetComponent, CanvasRenderer]);

export const CHART_TEXT = '#cfe3ff';
export const CHART_AXIS = 'rgba(120,170,255,0.35)';

export function Chart({ option, testId, className }: { option: EChartsCoreOption; testId?: string; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ backgroundColor: 'transparent', textStyle: { color: CHART_TEXT, fontSize: 12 }, animationDuration: 300, ...option }, { notMerge: false, lazyUpdate: true });
  }, [option]);
  return <div ref={ref} className={className ?? 'chart'} data-testid={testId} />;
}
