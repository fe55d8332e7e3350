/**
 * The community panel: breadcrumb (city › district › community, Esc goes up), search by
 * name or pinyin initials, tier counts of the scope, communities by tier per district
 * (stacked bars), the tier curves over time (from the `community-stats` history) and the
 * latest tier changes. Selecting a district (click on the map, the chart or the
 * breadcrumb) switches the panel to that district's figures and flies there.
 * Feed strings are rendered as text, never as markup.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { useCockpit, useHandle, useHistory, useTables } from '../../src/store/react';
import { Chart, CHART_AXIS } from '../../src/panels/Chart';
import type { PanelProps } from '../types';
import { rgbaCss } from '../_shared/colors';
import { CITY_ID, DISTRICTS, districtIndex, districtInfo, shortTime, STATS_TOPIC, TIER_COLORS, TIER_SHORT, TIER_TEXT, TOPIC, type Tier } from './model';
import { communityIndex } from './state';
import { summarize, type Summary } from './summary';
import { cityView, districtView, levelOf, upOf, type Level } from './nav';
import { searchCommunities } from './search';

const STATS_FIELDS = ['green', 'yellow', 'red'] as const;

/** Styles of this panel only (class names prefixed `comm-`). */
export const PANEL_CSS = `
.comm-panel { display: flex; flex-direction: column; gap: 0.35rem; }
.comm-crumbs { display: flex; align-items: center; gap: 0.25rem; font-size: 0.85rem; min-width: 0; white-space: nowrap; overflow: hidden; }
.comm-crumbs button { background: none; border: none; padding: 0; color: var(--accent); cursor: pointer; font-size: inherit; }
.comm-crumbs button[aria-current="page"] { color: #fff; cursor: default; font-weight: 700; }
.comm-crumbs .sep { color: var(--muted); }
.comm-crumbs .esc { margin-left: auto; color: var(--muted); font-size: 0.7rem; }
.comm-search { position: relative; }
.comm-search input { width: 100%; background: #0a2342; border: 1px solid var(--panel-border); border-radius: 0.25rem; padding: 0.2rem 0.5rem; font-size: 0.85rem; }
.comm-results { position: absolute; top: 100%; left: 0; right: 0; z-index: 40; list-style: none; margin: 0.15rem 0 0; padding: 0.2rem; background: rgba(4, 16, 31, 0.97); border: 1px solid var(--accent); border-radius: 0.25rem; max-height: 16rem; overflow: auto; }
.comm-results button { width: 100%; text-align: left; background: none; border: none; padding: 0.2rem 0.35rem; cursor: pointer; display: flex; gap: 0.4rem; align-items: center; font-size: 0.8rem; }
.comm-results button[aria-selected="true"], .comm-results button:hover { background: rgba(0, 229, 255, 0.14); }
.comm-results .d { margin-left: auto; color: var(--muted); flex: none; }
.comm-kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0.3rem; }
.comm-kpis .kpi { padding: 0.15rem; }
.comm-kpis .kpi-value { font-size: 1.35rem; }
.comm-chart { width: 100%; height: 7rem; }
.comm-chart-bars { height: 8rem; }
.comm-row { display: flex; align-items: center; gap: 0.4rem; }
.comm-toggle { margin-left: auto; display: inline-flex; border: 1px solid var(--panel-border); border-radius: 0.2rem; overflow: hidden; }
.comm-toggle button { background: none; border: none; padding: 0 0.4rem; font-size: 0.72rem; color: var(--muted); cursor: pointer; }
.comm-toggle button[aria-pressed="true"] { background: rgba(0, 229, 255, 0.18); color: #fff; }
.comm-changes { list-style: none; margin: 0; padding: 0; font-size: 0.78rem; }
.comm-changes button { width: 100%; display: flex; gap: 0.35rem; align-items: center; background: none; border: none; padding: 0.1rem 0; cursor: pointer; text-align: left; }
.comm-changes .dot { width: 0.55rem; height: 0.55rem; border-radius: 50%; flex: none; }
.comm-changes .n { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.comm-changes .t { color: var(--muted); font-variant-numeric: tabular-nums; flex: none; }
.comm-sub { font-size: 0.75rem; color: var(--muted); margin: 0.1rem 0 0; }
`;

