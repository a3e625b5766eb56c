/** Completion: CR fields and enum values (schemas), Kafka config keys and values (catalogues), KEDA trigger metadata. */
import { kafkaConfigs, kafkaConfigsFor, isForbiddenStrimziConfig, kedaKafkaScaler, kedaTriggerParameters, strimziFacts, strimziKafkaVersions, type KafkaConfigDef, type KafkaConfigRole } from '../data/index';
import { springCanonical } from '../kafka-config';
import { DEFAULT_VERSIONS } from '../versions';
import type { Position, Range } from '../model';
import type { YamlPath } from '../parse/yaml';
import { asResource, type Resource } from '../resource';
import type { JsonSchema } from '../schema/store';
import { isSpringFileName, type SourceFile } from '../source';
import {
  isSpringDocument,
  kedaTriggerAt,
  operatorVersion,
  springKafkaKey,
  springMapKind,
  springName,
  springRoles,
  springSectionProperties,
  strimziConfigMap,
  versionsFor,
  type SpringSection,
} from './context';
import { isTriggerTypePath, propertiesRoles } from './hover';
import { configMarkdown, configValueChoices, defaultText, isAuthParam, isTriggerMetadataParam, kedaParamMarkdown, kedaValueChoices, roleLabel } from './kafka-docs';
import { enumValues, fieldsAt, isArraySchema, isObjectSchema, schemasAt, typeLabel, type SchemaField } from './schema-nav';
import type { CompletionItem, LanguageOptions } from './types';
import { topicName, type WorkspaceIndex } from '../workspace';
import { yamlCompletionContext, type YamlCompletionContext } from './yaml-cursor';

/** Completion items at a position of a parsed file (empty when there is nothing to offer). */
export function complete(file: SourceFile, position: Position, opts: LanguageOptions = {}): CompletionItem[] {
  if (file.yaml) return yamlCompletion(file, position, opts);
  if (file.properties) return propertiesCompletion(file, position, opts);
  return [];
}

// ---- YAML -------------------------------------------------------------------------------------

function yamlCompletion(file: SourceFile, position: Position, opts: LanguageOptions): CompletionItem[] {
  const ctx = yamlCompletionContext(file.yaml!, position);
  if (!ctx) return [];
  const head = headCompletion(ctx, opts);
  if (head) return head;
  const resource = asResource(ctx.doc, file.path);
  if (resource) return ctx.part === 'key' ? resourceKeys(resource, ctx, opts) : resourceValues(resource, ctx, opts);
  if (isSpringDocument(ctx.doc)) return ctx.part === 'key' ? springYamlKeys(ctx) : springYamlValues(ctx, opts);
  return [];
}

const HEAD_GROUPS = ['kafka.strimzi.io', 'keda.sh'];

/**
 * `apiVersion:` and `kind:` values of a document being started (Strimzi and KEDA kinds the schema store
 * serves, filtered by the other field when it is set), and the root keys once one of them is written.
 */
function headCompletion(ctx: YamlCompletionContext, opts: LanguageOptions): CompletionItem[] | undefined {
  const v = ctx.doc.value;
  const root = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const field = ctx.part === 'value' && ctx.path.length === 1 ? ctx.path[0] : undefined;
  if (field === 'apiVersion' || field === 'kind') {
    const served = HEAD_GROUPS.flatMap((g) => opts.schemas?.served?.(g) ?? []);
    const other = field === 'kind' ? root.apiVersion : root.kind;
    const seen = new Map<string, { detail: string; deprecated: boolean }>();
    for (const s of served) {
      if (typeof other === 'string' && other && (field === 'kind' ? s.apiVersion !== other : s.kind !== other)) continue;
      const value = field === 'kind' ? s.kind : s.apiVersion;
      const prev = seen.get(value);
      if (!prev || (prev.deprecated && !s.deprecated)) seen.set(value, { detail: `${s.product}${s.deprecated ? ' (deprecated)' : ''}`, deprecated: s.deprecated });
    }
    return [...seen].map(([value, d], i) => ({
      label: value,
      kind: 'value' as const,
      insertText: (ctx.needsSpace ? ' ' : '') + value,
      isSnippet: false,
      detail: d.detail,
      range: ctx.range,
      sortText: `${d.deprecated ? 1 : 0}${String(i).padStart(3, '0')}`,
      ...(d.deprecated ? { deprecated: true } : {}),
    }));
  }
  if (ctx.part === 'key' && ctx.path.length === 0 && !(typeof root.apiVersion === 'string' && typeof root.kind === 'string') && ('apiVersion' in root || 'kind' in root)) {
    const existing = new Set(ctx.existingKeys);
    return ['apiVersion', 'kind', 'metadata', 'spec']
      .filter((k) => !existing.has(k))
      .map((k, i) => ({ label: k, kind: 'property' as const, ...keyInsert(ctx, k, [], k === 'metadata' || k === 'spec' ? 'object' : 'scalar'), range: ctx.range, sortText: String(i) }));
  }
  return undefined;
}

