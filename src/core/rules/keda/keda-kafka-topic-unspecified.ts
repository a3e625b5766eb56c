import { defineRule, docsUrl } from '../types';
import { canScaleToZero, kafkaTriggers, replicaSettings } from './triggers';

export default defineRule({
  meta: {
    id: 'keda-kafka-topic-unspecified',
    group: 'keda',
    targets: ['keda-scaledobject'],
    defaultSeverity: 'warning',
    description: 'A KEDA Kafka trigger has no topic',
    why: 'Without `topic`, the kafka trigger sums the lag of every topic the consumer group has committed offsets for. A group that has never committed has no topics, so its lag is 0: once scaled to zero it is never scaled up again. The apache-kafka trigger fails outright when the group has no active members. Naming the topic also makes the partition cap exact.',
    howToFix: 'Add `topic` (or `topicFromEnv`) with the topic the consumers read, or keep at least one replica (`minReplicaCount: 1`).',
    fixable: false,
    docsUrl: docsUrl('keda-kafka-topic-unspecified'),
    sources: ['https://keda.sh/docs/2.20/scalers/apache-kafka/', 'https://keda.sh/docs/2.20/scalers/apache-kafka-go/'],
  },
  resource(resource, ctx) {
    const reps = replicaSettings(resource);
    const zero = canScaleToZero(reps);
    for (const t of kafkaTriggers(resource)) {
      if (t.isSet('topic')) continue;
      const empty = t.entry('topic');
      const where = empty ? empty.valueRange : t.anchor;
      if (t.type === 'apache-kafka') {
        ctx.report({
          range: where,
          severity: zero ? 'warning' : 'info',
          message: `${t.label} (apache-kafka) has no topic: the scaler then needs the group to have active members and errors when it has none${zero ? ', which is the case after scaling to zero' : ''}. Add topic.`,
        });
        continue;
      }
      ctx.report({
        range: where,
        severity: zero ? 'warning' : 'info',
        message: zero
          ? `${t.label} has no topic, so KEDA sums lag over the topics the group has committed to; a group that has not committed yet reports no lag and, scaled to zero (minReplicaCount ${reps.minSet ? reps.min : '0, the default'}), is never scaled up. Add topic, or set minReplicaCount: 1.`
          : `${t.label} has no topic, so KEDA sums lag over every topic the group has committed to and caps replicas at their total partitions. Add topic to scale on one topic.`,
      });
    }
  },
});
