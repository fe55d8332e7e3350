/** The time bar: play / pause, speed, seek slider with event markers, data clock. */
import { useCallback, useRef, useState } from 'react';
import type { Cockpit } from '../app/cockpit';
import { useCockpit } from '../store/react';
import { SPEEDS } from '../store/store';
import { formatTime, tr } from '../i18n';

const LEVEL_CLASS = { info: 'ev-info', warning: 'ev-warning', alarm: 'ev-alarm' } as const;

export function TimeBar({ cockpit }: { cockpit: Cockpit }) {
  const lang = useCockpit((s) => s.lang);
  const playing = useCockpit((s) => s.clock.playing);
  const speed = useCockpit((s) => s.clock.speed);
  const start = useCockpit((s) => s.clock.start);
  const end = useCockpit((s) => s.clock.end);
  const uiTime = useCockpit((s) => s.uiTime);
  const events = useCockpit((s) => s.events);
  const isReplay = useCockpit((s) => s.source.kind === 'replay' && s.source.state === 'ready');
  const [drag, setDrag] = useState<number | null>(null);
  const track = useRef<HTMLDivElement>(null);
  const span = Math.max(1, end - start);
  const shown = drag ?? uiTime;
  const frac = Math.min(1, Math.max(0, (shown - start) / span));

  const timeAt = useCallback(
    (clientX: number) => {
      const r = track.current!.getBoundingClientRect();
      return start + Math.min(1, Math.max(0, (clientX - r.left) / r.width)) * span;
    },
    [start, span],
  );

  const onPointerDown = (e: React.PointerEvent) => {
    if (!isReplay) return;
    (e.target as HTMLElement).setPointerCapture?.(e.pointerId);
    setDrag(timeAt(e.clientX));
  };
  const onPointerMove = (e: React.PointerEvent) => {
    if (drag !== null) setDrag(timeAt(e.clientX));
  };
  const onPointerUp = (e: React.PointerEvent) => {
    if (drag === null) return;
    const t = timeAt(e.clientX);
    setDrag(null);
    void cockpit.seek(t);
  };
  const onKey = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? span / 20 : span / 200;
    if (e.key === 'ArrowRight') void cockpit.seek(uiTime + step);
    else if (e.key === 'ArrowLeft') void cockpit.seek(uiTime - step);
    else if (e.key === 'Home') void cockpit.seek(start);
    else if (e.key === 'End') void cockpit.seek(end);
    else return;
    e.preventDefault();
  };

  return (
    <footer className="timebar" data-testid="timebar">
      <button
        className="play"
        data-testid="play-button"
        disabled={!isReplay}
        aria-label={playing ? tr(lang, 'pause') : tr(lang, 'play')}
        title={playing ? tr(lang, 'pause') : tr(lang, 'play')}
        onClick={() => (playing ? cockpit.pause() : cockpit.play())}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <label className="speed">
        <span>{tr(lang, 'speed')}</span>
        <select data-testid="speed-select" value={speed} disabled={!isReplay} onChange={(e) => cockpit.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
          {!SPEEDS.includes(speed as (typeof SPEEDS)[number]) && <option value={speed}>{speed}×</option>}
        </select>
      </label>
      <span className="tb-time start">{formatTime(start)}</span>
      <div
        className="track"
        ref={track}
        data-testid="time-slider"
        role="slider"
        tabIndex={0}
        aria-valuemin={start}
        aria-valuemax={end}
        aria-valuenow={Math.round(shown)}
        aria-valuetext={formatTime(shown)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onKeyDown={onKey}
      >
        <div className="track-fill" style={{ width: `${frac * 100}%` }} />
        {events.map((ev) => (
          <button
            key={ev.id}
            className={`marker ${LEVEL_CLASS[ev.level]}`}
            data-testid="event-marker"
            style={{ left: `${((ev.t - start) / span) * 100}%` }}
            title={`${formatTime(ev.t)} ${lang === 'en' ? (ev.title_en ?? ev.title) : ev.title}`}
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => void cockpit.seek(ev.t)}
          />
        ))}
        <div className="thumb" style={{ left: `${frac * 100}%` }} />
      </div>
      <span className="tb-time end">{formatTime(end)}</span>
    </footer>
  );
}
