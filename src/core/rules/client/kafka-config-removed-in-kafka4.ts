import { isForbiddenStrimziConfig, removedConfigs, type KafkaConfigRole, type RemovedConfig } from '../../data/index';
import type { ConfigEntry, ConfigSet } from '../../kafka-config';
import type { Fix } from '../../model';
import { versionBelow } from '../../versions';
import { defineRule, docsUrl, type RuleContext } from '../types';
import { assign, intValue, keyLabel, removeEntryEdit, renameKeyEdit } from './helpers';

/** Client keys removed in 4.0 that the config tables never listed (JmxReporter options), with their 1:1 replacements. */
const CLIENT_EXTRA: readonly RemovedConfig[] = [
  { name: 'metrics.jmx.blacklist', markedDeprecatedIn39: true, note: 'removed in 4.0; use metrics.jmx.exclude', renameTo: 'metrics.jmx.exclude' },
  { name: 'metrics.jmx.whitelist', markedDeprecatedIn39: true, note: 'removed in 4.0; use metrics.jmx.include', renameTo: 'metrics.jmx.include' },
];

/** Replacements where the old key maps 1:1 onto a new one. */
const RENAME: Readonly<Record<string, string>> = { 'delegation.token.master.key': 'delegation.token.secret.key' };

/** Replacements that need a human decision (split into two keys). */
const SPLIT: Readonly<Record<string, readonly string[]>> = {
  'message.timestamp.difference.max.ms': ['message.timestamp.before.max.ms', 'message.timestamp.after.max.ms'],
  'log.message.timestamp.difference.max.ms': ['log.message.timestamp.before.max.ms', 'log.message.timestamp.after.max.ms'],
};

/** Keys another rule already reports in a Strimzi Kafka resource (`strimzi-version-config`). */
const STRIMZI_REPORTED = new Set(['inter.broker.protocol.version', 'log.message.format.version']);

/** Keys whose removal changes behaviour: keep the old meaning by hand. */
const NO_AUTO_REMOVE = new Set(['auto.include.jmx.reporter']);

const SEGMENT_MIN = 1048576;

function catalogRole(set: ConfigSet): KafkaConfigRole | undefined {
  switch (set.role) {
    case 'producer':
    case 'consumer':
    case 'admin':
    case 'topic':
    case 'broker':
      return set.role;
    case 'client':
      return 'producer';
    default:
      return undefined;
  }
}

