/**
 * Parking panels. Summary (tabs): city figures, the occupancy curve of the day, occupancy by
 * district and by type, the fullest car parks, and the "find parking" tool. Detail: one car
 * park, live, with its curve of the day. Figures are derived from the tables at most 4 times
 * a second; strings are rendered as text.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCockpit, useHandle, useHistory, useTables } from '../../src/store/react';
import { Chart, CHART_AXIS } from '../../src/panels/Chart';
import { searchPlaces, type RoadsFC, type PlaceData } from '../../src/geo/roadGraph';
import type { DetailProps, PanelActions, PanelProps } from '../types';
import { rgbaCss } from '../_shared/colors';
import { occColor } from './colors';
import { AREA_TOPIC, hexCenter } from './hexbin';
import { fmtDist, fmtInt, fmtPct, T, TYPE_TEXT } from './texts';
import { arm, choose, clearSearch, graphOf, searchFrom, toolStore, type Origin } from './tool';
import { CARPARK_TOPIC, CITY_ID, CITY_TOPIC, PARKING_TOPIC, type CarparkType } from './topic';
import { fullest, parkingView, searchInputOf, type ParkingView } from './view';
import { useStore } from 'zustand';

const DAY = 86_400_000;
const BJ = 8 * 3_600_000;
/** Start of the Beijing day containing t. */
const dayStart = (t: number) => Math.floor((t + BJ) / DAY) * DAY - BJ;

