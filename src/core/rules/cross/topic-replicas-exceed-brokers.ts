import { topicAnchor, topicFacts } from '../topic/effective';
import { defineRule, docsUrl } from '../types';
import { brokerPoolsRelated } from './strimzi-replication-exceeds-brokers';

export default defineRule({
  meta: {
    id: 'topic-replicas-exceed-brokers',
    group: 'cross-resource',
    targets: ['strimzi-topic'],
    defaultSeverity: 'error',
    description: 'A KafkaTopic needs more replicas than its cluster has brokers',
    why: 'Kafka places each replica of a partition on a different broker, and rejects the topic otherwise: "The target replication factor of N cannot be reached because only M broker(s) are registered". The Topic Operator then reports the KafkaTopic as not ready, and the topic does not exist.',
    howToFix: 'Lower `spec.replicas` to at most the number of brokers, or add brokers to the node pools.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('topic-replicas-exceed-brokers'),
    sources: ['https://kafka.apache.org/41/operations/basic-kafka-operations/', 'https://strimzi.io/docs/operators/latest/configuring#type-KafkaTopicSpec-reference'],
  },
  resource(topic, ctx) {
    const f = topicFacts(topic, ctx.index);
    const B = f.brokers;
    const rf = f.rf;
    if (!f.kafka || B === undefined || B < 1 || !rf || rf.value <= B) return;
    const edit = rf.source === 'topic' ? topic.doc.setValueEdit(['spec', 'replicas'], String(B)) : undefined;
    ctx.report({
      range: rf.range ?? topicAnchor(topic),
      message: `The topic has ${rf.value} replicas${rf.source === 'topic' ? '' : ` (inherited: ${rf.brokerKey} of ${f.kafka.displayName})`}, but ${f.kafka.displayName}${f.kafka.file === topic.file ? '' : ` (${f.kafka.file})`} has ${B} broker${B === 1 ? '' : 's'} in this workspace: Kafka cannot place the replicas and will not create the topic. Set replicas to ${B} or add brokers.`,
      suggestions: edit ? [{ title: `Set replicas to ${B}`, edits: [edit] }] : undefined,
      related: [...(rf.related ? [rf.related] : []), ...brokerPoolsRelated(ctx.index, f.kafka)],
    });
  },
});
