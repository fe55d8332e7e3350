/**
 * Builds what the benchmark serves and serves it:
 * - the app: `npm run build` into dist/ when dist/ is missing or older than its sources;
 * - the floor: bench/floor (its own Vite config) into bench/floor/dist;
 * - one Vite preview server (e2e/global-setup.ts does the same) on a free port, serving
 *   dist/ plus /__bench/floor/ (the floor) and /__bench/data/ (bench/fixtures).
 * With --profile both are built unminified (names in CPU profiles) into bench/.profile/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
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

export async function ensureBuilds(opts: { profile: boolean; noBuild: boolean; log: (s: string) => void }): Promise<Builds> {
  const { log } = opts;
  const sources = newest(APP_SOURCES);
  let appDir = resolve(ROOT, 'dist');
  let floorDir = resolve(FLOOR, 'dist');
  let appBuilt = false;
  let floorBuilt = false;
  if (opts.profile) {
    appDir = resolve(ROOT, 'bench/.profile/app');
    floorDir = resolve(ROOT, 'bench/.profile/floor');
    const stale = !existsSync(join(appDir, 'index.html')) || statSync(join(appDir, 'index.html')).mtimeMs < sources;
    if (stale) {
      log('building the app unminified for profiling (bench/.profile/app) …');
      const r = spawnSync('node_modules/.bin/vite', ['build', '--minify', 'false', '--outDir', appDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('profile build of the app failed');
      appBuilt = true;
    }
  } else {
    const index = join(appDir, 'index.html');
    const stale = !existsSync(index) || statSync(index).mtimeMs < sources;
    if (stale && opts.noBuild && existsSync(index)) log('dist/ is older than its sources; --no-build: serving it anyway');
    else if (stale) {
      log(existsSync(index) ? 'dist/ is older than its sources: npm run build …' : 'dist/ is missing: npm run build …');
      const t = performance.now();
      const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error('npm run build failed');
      log(`  built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      appBuilt = true;
    }
  }
  if (!opts.profile) appDir = await snapshot(appDir, log);
  const floorIndex = join(floorDir, 'index.html');
  const floorSources = Math.max(newest(['bench/floor'], /node_modules|[\\/]dist([\\/]|$)/), newest(['layers/waterlogging/levels.ts', 'layers/_shared/colors.ts', 'package-lock.json']));
  if (!existsSync(floorIndex) || statSync(floorIndex).mtimeMs < floorSources) {
    log(`building the floor page (${opts.profile ? 'unminified, ' : ''}${floorDir.replace(ROOT + '/', '')}) …`);
    await build({ configFile: join(FLOOR, 'vite.config.ts'), logLevel: 'warn', build: { outDir: floorDir, emptyOutDir: true, ...(opts.profile ? { minify: false } : {}) } });
    floorBuilt = true;
  }
  return { appDir, floorDir, appBuilt, floorBuilt };
}

const SNAPSHOT = resolve(ROOT, 'bench/.app');

/** Every asset dist/index.html references exists (not caught half-way through a rebuild). */
function complete(dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const refs = [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  return refs.every((r) => existsSync(join(dir, r)));
}

/**
 * Serves a private copy of dist/ (bench/.app, without dist/mock-data: the preview middleware
 * serves /mock-data/ from mock-data/out): others rebuilding dist/ during a run cannot pull
 * files from under it, and every run of the benchmark sees one build.
 */
async function snapshot(dist: string, log: (s: string) => void): Promise<string> {
  for (let i = 0; i < 20 && !complete(dist); i++) {
    if (i === 0) log('dist/ is incomplete (being rebuilt?): waiting …');
    await new Promise((r) => setTimeout(r, 3000));
  }
  if (!complete(dist)) throw new Error('dist/ is incomplete: run npm run build');
  rmSync(SNAPSHOT, { recursive: true, force: true });
  cpSync(dist, SNAPSHOT, { recursive: true, filter: (src) => !src.startsWith(join(dist, 'mock-data')) });
  if (!complete(SNAPSHOT)) throw new Error('dist/ changed while it was copied: run the benchmark again');
  return SNAPSHOT;
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
