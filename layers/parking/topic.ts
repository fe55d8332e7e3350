/**
 * The topics of the parking layer ("the whole city is one car park"). Split on purpose
 * (docs/parking.md §2): an upsert replaces an entity whole, so the static description of a
 * car park and its occupancy travel separately and are joined in the layer by id.
 *
 *  - `carparks` (static, one snapshot): where a car park is, what it is, how many spaces.
 *  - `parking` (dynamic): its free spaces now. One snapshot `{"id":"P0123","free":37,"cap":120}`,
 *    then deltas carrying only the car parks whose free count changed: `{"id":"P0123","free":36}`
 *    (the edge checks them against the capacity of the snapshot, see checkReading).
 *  - `parking-city` (dynamic): city-wide totals every 5 minutes, entity `city`, so the
 *    occupancy curve of the day comes from the source's history.
 *
 * Bad input is rejected at the edge with a diagnostic: negative or fractional free counts
 * (schema), unknown car park ids (closedSet), more spaces free than the car park has and a
 * capacity changing without a new snapshot (check); duplicate messages and duplicate ids
 * within one message (the edge's sequence and id checks).
 */
import { z } from 'zod';
import { entitySchema, type TopicSpec } from '../../src/data/topics';
import type { Entity } from '../../src/data/wire';

export const CARPARK_TOPIC = 'carparks';
export const PARKING_TOPIC = 'parking';
export const CITY_TOPIC = 'parking-city';
export const CITY_ID = 'city';

/** Kinds of car park by use: they fill at different times of day (docs/parking.md §3). */
export const CARPARK_TYPES = ['office', 'mall', 'leisure', 'hospital', 'residential', 'hub', 'kerbside'] as const;
export type CarparkType = (typeof CARPARK_TYPES)[number];

/** Largest credible car park (spaces): the biggest hubs have a few thousand. */
export const MAX_CAPACITY = 20_000;

const capacity = z.number().int('capacity must be a whole number of spaces').min(1, 'capacity must be at least 1').max(MAX_CAPACITY, `capacity above ${MAX_CAPACITY} is not a car park`);
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

export const carparkEntity = entitySchema({
  name: z.string().min(1).max(200),
  name_en: z.string().max(200).optional(),
  type: z.enum(CARPARK_TYPES),
  /** enclosed (off-street, gated) or kerbside (on-street segment) */
  kind: z.enum(['enclosed', 'kerbside']),
  capacity,
  district: z.string().min(1).max(40),
  district_en: z.string().max(80).optional(),
  /** demand profile the occupancy follows (e.g. "office", "kerbside/mall") */
  profile: z.string().max(40).optional(),
  /** kerbside segments: their two ends [lon1, lat1, lon2, lat2] */
  line: z.tuple([lon, lat, lon, lat]).optional(),
  /** true: a named place whose position is estimated from general knowledge */
  approximate: z.boolean().optional(),
  simulated: z.boolean().optional(),
});

/**
 * A reading. The schema bounds each field; free ≤ capacity needs the capacity, which a delta
 * does not carry, so checkReading enforces it (for snapshots and deltas alike).
 */
export const parkingEntity = entitySchema({
  /** free spaces now */
  free: z.number().int('free must be a whole number of spaces').min(0, 'free spaces cannot be negative (occupancy above 100 %)'),
  /** capacity of the car park: in snapshots (so a reading can be checked), optional in deltas */
  cap: capacity.optional(),
});

const ratio = z.number().min(0).max(1);
export const cityEntity = entitySchema({
  capacity: z.number().int().min(0).max(10_000_000),
  free: z.number().int().min(0).max(10_000_000),
  carparks: z.number().int().min(0).max(1_000_000).optional(),
  occ_office: ratio.optional(),
  occ_mall: ratio.optional(),
  occ_leisure: ratio.optional(),
  occ_hospital: ratio.optional(),
  occ_residential: ratio.optional(),
  occ_hub: ratio.optional(),
  occ_kerbside: ratio.optional(),
}).refine((e) => (e.free as number) <= (e.capacity as number), { message: 'free spaces exceed the capacity', path: ['free'] }) as unknown as z.ZodType<Entity>;

/**
 * The capacity known for each car park's last reading. A delta carries only `{id, free}`;
 * the capacity comes from the car park's snapshot reading and is carried forward from
 * reading to reading here. The memo is keyed by id and trusted only for the very reading
 * object the edge hands back as `prev` (so two edges, or a reload, never mix their
 * capacities; an unknown chain falls back to `prev.cap`). No entity is mutated.
 */
const memoCap = new Map<string, number>();
const memoOf = new Map<string, Entity>();
function capOf(prev: Entity | undefined): number | undefined {
  if (!prev) return undefined;
  if (typeof prev.cap === 'number') return prev.cap;
  return memoOf.get(prev.id) === prev ? memoCap.get(prev.id) : undefined;
}

/**
 * Stateful check of a reading against the car park's previous one (the edge keeps them):
 *  - a reading whose capacity is unknown (no `cap`, none carried forward: e.g. a live
 *    server's current-state snapshot, made of the last delta of each car park) cannot be
 *    bounded here; it is accepted and the layer clamps it to the car park's capacity from
 *    the `carparks` topic, counting what it clamped (docs/parking.md §5);
 *  - the capacity does not change between snapshots (a changed `cap` is an id or unit mix-up);
 *  - free spaces never exceed the known capacity (a delta without `cap` is checked too).
 * Unknown ids are rejected by `closedSet` (only ids of a snapshot may be updated).
 */
export function checkReading(e: Entity, prev: Entity | undefined): string | null {
  const known = capOf(prev);
  if (known !== undefined && typeof e.cap === 'number' && e.cap !== known) return `capacity changed from ${known} to ${e.cap} without a snapshot`;
  const cap = typeof e.cap === 'number' ? e.cap : known;
  if (cap !== undefined) {
    if ((e.free as number) > cap) return `free spaces (${String(e.free)}) exceed the capacity (${cap}): occupancy would be below 0 %`;
    memoCap.set(e.id, cap);
    memoOf.set(e.id, e);
  }
  return null;
}

export const topics: TopicSpec[] = [
  { topic: CARPARK_TOPIC, entity: carparkEntity, columns: ['capacity'] },
  { topic: PARKING_TOPIC, entity: parkingEntity, columns: ['free', 'cap'], closedSet: true, check: checkReading },
  { topic: CITY_TOPIC, entity: cityEntity, columns: ['capacity', 'free'] },
];