function resourceKeys(resource: Resource, ctx: YamlCompletionContext, opts: LanguageOptions): CompletionItem[] {
  const existing = new Set(ctx.existingKeys);
  const cm = strimziConfigMap(resource, ctx.path);
  if (cm && cm.mapPath.length === ctx.path.length) {
    const versions = versionsFor(opts.versions, resource);
    const keep = (name: string) => !existing.has(name) && !(cm.forbiddenSection && isForbiddenStrimziConfig(cm.forbiddenSection, name));
    return configKeyItems([cm.role], keep, ctx, 'yaml', versions.kafka.value);
  }
  const trig = kedaTriggerAt(resource, ctx.path);
  if (trig && ctx.path.length === 4) {
    const items: CompletionItem[] = [];
    for (const p of kedaTriggerParameters(trig.type).values()) {
      if (!isTriggerMetadataParam(p) || existing.has(p.name)) continue;
      const choices = kedaValueChoices(p).map((v) => JSON.stringify(v));
      items.push({
        label: p.name,
        kind: 'property',
        ...keyInsert(ctx, p.name, choices, 'scalar'),
        detail: `${p.required === true ? 'required · ' : ''}${p.type ?? 'string'}${p.default !== undefined && p.default !== null ? ` · default ${String(p.default)}` : ''}`,
        documentation: kedaParamMarkdown(trig.type, p, kedaKafkaScaler.kedaVersion),
        range: ctx.range,
        sortText: `${p.required === true ? 0 : 1}${p.name}`,
        ...(opts.index && !ctx.colonFollows && WORKSPACE_VALUED.has(p.name) ? { retrigger: true } : {}),
      });
    }
    return items;
  }
  const schemaForItem = ctx.sequenceItem && ctx.existingKeys.length === 0 ? schemaOf(resource, opts) : undefined;
  if (schemaForItem) {
    // `- |` in a sequence of scalars: the item is a value, not a key.
    const cands = schemasAt(schemaForItem, ctx.path);
    if (cands.length > 0 && !cands.some(isObjectSchema)) {
      const siblings = resource.get(ctx.path.slice(0, -1));
      const used = new Set(Array.isArray(siblings) ? siblings.map(String) : []);
      const values = enumValues(cands).map(String).filter((v) => !used.has(v));
      return valueItems(values, { ...ctx, needsSpace: false }, undefined, true);
    }
  }
  const items: CompletionItem[] = [];
  if (ctx.path.length === 2 && ctx.path[0] === 'metadata' && ctx.path[1] === 'annotations') items.push(...annotationItems(resource, ctx, existing));
  if (ctx.path.length === 2 && ctx.path[0] === 'metadata' && ctx.path[1] === 'labels') items.push(...labelItems(resource, ctx, existing, opts.index));
  const schema = schemaOf(resource, opts);
  if (!schema) return items;
  for (const f of fieldsAt(schema, ctx.path)) {
    if (existing.has(f.name)) continue;
    const it = fieldItem(f, ctx);
    const versioned = resource.kind === 'Kafka' && ctx.path.join('.') === 'spec.kafka' && (f.name === 'version' || f.name === 'metadataVersion');
    items.push(versioned && !ctx.colonFollows ? { ...it, retrigger: true } : it);
  }
  return items;
}

function schemaOf(resource: Resource, opts: LanguageOptions): JsonSchema | undefined {
  const versions = versionsFor(opts.versions, resource);
  return opts.schemas?.schemaFor(resource.apiVersion, resource.kind, operatorVersion(resource, versions))?.schema;
}

function isDeprecated(s: JsonSchema): boolean {
  return typeof s.description === 'string' && /^\s*\**\s*deprecated/i.test(s.description);
}

