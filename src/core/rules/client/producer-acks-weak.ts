import { versionBelow } from '../../versions';
import { defineRule, docsUrl } from '../types';

const WEAK = new Set(['0', '1']);

export default defineRule({
  meta: {
    id: 'producer-acks-weak',
    group: 'producer',
    targets: ['config-producer'],
    defaultSeverity: 'warning',
    description: 'The producer does not wait for all in-sync replicas (`acks` is 0 or 1)',
    why: 'With `acks=1` the leader acknowledges before followers have the record, so a leader failure loses acknowledged writes; `acks=0` does not wait at all. Both also turn off idempotence. Kafka clients since 3.0 default to `acks=all`, so the key is usually best removed.',
    howToFix: 'Remove `acks` (clients 3.0 and newer default to `all`) or set it to `all`.',
    fixable: true,
    docsUrl: docsUrl('producer-acks-weak'),
    sources: ['https://kafka.apache.org/documentation/#producerconfigs_acks', 'KIP-679'],
  },
  config(set, ctx) {
    const acks = set.get('acks');
    if (!acks) return;
    if (acks.dynamic || !WEAK.has(acks.value)) return;
    const edit = set.setEdit(acks, 'all');
    ctx.report({
      range: acks.valueRange,
      message: `acks=${acks.value} acknowledges writes before they are replicated; a leader failure loses them. Use acks=all${versionBelow(ctx.versions.kafka.value, '3.0') ? '' : ' (the default since Kafka 3.0)'}.`,
      fix: edit ? { title: 'Set acks to all', edits: [edit] } : undefined,
    });
  },
});
