/**
 * In-browser benchmark page (served by the Vite dev server, driven by recolour.ts):
 * the community layer drawn by a real deck.gl instance (WebGL2), timed from "the table
 * holds a batch of 1,000 tier changes" to the layers handed to deck.gl (update:
 * attributes, tessellation, uploads) and to the next frame drawn (total; a 1-pixel
 * readPixels in onAfterRender waits for the GPU):
 *  - incremental: the page's renderer recolours the changed rows, same geometry;
 *  - rebuild: a fresh renderer (new geometry objects: deck.gl re-tessellates every
 *    outline and uploads every buffer) — what a layer that rebuilds from scratch pays;
 *  - frameOnly: a frame with no data change (the cost of drawing itself).
 */
import { Deck, MapView } from '@deck.gl/core';
import type { Layer } from '@deck.gl/core';
import { TableSet } from '../../../src/store/tables';
import type { Delta, Entity } from '../../../src/data/wire';
import type { LayerContext } from '../../types';
import { communityLayers } from '../index';
import { CommunityRenderer } from '../render';
import { TIERS, TOPIC } from '../model';

const out = window as unknown as { __communitiesBench?: unknown };

async function snapshotOf(url: string): Promise<Entity[]> {
  const res = await fetch(url);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buf += value;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.includes('"communities"') || !line.includes('"snapshot":true')) continue;
      const m = JSON.parse(line) as { topic: string; snapshot?: boolean; upsert: Entity[] };
      if (m.topic === TOPIC && m.snapshot) {
        void reader.cancel();
        return m.upsert;
      }
    }
    if (done) throw new Error('no communities snapshot in ' + url);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main() {
  const params = new URLSearchParams(location.search);
  const rounds = Number(params.get('rounds') ?? 9);
  const zoom = Number(params.get('zoom') ?? 12.5);
  const all = await snapshotOf(params.get('timeline') ?? '/mock-data/default.ndjson');
  const tables = new TableSet();
  const table = tables.table(TOPIC);
  let seq = 0;
  const apply = (upsert: Entity[], snapshot = false) => tables.applyBatch([{ topic: TOPIC, seq: ++seq, t: seq, upsert, delete: [], snapshot } as Delta]);
  apply(all, true);

  const ctx: LayerContext = {
    tables,
    table: (t) => tables.table(t),
    time: 0,
    epoch: 0,
    selection: null,
    lang: 'zh',
    zoom,
    asset: () => undefined,
  };
  let onFrame: ((t: number) => void) | null = null;
  let gl: WebGL2RenderingContext | null = null;
  const px = new Uint8Array(4);
  const view = { longitude: 113.66, latitude: 34.76, zoom, pitch: 0, bearing: 0 };
  const deck = await new Promise<Deck<MapView>>((resolve) => {
    const d: Deck<MapView> = new Deck({
      parent: document.getElementById('deck') as HTMLDivElement,
      width: 800,
      height: 450,
      useDevicePixels: false,
      views: new MapView({ repeat: false }),
      viewState: view,
      controller: false,
      layers: [],
      onLoad: () => resolve(d),
      onAfterRender: ({ gl: g }) => {
        gl = g as WebGL2RenderingContext;
        if (!onFrame) return;
        // wait for the GPU: a 1-pixel read of what was just drawn
        gl.readPixels(400, 225, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
        const f = onFrame;
        onFrame = null;
        f(performance.now());
      },
    });
  });
  /**
   * One measured frame: t0 → layers handed to deck.gl (update: attributes, tessellation,
   * uploads, synchronous) → the next frame drawn (total).
   */
  const frame = async (r: CommunityRenderer | null, nudge = false) => {
    const drawn = new Promise<number>((res) => (onFrame = res));
    const t0 = performance.now();
    if (r) deck.setProps({ layers: communityLayers(ctx, r) as Layer[] });
    // a frame with no data change: move the view by a hair
    if (nudge) deck.setProps({ viewState: { ...view, longitude: view.longitude + (Math.random() - 0.5) * 1e-7 } });
    const update = performance.now() - t0;
    const total = (await drawn) - t0;
    return { update, total };
  };

  const rd = new CommunityRenderer();
  await frame(rd);
  await frame(rd, true);
  const tierIndex = (t: unknown) => Math.max(0, TIERS.indexOf(t as (typeof TIERS)[number]));
  const batch = (k: number): Entity[] => {
    const out: Entity[] = [];
    for (let i = 0; i < 1000; i++) {
      const e = table.rows[(i * 10 + k * 7) % table.length];
      out.push({ ...e, tier: TIERS[(tierIndex(e.tier) + 1 + (k % 2)) % 3] });
    }
    return out;
  };

  const m = { frameOnly: [] as number[], incUpdate: [] as number[], incTotal: [] as number[], rebuildUpdate: [] as number[], rebuildTotal: [] as number[] };
  const pause = () => new Promise((r) => setTimeout(r, 40));
  for (let k = 0; k < rounds; k++) {
    m.frameOnly.push((await frame(null, true)).total);
    await pause();

    apply(batch(k));
    const inc = await frame(rd);
    m.incUpdate.push(inc.update);
    m.incTotal.push(inc.total);
    await pause();

    apply(batch(k + 100));
    const full = await frame(new CommunityRenderer());
    m.rebuildUpdate.push(full.update);
    m.rebuildTotal.push(full.total);
    // back to the page's renderer (its geometry), as the app would be
    await frame(rd);
    await pause();
  }
  const med = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(median(v) * 10) / 10]));
  const glr = gl as WebGL2RenderingContext | null;
  out.__communitiesBench = {
    communities: table.length,
    polygons: rd.polygons.length,
    points: rd.points.length,
    vertices: rd.polygons.startIndices[rd.polygons.length],
    zoom,
    rounds,
    medianMs: med,
    all: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.map((x) => Math.round(x * 10) / 10)])),
    renderer: glr ? String(glr.getParameter(glr.RENDERER)) : '',
  };
  deck.finalize();
}

main().catch((e: Error) => (out.__communitiesBench = { error: e.message }));