function fieldItem(f: SchemaField, ctx: YamlCompletionContext): CompletionItem {
  const s = f.schema;
  const enums = enumValues([s]).map((v) => String(v));
  const shape = isArraySchema(s) ? 'array' : isObjectSchema(s) ? 'object' : 'scalar';
  const deprecated = isDeprecated(s);
  const doc = [typeof s.description === 'string' ? s.description.trim() : '', enums.length ? `Values: ${enums.map((v) => `\`${v}\``).join(', ')}` : '']
    .filter(Boolean)
    .join('\n\n');
  return {
    label: f.name,
    kind: 'property',
    ...keyInsert(ctx, f.name, enums, shape),
    detail: `${typeLabel(s)}${f.required ? ' · required' : ''}`,
    ...(doc ? { documentation: doc } : {}),
    range: ctx.range,
    sortText: `${f.required ? 0 : deprecated ? 9 : 1}${String(f.order).padStart(4, '0')}`,
    ...(deprecated ? { deprecated: true } : {}),
  };
}

/** Insert text for a key: `name: ` plus a snippet shaped by what the value is. */
function keyInsert(ctx: YamlCompletionContext, name: string, choices: readonly string[], shape: 'scalar' | 'object' | 'array'): { insertText: string; isSnippet: boolean } {
  const key = yamlKey(name);
  if (ctx.quoted) return { insertText: name, isSnippet: false };
  if (ctx.colonFollows) return { insertText: key, isSnippet: false };
  const k = escapeSnippet(key);
  if (choices.length > 0) {
    const shown = ctx.flow ? choices.map((c) => (/[,[\]{}]/.test(c) && !c.startsWith('"') ? JSON.stringify(c) : c)) : choices;
    return { insertText: `${k}: \${1|${shown.map(escapeChoice).join(',')}|}`, isSnippet: true };
  }
  if (ctx.flow) return { insertText: `${k}: $0`, isSnippet: true };
  if (shape === 'object') return { insertText: `${k}:\n  $0`, isSnippet: true };
  if (shape === 'array') return { insertText: `${k}:\n  - $0`, isSnippet: true };
  return { insertText: `${k}: $0`, isSnippet: true };
}

function yamlKey(name: string): string {
  return /^[A-Za-z0-9_.\/-]+$/.test(name) && !/^[-?]/.test(name) ? name : JSON.stringify(name);
}

/** A value as YAML text: quoted when YAML would read it as another type or it holds special characters. */
function yamlValue(v: string, keepPlainScalars: boolean): string {
  if (keepPlainScalars && (/^-?\d+$/.test(v) || v === 'true' || v === 'false')) return v;
  // Quote what YAML (1.1 as Kubernetes reads it, or 1.2) would not read as this string.
  const notString = /^(true|false|null|~|yes|no|on|off|y|n)$/i.test(v) || /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v) || /^0[xo]/i.test(v) || /^[-+]?\.(inf|nan)$/i.test(v);
  if (notString || /: |:$| #|^[-?:,[\]{}#&*!|>'"%@`]|^\s|\s$|^$/.test(v)) return JSON.stringify(v);
  return v;
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

function escapeChoice(s: string): string {
  return s.replace(/[$}\\,|]/g, '\\$&');
}

function annotationItems(resource: Resource, ctx: YamlCompletionContext, existing: Set<string>): CompletionItem[] {
  if (resource.group !== 'kafka.strimzi.io') return [];
  const out: CompletionItem[] = [];
  for (const a of strimziFacts.annotations as readonly { name: string; on: string; values?: readonly string[]; status?: string; note?: string }[]) {
    if (a.status || existing.has(a.name)) continue;
    const on = a.on.split(/[ ,()]+/);
    if (!on.includes(resource.kind) && !/any Strimzi custom resource/.test(a.on)) continue;
    const choices = (a.values ?? []).filter((v) => !v.startsWith('<') && !/\s/.test(v)).map((v) => JSON.stringify(v));
    out.push({
      label: a.name,
      kind: 'property',
      ...keyInsert(ctx, a.name, choices, 'scalar'),
      detail: `Strimzi annotation on ${a.on}`,
      ...(a.note ? { documentation: a.note } : {}),
      range: ctx.range,
      sortText: `2${a.name}`,
    });
  }
  return out;
}

const CLUSTER_LABELLED = new Set(['KafkaTopic', 'KafkaUser', 'KafkaNodePool', 'KafkaConnector', 'KafkaRebalance']);

/** KEDA trigger parameters whose values the workspace can suggest (the editor re-opens suggestions after the key). */
const WORKSPACE_VALUED = new Set(['bootstrapServers', 'topic', 'consumerGroup']);

function labelItems(resource: Resource, ctx: YamlCompletionContext, existing: Set<string>, index: WorkspaceIndex | undefined): CompletionItem[] {
  if (resource.group !== 'kafka.strimzi.io' || !CLUSTER_LABELLED.has(resource.kind) || existing.has('strimzi.io/cluster')) return [];
  const name = resource.kind === 'KafkaConnector' ? 'KafkaConnect' : 'Kafka';
  return [
    {
      label: 'strimzi.io/cluster',
      kind: 'property',
      ...keyInsert(ctx, 'strimzi.io/cluster', [], 'scalar'),
      detail: `the ${name} this ${resource.kind} belongs to`,
      documentation: `The name of the ${name} resource that manages this ${resource.kind}; without it the operator ignores the resource.`,
      range: ctx.range,
      sortText: '0strimzi.io/cluster',
      ...(index && !ctx.colonFollows ? { retrigger: true } : {}),
    },
  ];
}

