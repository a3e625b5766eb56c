/** Hovers: CR fields (schema), Kafka config keys (catalogues), KEDA trigger parameters, findings (rule docs). */
import { isForbiddenStrimziConfig, kedaKafkaScaler, kedaTriggerParameters, strimziFacts, strimziKafkaVersions, type KafkaConfigRole } from '../data/index';
import { springCanonical } from '../kafka-config';
import { comparePositions, type Finding, type Position, type Range } from '../model';
import type { YamlPath } from '../parse/yaml';
import type { Resource } from '../resource';
import { sizingHint } from '../rules/cross/sizing';
import { ruleById } from '../rules/index';
import type { SourceFile } from '../source';
import {
  isSpringDocument,
  kedaTriggerAt,
  operatorVersion,
  springKafkaKey,
  springName,
  springRoles,
  strimziConfigMap,
  versionsFor,
} from './context';
import { CLIENT_ROLES, configMarkdown, findConfig, findRemoved, isAuthParam, kedaParamMarkdown, kedaTriggerTypeMarkdown, removedMarkdown, roleLabel } from './kafka-docs';
import { ruleSummaryMarkdown } from './rule-docs';
import { describedSchema, enumValues, fieldsAt, schemasAt, typeLabel } from './schema-nav';
import type { HoverResult, LanguageOptions } from './types';
import { documentAt, locate } from './yaml-cursor';

/** The hover at a position of a parsed file, or undefined when there is nothing to say. */
export function hover(file: SourceFile, position: Position, opts: LanguageOptions = {}): HoverResult | undefined {
  if (file.yaml) return yamlHover(file, position, opts);
  if (file.properties) return propertiesHover(file, position, opts);
  return undefined;
}

function yamlHover(file: SourceFile, position: Position, opts: LanguageOptions): HoverResult | undefined {
  const y = file.yaml!;
  const offset = y.lines.offset(position);
  const doc = documentAt(y, offset);
  if (!doc) return undefined;
  const loc = locate(doc, offset);
  if (!loc) return undefined;
  const range = y.lines.range(loc.start, loc.end);
  const resource = file.resources.find((r) => r.doc === doc);
  const md = resource ? resourceHover(resource, loc.path, loc.part, opts) : isSpringDocument(doc) ? springHover(springName(loc.path), opts) : undefined;
  return md ? { markdown: md, range } : undefined;
}

function resourceHover(resource: Resource, path: YamlPath, part: 'key' | 'value', opts: LanguageOptions): string | undefined {
  const versions = versionsFor(opts.versions, resource);
  const last = path[path.length - 1];
  const cm = strimziConfigMap(resource, path);
  if (cm && path.length === cm.mapPath.length + 1 && typeof last === 'string') {
    const forbidden = cm.forbiddenSection && isForbiddenStrimziConfig(cm.forbiddenSection, last);
    const note = forbidden
      ? `**Managed by Strimzi**: the Cluster Operator sets this option itself; a value in \`${cm.forbiddenSection!.split('.').slice(1).join('.')}\` is ignored.`
      : undefined;
    return configHover([cm.role], last, { kafkaVersion: versions.kafka.value, note }) ?? note;
  }
  const trig = kedaTriggerAt(resource, path);
  if (trig && path.length === 5 && typeof last === 'string') {
    const p = kedaTriggerParameters(trig.type).get(last);
    return p ? kedaParamMarkdown(trig.type, p, kedaKafkaScaler.kedaVersion) : undefined;
  }
  if (part === 'value' && isTriggerTypePath(resource, path)) {
    const v = resource.get(path);
    const md = typeof v === 'string' ? kedaTriggerTypeMarkdown(v) : undefined;
    if (md) return md;
  }
  if (
    part === 'value' &&
    resource.group === 'keda.sh' &&
    /TriggerAuthentication$/.test(resource.kind) &&
    path.length === 4 &&
    path[0] === 'spec' &&
    path[3] === 'parameter'
  ) {
    const name = resource.get(path);
    const p = typeof name === 'string' ? kedaTriggerParameters('kafka').get(name) : undefined;
    if (p && isAuthParam(p)) return kedaParamMarkdown('kafka', p, kedaKafkaScaler.kedaVersion);
  }
  if (path.length === 3 && path[0] === 'metadata' && resource.group.endsWith('strimzi.io') && typeof last === 'string') {
    const note = strimziMetadataNote(resource, path[1] as string, last);
    if (note) return note;
  }
  let extra: string | undefined;
  if (resource.kind === 'Kafka' && resource.group === 'kafka.strimzi.io' && path.join('.') === 'spec.kafka.version') {
    const f = strimziKafkaVersions(versions.strimzi.value);
    extra = `Strimzi ${f.strimzi} supports Kafka ${f.supportedKafka.map((v) => `\`${v}\``).join(', ')} (default \`${f.defaultKafka}\`; leaving it unset upgrades Kafka with the operator).`;
  }
  extra ??= sizingHint(resource, path, opts.index);
  return schemaHover(resource, path, opts, extra) ?? extra;
}

