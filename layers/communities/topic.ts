/**
 * The topics of the community layer:
 *  - `communities`: the 10,806 residential communities and their risk tier. A closed set:
 *    a snapshot introduces the communities, later messages carry only the ones that
 *    changed (each upsert the whole entity). Rejected at the edge with a diagnostic:
 *    an unknown tier (zod enum), an id no snapshot introduced (closedSet), a community
 *    placed outside its district or moved to another one (check).
 *  - `community-stats`: tier counts of the city (`city`) and each district (its code),
 *    recorded hourly, so a chart can draw the whole curve from the source's history.
 */
import { z } from 'zod';
import { entitySchema, type TopicSpec } from '../../src/data/topics';
import { ISO_WITH_OFFSET, Lat, Lon, type Entity } from '../../src/data/wire';
import { CITY_ID, DISTRICT_CODES, districtInfo, metresPerDegLon, M_PER_DEG_LAT, STATS_TOPIC, TIERS, TOPIC } from './model';
import { insideDistrict } from './geo';

const time = z.union([z.number().finite().min(0).max(7_258_118_400_000), z.string().regex(ISO_WITH_OFFSET, 'must be ISO 8601 with an offset, or epoch ms')]);
const count = z.number().int().min(0).max(1_000_000);

export const communityEntity = entitySchema({
  /** the community's centre (required: every community is placed) */
  lon: Lon,
  lat: Lat,
  name: z.string().min(1).max(100),
  name_en: z.string().max(200).optional(),
  /** pinyin initials of the name, for search (lower case letters and digits) */
  py: z.string().max(60).regex(/^[a-z0-9]*$/, 'py must be lower-case pinyin initials (a–z, 0–9)').optional(),
  /** the county-level district: adcode of the 12 administrative units, or ZD / JK / GX / HKG */
  district: z.enum(DISTRICT_CODES, { error: (i) => `unknown district ${JSON.stringify(i.input)} (one of ${DISTRICT_CODES.join(', ')})` }),
  pop: count,
  households: count.optional(),
  /** outline: corner offsets in metres from (lon, lat), [x0, y0, x1, y1, …], 3–64 corners */
  shape: z
    .array(z.number().min(-2000).max(2000))
    .min(6)
    .max(128)
    .refine((a) => a.length % 2 === 0, 'shape needs pairs of x, y offsets')
    .optional(),
  tier: z.enum(TIERS, { error: (i) => `unknown tier ${JSON.stringify(i.input)} (green, yellow or red)` }),
  /** the tier before the last change */
  prev_tier: z.enum(TIERS).optional(),
  /** when the tier last changed (epoch ms or ISO with offset) */
  since: time,
  /** why (Chinese text; English optional) */
  reason: z.string().max(400).optional(),
  reason_en: z.string().max(600).optional(),
  /** confirmed cases in the community during this episode */
  cases: count.optional(),
  /** last round of resident health check-ins: when, and how many residents checked in */
  checkin_at: time.optional(),
  checkins: count.optional(),
});

/** Moving a community farther than this is a data error (it is a place, not a vehicle). */
export const MAX_MOVE_M = 100;

/**
 * Stateful check of one community (after the schema): it must lie inside its district,
 * stay in its district and stay where it is; check-ins cannot exceed the population.
 */
export function checkCommunity(e: Entity, prev: Entity | undefined): string | null {
  const lon = e.lon as number;
  const lat = e.lat as number;
  const code = e.district as string;
  if (prev) {
    if (prev.district !== code) return `district changed from ${String(prev.district)} to ${code}: a community cannot move to another district`;
    const dx = (lon - (prev.lon as number)) * metresPerDegLon(lat);
    const dy = (lat - (prev.lat as number)) * M_PER_DEG_LAT;
    const moved = Math.hypot(dx, dy);
    if (moved > MAX_MOVE_M) return `moved ${Math.round(moved)} m from (${String(prev.lon)}, ${String(prev.lat)}): a community does not move (at most ${MAX_MOVE_M} m)`;
    if (moved === 0) return checkCounts(e);
  }
  if (!insideDistrict(lon, lat, code)) {
    const d = districtInfo(code);
    return `position (${lon}, ${lat}) is outside its district ${code} ${d?.zh ?? ''} (${d?.en ?? ''})`;
  }
  return checkCounts(e);
}

function checkCounts(e: Entity): string | null {
  if (typeof e.checkins === 'number' && typeof e.pop === 'number' && e.checkins > e.pop) return `checkins ${e.checkins} exceed the population ${e.pop}`;
  return null;
}

export const statsEntity = entitySchema({
  name: z.string().max(100).optional(),
  name_en: z.string().max(200).optional(),
  green: count,
  yellow: count,
  red: count,
  total: count.optional(),
});

export const topics: TopicSpec[] = [
  { topic: TOPIC, entity: communityEntity, closedSet: true, check: checkCommunity },
  {
    topic: STATS_TOPIC,
    entity: statsEntity,
    columns: ['green', 'yellow', 'red'],
    check: (e) => (e.id === CITY_ID || districtInfo(e.id) ? (typeof e.total === 'number' && e.total !== (e.green as number) + (e.yellow as number) + (e.red as number) ? `total ${e.total} is not green + yellow + red` : null) : `unknown stats id "${e.id}" (city or a district code)`),
  },
];
