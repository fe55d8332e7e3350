/**
 * The 51 waterlogging-prone places ("hotspots") of Zhengzhou's urban districts.
 *
 * The sources say the city's flood platform predicts 51 waterlogging-prone areas; no public
 * list of the 51 was found. This catalogue is built as follows:
 *  - H01–H43: every distinct place named in public reports of road closures and standing
 *    water (Dahe 2019-07-30; 2016-05-27; Dahe 2013-08-08; 2023-08-27 and 2024-07-13), plus
 *    the Jingguang Road tunnel flooded on 20 July 2021. `reported: true`; `name_zh` is the
 *    report's wording.
 *  - H44–H51: added plausible low points (city road tunnels, ring-road and river-side
 *    junctions) to reach 51. `reported: false`, even where a press report mentions water
 *    there (see `sources`).
 *
 * POSITIONS are best estimates (WGS84) of the junction, underpass or road section named,
 * placed from general knowledge of Zhengzhou's street grid, not surveyed; typical error a
 * few hundred metres, more where `sources` says "position uncertain". Districts likewise.
 *
 * MODEL PARAMETERS (catchment_ha … max_depth_cm) are SYNTHETIC: a one-off seeded draw within
 * plausible ranges per kind of place (baked in here as literals), with lower drainage
 * capacity at the places reported as closed to traffic, then calibrated as a set
 * (docs/flood-model.md). They are not measurements of the real drainage system.
 */
import { ROAD_WARNING_CM as ROAD, TUNNEL_WARNING_CM as TUNNEL, type FloodParams } from '../sim/flood.ts';

export type HotspotKind = 'underpass' | 'tunnel' | 'junction' | 'road-section' | 'bridge-under';

export type District =
  | '中原区'
  | '二七区'
  | '金水区'
  | '管城回族区'
  | '惠济区'
  | '郑东新区'
  | '经开区'
  | '高新区'
  | '航空港区';

export const DISTRICT_EN: Record<District, string> = {
  中原区: 'Zhongyuan',
  二七区: 'Erqi',
  金水区: 'Jinshui',
  管城回族区: 'Guancheng Hui',
  惠济区: 'Huiji',
  郑东新区: 'Zhengdong New District',
  经开区: 'Economic-Technological Development Zone',
  高新区: 'High-Tech Zone',
  航空港区: 'Airport Economy Zone',
};

export interface Hotspot extends FloodParams {
  /** H01 … H51 */
  id: string;
  /** name as reported (Chinese) */
  name_zh: string;
  /** extra location detail from the report, if any */
  detail_zh?: string;
  name_en: string;
  /** WGS84 degrees (best estimate, see the module comment) */
  lon: number;
  lat: number;
  kind: HotspotKind;
  district: District;
  /** true: named in a public report listed in the shared research; false: added plausible low point */
  reported: boolean;
  /** where the place comes from */
  sources: string[];
}

