/**
 * Debian Chromium for the benchmark, with the flags of the e2e tests (e2e/chromium.ts).
 * One fresh browser per measured run: clean processes, so the renderer's peak memory (VmHWM)
 * and CPU time belong to that run only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/chromium';

export { CHROMIUM };
/** the pages' viewport: the 1920×1080 design; quick mode uses 1280×720 (software WebGL draws fewer pixels) */
export const VIEWPORT = { width: 1920, height: 1080 };
export function useViewport(v: { width: number; height: number }): void {
  VIEWPORT.width = v.width;
  VIEWPORT.height = v.height;
}
const INIT = readFileSync(resolve(import.meta.dirname, 'page-init.js'), 'utf8');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: false,
    args: [
      ...CHROMIUM_ARGS,
      // performance.memory with exact figures (not bucketed)
      '--enable-precise-memory-info',
    ],
  });
}

export interface Opened {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  errors: string[];
  /** .js responses: url, bytes on the wire (uncompressed body length), ms after navigation started */
  scripts: { url: string; at: number }[];
  navStart: number;
  close(): Promise<void>;
}

/** A fresh browser and page, offline (only localhost), with the bench init script. */
export async function openPage(): Promise<Omit<Opened, 'navStart'> & { goto(url: string): Promise<number> }> {
  const browser = await launch();
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  const scripts: { url: string; at: number }[] = [];
  let navStart = 0;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  context.on('response', (r) => {
    const url = r.url();
    if (/\.m?js(\?|$)/.test(url)) scripts.push({ url, at: performance.now() - navStart });
  });
  await page.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/]).*/, (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    errors.push(`blocked external request: ${url}`);
    return route.abort();
  });
  await page.addInitScript(INIT);
  const cdp = await context.newCDPSession(page);
  return {
    browser,
    context,
    page,
    cdp,
    errors,
    scripts,
    async goto(url: string) {
      navStart = performance.now();
      try {
        await page.goto(url, { waitUntil: 'commit' });
      } catch (e) {
        // one retry: a shared machine's server hiccup is not a result
        await new Promise((r) => setTimeout(r, 3000));
        navStart = performance.now();
        await page.goto(url, { waitUntil: 'commit' }).catch(() => {
          throw e;
        });
      }
      return navStart;
    },
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

export interface ProcInfo {
  type: string;
  pid: number;
  cpuTime: number;
}

/** Chromium's processes (browser, renderer, GPU …) with their CPU seconds so far. */
export async function processes(browser: Browser): Promise<ProcInfo[]> {
  const s = await browser.newBrowserCDPSession();
  try {
    const r = (await s.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
    return r.processInfo.map((p) => ({ type: p.type, pid: p.id, cpuTime: p.cpuTime }));
  } finally {
    await s.detach().catch(() => {});
  }
}

/** Peak and current resident memory (MB) of a process, from /proc. */
export function procMemory(pid: number): { hwmMB: number; rssMB: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? NaN);
    return { hwmMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
  } catch {
    return { hwmMB: NaN, rssMB: NaN };
  }
}

/** The renderer with the largest peak memory (the page's; others are spares). */
export async function rendererMemory(browser: Browser): Promise<{ hwmMB: number; rssMB: number }> {
  const ps = (await processes(browser)).filter((p) => p.type === 'renderer');
  let best = { hwmMB: NaN, rssMB: NaN };
  for (const p of ps) {
    const m = procMemory(p.pid);
    if (!(m.hwmMB <= best.hwmMB)) best = m;
  }
  return best;
}

/** CPU seconds per process type (renderer, GPU, browser, utility) at this moment. */
export async function cpuByType(browser: Browser): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const p of await processes(browser)) out[p.type] = (out[p.type] ?? 0) + p.cpuTime;
  return out;
}

export function cpuDelta(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) out[k] = Math.round(((b[k] ?? 0) - (a[k] ?? 0)) * 1000) / 1000;
  return out;
}

/** JS heap of the page's main thread after a full GC (MB), and DOM counters. */
export async function heapAfterGc(cdp: CDPSession): Promise<{ heapMB: number; nodes: number; listeners: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const d = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  return { heapMB: h.usedSize / 1e6, nodes: d.nodes, listeners: d.jsEventListeners };
}

// ---- CPU profiles: top self-time functions ------------------------------------------------

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
}

export async function stopProfile(cdp: CDPSession): Promise<CpuProfile> {
  const r = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  return r.profile;
}

export interface SelfTime {
  fn: string;
  where: string;
  ms: number;
  share: number;
}

/** Self time per function (name + file:line), largest first. */
export function topSelf(p: CpuProfile, k = 12): SelfTime[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { fn: string; where: string; us: number }>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i]);
    const dt = p.timeDeltas[i] ?? 0;
    if (!node) continue;
    total += dt;
    const cf = node.callFrame;
    const file = cf.url ? cf.url.replace(/^.*\//, '').replace(/\?.*$/, '') : '';
    const where = file ? `${file}:${cf.lineNumber + 1}` : '';
    const key = `${cf.functionName}|${where}`;
    const e = self.get(key) ?? { fn: cf.functionName || '(anonymous)', where, us: 0 };
    e.us += dt;
    self.set(key, e);
  }
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, k)
    .map((e) => ({ fn: e.fn, where: e.where, ms: Math.round(e.us / 100) / 10, share: Math.round((e.us / total) * 1000) / 10 }));
}
