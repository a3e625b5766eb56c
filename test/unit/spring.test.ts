import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasSpringKafka, mapSpringProperty, springCanonical, springDataSizeBytes, springDurationMs, springSegments } from '../../src/core/kafka-config';
import { analyzeFile } from '../../src/core/source';

describe('Spring Boot property names', () => {
  it('splits names with bracketed map keys', () => {
    assert.deepEqual(springSegments('spring.kafka.producer.properties[enable.idempotence]'), ['spring', 'kafka', 'producer', 'properties', 'enable.idempotence']);
    assert.deepEqual(springSegments('spring.kafka.properties.[sasl.jaas.config]'), ['spring', 'kafka', 'properties', 'sasl.jaas.config']);
    assert.deepEqual(springSegments('a.b'), ['a', 'b']);
  });
  it('canonicalises relaxed names', () => {
    assert.equal(springCanonical('spring.kafka.consumer.enable-auto-commit'), 'spring.kafka.consumer.enableautocommit');
    assert.equal(springCanonical('spring.kafka.consumer.enableAutoCommit'), 'spring.kafka.consumer.enableautocommit');
    assert.equal(springCanonical('SPRING.KAFKA.CONSUMER.ENABLE_AUTO_COMMIT'), 'spring.kafka.consumer.enableautocommit');
  });
  it('maps section properties to Kafka keys', () => {
    const cases: [string, ReturnType<typeof mapSpringProperty>][] = [
      ['spring.kafka.consumer.enable-auto-commit', { section: 'consumer', key: 'enable.auto.commit', verbatim: false }],
      ['spring.kafka.consumer.enableAutoCommit', { section: 'consumer', key: 'enable.auto.commit', verbatim: false }],
      ['spring.kafka.consumer.max-poll-interval', { section: 'consumer', key: 'max.poll.interval.ms', verbatim: false }],
      ['spring.kafka.producer.batch-size', { section: 'producer', key: 'batch.size', verbatim: false }],
      ['spring.kafka.producer.transaction-id-prefix', { section: 'producer', key: 'transactional.id', verbatim: false }],
      ['spring.kafka.producer.ssl.key-store-location', { section: 'producer', key: 'ssl.keystore.location', verbatim: false }],
      ['spring.kafka.bootstrap-servers', { section: 'common', key: 'bootstrap.servers', verbatim: false }],
      ['spring.kafka.security.protocol', { section: 'common', key: 'security.protocol', verbatim: false }],
    ];
    for (const [name, want] of cases) assert.deepEqual(mapSpringProperty(name), want, name);
  });
  it('passes properties-map keys through verbatim, without relaxed binding', () => {
    assert.deepEqual(mapSpringProperty('spring.kafka.producer.properties.enable.idempotence'), { section: 'producer', key: 'enable.idempotence', verbatim: true });
    assert.deepEqual(mapSpringProperty('spring.kafka.producer.properties[enable.idempotence]'), { section: 'producer', key: 'enable.idempotence', verbatim: true });
    assert.deepEqual(mapSpringProperty('spring.kafka.properties.max-poll-interval-ms'), { section: 'common', key: 'max-poll-interval-ms', verbatim: true });
    assert.deepEqual(mapSpringProperty('spring.kafka.consumer.properties.Session.Timeout.MS'), { section: 'consumer', key: 'Session.Timeout.MS', verbatim: true });
  });
  it('ignores what is not a client key', () => {
    for (const n of ['spring.kafka.listener.ack-mode', 'spring.kafka.streams.application-id', 'spring.kafka.template.default-topic', 'spring.datasource.url', 'spring.kafka.consumer.unknown-thing', 'spring.kafka.properties', 'spring.kafkax.bootstrap-servers']) {
      assert.equal(mapSpringProperty(n), undefined, n);
    }
  });
  it('converts Duration and DataSize values', () => {
    assert.equal(springDurationMs('500'), '500');
    assert.equal(springDurationMs('3s'), '3000');
    assert.equal(springDurationMs('5m'), '300000');
    assert.equal(springDurationMs('100ms'), '100');
    assert.equal(springDurationMs('PT45S'), '45000');
    assert.equal(springDurationMs('PT1M30S'), '90000');
    assert.equal(springDurationMs('P1D'), '86400000');
    assert.equal(springDurationMs('soon'), 'soon');
    assert.equal(springDataSizeBytes('16KB'), '16384');
    assert.equal(springDataSizeBytes('1MB'), '1048576');
    assert.equal(springDataSizeBytes('512'), '512');
    assert.equal(springDataSizeBytes('lots'), 'lots');
  });
  it('detects Spring Kafka documents', () => {
    assert.equal(hasSpringKafka({ spring: { kafka: { bootstrapServers: 'x' } } }), true);
    assert.equal(hasSpringKafka({ spring: { 'kafka.consumer.group-id': 'g' } }), true);
    assert.equal(hasSpringKafka({ 'spring.kafka.consumer.group-id': 'g' }), true);
    assert.equal(hasSpringKafka({ spring: { datasource: { url: 'x' } } }), false);
    assert.equal(hasSpringKafka({ server: { port: 8080 } }), false);
    assert.equal(hasSpringKafka(null), false);
  });
});

