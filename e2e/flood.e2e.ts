/**
 * Flood control in Chromium (production build): the 20 July 2021 replay fills the 51
 * hotspots (most red at 17:00) and they are dry on 19 July; a 100-year design storm run from
 * the scenario panel recolours the map within a second and the map goes back to the
 * observed state; `?scenario=` opens a scenario; citizen reports appear, labelled simulated,
 * with a photo placeholder; the hotspot detail shows its curve and parameters; the 3D view
 * can be switched off; a rain gauge with bad readings is rejected with diagnostics.
 *
 * Pixel checks run with only the districts and this layer visible (other layers draw red
 * too). The 3D layer is hidden there and tested on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openCockpit as open, settle, state, waitReady } from './browser';
import { countNear, sampleMap } from './pixels';

let browser: Browser;
/** FLOOD_E2E_BASE: serve a private copy of the build (e.g. while others rebuild dist/). */
const openCockpit = (b: Browser, query: string) =>
  process.env.FLOOD_E2E_BASE ? open(b, query, undefined, process.env.FLOOD_E2E_BASE) : open(b, query);
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const harmless = (e: string) => /GPU stall due to ReadPixels/.test(e);
const RED: [number, number, number] = [255, 59, 48];
const T1700 = '2021-07-20T17:00:00+08:00';
const DRY = '2021-07-19T12:00:00+08:00';
/** The machine is shared (2 cores, software WebGL): generous limits; the checks themselves are strict. */
const LONG = 600_000;

async function levels(page: Page, testId = 'flood-levels') {
  const el = page.locator(`[data-testid="${testId}"]`);
  await el.waitFor();
  return el.evaluate((n) => ({
    none: Number((n as HTMLElement).dataset.none),
    red: Number((n as HTMLElement).dataset.red),
    orange: Number((n as HTMLElement).dataset.orange),
  }));
}

/** Waits for the panel to show what the store holds (it refreshes 4× a second). */
async function untilLevels(page: Page, ok: (l: { none: number; red: number }) => boolean, testId = 'flood-levels') {
  await page.waitForFunction(
    ([id, src]) => {
      const n = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      if (!n) return false;
      return new Function('l', `return (${src})(l)`)({ none: Number(n.dataset.none), red: Number(n.dataset.red) });
    },
    [testId, ok.toString()] as const,
    { timeout: 60_000, polling: 100 },
  );
  return levels(page, testId);
}

