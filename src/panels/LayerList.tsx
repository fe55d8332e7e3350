/** Layer toggles with each layer's legend. */
import type { Cockpit } from '../app/cockpit';
import type { LayerContext } from '../../layers/types';
import { useCockpit } from '../store/react';
import { tr } from '../i18n';
import { rgbaCss } from '../../layers/_shared/colors';

export function LayerList({ cockpit, context }: { cockpit: Cockpit; context: () => LayerContext }) {
  const lang = useCockpit((s) => s.lang);
  const vis = useCockpit((s) => s.layers);
  const topicStates = useCockpit((s) => s.topics);
  const layerErrors = useCockpit((s) => s.layerErrors);
  useCockpit((s) => s.assets); // legends may depend on assets
  useCockpit((s) => s.layerStateVersion); // … and on layer state
  const ctx = context();
  return (
    <section className="panel layers" data-testid="layer-list">
      <h2>{tr(lang, 'layers')}</h2>
      <ul>
        {cockpit.layers.map((l) => {
          // a legend that throws must not take the list down: it shows as the layer's error
          let legend: ReturnType<typeof l.legend> = { items: [] };
          let error = layerErrors[l.id];
          try {
            legend = l.legend(ctx);
          } catch (e) {
            error ??= (e as Error).message || String(e);
          }
          const on = vis[l.id]?.visible ?? false;
          return (
            <li key={l.id} className={on ? 'on' : 'off'}>
              <label>
                <input type="checkbox" data-testid={`layer-toggle-${l.id}`} checked={on} onChange={(e) => cockpit.setLayerVisible(l.id, e.target.checked)} />
                <span className="layer-title">{l.title[lang]}</span>
                {l.topics.some((t) => topicStates[t]?.status.state === 'stale' || topicStates[t]?.status.state === 'error') && (
                  <span className="layer-stale" data-testid={`layer-stale-${l.id}`} title={l.topics.map((t) => topicStates[t]?.status.reason).filter(Boolean).join('; ')}>
                    {tr(lang, 'staleTopics')}
                  </span>
                )}
              </label>
              {on && error && (
                <div className="layer-error" role="alert" data-testid={`layer-error-${l.id}`} title={error}>
                  {tr(lang, 'layerFailed')}: {error.length > 160 ? `${error.slice(0, 160)}…` : error}
                </div>
              )}
              {on && (
                <div className="legend" data-testid={`legend-${l.id}`}>
                  {legend.items.map((it, i) => (
                    <span key={i} className="legend-item">
                      <span className={`swatch swatch-${it.shape ?? 'dot'}`} style={{ background: rgbaCss(it.color) }} />
                      {it.label[lang]}
                    </span>
                  ))}
                  {legend.note && <span className="legend-note">{legend.note[lang]}</span>}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
