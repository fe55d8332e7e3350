/**
 * Faults in Chromium, on the served production build:
 *  - a layer that throws — in its build, in deck.gl's update of its data, in its legend, in its
 *    panel — shows the error in its legend (or in place of its panel) and the others go on
 *    drawing. The fault is injected from the test only: the plugin objects are reached through
 *    React's DevTools hook (an init script stands in for DevTools) and their methods replaced,
 *    so the production build carries no fault switch;
 *  - a lost WebGL context (WEBGL_lose_context) shows a notice and, when restored, the map draws
 *    again in the same page (same performance.timeOrigin, same canvas: no reload);
 *  - a live feed that goes silent for longer than its expected interval is shown stale, and
 *    when it returns the cockpit equals the server again. (A feed that is cut off, messages
 *    lost, is the 30-s outage test in e2e/live.e2e.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openCockpit, settle, state, waitReady } from './browser';
import { changedShare, sampleMap } from './pixels';
import { startLiveServer } from '../server/live';

type Faulty = Record<string, unknown> & { id: string };
type Win = { __fiberRoot?: { current: unknown }; __layers?: () => Faulty[] };

/** A stand-in for React DevTools: keeps the last committed fiber root. */
const DEVTOOLS_HOOK = () => {
  const w = window as unknown as Win & { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown };
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: { current: unknown }) => (w.__fiberRoot = root),
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    setStrictMode: () => {},
  };
  // the cockpit's layer plugins: the `cockpit` prop some component is given
  w.__layers = () => {
    type Fiber = { child?: Fiber; sibling?: Fiber; memoizedProps?: { cockpit?: { layers?: Faulty[] } } };
    const stack: Fiber[] = [w.__fiberRoot!.current as Fiber];
    while (stack.length) {
      const f = stack.pop()!;
      const layers = f.memoizedProps?.cockpit?.layers;
      if (Array.isArray(layers)) return layers;
      if (f.sibling) stack.push(f.sibling);
      if (f.child) stack.push(f.child);
    }
    throw new Error('no cockpit prop in the React tree');
  };
};

/** Replaces one method of a layer plugin with one that throws (or restores it). */
async function fault(page: Page, id: string, method: string, kind: 'throw' | 'bad-data' | 'restore'): Promise<void> {
  await page.evaluate(
    ([id, method, kind]) => {
      const p = (window as unknown as Win).__layers!().find((l) => l.id === id)!;
      const saved = `__saved_${method}`;
      if (kind === 'restore') {
        p[method] = p[saved];
        return;
      }
      p[saved] ??= p[method];
      const orig = p[saved] as (...a: unknown[]) => unknown;
      if (kind === 'throw')
        p[method] = () => {
          throw new Error(`injected fault in ${method}`);
        };
      // deck.gl's update of the layer's data throws (as an accessor on bad data would)
      else
        p[method] = (...a: unknown[]) =>
          (orig.apply(p, a) as { clone: (x: object) => unknown }[]).map((l) =>
            l.clone({
              data: {
                length: 1,
                [Symbol.iterator]() {
                  throw new Error('injected fault in deck.gl update');
                },
              },
            }),
          );
    },
    [id, method, kind] as const,
  );
}

