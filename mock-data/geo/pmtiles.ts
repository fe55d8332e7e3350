/**
 * A small PMTiles v3 writer (and reader, for checks) — no dependencies beyond node:zlib.
 * Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
 *
 * Layout written: [127-byte header][root directory][metadata][leaf directories][tile data],
 * directories and metadata gzip-compressed, tiles stored as given (clustered, deduplicated,
 * run-length encoded).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

export const HEADER_BYTES = 127;
const ROOT_MAX = 16_384 - HEADER_BYTES;

export enum Compression {
  Unknown = 0,
  None = 1,
  Gzip = 2,
  Brotli = 3,
  Zstd = 4,
}
export enum TileType {
  Unknown = 0,
  Mvt = 1,
  Png = 2,
  Jpeg = 3,
  Webp = 4,
  Avif = 5,
}

export interface Tile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

export interface Header {
  specVersion: number;
  rootDirectoryOffset: number;
  rootDirectoryLength: number;
  jsonMetadataOffset: number;
  jsonMetadataLength: number;
  leafDirectoryOffset: number;
  leafDirectoryLength: number;
  tileDataOffset: number;
  tileDataLength: number;
  numAddressedTiles: number;
  numTileEntries: number;
  numTileContents: number;
  clustered: boolean;
  internalCompression: Compression;
  tileCompression: Compression;
  tileType: TileType;
  minZoom: number;
  maxZoom: number;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  centerZoom: number;
  centerLon: number;
  centerLat: number;
}

// ---------------------------------------------------------------- tile ids (Hilbert)

/** PMTiles tile id: tiles of lower zooms first, then the Hilbert index within the zoom. */
export function zxyToTileId(z: number, x: number, y: number): number {
  if (z > 26) throw new Error(`zoom ${z} too large for PMTiles tile ids`);
  const n = 2 ** z;
  if (x < 0 || y < 0 || x >= n || y >= n) throw new Error(`tile ${z}/${x}/${y} outside the zoom's range`);
  const acc = (4 ** z - 1) / 3;
  let tx = x;
  let ty = y;
  let d = 0;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (tx & s) > 0 ? 1 : 0;
    const ry = (ty & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        tx = n - 1 - tx;
        ty = n - 1 - ty;
      }
      [tx, ty] = [ty, tx];
    }
  }
  return acc + d;
}

export function tileIdToZxy(id: number): [number, number, number] {
  let acc = 0;
  for (let z = 0; z <= 26; z++) {
    const count = 4 ** z;
    if (id < acc + count) {
      const n = 2 ** z;
      let t = id - acc;
      let x = 0;
      let y = 0;
      for (let s = 1; s < n; s *= 2) {
        const rx = Math.floor(t / 2) % 2;
        const ry = (t % 2) ^ rx;
        if (ry === 0) {
          if (rx === 1) {
            x = s - 1 - x;
            y = s - 1 - y;
          }
          [x, y] = [y, x];
        }
        x += s * rx;
        y += s * ry;
        t = Math.floor(t / 4);
      }
      return [z, x, y];
    }
    acc += count;
  }
  throw new Error(`tile id ${id} too large`);
}

// ---------------------------------------------------------------- varints

function writeVarint(out: number[], v: number): void {
  if (v < 0 || !Number.isSafeInteger(v)) throw new Error(`bad varint ${v}`);
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

function readVarint(buf: Uint8Array, pos: { p: number }): number {
  let v = 0;
  let mul = 1;
  for (;;) {
    const b = buf[pos.p++];
    if (b === undefined) throw new Error('truncated varint');
    v += (b & 0x7f) * mul;
    if (b < 0x80) return v;
    mul *= 0x80;
  }
}

// ---------------------------------------------------------------- directories

export function serializeDirectory(entries: Entry[]): Buffer {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (i > 0 && e.offset === prev.offset + prev.length) writeVarint(out, 0);
    else writeVarint(out, e.offset + 1);
  });
  return zlib.gzipSync(Buffer.from(out), { level: 9 });
}

