/// <reference lib="webworker" />
/** Replay worker entry: the data layer's replay logic with the layers' topic schemas. */
import '../data/zod-setup'; // first: zod without eval before any schema runs (CSP)
import { createReplayWorker } from '../data/replay/worker-core';
import type { ToWorker } from '../data/replay/protocol';
import { createTopicRegistry } from '../../layers/topics';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const worker = createReplayWorker(createTopicRegistry(), (m) => scope.postMessage(m));
scope.onmessage = (ev: MessageEvent<ToWorker>) => worker.handle(ev.data);
