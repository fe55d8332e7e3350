import { describe, expect, it } from 'vitest';
import { TableSet } from '../../src/store/tables';
import { TopicRegistry } from '../../src/data/topics';
import { topics } from './topic';
import { parkingView, fullest } from './view';
import { hexAggregator, hexCenter, hexOf } from './hexbin';
import { occClass, occColor, OCC_CLASSES } from './colors';

const reg = new TopicRegistry(topics);
const delta = (topic: string, upsert: object[], snapshot = false) => ({ topic, seq: 1, t: 0, upsert: upsert as never, delete: [], snapshot });
const cp = (id: string, lon: number, capacity: number, type = 'office', district = '金水区') => ({ id, lon, lat: 34.75, name: id, type, kind: 'enclosed', capacity, district });

function tables() {
  const t = new TableSet((topic) => reg.columns(topic));
  t.applyBatch([delta('carparks', [cp('A', 113.6, 100), cp('B', 113.61, 50, 'residential', '二七区'), cp('C', 113.7, 10)], true)]);
  // readings arrive in another order than the static rows
  t.applyBatch([delta('parking', [{ id: 'C', free: 10, cap: 10 }, { id: 'A', free: 25, cap: 100 }], true)]);
  return t;
}

describe('the joined view of car parks and readings', () => {
  it('joins by id and sums the city', () => {
    const v = parkingView()(tables());
    expect(v.s.n).toBe(3);
    expect(Array.from(v.free)).toEqual([25, NaN, 10]);
    expect(v.occ[0]).toBeCloseTo(0.75, 6);
    expect(v.occ[2]).toBe(0);
    expect(v.totals).toMatchObject({ carparks: 3, reporting: 2, capacity: 160, capacityReporting: 110, free: 35, outOfRange: 0 });
    expect(v.byType.find((x) => x.type === 'office')!.occ).toBeCloseTo(1 - 35 / 110, 6);
    expect(v.byDistrict.map((d) => d.zh)).toEqual(['金水区', '二七区']);
    expect(fullest(v, 5, 0)).toEqual([0, 2]);
  });

  it('recomputes only when a table changes, and keeps the static part', () => {
    const t = tables();
    const view = parkingView();
    const a = view(t);
    expect(view(t)).toBe(a);
    t.applyBatch([delta('parking', [{ id: 'A', free: 0 }])]);
    const b = view(t);
    expect(b).not.toBe(a);
    expect(b.s).toBe(a.s);
    expect(b.free[0]).toBe(0);
    expect(b.occ[0]).toBe(1);
  });

  it('follows readings that move rows (a delete swaps the last row into the hole)', () => {
    const t = tables();
    const view = parkingView();
    expect(Array.from(view(t).free)).toEqual([25, NaN, 10]);
    t.applyBatch([{ topic: 'parking', seq: 2, t: 1, upsert: [], delete: ['C'], snapshot: false }]);
    expect(Array.from(view(t).free)).toEqual([25, NaN, NaN]);
    t.applyBatch([delta('parking', [{ id: 'B', free: 7 }, { id: 'C', free: 2 }])]);
    expect(Array.from(view(t).free)).toEqual([25, 7, 2]);
  });

  it('never shows more than 100 % or less than 0 %: out-of-range readings are clamped and counted', () => {
    const t = tables();
    // bypassing the edge (e.g. a source without validation): free above capacity, negative
    t.applyBatch([delta('parking', [{ id: 'A', free: 140 }, { id: 'C', free: -4 }])]);
    const v = parkingView()(t);
    expect(v.free[0]).toBe(100);
    expect(v.occ[0]).toBe(0);
    expect(v.free[2]).toBe(0);
    expect(v.occ[2]).toBe(1);
    expect(v.totals.outOfRange).toBe(2);
    for (const o of v.occ) if (!Number.isNaN(o)) expect(o >= 0 && o <= 1).toBe(true);
  });

  it('colours by occupancy class; no reading is grey', () => {
    expect(occClass(0.2)).toBe(0);
    expect(occClass(0.96)).toBe(4);
    expect(occClass(1.7)).toBe(4);
    expect(occClass(-1)).toBe(0);
    expect(occColor(NaN)).not.toEqual(OCC_CLASSES[0].color);
  });
});

describe('hexagonal areas', () => {
  it('maps a point to the hexagon whose centre is nearest', () => {
    for (const [q, r] of [[0, 0], [3, -2], [-5, 7]]) {
      const [lon, lat] = hexCenter(q, r, 400);
      expect(hexOf(lon, lat, 400)).toEqual([q, r]);
      expect(hexOf(lon + 0.001, lat + 0.001, 400)).toEqual([q, r]); // ~100 m off the centre
    }
  });

  it('aggregates incrementally: the geometry stays, the sums follow the readings', () => {
    const t = tables();
    const view = parkingView();
    const agg = hexAggregator(1000);
    const a = agg(view(t));
    const hexes = a.hexes;
    expect(hexes.reduce((s, h) => s + h.capacity, 0)).toBe(110);
    expect(hexes.reduce((s, h) => s + h.free, 0)).toBe(35);
    const v0 = a.version;
    t.applyBatch([delta('parking', [{ id: 'A', free: 5 }])]);
    const b = agg(view(t));
    expect(b.hexes).toBe(hexes); // same objects, same positions: nothing rebuilt
    expect(b.version).toBe(v0 + 1);
    expect(hexes.reduce((s, h) => s + h.free, 0)).toBe(15);
    for (const h of hexes) if (h.capacity > 0) expect(h.occ >= 0 && h.occ <= 1).toBe(true);
  });
});
