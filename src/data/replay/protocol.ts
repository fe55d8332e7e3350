/** Messages between the ReplaySource (main thread) and the replay worker. */
import type { TopicCounts } from '../edge';
import type { HistoryQuery, HistorySeries, LoadProgress, TimelineInfo } from '../source';
import type { Delta, Reject } from '../wire';

export type ToWorker =
  | { type: 'load'; url: string }
  | { type: 'seek'; id: number; t: number }
  | { type: 'advance'; id: number; t: number }
  | { type: 'snapshot'; id: number }
  | { type: 'history'; id: number; query: HistoryQuery }
  | { type: 'subscribe'; topic: string; ids: string[] | null };

export type FromWorker =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'loaded'; info: TimelineInfo; counts: Record<string, TopicCounts>; rejects: Reject[] }
  | { type: 'error'; message: string }
  | { type: 'deltas'; id: number; t: number; deltas: Delta[] }
  | { type: 'snapshot'; id: number; deltas: Delta[] }
  | { type: 'history'; id: number; series: HistorySeries };
