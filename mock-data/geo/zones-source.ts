/**
 * The four functional zones that Zhengzhou counts as county-level units next to its 12
 * administrative districts (16 in all). Their exact boundaries are not published as open
 * data; these rings are APPROXIMATE outlines authored from general knowledge of where each
 * zone lies (WGS84), drawn along the main roads/railways that bound them. They are clipped
 * to the municipality and subtracted from the admin districts by build-districts.ts.
 */
import type { LonLat } from '../../src/geo/geometry';

export interface ZoneSource {
  code: string;
  name_zh: string;
  name_en: string;
  alias_zh: string[];
  alias_en: string[];
  /** outer ring, WGS84, open (the build closes it) */
  ring: LonLat[];
  note: string;
}

export const ZONES: ZoneSource[] = [
  {
    code: 'ZD',
    name_zh: '郑东新区',
    name_en: 'Zhengdong New District',
    alias_zh: ['郑东'],
    alias_en: ['Zhengdong'],
    note: 'west edge along Zhongzhou Avenue, south edge along the Longhai railway, north to the Lianhuo expressway, east to Baisha',
    ring: [
      [113.714, 34.737],
      [113.78, 34.736],
      [113.84, 34.733],
      [113.862, 34.706],
      [113.92, 34.7],
      [113.958, 34.742],
      [113.952, 34.8],
      [113.9, 34.84],
      [113.84, 34.862],
      [113.77, 34.872],
      [113.717, 34.868],
      [113.714, 34.8],
    ],
  },
  {
    code: 'JK',
    name_zh: '郑州经济技术开发区',
    name_en: 'Zhengzhou Economic-Technological Development Zone',
    alias_zh: ['经开区', '郑州经开区'],
    alias_en: ['ETDZ', 'Jingkai'],
    note: 'south of the Longhai railway between the Zhongzhou Avenue corridor and the Jing-Gang-Ao expressway area, south to the 4th ring',
    ring: [
      [113.72, 34.735],
      [113.78, 34.736],
      [113.84, 34.733],
      [113.862, 34.706],
      [113.862, 34.642],
      [113.8, 34.622],
      [113.742, 34.63],
      [113.722, 34.66],
      [113.718, 34.7],
    ],
  },
  {
    code: 'GX',
    name_zh: '郑州高新技术产业开发区',
    name_en: 'Zhengzhou High-Tech Industrial Development Zone',
    alias_zh: ['高新区', '郑州高新区'],
    alias_en: ['High-Tech Zone', 'Gaoxin'],
    note: 'west of the West 3rd Ring Road, north of Zhongyuan West Road, towards the Lianhuo expressway',
    ring: [
      [113.581, 34.762],
      [113.58, 34.818],
      [113.56, 34.842],
      [113.505, 34.856],
      [113.462, 34.845],
      [113.452, 34.8],
      [113.462, 34.765],
      [113.52, 34.754],
    ],
  },
  {
    code: 'HKG',
    name_zh: '郑州航空港经济综合实验区',
    name_en: 'Zhengzhou Airport Economy Zone',
    alias_zh: ['航空港区', '郑州航空港区', '航空港'],
    alias_en: ['Airport Economy Zone', 'Airport Zone', 'ZAEZ'],
    note: 'around Xinzheng International Airport, mostly in Xinzheng and south Zhongmu',
    ring: [
      [113.725, 34.598],
      [113.82, 34.615],
      [113.92, 34.598],
      [113.995, 34.55],
      [113.995, 34.452],
      [113.94, 34.412],
      [113.84, 34.402],
      [113.752, 34.425],
      [113.715, 34.5],
    ]
  },
];
