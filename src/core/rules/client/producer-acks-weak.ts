import { versionBelow } from '../../versions';
import { defineRule, docsUrl } from '../types';
import { boolValue, keyLabel } from './helpers';

const WEAK = new Set(['0', '1']);

export default defineRule({
  meta: {
    id: 'producer-acks-weak',
    group: 'producer',
    targets: ['config-producer'],
    defaultSeverity: 'warning',
    description: 'The producer does not wait for all in-sync replicas (`acks` is 0 or 1)',
    why: 'With `acks=1` the leader acknowledges before followers have the record, so a leader failure loses acknowledged writes; `acks=0` does not wait at all. Both also turn off idempotence. Kafka clients since 3.0 default to `acks=all` (before 3.0 the default was 1), so on current clients the key is usually best removed.',
    howToFix: 'Remove `acks` (clients 3.0 and newer default to `all`) or set it to `all`; on older clients set `acks=all` explicitly.',
    fixable: true,
    docsUrl: docsUrl('producer-acks-weak'),
    sources: ['https://kafka.apache.org/documentation/#producerconfigs_acks', 'KIP-679'],
  },
  config(set, ctx) {
    const kafka = ctx.versions.kafka.value;
    const old = versionBelow(kafka, '3.0');
    const acks = set.get('acks');
    if (!acks) {
      // Before 3.0 the default was acks=1; only claim it when the user told us the version.
      if (!old || ctx.versions.kafka.source === 'default') return;
      const edit = set.insertEdit('acks', 'all');
      ctx.report({
        range: set.anchor,
        message: `acks is not set, and Kafka clients ${kafka} default to acks=1: the leader acknowledges before followers have the record, so a leader failure loses it. Set acks=all.`,
        fix: edit ? { title: 'Add acks=all', edits: [edit] } : undefined,
      });
      return;
    }
    if (acks.dynamic || !WEAK.has(acks.value)) return;
    // With idempotence or transactions requested, producer-idempotence-conflict reports this value as an error.
    if (boolValue(set.get('enable.idempotence')) === true || set.has('transactional.id')) return;
    const edit = set.setEdit(acks, 'all');
    ctx.report({
      range: acks.valueRange,
      message: `${keyLabel(acks)}=${acks.value} acknowledges writes before they are replicated; a leader failure loses them${old ? '' : ', and it turns idempotence off'}. Use acks=all${set.library === 'sarama' ? ' (sarama.WaitForAll)' : set.library === 'kafkajs' ? ' (acks: -1, kafkajs\' default)' : old ? '' : ' (the default since Kafka 3.0)'}.`,
      fix: edit ? { title: 'Set acks to all', edits: [edit] } : undefined,
    });
  },
});
