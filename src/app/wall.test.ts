import { describe, expect, it } from 'vitest';
import { parseWall, shiftCenter, tileView } from './wall';

const P = (s: string) => new URLSearchParams(s);

describe('wall tiles', () => {
  it('reads the wall parameters and refuses malformed ones with a reason', () => {
    expect(parseWall(P(''))).toBeNull();
    expect(parseWall(P('wall=w&tile=1,0&grid=2x1'))).toEqual({ name: 'w', col: 1, row: 0, cols: 2, rows: 1 });
    expect(parseWall(P('wall=w&tile=2,0&grid=2x1'))).toMatch(/outside the 2x1 grid/);
    expect(parseWall(P('wall=w&grid=two'))).toMatch(/grid=two/);
    expect(parseWall(P('wall=a b'))).toMatch(/letters/);
  });

  it('places the shared centre at the centre of the whole wall', () => {
    // 2×1: the centre is on the seam
    expect(tileView({ name: 'w', col: 0, row: 0, cols: 2, rows: 1 }, 800, 450)).toEqual({ padding: { left: 800, right: 0, top: 0, bottom: 0 }, shift: { dx: 0, dy: 0 } });
    expect(tileView({ name: 'w', col: 1, row: 0, cols: 2, rows: 1 }, 800, 450)).toEqual({ padding: { left: 0, right: 800, top: 0, bottom: 0 }, shift: { dx: 0, dy: 0 } });
    // 2×2: the shared corner
    expect(tileView({ name: 'w', col: 1, row: 1, cols: 2, rows: 2 }, 800, 450).padding).toEqual({ left: 0, right: 800, top: 0, bottom: 450 });
    // 3×1 outer tiles: padding to the edge, the rest a shift of one tile
    const t = tileView({ name: 'w', col: 0, row: 0, cols: 3, rows: 1 }, 800, 450);
    expect(t.padding).toEqual({ left: 800, right: 0, top: 0, bottom: 0 });
    expect(t.shift).toEqual({ dx: -400, dy: 0 });
    // 1×1 is an ordinary screen
    expect(tileView({ name: 'w', col: 0, row: 0, cols: 1, rows: 1 }, 800, 450)).toEqual({ padding: { left: 0, right: 0, top: 0, bottom: 0 }, shift: { dx: 0, dy: 0 } });
  });

  it('shifts a centre by screen pixels at any bearing, and back', () => {
    const [lon, lat] = shiftCenter(113.66, 34.76, 11, 0, 512, 0);
    // 512 px at zoom 11 is 1/2^11 of the world: 360/2048 degrees of longitude
    expect(lon - 113.66).toBeCloseTo(360 / 2048, 9);
    expect(lat).toBeCloseTo(34.76, 9);
    const [l2, a2] = shiftCenter(113.66, 34.76, 12.3, 37, 300, -120);
    const [l3, a3] = shiftCenter(l2, a2, 12.3, 37, -300, 120);
    expect(l3).toBeCloseTo(113.66, 9);
    expect(a3).toBeCloseTo(34.76, 9);
    // turned 90°: screen right is south
    const [, south] = shiftCenter(113.66, 34.76, 11, 90, 100, 0);
    expect(south).toBeLessThan(34.76);
  });
});
