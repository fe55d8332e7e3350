/**
 * The cockpit's layout, designed at 1920×1080 and scaled by the root font size (see
 * styles.css): header, left column, map, right column, time bar. The map cell is never
 * transformed: it gets its real pixels.
 */
import { useCallback, useMemo, useRef } from 'react';
import type { Cockpit } from './cockpit';
import { StoreContext } from '../store/react';
import { MapView } from '../map/MapView';
import type { MapController } from '../map/mapController';
import { Header } from '../panels/Header';
import { TimeBar } from '../panels/TimeBar';
import { FeedHealth } from '../panels/FeedHealth';
import { LayerList } from '../panels/LayerList';
import { LoadingOverlay, Notices, Tooltip } from '../panels/Overlays';
import { Alerts, LayerPanels, SelectionPanel } from '../panels/SidePanels';
import { useCockpit } from '../store/react';

function Shell({ cockpit }: { cockpit: Cockpit }) {
  const mode = useCockpit((s) => s.mode);
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
  return (
    <div className={`cockpit mode-${mode}`} data-testid="cockpit">
      <Header cockpit={cockpit} />
      <aside className="col col-left" data-testid="col-left">
        <LayerList cockpit={cockpit} context={context} />
        <FeedHealth />
      </aside>
      <main className="map-cell" data-testid="map-cell">
        <MapView cockpit={cockpit} onReady={(c) => (mapRef.current = c)} />
        <Tooltip plugins={cockpit.layers} context={context} />
        <LoadingOverlay />
        <Notices />
      </main>
      <aside className="col col-right" data-testid="col-right">
        <SelectionPanel cockpit={cockpit} context={context} />
        <LayerPanels cockpit={cockpit} />
        <Alerts cockpit={cockpit} />
      </aside>
      <TimeBar cockpit={cockpit} />
    </div>
  );
}

export function App({ cockpit }: { cockpit: Cockpit }) {
  const handle = useMemo(() => ({ store: cockpit.store, tables: cockpit.tables, history: cockpit.history.bind(cockpit) }), [cockpit]);
  return (
    <StoreContext.Provider value={handle}>
      <Shell cockpit={cockpit} />
    </StoreContext.Provider>
  );
}
