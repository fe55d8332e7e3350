import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_SCENES, parseScenes, sceneLayers } from './scenes';

const LAYERS = ['districts', 'communities', 'parking', 'buildings', 'flood3d', 'waterlogging'];

describe('scenes', () => {
  it('public/scenes.json is valid and matches the built-in defaults', () => {
    const raw = JSON.parse(readFileSync(new URL('../../public/scenes.json', import.meta.url), 'utf8'));
    const r = parseScenes(raw, [...LAYERS, 'ambulances']);
    expect(r.errors).toEqual([]);
    expect(r.file).toEqual(DEFAULT_SCENES);
    expect(r.file.scenes.map((s) => s.id)).toEqual(['overview', 'flood', 'parking', 'lifeline', 'community']);
  });

  it('an optional layer that is not installed is noted, not an error', () => {
    const r = parseScenes(DEFAULT_SCENES, LAYERS);
    expect(r.errors).toEqual([]);
    expect(r.missing.lifeline).toEqual(['ambulances']);
    expect(sceneLayers(r.file.scenes.find((s) => s.id === 'lifeline')!, LAYERS)).toMatchObject({ districts: true, waterlogging: false });
    // once installed it lights up
    expect(sceneLayers(r.file.scenes.find((s) => s.id === 'lifeline')!, [...LAYERS, 'ambulances']).ambulances).toBe(true);
  });

  it('an unknown layer, a malformed camera, an unknown panel or a duplicate id refuse the file: the defaults stay', () => {
    const base = structuredClone(DEFAULT_SCENES) as unknown as { scenes: Record<string, unknown>[] };
    const bad1 = structuredClone(base);
    bad1.scenes[1].layers = ['districts', 'floods'];
    const r1 = parseScenes(bad1, LAYERS);
    expect(r1.errors.join()).toContain('scene "flood": unknown layer "floods"');
    expect(r1.file.scenes.map((s) => s.id)).toEqual(DEFAULT_SCENES.scenes.map((s) => s.id));

    const bad2 = structuredClone(base);
    bad2.scenes[2].camera = { lon: 113.6, lat: 134.7, zoom: 11 };
    const r2 = parseScenes(bad2, LAYERS);
    expect(r2.errors.join()).toMatch(/scenes\[2\] \(parking\)\.camera\.lat/);

    const bad3 = structuredClone(base);
    bad3.scenes[0].panels = ['overview', 'weather'];
    expect(parseScenes(bad3, LAYERS).errors.join()).toContain('unknown panel "weather"');

    const bad4 = structuredClone(base);
    bad4.scenes[3].id = 'overview';
    expect(parseScenes(bad4, LAYERS).errors.join()).toContain('"overview" is defined twice');

    expect(parseScenes({ scenes: [] }, LAYERS).errors.length).toBeGreaterThan(0);
    expect(parseScenes('nonsense', LAYERS).errors.length).toBeGreaterThan(0);
  });
});
