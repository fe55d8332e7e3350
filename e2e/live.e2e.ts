/**
 * Live mode against the reference live server (server/live.ts) and a real Mosquitto
 * broker: every source kind converges to the server's state; faults (server killed and
 * restarted, a 30 s outage, duplicated / out-of-order / malformed messages, the broker
 * restarted) leave the cockpit equal to the server, with the rejects counted; an
 * unreachable URL is shown and retried; a recorded session replays to the same states.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openCockpit, state } from './browser';
import { startLiveServer } from '../server/live';
import { buildFixture, FIXTURES } from '../mock-data/fixtures';
import { mosquittoPub, startBroker, type Broker } from './mosquitto';

const AT = '2021-07-20T15:00:00+08:00';
const SPEED = 60; // story minutes per wall second: a 5-minute step every 5 s
const MQTT_PORT = 18830 + (process.pid % 500);
const WS_PORT = MQTT_PORT + 1000;
let lines: string[];
let epoch: number;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let port = 0;
let browser: Browser;
let broker: Broker;

async function start(): Promise<void> {
  server = await startLiveServer({ fixture: FIXTURE, dist: process.env.COCKPIT_DIST ?? 'dist', port, at: AT, epoch, speed: SPEED, lines, faults: true, quiet: true, mqtt: `mqtt://127.0.0.1:${MQTT_PORT}` });
  port = server.port;
}

// the transport tests use the flood story (small, every topic of it moves each 5 minutes);
// the whole city (every layer's topics) is checked once at the end
const FIXTURE = 'rainstorm-2021-07-20';
beforeAll(async () => {
  lines = buildFixture(FIXTURES.find((f) => f.name === FIXTURE)!);
  epoch = Date.now();
  broker = await startBroker(MQTT_PORT, WS_PORT);
  await start();
  browser = await launch();
}, 240_000);
/**
 * Each test starts the story again at AT: the flood story's hotspots change every 5 minutes
 * only while the water moves (15:00–18:25 on 20 July; still until 23:10), so a test that
 * waits for the city to move must not depend on how long the tests before it took (at 60×
 * the quiet stretch begins 205 s of wall time after the start: a slower machine reached it).
 */
beforeEach(async () => {
  if (!server) return;
  await server.close();
  epoch = Date.now();
  await start();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await broker?.stop();
});

/** Only the flood layer draws: the test is about data, and software GL is slow. */
const LAYERS = '&layers=waterlogging';

/**
 * Waits until the cockpit holds exactly the server's state (sequence numbers, ids per
 * topic, hotspot depths). The story is held still meanwhile, so a slow machine compares
 * one state, not a moving one; it resumes afterwards.
 */
async function converged(page: Page, timeoutMs = 90_000, keepPaused = false): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  let ok = false;
  server.pause();
  try {
    const seqs = server.city.seqs();
    while (Date.now() < until) {
      const s = await state(page);
      const behind = Object.entries(seqs).filter(([t, q]) => s.topics[t]?.seq !== q);
      if (behind.length) {
        last = `seqs differ: ${behind.map(([t, q]) => `${t} ${s.topics[t]?.seq}≠${q}`).join(', ')}`;
        await page.waitForTimeout(250);
        continue;
      }
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const diff: string[] = [];
      for (const topic of Object.keys(seqs)) {
        const want = server.city.entities(topic).map((e) => String(e.id)).sort();
        const got = ((await page.evaluate((t) => window.cockpit!.entities(t, []), topic)) as { id: string }[]).map((e) => e.id).sort();
        if (want.join() !== got.join()) diff.push(`${topic}: ${got.length} vs ${want.length} entities`);
      }
      const depthWant = Object.fromEntries(server.city.entities('hotspots').map((e) => [e.id, e.depth_cm]));
      const depthGot = (await page.evaluate(() => window.cockpit!.entities('hotspots', ['depth_cm']))) as { id: string; depth_cm: number }[];
      for (const e of depthGot) if (depthWant[e.id] !== e.depth_cm) diff.push(`hotspot ${e.id}: ${e.depth_cm} vs ${String(depthWant[e.id])}`);
      if (!diff.length) {
        ok = true;
        return;
      }
      last = diff.slice(0, 5).join('; ');
      await page.waitForTimeout(250);
    }
  } finally {
    if (!(ok && keepPaused)) server.resume();
  }
  throw new Error(`the cockpit did not converge to the server's state: ${last}`);
}

async function waitLive(page: Page, timeoutMs = 120_000): Promise<number> {
  const t0 = Date.now();
  await page.waitForFunction(() => window.cockpit?.state().source.state === 'ready', undefined, { timeout: timeoutMs, polling: 100 });
  return Date.now() - t0;
}

const reconnects: Record<string, number> = {};

