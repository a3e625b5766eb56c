#!/usr/bin/env node
// Derives the data catalogues in schemas/data/ from the upstream reference data in ../shared/reference/
// (or the folder named by --reference). Run: node src/tools/gen-data.mjs [--reference DIR]
// The output is committed, so a clone needs nothing from shared/. Origins are recorded in schemas/data/catalog.json.
import fs from 'node:fs';
import path from 'node:path';

const argRef = process.argv.indexOf('--reference');
const REF = path.resolve(argRef !== -1 ? process.argv[argRef + 1] : path.join('..', 'shared', 'reference'));
const OUT = path.resolve('schemas', 'data');
fs.mkdirSync(OUT, { recursive: true });

const read = (p) => JSON.parse(fs.readFileSync(path.join(REF, p), 'utf8'));
const write = (name, data) => fs.writeFileSync(path.join(OUT, name), JSON.stringify(data, null, 1) + '\n');

const catalog = { $comment: 'Data derived from upstream projects; regenerate with `node src/tools/gen-data.mjs`. Licences: Apache-2.0 (Strimzi, KEDA, Apache Kafka), MIT (kafkajs).', files: [] };

// Kafka config catalogues: keep the per-config facts, drop nothing a rule or hover needs.
const kafka = {};
for (const role of ['producer', 'consumer', 'admin', 'topic', 'broker', 'connect']) {
  const src = read(`kafka-configs/${role}.json`);
  kafka[role] = {
    kafkaVersion: src.kafkaVersion,
    configs: src.configs.map((c) => {
      const o = { name: c.name, type: c.type };
      if (c.hasDefault) o.default = c.default;
      if (c.defaultDisplay !== undefined) o.defaultDisplay = c.defaultDisplay;
      if (c.validValues) o.validValues = c.validValues;
      if (c.validValuesRaw) o.validValuesRaw = c.validValuesRaw;
      o.importance = c.importance;
      if (c.updateMode) o.updateMode = c.updateMode;
      if (c.serverDefaultProperty) o.serverDefaultProperty = c.serverDefaultProperty;
      if (c.defaultChanges) o.defaultChanges = c.defaultChanges;
      if (c.deprecated) o.deprecated = c.deprecated;
      return o;
    }),
    removedSince39: src.removedSince39 ?? [],
    // The reference's hand-checked kafka42Delta is superseded by kafka-config-versions.json (every release's jars).
  };
}
const changes = read('kafka-configs/kafka-4x-changes.json');
write('kafka-configs.json', { roles: kafka, kafka4xChanges: { removedConfigs: changes.removedConfigs, defaultChanges: changes.defaultChanges, deprecatedIn41: changes.deprecatedIn41, addedSince39: changes.addedSince39 } });
catalog.files.push({
  file: 'kafka-configs.json',
  what: 'Apache Kafka 4.1 producer, consumer, admin, topic and broker configs (Connect worker: 3.9), with defaults, valid values, default changes and configs removed since 3.9',
  version: '4.1',
  source: 'apache/kafka-site generated config tables (41/generated/*.html; 39 for Connect), via shared/reference/kafka-configs',
  licence: 'Apache-2.0',
});
// Written by src/tools/gen-kafka-configs.mjs (needs Java and Maven, so it is a separate step); recorded here.
if (fs.existsSync(path.join(OUT, 'kafka-config-versions.json'))) {
  const v = JSON.parse(fs.readFileSync(path.join(OUT, 'kafka-config-versions.json'), 'utf8'));
  catalog.files.push({
    file: 'kafka-config-versions.json',
    what: `Apache Kafka producer, consumer, admin, topic and broker config keys per release from ${v.releases[0]} to ${v.releases[v.releases.length - 1]} (keys added or removed, changed types, defaults and valid values, internal keys), on top of the 4.1 catalogue`,
    version: v.releases.join(', '),
    source: `ConfigDefs of ${v.source.maven} ${v.source.releases.join(', ')} from Maven Central, read by src/tools/kafka-configdef/DumpConfigDefs.java (npm run gen:kafka-configs)`,
    licence: 'Apache-2.0',
  });
}

// Strimzi facts: version tables, forbidden config keys, API timeline, v1beta2 → v1 differences.
const s = read('strimzi-facts.json');
write('strimzi-facts.json', {
  strimziRelease: s.strimziRelease,
  crds: s.crds,
  legacyCrds: s.legacyCrds,
  apiVersionTimeline: s.apiVersionTimeline,
  v1beta2ToV1SchemaDiff: s.v1beta2ToV1SchemaDiff,
  zookeeperAndKraft: s.zookeeperAndKraft,
  kafkaVersions: s.kafkaVersions,
  labels: s.labels,
  annotations: s.annotations,
  forbiddenConfigOptions: s.forbiddenConfigOptions,
  otherValidationFacts: s.otherValidationFacts,
});
catalog.files.push({
  file: 'strimzi-facts.json',
  what: 'Strimzi supported Kafka versions per release (0.45.0–1.2.0), forbidden config keys, API version timeline, v1beta2 → v1 schema differences, labels and annotations',
  version: '1.2.0 (with history back to 0.45.0)',
  source: 'strimzi/strimzi-kafka-operator@1.2.0 (commit 6c7b43c4af0db547c10463ba09d1dfa6f5e156a0) and earlier tags: kafka-versions.yaml, CRDs, CHANGELOG.md, api module constants',
  licence: 'Apache-2.0',
});

// KEDA Kafka scaler parameters (already in our own words upstream of this step).
const k = read('keda-kafka-scaler.json');
write('keda-kafka-scaler.json', k);
catalog.files.push({
  file: 'keda-kafka-scaler.json',
  what: 'KEDA kafka and apache-kafka trigger parameters: sources, types, defaults, allowed values, cross-parameter rules, ScaledObject defaults',
  version: k.kedaVersion,
  source: 'kedacore/keda@v2.20.2 (pkg/scalers/kafka_scaler.go, apache_kafka_scaler.go, …) and kedacore/keda-docs content/docs/2.20',
  licence: 'Apache-2.0',
});

// kafkajs option ↔ Java config mapping.
write('kafkajs-mapping.json', read('kafkajs-mapping.json'));
catalog.files.push({ file: 'kafkajs-mapping.json', what: 'kafkajs 2.2.4 client/producer/consumer options mapped to Java client configs', version: '2.2.4', source: 'tulios/kafkajs@v2.2.4 types/index.d.ts and docs', licence: 'MIT' });

// Strimzi Kafka version table (verbatim YAML facts reduced to JSON).
write('catalog.json', catalog);
console.log(`wrote ${catalog.files.length} data files to ${path.relative(process.cwd(), OUT)}`);
