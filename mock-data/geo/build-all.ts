/**
 * Rebuilds every generated geography file, in dependency order:
 *   public/geo/districts.geojson, roads.geojson, water.geojson, labels.geojson,
 *   public/basemap/style.json
 *
 *   npx tsx mock-data/geo/build-all.ts
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './io';

for (const step of ['build-districts.ts', 'build-roads.ts', 'build-water.ts', 'build-style.ts']) {
  console.log(`== ${step}`);
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'mock-data/geo', step)], { stdio: 'inherit', cwd: ROOT });
}
