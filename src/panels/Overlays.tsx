/** Things drawn over the map: tooltip, loading progress, load errors, notices. */
import { useCockpit } from '../store/react';
import type { LayerContext, LayerPlugin } from '../../layers/types';
import { formatNumber, tr } from '../i18n';

export function Tooltip({ plugins, context }: { plugins: readonly LayerPlugin[]; context: () => LayerContext }) {
  const hover = useCockpit((s) => s.hover);
  useCockpit((s) => s.lang);
  useCockpit((s) => s.layerStateVersion);
  if (!hover) return null;
  const plugin = plugins.find((p) => p.id === hover.layerId);
  let content: ReturnType<NonNullable<typeof plugin>['tooltip'] & {}> | null | undefined;
  try {
    content = plugin?.tooltip?.(hover.entity, hover.topic, context());
  } catch (e) {
    console.error(`layer ${hover.layerId}: tooltip failed:`, e);
    return null;
  }
  if (!content) return null;
  // plain text only: feed strings are never markup
  return (
    <div className="tooltip" data-testid="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
      <div className="tt-title">{content.title}</div>
      <table>
        <tbody>
          {content.rows.map(([k, v], i) => (
            <tr key={i}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LoadingOverlay() {
  const lang = useCockpit((s) => s.lang);
  const src = useCockpit((s) => s.source);
  if (src.state === 'error') {
    return (
      <div className="load-error" role="alert" data-testid="load-error">
        <h2>{tr(lang, 'loadFailed')}</h2>
        <p className="url">{src.url}</p>
        <p className="reason">{src.error}</p>
      </div>
    );
  }
  if (src.state !== 'loading') return null;
  const p = src.progress;
  const frac = p && p.total ? Math.min(1, p.loaded / p.total) : undefined;
  return (
    <div className="loading" data-testid="loading">
      <div className="loading-title">{tr(lang, 'loading')}</div>
      <div className="progress">
        <div className="progress-fill" style={{ width: frac !== undefined ? `${frac * 100}%` : '30%' }} data-indeterminate={frac === undefined} />
      </div>
      <div className="loading-detail">
        {frac !== undefined ? `${Math.round(frac * 100)}% · ` : ''}
        {formatNumber(p?.messages ?? 0, lang)} {tr(lang, 'messages')}
      </div>
    </div>
  );
}

export function Notices() {
  const notices = useCockpit((s) => s.notices);
  const lang = useCockpit((s) => s.lang);
  const stale = useCockpit((s) =>
    Object.entries(s.topics)
      .filter(([, h]) => h.status.state === 'stale')
      .map(([t]) => t)
      .join(', '),
  );
  const glLost = useCockpit((s) => s.glContext === 'lost');
  if (!notices.length && !stale && !glLost) return null;
  return (
    <div className="notices" data-testid="notices">
      {glLost && (
        <div className="notice notice-error" data-testid="gl-lost-notice">
          {tr(lang, 'glLost')}
        </div>
      )}
      {stale && (
        <div className="notice notice-stale" data-testid="stale-notice">
          {tr(lang, 'staleTopics')}: {stale}
        </div>
      )}
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`}>
          {n.text}
        </div>
      ))}
    </div>
  );
}
