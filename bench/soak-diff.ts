/**
 * What the soak's growth is made of: the cockpit's soak (quick plan by default) with a heap
 * snapshot at checkpoint A and at checkpoint B (same data time, same scene), compared by
 * constructor: count and retained-by-self bytes. A tool to explain a soak figure, not a
 * benchmark (snapshots stop the page for seconds).
 *
 *   npx tsx bench/soak-diff.ts [--hours 2] [--warm 0.5] [--cycles 2] [--dwell 6] [--days 1] [--width 960 --height 540] [--no-build]
 *
 * At each checkpoint it also prints the live WebGL objects by the script chunk that created
 * them (deckgl, maplibre, CloseUp = three.js …) and MapLibre's tiles per source (in view and
 * in its out-of-view cache), reached through React's DevTools hook (SOAK_INIT stands in for
 * DevTools, as in e2e/faults.e2e.ts): the production build carries no hook of its own.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { ensureBuilds, serve } from './lib/server';
import { launch } from './lib/browser';
import { cockpitUrl, sleep, waitCockpit, type Ctx } from './lib/common';
import { returnTo, SOAK_INIT, warmUp } from './scenarios/soak';

const arg = (k: string, d: number) => {
  const i = process.argv.indexOf(k);
  return i >= 0 ? Number(process.argv[i + 1]) : d;
};
const START = Date.parse('2021-07-20T00:00:00+08:00');
const hours = arg('--hours', 2);
const warm = arg('--warm', 0.5);
const cycles = arg('--cycles', 2);
const dwell = arg('--dwell', 6);
/** days played after A; the diff is between the last two checkpoints (2: B after day 1 vs B2 after day 2) */
const days = arg('--days', 1);
const width = arg('--width', 960);
const height = arg('--height', 540);

type GlInfo = { by: Record<string, number>; tiles: Record<string, { inView: number; cached: number; max: number }> };

async function glInfo(page: import('playwright-core').Page): Promise<GlInfo> {
  return page.evaluate(() => {
    const w = window as unknown as { __soak: { by: Record<string, number>; map: () => { style: { tileManagers: Record<string, { _inViewTiles: { getAllTiles(): unknown[] }; _outOfViewCache: { order: unknown[]; max: number } }> } } | null } };
    const tiles: GlInfo['tiles'] = {};
    const map = w.__soak.map();
    for (const [id, tm] of Object.entries(map?.style.tileManagers ?? {})) tiles[id] = { inView: tm._inViewTiles.getAllTiles().length, cached: tm._outOfViewCache.order.length, max: tm._outOfViewCache.max };
    return { by: { ...w.__soak.by }, tiles };
  });
}

function printGl(g: GlInfo): void {
  console.log('  live GL objects by creating chunk: ' + Object.entries(g.by).filter(([, n]) => n).sort().map(([k, n]) => `${k} ${n}`).join(', '));
  console.log('  MapLibre tiles (in view + cached / cache bound): ' + Object.entries(g.tiles).map(([id, t]) => `${id} ${t.inView}+${t.cached}/${t.max}`).join(', '));
}

async function snapshot(cdp: CDPSession): Promise<Map<string, { n: number; bytes: number }>> {
  const chunks: string[] = [];
  const on = (e: { chunk: string }) => void chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', on);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', on);
  const s = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const f = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size')];
  const by = new Map<string, { n: number; bytes: number }>();
  for (let i = 0; i < s.nodes.length; i += f.length) {
    const type = types[s.nodes[i + iType]];
    const name = type === 'object' || type === 'closure' || type === 'native' ? s.strings[s.nodes[i + iName]] : `(${type})`;
    const key = `${type}:${name.slice(0, 80)}`;
    const e = by.get(key) ?? { n: 0, bytes: 0 };
    e.n++;
    e.bytes += s.nodes[i + iSize];
    by.set(key, e);
  }
  return by;
}

async function main() {
  const builds = await ensureBuilds({ profile: false, noBuild: process.argv.includes('--no-build'), log: console.log });
  const { url, server } = await serve(builds);
  const ctx = { base: url } as Ctx;
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.setDefaultTimeout(180_000);
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    await page.addInitScript('self.__soakAttribute = true;');
    await page.addInitScript(SOAK_INIT);
    const layers = ['districts', 'communities', 'parking', 'buildings', 'flood3d', 'waterlogging', 'ambulances'];
    await page.goto(cockpitUrl(ctx, { speed: 600, t: START, tour: 1, dwell, layers: layers.join(',') }, { allLayers: true }));
    await waitCockpit(page, 180_000);
    const cdp = await context.newCDPSession(page);
    const C = START + warm * 3600_000;
    await warmUp(page, 'cockpit', C, cycles);
    const a = await returnTo(page, cdp, 'cockpit', C, 5000);
    const line = (k: string, x: typeof a) => {
      console.log(`${k}: heap ${x.sample.heapMB.toFixed(1)} MB, nodes ${x.sample.nodes}, listeners ${x.sample.listeners}, GL buffers ${x.sample.glBuffers}, textures ${x.sample.glTextures}, vertex arrays ${x.sample.glVertexArrays}, frame ${x.frameMs.toFixed(0)} ms`);
      const u = x.uncached;
      if (u) console.log(`  with MapLibre's out-of-view tile cache emptied (it held ${JSON.stringify(x.tilesCached)}): heap ${u.heapMB.toFixed(1)} MB, GL buffers ${u.glBuffers}, textures ${u.glTextures}, vertex arrays ${u.glVertexArrays}`);
    };
    line('A', a);
    printGl(await glInfo(page));
    let snapA = await snapshot(cdp);
    let snapB = snapA;
    for (let d = 1; d <= days; d++) {
      await page.evaluate((t) => window.cockpit!.seek(t), C);
      await page.evaluate(() => window.cockpit!.play());
      const t0 = Date.now();
      while ((await page.evaluate(() => window.cockpit!.state().time)) < C + hours * 3600_000) await sleep(2000);
      const b = await returnTo(page, cdp, 'cockpit', C, 5000);
      line(`B${d} (after ${d} × ${hours} h of data, ${((Date.now() - t0) / 1000).toFixed(0)} s)`, b);
      printGl(await glInfo(page));
      snapA = snapB;
      snapB = await snapshot(cdp);
    }
    const rows = [...new Set([...snapA.keys(), ...snapB.keys()])].map((k) => {
      const x = snapA.get(k) ?? { n: 0, bytes: 0 };
      const y = snapB.get(k) ?? { n: 0, bytes: 0 };
      return { k, dn: y.n - x.n, db: y.bytes - x.bytes, n: y.n };
    });
    rows.sort((p, q) => q.db - p.db);
    console.log(`largest growth between the last two checkpoints by constructor (bytes, count):`);
    for (const r of rows.slice(0, 30)) console.log(`  ${String(r.db).padStart(10)} B  ${String(r.dn).padStart(7)}  (${r.n})  ${r.k}`);
    rows.sort((p, q) => q.dn - p.dn);
    console.log('largest growth between the last two checkpoints by count:');
    for (const r of rows.slice(0, 20)) console.log(`  ${String(r.dn).padStart(7)}  ${String(r.db).padStart(10)} B  (${r.n})  ${r.k}`);
    writeFileSync('/tmp/soak-diff.json', JSON.stringify(rows.slice(0, 500)));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
