/**
 * The official's desk and the demo in Chromium: a deep link opened in a fresh page
 * reproduces the view, a stale link opens the nearest valid view and says what it ignored;
 * scenes switch camera, layers and panels, a bad scenes file is reported and the defaults
 * kept; PNG export; shortcuts, help and the language; the replay menu and presenter mode;
 * search; the layout at 1920×1080, 3840×2160, 5760×1080 and a narrow window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launch, openCockpit, settle, state, waitReady } from './browser';
import { sampleMap } from './pixels';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const harmless = (e: string) => /GPU stall due to ReadPixels/.test(e);
const FIX = 'fixture=rainstorm-2021-07-20';

/** Width and height from a PNG's IHDR. */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('deep links', () => {
  it('a link opened in a fresh page reproduces the view; a stale link says what it ignored', async () => {
    const { page, errors } = await openCockpit(browser, `?${FIX}`, { width: 1280, height: 720 });
    await waitReady(page, 90_000);
    await page.evaluate(async () => {
      const c = window.cockpit!;
      c.scene('flood', false);
      await c.seek('2021-07-20T16:45:00+08:00');
      c.setSpeed(120);
      c.setLayerVisible('buildings', false);
      c.setCamera({ lon: 113.672, lat: 34.741, zoom: 13.25, pitch: 40, bearing: -20 });
      c.select('hotspots', 'H05');
      c.setLang('en');
    });
    // select() flies: wait for the flight, then put the camera where we want it
    await settle(page, 3000);
    await page.evaluate(() => window.cockpit!.setCamera({ lon: 113.672, lat: 34.741, zoom: 13.25, pitch: 40, bearing: -20 }));
    const s1 = await state(page);
    const link = await page.evaluate(() => window.cockpit!.link());
    expect(link).toContain('scene=flood');

    const { page: p2, errors: e2 } = await openCockpit(browser, link.replace(/^https?:\/\/[^/]+\//, ''), { width: 1280, height: 720 });
    await waitReady(p2, 90_000);
    await p2.waitForFunction(() => window.cockpit!.state().selection !== null, undefined, { timeout: 20_000 });
    await settle(p2, 500);
    const s2 = await state(p2);
    expect(s2.source.url).toBe(s1.source.url);
    expect(s2.time).toBe(s1.time);
    expect(s2.speed).toBe(120);
    expect(s2.lang).toBe('en');
    expect(s2.layers).toEqual(s1.layers);
    expect(s2.layers.buildings.visible).toBe(false);
    expect(s2.selection).toEqual({ topic: 'hotspots', id: 'H05' });
    expect(await p2.evaluate(() => window.cockpit!.scenes().current)).toBe('flood');
    const c2 = await p2.evaluate(() => window.cockpit!.camera()!);
    expect(c2.lon).toBeCloseTo(113.672, 4);
    expect(c2.lat).toBeCloseTo(34.741, 4);
    expect(c2.zoom).toBeCloseTo(13.25, 2);
    expect(c2.pitch).toBeCloseTo(40, 0);
    expect(c2.bearing).toBeCloseTo(-20, 0);
    // the scene's panels, in English
    await p2.locator('[data-testid="scene-panel-waterlogging"]').waitFor();
    expect(await p2.locator('[data-testid="notices"]').count()).toBe(0);
    expect([...errors, ...e2].filter((e) => !harmless(e))).toEqual([]);
    await p2.context().close();

    // stale and foreign parameters: the nearest valid view, and one message listing them
    const stale = `?${FIX}&t=1999-01-01T00:00:00Z&layers=districts,nope&select=hotspots:H999&foo=bar&scene=zzz&lon=113.6&lat=34.7&zoom=30&speed=abc`;
    const { page: p3, errors: e3 } = await openCockpit(browser, stale, { width: 1280, height: 720 });
    const s3 = await waitReady(p3, 90_000);
    expect(s3.source.state).toBe('ready');
    const notice = p3.locator('[data-testid="notices"] .notice', { hasText: '链接' });
    await notice.waitFor({ timeout: 20_000 });
    await p3.waitForFunction(() => /H999/.test(document.querySelector('[data-testid="notices"]')?.textContent ?? ''), undefined, { timeout: 20_000 });
    const text = (await notice.textContent()) ?? '';
    for (const needle of ['foo', 'nope', 'zzz', 'H999', 'zoom=30', 't=1999', 'speed=abc']) expect(text, needle).toContain(needle);
    const v = await state(p3);
    expect(v.time).toBe(v.range.start); // clamped to the timeline
    expect(v.layers.districts.visible).toBe(true);
    expect(Object.entries(v.layers).filter(([, x]) => x.visible).map(([k]) => k)).toEqual(['districts']);
    expect(v.selection).toBeNull();
    expect((await p3.evaluate(() => window.cockpit!.camera()!)).zoom).toBeLessThanOrEqual(22);
    expect(e3.filter((e) => !harmless(e))).toEqual([]);
    await p3.context().close();
    await page.context().close();
  });
});

describe('scenes, export, shortcuts, replay and presenter', () => {
  it('a scene switches camera, layers and panels; the overview shows figures from the data; the view exports as a PNG', async () => {
    const { page, errors } = await openCockpit(browser, `?${FIX}&t=2021-07-20T16:30:00%2B08:00`, { width: 1920, height: 1080 });
    await waitReady(page, 90_000);
    await page.locator('[data-testid="scene-bar"]').waitFor();
    await page.locator('[data-testid="scene-flood"]').click();
    await page.waitForFunction(() => Math.abs(window.cockpit!.camera()!.pitch - 45) < 0.5, undefined, { timeout: 30_000 });
    const s = await state(page);
    expect(Object.entries(s.layers).filter(([, x]) => x.visible).map(([k]) => k).sort()).toEqual(['buildings', 'districts', 'flood3d', 'waterlogging']);
    await page.locator('[data-testid="scene-panel-waterlogging"]').waitFor();
    expect(await page.getAttribute('[data-testid="col-right"]', 'data-scene')).toBe('flood');

    // overview: the figures come from the data at the clock
    await page.keyboard.press('1');
    await page.locator('[data-testid="overview-panel"]').waitFor();
    await page.waitForFunction(() => /\/51/.test(document.querySelector('[data-testid="kpi-hotspots"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
    const inWarning = await page.evaluate(() => (window.cockpit!.entities('hotspots', ['depth_cm', 'level']) as { level?: string }[]).length);
    expect(inWarning).toBe(51);
    const kpi = (await page.locator('[data-testid="kpi-hotspots"]').textContent()) ?? '';
    const warned = Number(kpi.split('/')[0]);
    expect(warned).toBeGreaterThan(10); // 16:30 on 20 July: most hotspots are in warning

    // PNG export of this view: the screen's size, map and panels
    await settle(page, 800);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator('[data-testid="export-button"]').click()]);
    expect(download.suggestedFilename()).toBe('cockpit-20210720-1630.png');
    const r = await page.evaluate(() => window.cockpit!.exportPng({ download: false }));
    const buf = Buffer.from(r.dataUrl.split(',')[1], 'base64');
    expect(pngSize(buf)).toEqual({ width: 1920, height: 1080 });
    expect(r.bytes).toBe(buf.length);
    expect(buf.length).toBeGreaterThan(100_000);
    // the picture holds the drawn map (not blank) and the panels' text region
    const check = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const distinct = (x: number, y: number, w: number, h: number) => {
        const d = g.getImageData(x, y, w, h).data;
        const seen = new Set<number>();
        for (let i = 0; i < d.length; i += 16) seen.add(((d[i] >> 3) << 10) | ((d[i + 1] >> 3) << 5) | (d[i + 2] >> 3));
        return seen.size;
      };
      const m = document.querySelector('[data-testid="map-cell"]')!.getBoundingClientRect();
      const r = document.querySelector('[data-testid="col-right"]')!.getBoundingClientRect();
      return { map: distinct(m.x + m.width / 4, m.y + m.height / 4, m.width / 2, m.height / 2), right: distinct(r.x, r.y, r.width, r.height / 2) };
    }, r.dataUrl);
    expect(check.map).toBeGreaterThan(12);
    expect(check.right).toBeGreaterThan(12);
    const live = await sampleMap(page);
    expect(live.distinct).toBeGreaterThan(12);
    await page.evaluate(() => window.cockpit!.seek('2021-07-19T06:00:00+08:00'));
    await page.waitForFunction((w) => Number((document.querySelector('[data-testid="kpi-hotspots"]')?.textContent ?? '').split('/')[0]) < w, warned, { timeout: 10_000 });
    expect(await page.locator('[data-testid="overview-alerts"] li').count()).toBeGreaterThan(0);
    expect(errors.filter((e) => !harmless(e))).toEqual([]);
    await page.context().close();
  });

  it('a bad scenes file is reported on screen and the default scenes are kept', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.route('**/scenes.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ scenes: [{ id: 'x', title: { zh: '坏', en: 'bad' }, camera: { lon: 113.6, lat: 34.7, zoom: 10 }, layers: ['floods'] }, { id: 'y', title: { zh: '坏', en: 'bad' }, camera: { lon: 'east', lat: 34.7, zoom: 10 }, layers: ['districts'] }] }),
      }),
    );
    await page.goto(`${baseURL()}/?${FIX}`);
    await waitReady(page, 90_000);
    const notice = page.locator('[data-testid="notices"] .notice', { hasText: 'scenes.json' });
    await notice.waitFor({ timeout: 20_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/camera\.lon|lon/);
    const sc = await page.evaluate(() => window.cockpit!.scenes());
    expect(sc.errors.length).toBeGreaterThan(0);
    expect(sc.scenes.map((s) => s.id)).toEqual(['overview', 'flood', 'parking', 'lifeline', 'community']);
    // unknown layer alone (the camera fixed): still refused, with the layer named
    await page.route('**/scenes.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ scenes: [{ id: 'x', title: { zh: '坏', en: 'bad' }, camera: { lon: 113.6, lat: 34.7, zoom: 10 }, layers: ['floods'] }] }) }),
    );
    await page.reload();
    await waitReady(page, 90_000);
    await page.locator('[data-testid="notices"] .notice', { hasText: 'unknown layer "floods"' }).waitFor({ timeout: 20_000 });
    expect((await page.evaluate(() => window.cockpit!.scenes())).scenes.length).toBe(5);
    await context.close();
  });

  it('shortcuts, help and language; the replay menu loads an incident at its key moment; presenter narrates markers', async () => {
    const { page, errors } = await openCockpit(browser, `?${FIX}`, { width: 1920, height: 1080 });
    await waitReady(page, 90_000);
    // ? help, Esc closes
    await page.keyboard.press('?');
    await page.locator('[data-testid="help"]').waitFor();
    expect(await page.locator('[data-testid="help"]').textContent()).toContain('Space');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="help"]').waitFor({ state: 'detached' });
    // space plays and pauses, arrows seek a 200th of the timeline
    await page.keyboard.press(' ');
    expect((await state(page)).playing).toBe(true);
    await page.keyboard.press(' ');
    expect((await state(page)).playing).toBe(false);
    const t0 = (await state(page)).time;
    const span = (await state(page)).range.end - (await state(page)).range.start;
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((t) => window.cockpit!.state().time !== t, t0);
    expect((await state(page)).time).toBeCloseTo(t0 + span / 200, -1);
    // L switches the language
    await page.keyboard.press('l');
    expect((await state(page)).lang).toBe('en');
    expect(await page.locator('[data-testid="replay-menu-button"]').textContent()).toBe('Replays');
    await page.keyboard.press('l');

    // the replay menu: recorded incidents with a one-line description
    await page.locator('[data-testid="replay-menu-button"]').click();
    const menu = page.locator('[data-testid="replay-menu"]');
    await menu.waitFor();
    expect(await menu.locator('button.replay-item').count()).toBeGreaterThanOrEqual(4);
    expect(await menu.textContent()).toContain('201.9');
    await page.locator('[data-testid="replay-communities-outbreak"]').click();
    await page.waitForFunction(() => window.cockpit!.state().source.url === '/mock-data/communities-outbreak.ndjson' && window.cockpit!.state().source.state === 'ready', undefined, { timeout: 90_000 });
    // no key moment in its note: the first alarm marker
    const s = await state(page);
    const firstAlarm = await page.evaluate(() => {
      const evs = [...document.querySelectorAll('[data-testid="event-marker"]')];
      return evs.length;
    });
    expect(firstAlarm).toBeGreaterThan(5);
    expect(s.time).toBeGreaterThan(s.range.start);
    expect(await page.evaluate(() => window.cockpit!.scenes().current)).toBe('community');
    expect(new URL(page.url()).searchParams.get('fixture')).toBe('communities-outbreak');

    // back to the rainstorm: its key moment is 16:30 on 20 July
    await page.evaluate(() => window.cockpit!.replay('rainstorm-2021-07-20'));
    expect((await state(page)).time).toBe(Date.parse('2021-07-20T16:30:00+08:00'));
    expect(await page.evaluate(() => window.cockpit!.scenes().current)).toBe('flood');

    // presenter: a narration line for the marker at the clock; next goes to the next marker
    await page.locator('[data-testid="presenter-toggle"]').click();
    await page.locator('[data-testid="presenter"]').waitFor();
    expect(await page.locator('[data-testid="narration"]').textContent()).toContain('201.9');
    const m1 = await page.locator('[data-testid="narration-marker"]').textContent();
    const before = (await state(page)).time;
    await page.locator('[data-testid="presenter-next"]').click();
    await page.waitForFunction((t) => window.cockpit!.state().time > t, before, { timeout: 20_000 });
    await page.waitForFunction((m) => document.querySelector('[data-testid="narration-marker"]')?.textContent !== m, m1, { timeout: 10_000 });
    const ev = await page.evaluate(() => window.cockpit!.state().time);
    expect(await page.locator('[data-testid="narration-marker"]').textContent()).toMatch(/\d\d:\d\d:\d\d · /);
    // the clock sits on a marker
    const times = await page.evaluate(() => [...document.querySelectorAll('[data-testid="event-marker"]')].map((m) => m.getAttribute('title') ?? ''));
    expect(times.length).toBeGreaterThan(5);
    expect(ev).toBeGreaterThan(before);
    expect(errors.filter((e) => !harmless(e))).toEqual([]);
    await page.context().close();
  });

  it('search finds hotspots, car parks, communities and districts by Chinese name', async () => {
    const { page } = await openCockpit(browser, '?t=2021-07-19T12:00:00%2B08:00', { width: 1920, height: 1080 });
    await waitReady(page, 120_000);
    const names = await page.evaluate(() => ({
      hotspot: (window.cockpit!.entities('hotspots', ['name'])[0] as { name: string }).name,
      carpark: (window.cockpit!.entities('carparks', ['name'])[0] as { name: string }).name,
      community: (window.cockpit!.entities('communities', ['name'])[100] as { name: string }).name,
    }));
    const input = page.locator('[data-testid="search-input"]');
    for (const [q, kind] of [
      [names.hotspot, '易涝点'],
      [names.carpark, '停车'],
      [names.community, '小区'],
      ['金水区', '区域'],
    ] as const) {
      await input.fill(q);
      await page.locator('[data-testid="search-result"]').first().waitFor({ timeout: 20_000 });
      const rows = await page.locator('[data-testid="search-result"]').allTextContents();
      expect(rows.some((r) => r.includes(q) && r.includes(kind)), `${q}: ${rows.join(' | ')}`).toBe(true);
    }
    // choosing a car park selects it
    await input.fill(names.carpark);
    await page.locator('[data-testid="search-result"]', { hasText: names.carpark }).first().click();
    await page.waitForFunction(() => window.cockpit!.state().selection?.topic === 'carparks');
    await page.context().close();
  });
});

