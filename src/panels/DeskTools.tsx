/**
 * The desk's header tools — replay menu, presenter mode, copy link, PNG export, help — and
 * the replay menu itself: the recorded incidents with a one-line description; choosing one
 * loads it with its event markers and jumps to its key moment.
 */
import { useStore } from 'zustand';
import type { Desk } from '../app/desk';
import { deskStore } from '../app/desk';
import { useCockpit } from '../store/react';
import { formatTime } from '../i18n';
import { dt } from '../i18n/desk';

export function DeskTools({ desk }: { desk: Desk }) {
  const lang = useCockpit((s) => s.lang);
  const presenter = useStore(deskStore, (s) => s.presenter);
  const menu = useStore(deskStore, (s) => s.replayMenu);
  return (
    <div className="desk-tools no-export" data-testid="desk-tools">
      <button className={`tool${menu ? ' on' : ''}`} data-testid="replay-menu-button" title={dt(lang, 'replaysTitle')} onClick={() => deskStore.setState({ replayMenu: !menu })}>
        {dt(lang, 'replays')}
      </button>
      <button className={`tool${presenter ? ' on' : ''}`} data-testid="presenter-toggle" title={`${dt(lang, 'presenter')} (P)`} onClick={() => deskStore.setState({ presenter: !presenter })}>
        {dt(lang, 'presenter')}
      </button>
      <button className="tool icon" data-testid="link-button" title={`${dt(lang, 'link')} (K)`} aria-label={dt(lang, 'link')} onClick={() => void desk.copyLink()}>
        🔗
      </button>
      <button className="tool icon" data-testid="export-button" title={`${dt(lang, 'export')} (E)`} aria-label={dt(lang, 'export')} onClick={() => void desk.exportPng().catch((e: Error) => desk.toast(e.message))}>
        ⤓
      </button>
      <button className="tool icon" data-testid="help-button" title={`${dt(lang, 'help')} (?)`} aria-label={dt(lang, 'help')} onClick={() => deskStore.setState((s) => ({ help: !s.help }))}>
        ?
      </button>
      {menu && <ReplayMenu desk={desk} />}
    </div>
  );
}

function ReplayMenu({ desk }: { desk: Desk }) {
  const lang = useCockpit((s) => s.lang);
  const url = useCockpit((s) => s.source.url);
  const replays = useStore(deskStore, (s) => s.replays);
  return (
    <div className="replay-menu" data-testid="replay-menu" role="menu">
      <h2>{dt(lang, 'replaysTitle')}</h2>
      {replays.length === 0 && <p className="muted">{dt(lang, 'replaysEmpty')}</p>}
      <ul>
        {replays.map((r) => (
          <li key={r.name}>
            <button className={`replay-item${r.url === url ? ' on' : ''}`} data-testid={`replay-${r.name}`} role="menuitem" onClick={() => void desk.chooseReplay(r.name).catch((e: Error) => desk.toast(e.message))}>
              <span className="replay-title">{r.title[lang]}</span>
              <span className="replay-desc">{r.description?.[lang] ?? r.title[lang]}</span>
              {r.keyMoment && (
                <span className="replay-key">
                  {dt(lang, 'keyMoment')} {formatTime(Date.parse(r.keyMoment))}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