// prettier-ignore
export const HOTSPOTS: Hotspot[] = [
  {
    id: 'H01', name_zh: '航海立交下穿隧道', detail_zh: '航海路紫荆山路西200米',
    name_en: 'Hanghai Interchange underpass (200 m W of Hanghai Rd × Zijingshan Rd)',
    lon: 113.6738, lat: 34.7192, kind: 'underpass', district: '管城回族区', reported: true,
    sources: ['reported 2019-07-30 Dahe (road closure)'],
    catchment_ha: 6.8, runoff_coeff: 0.89, drain_capacity_mm_h: 37, storage_m3_per_cm: 14, max_depth_cm: 360, warning_cm: { ...TUNNEL },
  },
  {
    id: 'H02', name_zh: '城东路南仓街下穿铁路隧道',
    name_en: 'Chengdong Rd × Nancang St railway underpass',
    lon: 113.6902, lat: 34.7418, kind: 'underpass', district: '管城回族区', reported: true,
    sources: ['reported 2019-07-30 Dahe (road closure)'],
    catchment_ha: 6.6, runoff_coeff: 0.89, drain_capacity_mm_h: 40, storage_m3_per_cm: 13, max_depth_cm: 420, warning_cm: { ...TUNNEL },
  },
  {
    id: 'H03', name_zh: '陇海路一马路下穿铁路隧道',
    name_en: 'Longhai Rd × Yima Rd railway underpass',
    lon: 113.6515, lat: 34.7372, kind: 'underpass', district: '二七区', reported: true,
    sources: ['reported 2019-07-30 Dahe (road closure)', 'reported 2019-08-01 Dahe (一马路陇海路地下道)'],
    catchment_ha: 6.4, runoff_coeff: 0.95, drain_capacity_mm_h: 36, storage_m3_per_cm: 15, max_depth_cm: 360, warning_cm: { ...TUNNEL },
  },
  {
    id: 'H04', name_zh: '东风南路下穿陇海铁路隧道',
    name_en: 'Dongfeng S Rd underpass under the Longhai railway',
    lon: 113.7425, lat: 34.7435, kind: 'underpass', district: '郑东新区', reported: true,
    sources: ['reported 2019-07-30 Dahe (road closure)', 'reported 2019-08-01 Dahe (铁路涵洞 flooded to the roof)'],
    catchment_ha: 6.5, runoff_coeff: 0.94, drain_capacity_mm_h: 38, storage_m3_per_cm: 21, max_depth_cm: 430, warning_cm: { ...TUNNEL },
  },
  {
    id: 'H05', name_zh: '新郑路二里岗明沟',
    name_en: 'Xinzheng Rd at the Erligang open ditch',
    lon: 113.6858, lat: 34.7285, kind: 'road-section', district: '管城回族区', reported: true,
    sources: ['reported 2019-07-30 Dahe (standing water)'],
    catchment_ha: 28.3, runoff_coeff: 0.8, drain_capacity_mm_h: 45, storage_m3_per_cm: 200, max_depth_cm: 100, warning_cm: { ...ROAD },
  },
  {
    id: 'H06', name_zh: '陇海路京广路西北角',
    name_en: 'Longhai Rd × Jingguang Rd, NW corner',
    lon: 113.6395, lat: 34.7385, kind: 'junction', district: '中原区', reported: true,
    sources: ['reported 2019-07-30 Dahe (standing water)'],
    catchment_ha: 20.8, runoff_coeff: 0.76, drain_capacity_mm_h: 38, storage_m3_per_cm: 123, max_depth_cm: 130, warning_cm: { ...ROAD },
  },
  {
    id: 'H07', name_zh: '福寿街正兴街西北角',
    name_en: 'Fushou St × Zhengxing St, NW corner',
    lon: 113.6558, lat: 34.7528, kind: 'junction', district: '二七区', reported: true,
    sources: ['reported 2019-07-30 Dahe (standing water)'],
    catchment_ha: 20.9, runoff_coeff: 0.82, drain_capacity_mm_h: 47, storage_m3_per_cm: 100, max_depth_cm: 120, warning_cm: { ...ROAD },
  },
  {
    id: 'H08', name_zh: '金水路民航酒店',
    name_en: 'Jinshui Rd at the Civil Aviation Hotel',
    lon: 113.6690, lat: 34.7632, kind: 'road-section', district: '金水区', reported: true,
    sources: ['reported 2019-07-30 Dahe (standing water)'],
    catchment_ha: 29.6, runoff_coeff: 0.75, drain_capacity_mm_h: 46, storage_m3_per_cm: 166, max_depth_cm: 90, warning_cm: { ...ROAD },
  },
  {
    id: 'H09', name_zh: '金水路未来路西南角',
    name_en: 'Jinshui Rd × Weilai Rd, SW corner',
    lon: 113.7075, lat: 34.7668, kind: 'junction', district: '金水区', reported: true,
    sources: ['reported 2019-07-30 Dahe (standing water)'],
    catchment_ha: 10.4, runoff_coeff: 0.88, drain_capacity_mm_h: 50, storage_m3_per_cm: 129, max_depth_cm: 140, warning_cm: { ...ROAD },
  },
  {
    id: 'H10', name_zh: '陇海路与陇海铁路立交泵站',
    name_en: 'Longhai Rd × Longhai railway interchange (pump station)',
    lon: 113.6975, lat: 34.7372, kind: 'bridge-under', district: '管城回族区', reported: true,
    sources: ['reported 2016-05-27'],
    catchment_ha: 9, runoff_coeff: 0.87, drain_capacity_mm_h: 47, storage_m3_per_cm: 27, max_depth_cm: 210, warning_cm: { ...ROAD },
  },
  {
    id: 'H11', name_zh: '中州大道陇海路铁路桥下穿',
    name_en: 'Zhongzhou Ave × Longhai Rd, underpass at the railway bridge',
    lon: 113.7232, lat: 34.7402, kind: 'underpass', district: '管城回族区', reported: true,
    sources: ['reported 2016-05-27', 'reported 2019-08-01 Dahe (中州大道陇海铁路下穿隧道)'],
    catchment_ha: 4.8, runoff_coeff: 0.94, drain_capacity_mm_h: 68, storage_m3_per_cm: 16, max_depth_cm: 450, warning_cm: { ...TUNNEL },
  },
  {
    id: 'H12', name_zh: '紫荆山路（城南路—陇海路）',
    name_en: 'Zijingshan Rd (Chengnan Rd – Longhai Rd)',
    lon: 113.6790, lat: 34.7445, kind: 'road-section', district: '管城回族区', reported: true,
    sources: ['reported 2016-05-27'],
    catchment_ha: 28.8, runoff_coeff: 0.75, drain_capacity_mm_h: 48, storage_m3_per_cm: 135, max_depth_cm: 100, warning_cm: { ...ROAD },
  },
  {
    id: 'H13', name_zh: '紫荆山路（陇海路—铁路立交桥）',
    name_en: 'Zijingshan Rd (Longhai Rd – railway bridge)',
    lon: 113.6780, lat: 34.7300, kind: 'road-section', district: '管城回族区', reported: true,
    sources: ['reported 2016-05-27'],
    catchment_ha: 22.1, runoff_coeff: 0.84, drain_capacity_mm_h: 39, storage_m3_per_cm: 142, max_depth_cm: 100, warning_cm: { ...ROAD },
  },
  {
    id: 'H14', name_zh: '农业路（经三路—中州大道）',
    name_en: 'Nongye Rd (Jingsan Rd – Zhongzhou Ave)',
    lon: 113.7050, lat: 34.7862, kind: 'road-section', district: '金水区', reported: true,
    sources: ['reported 2016-05-27'],
    catchment_ha: 23.9, runoff_coeff: 0.83, drain_capacity_mm_h: 46, storage_m3_per_cm: 112, max_depth_cm: 90, warning_cm: { ...ROAD },
  },
  {
    id: 'H15', name_zh: '农业路（秦岭路—桐柏路）',
    name_en: 'Nongye Rd (Qinling Rd – Tongbai Rd)',
    lon: 113.6065, lat: 34.7868, kind: 'road-section', district: '中原区', reported: true,
    sources: ['reported 2016-05-27'],
    catchment_ha: 16, runoff_coeff: 0.84, drain_capacity_mm_h: 47, storage_m3_per_cm: 192, max_depth_cm: 110, warning_cm: { ...ROAD },
  },
  {
    id: 'H16', name_zh: '东风渠交中州大道西南角',
    name_en: 'Dongfeng Canal × Zhongzhou Ave, SW corner',
    lon: 113.7238, lat: 34.7990, kind: 'junction', district: '金水区', reported: true,
    sources: ['reported 2016-05-27'],
    catchment_ha: 10.3, runoff_coeff: 0.88, drain_capacity_mm_h: 44, storage_m3_per_cm: 106, max_depth_cm: 120, warning_cm: { ...ROAD },
  },
  {
    id: 'H17', name_zh: '京广快速路（金水路北口）',
    name_en: 'Jingguang Expressway, Jinshui Rd north ramp',
    lon: 113.6425, lat: 34.7625, kind: 'road-section', district: '中原区', reported: true,
    sources: ['reported 2016-05-27'],
    catchment_ha: 21.4, runoff_coeff: 0.79, drain_capacity_mm_h: 36, storage_m3_per_cm: 147, max_depth_cm: 100, warning_cm: { ...ROAD },
  },
  {
    id: 'H18', name_zh: '金水路（河医立交桥建设路区域）',
    name_en: 'Jinshui Rd at the Heyi interchange (Jianshe Rd)',
    lon: 113.6525, lat: 34.7575, kind: 'bridge-under', district: '二七区', reported: true,
    sources: ['reported 2016-05-27'],
    catchment_ha: 4.5, runoff_coeff: 0.89, drain_capacity_mm_h: 62, storage_m3_per_cm: 29, max_depth_cm: 230, warning_cm: { ...ROAD },
  },
  {
    id: 'H19', name_zh: '西站路',
    name_en: 'Xizhan Rd',
    lon: 113.6035, lat: 34.7448, kind: 'road-section', district: '中原区', reported: true,
    sources: ['reported 2016-05-27'],
    catchment_ha: 26, runoff_coeff: 0.85, drain_capacity_mm_h: 41, storage_m3_per_cm: 131, max_depth_cm: 90, warning_cm: { ...ROAD },
  },
  {
    id: 'H20', name_zh: '航海路（新郑路—中州大道）',
    name_en: 'Hanghai Rd (Xinzheng Rd – Zhongzhou Ave)',
    lon: 113.7080, lat: 34.7205, kind: 'road-section', district: '管城回族区', reported: true,
    sources: ['reported 2016-05-27'],
    catchment_ha: 27.6, runoff_coeff: 0.72, drain_capacity_mm_h: 49, storage_m3_per_cm: 187, max_depth_cm: 90, warning_cm: { ...ROAD },
  },
  {
    id: 'H21', name_zh: '航海路（桐柏路—石柱路）',
    name_en: 'Hanghai Rd (Tongbai Rd – Shizhu Rd)',
    lon: 113.6080, lat: 34.7215, kind: 'road-section', district: '中原区', reported: true,
    sources: ['reported 2016-05-27'],
    catchment_ha: 21.4, runoff_coeff: 0.75, drain_capacity_mm_h: 40, storage_m3_per_cm: 152, max_depth_cm: 90, warning_cm: { ...ROAD },
  },
  {
    id: 'H22', name_zh: '建设路与桐柏路交叉口',
    name_en: 'Jianshe Rd × Tongbai Rd',
    lon: 113.6158, lat: 34.7592, kind: 'junction', district: '中原区', reported: true,
    sources: ['reported 2016-05-27', 'reported 2013-07-05 Zhengzhou TV (建设路 桐柏路—嵩山路)'],
    catchment_ha: 14.8, runoff_coeff: 0.88, drain_capacity_mm_h: 41, storage_m3_per_cm: 71, max_depth_cm: 130, warning_cm: { ...ROAD },
  },
  {
    id: 'H23', name_zh: '兴隆铺下穿立交',
    name_en: 'Xinglongpu underpass',
    lon: 113.6598, lat: 34.8062, kind: 'underpass', district: '金水区', reported: true,
    sources: ['reported 2013-08-08 Dahe (road closed)'],
    catchment_ha: 4.9, runoff_coeff: 0.89, drain_capacity_mm_h: 46, storage_m3_per_cm: 19, max_depth_cm: 380, warning_cm: { ...TUNNEL },
  },
  {
    id: 'H24', name_zh: '翠花立交',
    name_en: 'Cuihua interchange',
    lon: 113.6502, lat: 34.8232, kind: 'bridge-under', district: '惠济区', reported: true,
    sources: ['reported 2013-08-08 Dahe (road closed)'],
    catchment_ha: 5.1, runoff_coeff: 0.88, drain_capacity_mm_h: 39, storage_m3_per_cm: 32, max_depth_cm: 200, warning_cm: { ...ROAD },
  },
  {
    id: 'H25', name_zh: '南三环京广南路',
    name_en: 'S 3rd Ring Rd × Jingguang S Rd',
    lon: 113.6372, lat: 34.7005, kind: 'junction', district: '二七区', reported: true,
    sources: ['reported 2013-08-08 Dahe (road closed)'],
    catchment_ha: 18.2, runoff_coeff: 0.76, drain_capacity_mm_h: 27, storage_m3_per_cm: 102, max_depth_cm: 130, warning_cm: { ...ROAD },
  },
  {
    id: 'H26', name_zh: '建设路（伏牛路—嵩山路）',
    name_en: 'Jianshe Rd (Funiu Rd – Songshan Rd)',
    lon: 113.6272, lat: 34.7592, kind: 'road-section', district: '中原区', reported: true,
    sources: ['reported 2013-08-08 Dahe (standing water)'],
    catchment_ha: 18.4, runoff_coeff: 0.79, drain_capacity_mm_h: 47, storage_m3_per_cm: 148, max_depth_cm: 90, warning_cm: { ...ROAD },
  },
  {
    id: 'H27', name_zh: '大学路郑大东门',
    name_en: 'Daxue Rd at Zhengzhou University east gate',
    lon: 113.6562, lat: 34.7305, kind: 'road-section', district: '二七区', reported: true,
    sources: ['reported 2013-08-08 Dahe (standing water)', 'reported 2013-07-05 Zhengzhou TV'],
    catchment_ha: 21.7, runoff_coeff: 0.81, drain_capacity_mm_h: 44, storage_m3_per_cm: 158, max_depth_cm: 110, warning_cm: { ...ROAD },
  },
  {
    id: 'H28', name_zh: '北环交科学大道桥下',
    name_en: 'Under the N Ring bridge at Kexue Ave',
    lon: 113.6155, lat: 34.8095, kind: 'bridge-under', district: '中原区', reported: true,
    sources: ['reported 2013-08-08 Dahe (standing water)'],
    catchment_ha: 7.4, runoff_coeff: 0.9, drain_capacity_mm_h: 46, storage_m3_per_cm: 30, max_depth_cm: 220, warning_cm: { ...ROAD },
  },
  {
    id: 'H29', name_zh: '文化路连霍高速桥下',
    name_en: 'Wenhua Rd under the Lianhuo Expressway bridge',
    lon: 113.6668, lat: 34.8655, kind: 'bridge-under', district: '惠济区', reported: true,
    sources: ['reported 2013-08-08 Dahe (standing water)'],
    catchment_ha: 8.4, runoff_coeff: 0.89, drain_capacity_mm_h: 55, storage_m3_per_cm: 28, max_depth_cm: 220, warning_cm: { ...ROAD },
  },
  {
    id: 'H30', name_zh: '天明路南丰街',
    name_en: 'Tianming Rd × Nanfeng St',
    lon: 113.6942, lat: 34.8058, kind: 'junction', district: '金水区', reported: true,
    sources: ['reported 2013-08-08 Dahe (standing water)'],
    catchment_ha: 11.6, runoff_coeff: 0.87, drain_capacity_mm_h: 50, storage_m3_per_cm: 127, max_depth_cm: 120, warning_cm: { ...ROAD },
  },
  {
    id: 'H31', name_zh: '南阳路农业路北口',
    name_en: 'Nanyang Rd × Nongye Rd, north arm',
    lon: 113.6512, lat: 34.7885, kind: 'junction', district: '金水区', reported: true,
    sources: ['reported 2013-08-08 Dahe (standing water)'],
    catchment_ha: 23.6, runoff_coeff: 0.77, drain_capacity_mm_h: 47, storage_m3_per_cm: 93, max_depth_cm: 120, warning_cm: { ...ROAD },
  },
  {
    id: 'H32', name_zh: '信息学院路',
    name_en: 'Xinxi Xueyuan Rd',
    lon: 113.6428, lat: 34.7972, kind: 'road-section', district: '金水区', reported: true,
    sources: ['reported 2013-08-08 Dahe (standing water)'],
    catchment_ha: 16.2, runoff_coeff: 0.79, drain_capacity_mm_h: 37, storage_m3_per_cm: 125, max_depth_cm: 100, warning_cm: { ...ROAD },
  },
  {
    id: 'H33', name_zh: '大学南路南水北调桥南',
    name_en: 'Daxue S Rd, south of the S–N Water Diversion canal bridge',
    lon: 113.6562, lat: 34.6712, kind: 'bridge-under', district: '二七区', reported: true,
    sources: ['reported 2023-08-27 / 2024-07-13'],
    catchment_ha: 7.4, runoff_coeff: 0.86, drain_capacity_mm_h: 47, storage_m3_per_cm: 30, max_depth_cm: 170, warning_cm: { ...ROAD },
  },
  {
    id: 'H34', name_zh: '嵩山南路南水北调桥南',
    name_en: 'Songshan S Rd, south of the S–N Water Diversion canal bridge',
    lon: 113.6302, lat: 34.6832, kind: 'bridge-under', district: '二七区', reported: true,
    sources: ['reported 2023-08-27 / 2024-07-13'],
    catchment_ha: 7.3, runoff_coeff: 0.9, drain_capacity_mm_h: 57, storage_m3_per_cm: 29, max_depth_cm: 170, warning_cm: { ...ROAD },
  },
  {
    id: 'H35', name_zh: '郑平路南水北调桥南',
    name_en: 'Zhengping Rd, south of the S–N Water Diversion canal bridge',
    lon: 113.6432, lat: 34.6772, kind: 'bridge-under', district: '二七区', reported: true,
    sources: ['reported 2023-08-27 / 2024-07-13'],
    catchment_ha: 8.5, runoff_coeff: 0.85, drain_capacity_mm_h: 53, storage_m3_per_cm: 38, max_depth_cm: 230, warning_cm: { ...ROAD },
  },
  {
    id: 'H36', name_zh: '嵩山路航海路西南',
    name_en: 'Songshan Rd × Hanghai Rd, SW corner',
    lon: 113.6292, lat: 34.7202, kind: 'junction', district: '二七区', reported: true,
    sources: ['reported 2023-08-27 / 2024-07-13'],
    catchment_ha: 22, runoff_coeff: 0.78, drain_capacity_mm_h: 47, storage_m3_per_cm: 81, max_depth_cm: 120, warning_cm: { ...ROAD },
  },
  {
    id: 'H37', name_zh: '西三环北延',
    name_en: 'W 3rd Ring Rd northern extension',
    lon: 113.5742, lat: 34.8302, kind: 'road-section', district: '高新区', reported: true,
    sources: ['reported 2023-08-27 / 2024-07-13'],
    catchment_ha: 27.8, runoff_coeff: 0.8, drain_capacity_mm_h: 39, storage_m3_per_cm: 169, max_depth_cm: 100, warning_cm: { ...ROAD },
  },
  {
    id: 'H38', name_zh: '贾小线下穿铁路涵洞',
    name_en: 'Jiaxiao Rd railway culvert underpass',
    lon: 113.5402, lat: 34.7902, kind: 'underpass', district: '高新区', reported: true,
    sources: ['reported 2023-08-27 / 2024-07-13', 'position uncertain'],
    catchment_ha: 5.4, runoff_coeff: 0.92, drain_capacity_mm_h: 63, storage_m3_per_cm: 25, max_depth_cm: 380, warning_cm: { ...TUNNEL },
  },
  {
    id: 'H39', name_zh: '紫荆山路南水北调',
    name_en: 'Zijingshan Rd at the S–N Water Diversion canal',
    lon: 113.6802, lat: 34.6612, kind: 'bridge-under', district: '管城回族区', reported: true,
    sources: ['reported 2023-08-27 / 2024-07-13'],
    catchment_ha: 4.6, runoff_coeff: 0.9, drain_capacity_mm_h: 55, storage_m3_per_cm: 36, max_depth_cm: 190, warning_cm: { ...ROAD },
  },
  {
    id: 'H40', name_zh: '前程大道陇海铁路',
    name_en: 'Qiancheng Ave at the Longhai railway',
    lon: 113.8252, lat: 34.7452, kind: 'underpass', district: '经开区', reported: true,
    sources: ['reported 2023-08-27 / 2024-07-13', 'position uncertain'],
    catchment_ha: 6.8, runoff_coeff: 0.93, drain_capacity_mm_h: 60, storage_m3_per_cm: 19, max_depth_cm: 410, warning_cm: { ...TUNNEL },
  },
  {
    id: 'H41', name_zh: '东三环南三环',
    name_en: 'E 3rd Ring Rd × S 3rd Ring Rd',
    lon: 113.7622, lat: 34.7002, kind: 'junction', district: '经开区', reported: true,
    sources: ['reported 2023-08-27 / 2024-07-13'],
    catchment_ha: 19.2, runoff_coeff: 0.75, drain_capacity_mm_h: 41, storage_m3_per_cm: 70, max_depth_cm: 130, warning_cm: { ...ROAD },
  },
  {
    id: 'H42', name_zh: '华夏大道京港高速',
    name_en: 'Huaxia Ave at the Beijing–Hong Kong–Macau Expressway',
    lon: 113.8002, lat: 34.7282, kind: 'bridge-under', district: '经开区', reported: true,
    sources: ['reported 2023-08-27 / 2024-07-13', 'position uncertain'],
    catchment_ha: 7.3, runoff_coeff: 0.92, drain_capacity_mm_h: 51, storage_m3_per_cm: 31, max_depth_cm: 170, warning_cm: { ...ROAD },
  },
  {
    id: 'H43', name_zh: '京广路隧道', detail_zh: '京广北路隧道，陇海路以北',
    name_en: 'Jingguang Rd tunnel (north section, north of Longhai Rd)',
    lon: 113.6408, lat: 34.7462, kind: 'tunnel', district: '中原区', reported: true,
    sources: ['flooded 2021-07-20 (vehicles trapped)'],
    catchment_ha: 10.8, runoff_coeff: 0.92, drain_capacity_mm_h: 64, storage_m3_per_cm: 64, max_depth_cm: 610, warning_cm: { ...TUNNEL },
  },
  {
    id: 'H44', name_zh: '红专路隧道',
    name_en: 'Hongzhuan Rd tunnel',
    lon: 113.6805, lat: 34.7782, kind: 'tunnel', district: '金水区', reported: false,
    sources: ['added: plausible low point; a city road tunnel, still 1.3 m of water on 2021-07-25 per the tunnel management centre (press)'],
    catchment_ha: 9.1, runoff_coeff: 0.94, drain_capacity_mm_h: 67, storage_m3_per_cm: 49, max_depth_cm: 610, warning_cm: { ...TUNNEL },
  },
  {
    id: 'H45', name_zh: '纬四路隧道',
    name_en: 'Weisi Rd tunnel',
    lon: 113.6852, lat: 34.7702, kind: 'tunnel', district: '金水区', reported: false,
    sources: ['added: plausible low point; a city road tunnel, 0.7 m of water on 2021-07-25 (press)'],
    catchment_ha: 11.5, runoff_coeff: 0.94, drain_capacity_mm_h: 57, storage_m3_per_cm: 65, max_depth_cm: 520, warning_cm: { ...TUNNEL },
  },
  {
    id: 'H46', name_zh: '中原路西三环西南角',
    name_en: 'Zhongyuan Rd × W 3rd Ring Rd, SW corner',
    lon: 113.5752, lat: 34.7502, kind: 'junction', district: '中原区', reported: false,
    sources: ['added: plausible low point (ring-road junction); standing water named in a Dahe traffic report 2019-08-01'],
    catchment_ha: 14.1, runoff_coeff: 0.82, drain_capacity_mm_h: 41, storage_m3_per_cm: 106, max_depth_cm: 130, warning_cm: { ...ROAD },
  },
  {
    id: 'H47', name_zh: '花园路农业路',
    name_en: 'Huayuan Rd × Nongye Rd',
    lon: 113.6752, lat: 34.7862, kind: 'junction', district: '金水区', reported: false,
    sources: ['added: plausible low point; standing water named in a Dahe traffic report 2019-08-01'],
    catchment_ha: 21.7, runoff_coeff: 0.76, drain_capacity_mm_h: 52, storage_m3_per_cm: 120, max_depth_cm: 110, warning_cm: { ...ROAD },
  },
  {
    id: 'H48', name_zh: '中州大道郑汴路',
    name_en: 'Zhongzhou Ave × Zhengbian Rd',
    lon: 113.7242, lat: 34.7532, kind: 'junction', district: '管城回族区', reported: false,
    sources: ['added: plausible low point (junction near the Xionger River); named in a Dahe traffic report 2019-08-01'],
    catchment_ha: 18.7, runoff_coeff: 0.8, drain_capacity_mm_h: 40, storage_m3_per_cm: 105, max_depth_cm: 140, warning_cm: { ...ROAD },
  },
  {
    id: 'H49', name_zh: '长江路南三环',
    name_en: 'Changjiang Rd × S 3rd Ring Rd',
    lon: 113.6722, lat: 34.7032, kind: 'junction', district: '管城回族区', reported: false,
    sources: ['added: plausible low point (ring-road junction); named in a Zhengzhou TV report 2013-07-05'],
    catchment_ha: 21.3, runoff_coeff: 0.79, drain_capacity_mm_h: 41, storage_m3_per_cm: 83, max_depth_cm: 120, warning_cm: { ...ROAD },
  },
  {
    id: 'H50', name_zh: '科学大道石佛村',
    name_en: 'Kexue Ave at Shifo village',
    lon: 113.5602, lat: 34.8062, kind: 'road-section', district: '高新区', reported: false,
    sources: ['added: plausible low point; standing water named in a Sina Henan report 2017-08-07'],
    catchment_ha: 16.6, runoff_coeff: 0.72, drain_capacity_mm_h: 50, storage_m3_per_cm: 195, max_depth_cm: 100, warning_cm: { ...ROAD },
  },
  {
    id: 'H51', name_zh: '京广南路隧道',
    name_en: 'Jingguang S Rd tunnel',
    lon: 113.6412, lat: 34.7192, kind: 'tunnel', district: '二七区', reported: false,
    sources: ['added: plausible low point (city road tunnel on the Jingguang Expressway)'],
    catchment_ha: 10.1, runoff_coeff: 0.95, drain_capacity_mm_h: 56, storage_m3_per_cm: 59, max_depth_cm: 580, warning_cm: { ...TUNNEL },
  },
];

const BY_ID = new Map(HOTSPOTS.map((h) => [h.id, h]));

/** The hotspot with this id, or undefined. */
export function hotspotById(id: string): Hotspot | undefined {
  return BY_ID.get(id);
}
