/**
 * The fixture registry: every timeline the generator writes, with its title for the
 * cockpit's fixture picker (header) and `?fixture=<name>`. A layer's scenario fixture is
 * one entry here; the embedded default composes every layer's data over one window.
 *
 * A builder adds messages to a TimelineBuilder over [from, to) (epoch ms); builders are
 * deterministic (seeded) and never depend on each other's output.
 */
import { TimelineBuilder } from './generator/timeline';
import { buildCommunitiesBaseline, buildCommunitiesOutbreak, OUTBREAK } from './generator/communities';
import { buildFlood2021, FLOOD_2021 } from './generator/flood-2021';
import { buildParking, PARKING_DEFAULT, PARKING_WORKDAY } from './generator/parking';
import { AMB_DEFAULT, AMB_EVENING, AMB_FIXTURE, buildAmbulances } from './generator/ambulances';

export interface FixtureWindow {
  from: number;
  to: number;
}

export type Builder = (b: TimelineBuilder, w: FixtureWindow) => void;

export interface Fixture {
  /** file name without extension, also the `?fixture=` value */
  name: string;
  title: { zh: string; en: string };
  window: FixtureWindow;
  builders: Builder[];
}

/** The canonical incident: 19 Jul 00:00 – 22 Jul 00:00 2021, Beijing time. */
export const DEFAULT_WINDOW: FixtureWindow = { from: FLOOD_2021.from, to: FLOOD_2021.to };

/**
 * Builders of the embedded default, over DEFAULT_WINDOW: each mission layer adds its data
 * for the same days, so the default shows every layer. (One line per layer.)
 */
export const DEFAULT_BUILDERS: Builder[] = [
  (b, w) => buildCommunitiesBaseline(b, w),
  (b) => buildFlood2021(b),
  (b, w) => void buildParking(b, w, PARKING_DEFAULT),
  (b, w) => buildAmbulances(b, w, AMB_DEFAULT),
];

export const FIXTURES: Fixture[] = [
  {
    name: 'default',
    title: { zh: '默认：2021年7月20日特大暴雨（全部图层）', en: 'Default: the 20 July 2021 rainstorm (all layers)' },
    window: DEFAULT_WINDOW,
    builders: DEFAULT_BUILDERS,
  },
  {
    name: 'rainstorm-2021-07-20',
    title: { zh: '2021年7月20日特大暴雨（内涝）', en: '20 July 2021 rainstorm (flooding only)' },
    window: DEFAULT_WINDOW,
    builders: [(b) => buildFlood2021(b)],
  },
  { name: OUTBREAK.name, title: { zh: '小区风险分级：32天疫情（发生、扩散、控制，模拟）', en: 'Community risk tiers: a 32-day outbreak (start, spread, containment; simulated)' }, window: { from: OUTBREAK.from, to: OUTBREAK.to }, builders: [(b, w) => buildCommunitiesOutbreak(b, w)] },
  { name: 'ambulances-day', title: { zh: '120急救：一天的出车（2021年7月19日，模拟）', en: '120 ambulances: a day of the service (19 July 2021, simulated)' }, window: { from: Date.parse('2021-07-19T00:00:00+08:00'), to: Date.parse('2021-07-20T00:00:00+08:00') }, builders: [(b, w) => buildAmbulances(b, w, AMB_FIXTURE)] },
  { name: 'ambulances-2021-07-20-evening', title: { zh: '120急救：7月20日晚呼救激增、道路积水（模拟）', en: '120 ambulances: the 20 July 2021 evening surge on flooded roads (simulated)' }, window: { from: Date.parse('2021-07-20T16:00:00+08:00'), to: Date.parse('2021-07-20T23:00:00+08:00') }, builders: [(b, w) => buildAmbulances(b, w, AMB_EVENING)] },
  { name: 'parking-workday', title: { zh: '停车：一个工作日（每分钟更新，模拟）', en: 'Parking: a working day (1-minute updates, simulated)' }, window: PARKING_WORKDAY, builders: [(b, w) => void buildParking(b, w, { stepMin: 1 })] },
];

