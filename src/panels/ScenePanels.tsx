/**
 * The right column's content for a scene: the selection on top, then the panels the scene
 * lists ('overview', 'alerts', 'feed' or a layer's summary panel). Without a scene (free
 * view) it is the classic column: the visible layers' panels and the alerts. A scene change
 * cross-fades the column (out, swap, in).
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Cockpit } from '../app/cockpit';
import { deskStore } from '../app/desk';
import type { LayerContext } from '../../layers/types';
import { useCockpit } from '../store/react';
import { Alerts, LayerPanels, SelectionPanel } from './SidePanels';
import { FeedHealth } from './FeedHealth';
import { Overview } from './Overview';

const FADE_MS = 250;

/** The scene shown by the column, trailing the current one by the fade-out. */
export function useSceneFade(): { shown: string | null; fading: boolean } {
  const scene = useStore(deskStore, (s) => s.scene);
  const [shown, setShown] = useState(scene);
  const [fading, setFading] = useState(false);
  useEffect(() => {
    if (scene === shown) return;
    setFading(true);
    const t = setTimeout(() => {
      setShown(scene);
      setFading(false);
    }, FADE_MS);
    return () => clearTimeout(t);
  }, [scene, shown]);
  return { shown, fading };
}

function LayerPanel({ cockpit, id }: { cockpit: Cockpit; id: string }) {
  const lang = useCockpit((s) => s.lang);
  const l = cockpit.layers.find((x) => x.id === id);
  if (!l?.Panel) return null;
  const P = l.Panel;
  return (
    <section className="panel" data-testid={`scene-panel-${id}`}>
      <h2>{l.title[lang]}</h2>
      <P lang={lang} actions={cockpit.panelActions} />
    </section>
  );
}

export function ScenePanels({ cockpit, context, shown }: { cockpit: Cockpit; context: () => LayerContext; shown: string | null }) {
  const scenes = useStore(deskStore, (s) => s.file.scenes);
  const sc = shown ? scenes.find((s) => s.id === shown) : undefined;
  return (
    <>
      <SelectionPanel cockpit={cockpit} context={context} />
      {sc ? (
        sc.panels.map((p) =>
          p === 'overview' ? <Overview key={p} cockpit={cockpit} /> : p === 'alerts' ? <Alerts key={p} cockpit={cockpit} /> : p === 'feed' ? <FeedHealth key={p} /> : <LayerPanel key={p} cockpit={cockpit} id={p} />,
        )
      ) : (
        <>
          <LayerPanels cockpit={cockpit} />
          <Alerts cockpit={cockpit} />
        </>
      )}
    </>
  );
}
