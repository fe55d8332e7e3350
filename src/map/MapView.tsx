/** React host of the map: creates the MapController once; afterwards React stays out of map updates. */
import { useEffect, useRef } from 'react';
import type { Cockpit } from '../app/cockpit';
import { MapController } from './mapController';

export function MapView({ cockpit, onReady }: { cockpit: Cockpit; onReady?: (c: MapController | null) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const c = new MapController(ref.current!, cockpit, cockpit.layers);
    onReady?.(c);
    return () => {
      onReady?.(null);
      c.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cockpit]);
  return <div className="map" ref={ref} data-testid="map" />;
}