describe('Spring Boot config sets', () => {
  it('builds producer and consumer sets with shared keys, Kafka values and exact ranges', () => {
    const f = analyzeFile(
      'src/main/resources/application.yml',
      'spring:\n  kafka:\n    bootstrap-servers: b:9092\n    properties:\n      sasl.mechanism: PLAIN\n    consumer:\n      heartbeat-interval: 3s\n      auto-offset-reset: EARLIEST\n      isolation-level: read-committed\n    producer:\n      batch-size: 32KB\n      properties:\n        "[enable.idempotence]": true\n    listener:\n      ack-mode: record\n',
    );
    assert.equal(f.kind, 'spring');
    assert.deepEqual(f.configSets.map((s) => [s.role, s.origin]), [['producer', 'spring-yaml'], ['consumer', 'spring-yaml']]);
    const [producer, consumer] = f.configSets;
    assert.equal(producer.value('batch.size'), '32768');
    assert.equal(producer.value('enable.idempotence'), 'true');
    assert.equal(producer.value('bootstrap.servers'), 'b:9092');
    assert.equal(producer.get('sasl.mechanism')?.shared, true);
    assert.equal(producer.get('batch.size')?.shared, false);
    assert.equal(consumer.value('heartbeat.interval.ms'), '3000');
    assert.equal(consumer.value('auto.offset.reset'), 'earliest');
    assert.equal(consumer.value('isolation.level'), 'read_committed');
    assert.equal(consumer.has('batch.size'), false);
    assert.deepEqual(consumer.get('heartbeat.interval.ms')?.valueRange, { start: { line: 6, character: 26 }, end: { line: 6, character: 28 } });
    assert.deepEqual(producer.anchor.start, { line: 9, character: 4 });
    assert.equal(consumer.springProperty('spring.kafka.listener.ackmode')?.value, 'record');
    assert.equal(consumer.spring, true);
  });
  it('reads .properties with relaxed names and bracket keys', () => {
    const f = analyzeFile('application-prod.properties', 'spring.kafka.consumer.enableAutoCommit=true\nspring.kafka.consumer.properties[max.poll.records]=50\nSPRING_KAFKA_CONSUMER_GROUP_ID=g\nserver.port=8080\n');
    assert.equal(f.kind, 'spring');
    assert.equal(f.configSets.length, 1);
    const c = f.configSets[0];
    assert.equal(c.role, 'consumer');
    assert.equal(c.value('enable.auto.commit'), 'true');
    assert.equal(c.value('max.poll.records'), '50');
    assert.equal(c.get('enable.auto.commit')?.rawKey, 'spring.kafka.consumer.enableAutoCommit');
    assert.deepEqual(c.get('enable.auto.commit')?.valueRange.start, { line: 0, character: 39 });
  });
  it('infers roles when only shared spring.kafka.properties.* keys are set', () => {
    const f = analyzeFile('application.properties', 'spring.kafka.properties.acks=1\nspring.kafka.properties.group.id=g\n');
    assert.deepEqual(f.configSets.map((s) => s.role), ['producer', 'consumer']);
  });
  it('keeps Spring profiles (YAML documents) apart', () => {
    const f = analyzeFile('application.yml', 'spring:\n  kafka:\n    producer:\n      acks: 1\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\n  kafka:\n    producer:\n      acks: all\n');
    assert.deepEqual(f.configSets.map((s) => s.value('acks')), ['1', 'all']);
  });
  it('produces nothing for Spring files without spring.kafka keys', () => {
    for (const [p, t] of [
      ['application.yml', 'server:\n  port: 8080\nspring:\n  datasource:\n    url: jdbc:h2:mem:x\n'],
      ['application.properties', 'server.port=8080\nspring.datasource.url=jdbc:h2:mem:x\nacks=1\n'],
    ]) {
      const f = analyzeFile(p, t);
      assert.equal(f.configSets.length, 0, p);
      assert.notEqual(f.kind, 'spring', p);
    }
  });
  it('inserts new keys into the section properties map', () => {
    const text = 'spring:\n  kafka:\n    consumer:\n      group-id: g\n';
    const f = analyzeFile('application.yml', text);
    const edit = f.configSets[0].insertEdit('enable.auto.commit', 'false');
    assert.ok(edit);
    const out = text.slice(0, f.lines.offset(edit.range.start)) + edit.newText + text.slice(f.lines.offset(edit.range.end));
    assert.equal(out, 'spring:\n  kafka:\n    consumer:\n      group-id: g\n      properties:\n        enable.auto.commit: false\n');
  });
});
