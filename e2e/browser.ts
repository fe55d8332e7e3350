/**
 * Debian Chromium driven by playwright-core, with the flags verified on this machine
 * (docs/toolchain.md): headless=new, SwiftShader WebGL, no background networking.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { CockpitStateView } from '../src/app/cockpit';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

export { CHROMIUM };

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: false,
    args: [...CHROMIUM_ARGS],
  });
}

export function baseURL(): string {
  return inject('baseURL');
}

export interface OpenedPage {
  page: Page;
  /** console errors and uncaught exceptions seen so far */
  errors: string[];
}

/**
 * A page in `context`, offline (anything but localhost is refused and recorded), recording
 * console errors into `errors`, opened at `base`/`query`.
 */
export async function openIn(context: BrowserContext, query: string, errors: string[], base = baseURL()): Promise<Page> {
  const page = await context.newPage();
  // waits are on conditions; on a loaded 2-core machine without GPU a camera flight and its
  // redraw can take longer than Playwright's 30 s default (tests still time out at 180 s)
  page.setDefaultTimeout(60_000);
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/]).*/, (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    errors.push(`blocked external request: ${url}`);
    return route.abort();
  });
  await page.goto(`${base}/${query}`);
  return page;
}

/** Opens the cockpit in a fresh context with only localhost reachable; records console errors. */
export async function openCockpit(browser: Browser, query = '', viewport = { width: 1920, height: 1080 }, base = baseURL()): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const errors: string[] = [];
  const page = await openIn(context, query, errors, base);
  return { page, errors };
}

export function state(page: Page): Promise<CockpitStateView> {
  return page.evaluate(() => window.cockpit!.state());
}

/** Waits until the source is ready (or failed) and returns the state. */
export async function waitReady(page: Page, timeout = 60_000): Promise<CockpitStateView> {
  await page.waitForFunction(() => {
    const s = window.cockpit?.state();
    return s && (s.source.state === 'ready' || s.source.state === 'error');
  }, undefined, { timeout, polling: 100 });
  return state(page);
}

/**
 * Waits for the map to settle after a change: MapLibre idle (tiles, labels and deck.gl
 * layers drawn), then `ms` more for symbol fades, then idle again.
 */
export async function settle(page: Page, ms = 400): Promise<void> {
  await page.evaluate(() => window.cockpit!.idle());
  await page.waitForTimeout(ms);
  await page.evaluate(() => window.cockpit!.idle());
}
