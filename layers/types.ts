/**
 * The layer plugin contract.
 *
 * A layer is one folder `layers/<name>/` whose `index.ts` default-exports a `LayerPlugin`,
 * plus (if it owns topics) a `topic.ts` exporting `topics: TopicSpec[]`, found
 * automatically by layers/topics.ts. Registering it is one line in layers/registry.ts.
 * A layer never fetches and never imports a source: it reads the store's entity tables
 * (and static assets the app loads for it) and returns deck.gl layers.
 */
import type { ComponentType } from 'react';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { EntityTable, TableSet } from '../src/store/tables';
import type { Lang, Selection } from '../src/store/store';
import type { Entity } from '../src/data/wire';

/** A UI string in both languages. */
export interface Text {
  zh: string;
  en: string;
}

export type RGBA = [number, number, number, number];

export interface LayerContext {
  /** all entity tables */
  tables: TableSet;
  /** the table of a topic (created empty if none yet) */
  table(topic: string): EntityTable;
  /** data clock, epoch ms */
  time: number;
  /** start of the timeline (epoch ms): subtract it before handing times to the GPU (float32) */
  epoch: number;
  selection: Selection | null;
  lang: Lang;
  zoom: number;
  /** camera pitch, degrees (3D layers may show only when tilted) */
  pitch?: number;
  /** static assets declared in `assets`, loaded by the app (undefined until loaded) */
  asset<T = unknown>(name: string): T | undefined;
  /** what the current basemap style brings (e.g. real building footprints) */
  basemap?: { hasBuildings: boolean };
}

export interface LegendItem {
  color: RGBA;
  label: Text;
  shape?: 'dot' | 'line' | 'fill';
}

export interface Legend {
  items: LegendItem[];
  /** e.g. "schematic", "placeholder", "simulated" */
  note?: Text;
}

/** Tooltip content is plain text: rendered as text, never as markup. */
export interface TooltipContent {
  title: string;
  rows: [label: string, value: string][];
}

/** What a layer's panels may ask the cockpit to do. */
export interface PanelActions {
  /** select an entity (and fly to it if placed); null clears */
  select(topic: string | null, id?: string): void;
  flyTo(target: { lon: number; lat: number; zoom?: number }): void;
  /** fit the camera to [[west, south], [east, north]] */
  fitBounds(bounds: [[number, number], [number, number]]): void;
}

export interface PanelProps {
  lang: Lang;
  actions: PanelActions;
}

export interface DetailProps extends PanelProps {
  topic: string;
  id: string;
  entity: Entity;
}

export interface LayerPlugin {
  /** stable id, also the URL/`setLayerVisible` name */
  readonly id: string;
  readonly title: Text;
  /** the topics whose tables the layer reads */
  readonly topics: readonly string[];
  readonly defaultVisible?: boolean;
  /**
   * The layer moves between data updates (e.g. vehicles interpolated along their routes):
   * with a live source the map rebuilds it every frame at the wall clock (`ctx.time`), not
   * only when a message arrives. (A playing replay rebuilds every frame anyway.)
   */
  readonly animated?: boolean;
  /** static files the app loads for the layer (name → URL relative to the site root) */
  readonly assets?: Readonly<Record<string, string>>;
  /** deck.gl layers for the current state; ids should start with `${id}:` */
  build(ctx: LayerContext): Layer[];
  legend(ctx: LayerContext): Legend;
  /**
   * Topics the layer selects that have no entity table (static features such as district
   * outlines). With `lookup` the selection panel, search and `window.cockpit.select` can
   * show them like any entity.
   */
  readonly selects?: readonly string[];
  lookup?(topic: string, id: string, ctx: LayerContext): Entity | undefined;
  /** which entity a picked object is (default: row `info.index` of the first topic) */
  pick?(info: PickingInfo, ctx: LayerContext): { topic: string; id: string } | null;
  tooltip?(entity: Entity, topic: string, ctx: LayerContext): TooltipContent | null;
  /** summary panel shown in the side columns while the layer is visible */
  Panel?: ComponentType<PanelProps>;
  /** drill-down panel for a selected entity of this layer */
  Detail?: ComponentType<DetailProps>;
  /**
   * For layers with state of their own (e.g. a rainfall scenario shown instead of the
   * observed state): the map calls `subscribe(redraw)` once and redraws whenever the layer
   * calls `redraw()`; it calls the returned function when it goes away.
   */
  subscribe?(redraw: () => void): () => void;
  /**
   * A click on the map where no object was picked (or on this layer's objects only if it
   * returns true for them first): return true if the layer consumed it (e.g. a "find
   * parking here" tool is armed); layers are asked top first.
   */
  onMapClick?(at: { lon: number; lat: number }, ctx: LayerContext): boolean;
}

export function text(zh: string, en: string): Text {
  return { zh, en };
}
