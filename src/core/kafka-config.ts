import type { Range, TextEdit } from './model';
import { escapePropertyValue, type PropertiesFile, type PropertyEntry } from './parse/properties';
import type { YamlDocument, YamlPath } from './parse/yaml';
import type { Resource } from './resource';

/** The kind of Kafka configuration a set of keys is. */
export type ConfigRole = 'producer' | 'consumer' | 'admin' | 'client' | 'topic' | 'broker' | 'connect';

/** Where a configuration set was written. */
export type ConfigOrigin = 'properties' | 'spring-properties' | 'spring-yaml' | 'strimzi';

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
  | { kind: 'yaml'; doc: YamlDocument; path: YamlPath };

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

  matches(target: string): boolean {
    if (target === 'config-any') return true;
    if (target === 'config-client') return this.role === 'producer' || this.role === 'consumer' || this.role === 'admin' || this.role === 'client';
    return target === `config-${this.role}`;
  }

  /** An edit that replaces an entry's value. */
  setEdit(entry: ConfigEntry, value: string): TextEdit | undefined {
    if (entry.ref.kind === 'property') return { range: entry.valueRange, newText: escapePropertyValue(value) };
    return entry.ref.doc.setValueEdit(entry.ref.path, yamlScalar(value, entry.raw));
  }

  /** An edit that removes an entry (its whole line(s)). */
  removeEdit(entry: ConfigEntry, lines?: { fullLineRange(l: number): Range }): TextEdit | undefined {
    if (entry.ref.kind === 'property') {
      if (!lines) return undefined;
      const a = lines.fullLineRange(entry.ref.entry.firstLine);
      const b = lines.fullLineRange(entry.ref.entry.lastLine);
      return { range: { start: a.start, end: b.end }, newText: '' };
    }
    return entry.ref.doc.removeKeyEdit(entry.ref.path);
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

/** Infers a client role from a file name and its keys. Returns several when a file mixes roles. */
export function inferClientRoles(fileName: string, keys: Iterable<string>): ConfigRole[] {
  const base = fileName.toLowerCase().replace(/^.*[\\/]/, '');
  if (/producer/.test(base)) return ['producer'];
  if (/consumer/.test(base)) return ['consumer'];
  if (/admin/.test(base)) return ['admin'];
  let p = false;
  let c = false;
  for (const k of keys) {
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

// ---- Spring Boot ------------------------------------------------------------------------------

/** Spring Boot `spring.kafka.<section>.<property>` → Kafka key, in canonical (relaxed) form. */
const SPRING_COMMON: Record<string, string> = {
  bootstrapservers: 'bootstrap.servers',
  clientid: 'client.id',
  'security.protocol': 'security.protocol',
  'ssl.keypassword': 'ssl.key.password',
  'ssl.keystorelocation': 'ssl.keystore.location',
  'ssl.keystorepassword': 'ssl.keystore.password',
  'ssl.keystoretype': 'ssl.keystore.type',
  'ssl.truststorelocation': 'ssl.truststore.location',
  'ssl.truststorepassword': 'ssl.truststore.password',
  'ssl.truststoretype': 'ssl.truststore.type',
  'ssl.protocol': 'ssl.protocol',
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
const SPRING_DURATION = new Set(['auto.commit.interval.ms', 'fetch.max.wait.ms', 'heartbeat.interval.ms', 'max.poll.interval.ms']);
const SPRING_DATASIZE = new Set(['batch.size', 'buffer.memory', 'fetch.min.bytes']);

/** Canonical form of a Spring property name for relaxed binding: lowercase, no `-` or `_`. */
export function springCanonical(name: string): string {
  return name
    .split('.')
    .map((s) => s.toLowerCase().replace(/[-_]/g, ''))
    .join('.');
}

/** Spring `Duration` text (`5s`, `100ms`, `1m`, `500`) → milliseconds as text; unchanged if not parseable. */
export function springDurationMs(v: string): string {
  const m = /^\s*(-?\d+)\s*(ns|us|ms|s|m|h|d)?\s*$/i.exec(v);
  if (!m) {
    const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(v.trim());
    if (iso) return String(((Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0)) * 60 + Number(iso[3] ?? 0)) * 1000);
    return v;
  }
  const n = Number(m[1]);
  const f: Record<string, number> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };
  return String(Math.round(n * f[(m[2] ?? 'ms').toLowerCase()]));
}

/** Spring `DataSize` text (`16KB`, `1MB`, `512`) → bytes as text; unchanged if not parseable. */
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
  prop: SpringProperty;
}

/** Maps one Spring property under `spring.kafka.` to a Kafka key, or undefined when it is not a Kafka client key. */
export function mapSpringProperty(name: string): { section: SpringSection; key: string } | undefined {
  const canon = springCanonical(name);
  if (!canon.startsWith('spring.kafka.')) return undefined;
  const rest = canon.slice('spring.kafka.'.length);
  const restRaw = name.split('.').slice(2).join('.');
  const rawAfter = (n: number) => restRaw.split('.').slice(n).join('.').replace(/^\[|\]$/g, '');
  if (rest.startsWith('properties.')) return { section: 'common', key: rawAfter(1) };
  for (const section of ['producer', 'consumer', 'admin'] as const) {
    if (!rest.startsWith(section + '.')) continue;
    const sub = rest.slice(section.length + 1);
    if (sub.startsWith('properties.')) return { section, key: rawAfter(2) };
    const table = section === 'producer' ? SPRING_PRODUCER : section === 'consumer' ? SPRING_CONSUMER : SPRING_ADMIN;
    const k = table[sub];
    return k ? { section, key: k } : undefined;
  }
  const k = SPRING_COMMON[rest];
  return k ? { section: 'common', key: k } : undefined;
}

/** Builds producer/consumer/admin config sets from flattened Spring properties. */
export function configSetsFromSpring(
  file: string,
  origin: 'spring-properties' | 'spring-yaml',
  props: readonly SpringProperty[],
  anchors: Partial<Record<SpringSection, Range>>,
  inserters: Partial<Record<SpringSection, Inserter>>,
): ConfigSet[] {
  const mapped: MappedSpring[] = [];
  for (const prop of props) {
    const m = mapSpringProperty(prop.name);
    if (m) mapped.push({ ...m, prop });
  }
  if (mapped.length === 0) return [];
  const toEntry = (m: MappedSpring, shared: boolean): ConfigEntry => {
    let value = scalarText(m.prop.value).trim();
    const fromTable = !springCanonical(m.prop.name).startsWith('spring.kafka.properties.') && !springCanonical(m.prop.name).includes('.properties.');
    if (fromTable && SPRING_DURATION.has(m.key)) value = springDurationMs(value);
    if (fromTable && SPRING_DATASIZE.has(m.key)) value = springDataSizeBytes(value);
    return {
      key: m.key,
      rawKey: m.prop.name,
      value,
      raw: m.prop.value,
      keyRange: m.prop.keyRange,
      valueRange: m.prop.valueRange,
      shared,
      dynamic: DYNAMIC.test(value),
      ref: m.prop.ref,
    };
  };
  const common = mapped.filter((m) => m.section === 'common');
  const sets: ConfigSet[] = [];
  for (const role of ['producer', 'consumer', 'admin'] as const) {
    const own = mapped.filter((m) => m.section === role);
    if (own.length === 0) continue;
    const entries = [...common.map((m) => toEntry(m, true)), ...own.map((m) => toEntry(m, false))];
    const anchor = anchors[role] ?? own[0].prop.keyRange;
    const ins = inserters[role] ?? (() => undefined);
    sets.push(new ConfigSet(role, origin, file, entries, anchor, ins, undefined, `Spring Boot ${role} config`));
  }
  if (sets.length === 0 && common.length > 0) {
    const anchor = anchors.common ?? common[0].prop.keyRange;
    sets.push(new ConfigSet('client', origin, file, common.map((m) => toEntry(m, false)), anchor, inserters.common ?? (() => undefined), undefined, 'Spring Boot Kafka config'));
  }
  return sets;
}

/** Flattens a Spring YAML document into dotted properties (Spring's own flattening, with `[a.b]` keys). */
export function flattenSpringYaml(doc: YamlDocument): SpringProperty[] {
  const out: SpringProperty[] = [];
  const walk = (path: YamlPath, prefix: string) => {
    for (const e of doc.entries(path)) {
      const seg = e.key.startsWith('[') && e.key.endsWith(']') ? e.key.slice(1, -1) : e.key;
      const name = prefix ? `${prefix}.${seg}` : seg;
      const p = [...path, e.key];
      if (e.value && typeof e.value === 'object' && !Array.isArray(e.value)) walk(p, name);
      else out.push({ name, value: e.value, keyRange: e.keyRange, valueRange: e.valueRange, ref: { kind: 'yaml', doc, path: p } });
    }
  };
  walk([], '');
  return out;
}

export function springYamlSets(file: string, doc: YamlDocument): ConfigSet[] {
  const props = flattenSpringYaml(doc);
  const anchors: Partial<Record<SpringSection, Range>> = {};
  const inserters: Partial<Record<SpringSection, Inserter>> = {};
  for (const section of ['producer', 'consumer', 'admin'] as const) {
    const path = ['spring', 'kafka', section];
    const r = doc.keyRange(path);
    if (r) anchors[section] = r;
    inserters[section] = (key, value) =>
      doc.get([...path, 'properties']) !== undefined
        ? doc.insertKeyEdit([...path, 'properties'], key, yamlValueText(value))
        : doc.insertKeyEdit(path, 'properties', `\n  ${key}: ${yamlValueText(value)}`);
  }
  const k = doc.keyRange(['spring', 'kafka']);
  if (k) anchors.common = k;
  return configSetsFromSpring(file, 'spring-yaml', props, anchors, inserters);
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
  for (const section of ['producer', 'consumer', 'admin'] as const) {
    inserters[section] = (key, value) => {
      if (!last) return undefined;
      const at = props.lines.position(props.lines.lineEnd(last.lastLine));
      return { range: { start: at, end: at }, newText: `\nspring.kafka.${section}.properties.${key}=${escapePropertyValue(value)}` };
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
