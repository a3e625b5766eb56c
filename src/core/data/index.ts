/**
 * Typed access to the derived data catalogues in `schemas/data/` (bundled into the build).
 * Regenerate the JSON with `node src/tools/gen-data.mjs`; origins are in `schemas/data/catalog.json`.
 */
import kafkaConfigVersionsJson from '../../../schemas/data/kafka-config-versions.json';
import kafkaConfigsJson from '../../../schemas/data/kafka-configs.json';
import kedaScalerJson from '../../../schemas/data/keda-kafka-scaler.json';
import strimziFactsJson from '../../../schemas/data/strimzi-facts.json';
import { compareVersions, majorMinor } from '../versions';

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
 * One Kafka configuration key: the 4.1 docs' facts, updated per release from the ConfigDefs of the released jars
 * (schemas/data/kafka-config-versions.json), which also add the keys the docs lack (newer releases, internal keys).
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
  /** The first Kafka release that has the key (`4.2` for 4.2.0, else the full version), when newer than 4.1.0. */
  readonly since?: string;
  /** The first Kafka release after the key's last one, when the newest release the catalogue knows lacks it. */
  readonly removedIn?: string;
  /**
   * The releases that have the key, as runs [first, last] ([first]: through the newest release), for keys some
   * release since 4.1.0 lacks. Absent: every release has it.
   */
  readonly releases?: readonly (readonly string[])[];
  /** A Kafka-internal key (accepted, not documented for users). */
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

interface FactChange {
  readonly name: string;
  readonly release: string;
  readonly type?: string;
  readonly default?: unknown;
  readonly noDefault?: true;
  readonly defaultChange?: { readonly from: string; readonly to: string };
  readonly validValues?: ValidValues | null;
  readonly validValuesRaw?: string | null;
  readonly importance?: string;
  readonly internal?: boolean;
}
interface RoleReleases {
  /** Keys the 4.1 docs lack, with their facts in the first release that has them. */
  readonly added: readonly (KafkaConfigDef & { in?: readonly (readonly string[])[] })[];
  /** Documented keys some release lacks. */
  readonly presence: readonly { name: string; in: readonly (readonly string[])[] }[];
  /** Facts that changed at a release, in release order. */
  readonly changes: readonly FactChange[];
}
const releaseData = kafkaConfigVersionsJson as unknown as { releases: readonly string[]; roles: Partial<Record<KafkaConfigRole, RoleReleases>> };

/** The Kafka releases whose configs the catalogue knows, oldest first (4.1.0 …). */
export const KAFKA_CATALOG_RELEASES: readonly string[] = releaseData.releases;
/** The newest Kafka version (`major.minor`) the config catalogues know. */
export const KAFKA_CATALOG_LATEST: string = majorMinor(KAFKA_CATALOG_RELEASES[KAFKA_CATALOG_RELEASES.length - 1]);
const OLDEST = KAFKA_CATALOG_RELEASES[0];
const NEWEST = KAFKA_CATALOG_RELEASES[KAFKA_CATALOG_RELEASES.length - 1];

/**
 * The catalogued release that stands for a Kafka version: the newest release not newer than it (4.3.5 → 4.3.1),
 * a bare `major.minor` meaning that line's newest release; versions before the first release count as the first,
 * after the last as the last.
 */
export function kafkaCatalogRelease(kafkaVersion: string): string {
  let best = releaseOf.get(kafkaVersion);
  if (best === undefined) {
    const v = /^v?\d+\.\d+$/.test(kafkaVersion.trim()) ? `${kafkaVersion.trim()}.999999` : kafkaVersion;
    best = OLDEST;
    for (const r of KAFKA_CATALOG_RELEASES) if (compareVersions(r, v) <= 0) best = r;
    if (releaseOf.size > 1000) releaseOf.clear();
    releaseOf.set(kafkaVersion, best);
  }
  return best;
}
const releaseOf = new Map<string, string>();

const inRuns = (runs: readonly (readonly string[])[], release: string): boolean =>
  runs.some(([first, last]) => compareVersions(first, release) <= 0 && (last === undefined || compareVersions(release, last) <= 0));

/** `4.2.0` → `4.2`; other releases as they are. */
const releaseName = (r: string): string => (/\.0$/.test(r) ? majorMinor(r) : r);

function applyChange(def: KafkaConfigDef, c: FactChange, previous: string): KafkaConfigDef {
  const d: { -readonly [K in keyof KafkaConfigDef]: KafkaConfigDef[K] } = { ...def };
  if (c.type !== undefined) d.type = c.type;
  if (c.noDefault) delete d.default;
  if ('default' in c) {
    d.default = c.default;
    delete d.defaultDisplay;
  }
  if (c.defaultChange) d.defaultChanges = [...(def.defaultChanges ?? []), { ...c.defaultChange, between: [releaseName(previous), releaseName(c.release)] }];
  if (c.validValues === null) delete d.validValues;
  else if (c.validValues !== undefined) d.validValues = c.validValues;
  if (c.validValuesRaw === null) delete d.validValuesRaw;
  else if (c.validValuesRaw !== undefined) d.validValuesRaw = c.validValuesRaw;
  if (c.importance !== undefined) d.importance = c.importance;
  if (c.internal !== undefined) d.internal = c.internal || undefined;
  return d;
}

