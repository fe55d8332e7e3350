/**
 * SCHEMATIC main-road network of Zhengzhou (WGS84), authored from general knowledge,
 * NOT survey data. Positions aim to be within a few hundred metres of the real roads in
 * the urban core (anchored on published metro-station coordinates, see docs/geography.md)
 * and are coarser at the edges. Each road is a polyline drawn through its main junctions;
 * build-roads.ts nodes the network (inserts a shared vertex wherever roads cross or a
 * road ends on another) so it is routable.
 *
 * Sections: a road that is partly a ring (the 2nd ring is made of 北环路, 未来路, 航海路
 * and 嵩山路) is split into sections, each with its own class; `road_zh`/`road_en` is the
 * canonical road name the junction finder matches.
 */
import type { LonLat } from '../../src/geo/geometry';

export type RoadClass = 'expressway' | 'ring' | 'arterial';

export interface RoadSource {
  id: string;
  name_zh: string;
  name_en: string;
  road_zh: string;
  road_en: string;
  class: RoadClass;
  /** which ring the section belongs to (2, 3, 4), if any */
  ring?: 2 | 3 | 4;
  /** other names the road is searched by */
  alias_zh?: string[];
  coords: LonLat[];
}

// ---------------------------------------------------------------------------------------
// Grid of the urban core (WGS84). Latitudes of east-west roads, longitudes of north-south
// roads, where they cross the centre. Anchors (Wikipedia metro-station coordinates):
// Huayuan Rd × Huanghe Rd 34.7756/113.6760, Huayuan Rd × Nongye Rd ≈34.7890/113.6756,
// Jianshe Rd × W 3rd Ring 34.7610/113.5825, Erqi Square 34.7536/113.6597,
// Jinshui E Rd × Nongye S Rd 34.7663/113.7491, Zhengzhou East station 34.7601/113.7730.
// ---------------------------------------------------------------------------------------
const LAT = {
  S4: 34.662,
  S3: 34.698,
  HANGHAI: 34.721,
  LONGHAI: 34.738,
  ZHONGYUAN: 34.749,
  JIANSHE: 34.761,
  HUANGHE: 34.7756,
  NONGYE: 34.789,
  BEIHUAN: 34.7975,
  DONGFENG: 34.8045,
  N3: 34.8165,
  N4: 34.852,
  G30: 34.867,
};
const LON = {
  W4: 113.51,
  W3: 113.58,
  QINLING: 113.596,
  TONGBAI: 113.609,
  DAXUE: 113.638,
  JINGGUANG: 113.646,
  NANYANG: 113.655,
  WENHUA: 113.665,
  HUAYUAN: 113.676,
  JINGSAN: 113.687,
  WEILAI: 113.698,
  ZHONGZHOU: 113.715,
  E3: 113.779,
  G4: 113.822,
  E4: 113.855,
};

/** 嵩山路 runs slightly NNE (it is the Zhongyuan/Erqi district border in the north). */
const SONGSHAN: LonLat[] = [
  [113.617, LAT.S4],
  [113.619, LAT.S3],
  [113.6203, LAT.HANGHAI],
  [113.6215, LAT.LONGHAI],
  [113.6221, LAT.ZHONGYUAN],
  [113.6241, LAT.JIANSHE],
  [113.6256, 34.7676],
  [113.6265, LAT.HUANGHE],
  [113.6268, LAT.NONGYE],
  [113.627, LAT.BEIHUAN],
];
const SONGSHAN_AT_HANGHAI = SONGSHAN[2];
const SONGSHAN_AT_BEIHUAN = SONGSHAN[9];
const WEILAI_AT_HANGHAI: LonLat = [LON.WEILAI, LAT.HANGHAI];
const WEILAI_AT_BEIHUAN: LonLat = [LON.WEILAI, LAT.BEIHUAN];

/** corners of the 3rd and 4th rings */
const R3 = { SW: [LON.W3, LAT.S3], NW: [LON.W3, LAT.N3], NE: [LON.E3, LAT.N3], SE: [LON.E3, LAT.S3] } as Record<string, LonLat>;
const R4 = { SW: [LON.W4, LAT.S4], NW: [LON.W4, LAT.N4], NE: [LON.E4, LAT.N4], SE: [LON.E4, LAT.S4] } as Record<string, LonLat>;

