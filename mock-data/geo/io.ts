/** Shared I/O helpers of the geography build scripts. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PUBLIC_GEO = path.join(ROOT, 'public/geo');

/** Write a FeatureCollection with one feature per line (stable, diff-friendly). */
export function writeFeatureCollection(file: string, fc: { type: 'FeatureCollection'; features: unknown[] }, extra: Record<string, unknown> = {}): number {
  const head = JSON.stringify({ type: 'FeatureCollection', ...extra }).slice(0, -1);
  const body = fc.features.map((f) => JSON.stringify(f)).join(',\n');
  const text = `${head},"features":[\n${body}\n]}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

/** True when the module at `metaUrl` is the script being run (`npx tsx file.ts`). */
export function isMain(metaUrl: string): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  return path.resolve(argv1) === fileURLToPath(metaUrl);
}