/** Every key a role has had in some release, with its facts as of `release` (or its last release before). */
function buildRole(role: KafkaConfigRole, release: string, onlyPresent: boolean): Map<string, KafkaConfigDef> {
  const data = releaseData.roles[role];
  const m = new Map(roles[role].configs.map((c) => [c.name, c]));
  if (!data) return m;
  const runsOf = new Map<string, readonly (readonly string[])[]>();
  for (const p of data.presence) runsOf.set(p.name, p.in);
  for (const a of data.added) {
    const { in: runs, ...def } = a;
    if (runs) runsOf.set(a.name, runs);
    m.set(a.name, def);
  }
  // Facts: every change up to the release, in release order (each change is against the release before it).
  for (const c of data.changes) {
    if (compareVersions(c.release, release) > 0) break;
    const def = m.get(c.name);
    if (def) m.set(c.name, applyChange(def, c, KAFKA_CATALOG_RELEASES[KAFKA_CATALOG_RELEASES.indexOf(c.release) - 1] ?? OLDEST));
  }
  for (const [name, runs] of runsOf) {
    const def = m.get(name);
    if (!def) continue;
    if (onlyPresent && !inRuns(runs, release)) {
      m.delete(name);
      continue;
    }
    const first = runs[0]?.[0];
    const last = runs[runs.length - 1];
    const next = last?.[1] !== undefined ? KAFKA_CATALOG_RELEASES[KAFKA_CATALOG_RELEASES.indexOf(last[1]) + 1] : undefined;
    m.set(name, {
      ...def,
      releases: runs,
      ...(first && first !== OLDEST ? { since: releaseName(first) } : {}),
      ...(next ? { removedIn: releaseName(next) } : {}),
    });
  }
  return m;
}

const allByRole = new Map<KafkaConfigRole, ReadonlyMap<string, KafkaConfigDef>>();
const byRelease = new Map<KafkaConfigRole, Map<string, ReadonlyMap<string, KafkaConfigDef>>>();

/**
 * Every config a role has had in a catalogued release (4.1.0 to the newest), by name, with the newest release's
 * facts; keys not in every release carry `since` / `removedIn` / `releases`. For what one Kafka version has and
 * its defaults and valid values, use `kafkaConfigsFor`; `configInVersion` says whether a key is in a version.
 */
export function kafkaConfigs(role: KafkaConfigRole): ReadonlyMap<string, KafkaConfigDef> {
  let m = allByRole.get(role);
  if (!m) {
    // Keys since removed keep the facts of their last release (changes after it do not touch them).
    m = buildRole(role, NEWEST, false);
    allByRole.set(role, m);
  }
  return m;
}

/**
 * The configs of a role in one Kafka version (the catalogued release that stands for it, see
 * `kafkaCatalogRelease`), by name, with that release's type, default and valid values. Built once per release.
 * Connect worker configs are not versioned (the 3.9 docs).
 */
export function kafkaConfigsFor(role: KafkaConfigRole, kafkaVersion: string): ReadonlyMap<string, KafkaConfigDef> {
  if (!releaseData.roles[role]) return kafkaConfigs(role);
  let perRole = byRelease.get(role);
  if (!perRole) byRelease.set(role, (perRole = new Map()));
  const release = kafkaCatalogRelease(kafkaVersion);
  let m = perRole.get(release);
  if (!m) {
    m = buildRole(role, release, true);
    perRole.set(release, m);
  }
  return m;
}

/** Whether a config is in a Kafka version and, if not, the nearest releases that have it. */
export interface ConfigAvailability {
  /** `too-new`: only later releases have it; `removed`: only earlier ones; `elsewhere`: earlier and later ones. */
  readonly state: 'ok' | 'too-new' | 'removed' | 'elsewhere';
  /** The first later release that has the key (`4.3` for 4.3.0). */
  readonly addedIn?: string;
  /** The first release after the key's last one before the version. */
  readonly removedIn?: string;
  /** The releases that have the key, for messages: `4.2.2 and 4.4 onwards`. */
  readonly releasesText?: string;
}

/** Whether a config (from `kafkaConfigs`) exists in a Kafka version, by the catalogued release standing for it. */
export function configAvailability(def: KafkaConfigDef, kafkaVersion: string): ConfigAvailability {
  if (!def.releases) return { state: 'ok' };
  const release = kafkaCatalogRelease(kafkaVersion);
  if (inRuns(def.releases, release)) return { state: 'ok' };
  const later = def.releases.find(([first]) => compareVersions(first, release) > 0);
  const earlier = [...def.releases].reverse().find((r) => r[1] !== undefined && compareVersions(r[1], release) < 0);
  const addedIn = later ? releaseName(later[0]) : undefined;
  const removedIn = earlier?.[1] !== undefined ? releaseName(KAFKA_CATALOG_RELEASES[KAFKA_CATALOG_RELEASES.indexOf(earlier[1]) + 1] ?? earlier[1]) : undefined;
  const state = later && earlier ? 'elsewhere' : later ? 'too-new' : 'removed';
  return { state, addedIn, removedIn, releasesText: releasesText(def.releases) };
}

/** The releases that have a key, for messages: `4.2.2 and 4.4 onwards`; undefined when every release has it. */
export function configReleasesText(def: KafkaConfigDef): string | undefined {
  return def.releases ? releasesText(def.releases) : undefined;
}

function releasesText(runs: readonly (readonly string[])[]): string {
  const parts = runs.map(([first, last]) => (last === undefined ? `${releaseName(first)} onwards` : first === last ? first : `${first} to ${last}`));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
}

/** `configAvailability(...).state`, with `elsewhere` as `too-new` (a later release has it). */
export function configInVersion(def: KafkaConfigDef, kafkaVersion: string): 'ok' | 'too-new' | 'removed' {
  const s = configAvailability(def, kafkaVersion).state;
  return s === 'elsewhere' ? 'too-new' : s;
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
