import { describe, expect, it } from 'vitest';
import { TableSet } from '../../src/store/tables';
import type { Delta, Entity } from '../../src/data/wire';
import { rng } from '../../mock-data/generator/rng';
import { COMMUNITY_TOTAL, DISTRICTS, TIERS, tierCode, TOPIC } from './model';
import { CommunityIndex, communityIndex } from './state';

const N = COMMUNITY_TOTAL;

/** Light communities (no geometry needed to count). */
function population(r: () => number): Entity[] {
  return Array.from({ length: N }, (_, i) => ({
    id: `C${i}`,
    lon: 113 + r(),
    lat: 34.3 + r() * 0.6,
    district: DISTRICTS[i % DISTRICTS.length].code,
    tier: 'green',
    shape: [-50, -40, 50, -40, 50, 40, -50, 40],
  }));
}

function recount(rows: readonly Entity[]) {
  const counts = new Map<string, number[]>();
  for (const d of DISTRICTS) counts.set(d.code, [0, 0, 0]);
  for (const e of rows) counts.get(e.district as string)![tierCode(e.tier)]++;
  return counts;
}

function expectConsistent(ix: CommunityIndex, rows: readonly Entity[]) {
  const want = recount(rows);
  DISTRICTS.forEach((d, k) => expect(ix.district(k)).toEqual(want.get(d.code)));
  const city = [0, 1, 2].map((t) => DISTRICTS.reduce((a, _, k) => a + ix.district(k)[t], 0));
  expect([...ix.city]).toEqual(city);
  expect(ix.total()).toBe(rows.length);
}

let seq = 0;
const delta = (upsert: Entity[], opts: Partial<Delta> = {}): Delta => ({ topic: TOPIC, seq: ++seq, t: seq, upsert, delete: [], snapshot: false, ...opts });

describe('district aggregates, computed incrementally', () => {
  it('always sum to 10,806 and match a recount under any sequence of tier changes and snapshots', () => {
    const r = rng(7);
    const tables = new TableSet();
    const table = tables.table(TOPIC);
    let current = population(r);
    tables.applyBatch([delta(current, { snapshot: true })]);
    const ix = communityIndex(table);
    expectConsistent(ix, table.rows);
    for (let round = 0; round < 300; round++) {
      const kind = r();
      if (kind < 0.05) {
        // a snapshot (a seek): the same communities, some tiers changed, order shuffled a little
        current = current.map((e) => (r() < 0.1 ? { ...e, tier: TIERS[Math.floor(r() * 3)] } : { ...e }));
        for (let k = 0; k < 50; k++) {
          const a = Math.floor(r() * N);
          const b = Math.floor(r() * N);
          [current[a], current[b]] = [current[b], current[a]];
        }
        tables.applyBatch([delta(current, { snapshot: true })]);
      } else {
        // a batch of deltas in one frame: random tier changes, sometimes the same community twice
        const batch: Delta[] = [];
        for (let m = 0; m < 1 + Math.floor(r() * 3); m++) {
          const ups: Entity[] = [];
          const seen = new Set<string>();
          for (let k = 0; k < Math.floor(r() * 200); k++) {
            const i = Math.floor(r() * N);
            const e = { ...table.rows[Math.floor(r() * table.length)] };
            if (seen.has(e.id) || i < 0) continue;
            seen.add(e.id);
            ups.push({ ...e, tier: TIERS[Math.floor(r() * 3)] });
          }
          batch.push(delta(ups));
        }
        tables.applyBatch(batch);
      }
      communityIndex(table);
      expect(ix.total()).toBe(N);
      if (round % 25 === 0) expectConsistent(ix, table.rows);
    }
    expectConsistent(ix, table.rows);
    expect(ix.total()).toBe(N);
  });

  it('follows deletes (the last row moves into the hole) and re-adds', () => {
    const r = rng(11);
    const tables = new TableSet();
    const table = tables.table(TOPIC);
    const all = population(r).map((e, i) => ({ ...e, tier: TIERS[i % 3] }));
    tables.applyBatch([delta(all, { snapshot: true })]);
    const ix = communityIndex(table);
    tables.applyBatch([delta([], { delete: ['C0', 'C5', 'C10805', 'C42'] })]);
    communityIndex(table);
    expect(ix.total()).toBe(N - 4);
    expectConsistent(ix, table.rows);
    tables.applyBatch([delta([all[0], all[5], { ...all[42], tier: 'red' }])]);
    communityIndex(table);
    expectConsistent(ix, table.rows);
    expect(ix.total()).toBe(N - 1);
  });

  it('logs exactly the rows whose tier changed; check-ins alone change nothing', () => {
    const r = rng(3);
    const tables = new TableSet();
    const table = tables.table(TOPIC);
    tables.applyBatch([delta(population(r), { snapshot: true })]);
    const ix = communityIndex(table);
    const cursor = ix.logEnd;
    const geometry = ix.geometryVersion;
    const version = ix.version;
    // 1,000 tier changes and 500 check-in-only updates
    const ups: Entity[] = [];
    for (let i = 0; i < 1000; i++) ups.push({ ...table.rows[i * 10], tier: 'yellow' });
    for (let i = 0; i < 500; i++) ups.push({ ...table.rows[i * 10 + 5], checkins: 99 });
    tables.applyBatch([delta(ups)]);
    communityIndex(table);
    const changed = ix.changedSince(cursor)!;
    expect(new Set(changed).size).toBe(1000);
    expect(changed.every((row) => row % 10 === 0)).toBe(true);
    expect(ix.geometryVersion).toBe(geometry);
    expect(ix.version).toBeGreaterThan(version);
    expect(ix.city[1]).toBe(1000);
    // an outline that changes is geometry
    tables.applyBatch([delta([{ ...table.rows[3], shape: [-10, -10, 10, -10, 10, 10] }])]);
    communityIndex(table);
    expect(ix.geometryVersion).toBe(geometry + 1);
  });

  it('is a no-op when the table did not change', () => {
    const tables = new TableSet();
    const table = tables.table(TOPIC);
    tables.applyBatch([delta(population(rng(1)).slice(0, 100), { snapshot: true })]);
    const ix = communityIndex(table);
    const v = ix.version;
    communityIndex(table);
    expect(ix.version).toBe(v);
    expect(ix.lastChanged).toBe(100);
  });
});
