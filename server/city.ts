/**
 * The live city: the same seeded simulation the fixture generator writes (mock-data/
 * fixtures.ts), played in real time. The story is shifted so that a chosen moment of it
 * (`at`, default 20 July 2021 15:00, the hour before the record rainfall) is "now"; from
 * then on the data clock follows the wall clock. Keeps the current state per topic for
 * snapshots; emits each message when its time comes.
 */
import { buildFixture, FIXTURES, type Fixture } from '../mock-data/fixtures';
import { LiveAmbulances, LIVE_AMB_TOPICS, type FeedMessage } from '../mock-data/generator/ambulances-live';

export interface WireMessage {
  topic: string;
  seq: number;
  ts: number;
  upsert?: Record<string, unknown>[];
  delete?: string[];
  snapshot?: boolean;
}

export interface CityOptions {
  fixture?: string;
  /** the moment of the story that is "now" at start (ISO or epoch ms) */
  at?: string | number;
  /** wall-clock ms at which the story is at `at` (a restarted server resumes the same story) */
  now?: number;
  /**
   * Story seconds per wall second (default 1). Above 1 the story runs faster for demos and
   * tests; message times are still wall times, so the cockpit's clock follows the wall.
   */
  speed?: number;
  /** the fixture's lines, if already built (saves the build on a restart) */
  lines?: string[];
}

export class LiveCity {
  readonly fixture: Fixture;
  /** wall time at which the story is at `at` */
  readonly epoch: number;
  readonly at: number;
  readonly speed: number;
  private messages: WireMessage[];
  private next = 0;
  private readonly state = new Map<string, Map<string, Record<string, unknown>>>();
  private readonly lastSeq = new Map<string, number>();
  private readonly lastTs = new Map<string, number>();
  /** bumps on every change: the snapshot's ETag */
  version = 0;
  /** the 120 service at 1 Hz (generated as the story goes), when the fixture has it */
  readonly ambulances: LiveAmbulances | null = null;
  private ambFedUntil = 0;
  private readonly ambSeq = new Map<string, number>();

  constructor(opts: CityOptions = {}) {
    const f = FIXTURES.find((x) => x.name === (opts.fixture ?? 'default'));
    if (!f) throw new Error(`no fixture "${opts.fixture}" (have: ${FIXTURES.map((x) => x.name).join(', ')})`);
    this.fixture = f;
    const at = opts.at === undefined ? Date.parse('2021-07-20T15:00:00+08:00') : typeof opts.at === 'number' ? opts.at : Date.parse(opts.at);
    if (!Number.isFinite(at)) throw new Error(`bad --at ${opts.at}`);
    this.epoch = opts.now ?? Date.now();
    this.at = at;
    this.speed = opts.speed ?? 1;
    if (!(this.speed > 0)) throw new Error(`bad speed ${opts.speed}`);
    this.messages = (opts.lines ?? buildFixture(f)).map((line) => {
      const m = JSON.parse(line) as WireMessage & { ts: string | number };
      return { ...m, ts: this.wallTime(typeof m.ts === 'number' ? m.ts : Date.parse(m.ts)) };
    });
    if (this.messages.some((m) => LIVE_AMB_TOPICS.has(m.topic))) {
      // the fixture's sparse ambulance messages give way to the 1 Hz feed of the same plan
      this.messages = this.messages.filter((m) => !LIVE_AMB_TOPICS.has(m.topic));
      this.ambulances = new LiveAmbulances((t) => this.wallTime(t), this.speed);
    }
    this.advance(Date.now());
  }

  /** The wall time at which a moment of the story is played. */
  wallTime(storyT: number): number {
    return Math.round(this.epoch + (storyT - this.at) / this.speed);
  }

  /** The story time being played at wall time `now`. */
  storyTime(now = Date.now()): number {
    return this.at + (now - this.epoch) * this.speed;
  }

  /** Apply and return the messages due by wall time `now`. */
  advance(now = Date.now()): WireMessage[] {
    this.feedAmbulances(this.storyTime(now));
    const out: WireMessage[] = [];
    while (this.next < this.messages.length && this.messages[this.next].ts <= now) {
      const m = this.messages[this.next++];
      this.apply(m);
      out.push(m);
    }
    if (out.length) this.version++;
    return out;
  }

  /** Generate the ambulance feed 10 s of story ahead of `storyT` and merge it in. */
  private feedAmbulances(storyT: number): void {
    const feed = this.ambulances;
    if (!feed) return;
    const CHUNK = 10_000;
    let gen: FeedMessage[] = [];
    if (!this.ambFedUntil) {
      this.ambFedUntil = Math.floor(storyT / CHUNK) * CHUNK;
      gen = feed.chunk(this.ambFedUntil, this.ambFedUntil + CHUNK, true);
      this.ambFedUntil += CHUNK;
    }
    while (this.ambFedUntil <= storyT + CHUNK) {
      gen.push(...feed.chunk(this.ambFedUntil, this.ambFedUntil + CHUNK, false));
      this.ambFedUntil += CHUNK;
    }
    if (!gen.length) return;
    const add: WireMessage[] = gen
      .sort((a, b) => a.t - b.t)
      .map((g) => {
        const seq = (this.ambSeq.get(g.topic) ?? 0) + 1;
        this.ambSeq.set(g.topic, seq);
        const m: WireMessage = { topic: g.topic, seq, ts: this.wallTime(g.t) };
        if (g.snapshot) m.snapshot = true;
        if (g.upsert) m.upsert = g.upsert;
        if (g.delete) m.delete = g.delete;
        return m;
      });
    // merge into the messages not yet played (both in time order)
    const tail = this.messages.slice(this.next);
    const merged: WireMessage[] = [];
    let i = 0;
    let j = 0;
    while (i < tail.length || j < add.length) {
      if (j >= add.length || (i < tail.length && tail[i].ts <= add[j].ts)) merged.push(tail[i++]);
      else merged.push(add[j++]);
    }
    this.messages.length = this.next;
    for (const m of merged) this.messages.push(m);
  }

  /** last sequence number per topic */
  seqs(): Record<string, number> {
    return Object.fromEntries(this.lastSeq);
  }

  /** the current entities of a topic */
  entities(topic: string): Record<string, unknown>[] {
    return [...(this.state.get(topic)?.values() ?? [])];
  }

  private apply(m: WireMessage): void {
    let s = this.state.get(m.topic);
    if (!s) this.state.set(m.topic, (s = new Map()));
    if (m.snapshot) s.clear();
    for (const id of m.delete ?? []) s.delete(id);
    for (const e of m.upsert ?? []) s.set(String(e.id), e);
    this.lastSeq.set(m.topic, m.seq);
    this.lastTs.set(m.topic, m.ts);
  }

  /** The current state: one snapshot message per topic, with the topic's last sequence number. */
  snapshot(): WireMessage[] {
    return [...this.state.keys()].sort().map((topic) => ({
      topic,
      seq: this.lastSeq.get(topic) ?? 0,
      ts: this.lastTs.get(topic) ?? Date.now(),
      snapshot: true,
      upsert: [...this.state.get(topic)!.values()],
    }));
  }

  get done(): boolean {
    return this.next >= this.messages.length;
  }
}