/** Hover for Strimzi labels and annotations (`strimzi.io/cluster`, `strimzi.io/pause-reconciliation`, …). */
function strimziMetadataNote(resource: Resource, section: string, key: string): string | undefined {
  if (section === 'labels' && key === 'strimzi.io/cluster') {
    const owner = resource.kind === 'KafkaConnector' ? 'KafkaConnect' : 'Kafka';
    return `**strimzi.io/cluster** · Strimzi label\n\nThe name of the ${owner} resource this ${resource.kind} belongs to. The operators select resources by this label (and, by default, only in the ${owner}'s namespace); without it the resource is ignored.`;
  }
  if (section !== 'annotations') return undefined;
  const a = (strimziFacts.annotations as readonly { name: string; on: string; values?: readonly string[]; status?: string; note?: string }[]).find((x) => x.name === key);
  if (!a) return undefined;
  const out = [`**${a.name}** · Strimzi annotation on ${a.on}`];
  if (a.values?.length) out.push(`Values: ${a.values.map((v) => `\`${v}\``).join(', ')}`);
  if (a.note) out.push(a.note.replace(/^./, (c) => c.toUpperCase()) + '.');
  if (a.status) out.push(`**${a.status.replace(/^./, (c) => c.toUpperCase())}.**`);
  return out.join('\n\n');
}

function schemaHover(resource: Resource, path: YamlPath, opts: LanguageOptions, extra?: string): string | undefined {
  const versions = versionsFor(opts.versions, resource);
  const found = opts.schemas?.schemaFor(resource.apiVersion, resource.kind, operatorVersion(resource, versions));
  if (!found || path.length === 0) return undefined;
  const candidates = schemasAt(found.schema, path);
  if (candidates.length === 0) return undefined;
  const s = describedSchema(candidates)!;
  const last = path[path.length - 1];
  const name = typeof last === 'number' ? `${String(path[path.length - 2] ?? '')}[${last}]` : last;
  const head: string[] = [`**${name}**`, `\`${typeLabel(candidates[0])}\``];
  if (typeof last === 'string') {
    const field = fieldsAt(found.schema, path.slice(0, -1)).find((f) => f.name === last);
    if (field?.required) head.push('required');
  }
  const out: string[] = [head.join(' · ')];
  if (typeof s.description === 'string' && s.description.trim()) out.push(s.description.trim());
  const facts: string[] = [];
  const enums = enumValues(candidates).filter((v) => typeof v !== 'boolean');
  if (enums.length) facts.push(`Values: ${enums.map((v) => `\`${String(v)}\``).join(', ')}`);
  const def = candidates.map((c) => c.default).find((d) => d !== undefined);
  if (def !== undefined) facts.push(`Default: \`${typeof def === 'object' ? JSON.stringify(def) : String(def)}\``);
  const min = candidates.map((c) => c.minimum).find((d) => d !== undefined);
  const max = candidates.map((c) => c.maximum).find((d) => d !== undefined);
  if (min !== undefined) facts.push(`Minimum: \`${min}\``);
  if (max !== undefined) facts.push(`Maximum: \`${max}\``);
  const pattern = candidates.map((c) => c.pattern).find((d) => d !== undefined);
  if (pattern) facts.push(`Pattern: \`${pattern}\``);
  if (facts.length) out.push(facts.join(' · '));
  if (extra) out.push(extra);
  out.push(`*${found.info.product} · ${found.info.apiVersion} ${found.info.kind}${found.info.deprecated ? ' (deprecated API version)' : ''}* · \`${pathText(path)}\``);
  return out.join('\n\n');
}

