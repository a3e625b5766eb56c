#!/usr/bin/env node
// Derives schemas/data/kafka-config-versions.json: what changed in the Kafka producer, consumer, admin, topic and broker
// configs after the 4.1 catalogue (schemas/data/kafka-configs.json, from the generated 4.1 docs), read from the ConfigDefs
// in the released Apache Kafka jars on Maven Central. Dev-time only (needs Java 17 and Maven); the output is committed.
// Run: npm run gen:kafka-configs   (or: node src/tools/gen-kafka-configs.mjs 4.1.1 4.2.1 4.3.1)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const versions = process.argv.slice(2).length ? process.argv.slice(2) : ['4.1.1', '4.2.1', '4.3.1'];
const tool = path.resolve('src', 'tools', 'kafka-configdef');
const OUT = path.resolve('schemas', 'data', 'kafka-config-versions.json');
const ROLES = ['producer', 'consumer', 'admin', 'topic', 'broker'];

function dump(version) {
  const cpFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-configdef-')), 'classpath.txt');
  execFileSync('mvn', ['-B', '-q', '-f', path.join(tool, 'pom.xml'), `-Dkafka.version=${version}`, 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  const out = execFileSync('java', ['-cp', fs.readFileSync(cpFile, 'utf8').trim(), path.join(tool, 'DumpConfigDefs.java')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  const json = JSON.parse(out);
  if (json.kafkaVersion !== version) throw new Error(`asked for Kafka ${version}, the jars say ${json.kafkaVersion}`);
  return json.roles;
}

/** The validator's text as the catalogue's structured form, for the shapes rules check (ranges and enums). */
function validValues(raw) {
  if (!raw) return undefined;
  let m = /^\[(-?[\d.]+),\.\.\.(?:,(-?[\d.]+))?\]$/.exec(raw);
  if (m) return { kind: 'range', min: Number(m[1]), ...(m[2] !== undefined ? { max: Number(m[2]) } : {}) };
  m = /^(\(case insensitive\) )?\[([A-Za-z0-9_.\-, ]+)\]$/.exec(raw);
  if (m && !raw.includes('...')) return { kind: 'enum', values: m[2].split(',').map((s) => s.trim()), ...(m[1] ? { caseInsensitive: true } : {}) };
  if (raw === 'non-null string') return { kind: 'nonNull' };
  if (raw === 'non-empty string') return { kind: 'nonEmptyString' };
  return undefined;
}

function entry(c, since) {
  const o = { name: c.name, type: c.type };
  if ('default' in c) o.default = c.default === null ? null : typed(c.default, c.type);
  const vv = validValues(c.validValues);
  // Kafka's enum validators often accept any case (the default is then spelled differently from the listed values).
  if (vv?.kind === 'enum' && typeof c.default === 'string' && !vv.values.includes(c.default) && vv.values.includes(c.default.toLowerCase())) vv.caseInsensitive = true;
  if (vv) o.validValues = vv;
  if (c.validValues) o.validValuesRaw = c.validValues;
  o.importance = c.importance;
  if (c.internal) o.internal = true;
  o.since = since;
  return o;
}

function typed(v, type) {
  if (type === 'int' || type === 'long' || type === 'short' || type === 'double') return v === '' ? v : Number(v);
  if (type === 'boolean') return v === 'true';
  return v;
}

const minor = (v) => v.split('.').slice(0, 2).join('.');
const dumps = versions.map((v) => ({ version: v, roles: dump(v) }));
const roles = {};
for (const role of ROLES) {
  const added = [];
  const removed = [];
  const defaultChanges = [];
  const validValuesChanges = [];
  for (let i = 1; i < dumps.length; i++) {
    const before = new Map(dumps[i - 1].roles[role].map((c) => [c.name, c]));
    const after = new Map(dumps[i].roles[role].map((c) => [c.name, c]));
    const since = minor(dumps[i].version);
    for (const [name, c] of after) if (!before.has(name)) added.push(entry(c, since));
    for (const name of before.keys()) if (!after.has(name)) removed.push({ name, removedIn: since });
    for (const [name, c] of after) {
      const b = before.get(name);
      // null and '' are the same "no value" (list defaults print either way across versions).
      // A changed range or value list (a validator that no longer prints itself is not a change we can use).
      const vv = validValues(c.validValues);
      if (b && vv && b.validValues !== c.validValues) validValuesChanges.push({ name, validValuesRaw: c.validValues, validValues: vv, since });
      if (b && 'default' in b && 'default' in c && (b.default ?? '') !== (c.default ?? '')) defaultChanges.push({ name, from: b.default, to: c.default, between: [minor(dumps[i - 1].version), since] });
    }
  }
  roles[role] = { added, removed, defaultChanges, validValuesChanges };
}

const data = {
  $comment: 'Changes to the Kafka configs after the 4.1 catalogue in kafka-configs.json, read from the ConfigDefs of the released jars. Regenerate with `npm run gen:kafka-configs`.',
  source: { maven: 'org.apache.kafka:kafka_2.13 and its dependencies (kafka-clients, kafka-storage, kafka-server)', versions },
  baseline: minor(versions[0]),
  latest: minor(versions[versions.length - 1]),
  roles,
};
fs.writeFileSync(OUT, JSON.stringify(data, null, 1) + '\n');
console.log(`wrote ${path.relative(process.cwd(), OUT)}: ${ROLES.map((r) => `${r} +${roles[r].added.length}/-${roles[r].removed.length}`).join(', ')}`);
