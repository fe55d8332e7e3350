/** The side columns' content: layer summary panels, the selected entity, alerts. */
import type { Cockpit } from '../app/cockpit';
import type { LayerContext } from '../../layers/types';
import { useCockpit, useTables } from '../store/react';
import { formatTime, tr } from '../i18n';
import { LayerBoundary } from './ErrorBoundary';

export function LayerPanels({ cockpit }: { cockpit: Cockpit }) {
  const lang = useCockpit((s) => s.lang);
  const vis = useCockpit((s) => s.layers);
  return (
    <>
      {cockpit.layers
        .filter((l) => l.Panel && vis[l.id]?.visible)
        .map((l) => {
          const P = l.Panel!;
          return (
            <section className="panel" key={l.id}>
              <h2>{l.title[lang]}</h2>
              <LayerBoundary id={l.id} label={tr(lang, 'layerFailed')}>
                <P lang={lang} actions={cockpit.panelActions} />
              </LayerBoundary>
            </section>
          );
        })}
    </>
  );
}

export function SelectionPanel({ cockpit, context }: { cockpit: Cockpit; context: () => LayerContext }) {
  const lang = useCockpit((s) => s.lang);
  const sel = useCockpit((s) => s.selection);
  const tableEntity = useTables((t) => (sel && t.has(sel.topic) ? t.table(sel.topic).get(sel.id) : undefined), 4, [sel?.topic, sel?.id]);
  const stateVersion = useCockpit((s) => s.layerStateVersion);
  void stateVersion;
  if (!sel) return null;
  // the plugin that reads the topic and has a drill-down panel, else any that reads or selects it
  const reads = (l: (typeof cockpit.layers)[number]) => l.topics.includes(sel.topic) || !!l.selects?.includes(sel.topic);
  const plugin = cockpit.layers.find((l) => reads(l) && l.Detail) ?? cockpit.layers.find(reads);
  // static features (no table) come from their layer
  const entity = tableEntity ?? cockpit.layers.find((l) => l.selects?.includes(sel.topic) && l.lookup)?.lookup?.(sel.topic, sel.id, context());
  let content: ReturnType<NonNullable<typeof plugin>['tooltip'] & {}> | null | undefined;
  try {
    content = entity && plugin?.tooltip?.(entity, sel.topic, context());
  } catch (e) {
    content = { title: `${sel.topic} / ${sel.id}`, rows: [[tr(lang, 'layerFailed'), (e as Error).message]] };
  }
  const Detail = plugin?.Detail;
  return (
    <section className="panel selection" data-testid="selection-panel">
      <h2>
        {tr(lang, 'details')}
        <button className="link" onClick={() => cockpit.select(null)} aria-label={tr(lang, 'close')}>
          ✕
        </button>
      </h2>
      {!entity && <p className="muted">{sel.topic} / {sel.id}</p>}
      {content && (
        <>
          <div className="sel-title">{content.title}</div>
          <table className="kv">
            <tbody>
              {content.rows.map(([k, v], i) => (
                <tr key={i}>
                  <th>{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {entity && Detail && (
        <LayerBoundary key={`${sel.topic}/${sel.id}`} id={plugin!.id} label={tr(lang, 'layerFailed')}>
          <Detail lang={lang} topic={sel.topic} id={sel.id} entity={entity} actions={cockpit.panelActions} />
        </LayerBoundary>
      )}
    </section>
  );
}

export function Alerts({ cockpit }: { cockpit: Cockpit }) {
  const lang = useCockpit((s) => s.lang);
  const events = useCockpit((s) => s.events);
  const time = useCockpit((s) => s.uiTime);
  const past = events.filter((e) => e.t <= time).slice(-8).reverse();
  return (
    <section className="panel alerts" data-testid="alerts">
      <h2>{tr(lang, 'alerts')}</h2>
      {past.length === 0 && <p className="muted">{tr(lang, 'noAlerts')}</p>}
      <ul>
        {past.map((e) => (
          <AlertItem key={e.id} cockpit={cockpit} event={e} lang={lang} />
        ))}
      </ul>
    </section>
  );
}

type TimelineEventItem = ReturnType<Cockpit['store']['getState']>['events'][number];

/** One alert: its time, (optionally) its layer and title; a click selects what it refers to or flies to it. */
export function AlertItem({ cockpit, event: e, lang, layer }: { cockpit: Cockpit; event: TimelineEventItem; lang: 'zh' | 'en'; layer?: string | null }) {
  return (
    <li className={`alert alert-${e.level}`}>
      <button
        className="alert-body"
        onClick={() => {
          if (e.ref_topic && e.ref_id) cockpit.select(e.ref_topic, e.ref_id);
          else if (e.lon !== undefined && e.lat !== undefined) cockpit.flyTo({ lon: e.lon, lat: e.lat });
        }}
      >
        <span className="alert-time">{formatTime(e.t, false)}</span>
        {layer && <span className="alert-layer">{layer}</span>}
        <span className="alert-title">{lang === 'en' ? (e.title_en ?? e.title) : e.title}</span>
      </button>
    </li>
  );
}
