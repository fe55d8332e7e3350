/**
 * The one wire format of the cockpit (documented in docs/wire-format.md).
 *
 * A message is a JSON object:
 *   {"topic":"hotspots","seq":17,"ts":"2021-07-20T16:00:00+08:00",
 *    "upsert":[{"id":"H07","lon":113.62,"lat":34.75,"depth_cm":31}],"delete":["H09"]}
 *
 * The envelope is fixed here; each topic (declared by a layer, see src/data/topics.ts)
 * defines the fields of its own entities. Validation is done with zod at the edge
 * (src/data/edge.ts); this module only declares shapes and the normalised types.
 */
import { z } from 'zod';

// no `new Function` probe: the served Content-Security-Policy forbids eval (server/csp.ts)
z.config({ jitless: true });

/** Limits that keep one message from exhausting memory or the UI. */
export const LIMITS = {
  topicLength: 64,
  idLength: 128,
  stringLength: 4096,
  entitiesPerMessage: 200_000,
  deletesPerMessage: 200_000,
  /** earliest and latest acceptable data time: 1970 … 2200 */
  minTime: 0,
  maxTime: Date.UTC(2200, 0, 1),
} as const;

export const TOPIC_PATTERN = /^[a-z][a-z0-9_.-]{0,63}$/;
/** ISO 8601 date-time with an explicit offset (Z or ±hh:mm). A time without offset is ambiguous. */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export const TopicName = z.string().regex(TOPIC_PATTERN, 'topic must match ^[a-z][a-z0-9_.-]{0,63}$');
export const EntityId = z.string().min(1, 'id must not be empty').max(LIMITS.idLength);
export const Lon = z.number().min(-180).max(180);
export const Lat = z.number().min(-90).max(90);

export const Timestamp = z.union([
  z.number().finite().min(LIMITS.minTime).max(LIMITS.maxTime),
  z
    .string()
    .regex(ISO_WITH_OFFSET, 'ts must be ISO 8601 with an offset, e.g. 2021-07-20T16:00:00+08:00, or epoch ms')
    .refine(isCalendarDate, 'ts is not a valid date')
    .refine((s) => {
      const t = Date.parse(s);
      return t >= LIMITS.minTime && t <= LIMITS.maxTime;
    }, 'ts must lie between 1970 and 2200'),
]);

/** The date part names a real day (Date.parse would take 2021-02-30 as 2 March). */
function isCalendarDate(s: string): boolean {
  if (!Number.isFinite(Date.parse(s))) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const h = Number(s.slice(11, 13));
  const min = Number(s.slice(14, 16));
  if (m < 1 || m > 12 || d < 1 || h > 24 || min > 59) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The envelope. Entities inside `upsert` are validated afterwards against the topic's
 * entity schema, so a bad entity can be reported with its index and field.
 */
export const Envelope = z.strictObject({
  v: z.literal(1).optional(),
  topic: TopicName,
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  ts: Timestamp,
  upsert: z.array(z.unknown()).max(LIMITS.entitiesPerMessage).optional(),
  delete: z.array(EntityId).max(LIMITS.deletesPerMessage).optional(),
  snapshot: z.boolean().optional(),
});
export type EnvelopeIn = z.infer<typeof Envelope>;

/** Fields every entity may carry. Placed entities carry both lon and lat (WGS84). */
export const entityBase = {
  id: EntityId,
  lon: Lon.optional(),
  lat: Lat.optional(),
};

/** An entity after validation: an id, an optional WGS84 position and the topic's own fields. */
export interface Entity {
  readonly id: string;
  readonly lon?: number;
  readonly lat?: number;
  readonly [field: string]: unknown;
}

/** A validated, normalised message: what sources emit and the store applies. */
export interface Delta {
  readonly topic: string;
  readonly seq: number;
  /** data time, epoch milliseconds */
  readonly t: number;
  readonly upsert: readonly Entity[];
  readonly delete: readonly string[];
  /** true: the upserts replace the topic's whole state */
  readonly snapshot: boolean;
}

/** Where a rejected message came from: a line of a timeline file, or a live message. */
export interface RejectWhere {
  line?: number;
  seq?: number;
  /** e.g. "upsert[3].depth_cm" */
  path?: string;
}

/** A message that failed validation: dropped whole, kept as a diagnostic for feed health. */
export interface Reject {
  topic: string | null;
  where: RejectWhere;
  reason: string;
  /** wall-clock time of the rejection (epoch ms) */
  at: number;
  /** the start of the offending input, for the diagnostic view (never rendered as markup) */
  sample?: string;
}

export function timeOf(ts: number | string): number {
  return typeof ts === 'number' ? ts : Date.parse(ts);
}
