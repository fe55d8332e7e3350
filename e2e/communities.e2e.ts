/**
 * Community risk tiers in Chromium (production build, embedded default): the panel's
 * figures against the store and against the timeline file itself, the city view shaded
 * by risk, drilling city → district → community by clicks on the map and back (Esc, the
 * breadcrumb), search, a red community's alarm and its recolouring on the map, bad input
 * rejected with diagnostics, English, and the 32-day outbreak fixture.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openCockpit, settle, state, waitReady } from './browser';

const DEFAULT_FILE = existsSync('dist/mock-data/default.ndjson') ? 'dist/mock-data/default.ndjson' : 'mock-data/out/default.ndjson';
const OUTBREAK_FILE = existsSync('dist/mock-data/communities-outbreak.ndjson') ? 'dist/mock-data/communities-outbreak.ndjson' : 'mock-data/out/communities-outbreak.ndjson';
const T = '2021-07-20T12:00:00+08:00';

interface Community {
  id: string;
  lon: number;
  lat: number;
  name: string;
  name_en: string;
  py: string;
  district: string;
  tier: string;
  shape?: number[];
}

/** Replays the `communities` topic of a timeline file up to time t (independently of the app). */
async function communitiesAt(file: string, t: number) {
  const state = new Map<string, Community>();
  const alarms: { t: number; ref_id: string; title: string }[] = [];
  let snapshotLine = '';
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.includes('"topic":"communities"') && !line.includes('"topic":"events"')) continue;
    const m = JSON.parse(line) as { topic: string; ts: string; snapshot?: boolean; upsert?: Community[] & { ref_id?: string; level?: string; title?: string }[] };
    const mt = Date.parse(m.ts);
    if (m.topic === 'events') {
      for (const e of (m.upsert ?? []) as unknown as { level: string; ref_id?: string; title: string }[]) if (e.level === 'alarm' && e.ref_id) alarms.push({ t: mt, ref_id: e.ref_id, title: e.title });
      continue;
    }
    if (m.snapshot && !snapshotLine) snapshotLine = line;
    if (mt > t) continue;
    if (m.snapshot) state.clear();
    for (const e of m.upsert ?? []) state.set(e.id, e);
  }
  const byDistrict: Record<string, [number, number, number]> = {};
  const k = (tier: string) => (tier === 'red' ? 2 : tier === 'yellow' ? 1 : 0);
  for (const e of state.values()) (byDistrict[e.district] ??= [0, 0, 0])[k(e.tier)]++;
  const city = Object.values(byDistrict).reduce((a, c) => [a[0] + c[0], a[1] + c[1], a[2] + c[2]], [0, 0, 0]);
  return { state, byDistrict, city, alarms, snapshotLine };
}

interface Counts {
  scope: string;
  total: number;
  green: number;
  yellow: number;
  red: number;
  districts: Record<string, [number, number, number]>;
}

async function panelCounts(page: Page): Promise<Counts> {
  return JSON.parse((await page.locator('[data-testid="panel-communities"]').getAttribute('data-counts'))!) as Counts;
}

async function kpis(page: Page) {
  const n = async (id: string) => Number(await page.locator(`[data-testid="comm-kpi-${id}"]`).textContent());
  return { total: await n('total'), red: await n('red'), yellow: await n('yellow'), green: await n('green') };
}

/** Screen position (in the map canvas) of a lon/lat: Web Mercator, 512-px tiles, no pitch or bearing. */
async function toScreen(page: Page, lon: number, lat: number) {
  const cam = (await page.evaluate(() => window.cockpit!.camera()))!;
  const box = (await page.locator('[data-testid="map"]').boundingBox())!;
  const scale = 512 * 2 ** cam.zoom;
  const mx = (l: number) => ((l + 180) / 360) * scale;
  const my = (p: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (p * Math.PI) / 360)) / Math.PI) / 2) * scale;
  const x = box.width / 2 + mx(lon) - mx(cam.lon);
  const y = box.height / 2 + my(lat) - my(cam.lat);
  return { x, y, pageX: box.x + x, pageY: box.y + y, inside: x > 20 && y > 20 && x < box.width - 20 && y < box.height - 20, zoom: cam.zoom };
}

