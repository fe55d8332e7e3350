/**
 * Routable road graph over the schematic roads FeatureCollection (public/geo/roads.geojson),
 * the junction finder and the place search. Pure: no DOM, no fetch.
 *
 * Nodes are the distinct vertices of the road LineStrings; roads that cross share the
 * exact same vertex (the build script guarantees it), which is what connects them. Edges
 * join consecutive vertices of a road and weigh their great-circle length in metres.
 */
import { bboxOf, haversine, lineLength, pointAlong, type LonLat } from './geometry';

export interface RoadFeatureProps {
  id: string;
  name_zh: string;
  name_en: string;
  road_zh?: string;
  road_en?: string;
  class: string;
  ring?: number | null;
  alias_zh?: string[];
}

export interface RoadsFC {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: RoadFeatureProps; geometry: { type: 'LineString'; coordinates: number[][] } }[];
}

export interface RoadInfo {
  index: number;
  id: string;
  name_zh: string;
  name_en: string;
  road_zh: string;
  road_en: string;
  class: string;
  ring: number | null;
  /** normalised names this road answers to */
  keys: string[];
  coords: LonLat[];
  /** node index of each vertex */
  nodes: number[];
}

export interface Edge {
  to: number;
  /** metres */
  w: number;
  road: number;
}

export interface RoadGraph {
  nodes: LonLat[];
  adj: Edge[][];
  roads: RoadInfo[];
  /** roads passing through each node */
  nodeRoads: number[][];
}

const key = (p: LonLat) => `${p[0]},${p[1]}`;

export function buildRoadGraph(fc: RoadsFC): RoadGraph {
  const nodes: LonLat[] = [];
  const ids = new Map<string, number>();
  const adj: Edge[][] = [];
  const nodeRoads: number[][] = [];
  const nodeOf = (p: LonLat) => {
    const k = key(p);
    let id = ids.get(k);
    if (id === undefined) {
      id = nodes.length;
      ids.set(k, id);
      nodes.push([p[0], p[1]]);
      adj.push([]);
      nodeRoads.push([]);
    }
    return id;
  };
  const roads: RoadInfo[] = fc.features
    .filter((f) => f.geometry?.type === 'LineString' && f.geometry.coordinates.length >= 2)
    .map((f, index) => {
      const p = f.properties;
      const coords = f.geometry.coordinates.map((c) => [c[0], c[1]] as LonLat);
      const road_zh = p.road_zh ?? p.name_zh;
      const road_en = p.road_en ?? p.name_en;
      const keys = [...new Set([p.name_zh, road_zh, ...(p.alias_zh ?? []), p.name_en, road_en].map(normalizeRoadName).filter(Boolean))];
      return { index, id: p.id, name_zh: p.name_zh, name_en: p.name_en, road_zh, road_en, class: p.class, ring: p.ring ?? null, keys, coords, nodes: [] as number[] };
    });
  for (const r of roads) {
    r.nodes = r.coords.map(nodeOf);
    for (let i = 0; i < r.nodes.length; i++) {
      const n = r.nodes[i];
      if (!nodeRoads[n].includes(r.index)) nodeRoads[n].push(r.index);
      if (i === 0) continue;
      const a = r.nodes[i - 1];
      if (a === n) continue;
      const w = haversine(nodes[a], nodes[n]);
      adj[a].push({ to: n, w, road: r.index });
      adj[n].push({ to: a, w, road: r.index });
    }
  }
  return { nodes, adj, roads, nodeRoads };
}

/** Nearest graph node to a point (linear scan: the schematic graph has ~1,000 nodes). */
export function nearestNode(g: RoadGraph, p: LonLat): { node: number; distM: number } {
  let best = -1;
  let bestD = Infinity;
  const cosLat = Math.cos((p[1] * Math.PI) / 180);
  for (let i = 0; i < g.nodes.length; i++) {
    const dx = (g.nodes[i][0] - p[0]) * cosLat;
    const dy = g.nodes[i][1] - p[1];
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return { node: best, distM: best < 0 ? Infinity : haversine(g.nodes[best], p) };
}

/** Nodes reachable from `start` (breadth-first). */
export function reachable(g: RoadGraph, start = 0): Set<number> {
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length) {
    const n = stack.pop()!;
    for (const e of g.adj[n]) {
      if (!seen.has(e.to)) {
        seen.add(e.to);
        stack.push(e.to);
      }
    }
  }
  return seen;
}