export function deserializeDirectory(gz: Uint8Array): Entry[] {
  const buf = zlib.gunzipSync(gz);
  const pos = { p: 0 };
  const n = readVarint(buf, pos);
  const entries: Entry[] = [];
  let last = 0;
  for (let i = 0; i < n; i++) {
    last += readVarint(buf, pos);
    entries.push({ tileId: last, offset: 0, length: 0, runLength: 1 });
  }
  for (const e of entries) e.runLength = readVarint(buf, pos);
  for (const e of entries) e.length = readVarint(buf, pos);
  entries.forEach((e, i) => {
    const v = readVarint(buf, pos);
    e.offset = v === 0 && i > 0 ? entries[i - 1].offset + entries[i - 1].length : v - 1;
  });
  return entries;
}

/** Root (and leaf) directories small enough for the root to fit the first 16 KiB. */
function buildDirectories(entries: Entry[]): { root: Buffer; leaves: Buffer } {
  const root = serializeDirectory(entries);
  if (root.length <= ROOT_MAX) return { root, leaves: Buffer.alloc(0) };
  for (let leafSize = 4096; ; leafSize = Math.ceil(leafSize * 1.5)) {
    const rootEntries: Entry[] = [];
    const leafBufs: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const leaf = serializeDirectory(chunk);
      rootEntries.push({ tileId: chunk[0].tileId, offset, length: leaf.length, runLength: 0 });
      leafBufs.push(leaf);
      offset += leaf.length;
    }
    const r = serializeDirectory(rootEntries);
    if (r.length <= ROOT_MAX) return { root: r, leaves: Buffer.concat(leafBufs) };
  }
}

// ---------------------------------------------------------------- header

function writeHeader(h: Header): Buffer {
  const b = Buffer.alloc(HEADER_BYTES);
  b.write('PMTiles', 0, 'ascii');
  b.writeUInt8(3, 7);
  const u64 = [
    h.rootDirectoryOffset, h.rootDirectoryLength, h.jsonMetadataOffset, h.jsonMetadataLength, h.leafDirectoryOffset, h.leafDirectoryLength,
    h.tileDataOffset, h.tileDataLength, h.numAddressedTiles, h.numTileEntries, h.numTileContents,
  ];
  u64.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 8 + i * 8));
  b.writeUInt8(h.clustered ? 1 : 0, 96);
  b.writeUInt8(h.internalCompression, 97);
  b.writeUInt8(h.tileCompression, 98);
  b.writeUInt8(h.tileType, 99);
  b.writeUInt8(h.minZoom, 100);
  b.writeUInt8(h.maxZoom, 101);
  b.writeInt32LE(Math.round(h.minLon * 1e7), 102);
  b.writeInt32LE(Math.round(h.minLat * 1e7), 106);
  b.writeInt32LE(Math.round(h.maxLon * 1e7), 110);
  b.writeInt32LE(Math.round(h.maxLat * 1e7), 114);
  b.writeUInt8(h.centerZoom, 118);
  b.writeInt32LE(Math.round(h.centerLon * 1e7), 119);
  b.writeInt32LE(Math.round(h.centerLat * 1e7), 123);
  return b;
}

export function readHeader(buf: Uint8Array): Header {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < HEADER_BYTES || b.toString('ascii', 0, 7) !== 'PMTiles') throw new Error('not a PMTiles archive');
  const v = b.readUInt8(7);
  if (v !== 3) throw new Error(`PMTiles spec version ${v} not supported`);
  const u = (i: number) => Number(b.readBigUInt64LE(8 + i * 8));
  return {
    specVersion: v,
    rootDirectoryOffset: u(0), rootDirectoryLength: u(1), jsonMetadataOffset: u(2), jsonMetadataLength: u(3),
    leafDirectoryOffset: u(4), leafDirectoryLength: u(5), tileDataOffset: u(6), tileDataLength: u(7),
    numAddressedTiles: u(8), numTileEntries: u(9), numTileContents: u(10),
    clustered: b.readUInt8(96) === 1,
    internalCompression: b.readUInt8(97), tileCompression: b.readUInt8(98), tileType: b.readUInt8(99),
    minZoom: b.readUInt8(100), maxZoom: b.readUInt8(101),
    minLon: b.readInt32LE(102) / 1e7, minLat: b.readInt32LE(106) / 1e7, maxLon: b.readInt32LE(110) / 1e7, maxLat: b.readInt32LE(114) / 1e7,
    centerZoom: b.readUInt8(118), centerLon: b.readInt32LE(119) / 1e7, centerLat: b.readInt32LE(123) / 1e7,
  };
}