export function buildFixture(f: Fixture): string[] {
  const b = new TimelineBuilder();
  for (const build of f.builders) build(b, f.window);
  return b.lines();
}

/**
 * Demo replay notes (issue 10): a one-line description, the key moment the replay menu
 * jumps to, the scene it opens in, and narration lines for the presenter mode (the line
 * whose time is the latest at or before a marker narrates it; other markers are narrated
 * from their own title). Written into index.json with the fixture's title.
 */
export interface ReplayNote {
  description: { zh: string; en: string };
  /** ISO time; default: the first alarm marker */
  keyMoment?: string;
  scene?: string;
  narration?: { at: string; zh: string; en: string }[];
}

const RAINSTORM_NARRATION: ReplayNote['narration'] = [
  { at: '2021-07-19T09:20:00+08:00', zh: '暴雨前一日：城市照常运行，早晚高峰停车紧张。', en: 'The day before: an ordinary working day, car parks fill at the peaks.' },
  { at: '2021-07-20T15:00:00+08:00', zh: '15 时起雨势陡增，下穿隧道最先积水，橙色预警。', en: 'From 15:00 the rain intensifies; underpasses flood first — orange warnings.' },
  { at: '2021-07-20T15:05:00+08:00', zh: '航海立交等隧道积水超过 40 厘米，红色预警，需封闭交通。', en: 'Hanghai and other underpasses pass 40 cm: red warnings, close them to traffic.' },
  { at: '2021-07-20T15:30:00+08:00', zh: '半小时内多数易涝点转红，排水能力已被超越。', en: 'Within half an hour most hotspots turn red: drainage is overwhelmed.' },
  { at: '2021-07-20T16:00:00+08:00', zh: '16–17 时降雨 201.9 毫米，突破中国大陆小时降雨纪录。', en: '16:00–17:00: 201.9 mm, a record hourly rainfall for mainland China.' },
  { at: '2021-07-20T18:00:00+08:00', zh: '雨势减弱后积水仍在高位，救援与排涝持续。', en: 'The rain eases, the water stays high: rescue and pumping go on.' },
];

export const REPLAY_NOTES: Record<string, ReplayNote> = {
  default: {
    description: {
      zh: '郑州“7·20”特大暴雨：16–17 时一小时降雨 201.9 毫米，易涝点相继告警，停车与小区同屏（模拟）',
      en: 'The 20 July 2021 rainstorm: 201.9 mm in one hour (16–17 h), hotspots alarm one after another; parking and communities alongside (simulated)',
    },
    keyMoment: '2021-07-20T16:30:00+08:00',
    scene: 'flood',
    narration: RAINSTORM_NARRATION,
  },
  'rainstorm-2021-07-20': {
    description: { zh: '“7·20”特大暴雨的内涝过程：51 个易涝点的积水、预警与市民上报', en: 'The 20 July 2021 flooding: depth, warnings and citizen reports at the 51 hotspots' },
    keyMoment: '2021-07-20T16:30:00+08:00',
    scene: 'flood',
    narration: RAINSTORM_NARRATION,
  },
  'communities-outbreak': {
    description: { zh: '32 天疫情演练：首例确诊、红黄扩散、三色分级封控到解封（模拟）', en: 'A 32-day outbreak: first case, red and yellow spread, tiered control until release (simulated)' },
    scene: 'community',
  },
  'parking-workday': {
    description: { zh: '一个工作日的全城停车：早晚高峰、商圈与医院（模拟，每分钟更新）', en: 'A working day of city parking: peaks, shopping areas, hospitals (simulated, 1-minute updates)' },
    keyMoment: '2021-07-19T09:20:00+08:00',
    scene: 'parking',
  },
};
