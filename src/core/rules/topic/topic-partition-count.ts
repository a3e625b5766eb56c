import type { RelatedLocation } from '../../model';
import { topicName } from '../../workspace';
import { replicaSettings, triggersOnTopic } from '../keda/triggers';
import { defineRule, docsUrl } from '../types';
import { origin, topicAnchor, topicFacts } from './effective';

export default defineRule({
  meta: {
    id: 'topic-partition-count',
    group: 'topic',
    targets: ['strimzi-topic'],
    defaultSeverity: 'warning',
    description: 'A KafkaTopic has a single partition, or very many',
    why: 'Partitions cap the parallelism of a consumer group: each partition is read by one consumer, so a one-partition topic is read by one pod however far it scales, and KEDA caps its replicas at the partition count. Very high partition counts cost metadata, open files and recovery time on the brokers.',
    howToFix: 'Set `spec.partitions` to at least the number of consumers you want to run in parallel (for example the ScaledObject\'s `maxReplicaCount`), with some headroom. Partitions can be added later but never removed, and adding them changes which partition a key maps to.',
    fixable: false,
    docsUrl: docsUrl('topic-partition-count'),
    sources: ['https://keda.sh/docs/2.20/scalers/apache-kafka/', 'https://strimzi.io/docs/operators/latest/deploying#con-configuring-topics-str'],
    crossFile: true,
  },
  resource(topic, ctx) {
    const f = topicFacts(topic, ctx.index);
    const p = f.partitions;
    if (!p || p.value < 1) return;
    const range = p.range ?? topicAnchor(topic);
    const related: RelatedLocation[] = p.related ? [p.related] : [];
    if (p.value === 1) {
      const name = topicName(topic);
      const scalers: { file: string; range: RelatedLocation['range']; max: number; label: string }[] = [];
      if (name) {
        for (const t of triggersOnTopic(ctx.index, name)) {
          const so = t.resource;
          const max = replicaSettings(so).max ?? 100;
          if (max <= 1) continue;
          scalers.push({ file: so.file, range: t.get('topic')!.valueRange, max, label: so.displayName });
        }
      }
      if (scalers.length > 0) {
        const s = scalers[0];
        ctx.report({
          range,
          message: `The topic has 1 partition${origin(p, f.kafka)}, but ${s.label} scales its consumers up to ${s.max} replicas: only one consumer of a group can read it, and KEDA caps the replicas at 1. Raise partitions to the parallelism you need (e.g. ${Math.min(s.max, 12)}).`,
          related: [...related, ...scalers.map((x) => ({ file: x.file, range: x.range, message: `${x.label} scales on this topic (maxReplicaCount ${x.max})` }))],
        });
      } else {
        ctx.report({
          range,
          severity: 'info',
          message: `The topic has 1 partition${origin(p, f.kafka)}, so at most one consumer per group can read it. Raise partitions if consumers should scale out (keep 1 only when strict total ordering matters).`,
          related,
        });
      }
      return;
    }
    const max = ctx.settings.thresholds.maxPartitionsPerTopic ?? 1000;
    if (p.value > max) {
      ctx.report({
        range,
        severity: 'info',
        message: `The topic has ${p.value} partitions${origin(p, f.kafka)}, more than ${max}: each partition adds metadata, open files and recovery time on the brokers. Check that the consumers' parallelism needs that many.`,
        related,
      });
    }
  },
});
