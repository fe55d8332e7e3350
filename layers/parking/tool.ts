/**
 * The "find parking" tool: layer-local state (outside the cockpit store) shared by the map
 * layer (origin, lines to the candidates, the route) and the panel (button, search, list).
 * The map redraws when it changes (LayerPlugin.subscribe).
 *
 * Candidates are fixed when the search runs (the list does not reorder under the user's
 * finger); their free counts are read live from the tables on every draw.
 */
import { createStore } from 'zustand/vanilla';
import type { LonLat } from '../../src/geo/geometry';
import { buildRoadGraph, type RoadGraph, type RoadsFC } from '../../src/geo/roadGraph';
import { nearestFree, routeTo, type Candidate, type ParkingRoute, type SearchInput, type SearchOptions } from './search';

export interface Origin {
  lon: number;
  lat: number;
  /** a place name, or null for a point clicked on the map */
  label: string | null;
}

export interface ToolState {
  /** the next map click sets the origin */
  armed: boolean;
  origin: Origin | null;
  candidates: Candidate[];
  chosen: string | null;
  route: ParkingRoute | null;
  /** bumps on every change (deck.gl update trigger) */
  version: number;
}

const initial: ToolState = { armed: false, origin: null, candidates: [], chosen: null, route: null, version: 0 };

export const toolStore = createStore<ToolState>()(() => ({ ...initial }));

const set = (patch: Partial<ToolState>) => toolStore.setState((s) => ({ ...patch, version: s.version + 1 }));

export function arm(on = true): void {
  set({ armed: on });
}

export function clearSearch(): void {
  set({ armed: false, origin: null, candidates: [], chosen: null, route: null });
}

export const SEARCH: SearchOptions = { k: 5, minFree: 1, maxDistM: 5000 };

/** Runs the search from an origin and shows its results (nothing chosen yet). */
export function searchFrom(origin: Origin, input: SearchInput, opts: SearchOptions = SEARCH): Candidate[] {
  const candidates = nearestFree(input, origin, opts);
  set({ armed: false, origin, candidates, chosen: null, route: null });
  return candidates;
}

/** Chooses a car park: the route from the origin to it. */
export function choose(id: string, to: LonLat, graph: RoadGraph | null): void {
  const o = toolStore.getState().origin;
  if (!o) return;
  set({ chosen: id, route: routeTo(graph, [o.lon, o.lat], to) });
}

let graphCache: { fc: unknown; graph: RoadGraph } | null = null;
/** The road graph of the roads asset (built once per asset). */
export function graphOf(fc: RoadsFC | undefined): RoadGraph | null {
  if (!fc || !Array.isArray(fc.features)) return null;
  if (graphCache?.fc !== fc) graphCache = { fc, graph: buildRoadGraph(fc) };
  return graphCache.graph;
}
