/**
 * GPU-ready buffers of the community layer, kept up to date incrementally.
 *
 * Geometry (binary, deck.gl `_normalize: false`): every community with an outline is one
 * closed ring in a Float64Array of positions with `startIndices`; those without are
 * points. Colours are per vertex (Uint8 RGBA). The geometry objects keep their identity
 * until an id, position or outline changes, so deck.gl never re-tessellates after a tier
 * change: the changed rows' vertices are recoloured in place and the colour buffer is
 * handed over again as a binary attribute (an update trigger makes deck.gl look).
 *
 * `rebuild()` is the from-scratch path (new geometry, every colour): used when the
 * geometry changes, and measured against the incremental path (docs/communities.md).
 * Pure TypeScript (no deck.gl import): unit-tested in render.test.ts.
 */
import type { EntityTable } from '../../src/store/tables';
import type { RGBA } from '../types';
import { metresPerDegLon, M_PER_DEG_LAT, TIERS, TIER_FILL } from './model';
import type { CommunityIndex } from './state';

export interface PolygonData {
  length: number;
  startIndices: Uint32Array;
  attributes: {
    getPolygon: { value: Float64Array; size: 2 };
    getFillColor: { value: Uint8Array; size: 4; normalized: true };
  };
}

export interface PointData {
  length: number;
  attributes: {
    getPosition: { value: Float64Array; size: 2 };
    getFillColor: { value: Uint8Array; size: 4; normalized: true };
  };
}

const UNKNOWN: RGBA = [120, 140, 160, 200];
/** communities outside the district in focus are drawn faint */
const DIM = 0.3;

export function fillOf(tier: number, dim: boolean): RGBA {
  const c = tier >= 0 ? TIER_FILL[TIERS[tier]] : UNKNOWN;
  return dim ? [c[0], c[1], c[2], Math.round(c[3] * DIM)] : c;
}

export interface UpdateResult {
  /** the geometry was built anew */
  rebuilt: boolean;
  /** rows recoloured */
  recoloured: number;
}

export class CommunityRenderer {
  polygons: PolygonData = emptyPolygons();
  points: PointData = emptyPoints();
  /** polygon index → table row; point index → table row */
  polyRows = new Int32Array(0);
  pointRows = new Int32Array(0);
  /** table row → polygon index or −1; → point index or −1 */
  rowPoly = new Int32Array(0);
  rowPoint = new Int32Array(0);
  /** bumps whenever colours change (deck.gl update trigger) */
  colorVersion = 0;
  /** bumps whenever the geometry is rebuilt */
  geometryVersion = 0;
  private seenGeometry = -1;
  private cursor = -1;
  private focus = -1;
  /** the colours, recoloured in place; deck.gl gets a copy per change (see publishColours) */
  private polyColours = new Uint8Array(0);
  private pointColours = new Uint8Array(0);

  /**
   * Bring the buffers up to date with the table (synced `index`): rebuild when the
   * geometry changed, else recolour only the rows whose tier changed. `focus` is the
   * district index in focus (others faint) or −1.
   */
  update(table: EntityTable, index: CommunityIndex, focus = -1): UpdateResult {
    if (index.geometryVersion !== this.seenGeometry) {
      this.rebuild(table, index, focus);
      return { rebuilt: true, recoloured: index.length };
    }
    if (focus !== this.focus) {
      this.focus = focus;
      this.recolourAll(index);
      this.cursor = index.logEnd;
      return { rebuilt: false, recoloured: index.length };
    }
    const rows = index.changedSince(this.cursor);
    this.cursor = index.logEnd;
    if (rows === null) {
      this.recolourAll(index);
      return { rebuilt: false, recoloured: index.length };
    }
    if (!rows.length) return { rebuilt: false, recoloured: 0 };
    for (const r of rows) this.recolourRow(r, index);
    this.publishColours();
    return { rebuilt: false, recoloured: rows.length };
  }

