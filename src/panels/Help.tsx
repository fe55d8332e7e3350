/** The shortcut help (?), the recovery notice (lost WebGL context, reload) and short toasts. */
import { useStore } from 'zustand';
import { deskStore } from '../app/desk';
import { useCockpit } from '../store/react';
import { dt, SHORTCUTS } from '../i18n/desk';

export function Help() {
  const on = useStore(deskStore, (s) => s.help);
  const lang = useCockpit((s) => s.lang);
  if (!on) return null;
  return (
    <div className="help-overlay" data-testid="help" role="dialog" aria-label={dt(lang, 'helpTitle')} onClick={() => deskStore.setState({ help: false })}>
      <div className="help-box" onClick={(e) => e.stopPropagation()}>
        <h2>{dt(lang, 'helpTitle')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([k, zh, en]) => (
              <tr key={k}>
                <th>
                  <kbd>{k}</kbd>
                </th>
                <td>{lang === 'en' ? en : zh}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function DeskOverlays() {
  const recovering = useStore(deskStore, (s) => s.recovering);
  const toast = useStore(deskStore, (s) => s.toast);
  return (
    <>
      {recovering && (
        <div className="recovering" data-testid="recovering" role="status">
          {recovering}
        </div>
      )}
      {toast && (
        <div className="toast no-export" data-testid="toast" role="status">
          {toast.text}
        </div>
      )}
    </>
  );
}
