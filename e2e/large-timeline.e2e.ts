/**
 * A large timeline streams in with visible progress while the page keeps working: the
 * parse runs in the replay worker. The preview server streams 200k lines in chunks, like a
 * slow network would (e2e/slow-timeline.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, launch, openCockpit, waitReady } from './browser';
import { LINES, PATH, T0 } from './slow-timeline';

let url = '';
let browser: Browser;

beforeAll(async () => {
  url = `${baseURL()}${PATH}`;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
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