describe('layout at wall sizes and in a narrow window', () => {
  const boxesOf = (page: Page) =>
    page.evaluate(() => {
      const rect = (el: Element | null) => {
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      };
      const q = (id: string) => rect(document.querySelector(`[data-testid="${id}"]`));
      const header = document.querySelector('[data-testid="header"]')!;
      return {
        scroll: { w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight },
        view: { w: innerWidth, h: innerHeight },
        main: ['header', 'col-left', 'map-cell', 'col-right', 'timebar'].map(q),
        headerItems: [...header.children].filter((c) => getComputedStyle(c).display !== 'none').map((c) => ({ cls: c.className, ...rect(c)! })),
        header: q('header'),
        sceneBar: q('scene-bar'),
        presenter: q('presenter'),
        map: q('map-cell'),
        fontSize: parseFloat(getComputedStyle(document.documentElement).fontSize),
      };
    });
  const overlap = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
    Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

  it('1920×1080, 5760×1080 and 1100×900: scene bar, presenter and header tools fit; no overlap, no scrollbars', async () => {
    const { page } = await openCockpit(browser, `?${FIX}&t=2021-07-20T16:30:00%2B08:00&scene=overview&presenter=1`, { width: 1920, height: 1080 });
    await waitReady(page, 90_000);
    await page.locator('[data-testid="overview-panel"]').waitFor();
    for (const [w, h] of [
      // (3840×2160 is covered by the layout tests of e2e/cockpit.e2e.ts; rendering it
      // once more here costs a minute of software WebGL)
      [1920, 1080],
      [5760, 1080],
      [1100, 900],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForFunction(([w, h]) => innerWidth === w && innerHeight === h, [w, h] as const);
      await settle(page, 300);
      const m = await boxesOf(page);
      const at = `${w}×${h}`;
      expect(m.scroll.w, at).toBeLessThanOrEqual(m.view.w);
      expect(m.scroll.h, at).toBeLessThanOrEqual(m.view.h);
      const boxes = m.main.map((b) => b!);
      for (let i = 0; i < boxes.length; i++) {
        expect(boxes[i].w).toBeGreaterThan(0);
        expect(boxes[i].x + boxes[i].w, at).toBeLessThanOrEqual(m.view.w + 0.5);
        expect(boxes[i].y + boxes[i].h, at).toBeLessThanOrEqual(m.view.h + 0.5);
        for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `${at}: boxes ${i} and ${j}`).toBeLessThan(1);
      }
      // the header's items sit inside it, side by side
      for (let i = 0; i < m.headerItems.length; i++) {
        const a = m.headerItems[i];
        expect(a.x + a.w, `${at}: ${a.cls}`).toBeLessThanOrEqual(m.header!.x + m.header!.w + 0.5);
        for (let j = i + 1; j < m.headerItems.length; j++) expect(overlap(a, m.headerItems[j]), `${at}: ${a.cls} / ${m.headerItems[j].cls}`).toBeLessThan(1);
      }
      // scene bar and presenter inside the map, apart
      for (const b of [m.sceneBar!, m.presenter!]) {
        expect(b.x, at).toBeGreaterThanOrEqual(m.map!.x - 0.5);
        expect(b.x + b.w, at).toBeLessThanOrEqual(m.map!.x + m.map!.w + 0.5);
        expect(b.y + b.h, at).toBeLessThanOrEqual(m.map!.y + m.map!.h + 0.5);
      }
      expect(overlap(m.sceneBar!, m.presenter!), at).toBeLessThan(1);
      // type scales with the screen (16 px at 1080p, 32 px at 2160p)
      expect(m.fontSize, at).toBeCloseTo(Math.max(10, Math.min(w / 120, h / 67.5)), 0);
      if (w / h >= 2.5) expect(boxes[1].w, at).toBeGreaterThan(25 * m.fontSize + 1); // ultra-wide: side columns widen
      if (w / h <= 4 / 3) expect(boxes[3].x, at).toBeCloseTo(boxes[1].x, 0); // narrow: panels under the layers
      // the map canvas has the real pixels of its box
      const canvas = await page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas')!;
        return { w: c.width, cw: c.getBoundingClientRect().width };
      });
      expect(Math.abs(canvas.w - canvas.cw), at).toBeLessThanOrEqual(1);
      if (process.env.DESK_SHOTS) await page.screenshot({ path: `${process.env.DESK_SHOTS}/cockpit-${w}x${h}.png` });
    }
    await page.context().close();
    // four screen sizes on one page: a 4K frame in software WebGL takes a while on a loaded machine
  }, 420_000);
});
