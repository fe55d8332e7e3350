/** The layer's data mapping: warning levels from each place's thresholds, colours, safe depths. */
import { describe, expect, it } from 'vitest';
import { EntityTable } from '../../src/store/tables';
import type { Entity } from '../../src/data/wire';
import { LEVEL_COLORS, levelOf, levelOfDepth, radiusOfDepth, ROAD_THRESHOLDS, safeDepth, thresholdsOf, trendText, TUNNEL_THRESHOLDS } from './levels';
import { countLevels, hotspotAttributes, viewOf } from './mapping';

const road = (depth: number, extra: Partial<Entity> = {}): Entity => ({ id: 'H1', lon: 113.6, lat: 34.7, name: '路口', depth_cm: depth, kind: 'junction', ...extra });

describe('warning levels', () => {
  it('level boundaries: each level begins at its threshold', () => {
    const w = { blue: 15, yellow: 27, orange: 40, red: 50 };
    expect([0, 14.9, 15, 26.9, 27, 39.9, 40, 49.9, 50, 300].map((d) => levelOfDepth(d, w))).toEqual([
      'none', 'none', 'blue', 'blue', 'yellow', 'yellow', 'orange', 'orange', 'red', 'red',
    ]);
  });

  it('NaN, negative and infinite depths are never a warning and display as 0', () => {
    expect(levelOfDepth(NaN)).toBe('none');
    expect(levelOfDepth(-20)).toBe('none');
    expect(safeDepth(NaN)).toBe(0);
    expect(safeDepth(-3)).toBe(0);
    expect(safeDepth(Infinity)).toBe(0);
    expect(safeDepth('40')).toBe(0);
    expect(radiusOfDepth(NaN)).toBe(6);
  });

  it('uses the place’s own thresholds (warn_cm), else those of its kind', () => {
    const own = { blue: 5, yellow: 10, orange: 20, red: 30 };
    expect(thresholdsOf(road(0, { warn_cm: own }))).toEqual(own);
    expect(thresholdsOf(road(0))).toEqual(ROAD_THRESHOLDS);
    expect(thresholdsOf(road(0, { kind: 'tunnel' }))).toEqual(TUNNEL_THRESHOLDS);
    expect(thresholdsOf(road(0, { kind: 'underpass' }))).toEqual(TUNNEL_THRESHOLDS);
    // invalid thresholds (not rising) fall back to the kind's
    expect(thresholdsOf(road(0, { warn_cm: { blue: 30, yellow: 20, orange: 40, red: 50 } }))).toEqual(ROAD_THRESHOLDS);
    // 35 cm: yellow on a road, orange in an underpass, red with the place's own
    expect(levelOf(road(35))).toBe('yellow');
    expect(levelOf(road(35, { kind: 'underpass' }))).toBe('orange');
    expect(levelOf(road(35, { warn_cm: own }))).toBe('red');
  });

  it('prefers the level the feed sends', () => {
    expect(levelOf(road(0, { level: 'orange' }))).toBe('orange');
    expect(levelOf(road(60, { level: 'bogus' }))).toBe('red');
  });

  it('trend text', () => {
    expect(trendText(12.4)).toBe('↑ 12 cm/h');
    expect(trendText(-7)).toBe('↓ 7 cm/h');
    expect(trendText(0)).toBe('→ 0 cm/h');
    expect(trendText(NaN)).toBeNull();
  });
});

describe('table → map attributes', () => {
  function table(rows: Entity[]): EntityTable {
    const t = new EntityTable('hotspots', ['depth_cm']);
    t.apply({ topic: 'hotspots', seq: 1, t: 0, upsert: rows, delete: [], snapshot: true });
    return t;
  }

  it('colours each row by its level and sizes it by depth', () => {
    const t = table([
      road(0, { id: 'A' }),
      road(30, { id: 'B' }),
      road(30, { id: 'C', kind: 'tunnel' }),
      road(80, { id: 'D', warn_cm: { blue: 1, yellow: 2, orange: 3, red: 100 } }),
    ]);
    const a = hotspotAttributes()(t, null);
    expect(a.length).toBe(4);
    const color = (r: number) => Array.from(a.colors.slice(4 * r, 4 * r + 4));
    expect(color(0)).toEqual(LEVEL_COLORS.none);
    expect(color(1)).toEqual(LEVEL_COLORS.yellow);
    expect(color(2)).toEqual(LEVEL_COLORS.orange);
    expect(color(3)).toEqual(LEVEL_COLORS.orange);
    expect(Array.from(a.depths)).toEqual([0, 30, 30, 80]);
    expect(a.radii[0]).toBeLessThan(a.radii[1]);
    expect(a.radii[3]).toBeLessThanOrEqual(16);
    expect(countLevels(t, null)).toEqual({ none: 1, blue: 0, yellow: 1, orange: 2, red: 0 });
  });

  it('is cached by table version and recomputed after a change', () => {
    const t = table([road(0, { id: 'A' })]);
    const f = hotspotAttributes();
    const a1 = f(t, null);
    expect(f(t, null)).toBe(a1);
    t.apply({ topic: 'hotspots', seq: 2, t: 1, upsert: [road(60, { id: 'A' })], delete: [], snapshot: false });
    const a2 = f(t, null);
    expect(a2).not.toBe(a1);
    expect(Array.from(a2.colors.slice(0, 4))).toEqual(LEVEL_COLORS.red);
  });

  it('a row with a bad depth draws dry, never NaN', () => {
    const v = viewOf(road(NaN), undefined, null);
    expect(v).toEqual({ depth: 0, level: 'none', predicted: false });
  });
});
