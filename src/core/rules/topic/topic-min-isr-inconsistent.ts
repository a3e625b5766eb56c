import type { RelatedLocation } from '../../model';
import { defineRule, docsUrl } from '../types';
import { origin, setNumberEdit, topicAnchor, topicFacts } from './effective';

export default defineRule({
  meta: {
    id: 'topic-min-isr-inconsistent',
    group: 'topic',
    targets: ['strimzi-topic'],
    defaultSeverity: 'error',
    description: 'A KafkaTopic\'s min.insync.replicas exceeds its replicas, or leaves no replica to spare',
    why: 'A producer with `acks=all` (the default since Kafka 3.0) gets `NotEnoughReplicas` errors whenever fewer than `min.insync.replicas` replicas are in sync. If `min.insync.replicas` exceeds the number of replicas the topic can never be written; if it equals it, every broker restart (including each step of a rolling update) blocks writes to the partitions that broker hosts.',
    howToFix: 'Keep `min.insync.replicas` one below the replication factor (for example 2 with 3 replicas), or raise `spec.replicas`.',
    fixable: true,
    docsUrl: docsUrl('topic-min-isr-inconsistent'),
    sources: ['https://kafka.apache.org/documentation/#topicconfigs_min.insync.replicas', 'KIP-679'],
    crossFile: true,
  },
  resource(topic, ctx) {
    const f = topicFacts(topic, ctx.index);
    const rf = f.rf;
    const isr = f.minIsr;
    if (!rf || !isr || rf.value < 1) return;
    if (isr.value < rf.value || (isr.value === rf.value && rf.value === 1)) return;
    const path = ['spec', 'config', 'min.insync.replicas'];
    const target = Math.max(1, rf.value - 1);
    const edit = isr.source === 'topic' ? setNumberEdit(topic, path, target) : undefined;
    const related: RelatedLocation[] = [];
    if (isr.related) related.push(isr.related);
    if (rf.related) related.push(rf.related);
    else if (isr.source === 'topic' && rf.range) related.push({ file: topic.file, range: rf.range, message: `replicas: ${rf.value}` });
    const range = isr.range ?? rf.range ?? topicAnchor(topic);
    const isrText = `min.insync.replicas ${isr.value}${origin(isr, f.kafka)}`;
    const rfText = `${rf.value} replica${rf.value === 1 ? '' : 's'}${origin(rf, f.kafka)}`;
    if (isr.value > rf.value) {
      ctx.report({
        range,
        message: `${isrText} is greater than the topic's ${rfText}: producers using acks=all (the default) can never write to it (NotEnoughReplicas). Set min.insync.replicas to ${target}${rf.value < 3 ? ' or raise replicas' : ''}.`,
        fix: edit ? { title: `Set min.insync.replicas to ${target}`, edits: [edit] } : undefined,
        related,
      });
    } else {
      ctx.report({
        range,
        severity: 'warning',
        message: `${isrText} equals the topic's ${rfText}: whenever one replica is down — including during every rolling restart — producers using acks=all (the default) fail with NotEnoughReplicas. Set min.insync.replicas to ${target}.`,
        fix: edit ? { title: `Set min.insync.replicas to ${target}`, edits: [edit] } : undefined,
        related,
      });
    }
  },
});
