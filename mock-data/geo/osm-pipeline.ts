/**
 * Real basemap pipeline: an OpenStreetMap extract (.osm.pbf or .osm) → a PMTiles vector
 * basemap + a routable road graph, in one command.
 *
 *   npx tsx mock-data/geo/osm-pipeline.ts --input zhengzhou.osm.pbf --out public/osm \
 *       [--bbox 113.35,34.55,114.05,34.98] [--minzoom 6] [--maxzoom 14] [--url /osm/basemap.pmtiles]
 *
 * Needs Debian's `osmium-tool` and `tilemaker` (apt-get install osmium-tool tilemaker).
 * Steps:
 *   1. `osmium fileinfo` checks the extract (a malformed file stops here with a clear message);
 *   2. `osmium extract --bbox` clips it (optional);
 *   3. `tilemaker` renders vector tiles (config/process in mock-data/geo/osm/) to a directory;
 *   4. our own PMTiles v3 writer (pmtiles.ts) packs them into <out>/basemap.pmtiles;
 *   5. `osmium tags-filter` + `osmium export` pull the main roads, which become
 *      <out>/roads.geojson (same schema as the schematic public/geo/roads.geojson, so
 *      src/geo/roadGraph.ts works on it unchanged) and <out>/road-graph.json (nodes/edges);
 *   6. <out>/style.json: the dark cockpit style over the PMTiles source ("pmtiles://" URL:
 *      the app registers the `pmtiles` protocol for MapLibre).
 * Data built this way is © OpenStreetMap contributors, ODbL: keep the attribution.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRoadGraph, reachable, type RoadsFC } from '../../src/geo/roadGraph';
import { lineLength, type LonLat } from '../../src/geo/geometry';
import { THEME } from './build-style';
import { LABEL_FONT_STACK, textField } from '../../src/geo/basemapStyle';
import { tilesFromDirectory, writePmtiles, type Header } from './pmtiles';
import { ROOT, isMain } from './io';

export const TOOLS = { osmium: 'osmium-tool', tilemaker: 'tilemaker' } as const;
export const APT_PACKAGES = Object.values(TOOLS);
const OSM_DIR = path.join(ROOT, 'mock-data/geo/osm');

export class PipelineError extends Error {}

/** Which of the needed tools are missing from PATH. */
export function missingTools(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.keys(TOOLS).filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { env }).status !== 0);
}

export function checkTools(env: NodeJS.ProcessEnv = process.env): void {
  const missing = missingTools(env);
  if (missing.length)
    throw new PipelineError(
      `missing tool(s): ${missing.join(', ')}. Install them with: apt-get install ${missing.map((t) => TOOLS[t as keyof typeof TOOLS]).join(' ')}`,
    );
}

