import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TableSet } from '../../src/store/tables';
import type { Entity } from '../../src/data/wire';
import { cityViewWeight, DISTRICTS, FADE_FROM, FADE_TO, outlineOf, shortTime, TOPIC, transitionKind } from './model';
import { CommunityIndex } from './state';
import { cityView, districtView, focusOf, levelOf, upOf } from './nav';
import { latestChanges, summarize } from './summary';
import { districtShade } from './index';

describe('model', () => {
  it('lists the 16 districts of public/geo/districts.geojson', () => {
    const fc = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/geo/districts.geojson'), 'utf8')) as { features: { properties: { code: string; name_zh: string } }[] };
    expect(DISTRICTS.map((d) => d.code).sort()).toEqual(fc.features.map((f) => f.properties.code).sort());
    for (const d of DISTRICTS) expect(fc.features.find((f) => f.properties.code === d.code)!.properties.name_zh).toBe(d.zh);
  });

  it('classifies tier transitions', () => {
    expect(transitionKind('green', 'yellow')).toBe('escalate');
    expect(transitionKind('green', 'red')).toBe('escalate');
    expect(transitionKind('red', 'yellow')).toBe('deescalate');
    expect(transitionKind('yellow', 'green')).toBe('deescalate');
    expect(transitionKind('red', 'green')).toBe('skip-down');
    expect(transitionKind('red', 'red')).toBe('none');
    expect(transitionKind(undefined, 'red')).toBe('none');
  });

  it('cross-fades the two views by zoom', () => {
    expect(cityViewWeight(9)).toBe(1);
    expect(cityViewWeight(FADE_FROM)).toBe(1);
    expect(cityViewWeight(FADE_TO)).toBe(0);
    expect(cityViewWeight(15)).toBe(0);
    let last = 1;
    for (let z = FADE_FROM; z <= FADE_TO; z += 0.25) {
      const w = cityViewWeight(z);
      expect(w).toBeLessThanOrEqual(last);
      last = w;
    }
  });

  it('turns an outline in metres into a closed lon/lat ring', () => {
    const ring = outlineOf(113.6, 34.7, [-100, -50, 100, -50, 100, 50, -100, 50])!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(ring[1][0] - ring[0][0]).toBeCloseTo(200 / (111320 * Math.cos((34.7 * Math.PI) / 180)), 8);
    expect(outlineOf(113.6, 34.7, undefined)).toBeNull();
    expect(outlineOf(113.6, 34.7, [1, 2, 3])).toBeNull();
    expect(shortTime(Date.parse('2021-07-20T16:05:00+08:00'))).toBe('07-20 16:05');
  });

  it('shades districts by the worst tier, deeper with the share of red and yellow', () => {
    expect(districtShade(100, 0, 0)[0]).toBe(46);
    expect(districtShade(95, 5, 0)[0]).toBe(255);
    expect(districtShade(95, 4, 1)).toEqual([255, 59, 48, expect.any(Number)]);
    expect(districtShade(50, 50, 0)[3]).toBeGreaterThan(districtShade(99, 1, 0)[3]);
    expect(districtShade(0, 0, 0)[3]).toBe(0);
  });
});

function table(rows: Entity[]) {
  const tables = new TableSet();
  const t = tables.table(TOPIC);
  tables.applyBatch([{ topic: TOPIC, seq: 1, t: 1, upsert: rows, delete: [], snapshot: true }]);
  return { t, ix: new CommunityIndex().sync(t) };
}

describe('drill-down', () => {
  const rows: Entity[] = Array.from({ length: 40 }, (_, i) => ({
    id: `c${i}`,
    lon: 113.6 + (i % 10) * 0.01,
    lat: 34.75 + Math.floor(i / 10) * 0.01,
    district: i < 30 ? '410105' : '410103',
    tier: i === 3 ? 'red' : i % 7 === 0 ? 'yellow' : 'green',
    prev_tier: i === 3 || i % 7 === 0 ? 'green' : undefined,
    since: 1000 + i,
    name: `小区${i}`,
  }));

  it('derives the level from the selection and goes one level up', () => {
    const { t } = table(rows);
    const dOf = (id: string) => t.get(id)?.district as string | undefined;
    expect(levelOf(null, dOf)).toEqual({ level: 'city' });
    expect(levelOf({ topic: 'hotspots', id: 'H01' }, dOf)).toEqual({ level: 'city' });
    expect(levelOf({ topic: 'districts', id: '410105' }, dOf)).toEqual({ level: 'district', district: '410105' });
    expect(levelOf({ topic: 'districts', id: 'nope' }, dOf)).toEqual({ level: 'city' });
    const c = levelOf({ topic: TOPIC, id: 'c31' }, dOf);
    expect(c).toEqual({ level: 'community', district: '410103', id: 'c31' });
    expect(upOf(c)).toEqual({ topic: 'districts', id: '410103' });
    expect(upOf({ level: 'district', district: '410103' })).toBeNull();
    expect(upOf({ level: 'city' })).toBeUndefined();
    expect(focusOf({ topic: TOPIC, id: 'c2' }, t)).toBe('410105');
    expect(focusOf(null, t)).toBeNull();
  });

  it('flies to the bulk of a district\'s communities, or its outline', () => {
    const { t, ix } = table(rows);
    const [[w, s], [e, n]] = districtView('410105', t, ix)!;
    expect(w).toBeLessThan(113.6);
    expect(e).toBeGreaterThan(113.69);
    expect(s).toBeLessThan(34.75);
    expect(n).toBeGreaterThan(34.77);
    const zd = districtView('ZD', t, ix)!; // no communities here: its outline
    expect(zd[0][0]).toBeGreaterThan(113.6);
    const [[cw], [ce]] = cityView();
    expect(cw).toBeLessThan(113.0);
    expect(ce).toBeGreaterThan(114.1);
  });

  it('summarises a scope and lists the latest changes', () => {
    const { t, ix } = table(rows);
    const city = summarize(t, ix, -1);
    expect(city.scope.reduce((a, b) => a + b, 0)).toBe(40);
    expect(city.scope[2]).toBe(1);
    const d = summarize(t, ix, 1); // 二七
    expect(d.scope.reduce((a, b) => a + b, 0)).toBe(10);
    expect(summarize(t, ix, 1, d)).toBe(d); // unchanged: the same object
    const latest = latestChanges(t, ix, -1, 3);
    expect(latest.map((c) => c.id)).toEqual(['c35', 'c28', 'c21']);
    expect(latestChanges(t, ix, 0, 10).every((c) => c.district === '410105')).toBe(true);
  });
});
