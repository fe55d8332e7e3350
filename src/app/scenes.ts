/**
 * Scenes: a named view of the cockpit — camera, visible layers, the panels of the right
 * column — switched together (animated camera flight, panels cross-fade). Defined in
 * `public/scenes.json` (served as /scenes.json), editable without rebuilding; a file with an
 * unknown layer, a malformed camera or any other error is reported on screen and the
 * built-in default scenes below are kept.
 *
 * A layer a scene wants but that may not be installed yet (e.g. `ambulances` while the
 * 120 layer is being built) goes in `optional`: the scene works without it and says so.
 */
import { z } from 'zod';

const Text = z.object({ zh: z.string().min(1), en: z.string().min(1) });

export const SceneCamera = z
  .object({
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-85).max(85),
    zoom: z.number().min(0).max(22),
    pitch: z.number().min(0).max(70).default(0),
    bearing: z.number().min(-360).max(360).default(0),
  })
  .strict();
export type SceneCamera = z.infer<typeof SceneCamera>;

/** Panel ids a scene may list: these, or the id of a layer (its summary panel). */
export const BUILTIN_PANELS = ['overview', 'alerts', 'feed'] as const;

export const Scene = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'lower-case letters, digits and "-"'),
    title: Text,
    description: Text.optional(),
    camera: SceneCamera,
    /** layers shown (the others are hidden); each must exist */
    layers: z.array(z.string()).min(1),
    /** layers shown when installed; a missing one is noted, not an error */
    optional: z.array(z.string()).default([]),
    /** the right column, top to bottom: 'overview', 'alerts', 'feed' or a layer id */
    panels: z.array(z.string()).default(['overview', 'alerts']),
    /** seconds the tour stays on the scene (default: the file's tour.dwell) */
    dwell: z.number().min(1).max(3600).optional(),
    /** the tour flies on to the place of the newest alert among the scene's layers */
    focus: z.enum(['none', 'newest-alert']).default('none'),
    /** include this scene in the auto-tour */
    tour: z.boolean().default(true),
  })
  .strict();
export type Scene = z.infer<typeof Scene>;

export const ScenesFile = z
  .object({
    version: z.literal(1).optional(),
    tour: z
      .object({
        /** seconds per scene */
        dwell: z.number().min(1).max(3600).default(20),
        /** seconds without interaction before a paused tour resumes */
        idleResume: z.number().min(1).max(3600).default(60),
        /** zoom of the fly-to the newest alert */
        focusZoom: z.number().min(8).max(18).default(14),
      })
      .strict()
      .default({ dwell: 20, idleResume: 60, focusZoom: 14 }),
    scenes: z.array(Scene).min(1),
  })
  .strict();
export type ScenesFile = z.infer<typeof ScenesFile>;

const cam = (lon: number, lat: number, zoom: number, pitch = 0, bearing = 0): SceneCamera => ({ lon, lat, zoom, pitch, bearing });

/** The built-in scenes (public/scenes.json starts as a copy of these). */
export const DEFAULT_SCENES: ScenesFile = {
  version: 1,
  tour: { dwell: 20, idleResume: 60, focusZoom: 14 },
  scenes: [
    {
      id: 'overview',
      title: { zh: '城市总览', en: 'City overview' },
      description: { zh: '全市核心指标与各图层最新告警', en: 'Headline figures and the latest alerts of every layer' },
      camera: cam(113.66, 34.76, 10.3),
      layers: ['districts', 'waterlogging', 'parking'],
      optional: ['ambulances'],
      panels: ['overview', 'alerts'],
      focus: 'none',
      tour: true,
    },
    {
      id: 'flood',
      title: { zh: '防汛调度', en: 'Flood control' },
      description: { zh: '51 处易涝点积水、雨量与市民上报', en: 'The 51 waterlogging hotspots, rainfall and citizen reports' },
      camera: cam(113.67, 34.75, 12.2, 45, -12),
      layers: ['districts', 'buildings', 'flood3d', 'waterlogging'],
      optional: [],
      panels: ['waterlogging', 'alerts'],
      focus: 'newest-alert',
      tour: true,
    },
    {
      id: 'parking',
      title: { zh: '全城停车', en: 'Parking' },
      description: { zh: '全城近 30 万泊位的空余与引导', en: 'Free spaces of nearly 300,000 city spaces' },
      camera: cam(113.68, 34.77, 11.6, 30, 0),
      layers: ['districts', 'parking'],
      optional: [],
      panels: ['parking', 'alerts'],
      focus: 'none',
      tour: true,
    },
    {
      id: 'lifeline',
      title: { zh: '120 生命线', en: '120 lifeline' },
      description: { zh: '救护车实时位置、转运与院前心电', en: 'Ambulances live: trips, hospitals, in-vehicle ECG' },
      camera: cam(113.66, 34.77, 11.4, 20, 0),
      layers: ['districts'],
      optional: ['ambulances'],
      panels: ['ambulances', 'overview', 'alerts'],
      focus: 'newest-alert',
      tour: true,
    },
    {
      id: 'community',
      title: { zh: '社区风险', en: 'Community risk' },
      description: { zh: '10,806 个小区三色分级管理', en: 'Three-colour tiers of 10,806 communities' },
      camera: cam(113.65, 34.76, 10.8),
      layers: ['communities'],
      optional: [],
      panels: ['communities', 'alerts'],
      focus: 'newest-alert',
      tour: true,
    },
  ],
};