/** Binary min-heap keyed by number. */
class MinHeap {
  private k: number[] = [];
  private v: number[] = [];
  get size() {
    return this.v.length;
  }
  push(key: number, value: number) {
    const k = this.k;
    const v = this.v;
    let i = v.length;
    k.push(key);
    v.push(value);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (k[p] <= key) break;
      k[i] = k[p];
      v[i] = v[p];
      i = p;
    }
    k[i] = key;
    v[i] = value;
  }
  pop(): number {
    const k = this.k;
    const v = this.v;
    const top = v[0];
    const lastK = k.pop()!;
    const lastV = v.pop()!;
    const n = v.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && k[c + 1] < k[c]) c++;
        if (k[c] >= lastK) break;
        k[i] = k[c];
        v[i] = v[c];
        i = c;
      }
      k[i] = lastK;
      v[i] = lastV;
    }
    return top;
  }
}

export interface Route {
  /** the path's vertices, from the node nearest `from` to the node nearest `to` */
  coords: LonLat[];
  /** length along the network, metres (excluding the snap legs) */
  lengthM: number;
  nodes: number[];
  /** distance from the requested points to the snapped nodes, metres */
  snapFromM: number;
  snapToM: number;
  /** ids of the road sections used, in order, without repeats */
  roads: string[];
}

/** Shortest path (A* with a great-circle heuristic and a binary heap) between two points. */
export function shortestPath(g: RoadGraph, from: LonLat, to: LonLat): Route | null {
  if (g.nodes.length === 0) return null;
  const s = nearestNode(g, from);
  const t = nearestNode(g, to);
  const n = g.nodes.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const prevRoad = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const goal = g.nodes[t.node];
  const heap = new MinHeap();
  dist[s.node] = 0;
  heap.push(haversine(g.nodes[s.node], goal), s.node);
  while (heap.size) {
    const u = heap.pop();
    if (done[u]) continue;
    done[u] = 1;
    if (u === t.node) break;
    for (const e of g.adj[u]) {
      const d = dist[u] + e.w;
      if (d < dist[e.to]) {
        dist[e.to] = d;
        prev[e.to] = u;
        prevRoad[e.to] = e.road;
        heap.push(d + haversine(g.nodes[e.to], goal), e.to);
      }
    }
  }
  if (!Number.isFinite(dist[t.node])) return null;
  const path: number[] = [];
  const roadIdx: number[] = [];
  for (let u = t.node; u !== -1; u = prev[u]) {
    path.push(u);
    if (prevRoad[u] >= 0) roadIdx.push(prevRoad[u]);
  }
  path.reverse();
  roadIdx.reverse();
  const roads: string[] = [];
  for (const r of roadIdx) if (roads[roads.length - 1] !== g.roads[r].id) roads.push(g.roads[r].id);
  return { coords: path.map((i) => g.nodes[i]), lengthM: dist[t.node], nodes: path, snapFromM: s.distM, snapToM: t.distM, roads };
}

// ------------------------------------------------------------------------------------
// names
// ------------------------------------------------------------------------------------

const ZH_SUFFIX = /(快速通道|快速路|高速公路|高速|大道|大街|辅道|路|街)$/;
const EN_SUFFIX = /(expressway|expwy|avenue|ave|road|rd|street|st|boulevard|blvd)$/;

/**
 * Normalised road name for matching: lower case, no spaces/punctuation, without the
 * generic suffix (路, 大道, 快速路, 街, Road, Avenue, Expressway …) and without a
 * parenthesised reference like "(G30)". "陇海快速路" → "陇海", "Longhai Road" → "longhai",
 * "北三环" → "北三环", "107辅道" → "107".
 */
