/** Header: title, source badge (REPLAY / LIVE) and SIMULATED label, data clock, language switch. */
import type { ReactNode } from 'react';
import type { Cockpit } from '../app/cockpit';
import { useCockpit } from '../store/react';
import { formatTime, tr } from '../i18n';
import { FixturePicker } from './FixturePicker';
import { Search } from './Search';
import { RecordButton } from './Recorder';

export function Header({ cockpit, tools }: { cockpit: Cockpit; tools?: ReactNode }) {
  const lang = useCockpit((s) => s.lang);
  const kind = useCockpit((s) => s.source.kind);
  const simulated = useCockpit((s) => s.source.simulated);
  const time = useCockpit((s) => s.uiTime);
  const ready = useCockpit((s) => s.source.state === 'ready');
  const title = cockpit.config.title[lang];
  return (
    <header className="header" data-testid="header">
      <h1>{title}</h1>
      <div className="badges">
        <span className={`badge badge-${kind === 'replay' ? 'replay' : 'live'}`} data-testid="source-badge">
          {kind === 'replay' ? tr(lang, 'badgeReplay') : tr(lang, 'badgeLive')}
        </span>
        {simulated && (
          <span className="badge badge-sim" data-testid="simulated-badge">
            {tr(lang, 'badgeSimulated')}
          </span>
        )}
      </div>
      <Search cockpit={cockpit} />
      <FixturePicker cockpit={cockpit} />
      <RecordButton cockpit={cockpit} />
      {tools}
      <div className="clock" data-testid="data-clock">
        <span className="clock-label">{tr(lang, 'dataClock')}</span>
        <span className="clock-value">{ready ? formatTime(time) : '—'}</span>
      </div>
      <button className="lang" data-testid="lang-switch" onClick={() => cockpit.setLang(lang === 'zh' ? 'en' : 'zh')}>
        {tr(lang, 'language')}
      </button>
    </header>
  );
}
