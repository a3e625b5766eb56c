/**
 * The partition sizing hint (research/rules.md `topic-partition-sizing-hint`) shown on hover over a
 * KafkaTopic's `spec.partitions` and a ScaledObject's `spec.maxReplicaCount`.
 */
import type { YamlPath } from '../../parse/yaml';
import type { Resource } from '../../resource';
import { topicName, type WorkspaceIndex } from '../../workspace';
import { kafkaTriggers, replicaSettings, triggersOnTopic } from '../keda/triggers';
import { triggerPartitions } from './partitions';

const FORMULA =
  'Partitions needed ≈ ⌈max(T / p, T / c, C_peak) × headroom⌉ — T: target throughput, p: produce throughput per partition, c: throughput of one consumer, C_peak: peak consumers (maxReplicaCount × consumers per pod), headroom 1.5–2. Counts with many divisors (6, 12, 24, 60) keep the load even as consumers scale.';

/** Markdown for the sizing hint at `path`, or undefined when the path is neither field. */
export function sizingHint(r: Resource, path: YamlPath, index: WorkspaceIndex | undefined): string | undefined {
  const p = path.join('.');
  if (r.target === 'strimzi-topic' && p === 'spec.partitions') return topicHint(r, index);
  if (r.target === 'keda-scaledobject' && p === 'spec.maxReplicaCount') return scalerHint(r, index);
  return undefined;
}

function topicHint(topic: Resource, index: WorkspaceIndex | undefined): string {
  const v = topic.get(['spec', 'partitions']);
  const P = typeof v === 'number' ? v : undefined;
  const out = [`**Sizing** · ${P !== undefined ? `At most ${P} consumer${P === 1 ? '' : 's'}` : 'At most one consumer per partition'} of a group read${P === 1 ? 's' : ''} this topic in parallel; KEDA caps a scaler's replicas at the partition count (unless \`allowIdleConsumers\`).`];
  const name = topicName(topic);
  if (index && name) {
    const scalers = triggersOnTopic(index, name).map((t) => ({ so: t.resource, max: replicaSettings(t.resource).max ?? 100 }));
    if (scalers.length > 0) {
      const peak = Math.max(...scalers.map((s) => s.max));
      const lines = scalers.slice(0, 5).map((s) => `${s.so.displayName} scales up to ${s.max} replicas`);
      out.push(`${lines.join('; ')}. For C_peak = ${peak}: at least ${peak} partitions, ${Math.ceil(peak * 1.5)}–${peak * 2} with headroom.`);
    }
  }
  out.push(FORMULA);
  return out.join('\n\n');
}

function scalerHint(so: Resource, index: WorkspaceIndex | undefined): string {
  const out = ['**Sizing** · KEDA never asks for more replicas than the trigger topic has partitions (one consumer per partition), unless `allowIdleConsumers: "true"`; `minReplicaCount` is not capped.'];
  if (index) {
    for (const t of kafkaTriggers(so)) {
      const p = triggerPartitions(index, t);
      if (!p) continue;
      const max = replicaSettings(so).max;
      out.push(`${t.topics.map((x) => `'${x}'`).join(', ')}: ${p.total} partition${p.total === 1 ? '' : 's'} in ${p.topics.map((x) => x.displayName).join(', ')}${max !== undefined && max > p.total ? ` — this scaler stops at ${p.total}, not ${max}` : ''}.`);
    }
  }
  out.push(FORMULA);
  return out.join('\n\n');
}
