import { compareVersions, versionBelow } from '../../versions';
import { defineRule, docsUrl } from '../types';
import { boolValue, intValue, removeEntryEdit, textValue } from './helpers';

/** kafka-clients releases that document `enable.idempotence=true` but do not apply it (KAFKA-13598). */
const DEFAULT_NOT_APPLIED = ['3.0.0', '3.1.0'];

export default defineRule({
  meta: {
    id: 'producer-idempotence-disabled',
    group: 'producer',
    targets: ['config-producer'],
    defaultSeverity: 'warning',
    description: 'The producer runs without idempotence (`enable.idempotence=false`, or a client version where it is off by default)',
    why: 'Without idempotence a retried send can be written twice and, with several requests in flight, out of order. Kafka clients since 3.0 enable idempotence by default (the default only takes effect from 3.0.1, 3.1.1 and 3.2.0, KAFKA-13598; before 3.0 it is off), so an explicit `false` turns off a safety net at no real gain.',
    howToFix: 'Remove `enable.idempotence=false` (on clients 3.0.1/3.1.1/3.2.0 or newer idempotence is then on) or set it to `true`; on older clients set it to `true` explicitly.',
    fixable: true,
    docsUrl: docsUrl('producer-idempotence-disabled'),
    sources: ['https://kafka.apache.org/documentation/#producerconfigs_enable.idempotence', 'KIP-679', 'https://issues.apache.org/jira/browse/KAFKA-13598'],
  },
  config(set, ctx) {
    // A transactional producer with idempotence off fails at startup: producer-idempotence-conflict reports it.
    if (set.has('transactional.id')) return;
    const kafka = ctx.versions.kafka.value;
    const e = set.get('enable.idempotence');
    if (e) {
      if (boolValue(e) !== false) return;
      // Removing the key only restores idempotence when nothing else disables it.
      const acks = textValue(set.get('acks'));
      // What each client refuses idempotence without: Java allows up to five requests in flight; sarama exactly one
      // (Net.MaxOpenRequests, default 5) and its acks default is WaitForLocal; kafkajs needs acks -1 (its default) only.
      const inFlight = intValue(set.get('max.in.flight.requests.per.connection'));
      const inFlightOk = set.library === 'kafkajs' ? true : set.library === 'sarama' ? (inFlight ?? 5) === 1 : (inFlight ?? 5) <= 5;
      const companionsOk = (acks === 'all' || acks === '-1' || (acks === undefined && set.library !== 'sarama')) && intValue(set.get('retries')) !== 0 && inFlightOk;
      const needs =
        set.library === 'sarama'
          ? ' It also needs Producer.RequiredAcks = sarama.WaitForAll and Net.MaxOpenRequests = 1.'
          : set.library === 'kafkajs'
            ? ' It also needs acks: -1 on send() (and maxInFlightRequests: 1 keeps retried batches in order).'
            : ' It also needs acks=all, retries > 0 and max.in.flight.requests.per.connection <= 5.';
      // sarama and kafkajs leave idempotence off by default: there the value has to be set to true.
      const removable = set.library === undefined && !versionBelow(kafka, '3.0') && !DEFAULT_NOT_APPLIED.some((v) => compareVersions(kafka, v) === 0);
      const edit = companionsOk ? (removable ? removeEntryEdit(set, e, ctx.file) : set.setEdit(e, 'true')) : undefined;
      ctx.report({
        range: e.valueRange,
        message: `enable.idempotence=false lets retried sends duplicate or reorder records.${removable ? ' Idempotence is on by default since Kafka 3.0; remove the override.' : ' Set it to true.'}${companionsOk ? '' : needs}`,
        fix: edit ? { title: removable ? 'Remove enable.idempotence=false' : 'Set enable.idempotence to true', edits: [edit] } : undefined,
      });
      return;
    }
    if (ctx.versions.kafka.source === 'default') return;
    const notApplied = DEFAULT_NOT_APPLIED.some((v) => compareVersions(kafka, v) === 0);
    if (!notApplied && !versionBelow(kafka, '3.0')) return;
    const edit = set.insertEdit('enable.idempotence', 'true');
    ctx.report({
      range: set.anchor,
      message: notApplied
        ? `Kafka clients ${kafka} document idempotence as on by default but do not enable it (KAFKA-13598): set enable.idempotence=true explicitly, or upgrade to 3.0.1, 3.1.1 or 3.2.0+.`
        : `Kafka clients ${kafka} default to enable.idempotence=false: retried sends can duplicate or reorder records. Set enable.idempotence=true (with acks=all).`,
      fix: edit ? { title: 'Set enable.idempotence=true', edits: [edit] } : undefined,
    });
  },
});
