import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { haversine, type LonLat } from './geometry';
import {
  buildRoadGraph,
  findJunction,
  findJunctions,
  matchRoads,
  nearestNode,
  normalizeRoadName,
  reachable,
  searchPlaces,
  shortestPath,
  type RoadsFC,
} from './roadGraph';

const geo = (f: string) => JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../public/geo', f), 'utf8'));
const roads = geo('roads.geojson') as RoadsFC;
const districts = geo('districts.geojson');
const water = geo('water.geojson');
const g = buildRoadGraph(roads);

/** deterministic PRNG (mulberry32) */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('road graph', () => {
  it('is built from the schematic roads and connected', () => {
    expect(g.roads.length).toBeGreaterThan(40);
    expect(g.nodes.length).toBeGreaterThan(200);
    expect(reachable(g, 0).size).toBe(g.nodes.length);
  });

  it('every road meets at least one other road at a shared vertex', () => {
    for (const r of g.roads) {
      const shared = r.nodes.some((n) => g.nodeRoads[n].some((o) => o !== r.index));
      expect(shared, r.id).toBe(true);
    }
  });

  it('normalises road names', () => {
    expect(normalizeRoadName('陇海快速路')).toBe('陇海');
    expect(normalizeRoadName('陇海路')).toBe('陇海');
    expect(normalizeRoadName('中州大道')).toBe('中州');
    expect(normalizeRoadName(' Longhai  Road ')).toBe('longhai');
    expect(normalizeRoadName('Lianhuo Expressway (G30)')).toBe('lianhuo');
    expect(normalizeRoadName('三环路')).toBe('三环');
    expect(normalizeRoadName('北三环')).toBe('北三环');
  });

  it('matches roads by Chinese or English name, tolerant of suffixes', () => {
    expect(matchRoads(g, '陇海路').map((r) => r.id).sort()).toEqual(['longhai-w', 'longhai-x']);
    expect(matchRoads(g, '陇海快速路').map((r) => r.id)).toContain('longhai-x');
    expect(matchRoads(g, 'Zhongzhou Avenue').map((r) => r.id)).toEqual(['zhongzhou']);
    expect(matchRoads(g, '中州').map((r) => r.id)).toEqual(['zhongzhou']);
    expect(matchRoads(g, '农业路').map((r) => r.id).sort()).toEqual(['nongye-e', 'nongye-x']);
    expect(matchRoads(g, '三环').length).toBe(4);
    expect(matchRoads(g, 'no such road')).toEqual([]);
  });

  // Expected junction positions (WGS84). "anchor": published metro-station coordinates
  // (Wikipedia) at or next to the junction; the others are this project's estimates.
  const JUNCTIONS: [string, string, LonLat, string][] = [
    ['花园路', '黄河路', [113.676, 34.7756], 'anchor: Huanghelu station'],
    ['花园路', '农业路', [113.6756, 34.7895], 'anchor: Guanhutun station, just north of the junction'],
    ['建设路', '西三环', [113.5825, 34.761], 'anchor: Xisanhuan station'],
    ['金水东路', '农业南路', [113.7491, 34.7663], 'anchor: Nongyenanlu station'],
    ['陇海路', '京广路', [113.646, 34.738], 'estimate'],
    ['人民路', '金水路', [113.676, 34.763], 'estimate: Zijingshan junction'],
    ['Zhongzhou Avenue', 'Jinshui Road', [113.715, 34.766], 'estimate'],
    ['北三环', '花园路', [113.676, 34.8165], 'estimate'],
    ['嵩山路', '中原路', [113.6221, 34.749], 'estimate'],
    ['京港澳高速', '连霍高速', [113.826, 34.861], 'estimate'],
    ['文化路', '东风路', [113.665, 34.8045], 'estimate'],
    ['未来路', '航海路', [113.698, 34.721], 'estimate: SE corner of the 2nd ring'],
  ];
  for (const [a, b, at, why] of JUNCTIONS) {
    it(`finds the junction ${a} × ${b} (${why})`, () => {
      const j = findJunction(g, a, b);
      expect(j, `${a} × ${b}`).not.toBeNull();
      expect(haversine(j!, at)).toBeLessThan(300);
      // symmetric
      expect(haversine(findJunction(g, b, a)!, at)).toBeLessThan(300);
    });
  }

  it('a junction is a vertex shared by both roads', () => {
    const [j] = findJunctions(g, '陇海路', '京广路');
    expect(j.exact).toBe(true);
    const ids = g.nodeRoads[j.node].map((r) => g.roads[r].id);
    expect(ids).toContain('longhai-x');
    expect(ids.some((id) => id.startsWith('jingguang'))).toBe(true);
  });

  it('roads that do not meet have no junction', () => {
    expect(findJunction(g, '北三环', '南三环')).toBeNull();
    expect(findJunction(g, '陇海路', 'no such road')).toBeNull();
  });

  it('shortest paths between junctions are no shorter than the straight line and at most 1.6× it (urban core)', () => {
    const rand = rng(20210720);
    // junctions (3+ edges) inside the 3rd ring
    const core = g.nodes
      .map((p, i) => [p, i] as const)
      .filter(([p, i]) => g.adj[i].length >= 3 && p[0] > 113.58 && p[0] < 113.78 && p[1] > 34.698 && p[1] < 34.817);
    expect(core.length).toBeGreaterThan(80);
    let checked = 0;
    let worst = 0;
    while (checked < 200) {
      const [a] = core[Math.floor(rand() * core.length)];
      const [b] = core[Math.floor(rand() * core.length)];
      const straight = haversine(a, b);
      if (straight < 1500) continue;
      const r = shortestPath(g, a, b)!;
      expect(r).not.toBeNull();
      expect(r.snapFromM).toBeLessThan(1);
      expect(r.lengthM).toBeGreaterThanOrEqual(straight * 0.999);
      expect(r.lengthM, `${a} → ${b}`).toBeLessThanOrEqual(straight * 1.6);
      worst = Math.max(worst, r.lengthM / straight);
      checked++;
    }
    expect(worst).toBeGreaterThan(1);
  });

  it('a route follows the network: consecutive path nodes are graph neighbours', () => {
    const r = shortestPath(g, [113.5825, 34.761], [113.773, 34.7601])!; // Xisanhuan → Zhengzhou East
    expect(r.coords.length).toBeGreaterThan(3);
    for (let i = 1; i < r.nodes.length; i++) expect(g.adj[r.nodes[i - 1]].some((e) => e.to === r.nodes[i])).toBe(true);
    const sum = r.coords.slice(1).reduce((s, p, i) => s + haversine(r.coords[i], p), 0);
    expect(Math.abs(sum - r.lengthM)).toBeLessThan(1);
    expect(r.roads.length).toBeGreaterThan(0);
    expect(nearestNode(g, [113.5825, 34.761]).distM).toBeLessThan(300);
  });
});

