/**
 * The 120 lifeline in Debian Chromium, on the 20 July 2021 evening fixture: ambulances move
 * on the roads between reports (interpolated, not frozen between them); seeking into an
 * active transport finds an ambulance on its route between the scene and the hospital;
 * selecting it subscribes the ECG, whose strip moves as the clock plays (and only that
 * ambulance's ECG arrives); the panel shows calls waiting and ambulances by status; bad
 * reports (a jump across the city, a fix from the future or the past, an unknown id) are
 * rejected with diagnostics in feed health.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openCockpit, state, waitReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const T0 = '2021-07-20T18:00:00+08:00';

interface Found {
  id: string;
  trip: string;
  hosp: string;
  t: number;
}

/** An ambulance carrying a monitored patient to hospital at the current time, if any. */
async function findMonitoredTransport(page: Page): Promise<Found | null> {
  return page.evaluate(() => {
    const list = window.cockpit!.entities('ambulances') as { id: string; status: string; ecg?: boolean; trip?: string; hosp?: string; eta?: number }[];
    const t = window.cockpit!.state().time;
    const a = list.find((e) => e.status === 'to_hospital' && e.ecg && e.trip && e.hosp && (e.eta ?? 0) > t + 90_000);
    return a ? { id: a.id, trip: a.trip!, hosp: a.hosp!, t } : null;
  });
}

describe('120 ambulances: the 20 July evening', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openCockpit(browser, `?fixture=ambulances-2021-07-20-evening&layers=districts,ambulances&t=${encodeURIComponent(T0)}`));
    const s = await waitReady(page, 170_000);
    expect(s.source.state).toBe('ready');
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('hundreds of ambulances, calls, hospitals; every line accepted; the panel counts them', async () => {
    const s = await state(page);
    expect(s.topics.ambulances.count).toBeGreaterThan(200);
    expect(s.topics.ambulances.rejected).toBe(0);
    expect(s.topics.hospitals.count).toBeGreaterThan(15);
    expect(s.topics.calls.count).toBeGreaterThan(10);
    // the ECG is selective: nothing is selected, so no ECG has been delivered
    expect(s.topics.ecg?.count ?? 0).toBe(0);
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="panel-ambulances"]')?.dataset.time) > 0, undefined, { timeout: 30_000 });
    const panel = await page.locator('[data-testid="panel-ambulances"]').evaluate((el: HTMLElement) => ({ byStatus: JSON.parse(el.dataset.byStatus ?? '{}') as Record<string, number>, waiting: Number(el.dataset.waiting) }));
    const total = Object.values(panel.byStatus).reduce((a, b) => a + b, 0);
    expect(total).toBe(s.topics.ambulances.count);
    expect(panel.byStatus.to_hospital).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="panel-ambulances"]').textContent()).toContain('模拟');
  });

  it('an ambulance in an active transport lies on its route between scene and hospital, and moves along it', async () => {
    // step through the evening until a monitored transport is under way
    let found: Found | null = null;
    for (let k = 0; k < 24 && !found; k++) {
      await page.evaluate((t) => window.cockpit!.seek(t), Date.parse(T0) + k * 10 * 60_000);
      found = await findMonitoredTransport(page);
    }
    expect(found).not.toBeNull();
    const f = found!;
    const geo = await page.evaluate((f) => {
      const trip = (window.cockpit!.entities('amb-trips') as { id: string; path: number[]; leg: string; hosp?: string }[]).find((x) => x.id === f.trip)!;
      const hosp = (window.cockpit!.entities('hospitals') as { id: string; lon: number; lat: number }[]).find((h) => h.id === f.hosp)!;
      return { path: trip.path, leg: trip.leg, tripHosp: trip.hosp, hosp };
    }, f);
    expect(geo.leg).toBe('to_hospital');
    expect(geo.tripHosp).toBe(f.hosp);
    // the drawn position (interpolated in the layer) is on the route: within metres of a segment
    const onRoute = (p: [number, number]) => {
      let best = Infinity;
      for (let i = 0; i + 3 < geo.path.length; i += 2) {
        const [ax, ay, bx, by] = [geo.path[i], geo.path[i + 1], geo.path[i + 2], geo.path[i + 3]];
        const kx = 111_320 * Math.cos((ay * Math.PI) / 180);
        const [px, py, qx, qy, rx, ry] = [(p[0] - ax) * kx, (p[1] - ay) * 110_540, (bx - ax) * kx, (by - ay) * 110_540, 0, 0];
        void rx;
        void ry;
        const L = qx * qx + qy * qy;
        const u = L > 0 ? Math.max(0, Math.min(1, (px * qx + py * qy) / L)) : 0;
        best = Math.min(best, Math.hypot(px - u * qx, py - u * qy));
      }
      return best;
    };
    // the position the layer draws (interpolated), as the detail panel shows it
    await page.evaluate((id) => window.cockpit!.select('ambulances', id), f.id);
    const at = async (t: number): Promise<[number, number]> => {
      await page.evaluate((t) => window.cockpit!.seek(t), t);
      await page.waitForFunction((t) => Number(document.querySelector<HTMLElement>('[data-testid="amb-detail"]')?.dataset.t) === t, t, { timeout: 30_000, polling: 100 });
      return page.locator('[data-testid="amb-detail"]').evaluate((el: HTMLElement) => [Number(el.dataset.lon), Number(el.dataset.lat)] as [number, number]);
    };
    const p0 = await at(f.t);
    expect(p0).not.toBeNull();
    expect(onRoute(p0!)).toBeLessThan(15);
    // 20 s later it has moved along the roads (interpolated between reports), still on the route
    const p1 = await at(f.t + 20_000);
    await at(f.t);
    expect(onRoute(p1!)).toBeLessThan(15);
    const moved = Math.hypot((p1![0] - p0![0]) * 91_000, (p1![1] - p0![1]) * 110_540);
    expect(moved).toBeGreaterThan(5);
    expect(moved).toBeLessThan(60 * 20 + 50);
    // the scene (the trip's start) and the hospital are the two ends of the route
    const end: [number, number] = [geo.path[geo.path.length - 2], geo.path[geo.path.length - 1]];
    expect(Math.hypot((end[0] - geo.hosp.lon) * 91_000, (end[1] - geo.hosp.lat) * 110_540)).toBeLessThan(3000);
    (globalThis as { __found?: Found }).__found = f;
  });

  it('selecting it shows task, hospital, ETA and the live ECG strip, which moves as the clock plays', async () => {
    const f = (globalThis as { __found?: Found }).__found!;
    expect(f).toBeTruthy();
    await page.evaluate((id) => window.cockpit!.select('ambulances', id), f.id);
    await page.waitForSelector('[data-testid="amb-detail"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="amb-ecg-canvas"]', { timeout: 30_000 });
    const eta0 = Number(await page.locator('[data-testid="amb-eta"]').getAttribute('data-eta-ms'));
    expect(eta0).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="amb-dest"]').textContent()).toMatch(/医院|中心|院区/);
    await page.evaluate(() => {
      window.cockpit!.setSpeed(4);
      window.cockpit!.play();
    });
    const read = () => page.locator('[data-testid="amb-ecg-canvas"]').evaluate((c: HTMLCanvasElement) => ({ tEnd: Number(c.dataset.tEnd), samples: Number(c.dataset.samples), lastT0: Number(c.dataset.lastT0), png: c.toDataURL().length + ':' + c.toDataURL().slice(-200) }));
    // ECG batches arrive (only this ambulance's), the strip fills and scrolls with the clock
    await page.waitForFunction(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="amb-ecg-canvas"]')?.dataset.samples) > 250, undefined, { timeout: 60_000, polling: 200 });
    const a = await read();
    await page.waitForFunction((t) => Number(document.querySelector<HTMLCanvasElement>('[data-testid="amb-ecg-canvas"]')?.dataset.tEnd) > t + 1500, a.tEnd, { timeout: 60_000, polling: 200 });
    const b = await read();
    expect(b.lastT0).toBeGreaterThan(a.lastT0);
    expect(b.png).not.toBe(a.png);
    const ecgIds = await page.evaluate(() => (window.cockpit!.entities('ecg', ['t0']) as { id: string }[]).map((e) => e.id));
    expect(ecgIds).toEqual([f.id]);
    const eta1 = Number(await page.locator('[data-testid="amb-eta"]').getAttribute('data-eta-ms'));
    expect(eta1).toBeLessThan(eta0);
    expect(await page.locator('[data-testid="amb-vitals"]').textContent()).toMatch(/\d+/);
    await page.evaluate(() => window.cockpit!.pause());
    expect(errors.filter((e) => !/GPU stall|ReadPixels/.test(e))).toEqual([]);
  });
});

