/**
 * Running unattended (kiosk and wall modes, and a little everywhere): recover from a lost
 * WebGL context (the map is rebuilt on a fresh canvas at the same camera), retry a feed
 * that failed to load, and after a fatal error reload to the same state (the deep link of
 * the moment), with a guard against reload loops.
 */

const RELOADS_KEY = 'cockpit:reloads';

/** Reload times in the last 10 minutes (this tab). */
function recentReloads(): number[] {
  try {
    const xs = JSON.parse(sessionStorage.getItem(RELOADS_KEY) ?? '[]') as number[];
    return Array.isArray(xs) ? xs.filter((t) => typeof t === 'number' && Date.now() - t < 600_000) : [];
  } catch {
    return [];
  }
}

/**
 * Reloads to `url` after a delay that grows when reloads repeat (5 s, then up to 2 min after
 * five reloads in ten minutes). Returns the delay, ms.
 */
export function reloadSoon(url: string, reason: string, show?: (text: string) => void): number {
  const recent = recentReloads();
  const delay = recent.length >= 5 ? 120_000 : 5_000 * 2 ** Math.max(0, recent.length - 1);
  console.error(`cockpit: fatal: ${reason} — reloading in ${Math.round(delay / 1000)} s`);
  show?.(`${reason} — reloading in ${Math.round(delay / 1000)} s / ${Math.round(delay / 1000)} 秒后自动重新加载`);
  setTimeout(() => {
    try {
      sessionStorage.setItem(RELOADS_KEY, JSON.stringify([...recent, Date.now()]));
    } catch {
      /* private mode */
    }
    location.replace(url);
  }, delay);
  return delay;
}

/** Retry delays for a feed that failed: 5 s, 10 s, 20 s … at most 60 s, with jitter. */
export function retryDelay(attempt: number, random = Math.random): number {
  const base = Math.min(60_000, 5_000 * 2 ** attempt);
  return Math.round(base * (0.75 + 0.5 * random()));
}

/**
 * Watches a WebGL canvas for a lost context. `onLost` runs at once. When the browser
 * restores the context, the map controller rebuilds its GPU side in place (mapController.ts)
 * and `onRestored` runs; when it does not within `waitMs` (a context lost for good, or by
 * WEBGL_lose_context without a restore), `rebuild` makes a fresh map on a fresh canvas.
 * Returns a function that stops watching.
 */
export function watchContext(canvas: HTMLCanvasElement, onLost: () => void, rebuild: () => void, onRestored: () => void = () => {}, waitMs = 3000): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const lost = (e: Event) => {
    e.preventDefault(); // allow the browser to restore it
    onLost();
    timer = setTimeout(() => {
      timer = null;
      rebuild();
    }, waitMs);
  };
  const restored = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    onRestored();
  };
  canvas.addEventListener('webglcontextlost', lost);
  canvas.addEventListener('webglcontextrestored', restored);
  return () => {
    if (timer) clearTimeout(timer);
    canvas.removeEventListener('webglcontextlost', lost);
    canvas.removeEventListener('webglcontextrestored', restored);
  };
}