describe('searchPlaces', () => {
  const data = { graph: g, districts, water };
  it('two road names → their junction', () => {
    for (const q of ['陇海路 京广路', '陇海路京广路', '陇海路与京广路交叉口', 'Longhai Road & Jingguang Road', 'Longhai Road Jingguang Road']) {
      const [top] = searchPlaces(q, data);
      expect(top?.kind, q).toBe('junction');
      expect(haversine(top.center, [113.646, 34.738])).toBeLessThan(300);
    }
  });
  it('one road name → the road with its extent', () => {
    const [top] = searchPlaces('金水路', data);
    expect(top.kind).toBe('road');
    expect(top.name_zh).toBe('金水路');
    expect(top.bbox![2] - top.bbox![0]).toBeGreaterThan(0.1);
  });
  it('district and water names → the area', () => {
    expect(searchPlaces('郑东新区', data)[0]).toMatchObject({ kind: 'district', ref: 'ZD' });
    expect(searchPlaces('金水区', data)[0]).toMatchObject({ kind: 'district', ref: '410105' });
    expect(searchPlaces('Jinshui District', data)[0]).toMatchObject({ kind: 'district', ref: '410105' });
    expect(searchPlaces('航空港区', data)[0]).toMatchObject({ kind: 'district', ref: 'HKG' });
    expect(searchPlaces('龙子湖', data)[0]).toMatchObject({ kind: 'water', ref: 'longzihu' });
    expect(searchPlaces('Yellow River', data)[0]).toMatchObject({ kind: 'water', ref: 'huanghe' });
  });
  it('nothing for nonsense', () => {
    expect(searchPlaces('', data)).toEqual([]);
    expect(searchPlaces('qwertyuiop', data)).toEqual([]);
  });
});
