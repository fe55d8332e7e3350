/**
 * Noding of a set of polylines: after `nodeLines`, wherever two lines cross, or a line
 * ends on (or within `snapM` metres of) another, both lines contain the very same vertex
 * (identical numbers, rounded to 6 decimals), so a graph built on shared vertices is
 * routable. Planar maths in a local equirectangular projection (fine at city scale).
 */
import type { LonLat } from '../../src/geo/geometry';

const M_PER_DEG_LAT = 111_195;

interface XY {
  x: number;
  y: number;
}

export interface NodingOptions {
  /** a dangling end within this distance of another line is snapped onto it (m) */
  snapM?: number;
  /** intersections within this distance of each other are merged into one node (m) */
  mergeM?: number;
}

export interface NodingReport {
  crossings: number;
  snapped: { line: number; end: 'start' | 'end'; distM: number }[];
  dangling: { line: number; end: 'start' | 'end' }[];
}

function r6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export function nodeLines(input: LonLat[][], opts: NodingOptions = {}): { lines: LonLat[][]; report: NodingReport } {
  const snapM = opts.snapM ?? 150;
  const mergeM = opts.mergeM ?? 3;
  const all = input.flat();
  const lat0 = all.reduce((s, p) => s + p[1], 0) / all.length;
  const kx = M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180);
  const toXY = (p: LonLat): XY => ({ x: p[0] * kx, y: p[1] * M_PER_DEG_LAT });
  const toLL = (q: XY): LonLat => [r6(q.x / kx), r6(q.y / M_PER_DEG_LAT)];

  const lines: LonLat[][] = input.map((l) => l.map((p) => [r6(p[0]), r6(p[1])] as LonLat));
  const closed = lines.map((l) => l.length > 2 && l[0][0] === l[l.length - 1][0] && l[0][1] === l[l.length - 1][1]);
  const report: NodingReport = { crossings: 0, snapped: [], dangling: [] };

  // --- canonical node registry (grid hash) ---
  const nodes: LonLat[] = [];
  const grid = new Map<string, number[]>();
  const cellOf = (q: XY) => [Math.floor(q.x / 50), Math.floor(q.y / 50)];
  function canonical(p: LonLat): LonLat {
    const q = toXY(p);
    const [cx, cy] = cellOf(q);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const id of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          const n = toXY(nodes[id]);
          if (Math.hypot(n.x - q.x, n.y - q.y) <= mergeM) return nodes[id];
        }
    const rounded: LonLat = [r6(p[0]), r6(p[1])];
    nodes.push(rounded);
    const key = `${cx},${cy}`;
    grid.set(key, [...(grid.get(key) ?? []), nodes.length - 1]);
    return rounded;
  }

  function nearestOn(p: XY, line: LonLat[]): { seg: number; t: number; q: XY; d: number } {
    let best = { seg: 0, t: 0, q: p, d: Infinity };
    for (let s = 0; s < line.length - 1; s++) {
      const a = toXY(line[s]);
      const b = toXY(line[s + 1]);
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
      const q = { x: a.x + t * dx, y: a.y + t * dy };
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      if (d < best.d) best = { seg: s, t, q, d };
    }
    return best;
  }

  // --- 1. snap dangling ends onto the nearest other line ---
  for (let i = 0; i < lines.length; i++) {
    if (closed[i]) continue;
    for (const end of ['start', 'end'] as const) {
      const idx = end === 'start' ? 0 : lines[i].length - 1;
      const p = toXY(lines[i][idx]);
      let best: { d: number; q: XY } | null = null;
      for (let j = 0; j < lines.length; j++) {
        if (j === i) continue;
        const n = nearestOn(p, lines[j]);
        if (!best || n.d < best.d) best = n;
      }
      if (best && best.d <= snapM) {
        if (best.d > 0.01) report.snapped.push({ line: i, end, distM: Math.round(best.d) });
        lines[i][idx] = toLL(best.q);
      } else report.dangling.push({ line: i, end });
    }
  }

  // --- 2. find all crossings / touches between segments of different lines ---
  const inserts: Map<number, { t: number; p: LonLat }[]>[] = lines.map(() => new Map());
  const add = (line: number, seg: number, t: number, p: LonLat) => {
    const m = inserts[line];
    m.set(seg, [...(m.get(seg) ?? []), { t, p }]);
  };
  const segs = lines.map((l) => l.map(toXY));
  const bbox = segs.map((l) => {
    const xs = l.map((q) => q.x);
    const ys = l.map((q) => q.y);
    return [Math.min(...xs) - 2, Math.min(...ys) - 2, Math.max(...xs) + 2, Math.max(...ys) + 2];
  });
  const EPS_M = 1; // accept touches up to 1 m beyond a segment end
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const [a0, a1, a2, a3] = bbox[i];
      const [b0, b1, b2, b3] = bbox[j];
      if (a2 < b0 || b2 < a0 || a3 < b1 || b3 < a1) continue;
      for (let s = 0; s < segs[i].length - 1; s++) {
        const p1 = segs[i][s];
        const p2 = segs[i][s + 1];
        for (let u = 0; u < segs[j].length - 1; u++) {
          const q1 = segs[j][u];
          const q2 = segs[j][u + 1];
          const rx = p2.x - p1.x;
          const ry = p2.y - p1.y;
          const sx = q2.x - q1.x;
          const sy = q2.y - q1.y;
          const den = rx * sy - ry * sx;
          if (Math.abs(den) < 1e-9) continue; // parallel
          const t = ((q1.x - p1.x) * sy - (q1.y - p1.y) * sx) / den;
          const w = ((q1.x - p1.x) * ry - (q1.y - p1.y) * rx) / den;
          const lr = Math.hypot(rx, ry);
          const ls = Math.hypot(sx, sy);
          if (t < -EPS_M / lr || t > 1 + EPS_M / lr || w < -EPS_M / ls || w > 1 + EPS_M / ls) continue;
          const p = canonical(toLL({ x: p1.x + t * rx, y: p1.y + t * ry }));
          add(i, s, Math.max(0, Math.min(1, t)), p);
          add(j, u, Math.max(0, Math.min(1, w)), p);
          report.crossings++;
        }
      }
    }
  }

  // --- 3. rebuild each line with the shared nodes inserted ---
  const out = lines.map((line, i) => {
    const res: LonLat[] = [];
    const push = (p: LonLat) => {
      const last = res[res.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) res.push(p);
    };
    for (let s = 0; s < line.length; s++) {
      const here = (inserts[i].get(s) ?? []).sort((a, b) => a.t - b.t);
      const prevEnd = s > 0 ? (inserts[i].get(s - 1) ?? []).filter((x) => x.t >= 1 - 1e-9) : [];
      // vertex s: replaced by a node landing exactly on it (end of previous seg or start of this one)
      const onVertex = [...prevEnd, ...here.filter((x) => x.t <= 1e-9)];
      push(onVertex.length ? onVertex[0].p : line[s]);
      if (s === line.length - 1) break;
      for (const x of here) if (x.t > 1e-9 && x.t < 1 - 1e-9) push(x.p);
    }
    // a node landing on the last vertex
    const lastSeg = (inserts[i].get(line.length - 2) ?? []).filter((x) => x.t >= 1 - 1e-9);
    if (lastSeg.length) res[res.length - 1] = lastSeg[0].p;
    return res;
  });

  // re-close closed lines whose first vertex was replaced
  out.forEach((l, i) => {
    if (closed[i]) l[l.length - 1] = l[0];
  });
  return { lines: out, report };
}
