/** Partition counts of trigger topics, from the workspace's KafkaTopics (effective values). */
import type { RelatedLocation } from '../../model';
import type { Resource } from '../../resource';
import type { WorkspaceIndex } from '../../workspace';
import type { KafkaTrigger } from '../keda/triggers';
import { topicAnchor, topicFacts } from '../topic/effective';

export interface TriggerPartitions {
  readonly total: number;
  readonly related: RelatedLocation[];
  readonly topics: readonly Resource[];
}

/** The KafkaTopics of a topic name that a client in `ns` may mean (all of them when names agree). */
export function partitionsOf(index: WorkspaceIndex, name: string): { value: number; topic: Resource } | undefined {
  const ts = index.topicsNamed(name);
  if (ts.length === 0) return undefined;
  let value: number | undefined;
  for (const t of ts) {
    const p = topicFacts(t, index).partitions;
    if (!p) return undefined;
    if (value !== undefined && value !== p.value) return undefined; // KafkaTopics disagree: unknown
    value = p.value;
  }
  return value === undefined ? undefined : { value, topic: ts[0] };
}

/** Σ partitions of a trigger's topics when every one is known. */
export function triggerPartitions(index: WorkspaceIndex, t: KafkaTrigger): TriggerPartitions | undefined {
  const names = t.topics;
  if (names.length === 0) return undefined;
  let total = 0;
  const related: RelatedLocation[] = [];
  const topics: Resource[] = [];
  for (const n of names) {
    const p = partitionsOf(index, n);
    if (!p) return undefined;
    total += p.value;
    topics.push(p.topic);
    related.push({ file: p.topic.file, range: p.topic.valueRange(['spec', 'partitions']) ?? topicAnchor(p.topic), message: `${p.topic.displayName}: topic '${n}' has ${p.value} partition${p.value === 1 ? '' : 's'}` });
  }
  return { total, related, topics };
}
