import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import catalog from '../../schemas/data/catalog.json';
import versions from '../../schemas/data/kafka-config-versions.json';
import {
  configAvailability,
  configInVersion,
  KAFKA_CATALOG_LATEST,
  KAFKA_CATALOG_RELEASES,
  kafkaCatalogRelease,
  kafkaConfigs,
  kafkaConfigsFor,
  strimziKafkaVersions,
  type KafkaConfigRole,
} from '../../src/core/data/index';
import { complete, hover } from '../../src/core/language/index';
import { configMarkdown } from '../../src/core/language/kafka-docs';
import { analyzeFile } from '../../src/core/source';
import type { Versions } from '../../src/core/versions';
import { compareVersions } from '../../src/core/versions';

describe('Kafka config catalogue across versions', () => {
  it('covers every Kafka version the newest Strimzi supports, and records where it comes from', () => {
    for (const v of strimziKafkaVersions('1.2.0').supportedKafka) {
      assert.ok(KAFKA_CATALOG_RELEASES.includes(v), `Kafka ${v} is not in the catalogue: add it to RELEASES in src/tools/gen-kafka-configs.mjs and run npm run gen:kafka-configs`);
    }
    assert.deepEqual(versions.source.releases, KAFKA_CATALOG_RELEASES);
    assert.match(versions.source.maven, /org\.apache\.kafka:kafka_2\.13/);
    const entry = catalog.files.find((f) => f.file === 'kafka-config-versions.json');
    assert.ok(entry, 'catalog.json records the jar-derived catalogue');
    assert.match(entry.source, /Maven Central/);
    assert.match(entry.version, /4\.3\.1/);
    assert.equal(entry.licence, 'Apache-2.0');
  });

  it('has at least the 4.1 documented keys per role in Kafka 4.3.1, plus the keys added since', () => {
    const min: Record<KafkaConfigRole, number> = { producer: 112, consumer: 115, admin: 91, topic: 33, broker: 335, connect: 100 };
    for (const [role, n] of Object.entries(min) as [KafkaConfigRole, number][]) {
      const size = [...kafkaConfigsFor(role, '4.3.1').values()].filter((d) => !d.internal).length;
      assert.ok(size >= n, `${role}: ${size} public keys in 4.3.1`);
    }
    const added = kafkaConfigs('broker').get('group.coordinator.background.threads');
    assert.equal(added?.since, '4.3');
    assert.equal(added?.type, 'int');
    assert.equal(kafkaConfigs('consumer').get('share.acquire.mode')?.validValues?.caseInsensitive, true);
    assert.equal(kafkaConfigs('producer').get('acks')?.since, undefined, '4.1 keys have no since');
    assert.equal(kafkaConfigs('producer').get('acks')?.releases, undefined, 'keys every release has carry no runs');
  });

  it('keeps a key per release: a 4.2.2 backport that 4.3.0 and 4.3.1 lack', () => {
    const def = kafkaConfigs('topic').get('max.decompressed.message.bytes')!;
    assert.deepEqual(def.releases, [['4.2.2', '4.2.2'], ['4.4.0']]);
    assert.equal(def.serverDefaultProperty, 'max.decompressed.message.bytes');
    assert.equal(kafkaConfigsFor('topic', '4.2.2').has(def.name), true);
    assert.equal(kafkaConfigsFor('topic', '4.2.1').has(def.name), false);
    assert.equal(kafkaConfigsFor('topic', '4.3.1').has(def.name), false);
    assert.deepEqual(configAvailability(def, '4.3.1'), { state: 'elsewhere', addedIn: '4.4', removedIn: '4.3', releasesText: '4.2.2 and 4.4 onwards' });
    assert.equal(configAvailability(def, '4.2.1').state, 'too-new');
    assert.equal(configAvailability(def, '4.2.9').state, 'ok', 'a later 4.2 patch counts as the newest 4.2 release');
  });

  it('gives each release its own defaults, valid values and types', () => {
    assert.equal(kafkaConfigsFor('broker', '4.1.2').get('group.coordinator.append.linger.ms')?.default, 5);
    assert.deepEqual(kafkaConfigsFor('broker', '4.1.2').get('group.coordinator.append.linger.ms')?.validValues, { kind: 'range', min: 0 });
    assert.equal(kafkaConfigsFor('broker', '4.3.1').get('group.coordinator.append.linger.ms')?.default, -1);
    assert.deepEqual(kafkaConfigsFor('broker', '4.3.1').get('share.coordinator.snapshot.update.records.per.snapshot')?.validValues, { kind: 'range', min: 0, max: 500 });
    assert.equal(kafkaConfigsFor('broker', '4.2.2').get('share.coordinator.snapshot.update.records.per.snapshot')?.validValues?.max, undefined);
    assert.equal(kafkaConfigsFor('broker', '4.1.0').get('listeners')?.type, 'string');
    assert.equal(kafkaConfigsFor('broker', '4.2.0').get('listeners')?.type, 'list');
    assert.equal('default' in kafkaConfigsFor('producer', '4.1.0').get('bootstrap.servers')!, true);
    assert.equal('default' in kafkaConfigsFor('producer', '4.3.1').get('bootstrap.servers')!, false, 'bootstrap.servers has no default since 4.2');
    const c = kafkaConfigs('broker').get('group.coordinator.append.linger.ms');
    assert.equal(c?.default, -1);
    assert.deepEqual(c?.defaultChanges?.at(-1), { from: '5', to: '-1', between: ['4.1.2', '4.2'] });
    assert.equal(kafkaConfigsFor('broker', '4.3.1'), kafkaConfigsFor('broker', '4.3.1'), 'built once per release');
    assert.equal(kafkaConfigsFor('broker', '4.3.5'), kafkaConfigsFor('broker', '4.3.1'), 'a patch release the catalogue lacks shares its line’s newest');
  });

  it('maps a Kafka version to the catalogued release that stands for it', () => {
    assert.equal(kafkaCatalogRelease('4.3.1'), '4.3.1');
    assert.equal(kafkaCatalogRelease('4.3.7'), '4.3.1');
    assert.equal(kafkaCatalogRelease('4.3'), '4.3.1');
    assert.equal(kafkaCatalogRelease('4.2.0'), '4.2.0');
    assert.equal(kafkaCatalogRelease('3.9.0'), KAFKA_CATALOG_RELEASES[0]);
    assert.equal(kafkaCatalogRelease('9.0.0'), KAFKA_CATALOG_RELEASES.at(-1));
    assert.ok(compareVersions(KAFKA_CATALOG_LATEST, '4.3') >= 0);
  });

  it('says whether a key exists in a version', () => {
    const def = kafkaConfigs('broker').get('group.share.enable')!;
    assert.equal(def.internal, true);
    assert.equal(def.removedIn, '4.3');
    assert.equal(configInVersion(def, '4.2.2'), 'ok');
    assert.equal(configInVersion(def, '4.3.0'), 'removed');
    assert.equal(configInVersion(kafkaConfigs('consumer').get('share.acquire.mode')!, '4.1.0'), 'too-new');
    assert.equal(configInVersion(kafkaConfigs('consumer').get('share.acquire.mode')!, '4.2.0'), 'ok');
    assert.equal(configInVersion({ name: 'y', type: 'int', importance: 'low' }, '3.9.0'), 'ok');
  });

  it('hovers show the target version’s facts and say when it lacks a key', () => {
    const def = kafkaConfigs('broker').get('group.coordinator.background.threads')!;
    assert.match(configMarkdown('broker', def, { kafkaVersion: '4.2.1' }), /Added in Kafka 4\.3 — \*\*Kafka 4\.2\.1 does not have it\*\*/);
    assert.match(configMarkdown('broker', def, { kafkaVersion: '4.3.1' }), /Added in Kafka 4\.3\.\n/);
    assert.match(configMarkdown('broker', def), new RegExp(`Kafka 4\\.1–${KAFKA_CATALOG_LATEST.replace('.', '\\.')} reference`));
    const linger = kafkaConfigs('broker').get('group.coordinator.append.linger.ms')!;
    assert.match(configMarkdown('broker', linger, { kafkaVersion: '4.1.0' }), /Default: `5`/);
    assert.match(configMarkdown('broker', linger, { kafkaVersion: '4.3.1' }), /Default: `-1`/);
    const topic = kafkaConfigs('topic').get('max.decompressed.message.bytes')!;
    assert.match(configMarkdown('topic', topic, { kafkaVersion: '4.3.1' }), /In Kafka 4\.2\.2 and 4\.4 onwards — \*\*Kafka 4\.3\.1 does not have it\*\*/);
  });

  it('completion and hover follow the target Kafka version', () => {
    const versions = (kafka: string) => ({ kafka: { value: kafka, source: 'setting' } }) as unknown as Versions;
    const keys = (kafka: string) => complete(analyzeFile('consumer.properties', 'group.id=g\n\n'), { line: 1, character: 0 }, { versions: versions(kafka) }).map((i) => i.label);
    assert.ok(keys('4.3.1').includes('share.acquire.mode'));
    assert.ok(!keys('4.1.0').includes('share.acquire.mode'), 'a 4.2 key is not offered for Kafka 4.1');
    assert.ok(!keys('4.3.1').includes('internal.throw.on.fetch.stable.offset.unsupported'), 'internal keys are not offered');
    // Hovers too: bootstrap.servers has had no default since 4.2.
    const md = (kafka: string) => hover(analyzeFile('producer.properties', 'bootstrap.servers=b:9092\n'), { line: 0, character: 3 }, { versions: versions(kafka) })?.markdown ?? '';
    assert.match(md('4.1.0'), /Default: `""`/);
    assert.match(md('4.3.1'), /No default/);
  });
});