function resourceValues(resource: Resource, ctx: YamlCompletionContext, opts: LanguageOptions): CompletionItem[] {
  const last = ctx.path[ctx.path.length - 1];
  const known = knownValues(resource, ctx.path, opts);
  if (known) return known.values.flatMap((v, i) => valueItems([v.value], ctx, undefined, known.plain).map((it) => ({ ...it, kind: 'value' as const, ...(v.detail ? { detail: v.detail } : {}), sortText: `${String(i).padStart(3, '0')}` })));
  const cm = strimziConfigMap(resource, ctx.path);
  if (cm && ctx.path.length === cm.mapPath.length + 1 && typeof last === 'string') {
    const def = configDef(cm.role, last, versionsFor(opts.versions, resource).kafka.value);
    return def ? valueItems(configValueChoices(def), ctx, defaultText(def), true) : [];
  }
  const trig = kedaTriggerAt(resource, ctx.path);
  if (trig && ctx.path.length === 5 && typeof last === 'string') {
    const p = kedaTriggerParameters(trig.type).get(last);
    return p ? valueItems(kedaValueChoices(p), ctx, p.default === undefined || p.default === null ? undefined : String(p.default), false) : [];
  }
  if (resource.group === 'keda.sh' && /TriggerAuthentication$/.test(resource.kind) && ctx.path.length === 4 && ctx.path[0] === 'spec' && last === 'parameter') {
    const used = new Set<string>();
    const list = resource.get(['spec', ctx.path[1]]);
    if (Array.isArray(list)) for (const it of list) if (it && typeof it === 'object' && typeof (it as Record<string, unknown>).parameter === 'string') used.add((it as Record<string, string>).parameter);
    const out: CompletionItem[] = [];
    for (const p of kedaTriggerParameters('kafka').values()) {
      if (!isAuthParam(p) || used.has(p.name)) continue;
      out.push({ label: p.name, kind: 'value', insertText: (ctx.needsSpace ? ' ' : '') + p.name, isSnippet: false, detail: p.type, documentation: kedaParamMarkdown('kafka', p, kedaKafkaScaler.kedaVersion), range: ctx.range, sortText: `1${p.name}` });
    }
    return out;
  }
  const schema = schemaOf(resource, opts);
  if (!schema) return [];
  const candidates = schemasAt(schema, ctx.path);
  const def = candidates.map((c) => c.default).find((d) => d !== undefined);
  return valueItems(enumValues(candidates).map((v) => String(v)), ctx, def === undefined ? undefined : String(def), true);
}

/**
 * Values known from facts and the workspace rather than the schema: supported Kafka versions and
 * metadata versions, cluster names, bootstrap addresses, topic names, consumer group ids.
 */
