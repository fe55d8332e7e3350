import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, LineString, Polygon } from 'geojson';
import { haversine, type LonLat } from '../../src/geo/geometry';
import { ROADS_FILE, buildRoads, type RoadProps } from './build-roads';
import { WATER_FILE, buildWater, type WaterProps } from './build-water';
import { nodeLines } from './noding';

const roads = JSON.parse(fs.readFileSync(ROADS_FILE, 'utf8')) as { schematic: boolean; features: Feature<LineString, RoadProps>[] };
const water = JSON.parse(fs.readFileSync(WATER_FILE, 'utf8')) as { schematic: boolean; features: Feature<LineString | Polygon, WaterProps>[] };

const is6 = (v: number) => Math.abs(v * 1e6 - Math.round(v * 1e6)) < 1e-6;
const inZhengzhou = ([x, y]: number[]) => x > 112.7 && x < 114.3 && y > 34.25 && y < 35.0;

describe('roads.geojson', () => {
  it('is labelled schematic and every feature has the road schema', () => {
    expect(roads.schematic).toBe(true);
    const ids = new Set<string>();
    for (const f of roads.features) {
      const p = f.properties;
      expect(f.geometry.type).toBe('LineString');
      expect(f.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
      expect(ids.has(p.id), p.id).toBe(false);
      ids.add(p.id);
      expect(p.name_zh).toMatch(/[\u4e00-\u9fff0-9]/);
      expect(p.name_en).toMatch(/^[A-Z0-9]/);
      expect(['expressway', 'ring', 'arterial']).toContain(p.class);
      expect(p.schematic).toBe(true);
      if (p.class === 'ring') expect([2, 3, 4]).toContain(p.ring);
      for (const c of f.geometry.coordinates) {
        expect(is6(c[0]) && is6(c[1])).toBe(true);
        expect(inZhengzhou(c), `${p.id} ${c}`).toBe(true);
      }
    }
  });

  it('has the ring roads and the main arterials and expressways', () => {
    const names = new Set(roads.features.flatMap((f) => [f.properties.name_zh, f.properties.road_zh]));
    for (const n of [
      '北三环', '东三环', '南三环', '西三环', '北四环', '东四环', '南四环', '西四环',
      '中州大道', '京广快速路', '京广路', '陇海快速路', '陇海路', '金水路', '农业路', '航海路', '花园路', '紫荆山路',
      '嵩山路', '建设路', '中原路', '文化路', '未来路', '大学路', '桐柏路', '秦岭路', '南阳路', '经三路', '科学大道',
      '郑汴路', '商都路', '商鼎路', '东风路', '北环路', '连霍高速', '京港澳高速', '107辅道', '人民路',
    ])
      expect(names, n).toContain(n);
    // the 2nd ring is 北环路 + 未来路 + 航海路 + 嵩山路
    const r2 = roads.features.filter((f) => f.properties.ring === 2).map((f) => f.properties.name_zh).sort();
    expect(r2).toEqual(['北环路', '嵩山路', '未来路', '航海路']);
  });

  it('each ring is a closed loop', () => {
    for (const ring of [2, 3, 4]) {
      const secs = roads.features.filter((f) => f.properties.ring === ring);
      const ends = new Map<string, number>();
      for (const s of secs) {
        const c = s.geometry.coordinates;
        for (const p of [c[0], c[c.length - 1]]) ends.set(p.join(','), (ends.get(p.join(',')) ?? 0) + 1);
      }
      // every section end is shared with exactly one other section end
      for (const [, n] of ends) expect(n).toBe(2);
      expect(ends.size).toBe(secs.length);
    }
  });

  it('roads that cross share an exact vertex at the crossing (routable)', () => {
    const fs_ = roads.features;
    let crossings = 0;
    for (let i = 0; i < fs_.length; i++) {
      for (let j = i + 1; j < fs_.length; j++) {
        const x = turf.lineIntersect(fs_[i], fs_[j]);
        for (const pt of x.features) {
          const p = pt.geometry.coordinates as LonLat;
          const onA = fs_[i].geometry.coordinates.some((c) => haversine(c as LonLat, p) < 0.5);
          const onB = fs_[j].geometry.coordinates.some((c) => haversine(c as LonLat, p) < 0.5);
          expect(onA && onB, `${fs_[i].properties.id} × ${fs_[j].properties.id} at ${p}`).toBe(true);
          // and the vertex is literally the same numbers in both
          const a = fs_[i].geometry.coordinates.find((c) => haversine(c as LonLat, p) < 0.5)!;
          expect(fs_[j].geometry.coordinates.some((c) => c[0] === a[0] && c[1] === a[1])).toBe(true);
          crossings++;
        }
      }
    }
    expect(crossings).toBeGreaterThan(150);
  });

  it('the committed file is what the build script produces (deterministic)', () => {
    const { fc } = buildRoads();
    expect(JSON.parse(JSON.stringify(fc.features))).toEqual(roads.features);
  });
});

describe('noding', () => {
  it('inserts a shared vertex where two lines cross, and snaps a near-miss end', () => {
    const { lines, report } = nodeLines(
      [
        [[113.6, 34.7], [113.7, 34.7]],
        [[113.65, 34.65], [113.65, 34.75]],
        [[113.62, 34.6], [113.62, 34.6995]], // ends ~55 m short of line 0
      ],
      { snapM: 150 },
    );
    expect(lines[0]).toContainEqual([113.65, 34.7]);
    expect(lines[1]).toContainEqual([113.65, 34.7]);
    expect(lines[2][1]).toEqual([113.62, 34.7]);
    expect(lines[0]).toContainEqual([113.62, 34.7]);
    expect(report.crossings).toBe(2);
    expect(report.snapped).toHaveLength(1);
  });
});

describe('water.geojson', () => {
  it('has the rivers, canals and lakes, labelled schematic', () => {
    expect(water.schematic).toBe(true);
    const byName = new Map(water.features.map((f) => [f.properties.name_zh, f]));
    for (const [n, kind] of [
      ['黄河', 'river'], ['金水河', 'river'], ['熊耳河', 'river'], ['东风渠', 'canal'], ['贾鲁河', 'river'], ['七里河', 'river'],
      ['索须河', 'river'], ['魏河', 'river'], ['南水北调中线总干渠', 'canal'], ['西流湖', 'lake'], ['龙子湖', 'lake'], ['如意湖', 'lake'], ['龙湖', 'lake'],
    ] as const) {
      const f = byName.get(n);
      expect(f, n).toBeDefined();
      expect(f!.properties.kind).toBe(kind);
      expect(f!.properties.schematic).toBe(true);
      expect(f!.properties.name_en).toMatch(/^[A-Z]/);
      expect(f!.geometry.type).toBe(kind === 'lake' ? 'Polygon' : 'LineString');
    }
  });

  it('lakes are valid polygons and contain their label point', () => {
    for (const f of water.features.filter((w) => w.properties.kind === 'lake') as Feature<Polygon, WaterProps>[]) {
      expect(turf.kinks(f).features, f.properties.id).toHaveLength(0);
      expect(turf.booleanValid(f), f.properties.id).toBe(true);
      expect(turf.booleanPointInPolygon(f.properties.center, f), f.properties.id).toBe(true);
      expect(f.properties.area_km2!).toBeGreaterThan(0.1);
      expect(f.properties.area_km2!).toBeLessThan(10);
    }
  });

  it('the Yellow River runs along the north edge of the city', () => {
    const hh = water.features.find((f) => f.properties.id === 'huanghe') as Feature<LineString, WaterProps>;
    const near = hh.geometry.coordinates.filter(([x]) => x > 113.5 && x < 113.9);
    expect(near.length).toBeGreaterThan(3);
    for (const [, y] of near) expect(y).toBeGreaterThan(34.86);
    const districts = JSON.parse(fs.readFileSync(ROADS_FILE.replace('roads', 'districts'), 'utf8'));
    const huiji = districts.features.find((f: { properties: { code: string } }) => f.properties.code === '410108');
    // the river passes within 3 km of Huiji District's northern edge
    const north = turf.bbox(huiji)[3];
    const at = hh.geometry.coordinates.filter(([x]) => x > 113.55 && x < 113.75).map(([, y]) => y);
    expect(Math.abs(Math.max(...at) - north)).toBeLessThan(0.03);
  });

  it('the committed file is what the build script produces (deterministic)', () => {
    expect(JSON.parse(JSON.stringify(buildWater().features))).toEqual(water.features);
  });
});
