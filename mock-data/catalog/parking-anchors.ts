/**
 * Named places of Zhengzhou with big car parks, to anchor the simulated car parks on
 * places a citizen knows: railway stations and the airport, large hospitals, shopping
 * centres, venues, the CBD towers. POSITIONS ARE ESTIMATES from general knowledge of the
 * city (WGS84, typical error a few hundred metres), CAPACITIES ARE PLAUSIBLE GUESSES, not
 * published figures; every car park generated from them is marked `approximate: true`
 * and the data `simulated`. The rest of the car parks are placed by the seeded generator
 * (mock-data/generator/parking-sites.ts).
 */
import type { CarparkType } from '../../layers/parking/topic';

export interface ParkingAnchor {
  name_zh: string;
  name_en: string;
  type: CarparkType;
  lon: number;
  lat: number;
  capacity: number;
}

export const PARKING_ANCHORS: ParkingAnchor[] = [
  // transport hubs
  { name_zh: '郑州站停车场', name_en: 'Zhengzhou Railway Station car park', type: 'hub', lon: 113.6586, lat: 34.7452, capacity: 1200 },
  { name_zh: '郑州东站停车场', name_en: 'Zhengzhou East Railway Station car park', type: 'hub', lon: 113.7735, lat: 34.7585, capacity: 3000 },
  { name_zh: '郑州新郑国际机场停车场', name_en: 'Zhengzhou Xinzheng International Airport car park', type: 'hub', lon: 113.8405, lat: 34.5265, capacity: 4000 },
  { name_zh: '郑州汽车客运中心站停车场', name_en: 'Zhengzhou Coach Centre car park', type: 'hub', lon: 113.7205, lat: 34.7508, capacity: 600 },
  // hospitals
  { name_zh: '郑州大学第一附属医院（河医院区）停车场', name_en: 'First Affiliated Hospital of Zhengzhou University (Heyi campus) car park', type: 'hospital', lon: 113.6462, lat: 34.7555, capacity: 1500 },
  { name_zh: '郑州大学第一附属医院（郑东院区）停车场', name_en: 'First Affiliated Hospital of Zhengzhou University (Zhengdong campus) car park', type: 'hospital', lon: 113.7625, lat: 34.8115, capacity: 3000 },
  { name_zh: '河南省人民医院停车场', name_en: 'Henan Provincial People’s Hospital car park', type: 'hospital', lon: 113.6758, lat: 34.7668, capacity: 1200 },
  { name_zh: '河南省肿瘤医院停车场', name_en: 'Henan Cancer Hospital car park', type: 'hospital', lon: 113.7008, lat: 34.7702, capacity: 800 },
  { name_zh: '郑州市中心医院停车场', name_en: 'Zhengzhou Central Hospital car park', type: 'hospital', lon: 113.6112, lat: 34.7738, capacity: 800 },
  { name_zh: '河南中医药大学第一附属医院停车场', name_en: 'First Affiliated Hospital of Henan University of CM car park', type: 'hospital', lon: 113.6725, lat: 34.7612, capacity: 600 },
  { name_zh: '河南省儿童医院停车场', name_en: 'Henan Children’s Hospital car park', type: 'hospital', lon: 113.6912, lat: 34.7752, capacity: 500 },
  // shopping centres
  { name_zh: '大卫城停车场', name_en: 'David City car park', type: 'mall', lon: 113.6628, lat: 34.7566, capacity: 1200 },
  { name_zh: '万象城停车场', name_en: 'MixC car park', type: 'mall', lon: 113.6572, lat: 34.7568, capacity: 1300 },
  { name_zh: '正弘城停车场', name_en: 'Zhenghong City car park', type: 'mall', lon: 113.6795, lat: 34.7905, capacity: 1500 },
  { name_zh: '国贸360停车场', name_en: 'Guomao 360 car park', type: 'mall', lon: 113.6782, lat: 34.7842, capacity: 800 },
  { name_zh: '熙地港购物中心停车场', name_en: 'Xidigang mall car park', type: 'mall', lon: 113.7468, lat: 34.7842, capacity: 2000 },
  { name_zh: '二七万达广场停车场', name_en: 'Erqi Wanda Plaza car park', type: 'mall', lon: 113.6398, lat: 34.7245, capacity: 1500 },
  { name_zh: '中原万达广场停车场', name_en: 'Zhongyuan Wanda Plaza car park', type: 'mall', lon: 113.6195, lat: 34.7462, capacity: 1500 },
  { name_zh: '郑东万达广场停车场', name_en: 'Zhengdong Wanda Plaza car park', type: 'mall', lon: 113.7368, lat: 34.7318, capacity: 1800 },
  // venues and parks
  { name_zh: '郑州国际会展中心停车场', name_en: 'Zhengzhou International Convention and Exhibition Centre car park', type: 'leisure', lon: 113.7292, lat: 34.7792, capacity: 2000 },
  { name_zh: '郑州奥林匹克体育中心停车场', name_en: 'Zhengzhou Olympic Sports Centre car park', type: 'leisure', lon: 113.5268, lat: 34.7645, capacity: 2500 },
  { name_zh: '河南艺术中心停车场', name_en: 'Henan Art Centre car park', type: 'leisure', lon: 113.7415, lat: 34.7702, capacity: 600 },
  { name_zh: '人民公园停车场', name_en: 'People’s Park car park', type: 'leisure', lon: 113.6528, lat: 34.7605, capacity: 300 },
  { name_zh: '紫荆山公园停车场', name_en: 'Zijingshan Park car park', type: 'leisure', lon: 113.6835, lat: 34.7602, capacity: 300 },
  // offices
  { name_zh: '绿地中心千玺广场停车场', name_en: 'Greenland Centre (Qianxi Plaza) car park', type: 'office', lon: 113.7212, lat: 34.7705, capacity: 1200 },
  { name_zh: '郑州市民公共服务中心停车场', name_en: 'Zhengzhou Citizens’ Service Centre car park', type: 'office', lon: 113.7335, lat: 34.7638, capacity: 900 },
];
