/**
 * A uniform-grid spatial index over the communities (local metres around Zhengzhou), for
 * the outbreak model: which communities lie within r metres of one (neighbours, for
 * spread and for the yellow ring around a red community), and random picks within a
 * radius (close contacts). Built once; queries are exact (distance-checked).
 */
import { metresPerDegLon, M_PER_DEG_LAT } from '../../layers/communities/model';

export interface Placed {
  lon: number;
  lat: number;
}

const LAT0 = 34.7;
const KX = metresPerDegLon(LAT0);

export class SpatialIndex {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  private readonly cells = new Map<number, number[]>();

  constructor(
    points: readonly Placed[],
    readonly cell = 500,
  ) {
    this.xs = new Float64Array(points.length);
    this.ys = new Float64Array(points.length);
    points.forEach((p, i) => {
      const x = (p.lon - 113) * KX;
      const y = (p.lat - 34) * M_PER_DEG_LAT;
      this.xs[i] = x;
      this.ys[i] = y;
      const k = this.key(Math.floor(x / cell), Math.floor(y / cell));
      const c = this.cells.get(k);
      if (c) c.push(i);
      else this.cells.set(k, [i]);
    });
  }

  private key(cx: number, cy: number): number {
    return (cx + 10_000) * 100_000 + (cy + 10_000);
  }

  distance(i: number, j: number): number {
    return Math.hypot(this.xs[i] - this.xs[j], this.ys[i] - this.ys[j]);
  }

  /** Indices within r metres of point i (excluding i), with their distances, nearest first. */
  within(i: number, r: number): { j: number; d: number }[] {
    const x = this.xs[i];
    const y = this.ys[i];
    const reach = Math.ceil(r / this.cell);
    const cx = Math.floor(x / this.cell);
    const cy = Math.floor(y / this.cell);
    const out: { j: number; d: number }[] = [];
    for (let dx = -reach; dx <= reach; dx++)
      for (let dy = -reach; dy <= reach; dy++) {
        const c = this.cells.get(this.key(cx + dx, cy + dy));
        if (!c) continue;
        for (const j of c) {
          if (j === i) continue;
          const d = Math.hypot(this.xs[j] - x, this.ys[j] - y);
          if (d <= r) out.push({ j, d });
        }
      }
    return out.sort((a, b) => a.d - b.d || a.j - b.j);
  }
}
