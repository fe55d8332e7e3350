/**
 * Topic specifications: how the entities of one topic look.
 *
 * Layers declare the topics they own in `layers/<name>/topic.ts` (found by
 * layers/topics.ts); a topic no layer declares is still accepted with the generic
 * entity schema, kept and counted. The edge (src/data/edge.ts) validates each
 * upserted entity against its topic's schema.
 */
import { z } from 'zod';
import { entityBase, LIMITS, type Entity } from './wire';

export interface TopicSpec {
  /** wire name of the topic */
  readonly topic: string;
  /** zod schema of one entity (must include `entityBase`) */
  readonly entity: z.ZodType<Entity>;
  /**
   * Numeric fields kept as Float32Array columns in the store's entity table, so the GPU
   * can take them as binary attributes. Missing values are NaN.
   */
  readonly columns?: readonly string[];
  /**
   * Only ids introduced by a snapshot message of this topic may be upserted or deleted
   * afterwards: an unknown id (e.g. a car park that does not exist) is rejected.
   */
  readonly closedSet?: boolean;
  /**
   * A check that needs the entity's previous state (e.g. a community must stay in its
   * district, occupancy must not exceed the known capacity). Return a reason to reject the
   * message, or null. `prev` is undefined for a new entity. Runs at the edge, after the
   * schema; the edge keeps the topic's state only for topics that declare `check` or
   * `closedSet`.
   */
  check?(entity: Entity, prev: Entity | undefined, msg?: { t: number; snapshot: boolean }): string | null;
  /**
   * A high-rate topic delivered only for the ids a client subscribes to
   * (`DataSource.subscribe`), e.g. the in-vehicle ECG: the cockpit subscribes it for the
   * selected entity of topic `by` (and to nothing while none is selected). `msg` of `check`
   * is the message's data time (epoch ms).
   */
  selective?: { by: string };
}

/** A JSON leaf or shallow structure; entity fields that no schema declares must be one. */
const Scalar = z.union([z.string().max(LIMITS.stringLength), z.number().finite(), z.boolean(), z.null()]);
const Shallow = z.union([Scalar, z.array(Scalar).max(10_000), z.record(z.string().max(256), Scalar)]);

/** Adds the both-or-neither rule for lon/lat to an entity object schema. */
export function placed<T extends z.ZodObject>(schema: T): z.ZodType<Entity> {
  return schema.refine(
    (e: Record<string, unknown>) => (e.lon === undefined) === (e.lat === undefined),
    { message: 'lon and lat come together', path: ['lon'] },
  ) as unknown as z.ZodType<Entity>;
}

/**
 * Makes a topic's entity schema: the base fields, the topic's own fields, and any other
 * field as a scalar or shallow JSON value (kept, shown in tooltips, never interpreted).
 */
export function entitySchema<S extends z.ZodRawShape>(fields: S): z.ZodType<Entity> {
  return placed(z.object({ ...entityBase, ...fields }).catchall(Shallow));
}

/** Used for topics that no layer declares. */
export const genericEntity = entitySchema({});

/**
 * The built-in `events` topic: timeline markers and alerts. Each upsert is an event at
 * the message's time; the time bar shows it as a marker and the alert list as an alert.
 */
export const eventsTopic: TopicSpec = {
  topic: 'events',
  entity: entitySchema({
    title: z.string().min(1).max(200),
    title_en: z.string().max(200).optional(),
    level: z.enum(['info', 'warning', 'alarm']).default('info'),
    /** the topic and entity the event is about, to fly to it */
    ref_topic: z.string().max(64).optional(),
    ref_id: z.string().max(128).optional(),
  }),
};

export class TopicRegistry {
  private readonly specs = new Map<string, TopicSpec>();
  constructor(specs: readonly TopicSpec[] = []) {
    this.add(eventsTopic);
    for (const s of specs) this.add(s);
  }
  add(spec: TopicSpec): void {
    this.specs.set(spec.topic, spec);
  }
  get(topic: string): TopicSpec | undefined {
    return this.specs.get(topic);
  }
  entitySchema(topic: string): z.ZodType<Entity> {
    return this.specs.get(topic)?.entity ?? genericEntity;
  }
  stateful(topic: string): boolean {
    const s = this.specs.get(topic);
    return !!(s && (s.closedSet || s.check));
  }
  columns(topic: string): readonly string[] {
    return this.specs.get(topic)?.columns ?? [];
  }
  known(): string[] {
    return [...this.specs.keys()];
  }
}
