/**
 * The video wall in Chromium: a 2×1 wall in two pages of one browser shows the two halves of
 * one picture (the map canvases join at the seam) and stays in step after a camera move and
 * a seek on one tile (sync lag measured); the auto-tour visits every scene, pauses on
 * interaction and while the tab is hidden; a kiosk rebuilds its map after a lost WebGL
 * context.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseURL, launch, openCockpit, openIn, settle, waitReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


/** One column of the map canvas (canvas pixels), as RGB triples top to bottom. */
function column(page: Page, which: 'left' | 'right' | 'middle'): Promise<number[]> {
  return page.evaluate((which) => {
    const src = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas')!;
    const x = which === 'left' ? 0 : which === 'right' ? src.width - 1 : Math.floor(src.width / 2);
    const c = document.createElement('canvas');
    c.width = 1;
    c.height = src.height;
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(src, x, 0, 1, src.height, 0, 0, 1, src.height);
    const d = g.getImageData(0, 0, 1, src.height).data;
    const out: number[] = [];
    for (let i = 0; i < d.length; i += 4) out.push(d[i], d[i + 1], d[i + 2]);
    return out;
  }, which);
}

/**
 * Mean over rows of the largest channel difference, and the share of rows within `tol`.
 * A row of `a` is compared with the best of `b`'s rows within ±`slack`: a line crossing the
 * seam at a shallow angle moves several rows from one pixel column to the next.
 */
function compare(a: number[], b: number[], tol = 40, slack = 3): { mean: number; close: number } {
  let sum = 0;
  let close = 0;
  const n = Math.min(a.length, b.length) / 3;
  for (let i = 0; i < n; i++) {
    let d = Infinity;
    for (let j = Math.max(0, i - slack); j <= Math.min(n - 1, i + slack); j++) {
      d = Math.min(d, Math.max(Math.abs(a[3 * i] - b[3 * j]), Math.abs(a[3 * i + 1] - b[3 * j + 1]), Math.abs(a[3 * i + 2] - b[3 * j + 2])));
    }
    sum += d;
    if (d <= tol) close++;
  }
  return { mean: sum / n, close: close / n };
}

const cam = (p: Page) => p.evaluate(() => window.cockpit!.camera()!);

