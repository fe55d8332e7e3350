/**
 * The layers' topic registry in Node. In the app it is collected with a Vite glob
 * (layers/topics.ts); here the same files (`layers/<name>/topic.ts`) are imported directly.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TopicRegistry, type TopicSpec } from '../../src/data/topics';

export async function nodeTopicRegistry(root = resolve(import.meta.dirname, '../..')): Promise<TopicRegistry> {
  const specs: TopicSpec[] = [];
  const dir = join(root, 'layers');
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, 'topic.ts');
    if (!existsSync(file)) continue;
    const m = (await import(pathToFileURL(file).href)) as { topics?: TopicSpec[] };
    specs.push(...(m.topics ?? []));
  }
  return new TopicRegistry(specs);
}
