import { defineRule, docsUrl } from '../types';
import { assign, boolValue, isStreams, textValue } from './helpers';

export default defineRule({
  meta: {
    id: 'consumer-auto-commit-enabled',
    group: 'consumer',
    targets: ['config-consumer'],
    defaultSeverity: 'warning',
    description: 'The consumer commits offsets automatically, on a timer, whatever happened to the records',
    why: 'With `enable.auto.commit=true` the consumer commits the offsets returned by `poll()` every `auto.commit.interval.ms`, whether or not the records were processed. If processing fails or is handed off asynchronously after the commit, those records are lost. The Java client defaults to `true` (when a `group.id` is set). Spring for Apache Kafka sets it to `false` when unset and commits after processing according to `spring.kafka.listener.ack-mode`, which auto-commit disables.',
    howToFix: 'Set `enable.auto.commit=false` and commit after processing (`commitSync()`/`commitAsync()`, or a Spring ack mode); in Spring Boot simply remove `enable-auto-commit`.',
    fixable: true,
    docsUrl: docsUrl('consumer-auto-commit-enabled'),
    sources: [
      'https://kafka.apache.org/documentation/#consumerconfigs_enable.auto.commit',
      'https://kafka.apache.org/41/javadoc/org/apache/kafka/clients/consumer/KafkaConsumer.html',
      'https://docs.spring.io/spring-kafka/reference/kafka/receiving-messages/message-listener-container.html#committing-offsets',
    ],
  },
  config(set, ctx) {
    if (isStreams(set)) return;
    const e = set.get('enable.auto.commit');
    const v = boolValue(e);
    if (set.spring) {
      if (!e || v !== true) return; // Spring sets it to false when unset
      const edit = set.setEdit(e, 'false');
      ctx.report({
        range: e.valueRange,
        message: `${assign(e)} commits offsets on a timer, before records may be processed; failures after the commit lose records. Set it to false (Spring's default) so the listener container commits after processing.`,
        fix: edit ? { title: 'Set enable-auto-commit to false', edits: [edit] } : undefined,
      });
      const ack = set.springProperty('spring.kafka.listener.ackmode');
      if (ack) {
        ctx.report({
          range: ack.keyRange,
          message: `spring.kafka.listener.ack-mode=${String(ack.value)} is ignored while enable-auto-commit is true: the Kafka client commits on its own timer.`,
          related: [{ file: set.file, range: e.keyRange, message: 'enable-auto-commit is set to true here' }],
        });
      }
      return;
    }
    if (e) {
      if (v !== true) return;
      const edit = set.setEdit(e, 'false');
      ctx.report({
        range: e.valueRange,
        message: `enable.auto.commit=true commits offsets every auto.commit.interval.ms, whether or not the records were processed; a failure after the commit loses them. Set it to false and commit after processing.`,
        suggestions: edit ? [{ title: 'Set enable.auto.commit to false (then commit in code)', edits: [edit] }] : undefined,
      });
      return;
    }
    // Unset: the Java client auto-commits, but only for a consumer group (without group.id it cannot commit).
    // KafkaBridge consumers get enable.auto.commit per HTTP request, so an unset default is not a finding there.
    if (set.origin === 'strimzi' || textValue(set.get('group.id')) === undefined) return;
    const edit = set.insertEdit('enable.auto.commit', 'false');
    ctx.report({
      range: set.anchor,
      severity: 'info',
      message: 'enable.auto.commit is not set, so the consumer auto-commits (the Java client default is true): offsets are committed on a timer, whether or not records were processed. Set enable.auto.commit=false and commit after processing, or set it to true deliberately.',
      suggestions: edit ? [{ title: 'Add enable.auto.commit=false (then commit in code)', edits: [edit] }] : undefined,
    });
  },
});
