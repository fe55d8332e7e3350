/**
 * The scene bar over the top of the map: one button per scene (the current one lit), the
 * tour's state, and a note when a scene's optional layer is not installed yet.
 */
import { useStore } from 'zustand';
import type { Desk } from '../app/desk';
import { deskStore } from '../app/desk';
import { useCockpit } from '../store/react';
import { dt } from '../i18n/desk';

export function SceneBar({ desk }: { desk: Desk }) {
  const lang = useCockpit((s) => s.lang);
  const mode = useCockpit((s) => s.mode);
  const scenes = useStore(deskStore, (s) => s.file.scenes);
  const current = useStore(deskStore, (s) => s.scene);
  const missing = useStore(deskStore, (s) => s.missing);
  const tour = useStore(deskStore, (s) => s.tour);
  const wall = useStore(deskStore, (s) => s.wall);
  // a wall tile other than the first shows no bar (the picture stays clean)
  if (wall && (wall.col !== 0 || wall.row !== 0)) return null;
  const cur = scenes.find((s) => s.id === current);
  const miss = current ? missing[current] : undefined;
  const desktop = mode === 'desktop';
  return (
    <div className="scene-bar" data-testid="scene-bar">
      {scenes.map((s, i) => (
        <button
          key={s.id}
          className={`scene-btn${s.id === current ? ' on' : ''}`}
          data-testid={`scene-${s.id}`}
          title={`${i + 1} · ${s.description?.[lang] ?? s.title[lang]}`}
          onClick={() => desk.applyScene(s.id)}
        >
          {s.title[lang]}
        </button>
      ))}
      {desktop && (
        <button className="scene-btn tour-btn" data-testid="tour-toggle" onClick={() => (tour.on ? desk.stopTour() : desk.startTour())}>
          {tour.on ? `■ ${dt(lang, 'tourStop')}` : `▶ ${dt(lang, 'tourStart')}`}
        </button>
      )}
      {tour.on && (
        <span className={`tour-state${tour.paused ? ' paused' : ''}`} data-testid="tour-state">
          {tour.paused === 'interaction' ? dt(lang, 'tourPaused') : tour.paused === 'hidden' ? dt(lang, 'tourHidden') : dt(lang, 'tourOn')}
        </span>
      )}
      {cur && miss && (
        <span className="scene-missing" data-testid="scene-missing">
          {miss.join(', ')}: {dt(lang, 'notInstalled')}
        </span>
      )}
    </div>
  );
}