function run(cmd: string, args: string[], what: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw new PipelineError(`${what}: cannot run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new PipelineError(`${what} failed (${cmd} exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' | ')}`);
  return r.stdout;
}

/** Check the extract is a readable OSM file with data; returns osmium's summary. */
export function inspectExtract(input: string): { nodes: number; ways: number; relations: number; bbox: number[] | null } {
  if (!fs.existsSync(input)) throw new PipelineError(`OSM extract not found: ${input}`);
  let out: string;
  try {
    out = run('osmium', ['fileinfo', '--extended', '--json', input], 'reading the OSM extract');
  } catch (e) {
    throw new PipelineError(`malformed OSM extract ${input}: ${(e as Error).message}`);
  }
  let info: { data?: { count?: { nodes?: number; ways?: number; relations?: number }; bbox?: number[] } };
  try {
    info = JSON.parse(out);
  } catch {
    throw new PipelineError(`malformed OSM extract ${input}: osmium fileinfo gave no summary`);
  }
  const c = info.data?.count ?? {};
  const res = { nodes: c.nodes ?? 0, ways: c.ways ?? 0, relations: c.relations ?? 0, bbox: info.data?.bbox ?? null };
  if (res.nodes === 0) throw new PipelineError(`malformed OSM extract ${input}: it contains no nodes`);
  return res;
}

// ------------------------------------------------------------------ roads → GeoJSON

const EXPRESSWAY = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link']);
export const ROAD_HIGHWAYS = ['motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link', 'secondary', 'secondary_link', 'tertiary', 'tertiary_link'];

/** Ring number from a Chinese or English ring-road name (二环/三环/四环, "3rd Ring"). */
export function ringOf(name: string): 2 | 3 | 4 | null {
  const zh = /([二三四])环/.exec(name);
  if (zh) return ({ 二: 2, 三: 3, 四: 4 } as const)[zh[1] as '二' | '三' | '四'];
  const en = /\b([234])(?:nd|rd|th)\s+ring\b/i.exec(name);
  return en ? (Number(en[1]) as 2 | 3 | 4) : null;
}

/**
 * Convert `osmium export -f geojsonseq` output (LineStrings with OSM tags as properties)
 * into the cockpit's roads schema. Shared OSM nodes keep identical coordinates, which is
 * what makes the result routable with buildRoadGraph.
 */
export function osmRoadsToGeoJSON(geojsonseq: string): RoadsFC & { schematic: false } {
  const features: RoadsFC['features'] = [];
  let i = 0;
  for (const rawLine of geojsonseq.split('\n')) {
    const line = rawLine.replace(/^\x1e/, '').trim();
    if (!line) continue;
    const f = JSON.parse(line) as { properties: Record<string, string | number>; geometry: { type: string; coordinates: number[][] } };
    if (f.geometry?.type !== 'LineString' || f.geometry.coordinates.length < 2) continue;
    const t = f.properties;
    const hw = String(t.highway ?? '');
    if (!ROAD_HIGHWAYS.includes(hw)) continue;
    const osmId = t['@id'] ?? t.id ?? `${i}`;
    const name_zh = String(t['name:zh'] ?? t.name ?? t.ref ?? `${hw} ${osmId}`);
    const name_en = String(t['name:en'] ?? t['name:zh-Latn-pinyin'] ?? t.ref ?? name_zh);
    const ring = ringOf(name_zh) ?? ringOf(name_en);
    const coords = f.geometry.coordinates.map((c) => [Math.round(c[0] * 1e7) / 1e7, Math.round(c[1] * 1e7) / 1e7]);
    features.push({
      type: 'Feature',
      properties: {
        id: `osm-${osmId}`,
        name_zh,
        name_en,
        road_zh: name_zh,
        road_en: name_en,
        class: ring ? 'ring' : EXPRESSWAY.has(hw) ? 'expressway' : 'arterial',
        ring,
        alias_zh: t.ref ? [String(t.ref)] : [],
        highway: hw,
        length_m: Math.round(lineLength(coords as LonLat[])),
        schematic: false,
      } as RoadsFC['features'][number]['properties'],
      geometry: { type: 'LineString', coordinates: coords },
    });
    i++;
  }
  return { type: 'FeatureCollection', schematic: false, features };
}

/** Compact routable graph: node coordinates, edges [a, b, metres, road index], road names. */
export function compactGraph(fc: RoadsFC) {
  const g = buildRoadGraph(fc);
  const edges: [number, number, number, number][] = [];
  g.adj.forEach((list, a) => {
    for (const e of list) if (a < e.to) edges.push([a, e.to, Math.round(e.w * 10) / 10, e.road]);
  });
  const largest = reachable(g, 0).size;
  return {
    nodes: g.nodes,
    edges,
    roads: g.roads.map((r) => ({ id: r.id, name_zh: r.name_zh, name_en: r.name_en, class: r.class })),
    stats: { nodes: g.nodes.length, edges: edges.length, reachableFromNode0: largest },
  };
}

// ------------------------------------------------------------------ style

export function osmStyle(pmtilesUrl: string) {
  const C = THEME;
  const src = 'osm';
  const w = (a: number, b: number) => ['interpolate', ['exponential', 1.6], ['zoom'], 10, a, 16, b];
  return {
    version: 8,
    name: 'Zhengzhou cockpit — OpenStreetMap basemap (dark)',
    metadata: { 'cockpit:labels': 'no glyphs URL: glyphs drawn locally from the text-font families' },
    sources: { [src]: { type: 'vector', url: `pmtiles://${pmtilesUrl}`, attribution: '© OpenStreetMap contributors' } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': C.background } },
      { id: 'landuse', type: 'fill', source: src, 'source-layer': 'landuse', paint: { 'fill-color': '#0a1f36', 'fill-opacity': 0.6 } },
      { id: 'water', type: 'fill', source: src, 'source-layer': 'water', paint: { 'fill-color': C.water } },
      { id: 'waterway', type: 'line', source: src, 'source-layer': 'waterway', paint: { 'line-color': C.waterLine, 'line-width': w(1, 4) } },
      { id: 'boundary', type: 'line', source: src, 'source-layer': 'boundary', paint: { 'line-color': C.districtLine, 'line-opacity': 0.6, 'line-dasharray': [4, 2], 'line-width': 1 } },
      { id: 'road-minor', type: 'line', source: src, 'source-layer': 'transportation', filter: ['in', ['get', 'class'], ['literal', ['minor', 'service', 'tertiary']]], paint: { 'line-color': C.arterial, 'line-opacity': 0.7, 'line-width': w(0.5, 4) } },
      { id: 'road-arterial', type: 'line', source: src, 'source-layer': 'transportation', filter: ['in', ['get', 'class'], ['literal', ['primary', 'secondary']]], paint: { 'line-color': C.arterialCore, 'line-width': w(1, 7) } },
      { id: 'road-expressway', type: 'line', source: src, 'source-layer': 'transportation', filter: ['in', ['get', 'class'], ['literal', ['motorway', 'trunk']]], paint: { 'line-color': C.expressway, 'line-width': w(1.5, 9) } },
      { id: 'rail', type: 'line', source: src, 'source-layer': 'transportation', filter: ['==', ['get', 'class'], 'rail'], paint: { 'line-color': '#56708d', 'line-dasharray': [3, 3], 'line-width': 1 } },
      {
        id: 'building-3d', type: 'fill-extrusion', source: src, 'source-layer': 'building', minzoom: 13,
        paint: { 'fill-extrusion-color': '#163a5f', 'fill-extrusion-height': ['get', 'render_height'], 'fill-extrusion-base': ['get', 'render_min_height'], 'fill-extrusion-opacity': 0.85 },
      },
      { id: 'road-label', type: 'symbol', source: src, 'source-layer': 'transportation_name', minzoom: 12, layout: { 'symbol-placement': 'line', 'text-field': textField('zh'), 'text-font': LABEL_FONT_STACK, 'text-size': 12 }, paint: { 'text-color': C.label, 'text-halo-color': C.labelHalo, 'text-halo-width': 1.5 } },
      { id: 'water-label', type: 'symbol', source: src, 'source-layer': 'waterway', minzoom: 11, layout: { 'symbol-placement': 'line', 'text-field': textField('zh'), 'text-font': LABEL_FONT_STACK, 'text-size': 12 }, paint: { 'text-color': '#7cc4ff', 'text-halo-color': C.labelHalo, 'text-halo-width': 1.4 } },
      { id: 'place-label', type: 'symbol', source: src, 'source-layer': 'place', layout: { 'text-field': textField('zh'), 'text-font': LABEL_FONT_STACK, 'text-size': ['match', ['get', 'class'], 'city', 18, 'district', 15, 13] }, paint: { 'text-color': '#bfe9ff', 'text-halo-color': C.labelHalo, 'text-halo-width': 2 } },
    ],
  };
}

