/**
 * The overview scene's panel: the city's headline figures, derived from the data at the
 * clock (never constants), and the latest alerts across all layers.
 */
import type { Cockpit } from '../app/cockpit';
import { useCockpit, useTables } from '../store/react';
import type { TableSet } from '../store/tables';
import { formatNumber } from '../i18n';
import { dt } from '../i18n/desk';
import { AlertItem } from './SidePanels';
import { levelOf, safeDepth } from '../../layers/waterlogging/levels';

interface Figures {
  hotspots: number;
  warning: number;
  deepest: number;
  rain1h: number | null;
  free: number | null;
  occupancy: number | null;
  communities: number | null;
  red: number | null;
  yellow: number | null;
  ambulances: number | null;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function figures(t: TableSet): Figures {
  const f: Figures = { hotspots: 0, warning: 0, deepest: 0, rain1h: null, free: null, occupancy: null, communities: null, red: null, yellow: null, ambulances: null };
  if (t.has('hotspots')) {
    const rows = t.table('hotspots').rows;
    f.hotspots = rows.length;
    for (const e of rows) {
      const d = safeDepth(e.depth_cm);
      if (levelOf(e, d) !== 'none') f.warning++;
      f.deepest = Math.max(f.deepest, d);
    }
  }
  if (t.has('rainfall')) for (const e of t.table('rainfall').rows) if (num(e.mm_1h) !== null) f.rain1h = Math.max(f.rain1h ?? 0, e.mm_1h as number);
  if (t.has('parking-city')) {
    const c = t.table('parking-city').get('city');
    const cap = num(c?.capacity);
    const free = num(c?.free);
    if (cap && free !== null) {
      f.free = free;
      f.occupancy = 1 - free / cap;
    }
  }
  if (t.has('community-stats')) {
    const c = t.table('community-stats').get('city');
    f.communities = num(c?.total);
    f.red = num(c?.red);
    f.yellow = num(c?.yellow);
  }
  // the 120 lifeline, when its layer feeds a topic
  for (const topic of t.topics()) if (/^ambulances?$/.test(topic) && t.table(topic).length) f.ambulances = t.table(topic).length;
  return f;
}

export function Overview({ cockpit }: { cockpit: Cockpit }) {
  const lang = useCockpit((s) => s.lang);
  const f = useTables(figures, 2);
  const events = useCockpit((s) => s.events);
  const time = useCockpit((s) => s.uiTime);
  const past = events.filter((e) => e.t <= time);
  const alarms = past.filter((e) => e.level === 'alarm').length;
  const latest = past.filter((e) => e.level !== 'info').slice(-6).reverse();
  const layerOf = (topic?: string) => (topic ? cockpit.layers.findLast((l) => l.topics.includes(topic))?.title[lang] : undefined);
  const n = (v: number | null, d = 0) => (v === null ? dt(lang, 'nothing') : formatNumber(Math.round(v * 10 ** d) / 10 ** d, lang));
  const kpi = (label: string, value: string, sub?: string, warn = false, id?: string) => (
    <div className="kpi" data-testid={id}>
      <span className={`kpi-value${warn ? ' warn' : ''}`}>{value}</span>
      <span className="kpi-label">{label}</span>
      {sub && <span className="kpi-sub">{sub}</span>}
    </div>
  );
  return (
    <section className="panel overview" data-testid="overview-panel">
      <h2>{dt(lang, 'overview')}</h2>
      <div className="kpi-grid">
        {kpi(dt(lang, 'hotspots'), `${n(f.warning)}/${n(f.hotspots)}`, `${dt(lang, 'warning')} · ${dt(lang, 'deepest')} ${n(f.deepest)} cm`, f.warning > 0, 'kpi-hotspots')}
        {kpi(dt(lang, 'rain1h'), `${n(f.rain1h, 1)}`, 'mm', (f.rain1h ?? 0) >= 50, 'kpi-rain')}
        {kpi(dt(lang, 'parkingFree'), n(f.free), `${dt(lang, 'occupancy')} ${f.occupancy === null ? '—' : `${Math.round(f.occupancy * 100)}%`}`, false, 'kpi-parking')}
        {kpi(dt(lang, 'communities'), n(f.communities), `${dt(lang, 'red')} ${n(f.red)} · ${dt(lang, 'yellow')} ${n(f.yellow)}`, (f.red ?? 0) > 0, 'kpi-communities')}
        {f.ambulances !== null && kpi(dt(lang, 'ambulances'), n(f.ambulances), undefined, false, 'kpi-ambulances')}
        {kpi(dt(lang, 'alarmsSoFar'), n(alarms), undefined, alarms > 0, 'kpi-alarms')}
      </div>
      <h3>{dt(lang, 'latestAlerts')}</h3>
      <ul className="overview-alerts" data-testid="overview-alerts">
        {latest.length === 0 && <li className="muted">{dt(lang, 'nothing')}</li>}
        {latest.map((e) => (
          <AlertItem key={e.id} cockpit={cockpit} event={e} lang={lang} layer={layerOf(e.ref_topic)} />
        ))}
      </ul>
    </section>
  );
}
