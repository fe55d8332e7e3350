/**
 * Presenter mode: a caption over the bottom of the map narrating the event marker at the
 * clock (the replay's note for that moment and the marker's own text), with previous /
 * next buttons that seek marker to marker.
 */
import { useStore } from 'zustand';
import type { Desk } from '../app/desk';
import { deskStore } from '../app/desk';
import { useCockpit } from '../store/react';
import { dt } from '../i18n/desk';

export function Presenter({ desk }: { desk: Desk }) {
  const on = useStore(deskStore, (s) => s.presenter);
  const lang = useCockpit((s) => s.lang);
  const events = useCockpit((s) => s.events);
  const time = useCockpit((s) => s.uiTime);
  useStore(deskStore, (s) => s.replays);
  if (!on) return null;
  let i = -1;
  for (let k = 0; k < events.length; k++) if (events[k].t <= time) i = k;
  const ev = i >= 0 ? events[i] : null;
  const n = ev ? desk.narration(ev) : null;
  return (
    <div className="presenter" data-testid="presenter">
      <button className="pres-btn" data-testid="presenter-prev" onClick={() => void desk.stepMarker(-1)} aria-label={dt(lang, 'prev')}>
        ◀
      </button>
      <div className="pres-text">
        {n?.line && (
          <div className="pres-line" data-testid="narration">
            {n.line}
          </div>
        )}
        <div className={`pres-marker${n?.line ? '' : ' solo'}`} data-testid="narration-marker">
          {n ? n.marker : dt(lang, 'presenterNone')}
        </div>
      </div>
      <span className="pres-count" data-testid="presenter-count">
        {i + 1}/{events.length}
      </span>
      <button className="pres-btn" data-testid="presenter-next" onClick={() => void desk.stepMarker(1)} aria-label={dt(lang, 'next')}>
        ▶
      </button>
    </div>
  );
}
