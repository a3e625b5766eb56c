import type { Fix, RelatedLocation } from '../../model';
import type { Resource } from '../../resource';
import type { WorkspaceIndex } from '../../workspace';
import { intOf } from '../topic/effective';
import { defineRule, docsUrl } from '../types';
import { relatedAt } from './util';

/** Broker settings that need at least that many brokers, with Kafka's defaults (undefined: only when set). */
const KEYS: readonly [string, number | undefined][] = [
  ['offsets.topic.replication.factor', 3],
  ['transaction.state.log.replication.factor', 3],
  ['transaction.state.log.min.isr', 2],
  ['default.replication.factor', undefined],
];

/** Related locations for the broker pools of a cluster. */
export function brokerPoolsRelated(index: WorkspaceIndex, kafka: Resource): RelatedLocation[] {
  return index
    .nodePools(kafka)
    .filter((p) => { const r = p.get(['spec', 'roles']); return Array.isArray(r) && r.includes('broker'); })
    .map((p) => relatedAt(p, ['spec', 'replicas'], `${p.displayName}: ${String(p.get(['spec', 'replicas']))} broker replica(s)`));
}

export default defineRule({
  meta: {
    id: 'strimzi-replication-exceeds-brokers',
    group: 'cross-resource',
    targets: ['strimzi-kafka'],
    defaultSeverity: 'error',
    description: 'A replication setting of the cluster needs more brokers than its node pools have',
    why: 'Kafka creates `__consumer_offsets` with `offsets.topic.replication.factor` (default 3) replicas and `__transaction_state` with `transaction.state.log.replication.factor` (default 3): "internal topic creation will fail until the cluster size meets this replication factor", so consumer groups or transactions never work. The defaults apply even when the keys are unset, so a 1-broker development cluster must set them to 1. Topics using `default.replication.factor` cannot be created either.',
    howToFix: 'Set the values to at most the number of brokers (min(3, brokers)), or add brokers to the node pools.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('strimzi-replication-exceeds-brokers'),
    sources: ['https://kafka.apache.org/41/generated/kafka_config.html#brokerconfigs_offsets.topic.replication.factor', 'https://kafka.apache.org/41/generated/kafka_config.html#brokerconfigs_transaction.state.log.replication.factor'],
  },
  resource(kafka, ctx) {
    const B = ctx.index.countNodes(kafka, 'broker');
    if (B === undefined || B < 1) return; // no pools: strimzi-nodepool-missing
    const related = brokerPoolsRelated(ctx.index, kafka);
    for (const [key, dflt] of KEYS) {
      const path = ['spec', 'kafka', 'config', key];
      const raw = kafka.get(path);
      const set = intOf(raw);
      if (raw !== undefined && set === undefined) continue;
      const value = set ?? dflt;
      if (value === undefined || value <= B) continue;
      const target = Math.min(key.endsWith('min.isr') ? 2 : 3, B);
      const edit = set !== undefined ? kafka.doc.setValueEdit(path, String(target)) : kafka.doc.insertKeyEdit(['spec', 'kafka', 'config'], key, String(target));
      const suggestions: Fix[] = edit ? [{ title: `Set ${key} to ${target}`, edits: [edit] }] : [];
      ctx.report({
        range: set !== undefined ? kafka.valueRange(path) ?? kafka.doc.headRange() : kafka.keyRange(['spec', 'kafka', 'config']) ?? kafka.keyRange(['spec', 'kafka']) ?? kafka.doc.headRange(),
        message: `${key} is ${value}${set === undefined ? " (Kafka's default)" : ''}, but the cluster's node pools in this workspace have ${B} broker${B === 1 ? '' : 's'}: ${key.startsWith('offsets') ? 'the __consumer_offsets topic cannot be created, so consumer groups never work' : key.startsWith('transaction') ? 'the __transaction_state topic cannot be created, so transactions never work' : 'topics that use the default replication factor cannot be created'}. Set it to ${target} or add brokers.`,
        suggestions,
        related,
      });
    }
  },
});
