/** Markdown for Kafka config keys and KEDA kafka trigger parameters, from the derived catalogues. */
import { compareVersions } from '../versions';
import { configAvailability, configReleasesText, KAFKA_CATALOG_LATEST, kafkaConfigs, kafkaConfigsFor, kedaKafkaScaler, removedConfigs, type KafkaConfigDef, type KafkaConfigRole, type KedaScalerParameter, type RemovedConfig } from '../data/index';

/** Catalogue roles in the order a generic client config is looked up. */
export const CLIENT_ROLES: readonly KafkaConfigRole[] = ['producer', 'consumer', 'admin'];

const ROLE_LABEL: Record<KafkaConfigRole, string> = {
  producer: 'producer config',
  consumer: 'consumer config',
  admin: 'admin client config',
  topic: 'topic config',
  broker: 'broker config',
  connect: 'Kafka Connect worker config',
};

const ANCHOR: Record<KafkaConfigRole, string> = {
  producer: 'producerconfigs',
  consumer: 'consumerconfigs',
  admin: 'adminclientconfigs',
  topic: 'topicconfigs',
  broker: 'brokerconfigs',
  connect: 'connectconfigs',
};

/** The catalogues (Kafka 4.1 generated docs, updated from the released jars up to the newest; Connect 3.9), named for hovers. */
export function catalogueName(role: KafkaConfigRole): string {
  return role === 'connect' ? 'Kafka 3.9 reference' : `Kafka 4.1–${KAFKA_CATALOG_LATEST} reference`;
}

export function kafkaDocsUrl(role: KafkaConfigRole, key: string): string {
  return `https://kafka.apache.org/documentation/#${ANCHOR[role]}_${key}`;
}

/** A config definition found for a key: the first role of `roles` that documents it. */
export function findConfig(roles: readonly KafkaConfigRole[], key: string): { role: KafkaConfigRole; def: KafkaConfigDef } | undefined {
  for (const role of roles) {
    const def = kafkaConfigs(role).get(key);
    if (def) return { role, def };
  }
  return undefined;
}

export function findRemoved(roles: readonly KafkaConfigRole[], key: string): { role: KafkaConfigRole; removed: RemovedConfig } | undefined {
  for (const role of roles) {
    const removed = removedConfigs(role).find((r) => r.name === key);
    if (removed) return { role, removed };
  }
  return undefined;
}

/** A default value as users write it. */
export function defaultText(def: KafkaConfigDef): string | undefined {
  if (!('default' in def)) return undefined;
  const d = def.default;
  if (d === null) return 'null';
  if (Array.isArray(d)) return d.length === 0 ? '""' : d.join(',');
  if (typeof d === 'object') return JSON.stringify(d);
  return String(d);
}

/** Values a config accepts when they form a closed list (enums, booleans). */
export function configValueChoices(def: KafkaConfigDef): string[] {
  if (def.type === 'boolean') return ['true', 'false'];
  const v = def.validValues;
  if (v?.kind === 'enum' && v.values) {
    // Case-insensitive enums documented in upper case with a lower-case default: offer the default's case.
    const lower = v.caseInsensitive && typeof def.default === 'string' && def.default === def.default.toLowerCase();
    const values = v.values.map((x) => (lower ? x.toLowerCase() : x));
    // A list whose elements are enum values (cleanup.policy): the pair is a common value of its own.
    const perElement = def.type === 'list' && (v as { appliesTo?: string }).appliesTo === 'eachListElement';
    return perElement && values.length === 2 ? [...values, values.join(',')] : values;
  }
  if (v?.orValues && v.values) return [...v.values, ...v.orValues.map(String)];
  return [];
}

function code(s: string): string {
  const ticks = s.includes('`') ? '``' : '`';
  return `${ticks}${s}${ticks}`;
}

export interface ConfigDocOptions {
  /** How the key was written when it differs from the Kafka key (e.g. a Spring Boot property). */
  readonly writtenAs?: string;
  /** The target Kafka version, shown next to the catalogue name. */
  readonly kafkaVersion?: string;
  /** A note to show first (e.g. "Strimzi manages this option"). */
  readonly note?: string;
  /** Other roles that also document the key (for generic client configs). */
  readonly alsoFor?: readonly KafkaConfigRole[];
}

