/**
 * A large timeline streams in with visible progress while the page keeps working: the
 * parse runs in the replay worker. A real HTTP server (another port, CORS) streams 200k
 * lines in chunks, like a slow network would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launch, openCockpit, waitReady } from './browser';

const LINES = 200_000;
const T0 = Date.parse('2021-07-20T00:00:00+08:00');
let server: Server;
let url = '';
let browser: Browser;

function line(i: number): string {
  return JSON.stringify({ topic: 'probes', seq: i + 1, ts: T0 + i * 400, upsert: [{ id: `p${i % 997}`, lon: 113.6 + (i % 997) / 10_000, lat: 34.75, v: i % 100 }] });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('content-type', 'application/x-ndjson');
    let size = 0;
    for (let i = 0; i < LINES; i++) size += line(i).length + 1;
    res.setHeader('content-length', String(size));
    // 20 chunks, 150 ms apart
    const per = LINES / 20;
    for (let c = 0; c < 20; c++) {
      let chunk = '';
      for (let i = c * per; i < (c + 1) * per; i++) chunk += line(i) + '\n';
      res.write(chunk);
      await new Promise((r) => setTimeout(r, 150));
    }
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big.ndjson`;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('a large timeline', () => {
  it('shows loading progress and keeps the page responsive, then plays', async () => {
    const { page, errors } = await openCockpit(browser);
    await waitReady(page);
    // let the first frames (shader compilation on software GL) pass before measuring
    await page.waitForFunction(() => performance.getEntriesByName('cockpit:first-frame').length > 0, undefined, { timeout: 60_000 });
    await page.waitForTimeout(3000);
    const loading = page.evaluate((u) => window.cockpit!.load(u), url);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = await page.evaluate(() => ({
        state: window.cockpit!.state().source.state,
        text: document.querySelector('[data-testid="loading"]')?.textContent ?? '',
      }));
      if (s.text) seen.add(s.text);
      if (s.state !== 'loading') break;
      await page.waitForTimeout(100);
    }
    await loading;
    const s = await page.evaluate(() => window.cockpit!.state());
    expect(s.source).toMatchObject({ state: 'ready', lines: LINES, accepted: LINES, rejected: 0 });
    // progress moved on screen several times: the main thread kept handling messages
    const percents = [...seen].map((t) => /(\d+)%/.exec(t)?.[1]).filter(Boolean);
    expect(new Set(percents).size).toBeGreaterThanOrEqual(3);
    expect(s.topics.probes.count).toBeGreaterThan(0);
    await page.evaluate((t) => window.cockpit!.seek(t), T0 + 60_000_000);
    expect((await page.evaluate(() => window.cockpit!.state())).topics.probes.count).toBe(997);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
