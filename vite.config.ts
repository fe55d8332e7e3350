import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createReadStream, existsSync, statSync, mkdirSync, readdirSync, copyFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { cspPreview } from './server/csp.ts';

/** generated fixtures (npm run fixtures) and small hand-written ones (committed) */
const MOCK_DIRS = [resolve(import.meta.dirname, 'mock-data/out'), resolve(import.meta.dirname, 'mock-data/fixtures')];

function findFixture(rel: string): string | null {
  for (const dir of MOCK_DIRS) {
    const file = join(dir, rel);
    if (!rel.startsWith('..') && file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/**
 * Serves the fixtures of mock-data/out/ and mock-data/fixtures/ at /mock-data/ (dev and preview) and
 * copies them into dist/mock-data/ on build. A missing file is a 404, never the SPA page.
 */
function mockData(): Plugin {
  const middleware = (req: { url?: string }, res: import('node:http').ServerResponse, next: () => void) => {
    const url = (req.url ?? '').split('?')[0];
    // only data files: source modules under mock-data/ (the flood model the app imports) are
    // Vite's to serve in dev
    if (!url.startsWith('/mock-data/') || !/\.(ndjson|json)$/.test(url)) return next();
    const rel = normalize(decodeURIComponent(url.slice('/mock-data/'.length)));
    const file = findFixture(rel);
    if (!file) {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(`no such fixture: ${url}`);
      return;
    }
    res.setHeader('content-type', file.endsWith('.json') ? 'application/json' : 'application/x-ndjson; charset=utf-8');
    res.setHeader('content-length', String(statSync(file).size));
    createReadStream(file).pipe(res);
  };
  let outDir = resolve(import.meta.dirname, 'dist');
  return {
    name: 'cockpit-mock-data',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    closeBundle() {
      const out = join(outDir, 'mock-data');
      mkdirSync(out, { recursive: true });
      for (const dir of MOCK_DIRS) {
        if (!existsSync(dir)) continue;
        for (const f of readdirSync(dir)) if (/\.(ndjson|json)$/.test(f)) copyFileSync(join(dir, f), join(out, f));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), mockData(), cspPreview()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
            { name: 'deckgl', test: /node_modules[\\/](@deck\.gl|@luma\.gl|@math\.gl|@loaders\.gl|@probe\.gl|mjolnir)/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|zustand)/ },
          ],
        },
      },
    },
  },
});
