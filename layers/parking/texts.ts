/** The parking layer's UI strings (Chinese default, English). Plain text, never markup. */
import { text, type Text } from '../types';
import type { CarparkType } from './topic';

export const TYPE_TEXT: Record<CarparkType, Text> = {
  office: text('写字楼', 'Office'),
  mall: text('商业', 'Mall'),
  leisure: text('文体休闲', 'Leisure'),
  hospital: text('医院', 'Hospital'),
  residential: text('住宅', 'Residential'),
  hub: text('交通枢纽', 'Transport hub'),
  kerbside: text('路侧', 'Kerbside'),
};

export const T = {
  title: text('停车', 'Parking'),
  spaces: text('总泊位', 'Spaces'),
  free: text('空闲泊位', 'Free spaces'),
  occupancy: text('占用率', 'Occupancy'),
  carparks: text('停车场', 'Car parks'),
  capacity: text('泊位', 'Capacity'),
  type: text('类型', 'Type'),
  district: text('区域', 'District'),
  kind: text('形式', 'Kind'),
  enclosed: text('封闭停车场', 'Enclosed car park'),
  kerbside: text('路侧泊位段', 'Kerbside section'),
  profile: text('需求曲线', 'Demand profile'),
  noReading: text('无数据', 'No reading'),
  full: text('已满', 'Full'),
  tabOverview: text('概览', 'Overview'),
  tabDistricts: text('分区与排行', 'Districts'),
  tabFind: text('找车位', 'Find parking'),
  curve: text('全市占用率（今日）', 'City occupancy today'),
  byDistrict: text('各区占用率', 'Occupancy by district'),
  byType: text('按类型', 'By type'),
  fullest: text('最满的停车场', 'Fullest car parks'),
  findHint: text('在地图上点选位置，或搜索地点，查找附近有空位的停车场', 'Click the map or search a place to find the nearest car parks with free spaces'),
  armButton: text('在地图上点选', 'Pick on the map'),
  armed: text('请点击地图上的位置…', 'Click a place on the map…'),
  cancel: text('取消', 'Cancel'),
  clear: text('清除', 'Clear'),
  placeholder: text('搜索地点：道路、路口、区域、停车场', 'Search a place: road, junction, district, car park'),
  near: text('附近有空位的停车场', 'Nearest car parks with free spaces'),
  none: text('5 公里内没有空闲车位', 'No free spaces within 5 km'),
  go: text('导航', 'Route'),
  route: text('路线', 'Route'),
  routeLength: text('路程', 'Distance'),
  straight: text('直线示意：路网未覆盖此段', 'straight line: not on the road network'),
  freeNow: text('当前空位', 'Free now'),
  becameFull: text('该停车场已满，建议改去', 'This car park is now full; try'),
  origin: text('起点', 'Origin'),
  mapPoint: text('地图选点', 'Point on the map'),
  simulated: text('模拟数据', 'Simulated data'),
  outOfRange: text('条读数超出容量，已按容量显示', 'readings above capacity shown clamped'),
  area: text('片区', 'Area'),
  areaHint: text('点击放大', 'Click to zoom in'),
  today: text('今日占用率', 'Occupancy today'),
  navigateHere: text('从起点导航到这里', 'Route here from the origin'),
  findNearHere: text('查找附近空位', 'Find free spaces nearby'),
  approximate: text('位置为估计', 'position estimated'),
  publicOnly: text('仅对外开放停车场（不含住宅小区）', 'Public car parks only (not residential)'),
  legendNote: text('六边形：片区占用率（颜色）与空位（高度）；放大显示单个停车场及空位数。数据为模拟', 'Hexagons: area occupancy (colour) and free spaces (height); zoom in for single car parks and their free counts. Simulated data'),
};

export function tr(t: Text, lang: 'zh' | 'en'): string {
  return t[lang];
}

/** "1,234" / "1 234" style grouping for the UI language. */
export function fmtInt(v: number, lang: 'zh' | 'en'): string {
  if (!Number.isFinite(v)) return '–';
  return Math.round(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
}

export function fmtPct(v: number): string {
  return Number.isFinite(v) ? `${Math.round(v * 100)}%` : '–';
}

export function fmtDist(m: number, lang: 'zh' | 'en'): string {
  if (!Number.isFinite(m)) return '–';
  if (m < 1000) return `${Math.round(m / 10) * 10} ${lang === 'zh' ? '米' : 'm'}`;
  return `${(m / 1000).toFixed(1)} ${lang === 'zh' ? '公里' : 'km'}`;
}
