/**
 * The cockpit's layout, designed at 1920×1080 and scaled by the root font size (see
 * styles.css): header, left column, map, right column, time bar. The map cell is never
 * transformed: it gets its real pixels. A video-wall tile (`?wall=…`) shows the map full
 * bleed with the panels of its edge of the wall floating over it.
 */
import { Component, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Cockpit } from './cockpit';
import { Desk, deskStore } from './desk';
import { extendControlApi } from './control';
import { StoreContext } from '../store/react';
import { MapView } from '../map/MapView';
import type { MapController } from '../map/mapController';
import { Header } from '../panels/Header';
import { TimeBar } from '../panels/TimeBar';
import { FeedHealth } from '../panels/FeedHealth';
import { LayerList } from '../panels/LayerList';
import { LoadingOverlay, Notices, Tooltip } from '../panels/Overlays';
import { ScenePanels, useSceneFade } from '../panels/ScenePanels';
import { SceneBar } from '../panels/SceneBar';
import { DeskTools } from '../panels/DeskTools';
import { Presenter } from '../panels/Presenter';
import { DeskOverlays, Help } from '../panels/Help';
import { useCockpit } from '../store/react';

function Shell({ cockpit, desk }: { cockpit: Cockpit; desk: Desk }) {
  const mode = useCockpit((s) => s.mode);
  const mapGeneration = useStore(deskStore, (s) => s.mapGeneration);
  const wall = useStore(deskStore, (s) => s.wall);
  const { shown, fading } = useSceneFade();
  const mapRef = useRef<MapController | null>(null);
  const context = useCallback(() => {
    if (mapRef.current) return mapRef.current.context();
    const s = cockpit.store.getState();
    return {
      tables: cockpit.tables,
      table: (t: string) => cockpit.tables.table(t),
      time: s.dataTime,
      epoch: s.clock.start,
      selection: s.selection,
      lang: s.lang,
      zoom: s.zoom,
      asset: <T,>(n: string) => s.assets[n] as T | undefined,
    };
  }, [cockpit]);
  const tile = wall
    ? ` tiled${wall.col === 0 ? ' tile-l' : ''}${wall.col === wall.cols - 1 ? ' tile-r' : ''}${wall.row === 0 ? ' tile-t' : ''}${wall.row === wall.rows - 1 ? ' tile-b' : ''}`
    : '';
  return (
    <div className={`cockpit mode-${mode}${tile}`} data-testid="cockpit">
      <Header cockpit={cockpit} tools={<DeskTools desk={desk} />} />
      <aside className="col col-left" data-testid="col-left">
        <LayerList cockpit={cockpit} context={context} />
        <FeedHealth />
      </aside>
      <main className="map-cell" data-testid="map-cell">
        <MapView
          key={mapGeneration}
          cockpit={cockpit}
          onReady={(c) => {
            mapRef.current = c;
            desk.setMap(c);
          }}
        />
        <Tooltip plugins={cockpit.layers} context={context} />
        <SceneBar desk={desk} />
        <Presenter desk={desk} />
        <LoadingOverlay />
        <Notices />
        <DeskOverlays />
      </main>
      <aside className={`col col-right scene-fade${fading ? ' out' : ''}`} data-testid="col-right" data-scene={shown ?? ''}>
        <ScenePanels cockpit={cockpit} context={context} shown={shown} />
      </aside>
      <TimeBar cockpit={cockpit} />
      <Help />
    </div>
  );
}

/** A render error is fatal: walls and kiosks reload to the same state (desk.fatal). */
class Guard extends Component<{ desk: Desk; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error) {
    console.error('cockpit: render failed:', error);
    this.props.desk.fatal(error);
  }
  override render() {
    if (this.state.error) return <div className="fatal" data-testid="fatal">{`The cockpit failed: ${this.state.error.message}`}</div>;
    return this.props.children;
  }
}

export function App({ cockpit }: { cockpit: Cockpit }) {
  const handle = useMemo(() => ({ store: cockpit.store, tables: cockpit.tables, history: cockpit.history.bind(cockpit) }), [cockpit]);
  const desk = useMemo(() => new Desk(cockpit), [cockpit]);
  useEffect(() => {
    desk.start();
    extendControlApi(desk.api() as unknown as Record<string, (...a: never[]) => unknown>);
    return () => desk.stop();
  }, [desk]);
  return (
    <StoreContext.Provider value={handle}>
      <Guard desk={desk}>
        <Shell cockpit={cockpit} desk={desk} />
      </Guard>
    </StoreContext.Provider>
  );
}
