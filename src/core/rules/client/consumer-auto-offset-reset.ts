import type { Fix } from '../../model';
import { versionBelow } from '../../versions';
import { defineRule, docsUrl } from '../types';
import { assign, isStreams, textValue } from './helpers';

/** Values the old Scala consumer used; the Java consumer rejects them. */
const LEGACY: Readonly<Record<string, string>> = { smallest: 'earliest', largest: 'latest' };

export default defineRule({
  meta: {
    id: 'consumer-auto-offset-reset',
    group: 'consumer',
    targets: ['config-consumer'],
    defaultSeverity: 'info',
    description: 'Where a consumer group starts without committed offsets is left to the default (`latest`) or set to `none`',
    why: 'With `auto.offset.reset=latest` (the default) a new consumer group, or one whose committed offsets expired (`offsets.retention.minutes`, 7 days), skips every record produced before it first commits. `none` makes `poll()` throw NoOffsetForPartitionException instead. Neither is wrong, but the choice should be deliberate; an invalid value stops the consumer from starting.',
    howToFix: 'Set `auto.offset.reset` explicitly: `earliest` to process the backlog, `latest` to start from new records. Keep KEDA `offsetResetPolicy` in sync.',
    fixable: true,
    docsUrl: docsUrl('consumer-auto-offset-reset'),
    sources: ['https://kafka.apache.org/documentation/#consumerconfigs_auto.offset.reset', 'KIP-1106'],
  },
  config(set, ctx) {
    if (isStreams(set)) return;
    const e = set.get('auto.offset.reset');
    const choose = (make: (v: string) => ReturnType<typeof set.insertEdit>, values: string[]): Fix[] =>
      values.flatMap((v) => {
        const edit = make(v);
        return edit ? [{ title: `Set auto.offset.reset to ${v}`, edits: [edit] }] : [];
      });
    if (!e) {
      // Only a consumer group commits and resumes; a Spring consumer gets its group from the listener.
      // KafkaBridge consumers choose it per HTTP request, so an unset default is not a finding there.
      if (set.origin === 'strimzi' || (!set.spring && textValue(set.get('group.id')) === undefined)) return;
      ctx.report({
        range: set.anchor,
        message: 'auto.offset.reset is not set, so a new consumer group (or one whose offsets expired) starts at the latest offset and skips earlier records. Set it explicitly to earliest or latest.',
        suggestions: choose((v) => set.insertEdit('auto.offset.reset', v), ['earliest', 'latest']),
      });
      return;
    }
    const v = textValue(e);
    if (v === undefined) return;
    const lower = v.toLowerCase();
    if (lower === 'latest') {
      ctx.report({
        range: e.valueRange,
        message: `${assign(e)}: a new consumer group (or one whose offsets expired after offsets.retention.minutes) skips records produced before its first commit. Use earliest if those records must be processed.`,
        suggestions: choose((x) => set.setEdit(e, x), ['earliest']),
      });
      return;
    }
    if (lower === 'none') {
      ctx.report({
        range: e.valueRange,
        severity: 'warning',
        message: `${assign(e)} makes poll() throw NoOffsetForPartitionException for any partition without a committed offset, e.g. for a new group or after offsets expire. Handle it in code, or use earliest or latest.`,
        suggestions: choose((x) => set.setEdit(e, x), ['earliest', 'latest']),
      });
      return;
    }
    if (lower === 'earliest') return;
    const byDuration = /^by_duration:/i.test(v);
    const kafka4 = !versionBelow(ctx.versions.kafka.value, '4.0');
    if (byDuration && kafka4) return;
    const legacy = LEGACY[lower];
    const edit = legacy ? set.setEdit(e, legacy) : undefined;
    ctx.report({
      range: e.valueRange,
      severity: 'error',
      message: `${assign(e)} is not a valid value: the consumer fails to start with a ConfigException. Use earliest, latest or none${kafka4 ? ' (or by_duration:<ISO-8601 duration> on Kafka 4.0+)' : ''}.${legacy ? ` '${v}' was the old Scala consumer's name for '${legacy}'.` : ''}`,
      fix: edit ? { title: `Set auto.offset.reset to ${legacy}`, edits: [edit] } : undefined,
    });
  },
});
