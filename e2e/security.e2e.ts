/**
 * Security in Chromium, on the served production build (SECURITY.md):
 *  - the Content-Security-Policy is sent (generated from config.json by server/csp.ts):
 *    scripts only from the cockpit's origin, no inline script, no eval, connect-src limited to
 *    the configured origins; the cockpit runs under it without a single violation; no source
 *    map is served; a URL parameter pointing the data source at another origin is refused;
 *  - feed strings holding markup, script tags, `javascript:` links and style injections
 *    (mock-data/fixtures/hostile.ndjson) show as plain text in the selection panel, alerts,
 *    tooltips, search results, the deep link and the PNG export: no script runs (a
 *    `window.__pwned` canary) and no element is injected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launch, openCockpit, settle, waitReady } from './browser';

const MARKUP = ['<img src=x onerror=', '<script>window.__pwned=2</script>', 'javascript:window.__pwned=3', '<a href="javascript:window.__pwned=4"', '<style>body{display:none}</style>', '<svg onload='];

type Win = { __csp: string[]; __pwned?: unknown };

/** Records CSP violations from the first script on (every document of the context). */
const RECORD_CSP = () => {
  (window as unknown as Win).__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => (window as unknown as Win).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
};

describe('security', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openCockpit(browser, '?fixture=hostile&lang=en&t=2021-07-20T09:30:00%2B08:00'));
    await page.addInitScript(RECORD_CSP);
    await page.reload();
    await waitReady(page);
    await settle(page);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('serves a strict Content-Security-Policy, no source maps, and runs under it without a violation', async () => {
    const res = await fetch(`${baseURL()}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const d = Object.fromEntries(csp.split(';').map((x) => x.trim().split(/\s+/)).map(([k, ...v]) => [k, v])) as Record<string, string[]>;
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    // the default config names no other origin
    expect(d['connect-src'].filter((s) => !["'self'", 'data:', 'blob:'].includes(s))).toEqual([]);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(d['script-src']).not.toContain("'unsafe-inline'");
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script in the page
    const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(asset).toBeTruthy();
    const js = await (await fetch(`${baseURL()}${asset}`)).text();
    expect(js).not.toMatch(/sourceMappingURL=/);
    expect((await fetch(`${baseURL()}${asset}.map`)).status).toBe(404);
    expect(await page.evaluate(() => (window as unknown as Win).__csp)).toEqual([]);
  });

  it('a URL parameter cannot point the data source at another origin', async () => {
    const { page: p } = await openCockpit(browser, '');
    await p.addInitScript(RECORD_CSP);
    await p.goto(`${baseURL()}/?lang=en&timeline=${encodeURIComponent('http://127.0.0.1:9/evil.ndjson')}`);
    const s = await waitReady(p);
    expect(s.source.state).toBe('error');
    await p.locator('[data-testid="load-error"]').waitFor({ timeout: 30_000 });
    expect(await p.locator('[data-testid="load-error"]').textContent()).toMatch(/127\.0\.0\.1:9/);
    await p.context().close();
  });

  async function expectInert(where: string): Promise<void> {
    const r = await page.evaluate(() => ({
      pwned: (window as unknown as Win).__pwned,
      // elements and attributes only the hostile strings could have made
      injected: [
        ...document.querySelectorAll('#pwn-link, #pwn-div, img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript:"]'),
        ...[...document.querySelectorAll('style')].filter((s) => s.textContent?.includes('body{display:none}')),
      ].map((e) => e.outerHTML.slice(0, 120)),
      scripts: [...document.scripts].filter((s) => !s.src).length,
      bodyVisible: getComputedStyle(document.body).display !== 'none',
      csp: (window as unknown as Win).__csp,
    }));
    expect(r, where).toEqual({ pwned: undefined, injected: [], scripts: 0, bodyVisible: true, csp: [] });
  }

  it('shows hostile feed strings as text in the selection panel, alerts, deep link and PNG export', async () => {
    await page.evaluate(() => window.cockpit!.select('hotspots', 'X1'));
    const panel = page.getByTestId('selection-panel');
    await panel.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="selection-panel"]')?.textContent?.includes('<script>'), undefined, { timeout: 30_000 });
    expect(await panel.textContent()).toContain('<script>window.__pwned=2</script>');
    const alerts = (await page.getByTestId('alerts').textContent()) ?? '';
    for (const m of MARKUP) expect(alerts, m).toContain(m);
    await expectInert('selection panel and alerts');
    // the deep link of this view stays on the cockpit's origin
    const api = (await page.evaluate(() => Object.keys(window.cockpit!))) as string[];
    if (api.includes('link')) {
      const link = await page.evaluate(() => (window.cockpit as unknown as { link: () => string }).link());
      expect(new URL(link, baseURL()).origin).toBe(new URL(baseURL()).origin);
    }
    // the PNG export renders the panel (html-to-image, SVG foreignObject) under the CSP
    if (api.includes('exportPng')) {
      const png = await page.evaluate(() => (window.cockpit as unknown as { exportPng: (o: object) => Promise<{ bytes: number; dataUrl: string }> }).exportPng({ download: false }).then((r) => ({ bytes: r.bytes, head: r.dataUrl.slice(0, 22) })));
      expect(png.head).toBe('data:image/png;base64,');
      expect(png.bytes).toBeGreaterThan(10_000);
      await expectInert('PNG export');
    }
  }, 180_000);

  it('shows them as text in the tooltip and search results', async () => {
    for (const id of ['X0', 'X3', 'X4']) {
      const [lon, lat] = await page.evaluate((i) => {
        const e = window.cockpit!.entities('hotspots').find((x) => x.id === i)!;
        return [e.lon as number, e.lat as number];
      }, id);
      await page.evaluate(([lo, la]) => window.cockpit!.setCamera({ lon: lo, lat: la, zoom: 14 }), [lon, lat]);
      await settle(page, 200);
      const box = (await page.getByTestId('map-cell').boundingBox())!;
      const tip = page.getByTestId('tooltip');
      await page.waitForFunction(() => true);
      await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2 + 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForFunction((want) => document.querySelector('[data-testid="tooltip"]')?.textContent?.includes(want), id === 'X0' ? '<img src=x onerror=' : id === 'X3' ? 'javascript:window.__pwned=4' : '<style>', { timeout: 60_000, polling: 200 });
      expect(await tip.textContent()).toBeTruthy();
      await expectInert(`tooltip of ${id}`);
    }
    const input = page.getByTestId('search-input');
    await input.fill('script');
    const results = page.getByTestId('search-results');
    await results.waitFor({ timeout: 30_000 });
    expect(await results.textContent()).toContain('<script>window.__pwned=2</script>');
    await input.fill('javascript');
    await page.waitForFunction(() => document.querySelector('[data-testid="search-results"]')?.textContent?.includes('javascript:window.__pwned'), undefined, { timeout: 30_000 });
    await expectInert('search results');
    expect(errors).toEqual([]);
  }, 180_000);
});
