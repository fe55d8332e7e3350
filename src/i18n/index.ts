/** UI strings: Chinese by default, English on switch. Layer strings live with each layer. */
import type { Lang } from '../store/store';

const zh = {
  badgeReplay: '回放',
  badgeLive: '实时',
  badgeSimulated: '模拟数据',
  dataClock: '数据时间',
  play: '播放',
  pause: '暂停',
  speed: '倍速',
  layers: '图层',
  legend: '图例',
  feedHealth: '数据源状态',
  alerts: '告警与事件',
  noAlerts: '暂无告警',
  topic: '主题',
  state: '状态',
  count: '实体',
  accepted: '接收',
  rejected: '拒收',
  gaps: '序号缺口',
  lastError: '最近错误',
  rejects: '被拒消息',
  noRejects: '没有被拒的消息',
  loading: '正在加载时间线',
  loadFailed: '时间线加载失败',
  messages: '条消息',
  close: '关闭',
  details: '详情',
  language: 'EN',
  live: '正常',
  connecting: '连接中',
  stale: '过期',
  error: '错误',
  source: '数据源',
  lines: '行',
  keyframes: '关键帧',
  line: '行',
  seq: '序号',
  selectHint: '点击地图要素查看详情',
  summary: '概览',
  events: '事件',
  back: '返回',
  age: '最近',
  rate: '条/秒',
  staleTopics: '数据过期',
  layerFailed: '图层出错',
  glLost: '图形上下文丢失，正在恢复…',
} as const;

export type StringKey = keyof typeof zh;

const en: Record<StringKey, string> = {
  badgeReplay: 'REPLAY',
  badgeLive: 'LIVE',
  badgeSimulated: 'SIMULATED',
  dataClock: 'Data time',
  play: 'Play',
  pause: 'Pause',
  speed: 'Speed',
  layers: 'Layers',
  legend: 'Legend',
  feedHealth: 'Feed health',
  alerts: 'Alerts & events',
  noAlerts: 'No alerts',
  topic: 'Topic',
  state: 'State',
  count: 'Entities',
  accepted: 'Accepted',
  rejected: 'Rejected',
  gaps: 'Seq gaps',
  lastError: 'Last error',
  rejects: 'Rejected messages',
  noRejects: 'No rejected messages',
  loading: 'Loading timeline',
  loadFailed: 'The timeline could not be loaded',
  messages: 'messages',
  close: 'Close',
  details: 'Details',
  language: '中文',
  live: 'live',
  connecting: 'connecting',
  stale: 'stale',
  error: 'error',
  source: 'Source',
  lines: 'lines',
  keyframes: 'keyframes',
  line: 'line',
  seq: 'seq',
  selectHint: 'Click a map feature for details',
  summary: 'Overview',
  events: 'Events',
  back: 'Back',
  age: 'Age',
  rate: 'msg/s',
  staleTopics: 'Stale data',
  layerFailed: 'Layer error',
  glLost: 'Graphics context lost, restoring…',
};

const dict: Record<Lang, Record<StringKey, string>> = { zh, en };

export function tr(lang: Lang, key: StringKey): string {
  return dict[lang][key];
}

/** Data time as shown on screen: Beijing time (the city's), whatever the viewer's zone. */
export function formatTime(t: number, withDate = true): string {
  if (!Number.isFinite(t)) return '—';
  const d = new Date(t + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  return withDate ? `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${time}` : time;
}

export function formatNumber(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
}
