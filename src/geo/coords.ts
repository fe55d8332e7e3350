/**
 * Coordinate-system conversion for Chinese map data.
 *
 * Chinese web maps (AMap/Gaode, Tencent, the DataV/echarts boundary files) publish
 * coordinates in GCJ-02, an obfuscated datum offset from WGS84 by a few hundred metres
 * (about 570 m west/100 m north near Zhengzhou). Everything in this cockpit is WGS84, so
 * GCJ-02 data is converted once at build time with the `gcoord` package (iterative inverse,
 * error well below a metre; checked against an independent reference in the tests).
 */
import gcoord from 'gcoord';
import type { LonLat } from './geometry';

export function gcj02ToWgs84(p: LonLat): LonLat {
  const [lon, lat] = gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return [lon, lat];
}

export function wgs84ToGcj02(p: LonLat): LonLat {
  const [lon, lat] = gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return [lon, lat];
}