export function normalizeRoadName(s: string): string {
  let t = s
    .toLowerCase()
    .replace(/[（(][^)）]*[)）]/g, '')
    .replace(/[\s·'’\-_.,，。]/g, '');
  t = t.replace(ZH_SUFFIX, '');
  t = t.replace(EN_SUFFIX, '');
  return t;
}

/** Roads matching a name, best matches only (exact normalised name beats a prefix). */
export function matchRoads(g: RoadGraph, name: string): RoadInfo[] {
  const q = normalizeRoadName(name);
  if (!q) return [];
  const raw = name.trim().toLowerCase();
  let best = 0;
  const scored: [RoadInfo, number][] = [];
  for (const r of g.roads) {
    let s = 0;
    if ([r.name_zh, r.road_zh, r.name_en, r.road_en].some((n) => n.toLowerCase() === raw)) s = 3;
    else if (r.keys.includes(q)) s = 2;
    else if (q.length >= 2 && r.keys.some((k) => k.startsWith(q))) s = 1;
    if (s > 0) {
      scored.push([r, s]);
      best = Math.max(best, s);
    }
  }
  // an exact section name ("金水东路") or exact canonical name both count as exact
  const floor = best >= 2 ? 2 : best;
  return scored.filter(([, s]) => s >= floor).map(([r]) => r);
}

export interface Junction {
  at: LonLat;
  node: number;
  roadA: string;
  roadB: string;
  /** false when the roads do not meet and `at` is their closest approach (< 500 m) */
  exact: boolean;
}

/** All junctions of two named roads (west to east, then south to north). */
export function findJunctions(g: RoadGraph, nameA: string, nameB: string): Junction[] {
  const A = matchRoads(g, nameA);
  const B = matchRoads(g, nameB);
  if (!A.length || !B.length) return [];
  const setB = new Set(B.map((r) => r.index));
  const out: Junction[] = [];
  const seen = new Set<number>();
  for (const ra of A) {
    for (const n of ra.nodes) {
      if (seen.has(n)) continue;
      const rb = g.nodeRoads[n].find((r) => setB.has(r) && r !== ra.index);
      if (rb === undefined) continue;
      seen.add(n);
      out.push({ at: g.nodes[n], node: n, roadA: ra.id, roadB: g.roads[rb].id, exact: true });
    }
  }
  if (out.length === 0) {
    // closest approach of the two roads' vertices, if they nearly meet
    let best: Junction | null = null;
    let bestD = 500;
    for (const ra of A)
      for (const na of ra.nodes)
        for (const rb of B)
          for (const nb of rb.nodes) {
            const d = haversine(g.nodes[na], g.nodes[nb]);
            if (d < bestD) {
              bestD = d;
              const a = g.nodes[na];
              const b = g.nodes[nb];
              best = { at: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], node: na, roadA: ra.id, roadB: rb.id, exact: false };
            }
          }
    return best ? [best] : [];
  }
  return out.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
}

/** Where two named roads meet, e.g. findJunction(g, "陇海路", "京广路"); null if they do not. */
export function findJunction(g: RoadGraph, nameA: string, nameB: string): LonLat | null {
  return findJunctions(g, nameA, nameB)[0]?.at ?? null;
}

// ------------------------------------------------------------------------------------
// place search
// ------------------------------------------------------------------------------------

export interface NamedArea {
  type: 'Feature';
  properties: { name_zh: string; name_en: string; center?: number[]; alias_zh?: string[]; alias_en?: string[]; code?: string; id?: string; kind?: string };
  geometry: { type: string; coordinates: unknown };
}

export interface PlaceData {
  graph: RoadGraph;
  districts?: { features: NamedArea[] };
  water?: { features: NamedArea[] };
}

export type PlaceKind = 'junction' | 'road' | 'district' | 'water';

export interface Place {
  kind: PlaceKind;
  name_zh: string;
  name_en: string;
  center: LonLat;
  /** [west, south, east, north] to fit, when the place has an extent */
  bbox?: [number, number, number, number];
  /** suggested zoom for flying to a point */
  zoom: number;
  /** id of the road / district code / water id */
  ref: string;
  score: number;
}

const SEPARATORS = /\s*(?:与|和|交叉|交|×|✕|\bx\b|&|\/|,|，|、|\band\b|\+)\s*/i;
const JUNCTION_WORDS = /(交叉口|十字路口|路口|交口|立交桥|立交|附近|\bjunction\b|\bintersection\b|\bcrossing\b|\binterchange\b)/gi;

