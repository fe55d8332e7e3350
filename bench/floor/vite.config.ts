/**
 * The floor page of the benchmark: deck.gl with the cockpit's layer plugins and nothing else
 * (no MapLibre, no React rendering, no store, no worker), built on its own into
 * bench/floor/dist (gitignored) and served at /__bench/floor/. The React plugin only
 * compiles the layers' panel modules, which the floor imports but never renders.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: '/__bench/floor/',
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
});
