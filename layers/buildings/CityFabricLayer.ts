/**
 * deck.gl composite layer drawing the decoded building chunks: one extruded
 * SolidPolygonLayer per (chunk, tier) that is in view, with the tier's zoom fade. A plugin's
 * build() sees the zoom but not the viewport; this layer does, so chunks outside the view are
 * not drawn at all and far chunks of a pitched view draw only their tall buildings.
 */
import { CompositeLayer, type Layer, type UpdateParameters } from '@deck.gl/core';
import { SolidPolygonLayer } from '@deck.gl/layers';
import type { DecodedBuildings } from './decode';
import { distanceToBox, intersects, tierOpacity, tierReach } from './lod';

export interface CityFabricProps {
  buildings: DecodedBuildings;
  /** multiplies the tier fades */
  opacity?: number;
}

/** Dark, lit command-centre look: low ambient, a cool specular highlight on the walls. */
const MATERIAL = { ambient: 0.5, diffuse: 0.55, shininess: 40, specularColor: [40, 120, 170] as [number, number, number] };

/** Which (chunk, tier) pairs a view draws, with their opacity. */
export function selectChunks(
  b: DecodedBuildings,
  view: { zoom: number; center: [number, number]; bounds: [number, number, number, number] },
): { chunk: number; tier: number; opacity: number }[] {
  const out: { chunk: number; tier: number; opacity: number }[] = [];
  b.chunks.forEach((c, i) => {
    if (!intersects(c.bounds, view.bounds)) return;
    const d = distanceToBox(view.center, c.bounds);
    for (let t = 0; t < 3; t++) {
      const o = tierOpacity(t, view.zoom);
      if (o > 0 && c.tiers[t] && d <= tierReach(t, view.zoom)) out.push({ chunk: i, tier: t, opacity: o });
    }
  });
  return out;
}

export class CityFabricLayer extends CompositeLayer<CityFabricProps> {
  static override layerName = 'CityFabricLayer';

  override shouldUpdateState({ changeFlags }: UpdateParameters<this>): boolean {
    // re-select chunks when the camera moves
    return changeFlags.somethingChanged;
  }

  renderLayers(): Layer[] {
    const { buildings, opacity = 1 } = this.props;
    const vp = this.context.viewport as unknown as { zoom: number; longitude: number; latitude: number; getBounds(): [number, number, number, number] };
    const view = { zoom: vp.zoom, center: [vp.longitude, vp.latitude] as [number, number], bounds: vp.getBounds() };
    return selectChunks(buildings, view).map(
      ({ chunk, tier, opacity: o }) =>
        new SolidPolygonLayer(
          this.getSubLayerProps({
            id: `${buildings.chunks[chunk].id}-${tier}`,
            data: buildings.chunks[chunk].tiers[tier] as never,
            extruded: true,
            filled: true,
            wireframe: false,
            pickable: false,
            _normalize: false,
            _windingOrder: 'CCW',
            positionFormat: 'XY',
            material: MATERIAL,
            opacity: o * opacity,
          }),
        ) as unknown as Layer,
    );
  }
}