/** The root font size in px (the layout scales with it: 16 px at 1920×1080, 32 px on 4K walls). */
function useRem(): number {
  const read = () => (typeof document === 'undefined' ? 16 : parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
  const [rem, setRem] = useState(read);
  useEffect(() => {
    const on = () => setRem(read());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return rem;
}

const dname = (code: string, lang: 'zh' | 'en') => {
  const d = districtInfo(code);
  return d ? (lang === 'zh' ? d.zh : d.en) : code;
};

export function CommunitiesPanel({ lang, actions }: PanelProps) {
  const { tables, store } = useHandle();
  const sel = useCockpit((s) => s.selection);
  const zh = lang === 'zh';
  const rem = useRem();

  // the drill-down level: from the selection (a community's district from the table)
  const selDistrict = useTables((t) => (sel?.topic === TOPIC && t.has(TOPIC) ? ((t.table(TOPIC).get(sel.id)?.district as string | undefined) ?? null) : null), 4, [sel?.topic, sel?.id]);
  const level: Level = useMemo(() => levelOf(sel, () => selDistrict ?? undefined), [sel, selDistrict]);
  const levelKey = level.level === 'city' ? 'city' : level.level === 'district' ? `d:${level.district}` : `c:${level.id}`;
  const scope = level.level === 'city' ? -1 : districtIndex(level.district);
  const scopeCode = level.level === 'city' ? null : level.district;

  const last = useRef<Summary | undefined>(undefined);
  const summary = useTables((t) => {
    const table = t.table(TOPIC);
    last.current = summarize(table, communityIndex(table), scope, last.current);
    return last.current;
  }, 4, [scope]);
  const communityName = useTables((t) => {
    if (level.level !== 'community') return '';
    const e = t.table(TOPIC).get(level.id);
    return e ? String(zh ? e.name : (e.name_en ?? e.name)) : level.id;
  }, 4, [levelKey, lang]);

  // ---- flying with the drill-down --------------------------------------------------
  const prevFocus = useRef<string | null>(null);
  const selKey = sel ? `${sel.topic}:${sel.id}` : '';
  useEffect(() => {
    const table = tables.table(TOPIC);
    const focus = level.level === 'city' ? null : level.district;
    const entering = focus !== prevFocus.current;
    prevFocus.current = focus;
    if (level.level === 'district' && entering) {
      const b = districtView(level.district, table, communityIndex(table));
      if (b) actions.fitBounds(b);
    } else if (level.level === 'community') {
      const e = table.get(level.id);
      if (e && typeof e.lon === 'number' && typeof e.lat === 'number') actions.flyTo({ lon: e.lon, lat: e.lat, zoom: Math.max(14, store.getState().zoom) });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selKey, levelKey]);

  /** Go to a level (breadcrumb, Esc): select, and fly where a selection alone would not. */
  const goTo = (target: { topic: string; id: string } | null) => {
    actions.select(target?.topic ?? null, target?.id);
    if (target === null) actions.fitBounds(cityView());
    else if (target.topic === 'districts') {
      const table = tables.table(TOPIC);
      const b = districtView(target.id, table, communityIndex(table));
      if (b) actions.fitBounds(b);
    }
  };
  const levelRef = useRef(level);
  levelRef.current = level;
  const goToRef = useRef(goTo);
  goToRef.current = goTo;

  // Esc goes one level up (not while typing in a field: the search box clears itself first)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      const up = upOf(levelRef.current);
      if (up === undefined) return;
      e.preventDefault();
      goToRef.current(up);
    };
    // capture: runs before the cockpit's global shortcuts (Esc there clears the selection)
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  // ---- charts ------------------------------------------------------------------------
  const fs = Math.max(10, Math.round(0.68 * rem));
  // the bars: red + yellow only (green would dwarf them), or all three tiers
  const [barMode, setBarMode] = useState<'auto' | 'risk' | 'all'>('auto');
  const cityRisk = summary.districts.reduce((a, c) => a + c[1] + c[2], 0);
  const mode = barMode === 'auto' ? (cityRisk > 0 ? 'risk' : 'all') : barMode;
  const barOption = useMemo<EChartsCoreOption>(() => {
    // Chinese names read top to bottom under narrow bars; English ones slanted
    const names = DISTRICTS.map((d) => (zh ? [...d.short_zh].join('\n') : d.short_en));
    const dim = (d: number) => (scope >= 0 && d !== scope ? 0.3 : 1);
    const tiers: Tier[] = mode === 'risk' ? ['red', 'yellow'] : ['red', 'yellow', 'green'];
    const series = tiers.map((tier) => {
      const k = tier === 'red' ? 2 : tier === 'yellow' ? 1 : 0;
      return {
        name: TIER_TEXT[tier][lang],
        type: 'bar',
        stack: 'tier',
        barCategoryGap: '25%',
        data: summary.districts.map((c, d) => ({ value: c[k], itemStyle: { color: rgbaCss(TIER_COLORS[tier]), opacity: dim(d) } })),
      };
    });
    return {
      grid: { left: 4, right: 6, top: 6, bottom: 2, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: fs } },
      xAxis: { type: 'category', data: names, axisLabel: { fontSize: fs - 2, interval: 0, rotate: zh ? 0 : 60, lineHeight: fs - 1 }, axisLine: { lineStyle: { color: CHART_AXIS } } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fs - 1 }, splitLine: { lineStyle: { color: CHART_AXIS } } },
      series,
    };
  }, [summary, scope, lang, zh, fs, mode]);

  const start = useCockpit((s) => s.clock.start);
  const end = useCockpit((s) => s.clock.end);
  // the curve up to the data clock, redrawn every 15 data minutes
  const now = useCockpit((s) => Math.floor(s.uiTime / 900_000) * 900_000 + 899_999);
  const history = useHistory(STATS_TOPIC, scopeCode ?? CITY_ID, STATS_FIELDS);
  const lineOption = useMemo<EChartsCoreOption>(() => {
    const pts = (field: Tier) => {
      const out: [number, number][] = [];
      if (!history) return out;
      for (let i = 0; i < history.t.length; i++) {
        if (history.t[i] > now) break;
        const v = history.values[field]?.[i];
        if (v !== null && v !== undefined) out.push([history.t[i], v]);
      }
      return out;
    };
    const line = (tier: Tier, axis: number, dashed = false) => ({
      name: TIER_SHORT[tier][lang],
      type: 'line',
      yAxisIndex: axis,
      step: 'end',
      showSymbol: false,
      lineStyle: { width: 2, color: rgbaCss(TIER_COLORS[tier]), type: dashed ? 'dashed' : 'solid' },
      itemStyle: { color: rgbaCss(TIER_COLORS[tier]) },
      data: pts(tier),
    });
    return {
      grid: { left: 4, right: 4, top: 18, bottom: 2, containLabel: true },
      legend: { top: 0, right: 0, itemHeight: 6, itemWidth: 12, textStyle: { fontSize: fs - 1, color: '#cfe3ff' } },
      tooltip: { trigger: 'axis', textStyle: { fontSize: fs } },
      xAxis: { type: 'time', min: start || undefined, max: end || undefined, axisLabel: { fontSize: fs - 1, hideOverlap: true }, axisLine: { lineStyle: { color: CHART_AXIS } }, splitLine: { show: false } },
      yAxis: [
        { type: 'value', minInterval: 1, axisLabel: { fontSize: fs - 1 }, splitLine: { lineStyle: { color: CHART_AXIS } } },
        { type: 'value', minInterval: 1, scale: true, axisLabel: { fontSize: fs - 1, color: rgbaCss(TIER_COLORS.green) }, splitLine: { show: false } },
      ],
      series: [line('red', 0), line('yellow', 0), line('green', 1, true)],
    };
  }, [history, now, start, end, lang, fs]);

  // ---- search ------------------------------------------------------------------------
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const results = useMemo(() => {
    if (!query.trim()) return [];
    const t = tables.table(TOPIC);
    return searchCommunities(query, t.rows, 8).map((h) => t.rows[h.index]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, summary.rows]);
  const choose = (id: string) => {
    setOpen(false);
    setQuery('');
    actions.select(TOPIC, id);
  };

  const [g, y, r] = summary.scope;
  const total = g + y + r;
  const scopeTitle = scopeCode ? dname(scopeCode, lang) : zh ? '郑州市' : 'Zhengzhou';
  const counts = JSON.stringify({ scope: scopeCode ?? CITY_ID, total, green: g, yellow: y, red: r, districts: Object.fromEntries(DISTRICTS.map((d, i) => [d.code, summary.districts[i]])) });

  return (
    <div className="layer-panel comm-panel" data-testid="panel-communities" data-level={level.level} data-counts={counts}>
      <style>{PANEL_CSS}</style>
      <nav className="comm-crumbs" data-testid="comm-breadcrumb" aria-label={zh ? '层级' : 'Drill-down'}>
        <button data-testid="comm-crumb-city" aria-current={level.level === 'city' ? 'page' : undefined} onClick={() => level.level !== 'city' && goTo(null)}>
          {zh ? '郑州市' : 'Zhengzhou'}
        </button>
        {level.level !== 'city' && (
          <>
            <span className="sep">›</span>
            <button data-testid="comm-crumb-district" aria-current={level.level === 'district' ? 'page' : undefined} onClick={() => level.level === 'community' && goTo({ topic: 'districts', id: level.district })}>
              {dname(level.district, lang)}
            </button>
          </>
        )}
        {level.level === 'community' && (
          <>
            <span className="sep">›</span>
            <button data-testid="comm-crumb-community" aria-current="page">
              {communityName}
            </button>
          </>
        )}
        {level.level !== 'city' && <span className="esc">{zh ? 'Esc 返回上级' : 'Esc: up'}</span>}
      </nav>

      <div className="comm-search">
        <input
          data-testid="comm-search"
          value={query}
          placeholder={zh ? '搜索小区（名称或拼音首字母）' : 'Find a community (name or pinyin initials)'}
          aria-label={zh ? '搜索小区' : 'Find a community'}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              setActive((a) => Math.min(a + 1, results.length - 1));
              e.preventDefault();
            } else if (e.key === 'ArrowUp') {
              setActive((a) => Math.max(a - 1, 0));
              e.preventDefault();
            } else if (e.key === 'Enter' && results[active]) choose(results[active].id);
            else if (e.key === 'Escape') {
              if (query) {
                setQuery('');
                e.preventDefault();
              } else (e.target as HTMLInputElement).blur();
            }
          }}
        />
        {open && results.length > 0 && (
          <ul className="comm-results" data-testid="comm-search-results" role="listbox">
            {results.map((e, i) => (
              <li key={e.id}>
                <button data-testid="comm-search-result" role="option" aria-selected={i === active} onMouseDown={(ev) => ev.preventDefault()} onClick={() => choose(e.id)}>
                  <span className="dot" style={{ width: '0.55rem', height: '0.55rem', borderRadius: '50%', flex: 'none', background: rgbaCss(TIER_COLORS[(e.tier as Tier) ?? 'green'] ?? TIER_COLORS.green) }} />
                  <span>{String(zh ? e.name : (e.name_en ?? e.name))}</span>
                  <span className="d">{districtInfo(e.district)?.[zh ? 'short_zh' : 'short_en'] ?? ''}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="kpis comm-kpis">
        <div className="kpi">
          <span className="kpi-value" data-testid="comm-kpi-total">{total}</span>
          <span className="kpi-label">{scopeTitle}</span>
        </div>
        {(['red', 'yellow', 'green'] as Tier[]).map((tier) => (
          <div className="kpi" key={tier}>
            <span className="kpi-value" data-testid={`comm-kpi-${tier}`} style={{ color: rgbaCss(TIER_COLORS[tier]) }}>
              {tier === 'red' ? r : tier === 'yellow' ? y : g}
            </span>
            <span className="kpi-label">{TIER_TEXT[tier][lang]}</span>
          </div>
        ))}
      </div>

      <div className="comm-row">
        <p className="comm-sub">{zh ? '各区县小区风险等级' : 'Communities by tier per district'}</p>
        <span className="comm-toggle" role="group">
          <button data-testid="comm-bars-risk" aria-pressed={mode === 'risk'} onClick={() => setBarMode('risk')}>
            {zh ? '红黄' : 'Red+yellow'}
          </button>
          <button data-testid="comm-bars-all" aria-pressed={mode === 'all'} onClick={() => setBarMode('all')}>
            {zh ? '全部' : 'All'}
          </button>
        </span>
      </div>
      <Chart option={barOption} testId="chart-comm-districts" className="comm-chart comm-chart-bars" />
      <p className="comm-sub">{zh ? `${scopeTitle}风险小区数变化` : `Tier counts over time: ${scopeTitle}`}</p>
      <Chart option={lineOption} testId="chart-comm-trend" className="comm-chart" />

      <p className="comm-sub">{zh ? '最新变化' : 'Latest changes'}</p>
      <ul className="comm-changes" data-testid="comm-changes">
        {summary.latest.length === 0 && <li className="muted">{zh ? '暂无等级变化' : 'No tier changes yet'}</li>}
        {summary.latest.map((c) => (
          <li key={c.id}>
            <button data-testid="comm-change" title={zh ? c.reason : c.reason_en} onClick={() => actions.select(TOPIC, c.id)}>
              <span className="dot" style={{ background: rgbaCss(TIER_COLORS[c.tier] ?? TIER_COLORS.green) }} />
              <span className="n">
                {zh ? c.name : c.name_en}
                {c.prev ? ` ${TIER_SHORT[c.prev][lang]}→${TIER_SHORT[c.tier][lang]}` : ''}
              </span>
              <span className="t">{shortTime(c.since)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
