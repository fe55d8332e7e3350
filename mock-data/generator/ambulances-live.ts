/**
 * The 120 service for the reference live server (server/city.ts): the same plan the fixtures
 * come from (defaultPlan), streamed in chunks with a position report every second of every
 * moving ambulance, and the ECG of a monitored patient produced on demand for the ambulances
 * a client subscribes to (the live server streams it only to that client). Times inside
 * entities (fix times, ETAs, trip starts, call times, ECG sample times) are moved to the wall
 * clock like the messages' own times; at a story speed above 1 the planned seconds and
 * speeds are scaled so the layer moves the vehicles at the story's pace.
 */
import { AMB_TOPIC, CALL_TOPIC, ECG_TOPIC, HOSPITAL_TOPIC, STATION_TOPIC, STATS_TOPIC, TRIP_TOPIC } from '../../layers/ambulances/topic';
import { ECG_BATCH_MS, ecgBatch } from './ambulances-ecg';
import { buildAmbulances, defaultPlan, patientFor } from './ambulances';
import { phaseAt, type Plan } from './ambulances-plan';
import { TimelineBuilder } from './timeline';

/** the topics this feed owns (the live city drops the fixture's messages of these) */
export const LIVE_AMB_TOPICS = new Set([AMB_TOPIC, TRIP_TOPIC, CALL_TOPIC, STATS_TOPIC, ECG_TOPIC, HOSPITAL_TOPIC, STATION_TOPIC]);

export interface FeedMessage {
  topic: string;
  /** story time, epoch ms */
  t: number;
  upsert?: Record<string, unknown>[];
  delete?: string[];
  snapshot?: boolean;
}

export class LiveAmbulances {
  private readonly calls;
  constructor(
    /** story → wall time */
    private readonly toWall: (storyT: number) => number,
    /** story seconds per wall second */
    private readonly speed = 1,
    readonly plan: Plan = defaultPlan(),
  ) {
    this.calls = new Map(plan.calls.map((c) => [c.id, c]));
  }

  /** Move an entity's times to the wall clock (and scale planned seconds and speeds). */
  private wall(topic: string, e: Record<string, unknown>): Record<string, unknown> {
    const out = { ...e };
    for (const k of ['at', 'eta', 'start', 't0']) if (typeof out[k] === 'number') out[k] = this.toWall(out[k] as number);
    if (this.speed !== 1) {
      if (topic === TRIP_TOPIC && Array.isArray(out.tt)) out.tt = (out.tt as number[]).map((x) => Math.round((x / this.speed) * 100) / 100);
      if (topic === AMB_TOPIC && typeof out.v === 'number') out.v = Math.min(60, Math.round(out.v * this.speed * 10) / 10);
      if (topic === ECG_TOPIC && typeof out.hz === 'number') out.hz = out.hz * this.speed;
    }
    return out;
  }

  /**
   * The messages of (the story window) [from, to): with `snapshot` the state at `from` first
   * (hospitals, stations, fleet, trips, open calls, today's figures).
   */
  chunk(from: number, to: number, snapshot: boolean): FeedMessage[] {
    const b = new TimelineBuilder();
    buildAmbulances(b, { from, to }, { reportEveryS: Math.max(1, Math.round(this.speed)), ecgMax: 0, events: false, continuation: !snapshot, ecgFlagAll: true }, this.plan);
    return b.lines().map((l) => {
      const m = JSON.parse(l) as { topic: string; ts: string; upsert?: Record<string, unknown>[]; delete?: string[]; snapshot?: boolean };
      const out: FeedMessage = { topic: m.topic, t: Date.parse(m.ts) };
      if (m.upsert) out.upsert = m.upsert.map((e) => this.wall(m.topic, e));
      if (m.delete) out.delete = m.delete;
      if (m.snapshot) out.snapshot = true;
      return out;
    });
  }

  /** ECG batches of an ambulance whose sample window ends in (from, to] (story times). */
  ecg(id: string, from: number, to: number): Record<string, unknown>[] {
    const a = this.plan.ambulances.find((x) => x.id === id);
    if (!a) return [];
    const out: Record<string, unknown>[] = [];
    for (let end = Math.floor(from / ECG_BATCH_MS) * ECG_BATCH_MS + ECG_BATCH_MS; end <= to; end += ECG_BATCH_MS) {
      const t0 = end - ECG_BATCH_MS;
      const p = phaseAt(a, t0);
      if (p.status !== 'to_hospital' || !p.ecg || phaseAt(a, end - 1) !== p) continue;
      const call = this.calls.get(p.call!);
      if (!call) continue;
      out.push(this.wall(ECG_TOPIC, ecgBatch(id, patientFor(call), t0) as unknown as Record<string, unknown>));
    }
    return out;
  }
}
