import { topicName } from '../../workspace';
import { defineRule, docsUrl } from '../types';
import { clusterOfLabel, relatedAt, where } from './util';

function dirName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i === -1 ? '' : p.slice(0, i);
}

export default defineRule({
  meta: {
    id: 'topic-duplicate-name',
    group: 'cross-resource',
    targets: ['strimzi-topic'],
    defaultSeverity: 'error',
    description: 'Two KafkaTopics of the same cluster manage the same Kafka topic',
    why: 'The Topic Operator reconciles only the oldest KafkaTopic for a topic name; the others fail with a resource conflict error, and their settings never apply. The effective name is `spec.topicName`, or `metadata.name` when unset. When the workspace holds several Kafka CRs of the cluster\'s name (environments, overlays), only KafkaTopics in the same folder are compared.',
    howToFix: 'Keep one KafkaTopic per topic: remove the other, or give it a different `spec.topicName`.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('topic-duplicate-name'),
    sources: ['https://strimzi.io/docs/operators/latest/deploying#con-topic-operator-topic-handling-str'],
  },
  resource(topic, ctx) {
    const name = topicName(topic);
    if (name === undefined || topic.clusterLabel === undefined) return;
    // The same cluster: the one Kafka CR of that name in the workspace. When the workspace has several
    // (overlays, environments, examples) or none, only KafkaTopics in the same folder count.
    const kafka = clusterOfLabel(ctx.index, topic);
    const single = kafka !== undefined && ctx.index.kafkasNamed(topic.clusterLabel).length === 1;
    const others = ctx.index
      .topicsNamed(name)
      .filter((t) => t !== topic && t.clusterLabel === topic.clusterLabel && t.sameNamespace(topic) && (single || dirName(t.file) === dirName(topic.file)));
    if (others.length === 0) return;
    const path = topic.get(['spec', 'topicName']) !== undefined ? ['spec', 'topicName'] : ['metadata', 'name'];
    ctx.report({
      range: topic.valueRange(path) ?? topic.doc.headRange(),
      message: `Topic '${name}' of cluster '${topic.clusterLabel}' is also managed by ${others.map((o) => where(o, topic.file)).join(', ')}: the Topic Operator reconciles only the oldest of them, the others fail with a conflict. Keep one KafkaTopic per topic.`,
      related: others.map((o) => relatedAt(o, o.get(['spec', 'topicName']) !== undefined ? ['spec', 'topicName'] : ['metadata', 'name'], `${o.displayName} also manages topic '${name}'`)),
    });
  },
});
