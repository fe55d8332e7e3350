/**
 * Flood in 3D, switchable off for weak machines:
 *  - on the map (deck.gl, in MapLibre's WebGL context): a translucent water column at each
 *    hotspot whose height shows the water depth (observed, or the scenario's predicted peak):
 *    0 … 2.5 m of water → 0 … 60 screen pixels at any zoom (a gauge, not to scale), drawn
 *    when the map is pitched;
 *  - in the side column (three.js): a close-up of the selected (or deepest) hotspot with
 *    its water level and the rain falling at its intensity (./CloseUp.tsx, loaded lazily).
 * Turning the layer off removes the columns and unmounts the close-up (its WebGL context
 * is released).
 */
import { lazy, Suspense } from 'react';
import { ColumnLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { LayerContext, LayerPlugin, PanelProps } from '../types';
import { text } from '../types';
import waterlogging from '../waterlogging';
import { hotspotAttributes } from '../waterlogging/mapping';
import { activeScenario, scenarioStore } from '../waterlogging/scenario';
import { FloodDetail } from '../waterlogging/Detail';
import './flood3d.css';

/** Water depth at which a column reaches its full height (deeper water is capped). */
export const CAP_CM = 250;
/** Full column height, in screen pixels (the same at every zoom). */
export const COLUMN_PX = 60;
/** Below this map pitch (degrees) columns are not drawn: seen from above they only hide the dots. */
export const MIN_PITCH = 15;

/** Metres per screen pixel at a zoom (at Zhengzhou's latitude, 512-px tiles as MapLibre). */
export function metresPerPixel(zoom: number): number {
  return (40_075_016.7 * Math.cos((34.75 * Math.PI) / 180)) / (512 * Math.pow(2, zoom));
}

const WATER: [number, number, number, number] = [40, 150, 255, 150];

const attrs = hotspotAttributes();
let cache: { src: Float32Array; elevations: Float32Array; colors: Uint8Array } | null = null;

/** Column heights (screen pixels, scaled to metres by the layer) and colours; dry places get no column. */
export function columnAttributes(depths: Float32Array): { elevations: Float32Array; colors: Uint8Array } {
  if (cache && cache.src === depths) return cache;
  const n = depths.length;
  const elevations = new Float32Array(n);
  const colors = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    const d = depths[i] > 0 ? depths[i] : 0;
    elevations[i] = (Math.min(d, CAP_CM) / CAP_CM) * COLUMN_PX;
    colors.set(d >= 1 ? WATER : [0, 0, 0, 0], 4 * i);
  }
  cache = { src: depths, elevations, colors };
  return cache;
}

const CloseUp = lazy(() => import('./CloseUp'));

function CloseUpPanel(props: PanelProps) {
  return (
    <Suspense fallback={<div className="f3d-panel f3d-loading">{props.lang === 'zh' ? '正在加载三维视图…' : 'Loading the 3D view…'}</div>}>
      <CloseUp {...props} />
    </Suspense>
  );
}

const flood3d: LayerPlugin = {
  id: 'flood3d',
  title: text('三维积水', 'Flood in 3D'),
  topics: ['hotspots'],
  defaultVisible: true,

  build(ctx: LayerContext): Layer[] {
    const table = ctx.table('hotspots');
    const scenario = activeScenario(table);
    const a = table.attributes();
    const v = attrs(table, scenario);
    const c = columnAttributes(v.depths);
    // a map seen from straight above shows nothing of a column (LayerContext.pitch, when the map provides it)
    const pitch = (ctx as LayerContext & { pitch?: number }).pitch;
    if (typeof pitch === 'number' && pitch < MIN_PITCH) return [];
    return [
      new ColumnLayer({
        id: 'flood3d:columns',
        data: {
          length: a.length,
          attributes: {
            getPosition: { value: a.positions, size: 2 },
            getElevation: { value: c.elevations, size: 1 },
            getFillColor: { value: c.colors, size: 4, normalized: true },
          },
        },
        diskResolution: 24,
        radius: 7,
        radiusUnits: 'pixels',
        // heights are given in pixels: metres per pixel keeps them the same size on screen at any zoom
        elevationScale: metresPerPixel(ctx.zoom),
        extruded: true,
        pickable: true,
        material: { ambient: 0.5, diffuse: 0.6, shininess: 60, specularColor: [180, 220, 255] },
        // translucent water: it does not hide the dots (drawn after it: the layer is registered below them)
        parameters: { depthWriteEnabled: false },
        updateTriggers: { getElevation: [table.version, scenario?.key], getFillColor: [table.version, scenario?.key] },
      }),
    ];
  },

  legend() {
    return {
      items: [{ color: WATER, label: text('积水水柱（高度示意水深，2.5米封顶）', 'Water column (height shows depth, full at 2.5 m)'), shape: 'fill' as const }],
      note: text('倾斜地图可见水柱；右侧三维近景（three.js）；弱性能设备可关闭', 'Tilt the map to see the columns; 3D close-up (three.js) on the right; turn off on weak machines'),
    };
  },

  tooltip(e, topic, ctx) {
    return waterlogging.tooltip?.(e, topic, ctx) ?? null;
  },

  subscribe(redraw) {
    return scenarioStore.subscribe(redraw);
  },

  Panel: CloseUpPanel,
  // the selection panel picks the first layer that lists the topic: show the same detail as the hotspot layer
  Detail: FloodDetail,
};

export default flood3d;
