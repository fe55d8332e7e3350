import { describe, expect, it } from 'vitest';
import { haversine, type LonLat } from '../../src/geo/geometry';
import { buildSites, districtOf, inWater, loadGeo, nearestRoad } from './parking-sites';
import { defaultSites } from './parking';
import { carparkEntity as carparkSchema } from '../../layers/parking/topic';
import { carparkEntity } from './parking';

const geo = loadGeo();
const sites = defaultSites();

describe('the car parks of the city (simulated placement)', () => {
  it('has about 300,000 spaces in some thousands of car parks, enclosed and kerbside', () => {
    const spaces = sites.reduce((a, s) => a + s.capacity, 0);
    expect(spaces).toBeGreaterThan(295_000);
    expect(spaces).toBeLessThan(305_000);
    expect(sites.length).toBeGreaterThan(2000);
    expect(sites.length).toBeLessThan(6000);
    const kerb = sites.filter((s) => s.kind === 'kerbside');
    expect(kerb.length).toBeGreaterThan(500);
    expect(new Set(sites.map((s) => s.type))).toEqual(new Set(['office', 'mall', 'leisure', 'hospital', 'residential', 'hub', 'kerbside']));
    expect(new Set(sites.map((s) => s.id)).size).toBe(sites.length);
  });

  it('is deterministic', () => {
    const again = buildSites(geo);
    expect(again.length).toBe(sites.length);
    expect(again.map((s) => `${s.id}:${s.lon}:${s.lat}:${s.capacity}`)).toEqual(sites.map((s) => `${s.id}:${s.lon}:${s.lat}:${s.capacity}`));
  });

  it('places car parks on land: inside a district, not in a lake or river, near a road', () => {
    for (const s of sites) {
      const p: LonLat = [s.lon, s.lat];
      expect(districtOf(geo, p)?.zh, s.id).toBe(s.district);
      expect(inWater(geo, p, 0), `${s.id} ${s.name}`).toBe(false);
      if (s.kind === 'enclosed' && !s.approximate) expect(nearestRoad(geo, p).distM, s.id).toBeLessThan(2500);
    }
  });

  it('is dense in the centre and the CBD, sparse at the edge', () => {
    const within = (c: LonLat, km: number) => sites.filter((s) => haversine([s.lon, s.lat], c) < km * 1000).reduce((a, s) => a + s.capacity, 0);
    const centre = within([113.662, 34.754], 3); // around Erqi Square
    const cbd = within([113.7245, 34.7725], 3);
    const edge = within([113.5, 34.6], 3); // farmland south-west of the 4th ring
    expect(centre).toBeGreaterThan(20_000);
    expect(cbd).toBeGreaterThan(15_000);
    expect(edge).toBeLessThan(centre / 10);
    // the urban districts hold most spaces
    const urban = sites.filter((s) => ['金水区', '二七区', '中原区', '管城回族区', '郑东新区', '惠济区', '经开区', '高新区'].includes(s.district)).reduce((a, s) => a + s.capacity, 0);
    expect(urban / 300_000).toBeGreaterThan(0.85);
  });

  it('gives offices to the CBD and housing to the outer districts', () => {
    const share = (district: string, type: string) => {
      const d = sites.filter((s) => s.district === district && s.kind === 'enclosed');
      return d.filter((s) => s.type === type).reduce((a, s) => a + s.capacity, 0) / d.reduce((a, s) => a + s.capacity, 0);
    };
    expect(share('郑东新区', 'office')).toBeGreaterThan(share('惠济区', 'office') + 0.1);
    expect(share('惠济区', 'residential')).toBeGreaterThan(0.5);
  });

  it('kerbside sections are road sections of 120–420 m, 6 m a space', () => {
    for (const s of sites.filter((x) => x.kind === 'kerbside')) {
      const len = haversine([s.line![0], s.line![1]], [s.line![2], s.line![3]]);
      expect(len).toBeGreaterThan(115);
      expect(len).toBeLessThan(425);
      expect(s.capacity).toBe(Math.max(4, Math.floor(len / 6)));
      expect(s.profile.startsWith('kerbside/')).toBe(true);
    }
  });

  it('every static entity passes the topic schema', () => {
    for (const s of sites) expect(carparkSchema.safeParse(carparkEntity(s)).success, s.id).toBe(true);
  });
});
