/** Which Kafka configuration (and which role) a place in a file belongs to. */
import type { KafkaConfigRole } from '../data/index';
import { mapSpringProperty, springCanonical } from '../kafka-config';
import type { YamlDocument, YamlPath } from '../parse/yaml';
import type { Resource } from '../resource';
import { resolveVersions, type ExplicitVersions, type Versions } from '../versions';
import { CLIENT_ROLES } from './kafka-docs';

/** A free-form Kafka `config:` map of a Strimzi resource. */
export interface StrimziConfigMap {
  readonly mapPath: YamlPath;
  readonly role: KafkaConfigRole;
  /** The key in `strimziFacts.forbiddenConfigOptions`, when Strimzi forbids some keys there. */
  readonly forbiddenSection?: string;
}

const CONFIG_MAPS: Record<string, readonly { path: readonly (string | '*')[]; role: KafkaConfigRole; section?: string }[]> = {
  Kafka: [{ path: ['spec', 'kafka', 'config'], role: 'broker', section: 'Kafka.spec.kafka.config' }],
  KafkaTopic: [{ path: ['spec', 'config'], role: 'topic' }],
  KafkaConnect: [{ path: ['spec', 'config'], role: 'connect', section: 'KafkaConnect.spec.config' }],
  KafkaBridge: [
    { path: ['spec', 'producer', 'config'], role: 'producer' },
    { path: ['spec', 'consumer', 'config'], role: 'consumer' },
    { path: ['spec', 'adminClient', 'config'], role: 'admin' },
  ],
  KafkaMirrorMaker2: [{ path: ['spec', 'target', 'config'], role: 'connect' }],
};

/** The Strimzi config map that `path` lies in (or is), if any. */
export function strimziConfigMap(resource: Resource, path: YamlPath): StrimziConfigMap | undefined {
  if (resource.group !== 'kafka.strimzi.io') return undefined;
  for (const c of CONFIG_MAPS[resource.kind] ?? []) {
    if (path.length < c.path.length) continue;
    if (c.path.every((seg, i) => seg === '*' || seg === path[i])) {
      return { mapPath: path.slice(0, c.path.length), role: c.role, ...(c.section ? { forbiddenSection: c.section } : {}) };
    }
  }
  return undefined;
}

/** The KEDA trigger whose `metadata` map `path` lies in (or is): its index and type. */
export function kedaTriggerAt(resource: Resource, path: YamlPath): { index: number; type: string; metadataPath: YamlPath } | undefined {
  if (resource.group !== 'keda.sh' || (resource.kind !== 'ScaledObject' && resource.kind !== 'ScaledJob')) return undefined;
  if (path.length < 4 || path[0] !== 'spec' || path[1] !== 'triggers' || typeof path[2] !== 'number' || path[3] !== 'metadata') return undefined;
  const type = resource.get(['spec', 'triggers', path[2], 'type']);
  if (type !== 'kafka' && type !== 'apache-kafka') return undefined;
  return { index: path[2], type, metadataPath: path.slice(0, 4) };
}

/** Versions for a resource: the user's, then its own `spec.kafka.version`, then defaults. */
export function versionsFor(explicit: ExplicitVersions | undefined, resource?: Resource): Versions {
  const v = resource?.kind === 'Kafka' ? resource.get(['spec', 'kafka', 'version']) : undefined;
  return resolveVersions(explicit ?? {}, { kafka: typeof v === 'string' ? v : undefined });
}

/** The operator version a resource's schema is chosen for. */
export function operatorVersion(resource: Resource, versions: Versions): string | undefined {
  if (resource.group === 'keda.sh') return versions.keda.value;
  if (resource.group.endsWith('strimzi.io')) return versions.strimzi.value;
  return undefined;
}

// ---- Spring Boot ------------------------------------------------------------------------------

export type SpringSection = 'producer' | 'consumer' | 'admin' | 'common';

/** Roles whose keys apply to a Spring section. */
export function springRoles(section: SpringSection): KafkaConfigRole[] {
  return section === 'common' ? [...CLIENT_ROLES] : [section];
}

/** A YAML path as a Spring property name (`[a.b]` keys unwrapped). */
export function springName(path: YamlPath): string {
  return path.map((s) => (typeof s === 'string' && s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : String(s))).join('.');
}

/** Kafka key a Spring property name maps to, with its section. */
export function springKafkaKey(name: string): { section: SpringSection; key: string } | undefined {
  const m = mapSpringProperty(name);
  return m && m.key ? m : undefined;
}

/**
 * Spring Boot properties (relaxed, kebab-case as Spring documents them) that map to Kafka keys,
 * per section; each is checked against `mapSpringProperty` so hover and lint agree.
 */
const SPRING_NAMES: Record<SpringSection, readonly string[]> = {
  common: ['bootstrap-servers', 'client-id', 'security.protocol', 'ssl.key-password', 'ssl.key-store-location', 'ssl.key-store-password', 'ssl.key-store-type', 'ssl.trust-store-location', 'ssl.trust-store-password', 'ssl.trust-store-type', 'ssl.protocol'],
  producer: ['acks', 'batch-size', 'buffer-memory', 'compression-type', 'key-serializer', 'value-serializer', 'retries'],
  consumer: ['auto-commit-interval', 'auto-offset-reset', 'enable-auto-commit', 'fetch-max-wait', 'fetch-min-size', 'group-id', 'heartbeat-interval', 'isolation-level', 'key-deserializer', 'value-deserializer', 'max-poll-records', 'max-poll-interval'],
  admin: [],
};

/** Spring properties (relative to a section's prefix) that map to Kafka keys, with their Kafka key. */
export function springSectionProperties(section: SpringSection): { name: string; key: string }[] {
  const own = section === 'common' ? SPRING_NAMES.common : [...SPRING_NAMES.common, ...SPRING_NAMES[section]];
  const prefix = section === 'common' ? 'spring.kafka.' : `spring.kafka.${section}.`;
  const out: { name: string; key: string }[] = [];
  for (const n of own) {
    const m = mapSpringProperty(prefix + n);
    if (m) out.push({ name: n, key: m.key });
  }
  return out;
}

/**
 * What a Spring map at a dotted path holds: `kafka` (Kafka keys of a `properties` map), `spring`
 * (Spring property names of a section), or undefined.
 */
export function springMapKind(name: string): { kind: 'kafka' | 'spring'; section: SpringSection } | undefined {
  const c = springCanonical(name);
  if (c === 'spring.kafka') return { kind: 'spring', section: 'common' };
  if (c === 'spring.kafka.properties') return { kind: 'kafka', section: 'common' };
  for (const s of ['producer', 'consumer', 'admin'] as const) {
    if (c === `spring.kafka.${s}`) return { kind: 'spring', section: s };
    if (c === `spring.kafka.${s}.properties`) return { kind: 'kafka', section: s };
  }
  return undefined;
}

/** Whether a YAML document is Spring Boot configuration with a `spring:` root. */
export function isSpringDocument(doc: YamlDocument): boolean {
  const v = doc.value;
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).some((k) => k === 'spring' || k.startsWith('spring.'));
}