export default defineRule({
  meta: {
    id: 'kafka-config-removed-in-kafka4',
    group: 'client',
    targets: ['config-producer', 'config-consumer', 'config-admin', 'config-client', 'config-topic', 'config-broker'],
    defaultSeverity: 'warning',
    description: 'A Kafka config key that Kafka 4.0 removed, or a segment size below the 4.0 minimum',
    why: 'Kafka 4.0 removed ZooKeeper mode, the v0/v1 message formats (KIP-724) and several deprecated options, and raised the minimum `segment.bytes` / `log.segment.bytes` to 1 MiB (KIP-1030). Removed keys are ignored, so the behaviour they used to configure silently changes; a segment size below the minimum is rejected. On 3.x clusters the deprecated keys still work but block the upgrade.',
    howToFix: 'Remove the key or move to its replacement (`message.timestamp.before.max.ms` / `after.max.ms` for the timestamp difference, `metrics.jmx.exclude` / `include`, `delegation.token.secret.key`); use segments of at least 1048576 bytes.',
    fixable: true,
    docsUrl: docsUrl('kafka-config-removed-in-kafka4'),
    sources: ['https://kafka.apache.org/documentation/#upgrade_servers_400_notable', 'KIP-724', 'KIP-937', 'KIP-1030', 'KIP-1041'],
  },
  config(set, ctx) {
    const role = catalogRole(set);
    if (!role) return;
    const kafka = ctx.versions.kafka.value;
    const kafka4 = !versionBelow(kafka, '4.0');
    const removed = new Map<string, RemovedConfig>();
    for (const r of removedConfigs(role)) removed.set(r.name, r);
    if (role === 'producer' || role === 'consumer' || role === 'admin') for (const r of CLIENT_EXTRA) removed.set(r.name, r);
    const strimziKafka = set.origin === 'strimzi' && set.role === 'broker';
    for (const e of set.entries) {
      if (e.key === 'segment.bytes' && role === 'topic') segment(e, set, ctx, kafka4);
      if (e.key === 'log.segment.bytes' && role === 'broker') segment(e, set, ctx, kafka4);
      const r = removed.get(e.key);
      if (!r) continue;
      if (strimziKafka && (STRIMZI_REPORTED.has(e.key) || isForbiddenStrimziConfig('Kafka.spec.kafka.config', e.key))) continue;
      if (!kafka4 && r.markedDeprecatedIn39 !== true) continue; // still a live setting on 3.x (e.g. ZooKeeper mode)
      const note = typeof r.note === 'string' && e.key !== 'auto.include.jmx.reporter' ? r.note.replace(/^removed in 4\.0;?\s*/i, '') : '';
      const renameTo = (r as { renameTo?: string }).renameTo ?? RENAME[e.key];
      const split = SPLIT[e.key];
      let fix: Fix | undefined;
      const suggestions: Fix[] = [];
      if (renameTo) {
        const edit = renameKeyEdit(e, renameTo, ctx.file);
        if (edit) fix = { title: `Rename to ${renameTo}`, edits: [edit] };
      } else if (split) {
        for (const k of split) {
          const edit = renameKeyEdit(e, k, ctx.file);
          if (edit) suggestions.push({ title: `Rename to ${k}`, edits: [edit] });
        }
      } else {
        const edit = removeEntryEdit(set, e, ctx.file);
        if (edit) {
          if (NO_AUTO_REMOVE.has(e.key) && e.value.trim().toLowerCase() === 'false') suggestions.push({ title: `Remove ${e.key} (then exclude JmxReporter from metric.reporters)`, edits: [edit] });
          else fix = { title: `Remove ${e.key}`, edits: [edit] };
        }
      }
      const instead = renameTo ? ` Use ${renameTo} instead.` : split ? ` Use ${split.join(' and ')} instead.` : '';
      const jmx = e.key === 'auto.include.jmx.reporter' ? (e.value.trim().toLowerCase() === 'false' ? ' To keep JMX metrics off, set metric.reporters without org.apache.kafka.common.metrics.JmxReporter.' : ' metric.reporters now includes the JmxReporter by default.') : '';
      ctx.report({
        range: e.keyRange,
        severity: kafka4 ? 'warning' : 'info',
        message: kafka4
          ? `${keyLabel(e)} was removed in Kafka 4.0 and is ignored on ${kafka}${note ? ` (${note})` : ''}.${instead}${jmx}`
          : `${keyLabel(e)} is deprecated and removed in Kafka 4.0${note ? ` (${note})` : ''}; move off it before upgrading.${instead}${jmx}`,
        fix,
        suggestions,
      });
    }
  },
});

function segment(e: ConfigEntry, set: ConfigSet, ctx: RuleContext, kafka4: boolean): void {
  const n = intValue(e);
  if (n === undefined || n >= SEGMENT_MIN) return;
  const edit = set.setEdit(e, String(SEGMENT_MIN));
  ctx.report({
    range: e.valueRange,
    severity: kafka4 ? 'error' : 'info',
    message: kafka4
      ? `${assign(e)} is below the minimum of ${SEGMENT_MIN} bytes (1 MiB) since Kafka 4.0 (KIP-1030): the config is rejected.`
      : `${assign(e)} is below ${SEGMENT_MIN} bytes (1 MiB), the minimum from Kafka 4.0 on (KIP-1030): it will be rejected after the upgrade.`,
    fix: edit ? { title: `Set ${e.key} to ${SEGMENT_MIN}`, edits: [edit] } : undefined,
  });
}
