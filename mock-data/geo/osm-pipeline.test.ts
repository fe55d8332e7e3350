import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildRoadGraph, findJunction, reachable, shortestPath } from '../../src/geo/roadGraph';
import { PmtilesReader, TileType, Compression, deserializeDirectory, serializeDirectory, tileIdToZxy, writePmtiles, zxyToTileId, type Tile } from './pmtiles';
import { APT_PACKAGES, checkTools, compactGraph, missingTools, osmRoadsToGeoJSON, osmStyle, ringOf, runPipeline } from './osm-pipeline';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'geo-test-'));

describe('PMTiles v3 writer', () => {
  it('computes the spec tile ids (Hilbert order) and inverts them', () => {
    expect([zxyToTileId(0, 0, 0), zxyToTileId(1, 0, 0), zxyToTileId(1, 0, 1), zxyToTileId(1, 1, 1), zxyToTileId(1, 1, 0), zxyToTileId(2, 0, 0)]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(zxyToTileId(12, 3423, 1763)).toBe(19078479);
    for (const [z, x, y] of [[0, 0, 0], [5, 17, 9], [14, 13427, 6548], [20, 867530, 411111]]) expect(tileIdToZxy(zxyToTileId(z, x, y))).toEqual([z, x, y]);
  });

  it('round-trips directories (delta ids, run lengths, contiguous offsets)', () => {
    const entries = [
      { tileId: 0, offset: 0, length: 10, runLength: 1 },
      { tileId: 5, offset: 10, length: 20, runLength: 3 },
      { tileId: 9, offset: 10, length: 20, runLength: 1 },
      { tileId: 2 ** 40, offset: 30, length: 7, runLength: 1 },
    ];
    expect(deserializeDirectory(serializeDirectory(entries))).toEqual(entries);
  });

  it('writes an archive that reads back tile for tile, with dedup, run lengths and leaf directories', () => {
    const dir = tmp();
    const tiles: Tile[] = [];
    const same = zlib.gzipSync(Buffer.from('ocean'));
    // z0-z12 over Zhengzhou plus a large block at z14 (forces leaf directories)
    for (let z = 0; z <= 12; z++) {
      const n = 2 ** z;
      const x = Math.floor(((113.65 + 180) / 360) * n);
      const y = Math.floor(((1 - Math.log(Math.tan((34.75 * Math.PI) / 180) + 1 / Math.cos((34.75 * Math.PI) / 180)) / Math.PI) / 2) * n);
      tiles.push({ z, x, y, data: zlib.gzipSync(Buffer.from(`tile ${z}/${x}/${y}`)) });
    }
    for (let x = 13300; x < 13500; x++)
      for (let y = 6450; y < 6600; y++) tiles.push({ z: 14, x, y, data: (x + y) % 7 === 0 ? same : Buffer.from(`t${x},${y}`.padEnd(8 + ((x * 31 + y * 17) % 211), '.')) });
    const file = path.join(dir, 'a.pmtiles');
    const h = writePmtiles(file, tiles, { metadata: { name: 'test', vector_layers: [] } });
    expect(h.numAddressedTiles).toBe(tiles.length);
    expect(h.numTileContents).toBeLessThan(tiles.length);
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(16384);
    const r = PmtilesReader.open(file);
    expect(r.header).toMatchObject({ specVersion: 3, minZoom: 0, maxZoom: 14, tileType: TileType.Mvt, tileCompression: Compression.Gzip, clustered: true });
    expect(r.metadata()).toEqual({ name: 'test', vector_layers: [] });
    for (const t of tiles) expect(Buffer.compare(r.getTile(t.z, t.x, t.y)!, Buffer.from(t.data))).toBe(0);
    expect(r.getTile(14, 0, 0)).toBeNull();
    expect([...r.tiles()].length).toBe(tiles.length);
    expect(r.header.minLon).toBeGreaterThan(112);
    expect(r.header.maxLat).toBeLessThan(36);
  });

  it('rejects what is not a PMTiles archive', () => {
    expect(() => new PmtilesReader(Buffer.from('definitely not pmtiles, but long enough'.repeat(5)))).toThrow(/not a PMTiles/);
    expect(() => writePmtiles(path.join(tmp(), 'x.pmtiles'), [])).toThrow(/no tiles/);
  });
});

describe('OSM roads → routable graph (no external tools)', () => {
  // what `osmium export -f geojsonseq -a id` gives for two crossing ways sharing node 3
  const seq = [
    { type: 'Feature', properties: { '@id': 10, highway: 'primary', name: '陇海路', 'name:en': 'Longhai Road' }, geometry: { type: 'LineString', coordinates: [[113.6, 34.738], [113.646, 34.738], [113.7, 34.738]] } },
    { type: 'Feature', properties: { '@id': 11, highway: 'trunk', name: '京广快速路' }, geometry: { type: 'LineString', coordinates: [[113.646, 34.7], [113.646, 34.738], [113.646, 34.76]] } },
    { type: 'Feature', properties: { '@id': 12, highway: 'motorway', name: '西三环', ref: 'S85' }, geometry: { type: 'LineString', coordinates: [[113.6, 34.7], [113.6, 34.738]] } },
    { type: 'Feature', properties: { '@id': 13, highway: 'footway', name: '小路' }, geometry: { type: 'LineString', coordinates: [[113.61, 34.7], [113.62, 34.71]] } },
  ]
    .map((f) => `\x1e${JSON.stringify(f)}`)
    .join('\n');

  it('keeps the main roads in the cockpit schema and detects rings', () => {
    const fc = osmRoadsToGeoJSON(seq);
    expect(fc.features.map((f) => f.properties.id)).toEqual(['osm-10', 'osm-11', 'osm-12']);
    expect(fc.features.map((f) => f.properties.class)).toEqual(['arterial', 'expressway', 'ring']);
    expect(fc.features[2].properties.ring).toBe(3);
    expect(ringOf('North 4th Ring Road')).toBe(4);
    expect(ringOf('陇海路')).toBeNull();
  });

  it('is routable through shared OSM nodes, and the junction finder works on it', () => {
    const fc = osmRoadsToGeoJSON(seq);
    const g = buildRoadGraph(fc);
    expect(reachable(g, 0).size).toBe(g.nodes.length);
    expect(findJunction(g, '陇海路', '京广路')).toEqual([113.646, 34.738]);
    const r = shortestPath(g, [113.646, 34.7], [113.6, 34.7])!;
    expect(r.roads).toEqual(['osm-11', 'osm-10', 'osm-12']);
    const c = compactGraph(fc);
    expect(c.stats.reachableFromNode0).toBe(c.stats.nodes);
    expect(c.edges.length).toBe(5);
  });

  it('the generated OSM style is a valid MapLibre style with a pmtiles:// source', () => {
    const s = osmStyle('/osm/basemap.pmtiles');
    expect(validateStyleMin(s as never).map((e: { message: string }) => e.message)).toEqual([]);
    expect(s.sources.osm.url).toBe('pmtiles:///osm/basemap.pmtiles');
  });
});

describe('osm-pipeline', () => {
  it('stops with a clear message naming the apt packages when the tools are missing', () => {
    const env = { ...process.env, PATH: '/nonexistent' };
    expect(missingTools(env).sort()).toEqual(['osmium', 'tilemaker']);
    expect(() => checkTools(env)).toThrow(/apt-get install osmium-tool tilemaker/);
    expect(APT_PACKAGES).toEqual(['osmium-tool', 'tilemaker']);
  });

  const missing = missingTools();
  if (missing.length) console.warn(`osm-pipeline end-to-end tests skipped: missing ${missing.join(', ')} (apt-get install ${APT_PACKAGES.join(' ')})`);

  const OSM = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="cockpit-test">
  <bounds minlat="34.70" minlon="113.60" maxlat="34.78" maxlon="113.70"/>
  <node id="1" version="1" lat="34.738" lon="113.600"/>
  <node id="2" version="1" lat="34.738" lon="113.646"/>
  <node id="3" version="1" lat="34.738" lon="113.700"/>
  <node id="4" version="1" lat="34.700" lon="113.646"/>
  <node id="5" version="1" lat="34.760" lon="113.646"/>
  <node id="6" version="1" lat="34.770" lon="113.660"/>
  <node id="7" version="1" lat="34.770" lon="113.662"/>
  <node id="8" version="1" lat="34.772" lon="113.662"/>
  <node id="9" version="1" lat="34.772" lon="113.660"/>
  <node id="20" version="1" lat="34.7536" lon="113.6597"><tag k="place" v="city"/><tag k="name" v="郑州"/><tag k="name:en" v="Zhengzhou"/></node>
  <way id="100" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="name" v="陇海路"/><tag k="name:en" v="Longhai Road"/></way>
  <way id="101" version="1"><nd ref="4"/><nd ref="2"/><nd ref="5"/><tag k="highway" v="trunk"/><tag k="name" v="京广快速路"/></way>
  <way id="102" version="1"><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="9"/><nd ref="6"/><tag k="building" v="yes"/><tag k="building:levels" v="20"/></way>
  <way id="103" version="1"><nd ref="1"/><nd ref="4"/><tag k="waterway" v="river"/><tag k="name" v="金水河"/></way>
</osm>
`;

  it.skipIf(missing.length > 0)('builds a PMTiles basemap and a routable road graph from a tiny .osm file', () => {
    const dir = tmp();
    const input = path.join(dir, 'tiny.osm');
    fs.writeFileSync(input, OSM);
    const r = runPipeline({ input, outDir: path.join(dir, 'out'), minzoom: 10, maxzoom: 13, log: () => {} });
    const pm = PmtilesReader.open(r.pmtiles);
    expect(pm.header.tileType).toBe(TileType.Mvt);
    expect(pm.header.minZoom).toBeGreaterThanOrEqual(10);
    expect(pm.header.maxZoom).toBe(13);
    expect(pm.header.numAddressedTiles).toBeGreaterThan(0);
    expect([...pm.tiles()].every((t) => t.data.length > 0)).toBe(true);
    expect(r.roadCount).toBe(2);
    expect(r.graphStats.reachableFromNode0).toBe(r.graphStats.nodes);
    const roads = JSON.parse(fs.readFileSync(r.roads, 'utf8'));
    expect(findJunction(buildRoadGraph(roads), '陇海路', '京广路')).toEqual([113.646, 34.738]);
    expect(JSON.parse(fs.readFileSync(r.style, 'utf8')).sources.osm.url).toMatch(/^pmtiles:\/\//);
  });

  it.skipIf(missing.length > 0)('stops with a clear message on a malformed extract', () => {
    const dir = tmp();
    const input = path.join(dir, 'broken.osm');
    fs.writeFileSync(input, '<osm version="0.6"><node id="1" lat="oops"');
    expect(() => runPipeline({ input, outDir: path.join(dir, 'out'), log: () => {} })).toThrow(/malformed OSM extract/);
  });
});
