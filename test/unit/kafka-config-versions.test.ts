import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import versions from '../../schemas/data/kafka-config-versions.json';
import { configInVersion, KAFKA_CATALOG_LATEST, kafkaConfigs, type KafkaConfigRole } from '../../src/core/data/index';
import { strimziKafkaVersions } from '../../src/core/data/index';
import { configMarkdown } from '../../src/core/language/kafka-docs';

describe('Kafka config catalogue across versions', () => {
  it('covers every Kafka version the newest Strimzi supports', () => {
    const supported = strimziKafkaVersions('1.2.0').supportedKafka.map((v) => v.split('.').slice(0, 2).join('.'));
    for (const v of supported) assert.ok(v <= KAFKA_CATALOG_LATEST, `Kafka ${v} is newer than the catalogue (${KAFKA_CATALOG_LATEST}): run npm run gen:kafka-configs`);
    assert.deepEqual(versions.source.versions, ['4.1.1', '4.2.1', '4.3.1']);
    assert.match(versions.source.maven, /org\.apache\.kafka:kafka_2\.13/);
  });

  it('has the 4.1 documented keys plus the keys added by 4.3', () => {
    const min: Record<KafkaConfigRole, number> = { producer: 110, consumer: 110, admin: 85, topic: 30, broker: 330, connect: 100 };
    for (const [role, n] of Object.entries(min) as [KafkaConfigRole, number][]) assert.ok(kafkaConfigs(role).size >= n, `${role}: ${kafkaConfigs(role).size}`);
    const added = kafkaConfigs('broker').get('group.coordinator.background.threads');
    assert.equal(added?.since, '4.3');
    assert.equal(added?.type, 'int');
    assert.equal(kafkaConfigs('consumer').get('share.acquire.mode')?.validValues?.caseInsensitive, true);
    assert.equal(kafkaConfigs('producer').get('acks')?.since, undefined, '4.1 keys have no since');
  });

  it('records default changes after 4.1', () => {
    const c = kafkaConfigs('broker').get('group.coordinator.append.linger.ms');
    assert.equal(c?.default, -1);
    assert.deepEqual(c?.defaultChanges?.at(-1), { from: '5', to: '-1', between: ['4.1', '4.2'] });
  });

  it('says whether a key exists in a version', () => {
    const def = { name: 'x', type: 'int', importance: 'low', since: '4.2', removedIn: '4.3' };
    assert.equal(configInVersion(def, '4.1.0'), 'too-new');
    assert.equal(configInVersion(def, '4.2.0'), 'ok');
    assert.equal(configInVersion(def, '4.2.1'), 'ok');
    assert.equal(configInVersion(def, '4.3.0'), 'removed');
    assert.equal(configInVersion({ name: 'y', type: 'int', importance: 'low' }, '3.9.0'), 'ok');
  });

  it('hovers say when a key is newer than the target version', () => {
    const def = kafkaConfigs('broker').get('group.coordinator.background.threads')!;
    assert.match(configMarkdown('broker', def, { kafkaVersion: '4.2.1' }), /Added in Kafka 4\.3 — \*\*Kafka 4\.2\.1 does not have it\*\*/);
    assert.match(configMarkdown('broker', def, { kafkaVersion: '4.3.1' }), /Added in Kafka 4\.3\.\n/);
    assert.match(configMarkdown('broker', def), /Kafka 4\.1–4\.3 reference/);
  });
});
