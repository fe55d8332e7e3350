import { describe, expect, it } from 'vitest';
import { buildQuery, checkNames, isoBeijing, sanitizeParams } from './deeplink';
import { applyUrlParams } from './config';

describe('deep links', () => {
  it('builds a link that the configuration reads back to the same view', () => {
    const q = buildQuery({
      source: { kind: 'replay', url: '/mock-data/rainstorm-2021-07-20.ndjson' },
      time: Date.parse('2021-07-20T16:45:00+08:00'),
      speed: 120,
      lang: 'en',
      scene: 'flood',
      layers: { districts: { visible: true }, buildings: { visible: false }, waterlogging: { visible: true } },
      selection: { topic: 'hotspots', id: 'H05' },
      camera: { lon: 113.672345678, lat: 34.741, zoom: 13.256, pitch: 40, bearing: -20 },
    });
    const p = new URLSearchParams(q);
    expect(p.get('fixture')).toBe('rainstorm-2021-07-20');
    expect(p.get('t')).toBe('2021-07-20T16:45:00+08:00');
    expect(p.get('layers')).toBe('districts,waterlogging');
    const { merged, select, only } = applyUrlParams({}, sanitizeParams(p).params) as { merged: Record<string, any>; select: unknown; only: string[] };
    expect(merged.source.url).toBe('/mock-data/rainstorm-2021-07-20.ndjson');
    expect(Date.parse(merged.replay.start)).toBe(Date.parse('2021-07-20T16:45:00+08:00'));
    expect(merged.replay.speed).toBe(120);
    expect(merged.lang).toBe('en');
    expect(merged.camera).toEqual({ lon: 113.67235, lat: 34.741, zoom: 13.26, pitch: 40, bearing: -20 });
    expect(select).toEqual({ topic: 'hotspots', id: 'H05' });
    expect(only).toEqual(['districts', 'waterlogging']);
    expect(sanitizeParams(p).ignored).toEqual([]);
  });

  it('a live source links its kind and URL; other timelines by URL', () => {
    expect(new URLSearchParams(buildQuery({ source: { kind: 'sse', url: '/api/stream' }, lang: 'zh', layers: {} })).get('source')).toBe('sse');
    expect(new URLSearchParams(buildQuery({ source: { kind: 'replay', url: 'https://x/y.ndjson' }, lang: 'zh', layers: {} })).get('timeline')).toBe('https://x/y.ndjson');
  });

  it('drops or clamps what a link cannot honour, and says so', () => {
    const { params, ignored } = sanitizeParams(new URLSearchParams('t=yesterday&speed=9999&lang=fr&mode=tv&lon=113.6&lat=95&zoom=x&select=H01&foo=1'));
    expect(params.has('t')).toBe(false);
    expect(params.get('speed')).toBe('600');
    expect(params.has('lang')).toBe(false);
    expect(params.has('mode')).toBe(false);
    expect(params.get('lat')).toBe('85');
    expect(params.has('zoom')).toBe(false);
    expect(params.has('select')).toBe(false);
    // unknown parameters are reported but left for whoever reads them
    expect(params.get('foo')).toBe('1');
    const text = ignored.join('; ');
    for (const k of ['t=yesterday', 'speed=9999', 'lang=fr', 'mode=tv', 'lat=95', 'zoom=x', 'select=H01', 'foo']) expect(text).toContain(k);
    // half a position is no position
    expect(sanitizeParams(new URLSearchParams('lon=113')).params.has('lon')).toBe(false);
  });

  it('names layers and scenes it does not know', () => {
    const out = checkNames(new URLSearchParams('layers=districts,nope&hide=gone&scene=zzz'), ['districts', 'parking'], ['overview']);
    expect(out.join('; ')).toContain('nope');
    expect(out.join('; ')).toContain('gone');
    expect(out.join('; ')).toContain('scene=zzz');
  });

  it('writes Beijing time', () => {
    expect(isoBeijing(Date.parse('2021-07-20T08:00:00Z'))).toBe('2021-07-20T16:00:00+08:00');
  });
});
