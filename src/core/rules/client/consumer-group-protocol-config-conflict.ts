import type { ConfigEntry } from '../../kafka-config';
import { versionBelow } from '../../versions';
import { defineRule, docsUrl } from '../types';
import { keyLabel, removeEntryEdit, textValue } from './helpers';

export default defineRule({
  meta: {
    id: 'consumer-group-protocol-config-conflict',
    group: 'consumer',
    targets: ['config-consumer'],
    defaultSeverity: 'error',
    description: 'Consumer settings that do not fit the chosen group protocol (`classic` or the KIP-848 `consumer` protocol)',
    why: 'With `group.protocol=consumer` (KIP-848, GA in Kafka 4.0) the broker assigns partitions and owns liveness: the client rejects `partition.assignment.strategy`, and `session.timeout.ms` / `heartbeat.interval.ms` have no effect (the broker settings `group.consumer.session.timeout.ms` and `group.consumer.heartbeat.interval.ms` apply). Conversely `group.remote.assignor` only exists for the new protocol, and the client rejects it with the classic one. The new protocol needs Kafka 4.0 brokers.',
    howToFix: 'With `group.protocol=consumer`, remove `partition.assignment.strategy`, `session.timeout.ms` and `heartbeat.interval.ms` (use `group.remote.assignor` to pick a server-side assignor); with the classic protocol, remove `group.remote.assignor`.',
    fixable: true,
    docsUrl: docsUrl('consumer-group-protocol-config-conflict'),
    sources: ['KIP-848', 'https://kafka.apache.org/documentation/#consumerconfigs_group.protocol', 'https://issues.apache.org/jira/browse/KAFKA-17338'],
  },
  config(set, ctx) {
    const protoEntry = set.get('group.protocol');
    const proto = protoEntry ? textValue(protoEntry)?.toLowerCase() : 'classic';
    if (proto === undefined) return; // templated
    const remove = (e: ConfigEntry, title: string) => {
      const edit = removeEntryEdit(set, e, ctx.file);
      return edit ? { title, edits: [edit] } : undefined;
    };
    if (proto !== 'classic' && proto !== 'consumer') {
      ctx.report({ range: protoEntry!.valueRange, message: `${keyLabel(protoEntry!)}=${protoEntry!.value} is not a valid group protocol: the consumer fails to start. Use classic or consumer.` });
      return;
    }
    const related = protoEntry ? [{ file: set.file, range: protoEntry.keyRange, message: `group.protocol=${proto} is set here` }] : undefined;
    if (proto === 'classic') {
      const remote = set.get('group.remote.assignor');
      if (remote && !remote.dynamic) {
        ctx.report({
          range: remote.keyRange,
          message: `${keyLabel(remote)} only applies to group.protocol=consumer; with the classic protocol${protoEntry ? '' : ' (the default)'} the consumer fails to start with a ConfigException. Remove it, or set group.protocol=consumer.`,
          fix: remove(remote, `Remove ${remote.key}`),
          related,
        });
      }
      return;
    }
    const kafka = ctx.versions.kafka;
    if (protoEntry && kafka.source !== 'default' && versionBelow(kafka.value, '4.0')) {
      ctx.report({
        range: protoEntry.valueRange,
        severity: 'warning',
        message: `group.protocol=consumer needs Kafka 4.0 (it is a preview in 3.7–3.9 and absent before); with Kafka ${kafka.value} use the classic protocol.`,
      });
    }
    const strategy = set.get('partition.assignment.strategy');
    if (strategy) {
      ctx.report({
        range: strategy.keyRange,
        message: `${keyLabel(strategy)} cannot be used with group.protocol=consumer: the broker assigns partitions and the consumer fails to start with a ConfigException. Remove it (pick a server-side assignor with group.remote.assignor).`,
        fix: remove(strategy, `Remove ${strategy.key}`),
        related,
      });
    }
    for (const key of ['session.timeout.ms', 'heartbeat.interval.ms']) {
      const e = set.get(key);
      if (!e) continue;
      ctx.report({
        range: e.keyRange,
        severity: 'warning',
        message: `${keyLabel(e)} has no effect with group.protocol=consumer: the broker's group.consumer.${key} applies. Remove it.`,
        fix: remove(e, `Remove ${e.key}`),
        related,
      });
    }
  },
});
