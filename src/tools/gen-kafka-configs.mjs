#!/usr/bin/env node
// Derives schemas/data/kafka-config-versions.json: which Kafka producer, consumer, admin, topic and broker config keys
// each release from 4.1.0 on has, and the facts (type, default, valid values, importance) that changed from release to
// release, read from the ConfigDefs in the released Apache Kafka jars on Maven Central. The 4.1 catalogue in
// schemas/data/kafka-configs.json (from the generated 4.1 docs) stays the baseline: the 4.1.0 jars' public keys match it.
// Dev-time only (needs Java 17 and Maven); the output is committed and nothing runs this at install or test time.
//
// Run: npm run gen:kafka-configs   (or: node src/tools/gen-kafka-configs.mjs [--fresh] [RELEASE ...])
// A new Kafka release: add it to RELEASES (every release, patch releases too: keys are backported) and re-run.
// Each release's dump is cached in .cache/kafka-configdef/ (gitignored); --fresh dumps again.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const RELEASES = ['4.1.0', '4.1.1', '4.1.2', '4.2.0', '4.2.1', '4.2.2', '4.3.0', '4.3.1', '4.4.0'];
const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const releases = args.filter((a) => !a.startsWith('--'));
const versions = (releases.length ? releases : RELEASES).slice().sort(cmp);
const tool = path.resolve('src', 'tools', 'kafka-configdef');
const CACHE = path.resolve('.cache', 'kafka-configdef');
const OUT = path.resolve('schemas', 'data', 'kafka-config-versions.json');
const BASELINE = path.resolve('schemas', 'data', 'kafka-configs.json');
const ROLES = ['producer', 'consumer', 'admin', 'topic', 'broker'];
const MAVEN = 'org.apache.kafka:kafka_2.13 and its dependencies (kafka-clients, kafka-storage, kafka-server)';

