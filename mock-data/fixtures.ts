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
import { AMB_DEFAULT, AMB_FIXTURE, buildAmbulances } from './generator/ambulances';

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
  { name: 'ambulances-2021-07-20-evening', title: { zh: '120急救：7月20日晚呼救激增、道路积水（模拟）', en: '120 ambulances: the 20 July 2021 evening surge on flooded roads (simulated)' }, window: { from: Date.parse('2021-07-20T16:00:00+08:00'), to: Date.parse('2021-07-20T23:00:00+08:00') }, builders: [(b, w) => buildAmbulances(b, w, AMB_FIXTURE)] },
  { name: 'parking-workday', title: { zh: '停车：一个工作日（每分钟更新，模拟）', en: 'Parking: a working day (1-minute updates, simulated)' }, window: PARKING_WORKDAY, builders: [(b, w) => void buildParking(b, w, { stepMin: 1 })] },
];

export function buildFixture(f: Fixture): string[] {
  const b = new TimelineBuilder();
  for (const build of f.builders) build(b, f.window);
  return b.lines();
}