describe('flood control: the 20 July 2021 replay, scenarios, citizen reports', () => {
  it('replays to 17:00 on 20 July: most hotspots red; back on 19 July they are dry; a 100-year scenario recolours the map', async () => {
    const { page, errors } = await openCockpit(browser, '?layers=districts,waterlogging&speed=600&t=2021-07-20T16:20:00%2B08:00');
    await waitReady(page, 240_000);
    // 'ready' comes when the timeline is indexed; the first seek lands just after
    await page.waitForFunction(() => window.cockpit!.state().topics.hotspots?.count === 51, undefined, { timeout: 60_000, polling: 100 });

    // play the replay up to 17:00 (600×: 40 data minutes in a few seconds), then land exactly on it
    await page.locator('[data-testid="play-button"]').click();
    await page.waitForFunction((t) => window.cockpit!.state().time >= t, Date.parse(T1700), { timeout: 120_000, polling: 100 });
    await page.evaluate(() => window.cockpit!.pause());
    await page.evaluate((t) => window.cockpit!.seek(t), T1700);
    const s17 = await state(page);
    expect(s17.time).toBe(Date.parse(T1700));
    expect(s17.topics.hotspots.count).toBe(51);
    expect(s17.topics.rainfall.rejected).toBe(0);
    expect(s17.topics.reports.count).toBeGreaterThan(5);
    const l17 = await untilLevels(page, (l) => l.red >= 40);
    expect(l17.red).toBeGreaterThanOrEqual(40); // most of the 51 at the highest level
    await settle(page, 1500);
    const img17 = await sampleMap(page);
    const red17 = countNear(img17, RED);
    expect(red17).toBeGreaterThan(40);

    // citizen reports (simulated): listed, labelled, with a photo placeholder
    const item = page.locator('[data-testid="report-item"]').first();
    await item.waitFor();
    expect(await item.textContent()).toContain('模拟');
    await item.locator('button').click();
    await page.locator('[data-testid="report-photo"]').waitFor();
    expect((await state(page)).selection?.topic).toBe('reports');
    expect(await page.locator('[data-testid="report-photo"]').textContent()).toContain('模拟');
    expect(await page.locator('[data-testid="report-simulated"]').textContent()).toContain('模拟数据');
    expect((await page.locator('[data-testid="report-text"]').textContent())!.length).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="selection-panel"] img').count()).toBe(0); // no real photo

    // the hotspot detail: depth curve with the rain, and the key parameters
    await page.evaluate(() => window.cockpit!.select('hotspots', 'H43'));
    await page.locator('[data-testid="chart-hotspot-history"]').waitFor();
    const params = (await page.locator('[data-testid="hotspot-params"]').textContent()) ?? '';
    for (const k of ['汇水面积', '排水能力', '径流系数', '中原区']) expect(params).toContain(k);
    expect(await page.locator('[data-testid="hotspot-thresholds"]').textContent()).toContain('40 cm');
    await page.evaluate(() => window.cockpit!.select(null));

    // back to 19 July: dry
    await page.evaluate((t) => window.cockpit!.seek(t), DRY);
    const lDry = await untilLevels(page, (l) => l.none === 51);
    expect(lDry.red).toBe(0);
    expect((await state(page)).topics.reports.count).toBe(0);
    await settle(page, 1500);
    const imgDry = await sampleMap(page);
    const redDry = countNear(imgDry, RED);
    expect(redDry).toBeLessThan(red17 / 4);

    // a 100-year, 1-hour design storm from the scenario panel: predictions within a second
    await page.locator('[data-testid="flood-tab-scenario"]').click();
    await page.locator('[data-testid="scenario-view"]').waitFor();
    // timed in the page: the click, the model for 51 places and React (the panel shows the
    // prediction), then the next painted frame (logged: with software WebGL on a shared machine a
    // frame of the map can itself take a second)
    const timing = await page.evaluate(
      () =>
        new Promise<{ shown: number; painted: number }>((resolve, reject) => {
          const t0 = performance.now();
          const ready = () => document.querySelector<HTMLElement>('[data-testid="scenario-summary"]')?.dataset.key === 'p100-60';
          let shown = -1;
          const done = () => requestAnimationFrame(() => resolve({ shown, painted: performance.now() - t0 }));
          const obs = new MutationObserver(() => {
            if (shown < 0 && ready()) {
              shown = performance.now() - t0;
              obs.disconnect();
              done();
            }
          });
          obs.observe(document.body, { subtree: true, attributes: true, childList: true });
          document.querySelector<HTMLButtonElement>('[data-testid="scenario-rp-100"]')!.click();
          if (shown < 0 && ready()) {
            shown = performance.now() - t0;
            obs.disconnect();
            done();
          }
          setTimeout(() => shown < 0 && reject(new Error('no prediction after 10 s')), 10_000);
        }),
    );
    const elapsed = timing.shown;
    expect(elapsed).toBeLessThan(1000);
    const sc = await levels(page, 'scenario-levels');
    expect(sc.red).toBeGreaterThanOrEqual(25);
    expect(await page.locator('[data-testid="scenario-rank-row"]').count()).toBe(8);
    const computeMs = Number(await page.locator('[data-testid="scenario-summary"]').getAttribute('data-compute-ms'));
    expect(computeMs).toBeLessThan(16);
    console.log(`scenario p100-60: click → prediction in the panel ${timing.shown.toFixed(0)} ms, → next painted frame ${timing.painted.toFixed(0)} ms; model for 51 hotspots ${computeMs} ms`);
    expect(page.url()).toContain('scenario=p100-60');
    await settle(page, 1500);
    const imgScenario = await sampleMap(page);
    expect(countNear(imgScenario, RED)).toBeGreaterThan(Math.max(30, redDry * 4));

    // back to the observed state: dry again
    await page.locator('[data-testid="scenario-back"]').click();
    await untilLevels(page, (l) => l.none === 51);
    expect(page.url()).not.toContain('scenario=');
    await settle(page, 1500);
    expect(countNear(await sampleMap(page), RED)).toBeLessThan(red17 / 4);

    // English
    await page.evaluate(() => window.cockpit!.setLang('en'));
    expect(await page.locator('[data-testid="flood-tab-scenario"]').textContent()).toBe('Rainfall scenario');
    expect(errors.filter((e) => !harmless(e))).toEqual([]);
    await page.context().close();
  }, LONG);

  it('?scenario=p100-60 opens the cockpit with the scenario on the map; the 3D close-up follows and can be switched off', async () => {
    const { page, errors } = await openCockpit(browser, '?layers=districts,waterlogging,flood3d&scenario=p100-60&t=2021-07-19T12:00:00%2B08:00');
    await waitReady(page, 240_000);
    const panel = page.locator('[data-testid="panel-hotspots"]');
    await panel.waitFor();
    expect(await panel.getAttribute('data-scenario')).toBe('p100-60');
    expect(await page.locator('[data-testid="scenario-banner"]').textContent()).toContain('100年一遇');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="scenario-levels"]')?.dataset.red) >= 25, undefined, { timeout: 60_000 });

    // the 3D close-up (three.js): the deepest predicted place, with water
    const closeUp = page.locator('[data-testid="flood3d-panel"]');
    await closeUp.waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="flood3d-canvas"]').waitFor();
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="flood3d-panel"]')?.dataset.depth) > 40, undefined, { timeout: 60_000 });
    // switched off for weak machines: the panel and its WebGL canvas go away
    await page.locator('[data-testid="layer-toggle-flood3d"]').click();
    expect((await state(page)).layers.flood3d.visible).toBe(false);
    await page.waitForFunction(() => !document.querySelector('[data-testid="flood3d-canvas"]'), undefined, { timeout: 5000 });
    expect(errors.filter((e) => !harmless(e))).toEqual([]);
    await page.context().close();
  }, LONG);

  it('a rain gauge with negative, NaN, null and 5,000 mm/h readings is rejected with diagnostics; depths stay sane', async () => {
    const { page } = await openCockpit(browser, '?layers=districts,waterlogging&timeline=/mock-data/flood-bad-rainfall.ndjson');
    const s = await waitReady(page, 240_000);
    expect(s.source.state).toBe('ready');
    expect(s.topics.rainfall.rejected).toBe(4); // the fifth (a NaN literal) is malformed JSON: no topic
    expect(s.topics.rainfall.accepted).toBe(31);
    expect(s.topics.hotspots.rejected).toBe(0);
    await page.locator('[data-testid="feed-rejects-toggle"]').click({ timeout: 120_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="feed-reject"]').length >= 5, undefined, { timeout: 60_000 });
    const text = (await page.locator('[data-testid="feed-rejects"]').textContent()) ?? '';
    for (const needle of ['mm_h cannot be negative', 'not rain', 'malformed JSON']) expect(text).toContain(needle);
    await page.evaluate(() => window.cockpit!.seek('2021-07-20T17:00:00+08:00'));
    const ranking = (await page.locator('[data-testid="hotspot-ranking"]').textContent()) ?? '';
    expect(ranking).not.toMatch(/NaN|-\d+ cm/);
    await page.context().close();
  }, LONG);
});
