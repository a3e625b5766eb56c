import type { ConfigEntry } from '../../kafka-config';
import type { TextEdit } from '../../model';
import { compareVersions, versionBelow } from '../../versions';
import { defineRule, docsUrl } from '../types';
import { assign, boolValue, intValue, removeEntryEdit, textValue } from './helpers';

interface Conflict {
  entry: ConfigEntry;
  /** What Kafka requires, as in its ConfigException. */
  need: string;
  edit?: TextEdit;
  title: string;
}

export default defineRule({
  meta: {
    id: 'producer-idempotence-conflict',
    group: 'producer',
    targets: ['config-producer'],
    defaultSeverity: 'error',
    description: 'Idempotence or transactions are combined with settings they cannot work with',
    why: 'The idempotent producer needs `acks=all`, `retries` > 0 and `max.in.flight.requests.per.connection` <= 5; a transactional producer needs idempotence. When `enable.idempotence=true` or `transactional.id` is set, a conflict makes the KafkaProducer constructor throw a ConfigException at startup. When idempotence is only on by default (clients 3.0+), Kafka silently turns it off and logs one line, so duplicates come back unnoticed (this rule reports that case for `max.in.flight.requests.per.connection`; `producer-acks-weak` and `producer-retries-override` cover weak acks and `retries=0`). In Go code, sarama has its own rules for an idempotent producer: `Producer.RequiredAcks = sarama.WaitForAll` (its default is WaitForLocal) and `Net.MaxOpenRequests = 1` (default 5), else creating the producer returns a ConfigurationError.',
    howToFix: 'Set `acks=all`, remove `retries=0`, lower `max.in.flight.requests.per.connection` to 5 or less; with a `transactional.id`, remove `enable.idempotence=false`.',
    fixable: true,
    docsUrl: docsUrl('producer-idempotence-conflict'),
    sources: ['https://kafka.apache.org/documentation/#producerconfigs_enable.idempotence', 'apache/kafka:clients/src/main/java/org/apache/kafka/clients/producer/ProducerConfig.java (postProcessAndValidateIdempotenceConfigs)', 'KIP-679'],
  },
  config(set, ctx) {
    const kafka = ctx.versions.kafka.value;
    const idem = set.get('enable.idempotence');
    const explicit = boolValue(idem);
    if (idem && explicit === undefined) return; // templated or invalid: nothing to judge
    const txn = set.get('transactional.id');
    const transactional = txn !== undefined && !(txn.dynamic === false && txn.value === '');
    const txnLabel = set.spring ? 'a transaction-id-prefix' : 'transactional.id';

    if (explicit === false) {
      if (!transactional) return;
      const edit = removeEntryEdit(set, idem!, ctx.file);
      ctx.report({
        range: idem!.valueRange,
        message: `Cannot set ${txnLabel} without idempotence: the producer fails to start with a ConfigException. Remove enable.idempotence=false.`,
        fix: edit ? { title: 'Remove enable.idempotence=false', edits: [edit] } : undefined,
      });
      return;
    }

    // Idempotence is requested explicitly, implied by transactions, or on by default (3.0+; not applied in 3.0.0/3.1.0).
    // sarama and kafkajs leave idempotence off unless asked.
    const byDefault = set.library === undefined && explicit === undefined && !versionBelow(kafka, '3.0') && compareVersions(kafka, '3.0.0') !== 0 && compareVersions(kafka, '3.1.0') !== 0;
    if (explicit !== true && !transactional && !byDefault) return;
    const strict = explicit === true || transactional;

    const conflicts: Conflict[] = [];
    const acks = set.get('acks');
    const acksText = textValue(acks);
    if (acks && acksText !== undefined && acksText !== 'all' && acksText !== '-1') {
      conflicts.push({ entry: acks, need: 'acks=all', edit: set.setEdit(acks, 'all'), title: 'Set acks to all' });
    }
    const retries = set.get('retries');
    if (retries && intValue(retries) === 0) {
      conflicts.push({ entry: retries, need: 'retries > 0', edit: removeEntryEdit(set, retries, ctx.file), title: 'Remove retries=0' });
    }
    const inflight = set.get('max.in.flight.requests.per.connection');
    const n = intValue(inflight);
    if (set.library === 'sarama') {
      // sarama's Config.Validate: RequiredAcks must be WaitForAll (default WaitForLocal), Net.MaxOpenRequests 1 (default 5).
      if (inflight && n !== undefined && n > 1) conflicts.push({ entry: inflight, need: 'Net.MaxOpenRequests = 1', edit: set.setEdit(inflight, '1'), title: 'Set Net.MaxOpenRequests to 1' });
      const missing = [...(acks ? [] : ['Producer.RequiredAcks = sarama.WaitForAll (the default is WaitForLocal)']), ...(inflight ? [] : ['Net.MaxOpenRequests = 1 (the default is 5)'])];
      if (explicit === true && missing.length > 0) {
        ctx.report({
          range: idem!.valueRange,
          message: `sarama refuses an idempotent producer without ${missing.join(' and ')}: creating it returns a ConfigurationError. Set ${missing.length === 1 ? 'it' : 'them'} on this config.`,
        });
      }
    } else if (set.library !== 'kafkajs' && inflight && n !== undefined && n > 5) {
      conflicts.push({ entry: inflight, need: 'max.in.flight.requests.per.connection <= 5', edit: set.setEdit(inflight, '5'), title: 'Set max.in.flight.requests.per.connection to 5' });
    }

    for (const c of conflicts) {
      const what = assign(c.entry);
      if (strict) {
        const cause = explicit === true ? 'enable.idempotence=true' : `${txnLabel} (which requires idempotence)`;
        ctx.report({
          range: c.entry.valueRange,
          message: `${what} conflicts with ${cause}: the idempotent producer needs ${c.need}, and ${set.library === 'sarama' ? 'sarama refuses to create it (ConfigurationError)' : set.library === 'kafkajs' ? 'its send() calls fail (KafkaJSNonRetriableError)' : 'it fails to start with a ConfigException'}.`,
          fix: c.edit ? { title: c.title, edits: [c.edit] } : undefined,
        });
      } else if (c.entry.key === 'max.in.flight.requests.per.connection') {
        ctx.report({
          range: c.entry.valueRange,
          severity: 'warning',
          message: `${what} silently disables idempotence (on by default since Kafka 3.0, which needs ${c.need}); retries can then duplicate and reorder records. Use 5 or less.`,
          suggestions: c.edit ? [{ title: c.title, edits: [c.edit] }] : undefined,
        });
      }
    }
  },
});
