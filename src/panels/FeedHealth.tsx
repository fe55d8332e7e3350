/** Feed health: per topic state, entity count, accepted / rejected / gaps, and the rejects. */
import { useEffect, useState } from 'react';
import { useCockpit, useTables } from '../store/react';
import { formatNumber, tr } from '../i18n';
import { UNKNOWN_TOPIC } from '../data/edge';

export function FeedHealth() {
  const lang = useCockpit((s) => s.lang);
  const topics = useCockpit((s) => s.topics);
  const rejects = useCockpit((s) => s.rejects);
  const counts = useTables((t) => Object.fromEntries(t.topics().map((k) => [k, t.table(k).length])), 2);
  const live = useCockpit((s) => s.source.kind !== 'replay');
  const sourceError = useCockpit((s) => (s.source.state === 'error' ? s.source.error : undefined));
  // re-render every second for message ages
  const [, tick] = useState(0);
  useEffect(() => {
    if (!live) return;
    const t = setInterval(() => tick((x) => x + 1), 1000);
    return () => clearInterval(t);
  }, [live]);
  const now = Date.now();
  const [open, setOpen] = useState(false);
  const names = Object.keys(topics).sort((a, b) => (a === UNKNOWN_TOPIC ? 1 : b === UNKNOWN_TOPIC ? -1 : a.localeCompare(b)));
  const totalRejected = names.reduce((a, k) => a + topics[k].counts.rejected, 0);
  return (
    <section className="panel feed-health" data-testid="feed-health">
      <h2>
        {tr(lang, 'feedHealth')}
        {totalRejected > 0 && (
          <button className="link" data-testid="feed-rejects-toggle" onClick={() => setOpen(!open)}>
            {tr(lang, 'rejected')} {formatNumber(totalRejected, lang)} {open ? '▴' : '▾'}
          </button>
        )}
      </h2>
      {sourceError && (
        <p className="feed-error" data-testid="feed-error">
          {sourceError}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>{tr(lang, 'topic')}</th>
            <th>{tr(lang, 'state')}</th>
            <th className="num">{tr(lang, 'count')}</th>
            {live && <th className="num">{tr(lang, 'age')}</th>}
            {live && <th className="num">{tr(lang, 'rate')}</th>}
            <th className="num">{tr(lang, 'accepted')}</th>
            <th className="num">{tr(lang, 'rejected')}</th>
          </tr>
        </thead>
        <tbody>
          {names.map((k) => {
            const h = topics[k];
            return (
              <tr key={k} data-testid={`feed-topic-${k}`} data-state={h.status.state} title={h.status.reason ?? h.counts.lastError ?? ''}>
                <td>{k}</td>
                <td>
                  <span className={`state state-${h.status.state}`}>{tr(lang, h.status.state)}</span>
                </td>
                <td className="num">{formatNumber(counts[k] ?? 0, lang)}</td>
                {live && <td className="num">{h.lastMessageAt ? `${Math.max(0, Math.round((now - h.lastMessageAt) / 1000))}s` : '—'}</td>}
                {live && <td className="num">{h.rate !== undefined ? h.rate.toFixed(1) : '—'}</td>}
                <td className="num">{formatNumber(h.counts.accepted, lang)}</td>
                <td className={`num ${h.counts.rejected ? 'bad' : ''}`}>{formatNumber(h.counts.rejected, lang)}</td>
                {h.counts.gaps > 0 && <td className="num warn" title={tr(lang, 'gaps')}>⚠{h.counts.gaps}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      {open && (
        <ul className="rejects" data-testid="feed-rejects">
          {rejects.length === 0 && <li>{tr(lang, 'noRejects')}</li>}
          {rejects.map((r, i) => (
            <li key={i} data-testid="feed-reject">
              <span className="where">
                {r.topic ?? '?'}
                {r.where.line !== undefined && ` · ${tr(lang, 'line')} ${r.where.line}`}
                {r.where.seq !== undefined && ` · ${tr(lang, 'seq')} ${r.where.seq}`}
              </span>
              <span className="reason">{r.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
