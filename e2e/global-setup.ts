/**
 * Serves the production build (dist/, built by `npm test` before this suite) with Vite's
 * preview server on a free port, for every end-to-end test file.
 */
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { slowTimeline } from './slow-timeline';

export default async function setup(project: TestProject) {
  // COCKPIT_DIST: test another build directory (e.g. while others rebuild dist/)
  const outDir = process.env.COCKPIT_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`npm run build\` first (npm test does)`);
  const server = await preview({
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
    // test-only route: a large timeline streamed slowly (e2e/large-timeline.e2e.ts)
    plugins: [{ name: 'e2e-slow-timeline', configurePreviewServer: (s) => void s.middlewares.use(slowTimeline) }],
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  project.provide('baseURL', url.replace(/\/$/, ''));
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
