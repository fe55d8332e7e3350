/**
 * The fuzzing model (used by src/data/fuzz.test.ts): fast-check generates abstract
 * operations; `realize` turns them into concrete wire messages for one source, each tagged
 * with its class and the verdict the edge must give, and keeps a reference model of the
 * state the valid ones build (plain maps, no edge, no tables). The test feeds the messages
 * through the real parsers and checks verdicts, diagnostics and the store against it.
 *
 * Which messages are valid is decided here by construction, not by asking the edge.
 */
import fc from 'fast-check';
import { MAX_MESSAGE_BYTES } from './edge';
import { LIMITS } from './wire';

export const REJECT_CLASSES = [
  'malformed-json',
  'not-an-object',
  'missing-field',
  'wrong-type',
  'unknown-field',
  'bad-topic',
  'huge-string',
  'huge-array',
  'deep-nesting',
  'non-finite',
  'bad-coordinates',
  'bad-time',
  'bad-id',
  'duplicate-id',
  'seq-duplicate',
  'seq-out-of-order',
  'time-backwards',
  'oversized',
] as const;
export type RejectClass = (typeof REJECT_CLASSES)[number];

export const VALID_CLASSES = ['valid', 'valid-gap', 'valid-snapshot', 'valid-restart', 'valid-unknown-topic', 'valid-late', 'valid-resent'] as const;
export type ValidClass = (typeof VALID_CLASSES)[number];
export type MessageClass = RejectClass | ValidClass;

export type Mode = 'replay' | 'sse' | 'ws' | 'http' | 'mqtt';

interface Rules {
  /** duplicate / out-of-order sequence numbers are rejected */
  seqChecked: boolean;
  /** time going backwards within a topic is rejected (timelines) */
  monotonic: boolean;
  /** a valid snapshot restarts the topic's sequence (live streams) */
  restartOnSnapshot: boolean;
}

export const RULES: Record<Mode, Rules> = {
  replay: { seqChecked: true, monotonic: true, restartOnSnapshot: false },
  sse: { seqChecked: true, monotonic: false, restartOnSnapshot: true },
  ws: { seqChecked: true, monotonic: false, restartOnSnapshot: true },
  mqtt: { seqChecked: true, monotonic: false, restartOnSnapshot: true },
  // every line of an HTTP snapshot answer is the topic's state: sequences restart per line
  http: { seqChecked: false, monotonic: false, restartOnSnapshot: false },
};

/** hotspots and events are declared by the app (strict fields); the others are unknown topics. */
export const TOPICS = ['hotspots', 'events', 'fuzz.a', 'fuzz_b', 'sensor-c9'] as const;
const DECLARED = new Set<string>(['hotspots', 'events']);

/** Ids include the awkward ones: prototype names, markup, CJK, a blank. */
export const ID_POOL = [
  ...Array.from({ length: 18 }, (_, i) => `e${i}`),
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  '郑州-01',
  ' ',
];

/** Keys of extra (undeclared) fields: none collides with a declared field. */
const EXTRA_KEYS = ['x', 'note_x', 'v2', '中文字段', '<img src=x onerror=alert(1)>', 'on"click', 'speed', 'flags'];

export interface EntitySeed {
  idx: number;
  placed: boolean;
  lon: number;
  lat: number;
  name: string;
  depth: number;
  level: number;
  extra: Record<string, unknown>;
}

export interface Op {
  /** null: a valid message */
  corrupt: RejectClass | null;
  topic: number;
  step: number;
  dt: number;
  snapshot: boolean;
  restart: boolean;
  entities: EntitySeed[];
  deletes: number[];
  variant: number;
  back: number;
  tsForm: number;
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const scalar = fc.oneof(fc.string({ maxLength: 24, unit: 'binary' }), finite, fc.integer(), fc.boolean(), fc.constant(null));
const extraValue = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) }, { weight: 1, arbitrary: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), scalar, { maxKeys: 3 }) });

