import { describe, expect, it } from 'vitest';
import { TableSet } from '../../src/store/tables';
import type { Delta, Entity } from '../../src/data/wire';
import { communities } from '../../mock-data/catalog/communities';
import { TIERS, TOPIC } from './model';
import { CommunityIndex } from './state';
import { CommunityRenderer, fillOf } from './render';

let seq = 0;
const delta = (upsert: Entity[], snapshot = false): Delta => ({ topic: TOPIC, seq: ++seq, t: seq, upsert, delete: [], snapshot });

function setup() {
  const tables = new TableSet();
  const table = tables.table(TOPIC);
  const all = communities().map((c) => ({ id: c.id, lon: c.lon, lat: c.lat, district: c.district, shape: c.shape, tier: 'green', name: c.name }) as Entity);
  tables.applyBatch([delta(all, true)]);
  const ix = new CommunityIndex().sync(table);
  return { tables, table, ix };
}

function colourOfRow(rd: CommunityRenderer, r: number): number[] {
  const p = rd.rowPoly[r];
  if (p >= 0) {
    const k = rd.polygons.startIndices[p];
    return [...rd.polygons.attributes.getFillColor.value.subarray(4 * k, 4 * k + 4)];
  }
  const q = rd.rowPoint[r];
  return [...rd.points.attributes.getFillColor.value.subarray(4 * q, 4 * q + 4)];
}

describe('community renderer', () => {
  it('builds closed rings for outlines and points for the rest, one per community', () => {
    const { table, ix } = setup();
    const rd = new CommunityRenderer();
    expect(rd.update(table, ix).rebuilt).toBe(true);
    expect(rd.polygons.length + rd.points.length).toBe(10_806);
    const si = rd.polygons.startIndices;
    const pos = rd.polygons.attributes.getPolygon.value;
    for (let p = 0; p < rd.polygons.length; p += 97) {
      const a = si[p];
      const b = si[p + 1] - 1;
      expect([pos[2 * a], pos[2 * a + 1]]).toEqual([pos[2 * b], pos[2 * b + 1]]);
      expect(rd.rowPoly[rd.polyRows[p]]).toBe(p);
    }
    expect(rd.polygons.attributes.getFillColor.value.length).toBe(si[rd.polygons.length] * 4);
  });

  it('recolours only the changed rows, keeps the geometry, and equals a rebuild from scratch', () => {
    const { tables, table, ix } = setup();
    const rd = new CommunityRenderer();
    rd.update(table, ix);
    const geometry = rd.polygons;
    const positions = rd.polygons.attributes.getPolygon.value;
    const colours = rd.polygons.attributes.getFillColor;
    const ups: Entity[] = [];
    for (let i = 0; i < 1000; i++) ups.push({ ...table.rows[i * 10 + 3], tier: TIERS[1 + (i % 2)] });
    tables.applyBatch([delta(ups)]);
    ix.sync(table);
    const res = rd.update(table, ix);
    expect(res).toEqual({ rebuilt: false, recoloured: 1000 });
    expect(rd.polygons).toBe(geometry); // same data object: deck.gl does not re-tessellate
    expect(rd.polygons.attributes.getPolygon.value).toBe(positions);
    expect(rd.polygons.attributes.getFillColor).not.toBe(colours); // a new descriptor and buffer: deck.gl uploads
    expect(rd.polygons.attributes.getFillColor.value.length).toBe(colours.value.length);
    for (let i = 0; i < 1000; i += 37) expect(colourOfRow(rd, i * 10 + 3)).toEqual(fillOf(1 + (i % 2), false));
    // the same picture as a renderer built from scratch
    const fresh = new CommunityRenderer();
    fresh.update(table, ix);
    expect(fresh.polygons.attributes.getFillColor.value).toEqual(rd.polygons.attributes.getFillColor.value);
    expect(fresh.points.attributes.getFillColor.value).toEqual(rd.points.attributes.getFillColor.value);
  });

  it('dims the communities outside the district in focus', () => {
    const { table, ix } = setup();
    const rd = new CommunityRenderer();
    rd.update(table, ix, 0);
    const r0 = table.rows.findIndex((e) => e.district === '410105');
    const r1 = table.rows.findIndex((e) => e.district === '410185');
    expect(colourOfRow(rd, r0)[3]).toBe(fillOf(0, false)[3]);
    expect(colourOfRow(rd, r1)[3]).toBeLessThan(fillOf(0, false)[3]);
    rd.update(table, ix, -1);
    expect(colourOfRow(rd, r1)[3]).toBe(fillOf(0, false)[3]);
  });

  it('CPU cost: recolour after 1,000 tier changes vs rebuild from scratch (logged)', () => {
    const { tables, table, ix } = setup();
    const rd = new CommunityRenderer();
    rd.update(table, ix);
    const inc: number[] = [];
    const full: number[] = [];
    for (let k = 0; k < 7; k++) {
      const ups: Entity[] = [];
      for (let i = 0; i < 1000; i++) ups.push({ ...table.rows[(i * 10 + k) % table.length], tier: TIERS[(i + k) % 3] });
      tables.applyBatch([delta(ups)]);
      let t0 = performance.now();
      ix.sync(table);
      rd.update(table, ix);
      inc.push(performance.now() - t0);
      t0 = performance.now();
      new CommunityRenderer().update(table, ix);
      full.push(performance.now() - t0);
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    console.log(`CPU only (Node): incremental sync+recolour ${med(inc).toFixed(2)} ms; rebuild buffers ${med(full).toFixed(2)} ms (median of 7)`);
    expect(med(inc)).toBeLessThan(med(full));
  });
});
