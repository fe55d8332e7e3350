import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (Node), and end-to-end tests that drive the production
// build in Debian Chromium (see e2e/). `npm test` runs both.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'layers/**/*.test.ts', 'mock-data/**/*.test.ts', 'server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          globalSetup: ['e2e/global-setup.ts'],
          fileParallelism: false,
          maxWorkers: 1,
          // one retry: Chromium on software WebGL with 2 shared cores makes the timing of the
          // live-server tests vary several-fold; a retried test is marked in the JSON report
          // (test-results/e2e.json, `retryCount`) and a test failing twice fails the suite
          retry: 1,
        },
      },
    ],
  },
});
