import { defineRule, docsUrl } from '../types';
import { kafkaTriggers, knownPartitions, replicaSettings } from './triggers';

export default defineRule({
  meta: {
    id: 'keda-kafka-allow-idle-consumers',
    group: 'keda',
    targets: ['keda-scaledobject'],
    defaultSeverity: 'warning',
    description: 'A KEDA Kafka trigger lets replicas exceed the partition count (`allowIdleConsumers: "true"`)',
    why: 'By default KEDA caps the scaling metric so the replica count never exceeds the number of partitions, because a consumer group gives each partition to one consumer. `allowIdleConsumers: "true"` lifts that cap: pods beyond the partition count receive no partitions and sit idle, costing resources and adding rebalances. It only helps when pods also do work that is not tied to partitions.',
    howToFix: 'Remove `allowIdleConsumers` (the default is "false"), or keep `maxReplicaCount` at or below the partition count of the topic.',
    fixable: false,
    docsUrl: docsUrl('keda-kafka-allow-idle-consumers'),
    sources: ['https://keda.sh/docs/2.20/scalers/apache-kafka/', 'kedacore/keda@v2.20.2:pkg/scalers/kafka_scaler.go'],
    crossFile: true,
  },
  resource(resource, ctx) {
    const reps = replicaSettings(resource);
    for (const t of kafkaTriggers(resource)) {
      const e = t.get('allowIdleConsumers');
      if (!e || e.templated || t.bool('allowIdleConsumers') !== true) continue;
      // With ensureEvenDistributionOfPartitions the partition cap still applies (kafka trigger).
      if (t.type === 'kafka' && t.bool('ensureEvenDistributionOfPartitions') === true) continue;
      // Partition count of the trigger's topic when the workspace has its KafkaTopic.
      let partitions: number | undefined;
      const topics = t.topics;
      if (topics.length > 0) {
        let sum = 0;
        for (const name of topics) {
          // Topics are cluster-wide and usually live in the Kafka namespace, not the app's: use the
          // partition count only when every KafkaTopic of that name agrees on it.
          const p = knownPartitions(ctx.index, name);
          if (typeof p !== 'number') {
            sum = NaN;
            break;
          }
          sum += p;
        }
        if (Number.isFinite(sum)) partitions = sum;
      }
      if (partitions !== undefined && reps.max !== undefined && reps.max <= partitions) continue; // no idle pod possible
      const edit = t.removeEdit('allowIdleConsumers');
      const maxText = reps.max === undefined ? 'maxReplicaCount' : reps.maxSet ? `maxReplicaCount ${reps.max}` : `${reps.max}, the default maxReplicaCount`;
      ctx.report({
        range: e.valueRange,
        message:
          partitions !== undefined
            ? `allowIdleConsumers: "true" lets KEDA scale up to ${maxText}, although ${topics.length === 1 ? `topic '${topics[0]}' has` : 'the topics have'} ${partitions} partition(s); pods beyond ${partitions} get no partitions and sit idle. Remove it or lower maxReplicaCount to ${partitions}.`
            : `allowIdleConsumers: "true" lifts KEDA's cap at the partition count, so pods beyond the number of partitions get none and sit idle (up to ${maxText}). Remove it unless pods do work that is not tied to partitions.`,
        suggestions: edit ? [{ title: 'Remove allowIdleConsumers', edits: [edit] }] : undefined,
      });
    }
  },
});
