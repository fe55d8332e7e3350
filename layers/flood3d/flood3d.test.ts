/** The 3D layer's data mapping: water columns from depths, rain density, street sections. */
import { describe, expect, it } from 'vitest';
import flood3d, { CAP_CM, COLUMN_PX, columnAttributes, metresPerPixel } from './index';
import { dropsFor, sectionKind } from './scene';

describe('flood3d', () => {
  it('a column per wet place, its height in proportion to the depth (capped), none where dry', () => {
    const c = columnAttributes(new Float32Array([0, 0.4, 30, 120, 600]));
    expect(Array.from(c.elevations)).toEqual([0, 0.4, 30, 120, CAP_CM].map((d) => Math.fround((d / CAP_CM) * COLUMN_PX)));
    const alpha = (i: number) => c.colors[4 * i + 3];
    expect(alpha(0)).toBe(0);
    expect(alpha(1)).toBe(0); // under a centimetre: no column
    expect(alpha(2)).toBeGreaterThan(0);
  });

  it('rain density follows intensity: none when dry, more with more rain, capped', () => {
    expect(dropsFor(0)).toBe(0);
    expect(dropsFor(NaN)).toBe(0);
    expect(dropsFor(-5)).toBe(0);
    expect(dropsFor(5)).toBeGreaterThan(0);
    expect(dropsFor(50)).toBeGreaterThan(dropsFor(5));
    expect(dropsFor(200)).toBe(dropsFor(5000));
  });

  it('street sections by kind of place', () => {
    expect(sectionKind('tunnel')).toBe('tunnel');
    expect(sectionKind('underpass')).toBe('underpass');
    expect(sectionKind('bridge-under')).toBe('bridge-under');
    expect(sectionKind('something else')).toBe('junction');
  });

  it('is a layer plugin that redraws on scenario changes and can be switched off', () => {
    expect(flood3d.id).toBe('flood3d');
    expect(typeof flood3d.subscribe).toBe('function');
    const unsub = flood3d.subscribe!(() => {});
    expect(typeof unsub).toBe('function');
    unsub();
    expect(flood3d.Panel).toBeDefined();
  });
});

describe('column height with zoom', () => {
  it('heights are pixels: metres per pixel halves with each zoom level', () => {
    expect(metresPerPixel(10)).toBeCloseTo(2 * metresPerPixel(11), 6);
    // about 41 m per (CSS) pixel at zoom 10.6 over Zhengzhou (512-px tiles)
    expect(metresPerPixel(10.6)).toBeGreaterThan(38);
    expect(metresPerPixel(10.6)).toBeLessThan(45);
  });
});