/** `spec.triggers[i].type` of a ScaledObject or ScaledJob. */
export function isTriggerTypePath(resource: Resource, path: YamlPath): boolean {
  return resource.group === 'keda.sh' && (resource.kind === 'ScaledObject' || resource.kind === 'ScaledJob') && path.length === 4 && path[0] === 'spec' && path[1] === 'triggers' && typeof path[2] === 'number' && path[3] === 'type';
}

/** `spec.kafka.listeners[0].port`. */
export function pathText(path: YamlPath): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

function configHover(
  roles: readonly KafkaConfigRole[],
  key: string,
  o: { kafkaVersion?: string; note?: string; writtenAs?: string },
): string | undefined {
  const found = findConfig(roles, key);
  if (found) {
    const alsoFor = roles.filter((r) => r !== found.role && findConfig([r], key));
    return configMarkdown(found.role, found.def, { ...o, alsoFor });
  }
  const removed = findRemoved(roles, key);
  if (removed) return removedMarkdown(removed.role, removed.removed);
  // A client key of another role (a consumer key in a producer file): say so, with that role's docs.
  if (roles.every((r) => CLIENT_ROLES.includes(r))) {
    const other = findConfig(CLIENT_ROLES.filter((r) => !roles.includes(r)), key);
    if (other) {
      const note = `**Not a ${roles.map(roleLabel).join(' or ')}**: Kafka documents it as a ${roleLabel(other.role)}; here the client ignores it (and logs that it is unknown).`;
      return configMarkdown(other.role, other.def, { ...o, note });
    }
  }
  return undefined;
}

function springHover(name: string, opts: LanguageOptions): string | undefined {
  const m = springKafkaKey(name);
  if (!m) return undefined;
  const passthrough = springCanonical(name).includes('.properties.') || springCanonical(name).startsWith('spring.kafka.properties.');
  return configHover(springRoles(m.section), m.key, {
    writtenAs: passthrough ? undefined : name,
    kafkaVersion: opts.versions?.kafka?.value,
  });
}

function propertiesHover(file: SourceFile, position: Position, opts: LanguageOptions): HoverResult | undefined {
  const props = file.properties!;
  const e = props.entries.find((x) => position.line >= x.firstLine && position.line <= x.lastLine);
  if (!e) return undefined;
  const onKey = inRange(e.keyRange, position);
  const onValue = inRange(e.valueRange, position);
  if (!onKey && !onValue) return undefined;
  const range = onKey ? e.keyRange : e.valueRange;
  let md: string | undefined;
  if (file.kind === 'spring' || e.key.toLowerCase().startsWith('spring.kafka.')) {
    md = springHover(e.key, opts);
  } else if (file.kind === 'kafka-properties') {
    md = configHover(propertiesRoles(file), e.key, { kafkaVersion: opts.versions?.kafka?.value });
  }
  return md ? { markdown: md, range } : undefined;
}

/** Catalogue roles for a Kafka client `.properties` file (a generic client file looks in all client roles). */
export function propertiesRoles(file: SourceFile): KafkaConfigRole[] {
  const roles = new Set<KafkaConfigRole>();
  for (const s of file.configSets) {
    if (s.role === 'client') CLIENT_ROLES.forEach((r) => roles.add(r));
    else roles.add(s.role);
  }
  return roles.size ? [...roles] : [...CLIENT_ROLES];
}

function inRange(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/**
 * A hover for the findings at a position: for each rule, why it matters and how to fix it, with a
 * link to its docs. The editor shows the finding's message itself, so it is not repeated.
 */
export function hoverForFindings(findings: readonly Finding[], position: Position): HoverResult | undefined {
  const here = findings.filter((f) => !f.suppressed && inRange(f.range, position));
  if (here.length === 0) return undefined;
  const seen = new Set<string>();
  const parts: string[] = [];
  let range: Range | undefined;
  for (const f of here) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const rule = ruleById(f.ruleId);
    if (!rule) continue;
    parts.push(ruleSummaryMarkdown(rule.meta, f));
    if (!range || size(f.range) < size(range)) range = f.range;
  }
  if (parts.length === 0 || !range) return undefined;
  return { markdown: parts.join('\n\n---\n\n'), range };
}

function size(r: Range): number {
  return (r.end.line - r.start.line) * 100000 + (r.end.character - r.start.character);
}