/**
 * Markdown for one Kafka config key: the facts (type, default, valid values) of the target Kafka version when it
 * has the key, else of the newest release that has it.
 */
export function configMarkdown(role: KafkaConfigRole, anyDef: KafkaConfigDef, opts: ConfigDocOptions = {}): string {
  const def = (opts.kafkaVersion && kafkaConfigsFor(role, opts.kafkaVersion).get(anyDef.name)) || anyDef;
  const out: string[] = [];
  const roles = [role, ...(opts.alsoFor ?? []).filter((r) => r !== role)];
  out.push(`**${def.name}** · ${roles.map((r) => ROLE_LABEL[r]).join(', ')}`);
  if (opts.writtenAs && opts.writtenAs !== def.name) out.push(`Spring Boot property ${code(opts.writtenAs)} sets Kafka ${code(def.name)}.`);
  if (opts.note) out.push(opts.note);
  const facts: string[] = [`Type: ${code(def.type)}`];
  const d = defaultText(def);
  facts.push(d === undefined ? 'No default' : `Default: ${code(def.defaultDisplay && def.defaultDisplay !== d ? def.defaultDisplay : d)}`);
  if (def.validValuesRaw) facts.push(`Valid values: ${code(def.validValuesRaw)}`);
  facts.push(`Importance: ${def.importance}`);
  if (def.updateMode) facts.push(`Update mode: ${def.updateMode}`);
  out.push(facts.join(' · '));
  if (def.serverDefaultProperty) out.push(`Falls back to the broker's ${code(def.serverDefaultProperty)} when not set.`);
  for (const c of def.defaultChanges ?? []) {
    // The target predates the change: before the release that states it, else at or before the older compared docs.
    const older = opts.kafkaVersion && (c.statedInVersion ? compareVersions(opts.kafkaVersion, c.statedInVersion) < 0 : c.between[0] && compareVersions(opts.kafkaVersion, c.between[0]) <= 0);
    out.push(`Default changed from ${code(c.from)} to ${code(c.to)} between Kafka ${c.between.join(' and ')}${older ? ` — **for Kafka ${opts.kafkaVersion} the default is ${code(c.from)}**` : ''}.`);
  }
  if (anyDef.releases) {
    const a = configAvailability(anyDef, opts.kafkaVersion ?? KAFKA_CATALOG_LATEST);
    const missing = opts.kafkaVersion && a.state !== 'ok' ? ` — **Kafka ${opts.kafkaVersion} does not have it**` : '';
    const runs = anyDef.releases.length;
    if (runs > 1) out.push(`In Kafka ${configReleasesText(anyDef)}${missing}.`);
    else {
      if (anyDef.since) out.push(`Added in Kafka ${anyDef.since}${anyDef.removedIn ? '' : missing}.`);
      if (anyDef.removedIn) out.push(`Removed in Kafka ${anyDef.removedIn}${missing}.`);
    }
  }
  if (anyDef.internal) out.push('Kafka-internal setting: accepted, but not documented for users.');
  if (def.deprecated) {
    const note = typeof def.deprecated === 'object' && def.deprecated && 'note' in def.deprecated ? String((def.deprecated as { note: unknown }).note) : '';
    out.push(`**Deprecated**${note ? `: ${note}` : ''}.`);
  }
  const version = opts.kafkaVersion ? ` (target Kafka ${opts.kafkaVersion})` : '';
  out.push(`*${catalogueName(role)}${version}* · [Kafka documentation](${kafkaDocsUrl(role, def.name)})`);
  return out.join('\n\n');
}

/** Markdown for a key Kafka removed. */
export function removedMarkdown(role: KafkaConfigRole, removed: RemovedConfig): string {
  const since = typeof removed.absentIn === 'string' ? removed.absentIn : '4.0';
  const lines = [`**${removed.name}** · ${ROLE_LABEL[role]}`, `**Removed**: documented up to Kafka ${String(removed.lastSeenInComparedDocs ?? '3.9')}, gone in Kafka ${since}. Kafka ignores it or fails to start.`];
  if (removed.note) lines.push(String(removed.note).replace(/^./, (c) => c.toUpperCase()) + '.');
  return lines.join('\n\n');
}

