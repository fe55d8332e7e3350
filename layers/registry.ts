/**
 * The enabled layers, drawn bottom to top. Adding a layer: create `layers/<name>/`
 * (index.ts default-exporting a LayerPlugin, topic.ts for its topics) and add one line here.
 */
import type { LayerPlugin } from './types';
import districts from './districts';
import waterlogging from './waterlogging';

export const layers: LayerPlugin[] = [
  districts,
  waterlogging,
];