/** What the browser itself logs while a server is down (not errors of the cockpit). */
const networkNoise = (e: string) => /Failed to load resource|net::ERR_|WebSocket connection to .* failed/.test(e);

describe('live sources against the reference server', () => {
  for (const kind of ['sse', 'ws', 'http'] as const) {
    it(`${kind}: the cockpit shows LIVE, follows the wall clock and converges to the server's state`, async () => {
      const url = kind === 'sse' ? '/api/stream' : kind === 'ws' ? '/api/ws' : '/api/snapshot';
      const { page, errors } = await openCockpit(browser, `?source=${kind}&url=${url}&poll=500${LAYERS}`, undefined, server.base);
      await waitLive(page);
      expect(await page.locator('[data-testid="source-badge"]').textContent()).toBe('实时');
      await converged(page);
      // the city moves: a later state arrives and is matched again
      const seq0 = server.city.seqs().hotspots;
      await page.waitForFunction((q) => (window.cockpit!.state().topics.hotspots?.seq ?? 0) > q, seq0, { timeout: 30_000 });
      await converged(page);
      const s = await state(page);
      expect(Math.abs(s.time - Date.now())).toBeLessThan(5_000); // the data clock is the wall clock
      expect(s.topics.hotspots.status).toBe('live');
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('mqtt: over Mosquitto (WebSocket listener), with an outside publisher and a broker restart', async () => {
    const { page, errors } = await openCockpit(browser, `?source=mqtt&url=ws://127.0.0.1:${WS_PORT}&snapshot=${encodeURIComponent(`${server.base}/api/snapshot`)}${LAYERS}`, undefined, server.base);
    await waitLive(page);
    await converged(page);
    // an outside publisher: a malformed message and a topic no layer draws
    await mosquittoPub(MQTT_PORT, 'cockpit/air-quality', JSON.stringify({ seq: 1, ts: Date.now(), upsert: [{ id: 'AQ1', lon: 113.65, lat: 34.75, pm25: 42 }] }));
    await mosquittoPub(MQTT_PORT, 'cockpit/hotspots', '{"seq": oops');
    await page.waitForFunction(() => window.cockpit!.state().topics['air-quality']?.count === 1, undefined, { timeout: 15_000 });
    await page.waitForFunction(() => Object.values(window.cockpit!.state().topics).some((t) => /malformed JSON/.test(t.lastError ?? '')), undefined, { timeout: 15_000 });
    // the broker goes away and comes back
    await broker.stop();
    await page.waitForFunction(() => window.cockpit!.state().source.state === 'error', undefined, { timeout: 30_000 });
    const t0 = Date.now();
    await broker.restart();
    await waitLive(page);
    reconnects.mqtt = Date.now() - t0;
    await converged(page);
    expect(errors.filter((e) => !networkNoise(e))).toEqual([]);
    await page.context().close();
  });
});

describe('faults', () => {
  it('the server killed and restarted: the cockpit says so, reconnects and equals the server again', async () => {
    const { page, errors } = await openCockpit(browser, `?source=sse&url=/api/stream${LAYERS}`, undefined, server.base);
    await waitLive(page);
    await converged(page);
    await server.close();
    await page.waitForFunction(() => window.cockpit!.state().source.state === 'error', undefined, { timeout: 30_000 });
    await page.locator('[data-testid="load-error"]').waitFor();
    await page.waitForTimeout(3000); // the city moves on while the server is down
    const t0 = Date.now();
    await start();
    await waitLive(page);
    reconnects.sseRestart = Date.now() - t0;
    await converged(page);
    expect(errors.filter((e) => !networkNoise(e))).toEqual([]);
    await page.context().close();
  });

  it('a 30 s outage: shown, retried, and nothing stays wrong after', async () => {
    const { page } = await openCockpit(browser, `?source=ws&url=/api/ws${LAYERS}`, undefined, server.base);
    await waitLive(page);
    await converged(page);
    await fetch(`${server.base}/api/admin/outage?ms=30000`, { method: 'POST' });
    await page.waitForFunction(() => window.cockpit!.state().source.state === 'error', undefined, { timeout: 15_000 });
    expect(await page.locator('[data-testid="feed-error"]').textContent()).toMatch(/retrying|reconnecting/);
    const t0 = Date.now();
    await waitLive(page, 90_000);
    reconnects.wsOutage30s = Date.now() - t0;
    await converged(page);
    await page.context().close();
  });

  it('duplicated, out-of-order and malformed messages are rejected with reasons; the state still equals the server', async () => {
    const { page, errors } = await openCockpit(browser, `?source=sse&url=/api/stream${LAYERS}`, undefined, server.base);
    await waitLive(page);
    await converged(page);
    const rejectsMatching = (re: string) =>
      page.waitForFunction((src) => Object.values(window.cockpit!.state().topics).some((t) => t.rejected > 0 && new RegExp(src).test(t.lastError ?? '')), re, { timeout: 90_000, polling: 200 });
    await fetch(`${server.base}/api/admin/duplicate?n=6`, { method: 'POST' });
    await rejectsMatching('duplicate');
    await fetch(`${server.base}/api/admin/malformed?every=10`, { method: 'POST' });
    await rejectsMatching('malformed JSON');
    await fetch(`${server.base}/api/admin/malformed?every=0`, { method: 'POST' });
    await fetch(`${server.base}/api/admin/reorder?n=2`, { method: 'POST' });
    // out of order: the later message shows a gap (resync); the earlier one is then stale
    await page.waitForFunction(() => Object.values(window.cockpit!.state().topics).some((t) => t.gaps > 0), undefined, { timeout: 90_000, polling: 200 });
    await converged(page);
    await page.locator('[data-testid="feed-rejects-toggle"]').click();
    const text = (await page.locator('[data-testid="feed-rejects"]').textContent()) ?? '';
    expect(text).toMatch(/duplicate/);
    expect(text).toMatch(/malformed JSON/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an unreachable source URL shows a clear error and keeps retrying', async () => {
    const { page } = await openCockpit(browser, `?source=sse&url=${encodeURIComponent('http://127.0.0.1:9/api/stream')}${LAYERS}`, undefined, server.base);
    await page.locator('[data-testid="load-error"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="load-error"]').textContent()).toMatch(/127\.0\.0\.1:9/);
    const first = (await state(page)).source.error;
    expect(first).toMatch(/retrying in|reconnecting…/); // between attempts, or during one
    await page.waitForFunction((e) => window.cockpit!.state().source.error !== e, first, { timeout: 30_000 });
    await page.context().close();
  });
});

describe('the whole city', () => {
  it('every layer\'s topics of the default story converge over SSE', async () => {
    // real time: the 1 Hz ambulance reports then move at road speeds (at 60× a report a wall
    // second covers a story minute, and a fast vehicle is rightly flagged as a jump)
    const city = await startLiveServer({ dist: process.env.COCKPIT_DIST ?? 'dist', port: 0, at: AT, speed: 1, quiet: true, mqtt: undefined });
    try {
      const { page, errors } = await openCockpit(browser, `?source=sse&url=/api/stream${LAYERS}`, undefined, city.base);
      await waitLive(page);
      const prev = server;
      server = city;
      try {
        await converged(page, 120_000);
      } finally {
        server = prev;
      }
      const s = await state(page);
      for (const [topic, t] of Object.entries(s.topics)) expect(t.rejected, `${topic}: ${t.lastError}`).toBe(0);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await city.close();
    }
  });
});

describe('record and replay', () => {
  it('a recorded live session replays to the same states', async () => {
    const { page, errors } = await openCockpit(browser, `?source=sse&url=/api/stream&record=1${LAYERS}`, undefined, server.base);
    await waitLive(page);
    await page.waitForFunction(() => window.cockpit!.state().source.state === 'ready');
    await converged(page);
    const seq0 = server.city.seqs().hotspots;
    await page.waitForFunction((q) => (window.cockpit!.state().topics.hotspots?.seq ?? 0) >= q + 2, seq0, { timeout: 60_000 });
    await converged(page, 90_000, true); // the story stays still until the recording stops
    const liveDepths = await page.evaluate(() => window.cockpit!.entities('hotspots', ['depth_cm', 'level']));
    const liveCounts = Object.fromEntries(Object.entries((await state(page)).topics).map(([t, v]) => [t, v.count]));
    const rec = await page.evaluate(() => window.cockpit!.stopRecording());
    server.resume();
    expect(rec!.messages).toBeGreaterThan(3);
    // play the recording back in the same cockpit
    await page.evaluate((text) => window.cockpit!.load(URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }))), rec!.text);
    const s = await state(page);
    expect(s.source).toMatchObject({ kind: 'replay', state: 'ready', rejected: 0 });
    await page.evaluate((t) => window.cockpit!.seek(t), s.range.end);
    expect(await page.evaluate(() => window.cockpit!.entities('hotspots', ['depth_cm', 'level']))).toEqual(liveDepths);
    const replayCounts = Object.fromEntries(Object.entries((await state(page)).topics).map(([t, v]) => [t, v.count]));
    // a topic with nothing in it (e.g. the ECG: no ambulance was selected, nothing was
    // subscribed or recorded) may be absent from the replay: 0 entities either way
    for (const [t, n] of Object.entries(liveCounts)) expect(replayCounts[t] ?? 0, t).toBe(n);
    expect(errors).toEqual([]);
    await page.context().close();
    console.log('reconnect times (ms):', JSON.stringify(reconnects));
  });
});