describe('120 ambulances: bad reports', () => {
  it('a jump across the city, a fix from the future or the past and an unknown id are rejected with diagnostics, never drawn', async () => {
    const { page } = await openCockpit(browser, `?timeline=${encodeURIComponent('/mock-data/ambulances-bad.ndjson')}&layers=ambulances`);
    try {
      const s = await waitReady(page, 60_000);
      expect(s.source.state).toBe('ready');
      expect(s.topics.ambulances.rejected).toBe(4);
      expect(s.topics.ambulances.accepted).toBe(4);
      await page.locator('[data-testid="feed-rejects-toggle"]').click();
      const text = await page.locator('[data-testid="feed-rejects"]').textContent();
      expect(text).toMatch(/jumps/);
      expect(text).toMatch(/future/);
      expect(text).toMatch(/past/);
      expect(text).toMatch(/unknown id "A999"/);
      // the last good report is where the ambulance is drawn
      await page.evaluate(() => window.cockpit!.seek('2021-07-20T18:10:00+08:00'));
      const e = await page.evaluate(() => (window.cockpit!.entities('ambulances') as { id: string; lon: number; lat: number }[]).find((x) => x.id === 'A001'));
      expect(e!.lon).toBeCloseTo(113.6601, 3);
      expect(e!.lat).toBeCloseTo(34.7551, 3);
    } finally {
      await page.context().close();
    }
  });
});
