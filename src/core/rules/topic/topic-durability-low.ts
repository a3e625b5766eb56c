import type { Fix, RelatedLocation, TextEdit } from '../../model';
import { defineRule, docsUrl } from '../types';
import { origin, setNumberEdit, topicAnchor, topicFacts } from './effective';

function sugOf(title: string, edit: TextEdit | undefined): Fix[] | undefined {
  return edit ? [{ title, edits: [edit] }] : undefined;
}

function fixOf(title: string, edit: TextEdit | undefined): Fix | undefined {
  return edit ? { title, edits: [edit] } : undefined;
}

export default defineRule({
  meta: {
    id: 'topic-durability-low',
    group: 'topic',
    targets: ['strimzi-topic'],
    defaultSeverity: 'warning',
    description: 'A KafkaTopic keeps too few copies of its data (replicas below 3, or min.insync.replicas below 2)',
    why: 'With one replica, losing a single broker or disk loses the topic\'s data; with two, any rolling restart leaves one copy. `min.insync.replicas` decides how many replicas must have a write before a producer with `acks=all` (the default since Kafka 3.0) gets an acknowledgement: at 1, an acknowledged write can exist on the leader only and is lost if that broker fails. The usual production setting is 3 replicas with `min.insync.replicas: 2`.',
    howToFix: 'Set `spec.replicas: 3` (needs 3 or more brokers) and `spec.config.min.insync.replicas: 2` — or set `default.replication.factor` and `min.insync.replicas` in the Kafka cluster config so every topic inherits them. Changing the replicas of an existing topic requires Cruise Control, so the editor offers that change but `--fix` does not apply it.',
    fixable: true,
    docsUrl: docsUrl('topic-durability-low'),
    sources: ['https://kafka.apache.org/documentation/#topicconfigs_min.insync.replicas', 'https://strimzi.io/docs/operators/latest/deploying#con-configuring-topics-str'],
    crossFile: true,
  },
  resource(topic, ctx) {
    const f = topicFacts(topic, ctx.index);
    const rf = f.rf;
    const B = f.brokers;
    const related: RelatedLocation[] = [];
    if (rf?.related) related.push(rf.related);
    if (rf && rf.value >= 1 && rf.value < 3) {
      const brokers = B === undefined ? '' : ` The cluster has ${B} broker${B === 1 ? '' : 's'}.`;
      const canFix = B !== undefined && B >= 3;
      // Changing the replicas of an existing topic needs Cruise Control, so this is never an automatic fix.
      const cc = f.kafka && f.kafka.get(['spec', 'cruiseControl']) === undefined ? ' (for an existing topic this needs Cruise Control, which Kafka/' + (f.kafka.name ?? '') + ' does not enable)' : '';
      const edit = canFix ? (rf.source === 'topic' ? setNumberEdit(topic, ['spec', 'replicas'], 3) : topic.doc.insertKeyEdit(['spec'], 'replicas', '3')) : undefined;
      if (rf.value === 1) {
        ctx.report({
          range: rf.range ?? topicAnchor(topic),
          severity: B === 1 ? 'info' : 'warning',
          message:
            B === 1
              ? `The topic has 1 replica${origin(rf, f.kafka)}, which is all a 1-broker cluster allows; its data is lost with that broker's storage. Use 3 replicas on a production cluster.`
              : `The topic has 1 replica${origin(rf, f.kafka)}: losing one broker or disk loses its data.${brokers} Set replicas to 3${B !== undefined && B < 3 ? ' once the cluster has 3 brokers' : cc}.`,
          suggestions: sugOf('Set replicas to 3', edit),
          related,
        });
      } else if (B !== undefined && B >= 3) {
        ctx.report({
          range: rf.range ?? topicAnchor(topic),
          message: `The topic has ${rf.value} replicas${origin(rf, f.kafka)} on a cluster of ${B} brokers: a rolling restart or one broker failure leaves a single copy. Set replicas to 3${cc}.`,
          suggestions: sugOf('Set replicas to 3', edit),
          related,
        });
      }
    }
    const isr = f.minIsr;
    if (rf && isr && rf.value >= 3 && isr.value < 2) {
      const path = ['spec', 'config', 'min.insync.replicas'];
      const edit = isr.source === 'topic' ? setNumberEdit(topic, path, 2) : topic.doc.insertKeyEdit(['spec', 'config'], 'min.insync.replicas', '2');
      ctx.report({
        range: isr.range ?? topicAnchor(topic),
        message: `min.insync.replicas is ${isr.value}${origin(isr, f.kafka)} with ${rf.value} replicas: a producer using acks=all is acknowledged once the leader alone has the write, so one broker failure can lose acknowledged records. Set min.insync.replicas to 2.`,
        fix: fixOf('Set min.insync.replicas to 2', edit),
        related: isr.related ? [isr.related] : undefined,
      });
    }
  },
});
