import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildRoadGraph, type RoadsFC } from '../../src/geo/roadGraph';
import { haversine } from '../../src/geo/geometry';
import { nearestFree, rankCost, routeTo, type SearchInput } from './search';

/** Car parks east of an origin at 113.66, 34.75: distance in metres along the parallel. */
const ORIGIN = { lon: 113.66, lat: 34.75 };
const M_LON = 1 / (111_195 * Math.cos((34.75 * Math.PI) / 180));
function input(cps: { m: number; free: number; cap?: number; pub?: boolean }[]): SearchInput {
  const n = cps.length;
  const positions = new Float64Array(2 * n);
  cps.forEach((c, i) => {
    positions[2 * i] = ORIGIN.lon + c.m * M_LON;
    positions[2 * i + 1] = ORIGIN.lat;
  });
  return {
    n,
    ids: cps.map((_, i) => `P${i}`),
    positions,
    free: Float32Array.from(cps.map((c) => c.free)),
    capacity: Float32Array.from(cps.map((c) => c.cap ?? 100)),
    isPublic: Uint8Array.from(cps.map((c) => (c.pub === false ? 0 : 1))),
  };
}

describe('nearest-free search', () => {
  it('answers only with car parks that have free spaces and a reading', () => {
    const v = input([
      { m: 100, free: 0 },
      { m: 200, free: NaN },
      { m: 300, free: 12 },
      { m: 400, free: 5 },
    ]);
    const r = nearestFree(v, ORIGIN);
    expect(r.map((c) => c.id)).toEqual(['P2', 'P3']);
    for (const c of r) expect(c.free).toBeGreaterThan(0);
  });

  it('ranks by distance, and by free count when distances are close', () => {
    const v = input([
      { m: 600, free: 50 },
      { m: 200, free: 50 },
      { m: 400, free: 50 },
    ]);
    expect(nearestFree(v, ORIGIN).map((c) => c.id)).toEqual(['P1', 'P2', 'P0']);
    // 300 m with 1 free space is a worse bet than 450 m with 60
    const w = input([
      { m: 300, free: 1 },
      { m: 450, free: 60 },
    ]);
    expect(nearestFree(w, ORIGIN).map((c) => c.id)).toEqual(['P1', 'P0']);
    expect(rankCost(300, 1)).toBeGreaterThan(rankCost(450, 60));
    // but far away is far away
    const x = input([
      { m: 300, free: 1 },
      { m: 1500, free: 500 },
    ]);
    expect(nearestFree(x, ORIGIN)[0].id).toBe('P0');
  });

  it('honours k, minFree and leaves private (residential) car parks out unless asked', () => {
    const v = input(Array.from({ length: 20 }, (_, i) => ({ m: 100 * (i + 1), free: i % 4, pub: i !== 1 })));
    const r = nearestFree(v, ORIGIN, { k: 3, minFree: 2 });
    expect(r).toHaveLength(3);
    for (const c of r) expect(c.free).toBeGreaterThanOrEqual(2);
    expect(nearestFree(v, ORIGIN, { k: 20 }).some((c) => c.id === 'P1')).toBe(false);
    expect(nearestFree(v, ORIGIN, { k: 20, includePrivate: true }).some((c) => c.id === 'P1')).toBe(true);
  });

  it('reports true distances and, with nothing in range, the nearest beyond it', () => {
    const v = input([
      { m: 8000, free: 3 },
      { m: 12_000, free: 30 },
    ]);
    const r = nearestFree(v, ORIGIN, { maxDistM: 5000 });
    expect(r.map((c) => c.id)).toEqual(['P0', 'P1']);
    expect(r[0].far).toBe(true);
    expect(r[0].distM).toBeCloseTo(8000, -1);
  });
});

describe('the route to a car park', () => {
  const roads = JSON.parse(readFileSync('public/geo/roads.geojson', 'utf8')) as RoadsFC;
  const graph = buildRoadGraph(roads);

  it('follows the road graph from the origin to the car park', () => {
    const from: [number, number] = [113.6597, 34.7536]; // Erqi Square
    const to: [number, number] = [113.7245, 34.7725]; // the CBD
    const r = routeTo(graph, from, to);
    expect(r.straight).toBe(false);
    expect(r.coords[0]).toEqual(from);
    expect(r.coords.at(-1)).toEqual(to);
    expect(r.coords.length).toBeGreaterThan(4);
    expect(r.lengthM).toBeGreaterThan(haversine(from, to));
    expect(r.lengthM).toBeLessThan(2 * haversine(from, to));
  });

  it('falls back to a straight line without a graph, or when the roads are further than the car park', () => {
    const a: [number, number] = [113.66, 34.75];
    const b: [number, number] = [113.661, 34.7505];
    expect(routeTo(null, a, b)).toMatchObject({ straight: true, coords: [a, b] });
    expect(routeTo(graph, [113.6601, 34.7668], [113.6609, 34.7671]).straight).toBe(true);
  });
});