// ---------------------------------------------------------------- write

export interface WriteOptions {
  metadata?: Record<string, unknown>;
  /** [west, south, east, north]; default: the extent of the tiles at their highest zoom */
  bounds?: [number, number, number, number];
  center?: [number, number, number];
  tileType?: TileType;
  /** default: gzip when the first tile starts with the gzip magic, else none */
  tileCompression?: Compression;
}

function tileBounds(z: number, x: number, y: number): [number, number, number, number] {
  const n = 2 ** z;
  const lon = (i: number) => (i / n) * 360 - 180;
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** Write tiles to a PMTiles v3 archive. Returns the header written. */
export function writePmtiles(file: string, tiles: Iterable<Tile>, opts: WriteOptions = {}): Header {
  const list = [...tiles].map((t) => ({ ...t, id: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.id - b.id);
  if (list.length === 0) throw new Error('no tiles to write');
  for (let i = 1; i < list.length; i++) if (list[i].id === list[i - 1].id) throw new Error(`duplicate tile ${list[i].z}/${list[i].x}/${list[i].y}`);

  const contents = new Map<string, { offset: number; length: number }>();
  const chunks: Buffer[] = [];
  let dataLen = 0;
  const entries: Entry[] = [];
  for (const t of list) {
    const buf = Buffer.from(t.data);
    const key = createHash('sha256').update(buf).digest('base64');
    let c = contents.get(key);
    if (!c) {
      c = { offset: dataLen, length: buf.length };
      contents.set(key, c);
      chunks.push(buf);
      dataLen += buf.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === c.offset && last.length === c.length && last.tileId + last.runLength === t.id) last.runLength++;
    else entries.push({ tileId: t.id, offset: c.offset, length: c.length, runLength: 1 });
  }

  const maxZoom = list.reduce((m, t) => Math.max(m, t.z), 0);
  const minZoom = list.reduce((m, t) => Math.min(m, t.z), 99);
  let bounds = opts.bounds;
  if (!bounds) {
    bounds = [180, 90, -180, -90];
    for (const t of list.filter((x) => x.z === maxZoom)) {
      const b = tileBounds(t.z, t.x, t.y);
      bounds = [Math.min(bounds[0], b[0]), Math.min(bounds[1], b[1]), Math.max(bounds[2], b[2]), Math.max(bounds[3], b[3])];
    }
  }
  const center = opts.center ?? [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.min(maxZoom, Math.max(minZoom, 11))];
  const first = list[0].data;
  const tileCompression = opts.tileCompression ?? (first[0] === 0x1f && first[1] === 0x8b ? Compression.Gzip : Compression.None);

  const { root, leaves } = buildDirectories(entries);
  const meta = zlib.gzipSync(Buffer.from(JSON.stringify(opts.metadata ?? {})));
  const header: Header = {
    specVersion: 3,
    rootDirectoryOffset: HEADER_BYTES,
    rootDirectoryLength: root.length,
    jsonMetadataOffset: HEADER_BYTES + root.length,
    jsonMetadataLength: meta.length,
    leafDirectoryOffset: HEADER_BYTES + root.length + meta.length,
    leafDirectoryLength: leaves.length,
    tileDataOffset: HEADER_BYTES + root.length + meta.length + leaves.length,
    tileDataLength: dataLen,
    numAddressedTiles: list.length,
    numTileEntries: entries.length,
    numTileContents: chunks.length,
    clustered: true,
    internalCompression: Compression.Gzip,
    tileCompression,
    tileType: opts.tileType ?? TileType.Mvt,
    minZoom,
    maxZoom,
    minLon: bounds[0],
    minLat: bounds[1],
    maxLon: bounds[2],
    maxLat: bounds[3],
    centerZoom: center[2],
    centerLon: center[0],
    centerLat: center[1],
  };
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, Buffer.concat([writeHeader(header), root, meta, leaves, ...chunks]));
  return header;
}

// ---------------------------------------------------------------- read (checks)

export class PmtilesReader {
  readonly header: Header;
  constructor(private readonly buf: Buffer) {
    this.header = readHeader(buf);
  }
  static open(file: string): PmtilesReader {
    return new PmtilesReader(fs.readFileSync(file));
  }
  metadata(): Record<string, unknown> {
    const h = this.header;
    const raw = this.buf.subarray(h.jsonMetadataOffset, h.jsonMetadataOffset + h.jsonMetadataLength);
    return JSON.parse((h.internalCompression === Compression.Gzip ? zlib.gunzipSync(raw) : raw).toString('utf8'));
  }
  private readonly dirs = new Map<number, Entry[]>();
  private dir(offset: number, length: number): Entry[] {
    let d = this.dirs.get(offset);
    if (!d) {
      d = deserializeDirectory(this.buf.subarray(offset, offset + length));
      this.dirs.set(offset, d);
    }
    return d;
  }
  getTile(z: number, x: number, y: number): Buffer | null {
    const id = zxyToTileId(z, x, y);
    const h = this.header;
    let entries = this.dir(h.rootDirectoryOffset, h.rootDirectoryLength);
    for (let depth = 0; depth < 4; depth++) {
      let lo = 0;
      let hi = entries.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (entries[mid].tileId <= id) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found < 0) return null;
      const e = entries[found];
      if (e.runLength === 0) {
        entries = this.dir(h.leafDirectoryOffset + e.offset, e.length);
        continue;
      }
      if (id >= e.tileId + e.runLength) return null;
      return this.buf.subarray(h.tileDataOffset + e.offset, h.tileDataOffset + e.offset + e.length);
    }
    return null;
  }
  /** every addressed tile */
  *tiles(): Generator<Tile> {
    const h = this.header;
    const walk = function* (this: PmtilesReader, entries: Entry[]): Generator<Tile> {
      for (const e of entries) {
        if (e.runLength === 0) {
          yield* walk.call(this, this.dir(h.leafDirectoryOffset + e.offset, e.length));
          continue;
        }
        for (let k = 0; k < e.runLength; k++) {
          const [z, x, y] = tileIdToZxy(e.tileId + k);
          yield { z, x, y, data: this.buf.subarray(h.tileDataOffset + e.offset, h.tileDataOffset + e.offset + e.length) };
        }
      }
    };
    yield* walk.call(this, this.dir(h.rootDirectoryOffset, h.rootDirectoryLength));
  }
}

// ---------------------------------------------------------------- tile sources

/** Tiles of a z/x/y directory (tilemaker `--output dir`), XYZ scheme. */
export function* tilesFromDirectory(dir: string): Generator<Tile> {
  for (const zName of fs.readdirSync(dir)) {
    if (!/^\d+$/.test(zName)) continue;
    for (const xName of fs.readdirSync(path.join(dir, zName))) {
      if (!/^\d+$/.test(xName)) continue;
      for (const yName of fs.readdirSync(path.join(dir, zName, xName))) {
        const m = /^(\d+)\.(pbf|mvt|png|jpg|webp)$/.exec(yName);
        if (!m) continue;
        yield { z: +zName, x: +xName, y: +m[1], data: fs.readFileSync(path.join(dir, zName, xName, yName)) };
      }
    }
  }
}

/** Tiles of an MBTiles file (TMS rows flipped to XYZ), read with the sqlite3 command-line tool. */
export function* tilesFromMbtiles(file: string): Generator<Tile> {
  let out: string;
  try {
    out = execFileSync('sqlite3', ['-readonly', '-separator', ' ', file, 'SELECT zoom_level, tile_column, tile_row, hex(tile_data) FROM tiles;'], {
      maxBuffer: 1 << 30,
      encoding: 'utf8',
    });
  } catch (e) {
    throw new Error(`cannot read MBTiles ${file} with sqlite3 (Debian package "sqlite3"): ${(e as Error).message}`);
  }
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const [z, x, row, hex] = line.split(' ');
    const zz = Number(z);
    yield { z: zz, x: Number(x), y: 2 ** zz - 1 - Number(row), data: Buffer.from(hex, 'hex') };
  }
}

/** MBTiles metadata table as an object (sqlite3 CLI). */
export function mbtilesMetadata(file: string): Record<string, string> {
  const out = execFileSync('sqlite3', ['-readonly', '-separator', '\t', file, 'SELECT name, value FROM metadata;'], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => l.split('\t') as [string, string]));
}