function rawCoords(g: { type: string; coordinates: unknown }): LonLat[] {
  const out: LonLat[] = [];
  const walk = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push([c[0] as number, c[1] as number]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(g.coordinates);
  return out;
}

function areaMatches(q: string, f: NamedArea): number {
  const p = f.properties;
  const raw = q.trim().toLowerCase();
  if (!raw) return 0;
  const names = [p.name_zh, p.name_en, ...(p.alias_zh ?? []), ...(p.alias_en ?? [])].filter(Boolean).map((s) => s.toLowerCase());
  if (names.includes(raw)) return 3;
  const bare = (s: string) => s.replace(/\s+/g, '').replace(/(区|县|市|湖|河|渠|district|county|city|lake|river|canal)$/i, '');
  const qb = bare(raw);
  if (qb.length >= 2 && names.some((n) => bare(n) === qb)) return 2;
  if (qb.length >= 2 && names.some((n) => n.replace(/\s+/g, '').startsWith(qb))) return 1;
  return 0;
}

function roadPlace(g: RoadGraph, roads: RoadInfo[], score: number): Place {
  const all = roads.flatMap((r) => r.coords);
  const longest = roads.reduce((a, b) => (lineLength(b.coords) > lineLength(a.coords) ? b : a));
  const first = roads[0];
  return {
    kind: 'road',
    name_zh: roads.every((r) => r.road_zh === first.road_zh) ? first.road_zh : first.name_zh,
    name_en: roads.every((r) => r.road_en === first.road_en) ? first.road_en : first.name_en,
    center: pointAlong(longest.coords, 0.5),
    bbox: bboxOf(all),
    zoom: 13,
    ref: first.id,
    score,
  };
}

/** Split a query naming two roads: explicit separators, whitespace, or (CJK) after a road suffix. */
function splitTwo(g: RoadGraph, q: string): [string, string] | null {
  const parts = q.split(SEPARATORS).filter(Boolean);
  if (parts.length === 2) return [parts[0], parts[1]];
  const tokens = q.split(/\s+/).filter(Boolean);
  let best: [string, string] | null = null;
  let bestScore = 0;
  const tryPair = (a: string, b: string) => {
    const ma = matchRoads(g, a);
    const mb = matchRoads(g, b);
    if (!ma.length || !mb.length) return;
    const sc = normalizeRoadName(a).length + normalizeRoadName(b).length - ma.length * 0.01 - mb.length * 0.01;
    if (sc > bestScore) {
      bestScore = sc;
      best = [a, b];
    }
  };
  if (tokens.length >= 2) {
    for (let k = 1; k < tokens.length; k++) tryPair(tokens.slice(0, k).join(' '), tokens.slice(k).join(' '));
  } else {
    const s = tokens[0] ?? '';
    // CJK without spaces: split right after a road suffix ("陇海路京广路")
    const re = /(快速路|大道|大街|路|街|环)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      const cut = m.index + m[0].length;
      if (cut > 0 && cut < s.length) tryPair(s.slice(0, cut), s.slice(cut));
    }
  }
  return best;
}

/**
 * Search places by name: "陇海路 京广路" / "陇海路与京广路交叉口" / "Longhai Road & Jingguang
 * Road" → their junction; "金水路" → the road; "金水区", "郑东新区", "龙子湖" → the area.
 * Results are sorted best first.
 */
export function searchPlaces(query: string, data: PlaceData): Place[] {
  const g = data.graph;
  const q = query.replace(JUNCTION_WORDS, ' ').trim();
  if (!q) return [];
  const out: Place[] = [];

  const pair = splitTwo(g, q);
  if (pair) {
    for (const j of findJunctions(g, pair[0], pair[1])) {
      const a = g.roads.find((r) => r.id === j.roadA)!;
      const b = g.roads.find((r) => r.id === j.roadB)!;
      out.push({
        kind: 'junction',
        name_zh: `${a.name_zh} × ${b.name_zh}`,
        name_en: `${a.name_en} × ${b.name_en}`,
        center: j.at,
        zoom: 15,
        ref: `${j.roadA}|${j.roadB}`,
        score: j.exact ? 10 : 6,
      });
    }
  }

  const roads = matchRoads(g, q);
  if (roads.length) {
    // group sections by canonical road name
    const groups = new Map<string, RoadInfo[]>();
    for (const r of roads) groups.set(r.road_zh, [...(groups.get(r.road_zh) ?? []), r]);
    for (const rs of groups.values()) out.push(roadPlace(g, rs, 8));
  }

  const areas: [NamedArea, PlaceKind][] = [
    ...(data.districts?.features ?? []).map((f) => [f, 'district'] as [NamedArea, PlaceKind]),
    ...(data.water?.features ?? []).map((f) => [f, 'water'] as [NamedArea, PlaceKind]),
  ];
  for (const [f, kind] of areas) {
    const s = areaMatches(q, f);
    if (!s) continue;
    const coords = rawCoords(f.geometry);
    const c = f.properties.center;
    const bb = bboxOf(coords);
    out.push({
      kind,
      name_zh: f.properties.name_zh,
      name_en: f.properties.name_en,
      center: c ? [c[0], c[1]] : [(bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2],
      bbox: bb,
      zoom: kind === 'district' ? 11 : 13,
      ref: String(f.properties.code ?? f.properties.id ?? f.properties.name_en),
      score: 5 + s,
    });
  }
  return out.sort((a, b) => b.score - a.score);
}
