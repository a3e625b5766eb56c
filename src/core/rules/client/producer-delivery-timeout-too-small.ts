import { defineRule, docsUrl } from '../types';
import { effectiveInt, intValue } from './helpers';

export default defineRule({
  meta: {
    id: 'producer-delivery-timeout-too-small',
    group: 'producer',
    targets: ['config-producer'],
    defaultSeverity: 'error',
    description: '`delivery.timeout.ms` is smaller than `linger.ms` + `request.timeout.ms`',
    why: 'When `delivery.timeout.ms` is set explicitly below `linger.ms + request.timeout.ms`, the KafkaProducer constructor throws a ConfigException ("delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms"). Kafka 4.0 raised the `linger.ms` default from 0 to 5, so `delivery.timeout.ms=30000` with the default request timeout (30000) breaks on upgrade.',
    howToFix: 'Raise `delivery.timeout.ms` to at least `linger.ms + request.timeout.ms`, or remove it (default 120000).',
    fixable: true,
    docsUrl: docsUrl('producer-delivery-timeout-too-small'),
    sources: ['https://kafka.apache.org/documentation/#producerconfigs_delivery.timeout.ms', 'apache/kafka:clients/src/main/java/org/apache/kafka/clients/producer/KafkaProducer.java (configureDeliveryTimeout)', 'KIP-91', 'KIP-1030'],
  },
  config(set, ctx) {
    const e = set.get('delivery.timeout.ms');
    const delivery = intValue(e);
    if (!e || delivery === undefined || delivery < 0) return; // negative: kafka-config-invalid-value
    const kafka = ctx.versions.kafka.value;
    const linger = effectiveInt(set, 'producer', 'linger.ms', kafka);
    const request = effectiveInt(set, 'producer', 'request.timeout.ms', kafka);
    if (linger.value === undefined || request.value === undefined || linger.value < 0 || request.value < 0) return;
    const min = linger.value + request.value;
    if (delivery >= min) return;
    const parts = `linger.ms (${linger.value}${linger.explicit ? '' : `, the default for Kafka ${kafka}`}) + request.timeout.ms (${request.value}${request.explicit ? '' : ', the default'})`;
    const edit = set.setEdit(e, String(min));
    ctx.report({
      range: e.valueRange,
      message: `delivery.timeout.ms=${delivery} is smaller than ${parts} = ${min}: the producer fails to start with a ConfigException. Use at least ${min}.`,
      fix: edit ? { title: `Set delivery.timeout.ms to ${min}`, edits: [edit] } : undefined,
      related: [linger.entry, request.entry]
        .filter((x) => x !== undefined)
        .map((x) => ({ file: set.file, range: x!.keyRange, message: `${x!.key} is set here` })),
    });
  },
});
