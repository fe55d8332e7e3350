/**
 * The Content-Security-Policy of the served cockpit, generated from its configuration.
 *
 * `config.json` is read at run time, so the policy is too: whatever serves the build (the
 * Vite preview server, the reference live server, or a reverse proxy fed by
 * `npx tsx server/csp.ts dist/config.json`) computes the header from the same file the
 * cockpit reads. Scripts only from the cockpit's own origin (no inline script, no eval),
 * `connect-src` limited to the cockpit's origin and the origins the configuration names
 * (the live source, its snapshot, the basemap style, and `csp.connect` for the origins a
 * style's tiles and glyphs come from). A URL parameter pointing the cockpit elsewhere is
 * refused by the browser. See SECURITY.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

interface ConfigLike {
  source?: { url?: unknown; snapshotUrl?: unknown };
  basemap?: { style?: unknown };
  controlOrigins?: unknown;
  /** extra origins for connect-src (e.g. a tile server named inside the style) */
  csp?: { connect?: unknown };
}

/** The origin of an absolute URL (ws/wss/http/https/mqtt over ws), or null for a relative one. */
export function originOf(url: unknown): string | null {
  if (typeof url !== 'string' || !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return null;
  try {
    const u = new URL(url);
    if (!/^(https?|wss?):$/.test(u.protocol)) return null;
    return u.origin;
  } catch {
    return null;
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A CSP source expression must not smuggle in another directive. */
const safe = (s: string) => /^[a-z][a-z0-9+.-]*:\/\/[a-z0-9.\-[\]:]+$/i.test(s);

/**
 * `extraConnect`: more connect-src sources from the serving side (e.g. the reference live
 * server on loopback allows `ws://127.0.0.1:*` for a local MQTT broker).
 */
export function cspFor(config: unknown, extraConnect: readonly string[] = []): string {
  const c = (config && typeof config === 'object' ? config : {}) as ConfigLike;
  const connect = new Set<string>(["'self'", 'data:', 'blob:']);
  for (const x of extraConnect) if (/^(https?|wss?):\/\/[a-z0-9.\-[\]]+(:(\d+|\*))?$/i.test(x)) connect.add(x);
  for (const u of [c.source?.url, c.source?.snapshotUrl, c.basemap?.style, ...strings(c.csp?.connect)]) {
    const o = originOf(u);
    if (o && safe(o)) connect.add(o);
  }
  const ancestors = new Set<string>(["'self'"]);
  for (const o of strings(c.controlOrigins)) {
    const origin = originOf(o);
    if (origin && safe(origin)) ancestors.add(origin);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    // React, ECharts and MapLibre position elements with inline styles; styles cannot run code
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${[...connect].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    `frame-ancestors ${[...ancestors].join(' ')}`,
  ].join('; ');
}

/** The policy for a build directory's config.json (read on every call: it may change). */
export function cspForFile(configPath: string, extraConnect: readonly string[] = []): string {
  let config: unknown = {};
  try {
    config = JSON.parse(readFileSync(configPath, 'utf8'));
  } catch {
    /* no or bad config.json: the cockpit uses its defaults, all on its own origin */
  }
  return cspFor(config, extraConnect);
}

/**
 * Vite plugin: `vite preview` (and the e2e suite, which serves the build with it) sends the
 * policy and a few hardening headers with every response; source maps are never served.
 */
export function cspPreview(): Plugin {
  let outDir = 'dist';
  return {
    name: 'cockpit-csp',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0].endsWith('.map')) {
          res.statusCode = 404;
          res.end('source maps are not served');
          return;
        }
        res.setHeader('content-security-policy', cspForFile(`${outDir}/config.json`));
        res.setHeader('x-content-type-options', 'nosniff');
        res.setHeader('referrer-policy', 'no-referrer');
        next();
      });
    },
  };
}

// `npx tsx server/csp.ts dist/config.json` prints the header for a reverse proxy
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(cspForFile(process.argv[2] ?? 'dist/config.json'));
}
