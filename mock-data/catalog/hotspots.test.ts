import { describe, expect, it } from 'vitest';
import { HOTSPOTS, hotspotById, DISTRICT_EN } from './hotspots.ts';

/** Every place named in ../shared/data/waterlogging-points.md (report wording). */
const REPORTED = [
  // 2019-07-30 (Dahe)
  '航海立交下穿隧道', '城东路南仓街下穿铁路隧道', '陇海路一马路下穿铁路隧道', '东风南路下穿陇海铁路隧道',
  '新郑路二里岗明沟', '陇海路京广路西北角', '福寿街正兴街西北角', '金水路民航酒店', '金水路未来路西南角',
  // 2016-05-27
  '陇海路与陇海铁路立交泵站', '中州大道陇海路铁路桥下穿', '紫荆山路 (城南路—陇海路)', '紫荆山路 (陇海路—铁路立交桥)',
  '农业路 (经三路—中州大道)', '农业路 (秦岭路—桐柏路)', '东风渠交中州大道西南角', '京广快速路 (金水路北口)',
  '金水路 (河医立交桥建设路区域)', '西站路', '航海路 (新郑路—中州大道)', '航海路 (桐柏路—石柱路)', '建设路与桐柏路交叉口',
  // 2013-08-08 (Dahe)
  '兴隆铺下穿立交', '翠花立交', '南三环京广南路', '建设路 (伏牛路—嵩山路)', '大学路郑大东门', '北环交科学大道桥下',
  '文化路连霍高速桥下', '天明路南丰街', '南阳路农业路北口', '信息学院路',
  // 2023-08-27 and 2024-07-13
  '大学南路南水北调桥南', '嵩山南路南水北调桥南', '郑平路南水北调桥南', '嵩山路航海路西南', '西三环北延',
  '贾小线下穿铁路涵洞', '紫荆山路南水北调', '前程大道陇海铁路', '东三环南三环', '华夏大道京港高速',
  // 20 July 2021
  '京广路隧道',
];

const norm = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

describe('HOTSPOTS catalogue', () => {
  it('has exactly 51 hotspots with ids H01…H51', () => {
    expect(HOTSPOTS).toHaveLength(51);
    expect(HOTSPOTS.map((h) => h.id)).toEqual(Array.from({ length: 51 }, (_, i) => `H${String(i + 1).padStart(2, '0')}`));
    expect(new Set(HOTSPOTS.map((h) => h.id)).size).toBe(51);
    expect(hotspotById('H43')?.name_zh).toBe('京广路隧道');
  });

  it('places every hotspot inside the urban area, in a known district', () => {
    for (const h of HOTSPOTS) {
      expect(h.lon, h.id).toBeGreaterThanOrEqual(113.45);
      expect(h.lon, h.id).toBeLessThanOrEqual(113.85);
      expect(h.lat, h.id).toBeGreaterThanOrEqual(34.62);
      expect(h.lat, h.id).toBeLessThanOrEqual(34.9);
      expect(Object.keys(DISTRICT_EN), h.id).toContain(h.district);
      expect(h.name_en.length, h.id).toBeGreaterThan(3);
    }
  });

  it('keeps positions distinct (more than 150 m apart)', () => {
    for (let i = 0; i < HOTSPOTS.length; i++) {
      for (let j = i + 1; j < HOTSPOTS.length; j++) {
        expect(metres(HOTSPOTS[i], HOTSPOTS[j]), `${HOTSPOTS[i].id}–${HOTSPOTS[j].id}`).toBeGreaterThan(150);
      }
    }
  });

  it('contains each reported place exactly once, marked reported', () => {
    expect(new Set(REPORTED.map(norm)).size).toBe(REPORTED.length);
    for (const name of REPORTED) {
      const hits = HOTSPOTS.filter((h) => norm(h.name_zh) === norm(name));
      expect(hits, name).toHaveLength(1);
      expect(hits[0].reported, name).toBe(true);
    }
    expect(HOTSPOTS.filter((h) => h.reported)).toHaveLength(REPORTED.length);
    expect(hotspotById('H43')?.kind).toBe('tunnel');
  });

  it('labels every added place as added, and names the source of every place', () => {
    for (const h of HOTSPOTS) {
      expect(h.sources.length, h.id).toBeGreaterThan(0);
      if (!h.reported) expect(h.sources[0], h.id).toMatch(/^added: plausible low point/);
    }
  });

  it('has physically sensible model parameters', () => {
    for (const h of HOTSPOTS) {
      expect(h.runoff_coeff, h.id).toBeGreaterThanOrEqual(0.6);
      expect(h.runoff_coeff, h.id).toBeLessThanOrEqual(0.95);
      expect(h.catchment_ha, h.id).toBeGreaterThan(0);
      expect(h.drain_capacity_mm_h, h.id).toBeGreaterThanOrEqual(20);
      expect(h.drain_capacity_mm_h, h.id).toBeLessThanOrEqual(80);
      expect(h.storage_m3_per_cm, h.id).toBeGreaterThan(0);
      expect(h.max_depth_cm, h.id).toBeGreaterThanOrEqual(80);
      if (h.kind === 'tunnel' || h.kind === 'underpass') expect(h.max_depth_cm, h.id).toBeGreaterThanOrEqual(300);
      const w = h.warning_cm;
      expect(0 < w.blue && w.blue < w.yellow && w.yellow < w.orange && w.orange < w.red, h.id).toBe(true);
      expect(w.red, h.id).toBeLessThan(h.max_depth_cm);
    }
    // thresholds are per hotspot, not one shared object
    expect(HOTSPOTS[0].warning_cm).not.toBe(HOTSPOTS[1].warning_cm);
  });
});
