/**
 * The floor page of the benchmark: bare deck.gl (no MapLibre, no React, no store, no worker),
 * built on its own into bench/floor/dist (gitignored) and served at /__bench/floor/.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/__bench/floor/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
});
