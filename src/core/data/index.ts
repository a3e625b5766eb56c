/**
 * Typed access to the derived data catalogues in `schemas/data/` (bundled into the build).
 * Regenerate the JSON with `node src/tools/gen-data.mjs`; origins are in `schemas/data/catalog.json`.
 */
import kafkaConfigVersionsJson from '../../../schemas/data/kafka-config-versions.json';
import kafkaConfigsJson from '../../../schemas/data/kafka-configs.json';
import kedaScalerJson from '../../../schemas/data/keda-kafka-scaler.json';
import strimziFactsJson from '../../../schemas/data/strimzi-facts.json';
import { compareVersions } from '../versions';

export type KafkaConfigRole = 'producer' | 'consumer' | 'admin' | 'topic' | 'broker' | 'connect';

export interface ValidValues {
  readonly kind: string;
  readonly min?: number | string;
  readonly max?: number | string;
  readonly values?: readonly string[];
  readonly orValues?: readonly string[];
  readonly caseInsensitive?: boolean;
}

/**
 * One Kafka configuration key as documented upstream: the 4.1 docs, plus the keys added and removed since,
 * read from the ConfigDefs of the 4.2 and 4.3 jars (`since` / `removedIn`, as `major.minor`).
 */
export interface KafkaConfigDef {
  readonly name: string;
  readonly type: string;
  /** Absent when the config has no default. */
  readonly default?: unknown;
  readonly defaultDisplay?: string;
  readonly validValues?: ValidValues;
  readonly validValuesRaw?: string;
  readonly importance: string;
  readonly updateMode?: string;
  readonly serverDefaultProperty?: string;
  readonly defaultChanges?: readonly { from: string; to: string; between: readonly string[]; statedInVersion?: string }[];
  readonly deprecated?: unknown;
  /** The Kafka version (`major.minor`) that introduced the key, when newer than the 4.1 catalogue. */
  readonly since?: string;
  /** The Kafka version (`major.minor`) that no longer has the key. */
  readonly removedIn?: string;
  /** Kafka-internal keys (not for users; present only among keys added after 4.1). */
  readonly internal?: boolean;
}

export interface RemovedConfig {
  readonly name: string;
  readonly note?: string;
  readonly [k: string]: unknown;
}

interface RoleCatalog {
  readonly configs: readonly KafkaConfigDef[];
  readonly removedSince39: readonly RemovedConfig[];
}

const roles = (kafkaConfigsJson as unknown as { roles: Record<KafkaConfigRole, RoleCatalog> }).roles;

interface VersionDelta {
  readonly added: readonly KafkaConfigDef[];
  readonly removed: readonly { name: string; removedIn: string }[];
  readonly defaultChanges: readonly { name: string; from: string; to: string; between: readonly string[] }[];
  readonly validValuesChanges: readonly { name: string; validValuesRaw: string; validValues: ValidValues; since: string }[];
}
const versionDeltas = (kafkaConfigVersionsJson as unknown as { latest: string; roles: Partial<Record<KafkaConfigRole, VersionDelta>> });

/** The newest Kafka version (`major.minor`) the config catalogues know. */
export const KAFKA_CATALOG_LATEST: string = versionDeltas.latest;

const byRole = new Map<KafkaConfigRole, Map<string, KafkaConfigDef>>();

/**
 * The configs of a role, by name, across the versions the catalogue covers (4.1 to KAFKA_CATALOG_LATEST): keys
 * added after 4.1 carry `since`, keys since removed carry `removedIn`. Callers that care about a target version
 * check those with `configInVersion`.
 */
export function kafkaConfigs(role: KafkaConfigRole): ReadonlyMap<string, KafkaConfigDef> {
  let m = byRole.get(role);
  if (!m) {
    m = new Map(roles[role].configs.map((c) => [c.name, c]));
    const delta = versionDeltas.roles[role];
    if (delta) {
      for (const r of delta.removed) {
        const c = m.get(r.name);
        if (c) m.set(r.name, { ...c, removedIn: r.removedIn });
      }
      for (const d of delta.defaultChanges) {
        const c = m.get(d.name);
        if (c) m.set(d.name, { ...c, default: typeof c.default === 'number' ? Number(d.to) : d.to, defaultDisplay: undefined, defaultChanges: [...(c.defaultChanges ?? []), { from: d.from, to: d.to, between: d.between }] });
      }
      for (const v of delta.validValuesChanges) {
        const c = m.get(v.name);
        if (c) m.set(v.name, { ...c, validValues: v.validValues, validValuesRaw: v.validValuesRaw });
      }
      for (const a of delta.added) if (!m.has(a.name)) m.set(a.name, a);
    }
    byRole.set(role, m);
  }
  return m;
}

