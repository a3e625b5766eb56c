import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintFile } from '../../src/core/engine';
import { applyEdits } from '../../src/core/fix';
import { inferClientRoles } from '../../src/core/kafka-config';
import { analyzeFile, isKafkaPropertiesFile } from '../../src/core/source';

describe('.properties classification', () => {
  it('never treats logging or build files as Kafka configs', () => {
    for (const p of ['log4j.properties', 'config/tools-log4j.properties', 'connect-log4j.properties', 'log4j2.properties', 'logging.properties', 'gradle.properties', 'gradle/wrapper/gradle-wrapper.properties', 'local.properties', 'messages_de.properties']) {
      const f = analyzeFile(p, 'log4j.rootLogger=INFO, stdout\nlog4j.logger.org.apache.kafka=WARN\nbootstrap.servers=b:9092\nacks=1\n');
      assert.equal(f.kind, 'properties', p);
      assert.equal(f.configSets.length, 0, p);
      assert.deepEqual(lintFile(f), [], p);
    }
  });
  it('needs one strong Kafka key or two common ones', () => {
    assert.equal(isKafkaPropertiesFile('app.properties', ['bootstrap.servers']), true);
    assert.equal(isKafkaPropertiesFile('app.properties', ['retries']), false);
    assert.equal(isKafkaPropertiesFile('app.properties', ['retries', 'client.id']), true);
    assert.equal(isKafkaPropertiesFile('kafka.properties', ['client.id']), true);
    assert.equal(isKafkaPropertiesFile('db.properties', ['url', 'user']), false);
  });
  it('infers roles from names and keys', () => {
    assert.deepEqual(inferClientRoles('producer.properties', []), ['producer']);
    assert.deepEqual(inferClientRoles('x.properties', ['acks', 'group.id']), ['producer', 'consumer']);
    assert.deepEqual(inferClientRoles('x.properties', ['bootstrap.servers']), ['client']);
    assert.deepEqual(inferClientRoles('connect-distributed.properties', ['group.id', 'key.converter']), ['connect']);
    assert.deepEqual(inferClientRoles('streams.properties', ['application.id', 'group.id']), ['client']);
  });
  it('builds one set per role with exact ranges, and edits that keep the file intact', () => {
    const text = 'bootstrap.servers=b:9092\nacks = 1\ngroup.id=g\n';
    const f = analyzeFile('app.properties', text);
    assert.equal(f.kind, 'kafka-properties');
    assert.deepEqual(f.configSets.map((s) => s.role), ['producer', 'consumer']);
    const p = f.configSets[0];
    const acks = p.get('acks')!;
    assert.deepEqual(acks.keyRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
    assert.deepEqual(acks.valueRange, { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } });
    assert.equal(applyEdits(text, [p.setEdit(acks, 'all')!]).text, 'bootstrap.servers=b:9092\nacks = all\ngroup.id=g\n');
    assert.equal(applyEdits(text, [p.removeEdit(acks, f.lines)!]).text, 'bootstrap.servers=b:9092\ngroup.id=g\n');
    assert.equal(applyEdits(text, [p.insertEdit('linger.ms', '5')!]).text, 'bootstrap.servers=b:9092\nacks = 1\ngroup.id=g\nlinger.ms=5\n');
  });
});

describe('Strimzi config sets', () => {
  it('reads KafkaBridge producer and consumer config maps', () => {
    const f = analyzeFile('bridge.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  producer:\n    config:\n      acks: 1\n  consumer:\n    config:\n      enable.auto.commit: true\n');
    assert.deepEqual(f.configSets.map((s) => [s.role, s.origin, s.value(s.role === 'producer' ? 'acks' : 'enable.auto.commit')]), [['producer', 'strimzi', '1'], ['consumer', 'strimzi', 'true']]);
    assert.equal(f.configSets[0].resource?.name, 'b');
  });
  it('reads Kafka broker and KafkaTopic config maps', () => {
    const f = analyzeFile('c.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    config:\n      min.insync.replicas: 2\n---\napiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  config:\n    retention.ms: 1000\n');
    assert.deepEqual(f.configSets.map((s) => [s.role, s.entries.map((e) => `${e.key}=${e.value}`).join()]), [['broker', 'min.insync.replicas=2'], ['topic', 'retention.ms=1000']]);
  });
});