function knownValues(resource: Resource, path: YamlPath, opts: LanguageOptions): { values: { value: string; detail?: string }[]; plain: boolean } | undefined {
  const p = path.join('.');
  if (resource.kind === 'Kafka' && resource.group === 'kafka.strimzi.io' && (p === 'spec.kafka.version' || p === 'spec.kafka.metadataVersion')) {
    const strimzi = versionsFor(opts.versions, resource).strimzi.value;
    const facts = strimziKafkaVersions(strimzi);
    if (p === 'spec.kafka.version') {
      const list = [facts.defaultKafka, ...[...facts.supportedKafka].reverse().filter((v) => v !== facts.defaultKafka)];
      return { values: list.map((v) => ({ value: v, detail: v === facts.defaultKafka ? `default of Strimzi ${facts.strimzi}` : `supported by Strimzi ${facts.strimzi}` })), plain: true };
    }
    const kafka = resource.get(['spec', 'kafka', 'version']);
    const kv = typeof kafka === 'string' && facts.metadataVersionByKafka[kafka] ? kafka : facts.defaultKafka;
    const mv = facts.metadataVersionByKafka[kv];
    return mv ? { values: [{ value: mv, detail: `metadata version of Kafka ${kv}` }], plain: true } : undefined;
  }
  if (isTriggerTypePath(resource, path)) {
    return {
      values: Object.keys(kedaKafkaScaler.triggerTypes).map((t) => ({ value: t, detail: `KEDA Kafka scaler${/experimental/.test(String(kedaKafkaScaler.triggerTypes[t].implementation)) ? ' (experimental)' : ''}` })),
      plain: true,
    };
  }
  const index = opts.index;
  if (!index) return undefined;
  if (path.length === 3 && path[0] === 'metadata' && path[1] === 'labels' && path[2] === 'strimzi.io/cluster' && resource.group === 'kafka.strimzi.io') {
    const target = resource.kind === 'KafkaConnector' ? 'strimzi-connect' : 'strimzi-kafka';
    const names = unique(index.resources(target).filter((k) => k.sameNamespace(resource)).map((k) => k.name));
    return names.length ? { values: names.map((n) => ({ value: n, detail: `${resource.kind === 'KafkaConnector' ? 'KafkaConnect' : 'Kafka'} in the workspace` })), plain: true } : undefined;
  }
  const p5 = path.map((x) => (typeof x === 'number' ? '*' : x)).join('.');
  if (resource.kind === 'KafkaUser' && p5 === 'spec.authorization.acls.*.resource.name') {
    const type = resource.get([...path.slice(0, -1), 'type']);
    const names =
      type === 'topic'
        ? unique(index.resources('strimzi-topic').filter((t) => !resource.clusterLabel || t.clusterLabel === resource.clusterLabel).map((t) => topicName(t)))
        : type === 'group'
          ? consumerGroups(index)
          : [];
    return names.length ? { values: names.map((n) => ({ value: n, detail: type === 'topic' ? 'KafkaTopic in the workspace' : 'group.id in the workspace' })), plain: false } : undefined;
  }
  if (resource.kind === 'ScaledObject' && resource.group === 'keda.sh' && p5 === 'spec.scaleTargetRef.name') {
    const kind = resource.get(['spec', 'scaleTargetRef', 'kind']);
    const want = typeof kind === 'string' ? kind : 'Deployment';
    const names = unique(index.resources('k8s-workload').filter((w) => w.kind === want && w.sameNamespace(resource)).map((w) => w.name));
    return names.length ? { values: names.map((n) => ({ value: n, detail: `${want} in the workspace` })), plain: false } : undefined;
  }
  if (resource.group === 'keda.sh' && /^spec\.triggers\.\*\.authenticationRef\.name$/.test(p5)) {
    const kind = resource.get([...path.slice(0, -1), 'kind']);
    const cluster = kind === 'ClusterTriggerAuthentication';
    const list = index.resources(cluster ? 'keda-clustertriggerauthentication' : 'keda-triggerauthentication').filter((a) => cluster || a.sameNamespace(resource));
    const names = unique(list.map((a) => a.name));
    return names.length ? { values: names.map((n) => ({ value: n, detail: `${cluster ? 'ClusterTriggerAuthentication' : 'TriggerAuthentication'} in the workspace` })), plain: false } : undefined;
  }
  const trig = kedaTriggerAt(resource, path);
  if (trig && path.length === 5) {
    if (path[4] === 'bootstrapServers') {
      const list = bootstrapAddresses(index, resource.namespace);
      return list.length ? { values: list, plain: false } : undefined;
    }
    if (path[4] === 'topic') {
      const names = unique(index.resources('strimzi-topic').map((t) => topicName(t)));
      return names.length ? { values: names.map((n) => ({ value: n, detail: 'KafkaTopic in the workspace' })), plain: false } : undefined;
    }
    if (path[4] === 'consumerGroup') {
      const groups = consumerGroups(index);
      return groups.length ? { values: groups.map((g) => ({ value: g, detail: 'group.id in the workspace' })), plain: false } : undefined;
    }
  }
  return undefined;
}

function unique(list: readonly (string | undefined)[]): string[] {
  return [...new Set(list.filter((x): x is string => typeof x === 'string' && x !== ''))];
}

/** Group ids set by consumer configs of the workspace. */
function consumerGroups(index: WorkspaceIndex): string[] {
  const out: string[] = [];
  for (const set of index.configSets()) {
    if (set.role !== 'consumer' && set.role !== 'client') continue;
    const e = set.get('group.id');
    if (e && !e.dynamic && e.value) out.push(e.value);
  }
  return unique(out);
}

/**
 * Bootstrap addresses of the Strimzi clusters in the workspace: `<cluster>-kafka-bootstrap` for
 * `internal` listeners, `<cluster>-kafka-<listener>-bootstrap` for `cluster-ip` ones; namespace-qualified
 * (`.<ns>.svc`) when the client's namespace is not the cluster's.
 */