// ------------------------------------------------------------------ the pipeline

export interface PipelineOptions {
  input: string;
  outDir: string;
  bbox?: [number, number, number, number];
  minzoom?: number;
  maxzoom?: number;
  /** URL the app serves basemap.pmtiles at (for style.json); default "/osm/basemap.pmtiles" */
  url?: string;
  log?: (s: string) => void;
}

export interface PipelineResult {
  pmtiles: string;
  header: Header;
  roads: string;
  graph: string;
  style: string;
  roadCount: number;
  graphStats: { nodes: number; edges: number; reachableFromNode0: number };
}

export function runPipeline(o: PipelineOptions): PipelineResult {
  const log = o.log ?? ((s: string) => console.log(s));
  checkTools();
  const info = inspectExtract(o.input);
  log(`extract: ${info.nodes} nodes, ${info.ways} ways, ${info.relations} relations`);
  fs.mkdirSync(o.outDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'osm-pipeline-'));
  try {
    // the tools want .osm.pbf in; convert/clip first
    let src = path.join(tmp, 'extract.osm.pbf');
    if (o.bbox) run('osmium', ['extract', '--bbox', o.bbox.join(','), '--overwrite', '-o', src, o.input], 'clipping the extract');
    else run('osmium', ['cat', '--overwrite', '-o', src, o.input], 'converting the extract');
    if (!fs.existsSync(src)) src = o.input;

    // vector tiles
    const cfg = JSON.parse(fs.readFileSync(path.join(OSM_DIR, 'tilemaker-config.json'), 'utf8'));
    if (o.minzoom !== undefined) cfg.settings.minzoom = o.minzoom;
    if (o.maxzoom !== undefined) cfg.settings.maxzoom = cfg.settings.basezoom = o.maxzoom;
    for (const l of Object.values(cfg.layers) as { minzoom: number; maxzoom: number }[]) {
      l.maxzoom = Math.min(l.maxzoom, cfg.settings.maxzoom);
      l.minzoom = Math.min(Math.max(l.minzoom, cfg.settings.minzoom), l.maxzoom);
    }
    const cfgFile = path.join(tmp, 'config.json');
    fs.writeFileSync(cfgFile, JSON.stringify(cfg));
    const tilesDir = path.join(tmp, 'tiles');
    fs.mkdirSync(tilesDir);
    run('tilemaker', ['--input', src, '--output', tilesDir, '--config', cfgFile, '--process', path.join(OSM_DIR, 'process.lua')], 'rendering vector tiles (tilemaker)');
    const tiles = [...tilesFromDirectory(tilesDir)];
    if (tiles.length === 0) throw new PipelineError('tilemaker produced no tiles (is the extract empty, or outside --bbox?)');
    const pmtiles = path.join(o.outDir, 'basemap.pmtiles');
    const bounds = o.bbox ?? (info.bbox && info.bbox.length === 4 ? (info.bbox as [number, number, number, number]) : undefined);
    const header = writePmtiles(pmtiles, tiles, {
      bounds,
      metadata: { ...(cfg.settings.metadata?.json ?? {}), name: cfg.settings.name, attribution: '© OpenStreetMap contributors (ODbL)', generator: 'mock-data/geo/osm-pipeline.ts' },
    });
    log(`tiles: ${tiles.length} (z${header.minZoom}-${header.maxZoom}) → ${pmtiles}`);

    // routable roads
    const roadsPbf = path.join(tmp, 'roads.osm.pbf');
    run('osmium', ['tags-filter', '--overwrite', '-o', roadsPbf, src, `w/highway=${ROAD_HIGHWAYS.join(',')}`], 'selecting roads');
    const seqFile = path.join(tmp, 'roads.geojsonseq');
    run('osmium', ['export', '--overwrite', '-f', 'geojsonseq', '--geometry-types=linestring', '-a', 'id', '-o', seqFile, roadsPbf], 'exporting roads');
    const roads = osmRoadsToGeoJSON(fs.readFileSync(seqFile, 'utf8'));
    const roadsFile = path.join(o.outDir, 'roads.geojson');
    fs.writeFileSync(roadsFile, JSON.stringify({ ...roads, attribution: '© OpenStreetMap contributors (ODbL)' }));
    const graph = compactGraph(roads);
    const graphFile = path.join(o.outDir, 'road-graph.json');
    fs.writeFileSync(graphFile, JSON.stringify(graph));
    log(`roads: ${roads.features.length} ways, graph ${graph.stats.nodes} nodes / ${graph.stats.edges} edges`);

    const styleFile = path.join(o.outDir, 'style.json');
    fs.writeFileSync(styleFile, `${JSON.stringify(osmStyle(o.url ?? '/osm/basemap.pmtiles'), null, 1)}\n`);
    return { pmtiles, header, roads: roadsFile, graph: graphFile, style: styleFile, roadCount: roads.features.length, graphStats: graph.stats };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function parseArgs(argv: string[]): PipelineOptions {
  const get = (k: string) => {
    const i = argv.indexOf(`--${k}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const input = get('input');
  if (!input) throw new PipelineError('usage: osm-pipeline.ts --input <extract.osm.pbf> [--out public/osm] [--bbox w,s,e,n] [--minzoom 6] [--maxzoom 14] [--url /osm/basemap.pmtiles]');
  const bbox = get('bbox')?.split(',').map(Number) as [number, number, number, number] | undefined;
  if (bbox && (bbox.length !== 4 || bbox.some((v) => !Number.isFinite(v)))) throw new PipelineError('--bbox must be west,south,east,north');
  return {
    input,
    outDir: get('out') ?? path.join(ROOT, 'public/osm'),
    bbox,
    minzoom: get('minzoom') ? Number(get('minzoom')) : undefined,
    maxzoom: get('maxzoom') ? Number(get('maxzoom')) : undefined,
    url: get('url'),
  };
}

if (isMain(import.meta.url)) {
  try {
    const r = runPipeline(parseArgs(process.argv.slice(2)));
    console.log(JSON.stringify({ ...r, header: { minZoom: r.header.minZoom, maxZoom: r.header.maxZoom, tiles: r.header.numAddressedTiles } }, null, 1));
  } catch (e) {
    console.error(`osm-pipeline: ${(e as Error).message}`);
    process.exit(1);
  }
}

