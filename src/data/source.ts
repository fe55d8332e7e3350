/**
 * The data-source contract. Every source — replayed fixtures, HTTP polling, SSE,
 * WebSocket, MQTT over WebSocket — implements `DataSource`; the app applies what it
 * emits to the store, and layers read the store. A source never imports the store.
 *
 * What flows out of a source (through the `SourceSink` given to `start`):
 *  - `deltas`: validated, sequenced, timestamped messages, in order of application;
 *    a delta with `snapshot: true` replaces its topic's whole state;
 *  - `status`: per topic (or '*' for all): connecting | live | stale | error (with reason);
 *  - `reject`: a diagnostic for each message dropped at the edge;
 *  - `counts`: accepted / rejected / gaps per topic, as absolute numbers;
 *  - `progress`: loading progress of a large timeline;
 *  - `timeline`: for replayable sources, the time range and event markers.
 *
 * Sequence numbers and gap detection live in the Edge that every source uses
 * (src/data/edge.ts), not in a single source.
 */
import type { Delta, Entity, Reject } from './wire';
import type { TopicCounts } from './edge';

export type SourceKind = 'replay' | 'http' | 'sse' | 'ws' | 'mqtt';

export type TopicState = 'connecting' | 'live' | 'stale' | 'error';

export interface TopicStatus {
  state: TopicState;
  /** why: shown in feed health for error and stale */
  reason?: string;
  /** wall-clock time of the change, epoch ms */
  since: number;
}

export interface LoadProgress {
  phase: 'fetching' | 'parsing' | 'indexing' | 'done';
  /** bytes (fetching/parsing) read so far */
  loaded: number;
  /** total bytes if known, else 0 */
  total: number;
  /** messages read so far */
  messages: number;
}

/** A marker on the time bar (and an alert) from the `events` topic. */
export interface TimelineEvent {
  id: string;
  t: number;
  title: string;
  title_en?: string;
  level: 'info' | 'warning' | 'alarm';
  lon?: number;
  lat?: number;
  ref_topic?: string;
  ref_id?: string;
}

export interface TimelineInfo {
  /** first and last data time in the timeline, epoch ms */
  start: number;
  end: number;
  /** number of messages (lines) read, accepted and rejected */
  lines: number;
  accepted: number;
  rejected: number;
  keyframes: number;
  events: TimelineEvent[];
  topics: string[];
}

export interface SourceSink {
  deltas(batch: readonly Delta[]): void;
  status(topic: string | '*', status: TopicStatus): void;
  reject(reject: Reject): void;
  counts(counts: Record<string, TopicCounts>): void;
  progress?(progress: LoadProgress): void;
  timeline?(info: TimelineInfo): void;
}

/** Time control, present on sources that replay a recorded timeline. */
export interface ReplayControl {
  /**
   * Bring the state to time t: emits one snapshot delta per topic holding the full state
   * at t. Resolves when the snapshot has been handed to the sink.
   */
  seek(t: number): Promise<void>;
  /**
   * Move forward to time t, emitting the deltas in (current, t]. A t earlier than the
   * current time is a seek. Resolves when the deltas have been handed to the sink.
   */
  advanceTo(t: number): Promise<void>;
}

/** A numeric time series of one entity's fields (for charts such as a depth curve). */
export interface HistoryQuery {
  topic: string;
  id: string;
  fields: readonly string[];
  /** epoch ms; default: the start / end of what the source holds */
  from?: number;
  to?: number;
}

export interface HistorySeries {
  /** data times, epoch ms, ascending */
  t: number[];
  /** per field, the value at each time (null where the entity lacked a number) */
  values: Record<string, (number | null)[]>;
}

export interface DataSource {
  readonly kind: SourceKind;
  /** where the data comes from (shown in the header; never contains credentials) */
  readonly url: string;
  /** present when the source replays a timeline (the clock drives it) */
  readonly replay?: ReplayControl;
  start(sink: SourceSink): Promise<void>;
  stop(): void;
  /** The full current state of every topic, as snapshot deltas. */
  snapshot(): Promise<Delta[]>;
  /**
   * The recorded values of an entity's numeric fields over time: a replay answers from
   * its whole log; a live source from what it has kept (or its server's history API).
   */
  history?(q: HistoryQuery): Promise<HistorySeries>;
  /**
   * Which entities of a selective topic (TopicSpec.selective, e.g. the in-vehicle ECG) to
   * deliver: `ids` (empty = none), or null for all. Optional: a source without it delivers
   * whatever it receives. Replay filters in its worker; live sources tell their server
   * (docs/wire-format.md, "Selective topics").
   */
  subscribe?(topic: string, ids: readonly string[] | null): void;
}

export type { Delta, Entity, Reject };