export function bootstrapAddresses(index: WorkspaceIndex, fromNamespace: string | undefined): { value: string; detail: string }[] {
  const out: { value: string; detail: string }[] = [];
  for (const k of index.resources('strimzi-kafka')) {
    const listeners = k.get(['spec', 'kafka', 'listeners']);
    if (!Array.isArray(listeners) || !k.name) continue;
    for (const l of listeners as Record<string, unknown>[]) {
      if (!l || typeof l !== 'object' || typeof l.port !== 'number') continue;
      const svc = l.type === 'internal' ? `${k.name}-kafka-bootstrap` : l.type === 'cluster-ip' ? `${k.name}-kafka-${String(l.name)}-bootstrap` : undefined;
      if (!svc) continue;
      const host = k.namespace && k.namespace !== fromNamespace ? `${svc}.${k.namespace}.svc` : svc;
      const auth = l.authentication && typeof l.authentication === 'object' ? (l.authentication as Record<string, unknown>).type : undefined;
      out.push({ value: `${host}:${l.port}`, detail: `Kafka/${k.name} listener ${String(l.name)}${l.tls ? ' (TLS' : ' (plain'}${auth ? `, ${String(auth)} auth)` : ')'}` });
    }
  }
  return out;
}

function valueItems(values: readonly string[], ctx: YamlCompletionContext, dflt: string | undefined, plainScalars: boolean): CompletionItem[] {
  return values.map((v, i) => ({
    label: v,
    kind: 'enum' as const,
    insertText: ctx.quoted ? v : (ctx.needsSpace ? ' ' : '') + (ctx.flow && /[,[\]{}]/.test(v) ? JSON.stringify(v) : yamlValue(v, plainScalars)),
    isSnippet: false,
    ...(v === dflt ? { detail: 'default' } : {}),
    filterText: v,
    range: ctx.range,
    sortText: `${v === dflt ? 0 : 1}${String(i).padStart(3, '0')}`,
  }));
}

// ---- Kafka config keys --------------------------------------------------------------------------

/** A key's definition as the target Kafka version has it (defaults, values), else from any release. */
function configDef(role: KafkaConfigRole, key: string, kafkaVersion: string | undefined): KafkaConfigDef | undefined {
  return (kafkaVersion ? kafkaConfigsFor(role, kafkaVersion).get(key) : undefined) ?? kafkaConfigs(role).get(key);
}

const IMPORTANCE: Record<string, number> = { high: 0, medium: 1, low: 2 };

/** Keys of the given roles (union; a key documented by several roles appears once). */
function configKeyItems(
  roles: readonly KafkaConfigRole[],
  keep: (name: string) => boolean,
  ctx: { range: Range; colonFollows?: boolean; flow?: boolean } & Partial<YamlCompletionContext>,
  style: 'yaml' | 'properties',
  kafkaVersion?: string,
  label?: (key: string) => { label: string; insert: string; filter?: string },
): CompletionItem[] {
  const byName = new Map<string, { role: KafkaConfigRole; def: KafkaConfigDef; roles: KafkaConfigRole[] }>();
  for (const role of roles) {
    // The keys the target Kafka version has (the default target without one), with its defaults; not internal ones.
    for (const def of kafkaConfigsFor(role, kafkaVersion ?? DEFAULT_VERSIONS.kafka).values()) {
      if (def.internal) continue;
      const prev = byName.get(def.name);
      if (prev) prev.roles.push(role);
      else if (keep(def.name)) byName.set(def.name, { role, def, roles: [role] });
    }
  }
  const items: CompletionItem[] = [];
  for (const { role, def, roles: rs } of byName.values()) {
    const l = label ? label(def.name) : { label: def.name, insert: def.name };
    const choices = configValueChoices(def);
    const d = defaultText(def);
    let insertText: string;
    let isSnippet = true;
    if (style === 'properties') {
      if (ctx.colonFollows) {
        insertText = l.insert;
        isSnippet = false;
      } else insertText = `${escapeSnippet(l.insert)}=${choices.length ? `\${1|${choices.map(escapeChoice).join(',')}|}` : '$0'}`;
    } else {
      const k = keyInsert(ctx as YamlCompletionContext, l.insert, choices, 'scalar');
      insertText = k.insertText;
      isSnippet = k.isSnippet;
    }
    items.push({
      label: l.label,
      kind: 'property',
      insertText,
      isSnippet,
      detail: `${def.type}${d !== undefined ? ` · default ${d.length > 40 ? d.slice(0, 37) + '…' : d}` : ''} · ${def.importance}${rs.length < roles.length || roles.length === 1 ? ` · ${rs.map(roleLabel).join(', ')}` : ''}`,
      documentation: configMarkdown(role, def, { kafkaVersion, alsoFor: rs }),
      range: ctx.range,
      sortText: `${def.deprecated ? 8 : IMPORTANCE[def.importance] ?? 3}${def.name}`,
      ...(l.filter ? { filterText: l.filter } : {}),
      ...(def.deprecated ? { deprecated: true } : {}),
    });
  }
  return items;
}