/**
 * Whether a config exists in a Kafka version: `too-new` when it was added later, `removed` when that version no
 * longer has it, else `ok`. Versions outside the catalogue's range count as its nearest end.
 */
export function configInVersion(def: KafkaConfigDef, kafkaVersion: string): 'ok' | 'too-new' | 'removed' {
  if (def.since && compareVersions(kafkaVersion, def.since) < 0) return 'too-new';
  if (def.removedIn && compareVersions(kafkaVersion, def.removedIn) >= 0) return 'removed';
  return 'ok';
}

/** Configs documented for Kafka 3.9 but gone in 4.x, for a role. */
export function removedConfigs(role: KafkaConfigRole): readonly RemovedConfig[] {
  return roles[role].removedSince39;
}

/** The Kafka 4.x changes summary (removed configs, default changes, deprecations). */
export const kafka4xChanges = (kafkaConfigsJson as unknown as { kafka4xChanges: Record<string, unknown> }).kafka4xChanges;

// ---- Strimzi ----------------------------------------------------------------------------------

export interface StrimziKafkaVersions {
  readonly strimzi: string;
  readonly supportedKafka: readonly string[];
  readonly defaultKafka: string;
  readonly metadataVersionByKafka: Readonly<Record<string, string>>;
}

export const strimziFacts = strimziFactsJson as unknown as {
  readonly kafkaVersions: readonly StrimziKafkaVersions[];
  readonly forbiddenConfigOptions: Readonly<Record<string, { forbiddenPrefixes?: readonly string[]; exceptions?: readonly string[] } | string>>;
  readonly apiVersionTimeline: readonly unknown[];
  readonly v1beta2ToV1SchemaDiff: { readonly byKind: Readonly<Record<string, { removedInV1?: readonly string[]; droppedEnumValues?: unknown; newlyRequiredInV1?: readonly string[] }>> };
  readonly annotations: readonly { name: string; on: string; values?: readonly string[] }[];
  readonly [k: string]: unknown;
};

/**
 * The Kafka versions a Strimzi release supports: the entry of the newest release not newer than
 * `strimzi` (facts cover 0.45.0–1.2.0; older releases fall back to the oldest entry).
 */
export function strimziKafkaVersions(strimzi: string): StrimziKafkaVersions {
  const list = [...strimziFacts.kafkaVersions].sort((a, b) => compareVersions(a.strimzi, b.strimzi));
  let best = list[0];
  for (const e of list) if (compareVersions(e.strimzi, strimzi) <= 0) best = e;
  return best;
}

/** Forbidden-key check for a Strimzi config section such as `Kafka.spec.kafka.config`. */
export function isForbiddenStrimziConfig(section: string, key: string): boolean {
  const s = strimziFacts.forbiddenConfigOptions[section];
  if (!s || typeof s === 'string') return false;
  if (s.exceptions?.includes(key)) return false;
  return (s.forbiddenPrefixes ?? []).some((p) => key.startsWith(p));
}

// ---- KEDA -------------------------------------------------------------------------------------

export interface KedaScalerParameter {
  readonly name: string;
  readonly sources?: readonly string[];
  readonly type?: string;
  readonly required?: boolean | string;
  readonly default?: unknown;
  readonly allowedValues?: readonly string[];
  readonly constraints?: readonly string[];
  readonly [k: string]: unknown;
}

export const kedaKafkaScaler = kedaScalerJson as unknown as {
  readonly kedaVersion: string;
  readonly triggerTypes: Readonly<Record<string, { parameters: readonly KedaScalerParameter[]; [k: string]: unknown }>>;
  readonly scaledObjectValidation: { defaults: Readonly<Record<string, unknown>>; rules: readonly string[] };
  readonly [k: string]: unknown;
};

/** The parameters of a KEDA Kafka trigger type (`kafka` or `apache-kafka`), by name. */
export function kedaTriggerParameters(type: string): ReadonlyMap<string, KedaScalerParameter> {
  const t = kedaKafkaScaler.triggerTypes[type];
  return new Map((t?.parameters ?? []).map((p) => [p.name, p]));
}