const entitySeed: fc.Arbitrary<EntitySeed> = fc.record({
  idx: fc.nat(ID_POOL.length - 1),
  placed: fc.boolean(),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  name: fc.oneof(fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }), fc.constantFrom('<b>bold</b>', '"><script>window.__pwned=1</script>', 'javascript:alert(1)', '积水点 <i>x</i>')),
  depth: fc.double({ min: 0, max: 2000, noNaN: true }),
  level: fc.nat(4),
  extra: fc.dictionary(fc.constantFrom(...EXTRA_KEYS), extraValue, { maxKeys: 3 }),
});

const rejectClass = fc.oneof(
  // the big ones are rarer: each costs megabytes (still several per 10,000)
  ...REJECT_CLASSES.map((c) => ({ weight: c === 'oversized' ? 1 : c === 'huge-array' ? 2 : 40, arbitrary: fc.constant(c) })),
);

export const opArb: fc.Arbitrary<Op> = fc.record({
  corrupt: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 11, arbitrary: rejectClass }),
  topic: fc.nat(TOPICS.length - 1),
  step: fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.integer({ min: 2, max: 6 }) }),
  dt: fc.integer({ min: 0, max: 600_000 }),
  snapshot: fc.integer({ min: 0, max: 11 }).map((n) => n === 0),
  restart: fc.boolean(),
  entities: fc.array(entitySeed, { maxLength: 5 }),
  deletes: fc.array(fc.nat(ID_POOL.length - 1), { maxLength: 3 }),
  variant: fc.nat(9999),
  back: fc.integer({ min: 1, max: 3_600_000 }),
  tsForm: fc.nat(2),
});

/** A concrete message for one source. */
export interface Case {
  /** the wire text (one NDJSON line, one SSE event's data, one WS frame, one MQTT payload) */
  text: string;
  cls: MessageClass;
  ok: boolean;
  /** MQTT: the topic it is published on */
  mqttTopic: string;
}

export type ModelState = Map<string, Map<string, Record<string, unknown>>>;

export interface Realized {
  cases: Case[];
  /** the state the valid messages build */
  model: ModelState;
  /** sequence gaps per topic among the accepted messages (streams and timelines) */
  gaps: Map<string, number>;
}

export const BASE_T = Date.parse('2021-07-20T00:00:00+08:00');
const LEVELS = ['none', 'blue', 'yellow', 'orange', 'red'];
const EVENT_LEVELS = ['info', 'warning', 'alarm'];

let bigPad: string | null = null;
/** A string just over the message limit (built once). */
function oversizePad(): string {
  bigPad ??= 'x'.repeat(MAX_MESSAGE_BYTES + 16);
  return bigPad;
}
let bigDeletes: string | null = null;
/** A delete list longer than the limit, as JSON text (built once). */
function hugeDeleteList(): string {
  bigDeletes ??= JSON.stringify(Array.from({ length: LIMITS.deletesPerMessage + 1 }, (_, i) => `d${i}`));
  return bigDeletes;
}

function tsOf(t: number, form: number): string | number {
  if (form === 0) return t;
  if (form === 1) return new Date(t).toISOString();
  const d = new Date(t + 8 * 3600_000).toISOString();
  return `${d.slice(0, 23)}+08:00`;
}

function entityFor(topic: string, s: EntitySeed): Record<string, unknown> {
  const e: Record<string, unknown> = { id: ID_POOL[s.idx] };
  if (s.placed) {
    e.lon = s.lon;
    e.lat = s.lat;
  }
  if (topic === 'hotspots') {
    e.name = s.name;
    e.depth_cm = s.depth;
    if (s.level) e.level = LEVELS[s.level];
  } else if (topic === 'events') {
    e.title = s.name;
    e.level = EVENT_LEVELS[s.level % 3];
  }
  Object.assign(e, s.extra);
  return e;
}

const DEFAULT_SEED: EntitySeed = { idx: 0, placed: true, lon: 113.66, lat: 34.75, name: 'n', depth: 1, level: 1, extra: {} };

