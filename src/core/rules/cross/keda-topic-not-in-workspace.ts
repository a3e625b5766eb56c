import type { Resource } from '../../resource';
import { kafkaTriggers } from '../keda/triggers';
import { defineRule, docsUrl } from '../types';
import { notFound, resolveAddress, resourceBootstrapRefs } from './util';
import { topicName } from '../../workspace';

export default defineRule({
  meta: {
    id: 'keda-topic-not-in-workspace',
    group: 'cross-resource',
    targets: ['keda-scaledobject', 'keda-scaledjob'],
    defaultSeverity: 'info',
    description: 'A KEDA Kafka trigger scales on a topic that no KafkaTopic of the workspace defines',
    why: 'Without the KafkaTopic the partition count and replication of the topic cannot be checked against the scaler, and the topic may be created automatically with the broker defaults (often 1 partition, which caps the consumers at one). Only reported when the workspace manages topics with KafkaTopic resources.',
    howToFix: 'Add a KafkaTopic for the topic (with as many partitions as the consumers should scale to), or fix the topic name.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('keda-topic-not-in-workspace'),
    sources: ['https://strimzi.io/docs/operators/latest/deploying#con-topic-operator-topic-handling-str', 'https://keda.sh/docs/2.20/scalers/apache-kafka/'],
  },
  resource(so, ctx) {
    const all = ctx.index.resources('strimzi-topic');
    if (all.length === 0) return; // the workspace does not manage topics as KafkaTopics
    const refs = resourceBootstrapRefs(so, ctx.index);
    for (const t of kafkaTriggers(so)) {
      const e = t.get('topic');
      if (!e || e.templated) continue;
      // The cluster the trigger's bootstrapServers resolve to, when the workspace has it.
      const ref = refs.find((r) => r.trigger?.index === t.index);
      const kafka: Resource | undefined = ref ? resolveAddress(ref, ctx.index).kafka : undefined;
      const pool = kafka ? ctx.index.topics(kafka) : all;
      const missing = t.topics.filter((n) => !pool.some((k) => topicName(k) === n));
      if (missing.length === 0) continue;
      ctx.report({
        range: e.valueRange,
        severity: notFound(ctx, 'info'),
        message: `No KafkaTopic for topic${missing.length === 1 ? '' : 's'} ${missing.map((m) => `'${m}'`).join(', ')} ${kafka ? `of ${kafka.displayName} ` : ''}in this workspace: its partitions cannot be checked against this scaler, and an automatically created topic gets the broker defaults (often 1 partition). Add a KafkaTopic or check the name.`,
      });
    }
  },
});
