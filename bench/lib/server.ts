/**
 * Builds what the benchmark serves and serves it:
 * - the app: `vite build` into bench/.app/app-<stamp> (never the shared dist/) when its
 *   sources changed; the floor (bench/floor, its own Vite config) into bench/.app/floor-<stamp>;
 * - one Vite preview server (e2e/global-setup.ts does the same) on a free port, serving
 *   the app plus /__bench/floor/ (the floor) and /__bench/data/ (bench/fixtures).
 * With --profile both are built unminified (names in CPU profiles): *-unminified-<stamp>.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { build, preview, type Plugin, type PreviewServer } from 'vite';
import { FIXTURES } from './fixtures';

export const ROOT = resolve(import.meta.dirname, '../..');
const FLOOR = resolve(ROOT, 'bench/floor');

/** Newest modification time (ms) of the files under the given paths. */
function newest(paths: string[], skip: RegExp = /node_modules|[\\/]dist[\\/]?/): number {
  let m = 0;
  const walk = (p: string) => {
    if (!existsSync(p) || skip.test(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
    else m = Math.max(m, s.mtimeMs);
  };
  for (const p of paths) walk(resolve(ROOT, p));
  return m;
}

const APP_SOURCES = ['src', 'layers', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'mock-data/generate.ts', 'mock-data/generator', 'mock-data/catalog', 'mock-data/sim'];

export interface Builds {
  appDir: string;
  floorDir: string;
  appBuilt: boolean;
  floorBuilt: boolean;
}

/**
 * Builds live in bench/.app/<kind>-<stamp>/, stamp = newest modification time of their
 * sources: never the shared dist/ (others' e2e runs serve it), written to a temporary
 * folder and renamed when complete, and never rebuilt in place — so benchmark runs of several
 * people at once never serve each other half-written files. Builds of a kind older than the
 * current one are removed after 3 hours (a run still serving one is long finished).
 */
const BUILDS = resolve(ROOT, 'bench/.app');
const KEEP_MS = 3 * 3600_000;

function buildDir(kind: string, stamp: number): string {
  return join(BUILDS, `${kind}-${Math.floor(stamp)}`);
}

/** The newest existing build of a kind (for --no-build), or null. */
function newestBuild(kind: string): string | null {
  if (!existsSync(BUILDS)) return null;
  const dirs = readdirSync(BUILDS)
    .filter((d) => d.startsWith(`${kind}-`) && !d.includes('.tmp') && existsSync(join(BUILDS, d, 'index.html')))
    .sort((x, y) => Number(y.slice(kind.length + 1)) - Number(x.slice(kind.length + 1)));
  return dirs.length ? join(BUILDS, dirs[0]) : null;
}

function prune(kind: string, keep: string): void {
  if (!existsSync(BUILDS)) return;
  for (const d of readdirSync(BUILDS)) {
    const dir = join(BUILDS, d);
    if (!d.startsWith(`${kind}-`) || dir === keep) continue;
    if (Date.now() - statSync(dir).mtimeMs > KEEP_MS) rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `make(tmp)` and renames tmp to dir (atomic for readers); another process may win the race. */
async function buildInto(dir: string, make: (tmp: string) => Promise<void> | void): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await make(tmp);
  if (existsSync(dir)) rmSync(tmp, { recursive: true, force: true });
  else renameSync(tmp, dir);
}

export async function ensureBuilds(opts: { profile: boolean; noBuild: boolean; log: (s: string) => void }): Promise<Builds> {
  const { log } = opts;
  const rel = (p: string) => p.replace(ROOT + '/', '');
  const appKind = opts.profile ? 'app-unminified' : 'app';
  const floorKind = opts.profile ? 'floor-unminified' : 'floor';
  let appDir = buildDir(appKind, newest(APP_SOURCES));
  let appBuilt = false;
  let floorBuilt = false;
  const existing = newestBuild(appKind);
  if (!existsSync(join(appDir, 'index.html')) && opts.noBuild && existing) {
    log(`${rel(existing)} is older than its sources; --no-build: serving it anyway`);
    appDir = existing;
  } else if (!existsSync(join(appDir, 'index.html'))) {
    // the timelines the app serves (mock-data/out): generate them only if missing (others read them)
    if (!existsSync(resolve(ROOT, 'mock-data/out/default.ndjson'))) {
      log('mock-data/out has no default timeline: npm run fixtures …');
      const f = spawnSync('npm', ['run', 'fixtures', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      if (f.status !== 0) throw new Error('npm run fixtures failed');
    }
    log(`building the app${opts.profile ? ' unminified (names in profiles)' : ''} into ${rel(appDir)} …`);
    const t = performance.now();
    await buildInto(appDir, (tmp) => {
      const r = spawnSync('node_modules/.bin/vite', ['build', ...(opts.profile ? ['--minify', 'false'] : []), '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error('vite build of the app failed');
      // the build copies the timelines into <outDir>/mock-data; the server serves them from mock-data/out
      rmSync(join(tmp, 'mock-data'), { recursive: true, force: true });
    });
    log(`  built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    appBuilt = true;
  }
  prune(appKind, appDir);
  // the floor imports the layer plugins and the store's tables: rebuilt when they change
  const floorDir = buildDir(floorKind, Math.max(newest(['bench/floor'], /node_modules|[\\/]dist([\\/]|$)/), newest(['layers', 'src/store', 'src/data', 'package-lock.json'])));
  if (!existsSync(join(floorDir, 'index.html'))) {
    log(`building the floor page (${opts.profile ? 'unminified, ' : ''}${rel(floorDir)}) …`);
    await buildInto(floorDir, (tmp) => build({ configFile: join(FLOOR, 'vite.config.ts'), logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true, ...(opts.profile ? { minify: false } : {}) } }).then(() => undefined));
    floorBuilt = true;
  }
  prune(floorKind, floorDir);
  return { appDir, floorDir, appBuilt, floorBuilt };
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Serves /__bench/floor/* from the floor build and /__bench/data/* from bench/fixtures. */
function benchRoutes(floorDir: string): Plugin {
  const serve = (dir: string, rel: string, res: import('node:http').ServerResponse): boolean => {
    const file = join(dir, normalize(rel));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return false;
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('content-length', String(statSync(file).size));
    res.setHeader('cache-control', 'no-store');
    createReadStream(file).pipe(res);
    return true;
  };
  return {
    name: 'bench-routes',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0]);
        let ok = true;
        if (url === '/__bench/floor/' || url === '/__bench/floor') ok = serve(floorDir, 'index.html', res);
        else if (url.startsWith('/__bench/floor/')) ok = serve(floorDir, url.slice('/__bench/floor/'.length), res);
        else if (url.startsWith('/__bench/data/')) ok = serve(FIXTURES, url.slice('/__bench/data/'.length), res);
        else return next();
        if (!ok) {
          res.statusCode = 404;
          res.end('not found');
        }
      });
    },
  };
}

export async function serve(b: Builds): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: b.appDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    plugins: [benchRoutes(b.floorDir)],
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  return { url: url.replace(/\/$/, ''), server };
}