// ---- Spring Boot YAML -------------------------------------------------------------------------

function springYamlKeys(ctx: YamlCompletionContext): CompletionItem[] {
  const name = springName(ctx.path);
  const existing = new Set(ctx.existingKeys.map((k) => springCanonical(k)));
  if (springCanonical(name) === 'spring' && !existing.has('kafka')) {
    return [{ label: 'kafka', kind: 'property', ...keyInsert(ctx, 'kafka', [], 'object'), detail: 'Spring Boot Kafka properties', range: ctx.range, sortText: '0kafka' }];
  }
  const kind = springMapKind(name);
  if (!kind) return [];
  if (kind.kind === 'kafka') return configKeyItems(springRoles(kind.section), (k) => !existing.has(springCanonical(k)), ctx, 'yaml');
  return springPropertyItems(kind.section, existing, ctx, (n) => n, 'yaml');
}

function springPropertyItems(
  section: SpringSection,
  existing: Set<string>,
  ctx: { range: Range; colonFollows?: boolean } & Partial<YamlCompletionContext>,
  full: (relative: string) => string,
  style: 'yaml' | 'properties',
): CompletionItem[] {
  const items: CompletionItem[] = [];
  const structural = section === 'common' ? ['producer', 'consumer', 'admin', 'properties'] : ['properties'];
  for (const s of structural) {
    if (existing.has(springCanonical(s)) && style === 'yaml') continue;
    const k = style === 'yaml' ? keyInsert(ctx as YamlCompletionContext, s, [], 'object') : { insertText: full(s) + '.', isSnippet: false };
    items.push({
      label: full(s),
      kind: 'property',
      ...k,
      ...(style === 'properties' ? { retrigger: true } : {}),
      detail: s === 'properties' ? `any Kafka ${section === 'common' ? 'client' : section} config key` : `Spring Boot ${s} settings`,
      range: ctx.range,
      sortText: `0${s}`,
    });
  }
  const roles = springRoles(section);
  for (const p of springSectionProperties(section)) {
    if (existing.has(springCanonical(p.name))) continue;
    const found = roles.map((r) => ({ r, def: kafkaConfigs(r).get(p.key) })).find((x) => x.def);
    const choices = found ? configValueChoices(found.def!) : [];
    const label = full(p.name);
    let insertText: string;
    let isSnippet = true;
    if (style === 'yaml') ({ insertText, isSnippet } = keyInsert(ctx as YamlCompletionContext, p.name, choices, 'scalar'));
    else insertText = `${escapeSnippet(label)}=${choices.length ? `\${1|${choices.map(escapeChoice).join(',')}|}` : '$0'}`;
    items.push({
      label,
      kind: 'property',
      insertText,
      isSnippet,
      detail: `Kafka ${p.key}`,
      ...(found ? { documentation: configMarkdown(found.r, found.def!, { writtenAs: `spring.kafka.${section === 'common' ? '' : section + '.'}${p.name}` }) } : {}),
      range: ctx.range,
      sortText: `1${p.name}`,
    });
  }
  return items;
}

function springYamlValues(ctx: YamlCompletionContext, opts: LanguageOptions): CompletionItem[] {
  const m = springKafkaKey(springName(ctx.path));
  if (!m) return [];
  if (m.key === 'bootstrap.servers' && opts.index) {
    return bootstrapAddresses(opts.index, undefined).flatMap((b, i) => valueItems([b.value], ctx, undefined, false).map((it) => ({ ...it, kind: 'value' as const, detail: b.detail, sortText: String(i).padStart(3, '0') })));
  }
  const found = springRoles(m.section)
    .map((r) => configDef(r, m.key, opts.versions?.kafka?.value))
    .find((d) => d);
  return found ? valueItems(configValueChoices(found), ctx, defaultText(found), true) : [];
}

// ---- .properties ------------------------------------------------------------------------------