function cmp(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** One release's ConfigDefs, per role: [{ name, type, default?, validValues?, importance, internal?, serverDefaultProperty? }]. */
function dump(version) {
  fs.mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `dump-${version}.json`);
  if (fresh || !fs.existsSync(file)) {
    const cpFile = path.join(CACHE, `classpath-${version}.txt`);
    execFileSync('mvn', ['-B', '-q', '-Dstyle.color=never', '-f', path.join(tool, 'pom.xml'), `-Dkafka.version=${version}`, 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    const out = execFileSync('java', ['-cp', fs.readFileSync(cpFile, 'utf8').trim(), path.join(tool, 'DumpConfigDefs.java')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
    fs.writeFileSync(file, out);
  }
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (json.kafkaVersion !== version) throw new Error(`asked for Kafka ${version}, the jars say ${json.kafkaVersion}`);
  return json.roles;
}

/** The validator's text as the catalogue's structured form, for the shapes the rules check (ranges and enums). */
function validValues(raw, type) {
  if (!raw) return undefined;
  let m = /^\[(-?[\d.]+),\.\.\.(?:,(-?[\d.]+))?\]$/.exec(raw);
  if (m) return { kind: 'range', min: Number(m[1]), ...(m[2] !== undefined ? { max: Number(m[2]) } : {}) };
  m = /^(\(case insensitive\) )?\[([A-Za-z0-9_.\-, ]+)\]$/.exec(raw);
  if (m && !raw.includes('...')) return { kind: 'enum', values: m[2].split(',').map((s) => s.trim()), ...(m[1] ? { caseInsensitive: true } : {}), ...(type === 'list' ? { appliesTo: 'eachListElement' } : {}) };
  if (raw === 'non-null string') return { kind: 'nonNull' };
  if (raw === 'non-empty string') return { kind: 'nonEmptyString' };
  if (raw === 'non-empty list') return { kind: 'nonEmptyList' };
  return undefined;
}

/** A default as the 4.1 catalogue spells it: numbers, booleans, lists as arrays. */
function typed(v, type) {
  if (v === null || v === undefined) return v ?? null;
  if (type === 'int' || type === 'long' || type === 'short' || type === 'double') return v === '' ? v : Number(v);
  if (type === 'boolean') return v === 'true';
  if (type === 'list') return v === '' ? [] : v.split(',');
  return v;
}

/** The facts of one key in one release, in the catalogue's form. */
function facts(c) {
  const o = { type: c.type };
  if ('default' in c) o.default = typed(c.default, c.type);
  // The jars' own text for the default, to compare releases (not written out).
  Object.defineProperty(o, 'defaultText', { value: 'default' in c ? c.default ?? '' : undefined });
  const vv = validValues(c.validValues, c.type);
  // Kafka's enum validators often accept any case (the default is then spelled differently from the listed values).
  if (vv?.kind === 'enum' && typeof c.default === 'string' && !vv.values.includes(c.default) && vv.values.includes(c.default.toLowerCase())) vv.caseInsensitive = true;
  if (vv) o.validValues = vv;
  if (c.validValues) o.validValuesRaw = c.validValues;
  o.importance = c.importance;
  if (c.internal) o.internal = true;
  if (c.serverDefaultProperty) o.serverDefaultProperty = c.serverDefaultProperty;
  return o;
}

/** What changed in a key's facts between two releases that both have it, or undefined. */
function change(before, after) {
  const o = {};
  if (before.type !== after.type) o.type = after.type;
  // Compared as the jars print them, where null and '' are the same "no value" (list defaults print either way).
  if ('default' in before && !('default' in after)) o.noDefault = true;
  else if ('default' in after && (!('default' in before) || before.defaultText !== after.defaultText)) {
    o.default = after.default;
    if ('default' in before) o.defaultChange = { from: before.defaultText, to: after.defaultText };
  } else if ('default' in after && before.type !== after.type) o.default = after.default;
  if ((before.validValuesRaw ?? '') !== (after.validValuesRaw ?? '')) {
    // A validator that no longer prints a shape we can check drops the check rather than keep a stale one.
    if (after.validValues) o.validValues = after.validValues;
    else if (before.validValues) o.validValues = null;
    if (after.validValuesRaw || before.validValuesRaw) o.validValuesRaw = after.validValuesRaw ?? null;
  }
  if (before.importance !== after.importance) o.importance = after.importance;
  if (!!before.internal !== !!after.internal) o.internal = !!after.internal;
  return Object.keys(o).length ? o : undefined;
}

/** The releases a key is in, as runs of consecutive releases: [first, last]; the last run of a current key is [first]. */
function runs(present) {
  const out = [];
  let start;
  versions.forEach((v, i) => {
    if (present.has(v) && start === undefined) start = v;
    if (!present.has(v) && start !== undefined) {
      out.push([start, versions[i - 1]]);
      start = undefined;
    }
  });
  if (start !== undefined) out.push([start]);
  return out;
}

const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')).roles;
const dumps = versions.map((v) => ({ version: v, roles: dump(v) }));
const roles = {};
const warnings = [];
for (const role of ROLES) {
  const documented = new Set(baseline[role].configs.map((c) => c.name));
  const first = dumps[0].roles[role];
  const publicFirst = new Set(first.filter((c) => !c.internal).map((c) => c.name));
  // The method's check: the oldest release's public keys are exactly the 4.1 docs' keys.
  const onlyDocs = [...documented].filter((n) => !publicFirst.has(n));
  const onlyJar = [...publicFirst].filter((n) => !documented.has(n));
  if (onlyDocs.length || onlyJar.length) warnings.push(`${role}: ${versions[0]} jars and 4.1 docs differ (only in docs: ${onlyDocs.join(', ') || '-'}; only in jars: ${onlyJar.join(', ') || '-'})`);

  const presence = new Map();
  const lastFacts = new Map();
  const firstFacts = new Map();
  const changes = [];
  for (const { version, roles: r } of dumps) {
    for (const c of r[role]) {
      if (!presence.has(c.name)) presence.set(c.name, new Set());
      presence.get(c.name).add(version);
      const f = facts(c);
      const prev = lastFacts.get(c.name);
      if (!prev) firstFacts.set(c.name, { version, f });
      else {
        const d = change(prev, f);
        if (d) changes.push({ name: c.name, release: version, ...d });
      }
      lastFacts.set(c.name, f);
    }
  }
  const added = [];
  const present = [];
  for (const [name, set] of [...presence].sort(([a], [b]) => a.localeCompare(b))) {
    const inRuns = runs(set);
    const always = inRuns.length === 1 && inRuns[0][0] === versions[0] && inRuns[0].length === 1;
    if (!documented.has(name)) added.push({ name, ...firstFacts.get(name).f, ...(always ? {} : { in: inRuns }) });
    else if (!always) present.push({ name, in: inRuns });
  }
  for (const name of documented) if (!presence.has(name)) warnings.push(`${role}: ${name} is documented for 4.1 but in no release's jars`);
  roles[role] = { added, presence: present, changes };
}

const data = {
  $comment: 'Kafka config keys per release after the 4.1 catalogue in kafka-configs.json, read from the ConfigDefs of the released jars. `added`: keys not in the 4.1 docs (facts as of the first release that has them); `presence` / `in`: the runs of releases that have a key ([first, last], or [first] through the newest release), given only for keys some release lacks; `changes`: facts that changed at a release. Regenerate with `npm run gen:kafka-configs`.',
  source: { maven: MAVEN, releases: versions },
  releases: versions,
  roles,
};
fs.writeFileSync(OUT, JSON.stringify(data, null, 1) + '\n');
for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
process.stdout.write(`wrote ${path.relative(process.cwd(), OUT)} (Kafka ${versions.join(', ')}): ${ROLES.map((r) => `${r} +${roles[r].added.length} keys, ${roles[r].changes.length} changes`).join('; ')}\n`);
