/** Colour helpers shared by layers (dark command-centre palette). */
import type { EntityTable } from '../../src/store/tables';
import type { RGBA } from '../types';

export const PALETTE = {
  cyan: [0, 229, 255, 255] as RGBA,
  blue: [47, 128, 255, 255] as RGBA,
  green: [46, 204, 113, 255] as RGBA,
  yellow: [255, 214, 0, 255] as RGBA,
  orange: [255, 138, 0, 255] as RGBA,
  red: [255, 59, 48, 255] as RGBA,
  grey: [120, 140, 160, 255] as RGBA,
  white: [230, 240, 255, 255] as RGBA,
};

/**
 * Per-row RGBA colours of a table as a Uint8Array (binary attribute), recomputed only
 * when the table's version changes. One cache per call site.
 */
export function colorColumn(colorOf: (row: number, table: EntityTable) => RGBA) {
  let cache: { version: number; table: EntityTable; colors: Uint8Array } | null = null;
  return (table: EntityTable): Uint8Array => {
    if (cache && cache.table === table && cache.version === table.version) return cache.colors;
    const n = table.length;
    const colors = new Uint8Array(n * 4);
    for (let r = 0; r < n; r++) {
      const c = colorOf(r, table);
      colors[4 * r] = c[0];
      colors[4 * r + 1] = c[1];
      colors[4 * r + 2] = c[2];
      colors[4 * r + 3] = c[3];
    }
    cache = { version: table.version, table, colors };
    return colors;
  };
}

export function rgbaCss(c: RGBA): string {
  return `rgba(${c[0]},${c[1]},${c[2]},${(c[3] / 255).toFixed(3)})`;
}