/** Mean colour of a small square of the map canvas around (x, y) (canvas pixels). */
async function colourAt(page: Page, x: number, y: number, r = 2): Promise<[number, number, number]> {
  return page.evaluate(
    ([x, y, r]) => {
      const src = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas')!;
      const c = document.createElement('canvas');
      c.width = src.width;
      c.height = src.height;
      const g = c.getContext('2d', { willReadFrequently: true })!;
      g.drawImage(src, 0, 0);
      const d = g.getImageData(Math.round(x - r), Math.round(y - r), 2 * r + 1, 2 * r + 1).data;
      const s = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4) for (let k = 0; k < 3; k++) s[k] += d[i + k];
      const n = d.length / 4;
      return [s[0] / n, s[1] / n, s[2] / n] as [number, number, number];
    },
    [x, y, r] as const,
  );
}

/** Waits until the camera stops moving (three equal readings; frames are slow on SwiftShader). */
async function cameraSettled(page: Page, timeout = 30_000) {
  const t0 = Date.now();
  let last = '';
  let same = 0;
  while (Date.now() - t0 < timeout) {
    const c = JSON.stringify(await page.evaluate(() => window.cockpit!.camera()));
    same = c === last ? same + 1 : 0;
    if (same >= 2) return;
    last = c;
    await page.waitForTimeout(500);
  }
}

/** Waits until the colour at (x, y) of the map satisfies `ok` (the map redraws at its own pace). */
async function waitColour(page: Page, x: number, y: number, ok: (c: [number, number, number]) => boolean, timeout = 30_000) {
  const t0 = Date.now();
  let c = await colourAt(page, x, y, 3);
  while (!ok(c) && Date.now() - t0 < timeout) {
    await page.waitForTimeout(400);
    c = await colourAt(page, x, y, 3);
  }
  return c;
}

/** Map clicks that did not select what the pointer was on (see the last test). */
const clickMisses: string[] = [];

/**
 * Clicks the map at a page position where the hover tooltip names `expectTitle`, and
 * expects the selection to become `want`. If the click selects nothing, the miss is
 * recorded and the drill-down continues with window.cockpit.select.
 */
async function clickToSelect(page: Page, x: number, y: number, expectTitle: string, want: { topic: string; id: string }) {
  await page.mouse.move(x, y);
  await page.locator('[data-testid="tooltip"]').filter({ hasText: expectTitle }).waitFor({ timeout: 15_000 });
  await page.mouse.click(x, y);
  const ok = await page
    .waitForFunction((w) => window.cockpit!.state().selection?.id === w.id, want, { timeout: 4_000 })
    .then(() => true)
    .catch(() => false);
  if (!ok) {
    clickMisses.push(`${want.topic}:${want.id} (${expectTitle})`);
    await page.evaluate((w) => window.cockpit!.select(w.topic, w.id), want);
  }
  await page.mouse.move(x + 400, y + 400).catch(() => undefined);
}