/** Zhengdong CBD: the two ring roads around the Greenland (Qianxi) tower. */
export const CBD_CENTER: LonLat = [113.7245, 34.7725];
function circle(center: LonLat, radiusM: number, n: number): LonLat[] {
  return ellipseRing(center, radiusM, radiusM, n);
}
function ellipseRing(center: LonLat, rxM: number, ryM: number, n: number): LonLat[] {
  const out: LonLat[] = [];
  const dLat = ryM / 111_195;
  const dLon = rxM / 111_195 / Math.cos((center[1] * Math.PI) / 180);
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    out.push([+(center[0] + dLon * Math.cos(a)).toFixed(6), +(center[1] + dLat * Math.sin(a)).toFixed(6)]);
  }
  out.push(out[0]);
  return out;
}

export const ROADS: RoadSource[] = [
  // ---------------- rings ----------------
  { id: 'r2-n', name_zh: '北环路', name_en: 'Beihuan Road', road_zh: '北环路', road_en: 'Beihuan Road', class: 'ring', ring: 2, alias_zh: ['北环', '二环'], coords: [SONGSHAN_AT_BEIHUAN, [LON.WENHUA, LAT.BEIHUAN], WEILAI_AT_BEIHUAN] },
  { id: 'r2-e', name_zh: '未来路', name_en: 'Weilai Road', road_zh: '未来路', road_en: 'Weilai Road', class: 'ring', ring: 2, alias_zh: ['二环'], coords: [WEILAI_AT_BEIHUAN, [LON.WEILAI, LAT.JIANSHE + 0.0035], WEILAI_AT_HANGHAI] },
  { id: 'r2-s', name_zh: '航海路', name_en: 'Hanghai Road', road_zh: '航海路', road_en: 'Hanghai Road', class: 'ring', ring: 2, alias_zh: ['航海中路', '二环'], coords: [WEILAI_AT_HANGHAI, [LON.HUAYUAN + 0.004, LAT.HANGHAI], SONGSHAN_AT_HANGHAI] },
  { id: 'r2-w', name_zh: '嵩山路', name_en: 'Songshan Road', road_zh: '嵩山路', road_en: 'Songshan Road', class: 'ring', ring: 2, alias_zh: ['嵩山北路', '嵩山南路', '二环'], coords: SONGSHAN.slice(2) },

  { id: 'r3-n', name_zh: '北三环', name_en: 'North 3rd Ring Road', road_zh: '三环路', road_en: '3rd Ring Road', class: 'ring', ring: 3, alias_zh: ['北三环路', '三环'], coords: [R3.NW, [LON.HUAYUAN, LAT.N3], [LON.ZHONGZHOU + 0.001, LAT.N3], R3.NE] },
  { id: 'r3-e', name_zh: '东三环', name_en: 'East 3rd Ring Road', road_zh: '三环路', road_en: '3rd Ring Road', class: 'ring', ring: 3, alias_zh: ['东三环路', '三环', '107国道'], coords: [R3.NE, [LON.E3, 34.766], [LON.E3, LAT.LONGHAI], R3.SE] },
  { id: 'r3-s', name_zh: '南三环', name_en: 'South 3rd Ring Road', road_zh: '三环路', road_en: '3rd Ring Road', class: 'ring', ring: 3, alias_zh: ['南三环路', '三环'], coords: [R3.SE, [LON.ZHONGZHOU - 0.001, LAT.S3], [LON.JINGGUANG, LAT.S3], R3.SW] },
  { id: 'r3-w', name_zh: '西三环', name_en: 'West 3rd Ring Road', road_zh: '三环路', road_en: '3rd Ring Road', class: 'ring', ring: 3, alias_zh: ['西三环路', '三环'], coords: [R3.SW, [LON.W3, LAT.LONGHAI], [LON.W3, LAT.JIANSHE], R3.NW] },

  { id: 'r4-n', name_zh: '北四环', name_en: 'North 4th Ring Road', road_zh: '四环路', road_en: '4th Ring Road', class: 'ring', ring: 4, alias_zh: ['北四环路', '四环'], coords: [R4.NW, [LON.W3, 34.8535], [LON.HUAYUAN, LAT.N4], [LON.E3, 34.8515], R4.NE] },
  { id: 'r4-e', name_zh: '东四环', name_en: 'East 4th Ring Road', road_zh: '四环路', road_en: '4th Ring Road', class: 'ring', ring: 4, alias_zh: ['东四环路', '四环', '四港联动大道'], coords: [R4.NE, [LON.E4, 34.764], R4.SE] },
  { id: 'r4-s', name_zh: '南四环', name_en: 'South 4th Ring Road', road_zh: '四环路', road_en: '4th Ring Road', class: 'ring', ring: 4, alias_zh: ['南四环路', '四环'], coords: [R4.SE, [LON.ZHONGZHOU, LAT.S4], [LON.HUAYUAN, LAT.S4], R4.SW] },
  { id: 'r4-w', name_zh: '西四环', name_en: 'West 4th Ring Road', road_zh: '四环路', road_en: '4th Ring Road', class: 'ring', ring: 4, alias_zh: ['西四环路', '四环'], coords: [R4.SW, [LON.W4, 34.752], R4.NW] },

  // ---------------- expressways ----------------
  { id: 'g30', name_zh: '连霍高速', name_en: 'Lianhuo Expressway (G30)', road_zh: '连霍高速', road_en: 'Lianhuo Expressway', class: 'expressway', alias_zh: ['G30', '连霍高速公路'], coords: [[113.27, 34.79], [113.36, 34.805], [113.44, 34.835], [LON.W4, 34.861], [LON.W3, 34.866], [LON.HUAYUAN, LAT.G30], [LON.ZHONGZHOU, 34.868], [113.77, 34.866], [LON.G4, 34.861], [113.9, 34.842], [114.0, 34.815], [114.12, 34.79]] },
  { id: 'g4', name_zh: '京港澳高速', name_en: 'Jinggang\'ao Expressway (G4)', road_zh: '京港澳高速', road_en: 'Jinggang\'ao Expressway', class: 'expressway', alias_zh: ['G4', '京珠高速', '京港澳高速公路'], coords: [[113.79, 34.4], [113.8, 34.5], [113.808, 34.58], [113.815, LAT.S4], [113.819, LAT.S3], [LON.G4, LAT.LONGHAI], [LON.G4, 34.79], [113.824, LAT.N4], [113.826, 34.861], [113.83, 34.93]] },
  { id: 's1', name_zh: '机场高速', name_en: 'Airport Expressway (S1)', road_zh: '机场高速', road_en: 'Airport Expressway', class: 'expressway', alias_zh: ['S1', '郑州机场高速'], coords: [[LON.ZHONGZHOU, 34.712], [113.728, LAT.S3], [113.745, 34.675], [113.762, LAT.S4], [113.79, 34.61], [113.818, 34.555], [113.836, 34.525]] },
  { id: 'zhongzhou', name_zh: '中州大道', name_en: 'Zhongzhou Avenue', road_zh: '中州大道', road_en: 'Zhongzhou Avenue', class: 'expressway', alias_zh: ['老107'], coords: [[113.712, 34.62], [113.713, LAT.S4], [113.714, LAT.S3], [LON.ZHONGZHOU, LAT.HANGHAI], [LON.ZHONGZHOU, LAT.LONGHAI], [LON.ZHONGZHOU, 34.766], [LON.ZHONGZHOU, LAT.NONGYE], [LON.ZHONGZHOU + 0.001, LAT.N3], [113.717, LAT.N4], [113.718, 34.868], [113.72, 34.905]] },
  { id: 'jingguang-x', name_zh: '京广快速路', name_en: 'Jingguang Expressway', road_zh: '京广路', road_en: 'Jingguang Road', class: 'expressway', alias_zh: ['京广南路', '京广快速'], coords: [[113.642, 34.6], [113.644, LAT.S4], [113.645, LAT.S3], [113.6455, LAT.HANGHAI], [LON.JINGGUANG, LAT.LONGHAI]] },
  { id: 'longhai-x', name_zh: '陇海快速路', name_en: 'Longhai Expressway', road_zh: '陇海路', road_en: 'Longhai Road', class: 'expressway', alias_zh: ['陇海路', '陇海中路', '陇海东路', '陇海高架'], coords: [[LON.W3, 34.741], [LON.TONGBAI, 34.7395], [LON.JINGGUANG, LAT.LONGHAI], [LON.HUAYUAN + 0.002, 34.737], [LON.WEILAI, 34.7365], [LON.ZHONGZHOU, 34.736], [LON.E3, 34.735]] },
  { id: 'nongye-x', name_zh: '农业快速路', name_en: 'Nongye Expressway', road_zh: '农业路', road_en: 'Nongye Road', class: 'expressway', alias_zh: ['农业路', '农业路高架'], coords: [[LON.W3, 34.7885], [LON.HUAYUAN, LAT.NONGYE], [LON.ZHONGZHOU, LAT.NONGYE]] },

  // ---------------- arterials: west ----------------
  { id: 'longhai-w', name_zh: '陇海西路', name_en: 'Longhai West Road', road_zh: '陇海路', road_en: 'Longhai Road', class: 'arterial', coords: [[LON.W4, 34.7425], [LON.W3, 34.741]] },
  { id: 'hanghai-w', name_zh: '航海西路', name_en: 'Hanghai West Road', road_zh: '航海路', road_en: 'Hanghai Road', class: 'arterial', coords: [[LON.W4, 34.7225], [LON.W3, 34.722], SONGSHAN_AT_HANGHAI] },
  { id: 'hanghai-e', name_zh: '航海东路', name_en: 'Hanghai East Road', road_zh: '航海路', road_en: 'Hanghai Road', class: 'arterial', coords: [WEILAI_AT_HANGHAI, [LON.ZHONGZHOU, 34.7208], [LON.E3, 34.72], [LON.G4, 34.7195], [LON.E4, 34.719]] },
  { id: 'zhongyuan', name_zh: '中原路', name_en: 'Zhongyuan Road', road_zh: '中原路', road_en: 'Zhongyuan Road', class: 'arterial', alias_zh: ['中原西路', '中原中路'], coords: [[113.4, 34.776], [113.46, 34.758], [LON.W4, 34.7525], [LON.W3, 34.7495], [LON.QINLING, LAT.ZHONGYUAN], [LON.TONGBAI, LAT.ZHONGYUAN], [LON.DAXUE, 34.7488], [LON.JINGGUANG, 34.7487]] },
  { id: 'jianshe', name_zh: '建设路', name_en: 'Jianshe Road', road_zh: '建设路', road_en: 'Jianshe Road', class: 'arterial', alias_zh: ['建设西路', '建设东路'], coords: [[113.556, 34.7612], [LON.W3, LAT.JIANSHE], [LON.QINLING, LAT.JIANSHE], [LON.TONGBAI, LAT.JIANSHE], [LON.DAXUE, 34.7614], [LON.JINGGUANG + 0.002, 34.762]] },
  { id: 'jinshui', name_zh: '金水路', name_en: 'Jinshui Road', road_zh: '金水路', road_en: 'Jinshui Road', class: 'arterial', alias_zh: ['金水东路'], coords: [[LON.JINGGUANG + 0.002, 34.762], [LON.NANYANG, 34.7622], [LON.WENHUA, 34.7626], [LON.HUAYUAN, 34.763], [LON.JINGSAN, 34.7638], [LON.WEILAI, 34.7645], [LON.ZHONGZHOU, 34.766]] },
  { id: 'jinshui-e', name_zh: '金水东路', name_en: 'Jinshui East Road', road_zh: '金水路', road_en: 'Jinshui Road', class: 'arterial', coords: [[LON.ZHONGZHOU, 34.766], [113.7491, 34.7663], [113.7606, 34.7658], [LON.E3, 34.766], [LON.G4, 34.7648], [LON.E4, 34.764]] },
  { id: 'huanghe', name_zh: '黄河路', name_en: 'Huanghe Road', road_zh: '黄河路', road_en: 'Huanghe Road', class: 'arterial', alias_zh: ['黄河东路'], coords: [[LON.TONGBAI, 34.7755], [LON.NANYANG, LAT.HUANGHE], [LON.HUAYUAN, LAT.HUANGHE], [LON.WEILAI, 34.7758], [LON.ZHONGZHOU, 34.776]] },
  { id: 'beihuan-w', name_zh: '北环路', name_en: 'Beihuan Road', road_zh: '北环路', road_en: 'Beihuan Road', class: 'arterial', alias_zh: ['北环'], coords: [[LON.W3, 34.7972], [LON.TONGBAI, 34.7973], SONGSHAN_AT_BEIHUAN] },
  { id: 'dongfeng', name_zh: '东风路', name_en: 'Dongfeng Road', road_zh: '东风路', road_en: 'Dongfeng Road', class: 'arterial', coords: [[LON.TONGBAI, 34.8043], [LON.WENHUA, LAT.DONGFENG], [LON.HUAYUAN, LAT.DONGFENG], [LON.ZHONGZHOU, 34.8046]] },
  { id: 'kexue', name_zh: '科学大道', name_en: 'Kexue Avenue', road_zh: '科学大道', road_en: 'Kexue Avenue', class: 'arterial', coords: [[113.45, 34.8105], [LON.W4, 34.811], [113.5349, 34.8112], [LON.W3, 34.8112]] },
  { id: 'changchun', name_zh: '长椿路', name_en: 'Changchun Road', road_zh: '长椿路', road_en: 'Changchun Road', class: 'arterial', coords: [[113.5349, 34.7515], [113.5349, 34.7953], [113.5349, 34.8112]] },

  // ---------------- arterials: north-south, old city ----------------
  { id: 'qinling', name_zh: '秦岭路', name_en: 'Qinling Road', road_zh: '秦岭路', road_en: 'Qinling Road', class: 'arterial', coords: [[LON.QINLING, 34.7405], [LON.QINLING, LAT.JIANSHE], [LON.QINLING, LAT.N3]] },
  { id: 'tongbai', name_zh: '桐柏路', name_en: 'Tongbai Road', road_zh: '桐柏路', road_en: 'Tongbai Road', class: 'arterial', alias_zh: ['桐柏北路', '桐柏南路'], coords: [[113.607, LAT.S3], [LON.TONGBAI, LAT.LONGHAI], [LON.TONGBAI, LAT.JIANSHE], [LON.TONGBAI, LAT.N3]] },
  { id: 'songshan-s', name_zh: '嵩山南路', name_en: 'Songshan South Road', road_zh: '嵩山路', road_en: 'Songshan Road', class: 'arterial', coords: SONGSHAN.slice(0, 3) },
  { id: 'daxue', name_zh: '大学路', name_en: 'Daxue Road', road_zh: '大学路', road_en: 'Daxue Road', class: 'arterial', alias_zh: ['大学南路', '大学北路'], coords: [[113.636, LAT.S3], [113.637, LAT.HANGHAI], [LON.DAXUE, 34.7488], [LON.DAXUE, 34.7614]] },
  { id: 'jingguang-n', name_zh: '京广路', name_en: 'Jingguang Road', road_zh: '京广路', road_en: 'Jingguang Road', class: 'arterial', alias_zh: ['京广北路'], coords: [[LON.JINGGUANG, LAT.LONGHAI], [LON.JINGGUANG, 34.7487], [LON.JINGGUANG + 0.002, 34.762]] },
  { id: 'nanyang', name_zh: '南阳路', name_en: 'Nanyang Road', road_zh: '南阳路', road_en: 'Nanyang Road', class: 'arterial', coords: [[LON.NANYANG, 34.7622], [LON.NANYANG, LAT.HUANGHE], [LON.NANYANG, LAT.N3], [LON.NANYANG, LAT.N4]] },
  { id: 'wenhua', name_zh: '文化路', name_en: 'Wenhua Road', road_zh: '文化路', road_en: 'Wenhua Road', class: 'arterial', coords: [[LON.WENHUA, 34.7626], [LON.WENHUA, LAT.NONGYE], [LON.WENHUA, LAT.N3], [LON.WENHUA, LAT.N4]] },
  { id: 'huayuan', name_zh: '花园路', name_en: 'Huayuan Road', road_zh: '花园路', road_en: 'Huayuan Road', class: 'arterial', coords: [[LON.HUAYUAN, 34.763], [LON.HUAYUAN, LAT.HUANGHE], [LON.HUAYUAN, LAT.NONGYE], [LON.HUAYUAN, LAT.N3], [LON.HUAYUAN, LAT.N4]] },
  { id: 'zijingshan', name_zh: '紫荆山路', name_en: 'Zijingshan Road', road_zh: '紫荆山路', road_en: 'Zijingshan Road', class: 'arterial', alias_zh: ['紫荆山南路'], coords: [[LON.HUAYUAN, 34.763], [LON.HUAYUAN + 0.001, LAT.LONGHAI], [LON.HUAYUAN + 0.002, LAT.HANGHAI], [LON.HUAYUAN + 0.003, LAT.S3], [LON.HUAYUAN + 0.004, LAT.S4]] },
  { id: 'renmin', name_zh: '人民路', name_en: 'Renmin Road', road_zh: '人民路', road_en: 'Renmin Road', class: 'arterial', coords: [[113.6597, 34.7536], [113.668, 34.7587], [LON.HUAYUAN, 34.763]] },
  { id: 'jingsan', name_zh: '经三路', name_en: 'Jingsan Road', road_zh: '经三路', road_en: 'Jingsan Road', class: 'arterial', coords: [[LON.JINGSAN, 34.7638], [LON.JINGSAN, LAT.NONGYE], [LON.JINGSAN, LAT.DONGFENG]] },
  { id: 'weilai-n', name_zh: '未来路', name_en: 'Weilai Road', road_zh: '未来路', road_en: 'Weilai Road', class: 'arterial', alias_zh: ['未来大道'], coords: [WEILAI_AT_BEIHUAN, [LON.WEILAI, LAT.N3]] },
  { id: 'weilai-s', name_zh: '未来路', name_en: 'Weilai Road', road_zh: '未来路', road_en: 'Weilai Road', class: 'arterial', coords: [WEILAI_AT_HANGHAI, [LON.WEILAI, LAT.S3]] },
  { id: 'zhengbian', name_zh: '郑汴路', name_en: 'Zhengbian Road', road_zh: '郑汴路', road_en: 'Zhengbian Road', class: 'arterial', coords: [[LON.HUAYUAN + 0.0005, 34.7555], [LON.WEILAI, 34.7485], [LON.ZHONGZHOU, 34.7465]] },
  { id: 'g107-fd', name_zh: '107辅道', name_en: 'G107 Auxiliary Road', road_zh: '107辅道', road_en: 'G107 Auxiliary Road', class: 'arterial', alias_zh: ['107国道辅道'], coords: [[LON.E3, LAT.S3], [LON.E3, LAT.S4], [113.777, 34.6]] },
  { id: 'g107-fd-n', name_zh: '107辅道', name_en: 'G107 Auxiliary Road', road_zh: '107辅道', road_en: 'G107 Auxiliary Road', class: 'arterial', coords: [[LON.E3, LAT.N3], [LON.E3 + 0.001, LAT.N4], [LON.E3 + 0.002, 34.866]] },

  // ---------------- arterials: Zhengdong New District ----------------
  { id: 'nongye-e', name_zh: '农业东路', name_en: 'Nongye East Road', road_zh: '农业路', road_en: 'Nongye Road', class: 'arterial', coords: [[LON.ZHONGZHOU, LAT.NONGYE], [113.7452, 34.7769], [113.762, 34.7735], [LON.E3, 34.7705]] },
  { id: 'shangdu', name_zh: '商都路', name_en: 'Shangdu Road', road_zh: '商都路', road_en: 'Shangdu Road', class: 'arterial', coords: [[LON.WEILAI, 34.7535], [LON.ZHONGZHOU, 34.7528], [113.7491, 34.7522], [113.7606, 34.752], [LON.E3, 34.7515], [LON.G4, 34.751], [LON.E4, 34.7505]] },
  { id: 'shangding', name_zh: '商鼎路', name_en: 'Shangding Road', road_zh: '商鼎路', road_en: 'Shangding Road', class: 'arterial', coords: [[LON.ZHONGZHOU, 34.7435], [LON.E3, 34.7428], [LON.G4, 34.7425]] },
  { id: 'nongye-s', name_zh: '农业南路', name_en: 'Nongye South Road', road_zh: '农业南路', road_en: 'Nongye South Road', class: 'arterial', coords: [[113.7491, 34.7522], [113.7491, 34.7663], [113.7491, 34.7768]] },
  { id: 'dongfeng-s', name_zh: '东风南路', name_en: 'Dongfeng South Road', road_zh: '东风南路', road_en: 'Dongfeng South Road', class: 'arterial', coords: [[113.7606, 34.752], [113.7606, 34.7658], [113.762, 34.7735], [113.762, 34.7976]] },
  { id: 'cbd-outer', name_zh: '商务外环路', name_en: 'CBD Outer Ring Road', road_zh: '商务外环路', road_en: 'CBD Outer Ring Road', class: 'arterial', alias_zh: ['CBD外环'], coords: circle(CBD_CENTER, 620, 24) },
  { id: 'cbd-inner', name_zh: '商务内环路', name_en: 'CBD Inner Ring Road', road_zh: '商务内环路', road_en: 'CBD Inner Ring Road', class: 'arterial', alias_zh: ['CBD内环'], coords: circle(CBD_CENTER, 330, 16) },
  { id: 'cbd-link-w', name_zh: '商务外环路', name_en: 'CBD Outer Ring Road', road_zh: '商务外环路', road_en: 'CBD Outer Ring Road', class: 'arterial', coords: [[LON.ZHONGZHOU, 34.7725], [113.7177, 34.7725]] },
  { id: 'cbd-link-s', name_zh: '众意路', name_en: 'Zhongyi Road', road_zh: '众意路', road_en: 'Zhongyi Road', class: 'arterial', coords: [[113.7245, 34.766], [113.7245, 34.7669], [113.7245, 34.7695]] },
  { id: 'cbd-link-n', name_zh: '众意路', name_en: 'Zhongyi Road', road_zh: '众意路', road_en: 'Zhongyi Road', class: 'arterial', coords: [[113.7245, 34.7755], [113.7245, 34.7781], [113.7245, 34.7852], [113.7245, LAT.N3], [113.7245, 34.819]] },
  { id: 'huanghe-e', name_zh: '黄河东路', name_en: 'Huanghe East Road', road_zh: '黄河路', road_en: 'Huanghe Road', class: 'arterial', coords: [[LON.ZHONGZHOU, 34.776], [113.7205, 34.777]] },
  { id: 'ruyi-w', name_zh: '如意西路', name_en: 'Ruyi West Road', road_zh: '如意西路', road_en: 'Ruyi West Road', class: 'arterial', coords: [[113.7313, 34.7662], [113.7313, 34.7725], [113.7335, 34.7785], [113.7345, 34.7815]] },
  { id: 'ruyi-e', name_zh: '如意东路', name_en: 'Ruyi East Road', road_zh: '如意东路', road_en: 'Ruyi East Road', class: 'arterial', coords: [[113.742, 34.7655], [113.742, 34.7795], [113.742, 34.8005]] },
  { id: 'dongfeng-e', name_zh: '东风东路', name_en: 'Dongfeng East Road', road_zh: '东风路', road_en: 'Dongfeng Road', class: 'arterial', coords: [[LON.ZHONGZHOU, 34.8046], [113.745, 34.8], [LON.E3, 34.7952]] },
  { id: 'longhu-ring', name_zh: '龙湖外环路', name_en: 'Longhu Outer Ring Road', road_zh: '龙湖外环路', road_en: 'Longhu Outer Ring Road', class: 'arterial', alias_zh: ['龙湖外环'], coords: ellipseRing([113.7555, 34.833], 2300, 1600, 28) },
  { id: 'jiefang', name_zh: '解放路', name_en: 'Jiefang Road', road_zh: '解放路', road_en: 'Jiefang Road', class: 'arterial', coords: [[LON.JINGGUANG + 0.0005, 34.7537], [113.6535, 34.7536], [113.6597, 34.7536]] },
  { id: 'erqi', name_zh: '二七路', name_en: 'Erqi Road', road_zh: '二七路', road_en: 'Erqi Road', class: 'arterial', coords: [[113.6597, 34.7536], [113.6605, 34.7624]] },
  { id: 'xidajie', name_zh: '西大街', name_en: 'Xi Dajie', road_zh: '西大街', road_en: 'Xi Dajie', class: 'arterial', alias_zh: ['东大街'], coords: [[113.6597, 34.7536], [113.668, 34.755], [LON.HUAYUAN + 0.0005, 34.7555]] },
];

export const ROAD_GRID = { LAT, LON };
