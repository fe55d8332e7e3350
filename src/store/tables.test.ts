import { describe, expect, it } from 'vitest';
import { EntityTable, TableSet } from './tables';

const d = (upsert: object[], del: string[] = [], snapshot = false) => ({ topic: 't', seq: 1, t: 5, upsert: upsert as never, delete: del, snapshot });

describe('EntityTable', () => {
  it('keeps typed columns in step with rows through upserts and deletes', () => {
    const t = new EntityTable('t', ['v']);
    const n = 300; // forces growth past the initial capacity
    const ups = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, lon: 113 + i / 1000, lat: 34, v: i }));
    t.apply(d(ups));
    t.apply(d([{ id: 'e5', lon: 1, lat: 2, v: -1 }], ['e0', 'e299', 'missing']));
    expect(t.length).toBe(n - 2);
    for (let r = 0; r < t.length; r++) {
      const e = t.rows[r];
      expect(t.ids[r]).toBe(e.id);
      expect(t.rowOf(e.id)).toBe(r);
      expect(t.positions[2 * r]).toBe(e.lon);
      expect(t.positions[2 * r + 1]).toBe(e.lat);
      expect(t.columns.v[r]).toBe(e.v);
    }
    expect(t.get('e0')).toBeUndefined();
    expect(t.get('e5')).toMatchObject({ v: -1 });
  });

  it('keeps a living entity at its row (transitions match by index)', () => {
    const t = new EntityTable('t');
    t.apply(d([{ id: 'a' }, { id: 'b' }, { id: 'c' }]));
    const rowB = t.rowOf('b');
    t.apply(d([{ id: 'b', x: 1 }, { id: 'd' }]));
    expect(t.rowOf('b')).toBe(rowB);
  });

  it('unplaced entities have NaN positions; a missing column value is NaN', () => {
    const t = new EntityTable('t', ['v']);
    t.apply(d([{ id: 'a' }]));
    expect(Number.isNaN(t.positions[0])).toBe(true);
    expect(Number.isNaN(t.columns.v[0])).toBe(true);
  });

  it('a snapshot replaces the whole state', () => {
    const t = new EntityTable('t');
    t.apply(d([{ id: 'a' }, { id: 'b' }]));
    t.apply(d([{ id: 'c' }], [], true));
    expect(t.ids).toEqual(['c']);
  });

  it('attributes() returns fresh views over the live rows and bumps with version', () => {
    const t = new EntityTable('t', ['v']);
    t.apply(d([{ id: 'a', lon: 1, lat: 2, v: 3 }]));
    const a1 = t.attributes();
    const v1 = t.version;
    t.apply(d([{ id: 'b', lon: 4, lat: 5, v: 6 }]));
    const a2 = t.attributes();
    expect(a2.positions).not.toBe(a1.positions);
    expect(Array.from(a2.positions)).toEqual([1, 2, 4, 5]);
    expect(Array.from(a2.columns.v)).toEqual([3, 6]);
    expect(t.version).toBeGreaterThan(v1);
  });
});

describe('TableSet', () => {
  it('applies a batch in one transaction and reports changed topics', () => {
    const s = new TableSet((topic) => (topic === 'x' ? ['v'] : []));
    const v0 = s.version;
    const changed = s.applyBatch([
      { topic: 'x', seq: 1, t: 1, upsert: [{ id: 'a', v: 1 }], delete: [], snapshot: false },
      { topic: 'y', seq: 1, t: 1, upsert: [{ id: 'b' }], delete: [], snapshot: false },
    ]);
    expect([...changed].sort()).toEqual(['x', 'y']);
    expect(s.version).toBe(v0 + 1);
    expect(s.table('x').columns.v[0]).toBe(1);
  });
});