function propertiesCompletion(file: SourceFile, position: Position, opts: LanguageOptions): CompletionItem[] {
  const lines = file.lines;
  if (position.line >= lines.lineCount) return [];
  const text = lines.lineText(position.line);
  const before = text.slice(0, position.character);
  const lead = before.length - before.trimStart().length;
  if (/^[#!]/.test(before.trimStart())) return [];
  if (position.line > 0 && /(^|[^\\])(\\\\)*\\$/.test(lines.lineText(position.line - 1))) return []; // continuation line
  const sep = separatorIndex(text, lead);
  const spring = file.kind === 'spring' || isSpringFileName(file.path) || /^spring\./i.test(before.trimStart());
  const existing = new Set((file.properties?.entries ?? []).filter((e) => e.firstLine !== position.line).map((e) => (spring ? springCanonical(e.key) : e.key)));
  if (sep !== -1 && position.character > sep) {
    // A value.
    const key = text.slice(lead, sep).trim();
    let vs = sep + 1;
    while (vs < text.length && /\s/.test(text[vs])) vs++;
    const range: Range = { start: { line: position.line, character: Math.min(vs, position.character) }, end: { line: position.line, character: Math.max(Math.min(vs, position.character), text.trimEnd().length) } };
    let roles: KafkaConfigRole[];
    let kafkaKey = key;
    if (spring) {
      const m = springKafkaKey(key);
      if (!m) return [];
      roles = springRoles(m.section);
      kafkaKey = m.key;
    } else if (file.kind === 'kafka-properties') roles = propertiesRoles(file);
    else return [];
    if (kafkaKey === 'bootstrap.servers' && opts.index) {
      return bootstrapAddresses(opts.index, undefined).map((b, i) => ({ label: b.value, kind: 'value' as const, insertText: b.value, isSnippet: false, detail: b.detail, range, sortText: String(i).padStart(3, '0') }));
    }
    const def = roles.map((r) => configDef(r, kafkaKey, opts.versions?.kafka?.value)).find((d) => d);
    if (!def) return [];
    const dflt = defaultText(def);
    return configValueChoices(def).map((v, i) => ({ label: v, kind: 'enum' as const, insertText: v, isSnippet: false, ...(v === dflt ? { detail: 'default' } : {}), range, sortText: `${v === dflt ? 0 : 1}${String(i).padStart(3, '0')}` }));
  }
  // A key.
  let ke = lead;
  while (ke < text.length && !/[\s=:]/.test(text[ke])) ke++;
  const range: Range = { start: { line: position.line, character: lead }, end: { line: position.line, character: Math.max(ke, position.character) } };
  const colonFollows = sep !== -1;
  const prefix = before.slice(lead);
  if (spring) return springPropertiesKeys(prefix, existing, { range, colonFollows });
  if (file.kind !== 'kafka-properties') return [];
  return configKeyItems(propertiesRoles(file), (k) => !existing.has(k), { range, colonFollows }, 'properties', opts.versions?.kafka?.value);
}

/** Index of the key/value separator of a properties line (`=`, `:` or whitespace after the key), or -1. */
function separatorIndex(text: string, lead: number): number {
  let i = lead;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '=' || c === ':') return i;
    if (/\s/.test(c)) {
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      return j < text.length && (text[j] === '=' || text[j] === ':') ? j : i;
    }
    i++;
  }
  return -1;
}

function springPropertiesKeys(prefix: string, existing: Set<string>, ctx: { range: Range; colonFollows: boolean }): CompletionItem[] {
  const canon = springCanonical(prefix);
  for (const section of ['producer', 'consumer', 'admin', 'common'] as const) {
    const base = section === 'common' ? 'spring.kafka.properties.' : `spring.kafka.${section}.properties.`;
    if (canon.startsWith(base)) {
      const written = prefix.slice(0, prefix.toLowerCase().indexOf('properties.') + 'properties.'.length);
      return configKeyItems(springRoles(section), (k) => !existing.has(springCanonical(written + k)), ctx, 'properties', undefined, (k) => ({ label: k, insert: written + k, filter: written + k }));
    }
  }
  const items: CompletionItem[] = [];
  // Only names that continue what is typed up to its last dot (so `spring.kafka.consumer.` offers consumer names).
  const typedPath = canon.slice(0, canon.lastIndexOf('.') + 1);
  for (const section of ['common', 'producer', 'consumer', 'admin'] as const) {
    const base = section === 'common' ? 'spring.kafka.' : `spring.kafka.${section}.`;
    const rel = existing.size ? new Set([...existing].filter((k) => k.startsWith(springCanonical(base))).map((k) => k.slice(springCanonical(base).length))) : new Set<string>();
    for (const it of springPropertyItems(section, rel, ctx, (n) => base + n, 'properties')) {
      if (section !== 'common' && it.label === 'spring.kafka.properties') continue;
      if (/^spring\.kafka\.(producer|consumer|admin)$/.test(it.label)) continue;
      if (!springCanonical(it.label).startsWith(typedPath)) continue;
      items.push({ ...it, sortText: `${section === 'common' ? 0 : 1}${it.sortText}` });
    }
  }
  return items;
}

export type { YamlPath };