describe('a 2×1 video wall in two pages of one browser', () => {
  it('shows two halves of one picture and stays in step after a camera move and a seek', async () => {
    const errors: string[] = [];
    const context = await browser.newContext({ viewport: { width: 800, height: 450 }, deviceScaleFactor: 1 });
    const q = (tile: string) => `?wall=e2e&tile=${tile}&grid=2x1&fixture=rainstorm-2021-07-20&layers=districts,waterlogging&t=2021-07-20T16:00:00%2B08:00&lon=113.66&lat=34.76&zoom=11.2`;
    const left = await openIn(context, q('0,0'), errors);
    const right = await openIn(context, q('1,0'), errors);
    await waitReady(left, 120_000);
    await waitReady(right, 120_000);
    // each tile knows the other
    await left.waitForFunction(() => window.cockpit!.wall()!.peers.includes('1,0'), undefined, { timeout: 60_000, polling: 250 });
    await right.waitForFunction(() => window.cockpit!.wall()!.peers.includes('0,0'), undefined, { timeout: 60_000, polling: 250 });
    const wl = await left.evaluate(() => window.cockpit!.wall()!);
    expect(wl).toMatchObject({ name: 'e2e', tile: [0, 0], grid: [2, 1], leader: true });
    // the shared centre sits on the seam: the left tile pads its left, the right tile its right
    expect(wl.padding).toMatchObject({ left: 800, right: 0 });
    expect((await right.evaluate(() => window.cockpit!.wall()!)).padding).toMatchObject({ left: 0, right: 800 });

    // both tiles drawn and still (symbol fades): look again before judging, as cockpit.e2e does
    const seam = async () => {
      let r = { seam: { mean: 0, close: 0 }, control: { mean: 0, close: 0 }, halves: { mean: 0, close: 0 } };
      for (let i = 0; i < 4 && r.seam.close <= 0.85; i++) {
        await settle(left, 800);
        await settle(right, 800);
        const [a, b, bm, am] = [await column(left, 'right'), await column(right, 'left'), await column(right, 'middle'), await column(left, 'middle')];
        r = { seam: compare(a, b), control: compare(a, bm), halves: compare(am, bm) };
      }
      return r;
    };
    const first = await seam();
    // the columns either side of the seam match; a column elsewhere does not. (MapLibre places
    // the basemap's labels per tile: a label straddling the seam may be drawn by one tile only,
    // so text rows can differ there — measured 0.77–0.99 of rows within tolerance; the mean
    // difference is under half that of a column elsewhere.)
    expect(first.seam.close, JSON.stringify(first)).toBeGreaterThan(0.7);
    expect(first.seam.mean).toBeLessThan(first.control.mean * 0.6);
    // two halves, not the same view twice
    expect(first.halves.mean).toBeGreaterThan(5);

    // a camera move on the right tile: the left follows (tilted and turned: the slices stay one picture)
    await left.evaluate(() => window.cockpit!.wall(true));
    const target = { lon: 113.7, lat: 34.75, zoom: 11.6, pitch: 35, bearing: 12 };
    await right.evaluate((t) => window.cockpit!.setCamera(t), target);
    await left.waitForFunction((t) => {
      const c = window.cockpit!.camera()!;
      return Math.abs(c.lon - t.lon) < 1e-6 && Math.abs(c.lat - t.lat) < 1e-6 && Math.abs(c.zoom - t.zoom) < 1e-6 && Math.abs(c.pitch - t.pitch) < 1e-3;
    }, target, { timeout: 10_000, polling: 50 });
    const moved = await seam();
    expect(moved.seam.close, JSON.stringify(moved)).toBeGreaterThan(0.7);
    expect(moved.seam.mean).toBeLessThan(moved.control.mean * 0.6);

    // lag: a burst of camera moves on the right tile, measured on the left (sent → applied, sent → drawn)
    for (let i = 0; i < 20; i++) {
      await right.evaluate((i) => window.cockpit!.setCamera({ lon: 113.7 + i * 0.002, lat: 34.75, zoom: 11.6 }), i);
      await left.waitForFunction((i) => Math.abs(window.cockpit!.camera()!.lon - (113.7 + i * 0.002)) < 1e-6, i, { timeout: 10_000, polling: 20 });
    }
    await left.evaluate(() => window.cockpit!.idle());
    const lag = (await left.evaluate(() => window.cockpit!.wall()!)) as { deliveryLag: { n: number; p50: number; p95: number; max: number }; renderLag: { n: number; p50: number; p95: number; max: number } };
    console.log(`wall sync lag (left tile, ${lag.deliveryLag.n} camera messages): delivered p50 ${lag.deliveryLag.p50} ms, p95 ${lag.deliveryLag.p95} ms, max ${lag.deliveryLag.max} ms; drawn p50 ${lag.renderLag.p50} ms, p95 ${lag.renderLag.p95} ms, max ${lag.renderLag.max} ms`);
    expect(lag.deliveryLag.n).toBeGreaterThanOrEqual(20);
    // the typical message is applied well within 100 ms; outliers are frames of the software
    // renderer holding the receiving tile's main thread (reported, not asserted)
    expect(lag.deliveryLag.p50).toBeLessThan(100);
    expect(lag.renderLag.n).toBeGreaterThan(0);

    // a seek on the left tile: the right follows to the same data time and state
    const t2 = Date.parse('2021-07-20T17:30:00+08:00');
    await left.evaluate((t) => window.cockpit!.seek(t), t2);
    await right.waitForFunction((t) => window.cockpit!.state().time === t && window.cockpit!.state().dataTime === t, t2, { timeout: 30_000, polling: 100 });
    // selection and layers follow too
    await left.evaluate(() => window.cockpit!.select('hotspots', 'H01'));
    await right.waitForFunction(() => window.cockpit!.state().selection?.id === 'H01', undefined, { timeout: 10_000, polling: 100 });
    await right.evaluate(() => window.cockpit!.setLayerVisible('waterlogging', true));
    await left.waitForFunction(() => window.cockpit!.state().layers.waterlogging.visible, undefined, { timeout: 10_000, polling: 100 });
    // once the selection's flight has landed, both show the same camera
    await left.evaluate(() => window.cockpit!.idle());
    const landed = await cam(left);
    await right.waitForFunction((z) => Math.abs(window.cockpit!.camera()!.zoom - z) < 1e-6, landed.zoom, { timeout: 20_000, polling: 100 });
    expect(errors.filter((e) => !/GPU stall due to ReadPixels/.test(e))).toEqual([]);
    await context.close();
  });
});