export interface ParsedScenes {
  file: ScenesFile;
  /** errors: the file was refused, the defaults are in `file` */
  errors: string[];
  /** optional layers that are not installed (scene id → layer ids) */
  missing: Record<string, string[]>;
}

/**
 * Validates a scenes file against the installed layers. Any error refuses the whole file
 * (a half-applied file is harder to reason about on a wall) and returns the defaults.
 */
export function parseScenes(raw: unknown, layerIds: readonly string[], source = 'scenes.json'): ParsedScenes {
  const known = new Set(layerIds);
  const errors: string[] = [];
  const r = ScenesFile.safeParse(raw);
  if (!r.success) {
    for (const i of r.error.issues.slice(0, 6)) errors.push(`${source}: ${describePath(raw, i.path)}: ${i.message}`);
    if (r.error.issues.length > 6) errors.push(`${source}: … ${r.error.issues.length - 6} more`);
    return { file: forLayers(DEFAULT_SCENES, layerIds), errors, missing: missingOf(DEFAULT_SCENES, known) };
  }
  const file = r.data;
  const ids = new Set<string>();
  for (const s of file.scenes) {
    if (ids.has(s.id)) errors.push(`${source}: scene "${s.id}" is defined twice`);
    ids.add(s.id);
    for (const l of s.layers) if (!known.has(l)) errors.push(`${source}: scene "${s.id}": unknown layer "${l}" (installed: ${layerIds.join(', ')}; list a layer that may be absent under "optional")`);
    const panelOk = new Set<string>([...BUILTIN_PANELS, ...layerIds, ...s.optional]);
    for (const p of s.panels) if (!panelOk.has(p)) errors.push(`${source}: scene "${s.id}": unknown panel "${p}" (panels: ${BUILTIN_PANELS.join(', ')} or a layer id)`);
  }
  if (errors.length) return { file: forLayers(DEFAULT_SCENES, layerIds), errors, missing: missingOf(DEFAULT_SCENES, known) };
  return { file, errors, missing: missingOf(file, known) };
}

/** The defaults, with layers that are not installed moved to `optional` (defensive). */
function forLayers(f: ScenesFile, layerIds: readonly string[]): ScenesFile {
  const known = new Set(layerIds);
  return {
    ...f,
    scenes: f.scenes.map((s) => {
      const layers = s.layers.filter((l) => known.has(l));
      return { ...s, layers: layers.length ? layers : layerIds.slice(0, 1), optional: [...s.optional, ...s.layers.filter((l) => !known.has(l))] };
    }),
  };
}

function missingOf(f: ScenesFile, known: Set<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of f.scenes) {
    const m = s.optional.filter((l) => !known.has(l));
    if (m.length) out[s.id] = m;
  }
  return out;
}

/** "scenes[2] (flood).camera.lat" rather than "scenes.2.camera.lat" */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = raw;
  for (const k of path) {
    const key = String(k);
    if (typeof k === 'number') {
      const id = node && Array.isArray(node) && node[k] && typeof node[k] === 'object' ? (node[k] as { id?: unknown }).id : undefined;
      out += `[${key}]${typeof id === 'string' ? ` (${id})` : ''}`;
    } else out += out ? `.${key}` : key;
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return out || '(file)';
}

/** Reads a scenes file; a missing or unreadable one keeps the defaults with an error. */
export async function loadScenes(url: string, layerIds: readonly string[]): Promise<ParsedScenes> {
  let raw: unknown;
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new Error(`not JSON (${(e as Error).message})`);
    }
  } catch (e) {
    return { file: forLayers(DEFAULT_SCENES, layerIds), errors: [`${url}: ${(e as Error).message} — using the default scenes`], missing: missingOf(DEFAULT_SCENES, new Set(layerIds)) };
  }
  const p = parseScenes(raw, layerIds, url);
  if (p.errors.length) p.errors.push(`${url}: refused — using the default scenes`);
  return p;
}

/** The layer visibility a scene asks for, over the installed layers. */
export function sceneLayers(scene: Scene, layerIds: readonly string[]): Record<string, boolean> {
  const on = new Set([...scene.layers, ...scene.optional]);
  return Object.fromEntries(layerIds.map((id) => [id, on.has(id)]));
}
