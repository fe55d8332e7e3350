import { text, type RGBA, type Text } from '../types';
import type { AmbStatusName } from './topic';

export const STATUS_COLOR: Record<AmbStatusName, RGBA> = {
  available: [46, 204, 113, 255],
  to_scene: [255, 138, 0, 255],
  at_scene: [255, 59, 48, 255],
  to_hospital: [0, 229, 255, 255],
  at_hospital: [180, 120, 255, 255],
  returning: [150, 200, 170, 255],
};

export const STATUS_TEXT: Record<AmbStatusName, Text> = {
  available: text('站内待命', 'Available at station'),
  to_scene: text('赶往现场', 'To the scene'),
  at_scene: text('现场处置', 'At the scene'),
  to_hospital: text('送往医院', 'To hospital'),
  at_hospital: text('医院交接', 'At hospital'),
  returning: text('返回站点', 'Returning'),
};

export const KIND_TEXT: Record<string, Text> = {
  chest_pain: text('胸痛', 'Chest pain'),
  stroke: text('卒中', 'Stroke'),
  trauma: text('创伤', 'Trauma'),
  traffic: text('交通事故', 'Traffic accident'),
  fall: text('跌倒', 'Fall'),
  breathing: text('呼吸困难', 'Breathing difficulty'),
  unconscious: text('意识不清', 'Unconscious'),
  illness: text('急症', 'Acute illness'),
  obstetric: text('产科', 'Obstetric'),
  poisoning: text('中毒', 'Poisoning'),
  flood: text('溺水/被困（暴雨）', 'Drowning / trapped (flood)'),
  electric: text('触电', 'Electric shock'),
};

export const CALL_STATUS_TEXT: Record<string, Text> = {
  waiting: text('等待派车', 'Waiting for an ambulance'),
  dispatched: text('已派车', 'Ambulance dispatched'),
  on_scene: text('现场处置', 'Crew on scene'),
  closed: text('已结束', 'Closed'),
};

export const T = {
  title: text('120 急救', '120 ambulances'),
  simulated: text('模拟数据：车辆、呼救、心电均为模拟；医院为真实名称、位置为近似', 'Simulated: vehicles, calls and ECG are simulated; hospitals are real, positions approximate'),
  waiting: text('等待派车', 'Calls waiting'),
  moving: text('行驶中', 'On the road'),
  fleet: text('车辆', 'Fleet'),
  byStatus: text('车辆状态', 'Ambulances by status'),
  response: text('今日平均响应时间（呼救→到达，分钟）与目标', 'Today’s mean response (call → arrival, min) vs target'),
  target: text('目标', 'Target'),
  calls: text('呼救', 'Call'),
  station: text('急救站', 'Station'),
  hospital: text('医院', 'Hospital'),
  task: text('任务', 'Task'),
  dest: text('目的地', 'Destination'),
  eta: text('预计到达', 'ETA'),
  arrived: text('已到达', 'arrived'),
  speed: text('车速', 'Speed'),
  status: text('状态', 'Status'),
  ecg: text('车载心电（II导联，模拟）', 'In-vehicle ECG (lead II, simulated)'),
  noEcg: text('本次转运未接入心电监护', 'No ECG monitor on this transport'),
  waitingEcg: text('等待心电数据…', 'Waiting for ECG data…'),
  hr: text('心率', 'HR'),
  spo2: text('血氧', 'SpO₂'),
  bp: text('血压', 'BP'),
  rr: text('呼吸', 'RR'),
  follow: text('跟随车辆', 'Follow'),
  unfollow: text('停止跟随', 'Stop following'),
  scene: text('现场', 'Scene'),
  plate: text('车牌', 'Plate'),
  respTime: text('响应时间', 'Response time'),
  priority: text('优先级', 'Priority'),
  district: text('区域', 'District'),
  grade: text('等级', 'Grade'),
  chestPain: text('胸痛中心', 'Chest-pain centre'),
  approx: text('位置为近似', 'position approximate'),
  min: text('分', 'min'),
  stemi: text('疑似 STEMI（ST 段抬高）', 'Suspected STEMI (ST elevation)'),
};
