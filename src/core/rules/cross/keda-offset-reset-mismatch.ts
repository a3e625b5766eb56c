import type { RelatedLocation } from '../../model';
import { consumersOfGroup, kafkaTriggers } from '../keda/triggers';
import { defineRule, docsUrl } from '../types';
import { containerEnv, scaleTarget } from './util';

const RESET_ENV_VARS = ['SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET', 'KAFKA_AUTO_OFFSET_RESET', 'AUTO_OFFSET_RESET'];

export default defineRule({
  meta: {
    id: 'keda-offset-reset-mismatch',
    group: 'cross-resource',
    targets: ['keda-scaledobject', 'keda-scaledjob'],
    defaultSeverity: 'warning',
    description: "A KEDA Kafka trigger's offsetResetPolicy differs from its consumers' auto.offset.reset",
    why: "For partitions without a committed offset KEDA computes the lag as its `offsetResetPolicy` says (default latest). When the consumers use `earliest`, KEDA sees a lag of 1 per such partition and under-scales a replay; when they use `latest` and KEDA `earliest`, it counts the whole log as lag and scales out for nothing.",
    howToFix: "Set the trigger's `offsetResetPolicy` to the consumers' `auto.offset.reset`.",
    fixable: true,
    crossFile: true,
    docsUrl: docsUrl('keda-offset-reset-mismatch'),
    sources: ['https://keda.sh/docs/2.20/scalers/apache-kafka/#new-consumers-and-offset-reset-policy', 'https://kafka.apache.org/41/generated/consumer_config.html#consumerconfigs_auto.offset.reset'],
  },
  resource(so, ctx) {
    const st = so.target === 'keda-scaledobject' ? scaleTarget(so, ctx.index) : undefined;
    for (const t of kafkaTriggers(so)) {
      const group = t.get('consumerGroup');
      if (!group || group.templated) continue;
      const pol = t.get('offsetResetPolicy');
      if (pol?.templated) continue;
      const keda = (pol?.value ?? 'latest').toLowerCase();
      if (keda !== 'latest' && keda !== 'earliest') continue; // invalid: keda-kafka-invalid-metadata
      // The consumers' policy: the group's config files, else the scale target's env.
      const seen = new Map<string, RelatedLocation>();
      for (const set of consumersOfGroup(ctx.index, group.value)) {
        const e = set.get('auto.offset.reset');
        if (e?.dynamic) continue;
        const v = (e?.value ?? 'latest').trim().toLowerCase();
        if (!seen.has(v)) seen.set(v, { file: set.file, range: e?.valueRange ?? set.get('group.id')!.valueRange, message: e ? `auto.offset.reset=${v} (group '${group.value}')` : `group '${group.value}' uses the default auto.offset.reset=latest` });
      }
      if (seen.size === 0 && st?.target) {
        const env = containerEnv(st.target);
        for (const n of RESET_ENV_VARS) {
          const v = env.env.get(n);
          if (v?.value) seen.set(v.value.trim().toLowerCase(), { file: st.target.file, range: st.target.valueRange([...v.path, 'value']) ?? st.target.doc.headRange(), message: `${st.target.displayName} sets ${n}=${v.value}` });
        }
      }
      if (seen.size !== 1) continue; // unknown or inconsistent consumers
      const [consumer, rel] = [...seen.entries()][0];
      if ((consumer !== 'latest' && consumer !== 'earliest') || consumer === keda) continue;
      const edit = pol ? t.setEdit('offsetResetPolicy', consumer) : t.insertEdit('offsetResetPolicy', consumer);
      ctx.report({
        range: pol?.valueRange ?? group.valueRange,
        message:
          consumer === 'earliest'
            ? `The consumers of group '${group.value}' start at the earliest offset, but KEDA uses offsetResetPolicy ${keda}${pol ? '' : ' (default)'}: for partitions without a committed offset it sees a lag of 1 and under-scales. Set offsetResetPolicy: earliest.`
            : `The consumers of group '${group.value}' start at the latest offset, but KEDA uses offsetResetPolicy earliest: it counts the whole log of uncommitted partitions as lag and scales out for nothing. Set offsetResetPolicy: latest.`,
        fix: edit ? { title: `Set offsetResetPolicy to ${consumer}`, edits: [edit] } : undefined,
        related: [rel],
      });
    }
  },
});
