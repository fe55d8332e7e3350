/**
 * Every topic declared by a layer: each `layers/<name>/topic.ts` exporting
 * `topics: TopicSpec[]` is found here automatically (Vite glob), so the replay worker and
 * live sources validate with the layers' schemas without importing the layers' UI code.
 */
import { TopicRegistry, type TopicSpec } from '../src/data/topics';

const modules = import.meta.glob<{ topics: TopicSpec[] }>('./*/topic.ts', { eager: true });

export const topicSpecs: TopicSpec[] = Object.values(modules).flatMap((m) => m.topics);

export function createTopicRegistry(): TopicRegistry {
  return new TopicRegistry(topicSpecs);
}
