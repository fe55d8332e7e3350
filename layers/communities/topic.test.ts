import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Edge } from '../../src/data/edge';
import { TopicRegistry } from '../../src/data/topics';
import type { Entity } from '../../src/data/wire';
import { buildOutlinesModule, OUTLINES_FILE } from '../../mock-data/catalog/communities-outlines';
import { topics } from './topic';
import { insideDistrict, districtAt } from './geo';

const base = (over: Partial<Entity> = {}): Entity => ({
  id: '410105-0001',
  lon: 113.6773,
  lat: 34.7866, // 金水区, near 花园路 × 农业路
  name: '锦绣花园',
  district: '410105',
  pop: 1200,
  tier: 'green',
  since: 1626624000000,
  reason: '常态化防控',
  ...over,
});

const line = (seq: number, body: Record<string, unknown>) => JSON.stringify({ topic: 'communities', seq, ts: '2021-07-19T00:00:00+08:00', ...body });

function edgeWithSnapshot() {
  const edge = new Edge(new TopicRegistry(topics));
  const r = edge.acceptText(line(1, { snapshot: true, upsert: [base(), base({ id: 'ZD-0001', lon: 113.7295, lat: 34.7735, district: 'ZD', name: '如意新村' })] }));
  expect(r.ok).toBe(true);
  return edge;
}

function reason(edge: Edge, body: Record<string, unknown>, seq = 2): string {
  const r = edge.acceptText(line(seq, body));
  if (r.ok) throw new Error('accepted');
  return r.reject.reason;
}

describe('communities topic: bad input is rejected with a diagnostic', () => {
  it('accepts a valid change of tier', () => {
    const edge = edgeWithSnapshot();
    const r = edge.acceptText(line(2, { upsert: [base({ tier: 'red', prev_tier: 'green', since: 1626700000000, reason: '发现确诊病例' })] }));
    expect(r.ok).toBe(true);
  });

  it('an unknown tier value', () => {
    const why = reason(edgeWithSnapshot(), { upsert: [base({ tier: 'orange' })] });
    expect(why).toContain('upsert[0].tier');
    expect(why).toContain('unknown tier "orange"');
  });

  it('a community id that does not exist', () => {
    const why = reason(edgeWithSnapshot(), { upsert: [base({ id: '410105-9999' })] });
    expect(why).toBe('upsert[0].id: unknown id "410105-9999"');
    expect(reason(edgeWithSnapshot(), { delete: ['nope'] })).toContain('unknown id "nope"');
  });

  it('before any snapshot, ids are not known', () => {
    const edge = new Edge(new TopicRegistry(topics));
    expect(reason(edge, { upsert: [base()] }, 1)).toContain('no snapshot of topic "communities" yet');
  });

  it('a community placed outside its district (in a snapshot too)', () => {
    // 登封 (Dengfeng) is 60 km west of 金水区
    const why = reason(edgeWithSnapshot(), { upsert: [base({ lon: 113.05, lat: 34.455 })] });
    expect(why).toContain('moved');
    const edge = new Edge(new TopicRegistry(topics));
    const why2 = reason(edge, { snapshot: true, upsert: [base({ lon: 113.05, lat: 34.455 })] }, 1);
    expect(why2).toContain('outside its district 410105 金水区');
  });

  it('a community moved to another district, or moved at all', () => {
    const edge = edgeWithSnapshot();
    expect(reason(edge, { upsert: [base({ district: '410103' })] })).toContain('district changed from 410105 to 410103');
    expect(reason(edge, { upsert: [base({ lat: 34.7886 })] })).toContain('moved 222 m');
    // a few metres of correction is fine
    expect(edge.acceptText(line(2, { upsert: [base({ lon: 113.6774 })] })).ok).toBe(true);
  });

  it('an unknown district, a bad outline, check-ins above the population', () => {
    expect(reason(edgeWithSnapshot(), { upsert: [base({ district: '410199' })] })).toContain('unknown district "410199"');
    expect(reason(edgeWithSnapshot(), { upsert: [base({ shape: [1, 2, 3, 4, 5] })] })).toContain('shape');
    expect(reason(edgeWithSnapshot(), { upsert: [base({ checkins: 5000 })] })).toContain('checkins 5000 exceed the population 1200');
    expect(reason(edgeWithSnapshot(), { upsert: [base({ lon: undefined, lat: undefined })] })).toContain('lon');
  });

  it('stats: unknown ids and inconsistent totals', () => {
    const edge = new Edge(new TopicRegistry(topics));
    const s = (seq: number, e: Record<string, unknown>) => edge.acceptText(JSON.stringify({ topic: 'community-stats', seq, ts: 1626624000000, upsert: [e] }));
    expect(s(1, { id: 'city', green: 10800, yellow: 5, red: 1, total: 10806 }).ok).toBe(true);
    const bad = s(2, { id: 'moon', green: 1, yellow: 0, red: 0 });
    expect(!bad.ok && bad.reject.reason).toContain('unknown stats id "moon"');
    const bad2 = s(3, { id: '410105', green: 1, yellow: 1, red: 1, total: 4 });
    expect(!bad2.ok && bad2.reject.reason).toContain('total 4 is not green + yellow + red');
  });
});

describe('district outlines bundled for the edge check', () => {
  it('are up to date with public/geo/districts.geojson', () => {
    expect(readFileSync(OUTLINES_FILE, 'utf8')).toBe(buildOutlinesModule());
  });
  it('place known points in their districts', () => {
    expect(districtAt(113.6773, 34.7866)).toBe('410105'); // 金水
    expect(districtAt(113.05, 34.455)).toBe('410185'); // 登封
    expect(districtAt(113.976, 34.719)).toBe('410122'); // 中牟
    expect(insideDistrict(113.6773, 34.7866, '410103')).toBe(false);
    expect(insideDistrict(113.6773, 34.7866, 'nope')).toBe(false);
    expect(districtAt(116.4, 39.9)).toBeNull(); // Beijing
  });
});