  /** Build geometry and colours from scratch. */
  rebuild(table: EntityTable, index: CommunityIndex, focus = -1): void {
    const n = table.length;
    const rows = table.rows;
    this.focus = focus;
    this.rowPoly = new Int32Array(n).fill(-1);
    this.rowPoint = new Int32Array(n).fill(-1);
    let nPoly = 0;
    let nVert = 0;
    let nPoint = 0;
    for (let r = 0; r < n; r++) {
      const s = rows[r].shape;
      if (Array.isArray(s) && s.length >= 6 && s.length % 2 === 0) {
        nPoly++;
        nVert += s.length / 2 + 1;
      } else nPoint++;
    }
    const startIndices = new Uint32Array(nPoly + 1);
    const positions = new Float64Array(nVert * 2);
    const polyRows = new Int32Array(nPoly);
    const pointRows = new Int32Array(nPoint);
    const pointPositions = new Float64Array(nPoint * 2);
    let p = 0;
    let v = 0;
    let q = 0;
    for (let r = 0; r < n; r++) {
      const e = rows[r];
      const lon = e.lon as number;
      const lat = e.lat as number;
      const s = e.shape as number[] | undefined;
      if (Array.isArray(s) && s.length >= 6 && s.length % 2 === 0) {
        const kx = 1 / metresPerDegLon(lat);
        const ky = 1 / M_PER_DEG_LAT;
        startIndices[p] = v;
        for (let i = 0; i < s.length; i += 2) {
          positions[2 * v] = lon + s[i] * kx;
          positions[2 * v + 1] = lat + s[i + 1] * ky;
          v++;
        }
        // closed ring
        positions[2 * v] = positions[2 * startIndices[p]];
        positions[2 * v + 1] = positions[2 * startIndices[p] + 1];
        v++;
        polyRows[p] = r;
        this.rowPoly[r] = p;
        p++;
      } else {
        pointPositions[2 * q] = lon;
        pointPositions[2 * q + 1] = lat;
        pointRows[q] = r;
        this.rowPoint[r] = q;
        q++;
      }
    }
    startIndices[p] = v;
    this.polyRows = polyRows;
    this.pointRows = pointRows;
    this.polygons = {
      length: nPoly,
      startIndices,
      attributes: { getPolygon: { value: positions, size: 2 }, getFillColor: { value: new Uint8Array(0), size: 4, normalized: true } },
    };
    this.points = {
      length: nPoint,
      attributes: { getPosition: { value: pointPositions, size: 2 }, getFillColor: { value: new Uint8Array(0), size: 4, normalized: true } },
    };
    this.polyColours = new Uint8Array(nVert * 4);
    this.pointColours = new Uint8Array(nPoint * 4);
    this.seenGeometry = index.geometryVersion;
    this.geometryVersion++;
    this.recolourAll(index);
    this.cursor = index.logEnd;
  }

  private recolourRow(r: number, index: CommunityIndex): void {
    if (r >= this.rowPoly.length) return;
    const c = fillOf(index.tiers[r], this.focus >= 0 && index.districts[r] !== this.focus);
    const p = this.rowPoly[r];
    if (p >= 0) {
      const col = this.polyColours;
      const si = this.polygons.startIndices;
      for (let k = si[p]; k < si[p + 1]; k++) {
        col[4 * k] = c[0];
        col[4 * k + 1] = c[1];
        col[4 * k + 2] = c[2];
        col[4 * k + 3] = c[3];
      }
      return;
    }
    const q = this.rowPoint[r];
    if (q >= 0) {
      const col = this.pointColours;
      col[4 * q] = c[0];
      col[4 * q + 1] = c[1];
      col[4 * q + 2] = c[2];
      col[4 * q + 3] = c[3];
    }
  }

  private recolourAll(index: CommunityIndex): void {
    const n = Math.min(index.length, this.rowPoly.length);
    for (let r = 0; r < n; r++) this.recolourRow(r, index);
    this.publishColours();
  }

  /**
   * Hand the colours to deck.gl: a fresh copy of each array (a memcpy, 4 bytes a vertex),
   * so deck.gl sees a new buffer and uploads it, whatever it caches by array identity;
   * the geometry objects are kept, so nothing is re-tessellated.
   */
  private publishColours(): void {
    this.polygons.attributes.getFillColor = { value: this.polyColours.slice(), size: 4, normalized: true };
    this.points.attributes.getFillColor = { value: this.pointColours.slice(), size: 4, normalized: true };
    this.colorVersion++;
  }

  /** The table row of a picked object. */
  rowOfPolygon(i: number): number {
    return i >= 0 && i < this.polyRows.length ? this.polyRows[i] : -1;
  }
  rowOfPoint(i: number): number {
    return i >= 0 && i < this.pointRows.length ? this.pointRows[i] : -1;
  }
}

function emptyPolygons(): PolygonData {
  return { length: 0, startIndices: new Uint32Array(1), attributes: { getPolygon: { value: new Float64Array(0), size: 2 }, getFillColor: { value: new Uint8Array(0), size: 4, normalized: true } } };
}
function emptyPoints(): PointData {
  return { length: 0, attributes: { getPosition: { value: new Float64Array(0), size: 2 }, getFillColor: { value: new Uint8Array(0), size: 4, normalized: true } } };
}