export function roleLabel(role: KafkaConfigRole): string {
  return ROLE_LABEL[role];
}

// ---- KEDA -------------------------------------------------------------------------------------

/** The KEDA docs page of a Kafka trigger type, for the KEDA minor version. */
export function kedaScalerDocsUrl(triggerType: string, kedaVersion: string): string | undefined {
  const m = /(\d+)\.(\d+)/.exec(kedaVersion);
  const v = m ? `${m[1]}.${m[2]}` : 'latest';
  const page = /scalers\/([a-z0-9-]+)\.md/.exec(String(kedaKafkaScaler.triggerTypes[triggerType]?.docs ?? ''))?.[1];
  return page ? `https://keda.sh/docs/${v}/scalers/${page}/` : undefined;
}

/** Markdown for a Kafka trigger type (`kafka`, `apache-kafka`). */
export function kedaTriggerTypeMarkdown(triggerType: string): string | undefined {
  const t = kedaKafkaScaler.triggerTypes[triggerType];
  if (!t) return undefined;
  const url = kedaScalerDocsUrl(triggerType, kedaKafkaScaler.kedaVersion);
  const impl = typeof t.implementation === 'string' ? t.implementation.replace(/\s*\(.*?\)/, '') : '';
  const experimental = typeof t.implementation === 'string' && /experimental/.test(t.implementation);
  return [
    `**${triggerType}** · KEDA Kafka scaler${experimental ? ' (experimental)' : ''}`,
    `Scales on the lag of a consumer group${impl ? `; implemented with ${impl}` : ''}. ${t.parameters.length} parameters.`,
    `*KEDA ${kedaKafkaScaler.kedaVersion}*${url ? ` · [KEDA documentation](${url})` : ''}`,
  ].join('\n\n');
}

/** Whether a KEDA parameter may be written in the trigger's `metadata`. */
export function isTriggerMetadataParam(p: KedaScalerParameter): boolean {
  return (p.sources ?? []).some((s) => s.startsWith('triggerMetadata'));
}

export function isAuthParam(p: KedaScalerParameter): boolean {
  return (p.sources ?? []).some((s) => s.startsWith('authParams'));
}

export function kedaValueChoices(p: KedaScalerParameter): string[] {
  if (p.allowedValues?.length) return [...p.allowedValues];
  if (p.type === 'bool') return ['true', 'false'];
  return [];
}

/** Markdown for a KEDA kafka scaler parameter. */
export function kedaParamMarkdown(triggerType: string, p: KedaScalerParameter, kedaVersion: string): string {
  const out: string[] = [`**${p.name}** · KEDA \`${triggerType}\` trigger parameter`];
  const facts: string[] = [];
  if (p.type) facts.push(`Type: ${code(p.type)}`);
  if (p.required === true) facts.push('Required');
  else if (typeof p.required === 'string') facts.push(`Required: ${p.required}`);
  if (p.default !== undefined && p.default !== null) facts.push(`Default: ${code(String(p.default))}`);
  if (p.allowedValues?.length) facts.push(`Values: ${p.allowedValues.map(code).join(', ')}`);
  if (facts.length) out.push(facts.join(' · '));
  if (typeof p.format === 'string') out.push(`Format: ${p.format}`);
  const where: string[] = [];
  for (const s of p.sources ?? []) {
    if (s.startsWith('triggerMetadata')) where.push('trigger `metadata`');
    else if (s.startsWith('authParams')) where.push('TriggerAuthentication');
    else if (s.startsWith('resolvedEnv')) {
      const m = /\(([^)]+)\)/.exec(s);
      where.push(m ? `\`${m[1]}\` (from the workload's environment)` : "the workload's environment");
    }
  }
  if (where.length) out.push(`Set in: ${where.join(', ')}`);
  if (p.constraints?.length) out.push(p.constraints.map((c) => `- ${c}`).join('\n'));
  if (typeof p.riskNote === 'string') out.push(`Note: ${p.riskNote}`);
  out.push(`*KEDA ${kedaVersion} kafka scaler*`);
  return out.join('\n\n');
}
