import { kafkaTriggers, replicaSettings } from '../keda/triggers';
import { defineRule, docsUrl } from '../types';
import { triggerPartitions } from './partitions';

export default defineRule({
  meta: {
    id: 'keda-replicas-vs-partitions',
    group: 'cross-resource',
    targets: ['keda-scaledobject'],
    defaultSeverity: 'warning',
    description: "A ScaledObject's replica bounds do not fit the partition count of its topic",
    why: 'Each partition is read by one consumer of a group, so consumers beyond the partition count sit idle. KEDA already caps the replica count it asks for at the number of partitions (unless `allowIdleConsumers` is set), so a higher `maxReplicaCount` is misleading rather than harmful. `minReplicaCount` is not capped: a minimum above the partition count guarantees idle pods.',
    howToFix: 'Set `minReplicaCount` (and `maxReplicaCount`) to at most the partition count, or raise the topic\'s partitions to the parallelism you need.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('keda-replicas-vs-partitions'),
    sources: ['https://keda.sh/docs/2.20/scalers/apache-kafka/', 'kedacore/keda@v2.20.2:pkg/scalers/kafka_scaler.go'],
  },
  resource(so, ctx) {
    const reps = replicaSettings(so);
    for (const t of kafkaTriggers(so)) {
      const p = triggerPartitions(ctx.index, t);
      if (!p || p.total < 1) continue;
      const P = p.total;
      const topics = t.topics.length === 1 ? `topic '${t.topics[0]}' has` : `topics ${t.topics.map((x) => `'${x}'`).join(', ')} have`;
      if (reps.min !== undefined && reps.minSet && reps.min > P) {
        const edit = so.doc.setValueEdit(['spec', 'minReplicaCount'], String(P));
        ctx.report({
          range: so.valueRange(['spec', 'minReplicaCount']) ?? so.doc.headRange(),
          message: `minReplicaCount is ${reps.min}, but ${topics} ${P} partition${P === 1 ? '' : 's'} in this workspace: at least ${reps.min - P} pod${reps.min - P === 1 ? '' : 's'} always sit idle (KEDA caps the maximum at the partitions, not the minimum). Lower it to ${P} or raise the partitions.`,
          suggestions: edit ? [{ title: `Set minReplicaCount to ${P}`, edits: [edit] }] : undefined,
          related: p.related,
        });
      }
      // With allowIdleConsumers, keda-kafka-allow-idle-consumers reports it; with one partition, topic-partition-count does.
      if (t.bool('allowIdleConsumers') !== false || P === 1) continue;
      if (reps.max !== undefined && reps.maxSet && reps.max > P) {
        ctx.report({
          range: so.valueRange(['spec', 'maxReplicaCount']) ?? so.doc.headRange(),
          severity: 'info',
          message: `maxReplicaCount is ${reps.max}, but ${topics} ${P} partitions in this workspace: KEDA never scales ${t.label} beyond ${P} replicas (one consumer per partition). Set maxReplicaCount to ${P}, or raise the partitions if you need more parallelism.`,
          related: p.related,
        });
      }
    }
  },
});
