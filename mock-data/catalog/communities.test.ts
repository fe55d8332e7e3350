import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { insideDistrict } from '../../layers/communities/geo';
import { COMMUNITY_TOTAL, DISTRICTS, metresPerDegLon, M_PER_DEG_LAT } from '../../layers/communities/model';
import { communities, DISTRICT_COUNTS, generateCommunities, initials, parseRoad, pinyinWord, syllableChars, syllables } from './communities';
import { ESTATE_STYLES, ESTATE_WORDS, QUALIFIERS, STAFF_QUALIFIERS, UNITS, VILLAGE_STYLES, VOCAB } from './communities-names';
import { loadDistrictsFC } from './communities-outlines';

const cs = communities();
const fc = loadDistrictsFC() as unknown as { features: { properties: { code: string; area_km2: number }; geometry: unknown }[] };

describe('the 10,806 communities (simulated catalog)', () => {
  it('has 10,806 communities with the planned count per district and unique ids and names', () => {
    expect(cs).toHaveLength(COMMUNITY_TOTAL);
    expect(Object.values(DISTRICT_COUNTS).reduce((a, b) => a + b, 0)).toBe(COMMUNITY_TOTAL);
    for (const d of DISTRICTS) expect(cs.filter((c) => c.district === d.code)).toHaveLength(DISTRICT_COUNTS[d.code]);
    expect(new Set(cs.map((c) => c.id)).size).toBe(COMMUNITY_TOTAL);
    expect(new Set(cs.map((c) => c.name)).size).toBe(COMMUNITY_TOTAL);
    expect(cs[0].id).toMatch(/^[0-9A-Z]+-\d{4}$/);
  });

  it('places every community and every outline corner inside its real district polygon', () => {
    const byCode = new Map(fc.features.map((f) => [f.properties.code, f]));
    for (const c of cs) {
      const f = byCode.get(c.district)!;
      expect(booleanPointInPolygon([c.lon, c.lat], f as never), c.id).toBe(true);
      expect(insideDistrict(c.lon, c.lat, c.district), c.id).toBe(true);
      if (!c.shape) continue;
      const kx = 1 / metresPerDegLon(c.lat);
      for (let i = 0; i < c.shape.length; i += 2) {
        const p: [number, number] = [c.lon + c.shape[i] * kx, c.lat + c.shape[i + 1] / M_PER_DEG_LAT];
        expect(booleanPointInPolygon(p, f as never), `${c.id} corner ${i / 2}`).toBe(true);
      }
    }
  });

  it('follows the city: the old urban districts are far denser than the outer counties', () => {
    const density = (code: string) => DISTRICT_COUNTS[code] / fc.features.find((f) => f.properties.code === code)!.properties.area_km2;
    const old = ['410105', '410103', '410102', '410104'];
    const outer = ['410181', '410182', '410183', '410184', '410185', '410122'];
    const maxOuter = Math.max(...outer.map(density));
    expect(Math.min(...old.map(density))).toBeGreaterThan(5 * maxOuter);
    expect(density('ZD')).toBeGreaterThan(3 * maxOuter);
    expect(density('410105')).toBe(Math.max(...DISTRICTS.map((d) => density(d.code)))); // 金水 the densest
    // inside a county, communities cluster (around the seat and towns): the nearest-neighbour
    // distance is well below that of a uniform spread
    const dengfeng = cs.filter((c) => c.district === '410185');
    const nn = dengfeng.map((a) => Math.min(...dengfeng.filter((b) => b !== a).map((b) => Math.hypot((a.lon - b.lon) * metresPerDegLon(a.lat), (a.lat - b.lat) * M_PER_DEG_LAT))));
    const area = fc.features.find((f) => f.properties.code === '410185')!.properties.area_km2 * 1e6;
    const uniformNN = 0.5 * Math.sqrt(area / dengfeng.length);
    expect(nn.sort((a, b) => a - b)[nn.length >> 1]).toBeLessThan(uniformNN / 2);
  });

  it('keeps communities apart and outlines between 40 and 330 m, most with an outline', () => {
    const withShape = cs.filter((c) => c.shape);
    expect(withShape.length / cs.length).toBeGreaterThan(0.93);
    expect(withShape.length).toBeLessThan(cs.length); // some are points
    for (const c of withShape) {
      const s = c.shape!;
      expect(s.length === 8 || s.length === 10).toBe(true);
      const xs = s.filter((_, i) => i % 2 === 0);
      const ys = s.filter((_, i) => i % 2 === 1);
      const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
      expect(span, c.id).toBeGreaterThan(25);
      expect(span, c.id).toBeLessThan(460);
    }
  });

  it('has plausible populations (a city of about 10 million in these communities)', () => {
    const total = cs.reduce((a, c) => a + c.pop, 0);
    expect(total).toBeGreaterThan(8e6);
    expect(total).toBeLessThan(12.6e6); // Zhengzhou's permanent population (2020 census)
    for (const c of cs) {
      expect(c.pop).toBeGreaterThanOrEqual(60);
      expect(c.households).toBeGreaterThan(c.pop / 3.2);
      expect(c.households).toBeLessThan(c.pop / 2.5);
    }
  });

  it('names follow real patterns, with pinyin initials and an English name', () => {
    const suffixes = ['号院', '家属院', '花园', '苑', '小区', '家园', '新村', '社区', '新城', '公寓', '雅居', '华府', '佳园', '城', '湾'];
    const plain = cs.filter((c) => !/(期|区|院)$/.test(c.name) || /(号院|家属院)$/.test(c.name));
    expect(plain.filter((c) => suffixes.some((s) => c.name.endsWith(s))).length / plain.length).toBeGreaterThan(0.95);
    for (const c of cs) {
      expect(c.py).toMatch(/^[a-z0-9]+$/);
      expect(c.name_en).toMatch(/^[A-Z0-9][\x20-\x7e]*$/);
      // one initial per syllable character (digits kept as written)
      expect(c.py.replace(/\d+/g, '').length, c.name).toBe(syllableChars(c.name));
    }
    const byKind = (k: string) => cs.filter((c) => c.kind === k).length;
    for (const k of ['numbered', 'staff', 'estate', 'village', 'roadEstate']) expect(byKind(k)).toBeGreaterThan(300);
  });

  it('every vocabulary token has one pinyin syllable per character', () => {
    const tokens = [...UNITS, ...ESTATE_WORDS, ...ESTATE_STYLES, ...VILLAGE_STYLES, ...QUALIFIERS, ...STAFF_QUALIFIERS, ...Object.values(VOCAB).flatMap((v) => v.places)];
    for (const [zh, py] of tokens) expect(syllables(py).length, zh).toBe(syllableChars(zh));
    for (const v of Object.values(VOCAB)) for (const road of v.roads) expect(() => parseRoad(road)).not.toThrow();
    expect(parseRoad(['航海中路', 'hang hai'])).toMatchObject({ base: '航海', en: 'Hanghai Middle Road', py: 'hang hai zhong lu' });
    expect(initials('wei wu lu')).toBe('wwl');
    expect(pinyinWord('ping an')).toBe("Ping'an");
  });

  it('is deterministic', () => {
    const again = generateCommunities();
    expect(again.slice(0, 50)).toEqual(cs.slice(0, 50));
    expect(again[10805]).toEqual(cs[10805]);
  });
});
