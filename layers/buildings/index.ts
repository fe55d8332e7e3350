/**
 * City fabric: SIMULATED 3D building blocks filling the city blocks between the schematic
 * roads (seeded; mock-data/geo/build-buildings.ts → public/geo/buildings.json), higher in the
 * CBDs, lower at the edges, none on roads or water. Drawn from zoom 12 (tall buildings first,
 * all from zoom 14) as extruded, lit polygons, in view only (see CityFabricLayer).
 *
 * Switching it off is the layer toggle (`hide=buildings`, `setLayerVisible('buildings',
 * false)`, or `"layers": {"buildings": false}` in config.json). With a real basemap that has
 * its own 3D buildings (a vector source with a `building` source-layer), turn it off that
 * way: the plugin cannot see the style; it also draws nothing if the map ever passes
 * `ctx.basemap.hasBuildings === true` (proposed, see docs/geography.md, "City fabric").
 */
import type { Layer } from '@deck.gl/core';
import type { LayerContext, LayerPlugin } from '../types';
import { text } from '../types';
import { CityFabricLayer } from './CityFabricLayer';
import { MID_M, TALL_M, colorOf, decodeBuildings, type BuildingsFile, type DecodedBuildings } from './decode';
import { MIN_ZOOM } from './lod';

const decoded = new WeakMap<object, DecodedBuildings | null>();

/** The decoded asset (decoded once per loaded file); null if it is not a buildings file. */
export function buildingsOf(file: BuildingsFile | undefined): DecodedBuildings | null {
  if (!file) return null;
  let d = decoded.get(file);
  if (d === undefined) {
    try {
      d = decodeBuildings(file);
    } catch (e) {
      console.error(e);
      d = null;
    }
    decoded.set(file, d);
  }
  return d;
}

/**
 * True when the map controller reports a basemap with real buildings. Proposed context field
 * (not in layers/types.ts yet): `basemap?: { hasBuildings: boolean }`, set from the style's
 * layers (any `source-layer: "building"`). Until it exists this is always false.
 */
function realBuildings(ctx: LayerContext): boolean {
  return (ctx as LayerContext & { basemap?: { hasBuildings?: boolean } }).basemap?.hasBuildings === true;
}

const buildings: LayerPlugin = {
  id: 'buildings',
  title: text('城市建筑（模拟）', 'Buildings (simulated)'),
  topics: [],
  defaultVisible: true,
  assets: { buildings: '/geo/buildings.json' },

  build(ctx): Layer[] {
    if (ctx.zoom < MIN_ZOOM || realBuildings(ctx)) return [];
    const b = buildingsOf(ctx.asset<BuildingsFile>('buildings'));
    if (!b) return [];
    return [new CityFabricLayer({ id: 'buildings:fabric', buildings: b }) as unknown as Layer];
  },

  legend(ctx) {
    const file = ctx.asset<BuildingsFile>('buildings');
    const n = file?.count;
    return {
      items: [
        { color: colorOf(150), label: text(`高层 ≥ ${TALL_M} 米`, `High-rise ≥ ${TALL_M} m`), shape: 'fill' },
        { color: colorOf(36), label: text(`中层 ${MID_M}–${TALL_M} 米`, `Mid-rise ${MID_M}–${TALL_M} m`), shape: 'fill' },
        { color: colorOf(12), label: text(`低层 < ${MID_M} 米`, `Low-rise < ${MID_M} m`), shape: 'fill' },
      ],
      note: text(
        `模拟数据（SIMULATED）：${n ? `${n.toLocaleString('zh-CN')} 栋` : ''}建筑体块为按种子生成的示意，非真实轮廓与高度；${MIN_ZOOM} 级以上显示`,
        `SIMULATED: ${n ? `${n.toLocaleString('en-US')} ` : ''}seeded building blocks, not real footprints or heights; shown from zoom ${MIN_ZOOM}`,
      ),
    };
  },
};

export default buildings;