describe('the auto-tour and the kiosk', () => {
  it('the tour visits every scene, pauses on interaction and while hidden, and resumes', async () => {
    const { page, errors } = await openCockpit(browser, '?mode=wall&tour=1&dwell=2&idle=3&t=2021-07-20T16:30:00%2B08:00', { width: 960, height: 540 });
    await waitReady(page, 120_000);
    const ids = (await page.evaluate(() => window.cockpit!.scenes().scenes.map((s) => s.id))) as string[];
    expect(ids.length).toBeGreaterThanOrEqual(5);
    await page.waitForFunction((n) => new Set(window.cockpit!.tour().visited).size >= n, ids.length, { timeout: 90_000, polling: 250 });
    const t = await page.evaluate(() => window.cockpit!.tour());
    expect(new Set(t.visited)).toEqual(new Set(ids));
    expect(t.on).toBe(true);
    // the scene shown is the tour's, with its panels
    expect(await page.evaluate(() => window.cockpit!.scenes().current)).toBe(t.scene);

    // someone touches the wall: the tour holds, then resumes after the idle time (3 s)
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect((await page.evaluate(() => window.cockpit!.tour())).paused).toBe('interaction');
    const held = (await page.evaluate(() => window.cockpit!.tour())).visited.length;
    await page.waitForFunction((n) => window.cockpit!.tour().paused === null && window.cockpit!.tour().visited.length > n, held, { timeout: 30_000 });

    // the tab is hidden: no flights, no scene changes
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const hidden = await page.evaluate(() => window.cockpit!.tour());
    expect(hidden.paused).toBe('hidden');
    // a flight under way is stopped, and for two dwell times and more nothing happens (a
    // negative check needs a wait)
    const camHidden = await cam(page);
    await page.waitForTimeout(4500);
    const still = await page.evaluate(() => window.cockpit!.tour());
    expect(still.visited.length).toBe(hidden.visited.length);
    expect(Math.abs((await cam(page)).lon - camHidden.lon)).toBeLessThan(1e-9);
    expect(Math.abs((await cam(page)).zoom - camHidden.zoom)).toBeLessThan(1e-9);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForFunction((n) => window.cockpit!.tour().visited.length > n, still.visited.length, { timeout: 20_000 });
    // wall mode: no pointer
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="map"]')!).cursor)).toBe('none');
    expect(errors.filter((e) => !/GPU stall due to ReadPixels/.test(e))).toEqual([]);
    await page.context().close();
  });

  it('a kiosk whose WebGL context is lost and not restored reloads itself to the same state', async () => {
    const { page, errors } = await openCockpit(browser, '?mode=kiosk&layers=districts,waterlogging&t=2021-07-20T17:00:00%2B08:00&lon=113.68&lat=34.75&zoom=12', { width: 960, height: 540 });
    await waitReady(page, 120_000);
    await settle(page, 500);
    await page.evaluate(() => window.cockpit!.setCamera({ lon: 113.7, lat: 34.76, zoom: 12.5 }));
    const before = await page.evaluate(() => ({ cam: window.cockpit!.camera()!, time: window.cockpit!.state().time }));
    const url0 = page.url();
    // lost for good: WEBGL_lose_context without restoreContext()
    await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas')!;
      ((c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext).getExtension('WEBGL_lose_context')!.loseContext();
    });
    await page.locator('[data-testid="recovering"]').waitFor({ timeout: 10_000 });
    await page.waitForURL((u) => u.toString() !== url0, { timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('mode')).toBe('kiosk');
    await waitReady(page, 120_000);
    await settle(page, 500);
    const after = await page.evaluate(() => ({ cam: window.cockpit!.camera()!, time: window.cockpit!.state().time, mode: window.cockpit!.state().mode }));
    expect(after.mode).toBe('kiosk');
    expect(after.time).toBe(before.time);
    expect(after.cam.lon).toBeCloseTo(before.cam.lon, 4);
    expect(after.cam.zoom).toBeCloseTo(before.cam.zoom, 2);
    expect(await page.evaluate(() => window.cockpit!.state().layers)).toMatchObject({ districts: { visible: true }, waterlogging: { visible: true }, parking: { visible: false } });
    const distinct = await page.evaluate(() => {
      const src = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas')!;
      const c = document.createElement('canvas');
      c.width = 96;
      c.height = 54;
      const g = c.getContext('2d')!;
      g.drawImage(src, 0, 0, 96, 54);
      const d = g.getImageData(0, 0, 96, 54).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4) seen.add(((d[i] >> 3) << 10) | ((d[i + 1] >> 3) << 5) | (d[i + 2] >> 3));
      return seen.size;
    });
    expect(distinct).toBeGreaterThan(8);
    // kiosk: no cursor, no scrollbars
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="map"]')!).cursor)).toBe('none');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight)).toBe(true);
    expect(errors.filter((e) => !/GPU stall due to ReadPixels|WebGL context (was )?lost|CONTEXT_LOST|fatal: /i.test(e))).toEqual([]);
    await page.context().close();
  });
});
