/** Reads what the map canvas shows (MapLibre and deck.gl share it), downsampled, in the page. */
import type { Page } from 'playwright-core';

export interface MapSample {
  width: number;
  height: number;
  /** distinct colours among the samples (quantised to 5 bits a channel) */
  distinct: number;
  /** RGB per sample, row-major */
  rgb: number[];
}

export async function sampleMap(page: Page, cols = 160, rows = 90): Promise<MapSample> {
  return page.evaluate(
    ([cols, rows]) => {
      const src = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas');
      if (!src) throw new Error('no map canvas');
      const c = document.createElement('canvas');
      c.width = cols;
      c.height = rows;
      const g = c.getContext('2d', { willReadFrequently: true })!;
      g.drawImage(src, 0, 0, cols, rows);
      const d = g.getImageData(0, 0, cols, rows).data;
      const rgb: number[] = [];
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4) {
        rgb.push(d[i], d[i + 1], d[i + 2]);
        seen.add(((d[i] >> 3) << 10) | ((d[i + 1] >> 3) << 5) | (d[i + 2] >> 3));
      }
      return { width: src.width, height: src.height, distinct: seen.size, rgb };
    },
    [cols, rows] as const,
  );
}

/** Share of samples whose colour differs by more than `tolerance` on some channel. */
export function changedShare(a: MapSample, b: MapSample, tolerance = 24): number {
  let changed = 0;
  const n = a.rgb.length / 3;
  for (let i = 0; i < n; i++) {
    if (
      Math.abs(a.rgb[3 * i] - b.rgb[3 * i]) > tolerance ||
      Math.abs(a.rgb[3 * i + 1] - b.rgb[3 * i + 1]) > tolerance ||
      Math.abs(a.rgb[3 * i + 2] - b.rgb[3 * i + 2]) > tolerance
    )
      changed++;
  }
  return changed / n;
}

/** Count of samples near a colour (e.g. the red of a red warning). */
export function countNear(s: MapSample, color: [number, number, number], tolerance = 40): number {
  let n = 0;
  for (let i = 0; i < s.rgb.length; i += 3) {
    if (Math.abs(s.rgb[i] - color[0]) <= tolerance && Math.abs(s.rgb[i + 1] - color[1]) <= tolerance && Math.abs(s.rgb[i + 2] - color[2]) <= tolerance) n++;
  }
  return n;
}
