import type { Range, TextEdit } from './model';
import { escapePropertyValue, type PropertiesFile, type PropertyEntry } from './parse/properties';
import type { YamlDocument, YamlPath } from './parse/yaml';
import { kafkaConfigs } from './data/index';
import type { CodeConfig, CodeSetting } from './parse/code';
import type { Resource } from './resource';
import type { LineIndex } from './text';

/** The kind of Kafka configuration a set of keys is. */
export type ConfigRole = 'producer' | 'consumer' | 'admin' | 'client' | 'topic' | 'broker' | 'connect';

/** Where a configuration set was written. */
export type ConfigOrigin = 'properties' | 'spring-properties' | 'spring-yaml' | 'strimzi' | 'code';

/** A rule's config target: a role, `config-client` (any client role) or `config-any`. */
export type ConfigTarget = `config-${ConfigRole}` | 'config-any';

export interface ConfigEntry {
  /** The Kafka configuration key (`enable.auto.commit`), after Spring's relaxed-binding mapping. */
  readonly key: string;
  /** The key as written (`spring.kafka.consumer.enable-auto-commit`). */
  readonly rawKey: string;
  /** The value as text (YAML scalars are stringified; Spring durations are converted to milliseconds). */
  readonly value: string;
  /** The YAML value as parsed (number, boolean, string, null), or the string for properties. */
  readonly raw: unknown;
  readonly keyRange: Range;
  readonly valueRange: Range;
  /** True when the entry is shared by several roles (e.g. `spring.kafka.properties.*`). */
  readonly shared: boolean;
  /** Set when the value is a template placeholder or a `${...}` reference that cannot be judged. */
  readonly dynamic: boolean;
  /** Internal handle for edits. */
  readonly ref: EntryRef;
}

type EntryRef =
  | { kind: 'property'; entry: PropertyEntry }
  | { kind: 'yaml'; doc: YamlDocument; path: YamlPath }
  | { kind: 'code'; setting: CodeSetting };

type Inserter = (key: string, value: string) => TextEdit | undefined;

/** A set of Kafka configuration keys with one role, from one place, with edit helpers for fixes. */
export class ConfigSet {
  private readonly byKey = new Map<string, ConfigEntry>();

  constructor(
    readonly role: ConfigRole,
    readonly origin: ConfigOrigin,
    readonly file: string,
    readonly entries: readonly ConfigEntry[],
    /** Where findings about a missing key go (the `config:` key, the Spring section, the first line). */
    readonly anchor: Range,
    private readonly inserter: Inserter,
    /** The resource the config belongs to, for Strimzi config maps. */
    readonly resource?: Resource,
    /** A label for messages: "producer config", "KafkaTopic config", … */
    readonly label: string = `${role} config`,
    /** For Spring Boot sets: every `spring.kafka.*` property of the same document, by canonical name. */
    readonly springProperties?: SpringPropertyMap,
    /** The client library the settings are for, when not the Java client (its defaults differ). */
    readonly library?: 'sarama' | 'kafkajs',
  ) {
    for (const e of entries) this.byKey.set(e.key, e); // the last one wins, as in Kafka
  }