const harmless = (e: string) => /GPU stall due to ReadPixels/.test(e);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('community risk tiers (embedded default)', () => {
  let page: Page;
  let errors: string[];
  let expected: Awaited<ReturnType<typeof communitiesAt>>;

  beforeAll(async () => {
    expected = await communitiesAt(DEFAULT_FILE, Date.parse(T));
    ({ page, errors } = await openCockpit(browser, `?t=${encodeURIComponent(T)}&layers=districts,communities`));
    await waitReady(page, 170_000);
    await page.waitForFunction(() => window.cockpit!.state().topics.communities?.count === 10806, undefined, { timeout: 120_000, polling: 250 });
    await page.locator('[data-testid="panel-communities"]').waitFor();
    await settle(page, 1500);
  }, 300_000);
  afterAll(async () => {
    await page?.context().close();
  });

  it('city view: the panel figures equal the store and the timeline; districts shaded by risk', async () => {
    const s = await state(page);
    expect(s.layers.communities.visible).toBe(true);
    expect(s.topics.communities).toMatchObject({ count: 10806, rejected: 0, status: 'live' });
    expect(s.topics['community-stats']).toMatchObject({ count: 17, rejected: 0 });
    await page.waitForFunction(() => document.querySelector('[data-testid="panel-communities"]')?.getAttribute('data-level') === 'city');
    const counts = await panelCounts(page);
    // the panel against the store …
    expect(counts.total).toBe(s.topics.communities.count);
    expect(Object.values(counts.districts).flat().reduce((a, b) => a + b, 0)).toBe(s.topics.communities.count);
    expect(Object.keys(counts.districts)).toHaveLength(16);
    // … and against the timeline replayed here, independently
    expect([counts.green, counts.yellow, counts.red]).toEqual(expected.city);
    for (const [code, c] of Object.entries(expected.byDistrict)) expect(counts.districts[code], code).toEqual(c);
    expect(await kpis(page)).toEqual({ total: 10806, red: expected.city[2], yellow: expected.city[1], green: expected.city[0] });
    expect(expected.city[2]).toBe(1); // the calm baseline: one red community (二七区)

    // 二七区 (the red community) is shaded red; 登封 (all green) is not
    const erqi = await toScreen(page, 113.5841, 34.6681);
    const c = await waitColour(page, erqi.x, erqi.y - 30, (k) => k[0] > k[1] + 50 && k[0] > k[2] + 40);
    expect(c[0]).toBeGreaterThan(c[1] + 50);
    expect(c[0]).toBeGreaterThan(c[2] + 40);
    const dengfeng = await toScreen(page, 113.05, 34.455);
    if (dengfeng.inside) {
      const g = await colourAt(page, dengfeng.x, dengfeng.y, 3);
      expect(g[0]).toBeLessThan(g[1] + 10);
    }
    // the legend names the tiers and the district shading
    const legend = (await page.locator('[data-testid="legend-communities"]').textContent()) ?? '';
    for (const w of ['红色', '黄色', '绿色', '区县']) expect(legend).toContain(w);
    // the trend chart and the latest changes are there
    expect(await page.locator('[data-testid="chart-comm-trend"] canvas').count()).toBe(1);
    expect(await page.locator('[data-testid="comm-change"]').count()).toBeGreaterThan(2);
  });

  it('drills city → district → community by clicking the map, and back up with Esc', async () => {
    const z0 = (await page.evaluate(() => window.cockpit!.camera()))!.zoom;
    // click 二七区 on the map (city view: the district shading is picked; its tooltip shows the counts)
    const erqi = await toScreen(page, 113.5841, 34.6681);
    await clickToSelect(page, erqi.pageX, erqi.pageY - 30, '二七区', { topic: 'districts', id: '410103' });
    expect((await state(page)).selection).toEqual({ topic: 'districts', id: '410103' });
    expect(await page.locator('[data-testid="tooltip"]').count()).toBeLessThanOrEqual(1);
    await cameraSettled(page);
    const z1 = (await page.evaluate(() => window.cockpit!.camera()))!.zoom;
    expect(z1).toBeGreaterThan(z0 + 0.5); // flew to the district
    await page.waitForFunction(() => document.querySelector('[data-testid="panel-communities"]')?.getAttribute('data-level') === 'district');
    expect(await page.locator('[data-testid="comm-breadcrumb"]').textContent()).toContain('二七区');
    // the panel switched to the district's figures
    const dc = await panelCounts(page);
    expect(dc.scope).toBe('410103');
    expect([dc.green, dc.yellow, dc.red]).toEqual(expected.byDistrict['410103']);
    expect((await kpis(page)).total).toBe(expected.byDistrict['410103'].reduce((a, b) => a + b, 0));
    await settle(page, 1200);

    // click a community of 二七区 in view: the largest outline near the centre of the map
    const cam = (await page.evaluate(() => window.cockpit!.camera()))!;
    const area = (s?: number[]) => (s ? Math.abs(s.reduce((a, _, i) => (i % 2 ? a : a + s[i] * s[(i + 3) % s.length] - s[(i + 2) % s.length] * s[i + 1]), 0)) / 2 : 0);
    const candidates = [...expected.state.values()]
      .filter((e) => e.district === '410103' && e.shape && Math.abs(e.lon - cam.lon) < 0.03 && Math.abs(e.lat - cam.lat) < 0.02)
      .sort((a, b) => area(b.shape) - area(a.shape));
    expect(candidates.length).toBeGreaterThan(3);
    let picked: Community | undefined;
    for (const c of candidates.slice(0, 8)) {
      const p = await toScreen(page, c.lon, c.lat);
      if (!p.inside) continue;
      // hovering shows the community's tooltip (its name, tier, why)
      await page.mouse.move(p.pageX, p.pageY);
      const hovered = await page
        .locator('[data-testid="tooltip"]')
        .filter({ hasText: c.name })
        .waitFor({ timeout: 8_000 })
        .then(() => true)
        .catch(() => false);
      if (!hovered) continue;
      await clickToSelect(page, p.pageX, p.pageY, c.name, { topic: 'communities', id: c.id });
      picked = c;
      break;
    }
    expect(picked, 'a community under the pointer').toBeDefined();
    await page.waitForFunction(() => document.querySelector('[data-testid="panel-communities"]')?.getAttribute('data-level') === 'community');
    expect(await page.locator('[data-testid="comm-crumb-community"]').textContent()).toBe(picked!.name);
    const detail = page.locator('[data-testid="selection-panel"]');
    await detail.locator('[data-testid="comm-detail"]').waitFor();
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain(picked!.name);
    expect(text).toContain('常住人口');
    expect(text).toMatch(/变更时间/);
    expect(await page.locator('[data-testid="comm-checkins"] tr').count()).toBeGreaterThan(0);
    await cameraSettled(page);

    // Esc: community → district → city
    await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.cockpit!.state().selection?.topic === 'districts');
    expect((await state(page)).selection).toEqual({ topic: 'districts', id: '410103' });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.cockpit!.state().selection === null);
    await page.waitForFunction(() => document.querySelector('[data-testid="panel-communities"]')?.getAttribute('data-level') === 'city');
    // back to the whole city
    await page.waitForFunction((z) => window.cockpit!.camera()!.zoom < z - 1, z1, { timeout: 60_000, polling: 250 });
    expect((await panelCounts(page)).total).toBe(10806);
  });

  it('drills with window.cockpit.select and climbs with the breadcrumb', async () => {
    const red = [...expected.state.values()].find((e) => e.tier === 'red')!;
    await page.evaluate((id) => window.cockpit!.select('communities', id), red.id);
    await page.waitForFunction(() => document.querySelector('[data-testid="panel-communities"]')?.getAttribute('data-level') === 'community');
    expect(await page.locator('[data-testid="comm-crumb-district"]').textContent()).toBe('二七区');
    expect(await page.locator('[data-testid="comm-detail"]').getAttribute('data-tier')).toBe('red');
    await page.locator('[data-testid="comm-crumb-district"]').click();
    await page.waitForFunction(() => window.cockpit!.state().selection?.topic === 'districts');
    await page.locator('[data-testid="comm-crumb-city"]').click();
    await page.waitForFunction(() => window.cockpit!.state().selection === null);
    // another district through the API: the panel follows
    await page.evaluate(() => window.cockpit!.select('districts', '410185'));
    await page.waitForFunction(() => JSON.parse(document.querySelector('[data-testid="panel-communities"]')!.getAttribute('data-counts')!).scope === '410185');
    expect((await panelCounts(page)).total).toBe(306);
    // the selection panel names the district (a static feature, looked up by its layer)
    await page.locator('[data-testid="selection-panel"] .sel-title').filter({ hasText: '登封市' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="selection-panel"]').textContent()).not.toMatch(/districts \//);
    await page.evaluate(() => window.cockpit!.select(null));
  });

  it('search: by Chinese name and by pinyin initials, then flies to the community', async () => {
    const target = [...expected.state.values()].find((e) => e.district === '410105' && e.name.length >= 5)!;
    const box = page.locator('[data-testid="comm-search"]');
    await box.fill(target.name);
    await page.locator('[data-testid="comm-search-results"]').waitFor();
    expect(await page.locator('[data-testid="comm-search-result"]').first().textContent()).toContain(target.name);
    await box.press('Enter');
    await page.waitForFunction((id) => window.cockpit!.state().selection?.id === id, target.id);
    // flies there (frames are slow on SwiftShader: wait for the camera to arrive)
    await page.waitForFunction(
      (t) => {
        const c = window.cockpit!.camera()!;
        return Math.abs(c.lon - t.lon) < 0.003 && Math.abs(c.lat - t.lat) < 0.003 && c.zoom >= 13.9;
      },
      { lon: target.lon, lat: target.lat },
      { timeout: 60_000, polling: 250 },
    );
    // pinyin initials
    await box.fill(target.py);
    await page.locator('[data-testid="comm-search-results"]').waitFor();
    const names = await page.locator('[data-testid="comm-search-result"]').allTextContents();
    expect(names.some((n) => n.includes(target.name))).toBe(true);
    await box.fill('');
    await page.evaluate(() => window.cockpit!.select(null));
  });

  it('a community turning red raises an alarm and is recoloured on the map', async () => {
    const alarm = expected.alarms[0];
    const red = expected.state.get(alarm.ref_id)!;
    const before = alarm.t - 10 * 60_000;
    await page.evaluate((t) => window.cockpit!.seek(t), before);
    await page.evaluate(([lon, lat]) => window.cockpit!.setCamera({ lon, lat, zoom: 16.5, pitch: 0, bearing: 0 }), [red.lon, red.lat] as const);
    await settle(page, 1500);
    const p = await toScreen(page, red.lon, red.lat);
    const green = await waitColour(page, p.x, p.y, (k) => k[1] > k[0] + 60);
    expect(green[1]).toBeGreaterThan(green[0] + 60); // green before
    await page.evaluate((t) => window.cockpit!.seek(t), alarm.t + 5 * 60_000);
    const now = await waitColour(page, p.x, p.y, (k) => k[0] > k[1] + 120);
    expect(now[0]).toBeGreaterThan(now[1] + 120); // red after: recoloured in place
    expect(now[0]).toBeGreaterThan(200);
    // the alarm is in the alert list; clicking it selects the community
    const item = page.locator('[data-testid="alerts"] .alert-alarm').filter({ hasText: red.name });
    await item.first().waitFor();
    await item.first().locator('button').click();
    await page.waitForFunction((id) => window.cockpit!.state().selection?.id === id, red.id);
    expect((await state(page)).selection).toEqual({ topic: 'communities', id: red.id });
    await page.evaluate(() => window.cockpit!.select(null));
    await page.evaluate((t) => window.cockpit!.seek(t), T);
  });

  it('English: the panel and the breadcrumb switch language; strings stay text', async () => {
    await page.evaluate(() => window.cockpit!.setLang('en'));
    await page.evaluate(() => window.cockpit!.select('districts', '410105'));
    await page.waitForFunction(() => document.querySelector('[data-testid="comm-breadcrumb"]')?.textContent?.includes('Jinshui District'));
    const text = (await page.locator('[data-testid="panel-communities"]').textContent()) ?? '';
    expect(text).toContain('Zhengzhou');
    expect(text).toContain('Red · lockdown');
    expect(await page.locator('[data-testid="panel-communities"] img, [data-testid="panel-communities"] script').count()).toBe(0);
    await page.evaluate(() => window.cockpit!.setLang('zh'));
    await page.evaluate(() => window.cockpit!.select(null));
    expect(errors.filter((e) => !harmless(e))).toEqual([]);
  });

  it('bad input: unknown tier, unknown community, a community outside its district → rejected with diagnostics', async () => {
    const snap = JSON.parse(expected.snapshotLine) as { upsert: Community[] };
    const a = snap.upsert.find((e) => e.district === '410105')!;
    const base = { topic: 'communities', ts: '2021-07-19T00:10:00+08:00' };
    const lines = [
      JSON.stringify({ topic: 'communities', seq: 1, ts: '2021-07-19T00:00:00+08:00', snapshot: true, upsert: snap.upsert }),
      JSON.stringify({ ...base, seq: 2, upsert: [{ ...a, tier: 'purple' }] }),
      JSON.stringify({ ...base, seq: 3, upsert: [{ ...a, id: '410105-9999' }] }),
      JSON.stringify({ ...base, seq: 4, upsert: [{ ...a, lon: 113.05, lat: 34.455 }] }),
      JSON.stringify({ ...base, seq: 5, upsert: [{ ...a, district: '410185' }] }),
      JSON.stringify({ ...base, seq: 6, ts: '2021-07-19T00:20:00+08:00', upsert: [{ ...a, tier: 'yellow', prev_tier: 'green', since: Date.parse('2021-07-19T00:20:00+08:00'), reason: '测试：<img src=x onerror="window.__xss=1">' }] }),
    ];
    await page.route('**/mock-data/communities-bad.ndjson', (route) => route.fulfill({ status: 200, contentType: 'application/x-ndjson', body: lines.join('\n') + '\n' }));
    await page.evaluate(() => window.cockpit!.load('/mock-data/communities-bad.ndjson'));
    const s = await waitReady(page);
    expect(s.topics.communities).toMatchObject({ accepted: 2, rejected: 4 });
    await page.evaluate(() => window.cockpit!.seek('2021-07-19T00:30:00+08:00'));
    expect((await state(page)).topics.communities.count).toBe(10806);
    await page.locator('[data-testid="feed-rejects-toggle"]').click();
    const text = (await page.locator('[data-testid="feed-rejects"]').textContent()) ?? '';
    expect(text).toContain('unknown tier "purple"');
    expect(text).toContain('unknown id "410105-9999"');
    expect(text).toContain('moved');
    expect(text).toContain('district changed from 410105 to 410185');
    // the accepted change shows, its reason as text
    await page.evaluate((id) => window.cockpit!.select('communities', id), a.id);
    await page.locator('[data-testid="comm-detail-reason"]').waitFor();
    expect(await page.locator('[data-testid="comm-detail-reason"]').textContent()).toContain('<img src=x');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});

describe('map clicks', () => {
  // Known gap (open in issue 8): the district click selects, the community click can still
  // miss in the interleaved deck.gl/MapLibre picking; the drill-down test then falls back to
  // window.cockpit.select and records the miss here.
  it('select what the pointer is on (district, then community) — no fallback to the API was needed', () => {
    // The drill-down above clicks the map where the hover tooltip names the target; when a
    // click selects nothing it carries on with window.cockpit.select and records the miss.
    expect(clickMisses).toEqual([]);
  });
});

describe('the 32-day outbreak fixture', () => {
  it('starts in a few communities, spreads and is contained: the panel follows the replay', async () => {
    const peakT = Date.parse('2021-08-12T12:00:00+08:00');
    const exp = await communitiesAt(OUTBREAK_FILE, peakT);
    const { page, errors } = await openCockpit(browser, '?fixture=communities-outbreak&layers=districts,communities');
    const s = await waitReady(page, 240_000);
    expect(s.source.rejected).toBe(0);
    expect(s.range.end - s.range.start).toBeGreaterThanOrEqual(30 * 86_400_000);
    await page.evaluate((t) => window.cockpit!.seek(t), peakT);
    await page.waitForFunction((r) => JSON.parse(document.querySelector('[data-testid="panel-communities"]')!.getAttribute('data-counts')!).red === r, exp.city[2], { timeout: 30_000 });
    const peak = await panelCounts(page);
    expect([peak.green, peak.yellow, peak.red]).toEqual(exp.city);
    expect(peak.red).toBeGreaterThan(30);
    expect(Object.values(peak.districts).filter((c) => c[2] > 0).length).toBeGreaterThanOrEqual(2);
    // many alarms on the time bar
    expect(await page.locator('[data-testid="event-marker"].ev-alarm').count()).toBeGreaterThan(20);
    // contained by the end
    await page.evaluate((t) => window.cockpit!.seek(t), s.range.end);
    await page.waitForFunction(() => JSON.parse(document.querySelector('[data-testid="panel-communities"]')!.getAttribute('data-counts')!).green === 10806, undefined, { timeout: 30_000 });
    expect(await kpis(page)).toEqual({ total: 10806, red: 0, yellow: 0, green: 10806 });
    expect(errors.filter((e) => !harmless(e))).toEqual([]);
    await page.context().close();
  }, 400_000);
});