type Lang = 'zh' | 'en';
const s = {
  tabs: { display: 'flex', gap: '0.3rem', marginBottom: '0.4rem' } as const,
  tab: (on: boolean) => ({ flex: 1, padding: '0.15rem 0.3rem', fontSize: '0.85rem', cursor: 'pointer', borderRadius: '0.2rem', border: `1px solid ${on ? 'var(--accent)' : 'var(--panel-border)'}`, background: on ? 'rgba(0,229,255,0.15)' : 'transparent', color: on ? 'var(--accent)' : 'var(--text)' }),
  btn: { padding: '0.2rem 0.6rem', fontSize: '0.85rem', cursor: 'pointer', borderRadius: '0.2rem', border: '1px solid var(--accent)', background: 'rgba(0,229,255,0.1)', color: 'var(--accent)' } as const,
  input: { width: '100%', background: '#0a2342', border: '1px solid var(--panel-border)', borderRadius: '0.25rem', padding: '0.25rem 0.5rem', fontSize: '0.9rem' } as const,
  list: { listStyle: 'none', margin: '0.3rem 0 0', padding: 0, fontSize: '0.85rem' } as const,
  row: { display: 'flex', alignItems: 'center', gap: '0.4rem', padding: '0.15rem 0.2rem', cursor: 'pointer', borderRadius: '0.2rem', width: '100%', background: 'none', border: 'none', textAlign: 'left' } as const,
  dot: (c: string) => ({ width: '0.65rem', height: '0.65rem', borderRadius: '50%', flex: 'none', background: c }),
  name: { flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const,
  num: { fontVariantNumeric: 'tabular-nums', color: 'var(--accent)', whiteSpace: 'nowrap' } as const,
  muted: { color: 'var(--muted)', fontSize: '0.8rem', margin: '0.2rem 0' } as const,
  warn: { color: 'var(--warn)', fontSize: '0.85rem', margin: '0.3rem 0' } as const,
  bar: { display: 'flex', alignItems: 'center', gap: '0.4rem', fontSize: '0.8rem' } as const,
};

interface Summary {
  v: ParkingView;
  time: number;
  byType: { type: CarparkType; occ: number; capacity: number }[];
  byDistrict: { name: string; occ: number; capacity: number; free: number }[];
  top: { id: string; name: string; occ: number; free: number; capacity: number }[];
}

function useSummary(lang: Lang): Summary {
  const view = useMemo(() => parkingView(), []);
  return useTables(
    (tables) => {
      const v = view(tables);
      const st = v.s.table;
      return {
        v,
        time: v.totals.time,
        byType: v.byType.filter((t) => t.capacity > 0).map((t) => ({ type: t.type, occ: t.occ, capacity: t.capacity })),
        byDistrict: v.byDistrict
          .filter((d) => d.capacity >= 1000)
          .map((d) => ({ name: lang === 'en' ? d.en : d.zh, occ: d.occ, capacity: d.capacity, free: d.free }))
          .sort((a, b) => b.occ - a.occ),
        top: fullest(v, 5).map((r) => {
          const e = st.rows[r];
          return { id: st.ids[r], name: String(lang === 'en' ? (e.name_en ?? e.name) : e.name), occ: v.occ[r], free: v.free[r], capacity: v.s.capacity[r] };
        }),
      };
    },
    4,
    [lang],
  );
}

/** The city curve of the day so far: from the source's history of `parking-city`, else accumulated here. */
function useCityCurve(sum: Summary): { hours: number[]; city: number[]; office: number[]; residential: number[]; mall: number[] } {
  const hist = useHistory(CITY_TOPIC, CITY_ID, ['capacity', 'free', 'occ_office', 'occ_residential', 'occ_mall']);
  const acc = useRef<{ t: number[]; occ: number[] }>({ t: [], occ: [] });
  const t = sum.time;
  // live sources (no history): accumulate what we see, at most one point a minute, capped at a day
  const tot = sum.v.totals;
  const a = acc.current;
  if (Number.isFinite(t) && tot.capacityReporting > 0) {
    if (a.t.length && t < a.t[a.t.length - 1]) {
      a.t = [];
      a.occ = [];
    }
    if (!a.t.length || t - a.t[a.t.length - 1] >= 60_000) {
      a.t.push(t);
      a.occ.push(1 - tot.free / tot.capacityReporting);
      if (a.t.length > 1440) {
        a.t.shift();
        a.occ.shift();
      }
    }
  }
  return useMemo(() => {
    const d0 = dayStart(t);
    const out = { hours: [] as number[], city: [] as number[], office: [] as number[], residential: [] as number[], mall: [] as number[] };
    if (!Number.isFinite(t)) return out;
    const h = hist && hist.t.length ? hist : null;
    if (h) {
      for (let i = 0; i < h.t.length; i++) {
        const ti = h.t[i];
        if (ti < d0 || ti > t) continue;
        const cap = h.values.capacity[i];
        const free = h.values.free[i];
        if (cap === null || free === null || !(cap > 0)) continue;
        out.hours.push((ti - d0) / 3_600_000);
        out.city.push(Math.min(1, Math.max(0, 1 - free / cap)));
        out.office.push(h.values.occ_office[i] ?? NaN);
        out.residential.push(h.values.occ_residential[i] ?? NaN);
        out.mall.push(h.values.occ_mall[i] ?? NaN);
      }
    } else {
      for (let i = 0; i < a.t.length; i++) {
        if (a.t[i] < d0) continue;
        out.hours.push((a.t[i] - d0) / 3_600_000);
        out.city.push(a.occ[i]);
      }
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hist, t]);
}

const pct = (v: number) => (Number.isFinite(v) ? Math.round(v * 1000) / 10 : null);

function curveOption(c: ReturnType<typeof useCityCurve>, lang: Lang) {
  const line = (name: string, data: number[], color: string, width = 1.5) => ({
    name,
    type: 'line',
    showSymbol: false,
    data: c.hours.map((h, i) => [Math.round(h * 100) / 100, pct(data[i])]),
    lineStyle: { width, color },
    itemStyle: { color },
  });
  return {
    grid: { left: 4, right: 8, top: 22, bottom: 2, containLabel: true },
    legend: { top: 0, textStyle: { color: '#cfe3ff', fontSize: 11 }, itemWidth: 12, itemHeight: 6 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    xAxis: { type: 'value', min: 0, max: 24, interval: 6, axisLabel: { formatter: (v: number) => `${v}:00`, fontSize: 11 }, axisLine: { lineStyle: { color: CHART_AXIS } }, splitLine: { show: false } },
    yAxis: { type: 'value', min: 0, max: 100, interval: 50, axisLabel: { formatter: '{value}%', fontSize: 11 }, splitLine: { lineStyle: { color: CHART_AXIS } } },
    series: [
      line(lang === 'zh' ? '全市' : 'City', c.city, '#00e5ff', 2.5),
      ...(c.office.length ? [line(TYPE_TEXT.office[lang], c.office, '#ffb020'), line(TYPE_TEXT.mall[lang], c.mall, '#ff6bd6'), line(TYPE_TEXT.residential[lang], c.residential, '#7dd87d')] : []),
    ],
  };
}

function districtOption(rows: Summary['byDistrict']) {
  const r = [...rows].reverse();
  return {
    grid: { left: 4, right: 34, top: 2, bottom: 2, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, show: false },
    yAxis: { type: 'category', data: r.map((d) => d.name), axisLabel: { fontSize: 11, interval: 0 }, axisLine: { lineStyle: { color: CHART_AXIS } } },
    series: [
      {
        type: 'bar',
        barWidth: '60%',
        data: r.map((d) => ({ value: pct(d.occ), itemStyle: { color: rgbaCss(occColor(d.occ)) } })),
        label: { show: true, position: 'right', color: '#fff', fontSize: 11, formatter: '{c}%' },
      },
    ],
  };
}

/** Place search for the tool: roads, junctions, districts, water (offline geography) and car parks by name. */
function usePlaceData(): PlaceData | null {
  const assets = useCockpit((st) => st.assets);
  return useMemo(() => {
    const graph = graphOf(assets['parking.roads'] as RoadsFC | undefined);
    if (!graph) return null;
    return { graph, districts: assets.districts as PlaceData['districts'], water: assets['parking.water'] as PlaceData['water'] };
  }, [assets]);
}

/** Fit the camera around points, at least ~1 km across (never down to street furniture). */
function fitAround(actions: PanelActions, pts: [number, number][]): void {
  if (!pts.length) return;
  let w = Infinity, so = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of pts) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    so = Math.min(so, y);
    n = Math.max(n, y);
  }
  const padLon = Math.max(0, 0.012 - (e - w)) / 2;
  const padLat = Math.max(0, 0.009 - (n - so)) / 2;
  actions.fitBounds([[w - padLon, so - padLat], [e + padLon, n + padLat]]);
}

interface PlaceHit {
  key: string;
  label: string;
  lon: number;
  lat: number;
}

function FindParking({ lang, actions, sum }: { lang: Lang; actions: PanelActions; sum: Summary }) {
  const tool = useStore(toolStore);
  const places = usePlaceData();
  const { tables } = useHandle();
  const [q, setQ] = useState('');
  const hits = useMemo<PlaceHit[]>(() => {
    const query = q.trim();
    if (!query) return [];
    const out: PlaceHit[] = [];
    if (places) for (const p of searchPlaces(query, places).slice(0, 5)) out.push({ key: `${p.kind}:${p.ref}`, label: lang === 'en' ? p.name_en : p.name_zh, lon: p.center[0], lat: p.center[1] });
    const t = tables.table(CARPARK_TOPIC);
    const needle = query.toLowerCase();
    for (let r = 0; r < t.length && out.length < 9; r++) {
      const e = t.rows[r];
      const n = String(e.name ?? '');
      const ne = String(e.name_en ?? '');
      if (n.toLowerCase().includes(needle) || ne.toLowerCase().includes(needle)) out.push({ key: `cp:${e.id}`, label: lang === 'en' ? ne || n : n, lon: e.lon as number, lat: e.lat as number });
    }
    return out;
  }, [q, places, tables, lang]);

  const go = (o: Origin) => {
    const found = searchFrom(o, searchInputOf(sum.v));
    const v0 = sum.v;
    fitAround(actions, [[o.lon, o.lat], ...found.map((c) => [v0.s.positions[2 * c.row], v0.s.positions[2 * c.row + 1]] as [number, number])]);
    setQ('');
  };
  const v = sum.v;
  const rowOf = (id: string) => v.s.table.rowOf(id);
  const chosenRow = tool.chosen ? rowOf(tool.chosen) : undefined;
  const chosenFree = chosenRow === undefined ? NaN : v.free[chosenRow];
  const alternative = tool.candidates.find((c) => c.id !== tool.chosen && (v.free[rowOf(c.id) ?? -1] ?? 0) > 0);
  const nameOf = (id: string) => {
    const e = v.s.table.get(id);
    return e ? String(lang === 'en' ? (e.name_en ?? e.name) : e.name) : id;
  };
  const pickCandidate = (id: string) => {
    const r = rowOf(id);
    if (r === undefined) return;
    choose(id, [v.s.positions[2 * r], v.s.positions[2 * r + 1]], places?.graph ?? null);
    fitAround(actions, toolStore.getState().route?.coords ?? []);
  };

  return (
    <div data-testid="parking-find">
      <p style={s.muted}>{T.findHint[lang]}</p>
      <div style={{ display: 'flex', gap: '0.4rem', alignItems: 'center' }}>
        {tool.armed ? (
          <>
            <span style={{ ...s.warn, flex: 1 }} data-testid="parking-armed">{T.armed[lang]}</span>
            <button style={s.btn} onClick={() => arm(false)}>{T.cancel[lang]}</button>
          </>
        ) : (
          <button style={s.btn} data-testid="parking-arm" onClick={() => arm(true)}>
            ⌖ {T.armButton[lang]}
          </button>
        )}
        {tool.origin && !tool.armed && (
          <button style={{ ...s.btn, marginLeft: 'auto' }} data-testid="parking-clear" onClick={() => clearSearch()}>
            {T.clear[lang]}
          </button>
        )}
      </div>
      <div style={{ position: 'relative', marginTop: '0.4rem' }}>
        <input data-testid="parking-place-input" style={s.input} value={q} placeholder={T.placeholder[lang]} onChange={(e) => setQ(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && hits[0] && go({ lon: hits[0].lon, lat: hits[0].lat, label: hits[0].label })} />
        {hits.length > 0 && (
          <ul style={{ ...s.list, position: 'absolute', left: 0, right: 0, zIndex: 40, background: 'rgba(4,16,31,0.97)', border: '1px solid var(--accent)', borderRadius: '0.25rem' }}>
            {hits.map((h) => (
              <li key={h.key}>
                <button style={s.row} data-testid="parking-place-result" onClick={() => go({ lon: h.lon, lat: h.lat, label: h.label })}>
                  <span style={s.name}>{h.label}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {tool.origin && (
        <>
          <p style={{ ...s.muted, marginTop: '0.4rem' }}>
            {T.origin[lang]}: {tool.origin.label ?? `${T.mapPoint[lang]} ${tool.origin.lon.toFixed(4)}, ${tool.origin.lat.toFixed(4)}`} · {T.publicOnly[lang]}
          </p>
          {tool.candidates.length === 0 ? (
            <p style={s.warn}>{T.none[lang]}</p>
          ) : (
            <ol style={s.list} data-testid="parking-candidates">
              {tool.candidates.map((c, i) => {
                const r = rowOf(c.id);
                const f = r === undefined ? NaN : v.free[r];
                const o = r === undefined ? NaN : v.occ[r];
                return (
                  <li key={c.id} data-id={c.id} data-free={Number.isNaN(f) ? '' : f} data-dist={Math.round(c.distM)}>
                    <button style={{ ...s.row, background: c.id === tool.chosen ? 'rgba(0,229,255,0.14)' : 'none' }} onClick={() => pickCandidate(c.id)} data-testid="parking-candidate">
                      <span style={{ ...s.num, width: '1rem' }}>{i + 1}</span>
                      <span style={s.dot(rgbaCss(occColor(o)))} />
                      <span style={s.name}>{nameOf(c.id)}</span>
                      <span style={{ color: 'var(--muted)', whiteSpace: 'nowrap' }}>{fmtDist(c.distM, lang)}</span>
                      <span style={s.num}>{f === 0 ? T.full[lang] : fmtInt(f, lang)}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
          {tool.chosen && tool.route && (
            <div data-testid="parking-chosen" data-id={tool.chosen} data-free={Number.isNaN(chosenFree) ? '' : chosenFree} style={{ marginTop: '0.3rem', fontSize: '0.9rem' }}>
              <div>
                {T.route[lang]} → <b>{nameOf(tool.chosen)}</b>
              </div>
              <div style={s.bar}>
                <span>
                  {T.routeLength[lang]} {fmtDist(tool.route.lengthM, lang)}
                  {tool.route.straight ? ` (${T.straight[lang]})` : ''}
                </span>
                <span style={{ marginLeft: 'auto' }}>{T.freeNow[lang]}</span>
                <span style={{ ...s.num, fontSize: '1.3rem', color: chosenFree === 0 ? 'var(--bad)' : 'var(--accent)' }}>{chosenFree === 0 ? T.full[lang] : fmtInt(chosenFree, lang)}</span>
              </div>
              {chosenFree === 0 && alternative && (
                <p style={s.warn}>
                  {T.becameFull[lang]}{' '}
                  <button style={s.btn} onClick={() => pickCandidate(alternative.id)}>
                    {nameOf(alternative.id)}
                  </button>
                </p>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}

export function ParkingPanel({ lang, actions }: PanelProps) {
  const [tab, setTab] = useState<'overview' | 'districts' | 'find'>('overview');
  const sum = useSummary(lang);
  const curve = useCityCurve(sum);
  const tot = sum.v.totals;
  const occ = tot.capacityReporting > 0 ? 1 - tot.free / tot.capacityReporting : NaN;
  const armed = useStore(toolStore, (st) => st.armed);
  const hasOrigin = useStore(toolStore, (st) => !!st.origin);
  useEffect(() => {
    if (armed || hasOrigin) setTab('find');
  }, [armed, hasOrigin]);

  // a click on a hexagon selects the area: zoom into it instead
  const sel = useCockpit((st) => st.selection);
  useEffect(() => {
    if (sel?.topic !== AREA_TOPIC) return;
    const m = /^hex:(\d+(?:\.\d+)?):(-?\d+):(-?\d+)$/.exec(sel.id);
    actions.select(null);
    if (m) {
      const [lon, lat] = hexCenter(Number(m[2]), Number(m[3]), Number(m[1]));
      actions.flyTo({ lon, lat, zoom: 14.3 });
    }
  }, [sel, actions]);

  const curveOpt = useMemo(() => curveOption(curve, lang), [curve, lang]);
  const distOpt = useMemo(() => districtOption(sum.byDistrict), [sum.byDistrict]);
  const byType = Object.fromEntries(sum.byType.map((t) => [t.type, Math.round(t.occ * 1000) / 1000]));
  const byDistrict = Object.fromEntries(sum.v.byDistrict.filter((d) => d.capacity > 0).map((d) => [d.zh, Math.round(d.occ * 1000) / 1000]));

  if (tot.carparks === 0) return <div className="layer-panel" data-testid="panel-parking"><p style={s.muted}>{T.noReading[lang]}</p></div>;
  return (
    <div className="layer-panel" data-testid="panel-parking" data-time={Number.isFinite(sum.time) ? sum.time : ''} data-occ={Number.isFinite(occ) ? occ.toFixed(4) : ''} data-occ-by-type={JSON.stringify(byType)} data-occ-by-district={JSON.stringify(byDistrict)} data-out-of-range={tot.outOfRange}>
      <div className="kpis">
        <div className="kpi">
          <span className="kpi-value" data-testid="parking-total">{fmtInt(tot.capacity, lang)}</span>
          <span className="kpi-label">{T.spaces[lang]}</span>
        </div>
        <div className="kpi">
          <span className="kpi-value" data-testid="parking-free">{fmtInt(tot.free, lang)}</span>
          <span className="kpi-label">{T.free[lang]}</span>
        </div>
        <div className="kpi">
          <span className={`kpi-value${occ >= 0.85 ? ' warn' : ''}`}>{fmtPct(occ)}</span>
          <span className="kpi-label">{T.occupancy[lang]}</span>
        </div>
      </div>
      <p style={s.muted}>
        {fmtInt(tot.carparks, lang)} {T.carparks[lang]} · {T.simulated[lang]}
        {tot.outOfRange > 0 ? ` · ${tot.outOfRange} ${T.outOfRange[lang]}` : ''}
      </p>
      <div style={s.tabs} role="tablist">
        {(['overview', 'districts', 'find'] as const).map((k) => (
          <button key={k} role="tab" aria-selected={tab === k} style={s.tab(tab === k)} data-testid={`parking-tab-${k}`} onClick={() => setTab(k)}>
            {(k === 'overview' ? T.tabOverview : k === 'districts' ? T.tabDistricts : T.tabFind)[lang]}
          </button>
        ))}
      </div>
      {tab === 'overview' && (
        <>
          <div style={s.muted}>{T.curve[lang]}</div>
          <Chart option={curveOpt} testId="chart-parking-curve" />
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0.1rem 0.8rem', marginTop: '0.3rem' }} data-testid="parking-by-type">
            {sum.byType.map((t) => (
              <div key={t.type} style={s.bar}>
                <span style={s.dot(rgbaCss(occColor(t.occ)))} />
                <span style={s.name}>{TYPE_TEXT[t.type][lang]}</span>
                <span style={s.num}>{fmtPct(t.occ)}</span>
              </div>
            ))}
          </div>
        </>
      )}
      {tab === 'districts' && (
        <>
          <div style={s.muted}>{T.byDistrict[lang]}</div>
          <Chart option={distOpt} testId="chart-parking-districts" className="chart" />
          <div style={s.muted}>{T.fullest[lang]}</div>
          <ol className="ranking" data-testid="parking-fullest">
            {sum.top.map((r) => (
              <li key={r.id}>
                <span className="dot" style={{ background: rgbaCss(occColor(r.occ)) }} />
                <button className="name link" style={{ textAlign: 'left', color: 'var(--text)', padding: 0 }} onClick={() => actions.select(CARPARK_TOPIC, r.id)}>
                  {r.name}
                </button>
                <span className="value">
                  {fmtPct(r.occ)} · {r.free === 0 ? T.full[lang] : fmtInt(r.free, lang)}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {tab === 'find' && <FindParking lang={lang} actions={actions} sum={sum} />}
    </div>
  );
}

/** A selected car park: live free count and occupancy, its curve today, and the tool's actions. */
export function ParkingDetail({ lang, topic, id, entity, actions }: DetailProps) {
  const view = useMemo(() => parkingView(), []);
  const live = useTables(
    (tables) => {
      const v = view(tables);
      const r = v.s.table.rowOf(id);
      return { v, free: r === undefined ? NaN : v.free[r], occ: r === undefined ? NaN : v.occ[r], time: v.totals.time };
    },
    4,
    [id],
  );
  const hist = useHistory(PARKING_TOPIC, id, ['free']);
  const origin = useStore(toolStore, (st) => st.origin);
  const places = usePlaceData();
  const cap = typeof entity.capacity === 'number' ? entity.capacity : NaN;
  const option = useMemo(() => {
    const t = live.time;
    const d0 = dayStart(t);
    const pts: [number, number | null][] = [];
    if (hist && Number.isFinite(t) && cap > 0) {
      for (let i = 0; i < hist.t.length; i++) {
        if (hist.t[i] < d0 || hist.t[i] > t) continue;
        const f = hist.values.free[i];
        pts.push([Math.round(((hist.t[i] - d0) / 3_600_000) * 100) / 100, f === null ? null : pct(Math.min(1, Math.max(0, 1 - f / cap)))]);
      }
    }
    return {
      grid: { left: 4, right: 8, top: 6, bottom: 2, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 24, interval: 6, axisLabel: { formatter: (v: number) => `${v}:00`, fontSize: 11 }, splitLine: { show: false }, axisLine: { lineStyle: { color: CHART_AXIS } } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 50, axisLabel: { formatter: '{value}%', fontSize: 11 }, splitLine: { lineStyle: { color: CHART_AXIS } } },
      series: [{ type: 'line', step: 'end', showSymbol: false, data: pts, lineStyle: { width: 2, color: '#00e5ff' }, areaStyle: { color: 'rgba(0,229,255,0.12)' } }],
    };
  }, [hist, live.time, cap]);
  if (topic !== CARPARK_TOPIC) return null;
  const lon = entity.lon as number;
  const lat = entity.lat as number;
  return (
    <div data-testid="parking-detail" data-free={Number.isNaN(live.free) ? '' : live.free}>
      <div style={{ ...s.bar, fontSize: '1rem', margin: '0.3rem 0' }}>
        <span style={s.dot(rgbaCss(occColor(live.occ)))} />
        <span>{T.freeNow[lang]}</span>
        <span style={{ ...s.num, fontSize: '1.4rem' }}>{live.free === 0 ? T.full[lang] : fmtInt(live.free, lang)}</span>
        <span style={{ color: 'var(--muted)' }}>/ {fmtInt(cap, lang)}</span>
        <span style={{ marginLeft: 'auto' }}>{fmtPct(live.occ)}</span>
      </div>
      <div style={s.muted}>{T.today[lang]}</div>
      <Chart option={option} testId="chart-parking-detail" />
      <div style={{ display: 'flex', gap: '0.4rem', marginTop: '0.3rem', flexWrap: 'wrap' }}>
        <button style={s.btn} onClick={() => searchFrom({ lon, lat, label: String(lang === 'en' ? (entity.name_en ?? entity.name) : entity.name) }, searchInputOf(live.v))}>
          {T.findNearHere[lang]}
        </button>
        {origin && (
          <button
            style={s.btn}
            onClick={() => {
              choose(id, [lon, lat], places?.graph ?? null);
              fitAround(actions, toolStore.getState().route?.coords ?? [[origin.lon, origin.lat], [lon, lat]]);
            }}
          >
            {T.navigateHere[lang]}
          </button>
        )}
      </div>
    </div>
  );
}