  get(key: string): ConfigEntry | undefined {
    return this.byKey.get(key);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The value of a key as text, or undefined. */
  value(key: string): string | undefined {
    return this.byKey.get(key)?.value;
  }

  /** True for Spring Boot configuration (`application*.yml|properties`). */
  get spring(): boolean {
    return this.origin === 'spring-properties' || this.origin === 'spring-yaml';
  }

  /** A Spring property of the same document by its canonical name (`spring.kafka.listener.ackmode`). */
  springProperty(canonicalName: string): SpringProperty | undefined {
    return this.springProperties?.get(canonicalName);
  }

  matches(target: string): boolean {
    if (target === 'config-any') return true;
    if (target === 'config-client') return this.role === 'producer' || this.role === 'consumer' || this.role === 'admin' || this.role === 'client';
    return target === `config-${this.role}`;
  }

  /**
   * An edit that replaces an entry's value. In YAML the new value keeps the old one's type (a string
   * stays quoted if YAML would retype it) unless `natural` asks for a plain number/boolean.
   */
  setEdit(entry: ConfigEntry, value: string, natural = false): TextEdit | undefined {
    if (entry.ref.kind === 'property') return { range: entry.valueRange, newText: escapePropertyValue(value) };
    if (entry.ref.kind === 'code') {
      const code = entry.ref.setting.toCode(value);
      return code === undefined ? undefined : { range: entry.valueRange, newText: code };
    }
    return entry.ref.doc.setValueEdit(entry.ref.path, natural ? yamlValueText(value) : yamlScalar(value, entry.raw));
  }

  /** An edit that removes an entry (its whole line(s)). */
  removeEdit(entry: ConfigEntry, lines?: { fullLineRange(l: number): Range }): TextEdit | undefined {
    if (entry.ref.kind === 'property') {
      if (!lines) return undefined;
      const a = lines.fullLineRange(entry.ref.entry.firstLine);
      const b = lines.fullLineRange(entry.ref.entry.lastLine);
      return { range: { start: a.start, end: b.end }, newText: '' };
    }
    if (entry.ref.kind === 'code') return undefined; // a statement in code is the user's to remove
    const { doc, path } = entry.ref;
    // In Spring Boot files, removing the only key of a `properties` map removes the map too.
    if (this.spring && path.length > 1 && springCanonical(String(path[path.length - 2])) === 'properties') {
      const parent = path.slice(0, -1);
      if (doc.entries(parent).length === 1) return doc.removeKeyEdit(parent) ?? doc.removeKeyEdit(path);
    }
    return doc.removeKeyEdit(path);
  }

  /** An edit that adds `key=value` to this set (undefined where the structure does not allow it). */
  insertEdit(key: string, value: string): TextEdit | undefined {
    return this.inserter(key, value);
  }
}

/** Writes a value as a YAML scalar, quoting it if the original was a string that YAML would retype. */
function yamlScalar(value: string, original: unknown): string {
  if (typeof original === 'string' || /[:#{}[\],&*!|>'"%@`]/.test(value) || value === '') {
    if (/^(true|false|null|~|-?\d+(\.\d+)?)$/i.test(value) || /[:#{}[\],&*!|>'"%@`]/.test(value) || value === '') return JSON.stringify(value);
  }
  return value;
}

/** A YAML scalar for a new config value: numbers and booleans plain, the rest plain unless YAML would misread it. */
export function yamlValueText(value: string): string {
  if (/^-?\d+$/.test(value) || value === 'true' || value === 'false') return value;
  return /[:#{}[\],&*!|>'"%@`]|^\s|\s$/.test(value) || value === '' || /^(null|~|yes|no|on|off)$/i.test(value) ? JSON.stringify(value) : value;
}

const DYNAMIC = /\$\{[^}]*\}|^_{3,}$|\{\{/;

function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

// ---- Java .properties -------------------------------------------------------------------------

const PRODUCER_KEYS = ['key.serializer', 'value.serializer', 'acks', 'linger.ms', 'batch.size', 'enable.idempotence', 'transactional.id', 'delivery.timeout.ms', 'max.in.flight.requests.per.connection', 'compression.type', 'buffer.memory', 'partitioner.class'];
const CONSUMER_KEYS = ['key.deserializer', 'value.deserializer', 'group.id', 'enable.auto.commit', 'auto.offset.reset', 'max.poll.records', 'max.poll.interval.ms', 'session.timeout.ms', 'heartbeat.interval.ms', 'isolation.level', 'group.protocol', 'partition.assignment.strategy', 'fetch.min.bytes'];

/** Keys only a Kafka Connect worker configuration has. */
const CONNECT_WORKER_KEYS = ['key.converter', 'value.converter', 'offset.storage.topic', 'offset.storage.file.filename', 'config.storage.topic', 'status.storage.topic', 'plugin.path', 'connector.class'];

/**
 * Infers a client role from a file name and its keys. Returns several when a file mixes roles.
 * Kafka Connect worker files are `connect`; Kafka Streams configs (`application.id`) are `client`
 * (Streams manages its embedded clients' commit and reset settings itself).
 */
export function inferClientRoles(fileName: string, keys: Iterable<string>): ConfigRole[] {
  const base = fileName.toLowerCase().replace(/^.*[\\/]/, '');
  const list = [...keys];
  if (list.some((k) => CONNECT_WORKER_KEYS.includes(k))) return ['connect'];
  if (list.includes('application.id')) return ['client'];
  if (/producer/.test(base)) return ['producer'];
  if (/consumer/.test(base)) return ['consumer'];
  if (/admin/.test(base)) return ['admin'];
  let p = false;
  let c = false;
  for (const k of list) {
    if (PRODUCER_KEYS.includes(k)) p = true;
    if (CONSUMER_KEYS.includes(k)) c = true;
  }
  if (p && c) return ['producer', 'consumer'];
  if (p) return ['producer'];
  if (c) return ['consumer'];
  return ['client'];
}

export function configSetsFromProperties(file: string, props: PropertiesFile): ConfigSet[] {
  const entries: ConfigEntry[] = props.entries.map((e) => ({
    key: e.key,
    rawKey: e.key,
    value: e.value.trim(),
    raw: e.value,
    keyRange: e.keyRange,
    valueRange: e.valueRange,
    shared: false,
    dynamic: DYNAMIC.test(e.value),
    ref: { kind: 'property', entry: e },
  }));
  const roles = inferClientRoles(file, entries.map((e) => e.key));
  const anchor = entries[0]?.keyRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const last = props.entries[props.entries.length - 1];
  const inserter: Inserter = (key, value) => {
    const line = last ? last.lastLine : -1;
    if (line < 0) return { range: anchor, newText: `${key}=${escapePropertyValue(value)}\n` };
    const end = props.lines.lineEnd(line);
    const at = props.lines.position(end);
    return { range: { start: at, end: at }, newText: `\n${key}=${escapePropertyValue(value)}` };
  };
  return roles.map((role) => new ConfigSet(role, 'properties', file, entries.map((e) => ({ ...e, shared: roles.length > 1 })), anchor, inserter, undefined, `${role} properties`));
}

// ---- Source code (Java kafka-clients, Go sarama) ----------------------------------------------

/**
 * The key a kafka-clients constant names (`ProducerConfig.ACKS_CONFIG` → `acks`), from the Kafka catalogue:
 * Kafka names them after the key (`KEY_SERIALIZER_CLASS_CONFIG` → `key.serializer`), which is checked, not assumed.
 */
export function javaConstantKey(_cls: string, constant: string): string | undefined {
  const base = constant.toLowerCase().replace(/_/g, '.');
  const stripped = base.replace(/\.config$/, '');
  for (const k of [stripped, stripped.replace(/\.class$/, ''), base, stripped.replace(/\.doc$/, '')]) {
    if (kafkaConfigs('producer').has(k) || kafkaConfigs('consumer').has(k) || kafkaConfigs('admin').has(k)) return k;
  }
  return undefined;
}

/** Config sets for the settings found in a source file: one per configured object, roles from hints or keys. */
export function configSetsFromCode(file: string, lines: LineIndex, configs: readonly CodeConfig[]): ConfigSet[] {
  const sets: ConfigSet[] = [];
  for (const c of configs) {
    const entries: ConfigEntry[] = c.settings.map((s) => ({
      key: s.key,
      rawKey: s.key,
      value: s.value ?? s.valueText,
      raw: s.value ?? s.valueText,
      keyRange: lines.range(s.keyStart, s.keyEnd),
      valueRange: lines.range(s.valueStart, s.valueEnd),
      shared: false,
      dynamic: s.value === undefined,
      ref: { kind: 'code', setting: s },
    }));
    const roles = c.roleHint && !entries.some((e) => e.key === 'application.id') ? [c.roleHint] : inferClientRoles(file, entries.map((e) => e.key));
    if (roles.includes('connect')) continue;
    const anchor = lines.range(c.anchorStart, c.anchorEnd);
    const what = c.language === 'go' ? `sarama config '${c.target}'` : c.language === 'js' ? `${c.target} options` : c.target.includes('@') || c.target === 'Map.ofEntries' ? 'config map' : `'${c.target}'`;
    for (const role of roles) {
      const library = c.language === 'go' ? 'sarama' : c.language === 'js' ? 'kafkajs' : undefined;
      sets.push(new ConfigSet(role, 'code', file, entries.map((e) => ({ ...e, shared: roles.length > 1 })), anchor, () => undefined, undefined, `${role} settings in ${what}`, undefined, library));
    }
  }
  return sets;
}

// ---- Spring Boot ------------------------------------------------------------------------------

/**
 * Spring Boot `spring.kafka.*` properties (Spring Boot 3.x `KafkaProperties`) → Kafka keys.
 * Names are in Spring's canonical relaxed form (lowercase, no `-`/`_`), by section.
 */
const SPRING_SSL: Record<string, string> = {
  'ssl.keypassword': 'ssl.key.password',
  'ssl.keystorecertificatechain': 'ssl.keystore.certificate.chain',
  'ssl.keystorekey': 'ssl.keystore.key',
  'ssl.keystorelocation': 'ssl.keystore.location',
  'ssl.keystorepassword': 'ssl.keystore.password',
  'ssl.keystoretype': 'ssl.keystore.type',
  'ssl.truststorecertificates': 'ssl.truststore.certificates',
  'ssl.truststorelocation': 'ssl.truststore.location',
  'ssl.truststorepassword': 'ssl.truststore.password',
  'ssl.truststoretype': 'ssl.truststore.type',
  'ssl.protocol': 'ssl.protocol',
};
const SPRING_COMMON: Record<string, string> = {
  bootstrapservers: 'bootstrap.servers',
  clientid: 'client.id',
  'security.protocol': 'security.protocol',
  ...SPRING_SSL,
};
const SPRING_PRODUCER: Record<string, string> = {
  ...SPRING_COMMON,
  acks: 'acks',
  batchsize: 'batch.size',
  buffermemory: 'buffer.memory',
  compressiontype: 'compression.type',
  keyserializer: 'key.serializer',
  valueserializer: 'value.serializer',
  retries: 'retries',
  // Spring appends a counter to the prefix; for the rules it is a transactional.id.
  transactionidprefix: 'transactional.id',
};
const SPRING_CONSUMER: Record<string, string> = {
  ...SPRING_COMMON,
  autocommitinterval: 'auto.commit.interval.ms',
  autooffsetreset: 'auto.offset.reset',
  enableautocommit: 'enable.auto.commit',
  fetchmaxwait: 'fetch.max.wait.ms',
  fetchminsize: 'fetch.min.bytes',
  groupid: 'group.id',
  heartbeatinterval: 'heartbeat.interval.ms',
  isolationlevel: 'isolation.level',
  keydeserializer: 'key.deserializer',
  valuedeserializer: 'value.deserializer',
  maxpollrecords: 'max.poll.records',
  maxpollinterval: 'max.poll.interval.ms',
};
const SPRING_ADMIN: Record<string, string> = { ...SPRING_COMMON };
/** Spring `Duration` properties (unit-less values are milliseconds). */
const SPRING_DURATION = new Set(['auto.commit.interval.ms', 'fetch.max.wait.ms', 'heartbeat.interval.ms', 'max.poll.interval.ms']);
/** Spring `DataSize` properties (unit-less values are bytes). */
const SPRING_DATASIZE = new Set(['batch.size', 'buffer.memory', 'fetch.min.bytes']);

/**
 * Splits a Spring property name into segments: `.` separates, `[...]` encloses one literal segment
 * (`spring.kafka.producer.properties[enable.idempotence]` → `…, properties, enable.idempotence`).
 */
export function springSegments(name: string): string[] {
  const out: string[] = [];
  let cur = '';
  let i = 0;
  while (i < name.length) {
    const ch = name[i];
    if (ch === '[') {
      const close = name.indexOf(']', i + 1);
      if (close === -1) {
        cur += name.slice(i);
        break;
      }
      if (cur) out.push(cur);
      out.push(name.slice(i + 1, close));
      cur = '';
      i = close + 1;
      if (name[i] === '.') i++;
      continue;
    }
    if (ch === '.') {
      out.push(cur);
      cur = '';
    } else cur += ch;
    i++;
  }
  if (cur || name.endsWith('.')) out.push(cur);
  return out;
}

/** Canonical form of a Spring property name for relaxed binding: lowercase, no `-` or `_`, brackets resolved. */
export function springCanonical(name: string): string {
  return springSegments(name)
    .map((s) => s.toLowerCase().replace(/[-_]/g, ''))
    .join('.');
}

/** Spring `Duration` text (`5s`, `100ms`, `1m`, `500`, `PT5S`) → milliseconds as text; unchanged if not parseable. */
export function springDurationMs(v: string): string {
  const m = /^\s*([-+]?\d+)\s*(ns|us|ms|s|m|h|d)?\s*$/i.exec(v);
  if (!m) {
    const iso = /^\s*P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?\s*$/i.exec(v);
    if (iso && /\d/.test(v)) return String(Math.round((((Number(iso[1] ?? 0) * 24 + Number(iso[2] ?? 0)) * 60 + Number(iso[3] ?? 0)) * 60 + Number(iso[4] ?? 0)) * 1000));
    return v;
  }
  const n = Number(m[1]);
  const f: Record<string, number> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };
  return String(Math.round(n * f[(m[2] ?? 'ms').toLowerCase()]));
}

/** Spring `DataSize` text (`16KB`, `1MB`, `512`, `512B`) → bytes as text; unchanged if not parseable. */
export function springDataSizeBytes(v: string): string {
  const m = /^\s*(\d+)\s*(B|KB|MB|GB|TB)?\s*$/i.exec(v);
  if (!m) return v;
  const f: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };
  return String(Number(m[1]) * f[(m[2] ?? 'b').toLowerCase()]);
}

/** One flattened Spring property: its dotted name as written, its value, and where it is. */
export interface SpringProperty {
  readonly name: string;
  readonly value: unknown;
  readonly keyRange: Range;
  readonly valueRange: Range;
  readonly ref: EntryRef;
}

type SpringSection = 'producer' | 'consumer' | 'admin' | 'common';

interface MappedSpring {
  section: SpringSection;
  key: string;
  /** True when the key came from a `properties` map (passed to Kafka verbatim). */
  verbatim: boolean;
  prop: SpringProperty;
}

/**
 * Maps one Spring property under `spring.kafka.` to a Kafka key, or undefined when it is not a
 * Kafka client key (e.g. `spring.kafka.listener.*`, `spring.kafka.streams.*`, `spring.kafka.template.*`).
 * Keys inside a `properties` map are passed to Kafka as written (no relaxed binding).
 */
export function mapSpringProperty(name: string): { section: SpringSection; key: string; verbatim: boolean } | undefined {
  const raw = springSegments(name);
  const canon = raw.map((s) => s.toLowerCase().replace(/[-_]/g, ''));
  if (canon[0] !== 'spring' || canon[1] !== 'kafka' || raw.length < 3) return undefined;
  const after = (n: number) => raw.slice(n).join('.');
  if (canon[2] === 'properties') return raw.length > 3 ? { section: 'common', key: after(3), verbatim: true } : undefined;
  const section = canon[2];
  if (section === 'producer' || section === 'consumer' || section === 'admin') {
    if (canon[3] === 'properties') return raw.length > 4 ? { section, key: after(4), verbatim: true } : undefined;
    const table = section === 'producer' ? SPRING_PRODUCER : section === 'consumer' ? SPRING_CONSUMER : SPRING_ADMIN;
    const k = table[canon.slice(3).join('.')];
    return k ? { section, key: k, verbatim: false } : undefined;
  }
  const k = SPRING_COMMON[canon.slice(2).join('.')];
  return k ? { section: 'common', key: k, verbatim: false } : undefined;
}

/** A Spring value as Kafka would see it: durations in ms, data sizes in bytes, enums in Kafka's spelling. */
function springValue(key: string, text: string): string {
  if (SPRING_DURATION.has(key)) return springDurationMs(text);
  if (SPRING_DATASIZE.has(key)) return springDataSizeBytes(text);
  if (key === 'isolation.level' || key === 'auto.offset.reset') return text.toLowerCase().replace(/-/g, '_');
  return text;
}

/** All `spring.kafka.*` properties of a document or file, by canonical name (e.g. `spring.kafka.listener.ackmode`). */
export type SpringPropertyMap = ReadonlyMap<string, SpringProperty>;

/** Builds producer/consumer/admin config sets from flattened Spring properties. */
export function configSetsFromSpring(
  file: string,
  origin: 'spring-properties' | 'spring-yaml',
  props: readonly SpringProperty[],
  anchors: Partial<Record<SpringSection, Range>>,
  inserters: Partial<Record<SpringSection, Inserter>>,
): ConfigSet[] {
  const mapped: MappedSpring[] = [];
  const all = new Map<string, SpringProperty>();
  for (const prop of props) {
    const canon = springCanonical(prop.name);
    if (!canon.startsWith('spring.kafka.')) continue;
    all.set(canon, prop);
    const m = mapSpringProperty(prop.name);
    if (m) mapped.push({ ...m, prop });
  }
  if (mapped.length === 0) return [];
  const toEntry = (m: MappedSpring, shared: boolean): ConfigEntry => {
    const text = scalarText(m.prop.value).trim();
    const value = m.verbatim || DYNAMIC.test(text) ? text : springValue(m.key, text);
    return {
      key: m.key,
      rawKey: m.prop.name,
      value,
      raw: m.prop.value,
      keyRange: m.prop.keyRange,
      valueRange: m.prop.valueRange,
      shared,
      dynamic: DYNAMIC.test(text),
      ref: m.prop.ref,
    };
  };
  const common = mapped.filter((m) => m.section === 'common');
  const sets: ConfigSet[] = [];
  const make = (role: ConfigRole, section: SpringSection, own: MappedSpring[], shared: MappedSpring[], label: string) => {
    // Section entries win over shared `spring.kafka.properties.*` ones (Spring merges them that way).
    const entries = [...shared.map((m) => toEntry(m, true)), ...own.map((m) => toEntry(m, false))];
    const anchor = anchors[section] ?? (own[0] ?? shared[0]).prop.keyRange;
    const ins = inserters[section] ?? (() => undefined);
    sets.push(new ConfigSet(role, origin, file, entries, anchor, ins, undefined, label, all));
  };
  for (const role of ['producer', 'consumer', 'admin'] as const) {
    const own = mapped.filter((m) => m.section === role);
    if (own.length > 0) make(role, role, own, common, `Spring Boot ${role} config`);
  }
  if (sets.length === 0 && common.length > 0) {
    // Only shared keys: infer the roles from them, as for a plain .properties file.
    const roles = inferClientRoles('', common.map((m) => m.key));
    for (const role of roles) make(role, 'common', [], common, role === 'client' ? 'Spring Boot Kafka config' : `Spring Boot ${role} config`);
  }
  return sets;
}

/** Flattens a Spring YAML document into dotted properties (Spring's own flattening, with `[a.b]` keys). */
export function flattenSpringYaml(doc: YamlDocument): SpringProperty[] {
  const out: SpringProperty[] = [];
  const walk = (path: YamlPath, prefix: string, depth: number) => {
    if (depth > 32) return;
    for (const e of doc.entries(path)) {
      const seg = e.key.startsWith('[') && e.key.endsWith(']') ? e.key.slice(1, -1) : e.key;
      const name = prefix ? (seg.includes('.') && prefix.endsWith('.properties') ? `${prefix}[${seg}]` : `${prefix}.${seg}`) : seg;
      const p = [...path, e.key];
      if (e.value && typeof e.value === 'object' && !Array.isArray(e.value)) walk(p, name, depth + 1);
      else out.push({ name, value: Array.isArray(e.value) ? e.value.map(scalarText).join(',') : e.value, keyRange: e.keyRange, valueRange: e.valueRange, ref: { kind: 'yaml', doc, path: p } });
    }
  };
  walk([], '', 0);
  return out;
}

/** Whether a plain YAML document (not a Kubernetes resource) has Spring Kafka settings. */
export function hasSpringKafka(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const c = springCanonical(k);
    if (c === 'spring' && v && typeof v === 'object') {
      for (const k2 of Object.keys(v as object)) {
        const c2 = springCanonical(k2);
        if (c2 === 'kafka' || c2.startsWith('kafka.')) return true;
      }
    }
    if (c.startsWith('spring.kafka')) return true;
  }
  return false;
}

export function springYamlSets(file: string, doc: YamlDocument): ConfigSet[] {
  const props = flattenSpringYaml(doc);
  const anchors: Partial<Record<SpringSection, Range>> = {};
  const inserters: Partial<Record<SpringSection, Inserter>> = {};
  for (const section of ['producer', 'consumer', 'admin'] as const) {
    const path = ['spring', 'kafka', section];
    const r = doc.keyRange(path);
    if (r) anchors[section] = r;
    inserters[section] = (key, value) => {
      if (doc.get(path) === undefined) return undefined;
      return doc.get([...path, 'properties']) !== undefined
        ? doc.insertKeyEdit([...path, 'properties'], yamlKeyText(key), yamlValueText(value))
        : doc.insertKeyEdit(path, 'properties', `\n  ${yamlKeyText(key)}: ${yamlValueText(value)}`);
    };
  }
  const k = doc.keyRange(['spring', 'kafka']);
  if (k) anchors.common = k;
  inserters.common = (key, value) => {
    if (doc.get(['spring', 'kafka']) === undefined) return undefined;
    return doc.get(['spring', 'kafka', 'properties']) !== undefined
      ? doc.insertKeyEdit(['spring', 'kafka', 'properties'], yamlKeyText(key), yamlValueText(value))
      : doc.insertKeyEdit(['spring', 'kafka'], 'properties', `\n  ${yamlKeyText(key)}: ${yamlValueText(value)}`);
  };
  return configSetsFromSpring(file, 'spring-yaml', props, anchors, inserters);
}

/** A Kafka key as a key of a Spring `properties` map: plain (Spring's map binding keeps dotted keys). */
function yamlKeyText(key: string): string {
  return /^[A-Za-z0-9._-]+$/.test(key) ? key : JSON.stringify(key);
}

export function springPropertiesSets(file: string, props: PropertiesFile): ConfigSet[] {
  const list: SpringProperty[] = props.entries.map((e) => ({
    name: e.key,
    value: e.value,
    keyRange: e.keyRange,
    valueRange: e.valueRange,
    ref: { kind: 'property', entry: e },
  }));
  const last = props.entries[props.entries.length - 1];
  const inserters: Partial<Record<SpringSection, Inserter>> = {};
  for (const section of ['producer', 'consumer', 'admin', 'common'] as const) {
    inserters[section] = (key, value) => {
      if (!last) return undefined;
      const at = props.lines.position(props.lines.lineEnd(last.lastLine));
      const prefix = section === 'common' ? 'spring.kafka.properties' : `spring.kafka.${section}.properties`;
      return { range: { start: at, end: at }, newText: `\n${prefix}.${key}=${escapePropertyValue(value)}` };
    };
  }
  return configSetsFromSpring(file, 'spring-properties', list, {}, inserters);
}

// ---- Strimzi config maps ----------------------------------------------------------------------

/** Builds a config set from a free-form `config:` map of a Strimzi resource. */
export function strimziConfigSet(resource: Resource, path: YamlPath, role: ConfigRole, label: string): ConfigSet | undefined {
  const doc = resource.doc;
  const value = doc.get(path);
  const parentPath = path.slice(0, -1);
  if (value === undefined && doc.get(parentPath) === undefined) return undefined;
  const entries: ConfigEntry[] = doc.entries(path).map((e) => {
    const text = scalarText(e.value).trim();
    return {
      key: e.key,
      rawKey: e.key,
      value: text,
      raw: e.value,
      keyRange: e.keyRange,
      valueRange: e.valueRange,
      shared: false,
      dynamic: DYNAMIC.test(text),
      ref: { kind: 'yaml', doc, path: [...path, e.key] },
    };
  });
  const anchor = doc.keyRange(path) ?? doc.keyRange(parentPath) ?? resource.rangeOf(['kind']);
  const inserter: Inserter = (key, v) => doc.insertKeyEdit(path, key, yamlValueText(v));
  return new ConfigSet(role, 'strimzi', resource.file, entries, anchor, inserter, resource, label);
}

/** The Kafka config maps a Strimzi resource carries, by role. */
export function strimziConfigSets(resource: Resource): ConfigSet[] {
  const sets: (ConfigSet | undefined)[] = [];
  switch (resource.target) {
    case 'strimzi-kafka':
      sets.push(strimziConfigSet(resource, ['spec', 'kafka', 'config'], 'broker', `${resource.displayName} broker config`));
      break;
    case 'strimzi-topic':
      sets.push(strimziConfigSet(resource, ['spec', 'config'], 'topic', `${resource.displayName} topic config`));
      break;
    case 'strimzi-connect':
      sets.push(strimziConfigSet(resource, ['spec', 'config'], 'connect', `${resource.displayName} worker config`));
      break;
    case 'strimzi-bridge':
      sets.push(strimziConfigSet(resource, ['spec', 'producer', 'config'], 'producer', `${resource.displayName} producer config`));
      sets.push(strimziConfigSet(resource, ['spec', 'consumer', 'config'], 'consumer', `${resource.displayName} consumer config`));
      break;
    default:
      break;
  }
  return sets.filter((s): s is ConfigSet => s !== undefined && (s.entries.length > 0 || s.role === 'broker' || s.role === 'topic'));
}