describe('faults', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a layer that throws shows the error in its legend; the other layers go on', async () => {
    const { page, errors } = await openCockpit(browser, '');
    await page.addInitScript(DEVTOOLS_HOOK);
    await page.goto(`${new URL(page.url()).origin}/?lang=en&layers=districts,waterlogging&t=2021-07-20T17:00:00%2B08:00&lon=113.66&lat=34.75&zoom=11`);
    await waitReady(page, 120_000);
    await settle(page);
    const err = (id: string) => page.getByTestId(`layer-error-${id}`);

    // the flood layer's build throws: its legend says so, the district outlines still draw
    await fault(page, 'waterlogging', 'build', 'throw');
    await page.evaluate(() => window.cockpit!.setLayerVisible('districts', true));
    await page.evaluate(() => window.cockpit!.setCamera({ zoom: 11.2 })); // a redraw
    await err('waterlogging').waitFor();
    expect(await err('waterlogging').textContent()).toMatch(/injected fault in build/);
    await settle(page);
    const withDistricts = await sampleMap(page);
    await page.getByTestId('layer-toggle-districts').click();
    await settle(page);
    const without = await sampleMap(page);
    expect(changedShare(withDistricts, without), 'the districts layer still draws').toBeGreaterThan(0.005);
    await page.getByTestId('layer-toggle-districts').click();
    expect(await err('districts').count()).toBe(0);

    // deck.gl's update of its data throws: the same, through deck.gl's onError
    await fault(page, 'waterlogging', 'build', 'restore');
    await fault(page, 'waterlogging', 'build', 'bad-data');
    await page.evaluate(() => window.cockpit!.setCamera({ zoom: 11 }));
    await page.waitForFunction(() => /injected fault in deck\.gl update/.test(document.querySelector('[data-testid="layer-error-waterlogging"]')?.textContent ?? ''), undefined, { timeout: 60_000, polling: 200 });
    await fault(page, 'waterlogging', 'build', 'restore');

    // a legend that throws: the layer list stays, the error is in that layer's entry
    await fault(page, 'districts', 'legend', 'throw');
    await page.evaluate(() => window.cockpit!.setLang('zh'));
    await page.evaluate(() => window.cockpit!.setLang('en'));
    await err('districts').waitFor();
    expect(await err('districts').textContent()).toMatch(/injected fault in legend/);
    expect(await page.getByTestId('layer-toggle-waterlogging').count()).toBe(1);
    await fault(page, 'districts', 'legend', 'restore');

    // the cockpit is still alive and well: the map draws, the clock moves
    await page.evaluate(() => window.cockpit!.play());
    const t0 = (await state(page)).time;
    await page.waitForFunction((t) => window.cockpit!.state().time > t, t0, { timeout: 60_000, polling: 200 });
    await page.evaluate(() => window.cockpit!.pause());
    expect((await sampleMap(page)).distinct).toBeGreaterThan(8);
    expect(errors.filter((e) => !/layer (waterlogging|districts) failed|injected fault/.test(e))).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('a lost WebGL context shows a notice and is restored without a reload', async () => {
    const { page, errors } = await openCockpit(browser, '?lang=en&layers=districts,waterlogging&t=2021-07-20T17:00:00%2B08:00');
    await waitReady(page, 120_000);
    await settle(page);
    const before = await page.evaluate(() => performance.timeOrigin);
    await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas')!;
      (c as HTMLCanvasElement & { __same?: boolean }).__same = true;
      const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext;
      (window as unknown as { __lose: WEBGL_lose_context }).__lose = gl.getExtension('WEBGL_lose_context')!;
      (window as unknown as { __lose: WEBGL_lose_context }).__lose.loseContext();
    });
    await page.getByTestId('gl-lost-notice').waitFor({ timeout: 30_000 });
    await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
    await page.getByTestId('gl-lost-notice').waitFor({ state: 'detached', timeout: 60_000 });
    await settle(page, 500);
    const after = await page.evaluate(() => ({ origin: performance.timeOrigin, same: !!document.querySelector<HTMLCanvasElement & { __same?: boolean }>('[data-testid="map"] canvas.maplibregl-canvas')?.__same }));
    expect(after).toEqual({ origin: before, same: true });
    // drawing again: basemap and layers (toggling the flood layer changes the picture)
    const a = await sampleMap(page);
    expect(a.distinct).toBeGreaterThan(8);
    await page.getByTestId('layer-toggle-districts').click();
    await settle(page);
    expect(changedShare(a, await sampleMap(page))).toBeGreaterThan(0.005);
    expect(errors.filter((e) => !/WebGL context (was )?lost|CONTEXT_LOST|GPU stall due to ReadPixels/i.test(e))).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('a silent live feed is shown stale; when it returns the cockpit equals the server again', async () => {
    const server = await startLiveServer({ dist: process.env.COCKPIT_DIST ?? 'dist', port: 0, at: '2021-07-20T15:00:00+08:00', speed: 60, quiet: true });
    try {
      const { page, errors } = await openCockpit(browser, '?lang=en&source=sse&url=/api/stream&stale=3000&layers=waterlogging', undefined, server.base);
      await page.waitForFunction(() => window.cockpit?.state().source.state === 'ready', undefined, { timeout: 120_000, polling: 100 });
      await page.waitForFunction(() => window.cockpit!.state().topics.hotspots?.status === 'live', undefined, { timeout: 60_000, polling: 200 });
      server.pause(); // the story stops: no messages, heartbeats only
      await page.getByTestId('stale-notice').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('stale-notice').textContent()).toMatch(/hotspots/);
      await page.getByTestId('layer-stale-waterlogging').waitFor();
      server.resume();
      await page.waitForFunction(() => window.cockpit!.state().topics.hotspots?.status === 'live', undefined, { timeout: 60_000, polling: 200 });
      // resynchronised: hold the story still and compare
      server.pause();
      const seqs = server.city.seqs();
      await page.waitForFunction((want) => Object.entries(want).every(([t, q]) => window.cockpit!.state().topics[t]?.seq === q), seqs, { timeout: 60_000, polling: 250 });
      for (const topic of Object.keys(seqs)) {
        const want = server.city.entities(topic).map((e) => String(e.id)).sort();
        const got = ((await page.evaluate((t) => window.cockpit!.entities(t, []), topic)) as { id: string }[]).map((e) => e.id).sort();
        expect(got, topic).toEqual(want);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await server.close();
    }
  }, 240_000);
});