/** The JSON round trip the wire applies (e.g. -0 becomes 0). */
const wire = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function realize(ops: readonly Op[], mode: Mode): Realized {
  const rules = RULES[mode];
  const lastSeq = new Map<string, number>();
  const lastT = new Map<string, number>();
  const model: ModelState = new Map();
  const gaps = new Map<string, number>();
  const cases: Case[] = [];

  const validMessage = (op: Op, topic: string, withEntity: boolean) => {
    const prevSeq = lastSeq.get(topic) ?? -1;
    let seq = prevSeq < 0 ? op.step - 1 : prevSeq + op.step;
    const restart = rules.restartOnSnapshot && op.snapshot && op.restart;
    if (restart) seq = op.step - 1;
    const t = (lastT.get(topic) ?? BASE_T) + op.dt;
    const seen = new Set<string>();
    const upsert: Record<string, unknown>[] = [];
    for (const s of op.entities.length || !withEntity ? op.entities : [DEFAULT_SEED]) {
      const e = entityFor(topic, s);
      if (seen.has(e.id as string)) continue;
      seen.add(e.id as string);
      upsert.push(e);
    }
    const msg: Record<string, unknown> = { topic, seq, ts: tsOf(t, op.tsForm), upsert };
    if (op.deletes.length) msg.delete = [...new Set(op.deletes.map((i) => ID_POOL[i]))];
    if (op.snapshot) msg.snapshot = true;
    if (op.variant % 7 === 0) msg.v = 1;
    const cls: ValidClass = restart && prevSeq >= 0 ? 'valid-restart' : op.snapshot ? 'valid-snapshot' : !DECLARED.has(topic) ? 'valid-unknown-topic' : prevSeq >= 0 && op.step > 1 ? 'valid-gap' : 'valid';
    // a live stream restarts a topic's sequence at every valid snapshot: no gap there
    const restarts = restart || (rules.restartOnSnapshot && op.snapshot);
    return { msg, t, seq, cls, gap: !restarts && prevSeq >= 0 ? seq - prevSeq - 1 : 0 };
  };

  const commit = (msg: Record<string, unknown>, t: number, seq: number, gap: number) => {
    const topic = msg.topic as string;
    lastSeq.set(topic, seq);
    lastT.set(topic, t);
    if (gap > 0 && rules.seqChecked) gaps.set(topic, (gaps.get(topic) ?? 0) + 1);
    let m = model.get(topic);
    if (!m || msg.snapshot) {
      m = new Map();
      model.set(topic, m);
    }
    for (const id of (msg.delete as string[] | undefined) ?? []) m.delete(id);
    for (const e of wire(msg.upsert as Record<string, unknown>[])) m.set(e.id as string, e);
  };

  const push = (text: string, cls: MessageClass, ok: boolean, topicField: unknown, fallbackTopic: string) => {
    cases.push({ text, cls, ok, mqttTopic: `cockpit/${typeof topicField === 'string' ? topicField : fallbackTopic}` });
  };

  for (const op of ops) {
    let topic: string = TOPICS[op.topic];
    if (op.corrupt === null) {
      const v = validMessage(op, topic, false);
      commit(v.msg, v.t, v.seq, v.gap);
      const text = JSON.stringify(v.msg);
      cases.push({ text, cls: v.cls, ok: true, mqttTopic: `cockpit/${topic}` });
      continue;
    }
    let cls: RejectClass = op.corrupt;
    // classes that need history fall back to a topic that has it (or to malformed JSON)
    if (cls === 'seq-duplicate' || cls === 'seq-out-of-order' || cls === 'time-backwards') {
      const need = cls === 'seq-out-of-order' ? 1 : 0;
      const ok = (tp: string) => (lastSeq.get(tp) ?? -1) >= need;
      if (!ok(topic)) {
        const other = TOPICS.find(ok);
        if (other) topic = other;
        else cls = 'malformed-json';
      }
    }
    const base = validMessage({ ...op, snapshot: false }, topic, true);
    const msg = base.msg;
    const ent = (msg.upsert as Record<string, unknown>[])[0];
    const v = op.variant;
    let text: string | null = null;
    let stillValid: ValidClass | null = null;
    switch (cls) {
      case 'malformed-json': {
        const full = JSON.stringify(msg);
        const forms = [
          () => full.slice(0, 1 + (v % (full.length - 1))), // truncated
          () => `${full}}`,
          () => full.replace(/"seq":\d+/, '"seq":NaN'),
          () => full.replace(/"topic"/, "'topic'"),
          () => `{${full.slice(1, -1)},}`, // trailing comma
          () => '{"topic":"fuzz.a","seq":1,"ts":0,"upsert":[{"id":"a","v":Infinity}]}',
          () => '\u0000\u0001',
          () => 'undefined',
        ];
        text = forms[v % forms.length]();
        break;
      }
      case 'not-an-object': {
        const forms = ['null', '42', '"a string"', 'true', '-0.5', '"{\\"topic\\":\\"fuzz.a\\"}"'];
        text = forms[v % forms.length];
        break;
      }
      case 'missing-field': {
        // MQTT fills a missing topic from the MQTT topic: there, drop seq or ts instead
        const fields = mode === 'mqtt' ? ['seq', 'ts'] : ['topic', 'seq', 'ts'];
        delete msg[fields[v % fields.length]];
        if (v % 5 === 0) delete ent.id;
        break;
      }
      case 'wrong-type': {
        const forms: (() => void)[] = [
          () => (msg.seq = String(msg.seq)),
          () => (msg.seq = (msg.seq as number) + 0.5),
          () => (msg.seq = -1 - (v % 100)),
          () => (msg.ts = true),
          () => (msg.ts = { t: 1 }),
          () => (msg.upsert = { 0: ent }),
          () => (msg.delete = [1, 2]),
          () => (msg.snapshot = 'yes'),
          () => (msg.v = 2),
          () => (ent.id = 5),
          () => (msg.topic = 7),
          () => ((msg.upsert as unknown[])[0] = 'e0'),
        ];
        if (topic === 'hotspots') forms.push(() => (ent.depth_cm = '31'), () => (ent.level = 'purple'), () => (ent.depth_cm = 2000.5));
        if (topic === 'events') forms.push(() => (ent.level = 'critical'), () => (ent.title = ''));
        forms[v % forms.length]();
        break;
      }
      case 'unknown-field':
        msg[['upsrt', 'extra', 'Topic', '__proto__x', 'deletes'][v % 5]] = [];
        break;
      case 'bad-topic':
        msg.topic = ['Upper', '', '1abc', 'a'.repeat(LIMITS.topicLength + 1), 'a b', '中文', '<script>', '_x', 'a/b'][v % 9];
        break;
      case 'huge-string': {
        const long = 'ä'.repeat(LIMITS.stringLength + 1 + (v % 3000));
        const forms: (() => void)[] = [() => (ent.x = long), () => (ent.id = 'i'.repeat(LIMITS.idLength + 1 + (v % 500))), () => (msg.delete = ['d'.repeat(LIMITS.idLength + 1)])];
        if (topic === 'hotspots') forms.push(() => (ent.name = 'n'.repeat(201)));
        if (topic === 'events') forms.push(() => (ent.title = 't'.repeat(201)));
        forms[v % forms.length]();
        break;
      }
      case 'huge-array':
        // just over the limits (an array past the limit costs the edge as much as its elements)
        if (v % 4 === 0) {
          delete msg.delete;
          const t = JSON.stringify(msg);
          text = `${t.slice(0, -1)},"delete":${hugeDeleteList()}}`;
        } else ent.x = Array.from({ length: 10_001 + (v % 50) }, (_, i) => i);
        break;
      case 'deep-nesting': {
        const depth = 2 + (v % 3000);
        if (v % 4 === 0 && mode !== 'ws') {
          // the whole message nested in arrays (a WS frame that starts with "[" is a batch)
          const d = 10_000 + (v % 50) * 200;
          text = '['.repeat(d) + ']'.repeat(d);
        } else {
          const t = JSON.stringify(msg);
          const i = t.indexOf('"upsert":[{') + '"upsert":[{'.length;
          text = `${t.slice(0, i)}"deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},${t.slice(i)}`;
        }
        break;
      }
      case 'non-finite': {
        const t = JSON.stringify(msg);
        const forms = [
          () => t.replace(/"seq":\d+/, '"seq":1e999'),
          () => t.replace(/"ts":(\d+|"[^"]*")/, '"ts":1e999'),
          () => t.replace(/"upsert":\[\{/, '"upsert":[{"nf":-1e999,'),
          () => t.replace(/"upsert":\[\{/, '"upsert":[{"lon":1e999,"lat":0,'),
        ];
        // the first entity must not have lon/lat already for the last form (duplicate keys: last wins)
        if (ent.lon === undefined) text = forms[v % 4]();
        else text = forms[v % 3]();
        break;
      }
      case 'bad-coordinates': {
        const forms: (() => void)[] = [
          () => ((ent.lon = 180.000001 + (v % 1000)), (ent.lat = 30)),
          () => ((ent.lon = -180.5), (ent.lat = 30)),
          () => ((ent.lon = 113), (ent.lat = 90.5 + (v % 100))),
          () => ((ent.lon = 113), (ent.lat = -91)),
          () => ((ent.lon = 113), delete ent.lat),
          () => (delete ent.lon, (ent.lat = 34)),
          () => ((ent.lon = '113.6'), (ent.lat = 34)),
        ];
        forms[v % forms.length]();
        break;
      }
      case 'bad-time': {
        const forms = [-1 - (v % 1000), LIMITS.maxTime + 1 + v, '1900-01-01T00:00:00Z', '2300-01-01T00:00:00+08:00', '2021-07-20T16:00:00', '2021-02-30T00:00:00Z', '2021-13-01T00:00:00Z', 'yesterday', '', '2021-07-20 16:00:00+08:00'];
        msg.ts = forms[v % forms.length];
        break;
      }
      case 'bad-id': {
        const forms: (() => void)[] = [() => (ent.id = ''), () => delete ent.id, () => (ent.id = null), () => (msg.delete = [''])];
        forms[v % forms.length]();
        break;
      }
      case 'duplicate-id':
        (msg.upsert as unknown[]).push({ ...ent });
        break;
      case 'seq-duplicate':
      case 'seq-out-of-order': {
        const prev = lastSeq.get(topic)!;
        msg.seq = cls === 'seq-duplicate' ? prev : v % prev;
        if (!rules.seqChecked) stillValid = 'valid-resent';
        break;
      }
      case 'time-backwards': {
        const t = (lastT.get(topic) ?? BASE_T) - op.back;
        msg.ts = tsOf(t, op.tsForm);
        if (!rules.monotonic) {
          stillValid = rules.seqChecked ? 'valid-late' : 'valid-resent';
          commit(msg, t, msg.seq as number, base.gap);
        }
        break;
      }
      case 'oversized': {
        const t = JSON.stringify(msg);
        text = `${t.slice(0, -1)},"pad":"${oversizePad()}"}`;
        break;
      }
    }
    if (stillValid === 'valid-resent' && cls !== 'time-backwards') commit(msg, base.t, msg.seq as number, 0);
    text ??= JSON.stringify(msg);
    if (stillValid) cases.push({ text, cls: stillValid, ok: true, mqttTopic: `cockpit/${topic}` });
    else push(text, cls, false, msg.topic, topic);
  }
  return { cases, model, gaps };
}

/** Messages per class, for the report. */
export function tally(cases: readonly Case[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of cases) out[c.cls] = (out[c.cls] ?? 0) + 1;
  return out;
}
