/**
 * The enabled layers, drawn bottom to top. Adding a layer: create `layers/<name>/`
 * (index.ts default-exporting a LayerPlugin, topic.ts for its topics) and add one line here.
 */
import type { LayerPlugin } from './types';
import districts from './districts';
import communities from './communities';
import parking from './parking';
import buildings from './buildings';
import waterlogging from './waterlogging';
import flood3d from './flood3d';
import ambulances from './ambulances';

export const layers: LayerPlugin[] = [
  districts,
  communities,
  parking,
  buildings,
  flood3d,
  waterlogging,
  ambulances,
];
