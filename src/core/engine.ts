import type { ConfigSet } from './kafka-config';
import { compareFindings, type Finding, type Severity, type SeverityOverride } from './model';
import type { Resource } from './resource';
import { RULES, ruleById } from './rules/index';
import type { Report, Rule, RuleContext, RuleSettings } from './rules/types';
import type { SchemaStore } from './schema/store';
import { isKustomizePatch } from './schema/kustomize';
import { schemaReports } from './schema/validate';
import type { SourceFile } from './source';
import { applySuppressions } from './suppress';
import type { YamlDocument } from './parse/yaml';
import { compareVersions, resolveVersions, type ExplicitVersions, type Versions } from './versions';
import { WorkspaceIndex } from './workspace';

export interface EngineOptions {
  /** Versions set by flags, the config file or settings (first one wins; merged by the caller). */
  readonly versions?: ExplicitVersions;
  /** Per-rule severity overrides (`off` disables a rule). */
  readonly rules?: Readonly<Record<string, SeverityOverride>>;
  readonly settings?: Partial<RuleSettings>;
  /** Set false to leave schema validation to another tool (e.g. Red Hat YAML); rules still run. */
  readonly schemaValidation?: boolean;
  /**
   * The JSON schemas to validate resources against (core reads no files: pass `defaultSchemaStore()` from
   * `src/services/schemas.ts`). Without one, the schema pass is skipped.
   */
  readonly schemas?: SchemaStore;
  /** Keep suppressed findings in the result (marked `suppressed`), e.g. for SARIF. */
  readonly includeSuppressed?: boolean;
}

export const DEFAULT_SETTINGS: RuleSettings = {
  assumeCompleteWorkspace: false,
  thresholds: { maxPartitionsPerTopic: 1000, minLagThreshold: 10 },
};

/** Rules in the order they run, after severity overrides that turn some off. */
function activeRules(opts: EngineOptions): Rule[] {
  const o = opts.rules ?? {};
  return RULES.filter((r) => o[r.meta.id] !== 'off');
}

/** The Kafka version a resource's own manifest implies (its cluster's `spec.kafka.version`). */
export function manifestKafkaVersion(r: Resource, index: WorkspaceIndex): string | undefined {
  const kafka = r.target === 'strimzi-kafka' ? r : r.clusterLabel ? index.clusterOf(r) : undefined;
  const v = kafka?.get(['spec', 'kafka', 'version']);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/**
 * Lints one file against the workspace index. Pure and synchronous; a rule that throws is
 * reported as an `internal-error` finding instead of failing the whole lint.
 */
export function lintFile(file: SourceFile, index: WorkspaceIndex = WorkspaceIndex.of([file]), opts: EngineOptions = {}): Finding[] {
  const settings: RuleSettings = { ...DEFAULT_SETTINGS, ...opts.settings, thresholds: { ...DEFAULT_SETTINGS.thresholds, ...opts.settings?.thresholds } };
  const explicit = opts.versions ?? {};
  const baseVersions = resolveVersions(explicit);
  const overrides = opts.rules ?? {};
  const out: Finding[] = [];
  const rules = activeRules(opts);

  const emit = (ruleId: string, defaultSeverity: Severity, r: Report, resource?: Resource) => {
    if (!r.range) {
      // A rule bug: a finding without a place would break every consumer; say so where the resource starts.
      r = { message: `Rule ${ruleId} reported "${r.message}" without a position. Please report this.`, range: resource ? resource.doc.headRange() : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
      ruleId = 'internal-error';
      defaultSeverity = 'error';
    }
    const o = overrides[ruleId];
    if (o === 'off') return;
    const severity: Severity = o && o !== 'default' ? o : r.severity ?? defaultSeverity;
    out.push({
      ruleId,
      severity,
      message: r.message,
      file: file.path,
      range: r.range,
      ...(r.fix ? { fix: r.fix } : {}),
      ...(r.suggestions?.length ? { suggestions: r.suggestions } : {}),
      ...(r.related?.length ? { related: r.related } : {}),
      ...(resource ? { resource: resource.identity } : {}),
    });
  };

  const run = (rule: Rule, versions: Versions, fn: (ctx: RuleContext) => void, resource?: Resource) => {
    const ctx: RuleContext = {
      file,
      versions,
      index,
      settings,
      report: (r) => emit(rule.meta.id, rule.meta.defaultSeverity, r, resource),
    };
    try {
      fn(ctx);
    } catch (e) {
      emit('internal-error', 'error', {
        range: resource ? resource.doc.headRange() : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `Rule ${rule.meta.id} failed on this file: ${e instanceof Error ? e.message : String(e)}. Please report this.`,
      });
    }
  };

  // 0. Not text (NUL bytes): one notice, nothing else is read.
  if (file.binary) {
    const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (/^(?:[^\0]\0){2}|^(?:\0[^\0]){2}/.test(file.text.slice(0, 4))) {
      emit('syntax-error', 'error', { range: start, message: 'This file is UTF-16 without a byte-order mark (every other byte is NUL): kubectl, Helm and Java read it as UTF-8 and fail, and it is not linted. Save it as UTF-8.' });
    } else {
      emit('file-skipped', 'info', { range: start, message: 'This file holds NUL bytes, so it is not text (a binary or encrypted file, e.g. git-crypt): it is not linted.' });
    }
    return out;
  }

  // 1. Syntax.
  if (file.yaml) {
    const y = file.yaml;
    if (y.templated) {
      const broken = new Set(y.syntaxErrors.map((e) => e.documentIndex));
      emit('helm-template', 'info', {
        range: file.lines.range(y.templateRanges[0][0], y.templateRanges[0][1]),
        message:
          broken.size > 0
            ? `Template syntax ({{ ... }}): ${broken.size} document(s) could not be parsed and were skipped; templated values are not checked. Lint the rendered output (helm template) for a full check.`
            : 'Template syntax ({{ ... }}): templated values are not checked. Lint the rendered output (helm template) for a full check.',
      });
    } else {
      for (const e of y.syntaxErrors) emit('syntax-error', 'error', { range: e.range, message: `YAML syntax error: ${e.message}` });
    }
  }
  if (file.properties) {
    if (file.kind !== 'properties') {
      for (const r of file.properties.malformedEscapes) {
        emit('syntax-error', 'error', { range: r, message: `Malformed \\uXXXX escape: a \\u must be followed by four hex digits. Java's Properties.load (and Spring Boot) throw "Malformed \\uxxxx encoding", so the application does not start. Write the character itself, or escape the backslash as \\\\.` });
      }
    }
    const dupRule = ruleById('properties-duplicate-key');
    if (dupRule && overrides[dupRule.meta.id] !== 'off' && file.kind !== 'properties') {
      for (const d of file.properties.duplicates) {
        emit(dupRule.meta.id, dupRule.meta.defaultSeverity, {
          range: d.entry.keyRange,
          message: `Duplicate key '${d.entry.key}': this value overrides the one on line ${d.first.firstLine + 1}.`,
          related: [{ file: file.path, range: d.first.keyRange, message: 'First set here' }],
        });
      }
    }
  }

  // 2. Resources: schema, then rules. A Strimzi or KEDA kind without a usable apiVersion (or the reverse) is no
  // resource to the rules, and Kubernetes rejects it: say so rather than nothing.
  if (file.yaml && !file.yaml.templated) {
    const resourceDocs = new Set(file.resources.map((r) => r.doc.index));
    for (const doc of file.yaml.documents) {
      if (resourceDocs.has(doc.index) || doc.hasErrors) continue;
      for (const r of identityReports(doc, baseVersions)) emit(r.ruleId, 'error', r.report);
    }
  }
  const brokenDocs = new Set(file.yaml?.templated ? file.yaml.syntaxErrors.map((e) => e.documentIndex) : []);
  for (const res of file.resources) {
    if (brokenDocs.has(res.doc.index)) continue;
    const versions = resolveVersions(explicit, { kafka: manifestKafkaVersion(res, index) });
    if (opts.schemaValidation !== false) {
      for (const s of schemaReports(res, versions, opts.schemas, { partial: isKustomizePatch(index, file.path) })) {
        if (res.doc.file.templateRanges.length > 0 && isTemplatedRange(file, s.report.range)) continue;
        emit(s.ruleId, s.severity ?? ruleById(s.ruleId)?.meta.defaultSeverity ?? 'error', s.report, res);
      }
    }
    for (const rule of rules) {
      if (!rule.resource || !targetsResource(rule, res)) continue;
      run(rule, versions, (ctx) => rule.resource!(res, ctx), res);
    }
  }

  // 3. Kafka config sets.
  for (const set of file.configSets) {
    if (set.resource && brokenDocs.has(set.resource.doc.index)) continue;
    const versions = set.resource ? resolveVersions(explicit, { kafka: manifestKafkaVersion(set.resource, index) }) : baseVersions;
    const before = out.length;
    for (const rule of rules) {
      if (!rule.config || !targetsConfig(rule, set)) continue;
      run(rule, versions, (ctx) => rule.config!(set, ctx), set.resource);
    }
    // Code may set a key elsewhere (another method, a builder, a file): findings about absent keys are left out there.
    if (set.origin === 'code') {
      const a = set.anchor;
      const kept = out.slice(before).filter((f) => !(f.range.start.line === a.start.line && f.range.start.character === a.start.character && f.range.end.line === a.end.line && f.range.end.character === a.end.character));
      out.splice(before, out.length - before, ...kept);
    }
  }

  // 4. File-level rules.
  for (const rule of rules) if (rule.file) run(rule, baseVersions, (ctx) => rule.file!(file, ctx));

  if (file.yaml && file.yaml.syntaxErrors.length > 0) demoteFixesInBrokenDocuments(file, out);
  const unique = dedupe(supersedeSchemaFindings(out));
  const marked = applySuppressions(file, unique);
  const kept = opts.includeSuppressed ? marked : marked.filter((f) => !f.suppressed);
  return kept.sort(compareFindings);
}

/** Kinds of the operators we lint, by API group (kinds a document names without an apiVersion). */
const OUR_KINDS: Readonly<Record<string, string>> = {
  Kafka: 'kafka.strimzi.io',
  KafkaNodePool: 'kafka.strimzi.io',
  KafkaTopic: 'kafka.strimzi.io',
  KafkaUser: 'kafka.strimzi.io',
  KafkaConnect: 'kafka.strimzi.io',
  KafkaConnector: 'kafka.strimzi.io',
  KafkaMirrorMaker2: 'kafka.strimzi.io',
  KafkaBridge: 'kafka.strimzi.io',
  KafkaRebalance: 'kafka.strimzi.io',
  ScaledObject: 'keda.sh',
  ScaledJob: 'keda.sh',
  TriggerAuthentication: 'keda.sh',
  ClusterTriggerAuthentication: 'keda.sh',
};

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `the ${typeof v} ${String(v)}`;
}

/** Findings for a document that names a Strimzi/KEDA kind or apiVersion but lacks the other (or has a non-string one). */
function identityReports(doc: YamlDocument, versions: Versions): { ruleId: string; report: Report }[] {
  const v = doc.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
  const { apiVersion, kind } = v as Record<string, unknown>;
  const group = typeof kind === 'string' ? OUR_KINDS[kind] : undefined;
  const apiGroup = typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : undefined;
  const ours = apiGroup === 'kafka.strimzi.io' || apiGroup === 'keda.sh';
  if (group && (apiVersion === undefined || apiVersion === null || apiVersion === '')) {
    const api = group === 'keda.sh' ? 'keda.sh/v1alpha1' : compareVersions(versions.strimzi.value, '0.49.0') < 0 ? 'kafka.strimzi.io/v1beta2' : 'kafka.strimzi.io/v1';
    const range = doc.keyRange(['kind']) ?? doc.headRange();
    const lines = doc.file.lines;
    const before = lines.lineText(range.start.line).slice(0, range.start.character);
    const hasKey = doc.pair(['apiVersion'], true) !== undefined;
    const fix = !hasKey && /^[ \t]*$/.test(before) ? { title: `Add apiVersion: ${api}`, edits: [{ range: { start: { line: range.start.line, character: 0 }, end: { line: range.start.line, character: 0 } }, newText: `${before}apiVersion: ${api}\n` }] } : undefined;
    return [{ ruleId: 'schema-required-field', report: { range, message: `kind: ${kind} without an apiVersion: Kubernetes rejects the document ("apiVersion not set"), and nothing in it is checked. Add apiVersion: ${api}.`, ...(fix ? { fix } : {}) } }];
  }
  if (group && typeof apiVersion !== 'string') {
    return [{ ruleId: 'schema-type', report: { range: doc.valueRange(['apiVersion']) ?? doc.headRange(), message: `'apiVersion' must be a string such as ${group}/${group === 'keda.sh' ? 'v1alpha1' : 'v1'}, not ${describeValue(apiVersion)}; Kubernetes rejects the document, and nothing in it is checked.` } }];
  }
  if (ours && (kind === undefined || kind === null || kind === '')) {
    return [{ ruleId: 'schema-required-field', report: { range: doc.keyRange(['apiVersion']) ?? doc.headRange(), message: `apiVersion: ${String(apiVersion)} without a kind: Kubernetes rejects the document ("kind not set"), and nothing in it is checked. Add the kind (${Object.keys(OUR_KINDS).filter((k) => OUR_KINDS[k] === apiGroup).join(', ')}).` } }];
  }
  if (ours && typeof kind !== 'string') {
    return [{ ruleId: 'schema-type', report: { range: doc.valueRange(['kind']) ?? doc.headRange(), message: `'kind' must be a string such as ${apiGroup === 'keda.sh' ? 'ScaledObject' : 'Kafka'}, not ${describeValue(kind)}; Kubernetes rejects the document, and nothing in it is checked.` } }];
  }
  return [];
}

/**
 * In a document the parser could not fully read, positions may not mean what a fix assumes: applied blindly
 * (--fix, fix-all on save) a fix can make things worse, or be offered again and again. There a fix is only
 * offered as a suggestion, for a person to choose.
 */
function demoteFixesInBrokenDocuments(file: SourceFile, findings: Finding[]): void {
  const broken = file.yaml!.documents.filter((d) => d.hasErrors).map((d) => [d.startOffset, d.endOffset] as const);
  if (broken.length === 0) return;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (!f.fix) continue;
    const at = file.lines.offset(f.range.start);
    if (!broken.some(([s, e]) => at >= s && at <= e)) continue;
    const { fix, ...rest } = f;
    findings[i] = { ...rest, suggestions: [fix, ...(f.suggestions ?? [])] };
  }
}

function isTemplatedRange(file: SourceFile, r: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
  const y = file.yaml!;
  return y.isTemplated(file.lines.offset(r.start), file.lines.offset(r.end));
}

function targetsResource(rule: Rule, r: Resource): boolean {
  const t = rule.meta.targets;
  if (r.target && t.includes(r.target)) return true;
  if (t.includes('strimzi-any') && r.group === 'kafka.strimzi.io') return true;
  if (t.includes('keda-any') && r.group === 'keda.sh') return true;
  return false;
}

function targetsConfig(rule: Rule, set: ConfigSet): boolean {
  return rule.meta.targets.some((t) => t.startsWith('config-') && set.matches(t));
}

/**
 * A dedicated rule's finding says more than a generic "unknown field/kind/apiVersion" schema finding at the
 * same spot (e.g. `strimzi-zookeeper-removed` vs "unknown field 'zookeeper'"), so the schema finding gives way.
 */
function supersedeSchemaFindings(findings: Finding[]): Finding[] {
  const at = (f: Finding) => `${f.range.start.line}:${f.range.start.character}`;
  const ruleSpots = new Set<string>();
  for (const f of findings) if (!f.ruleId.startsWith('schema-') && f.ruleId !== 'internal-error') ruleSpots.add(at(f));
  if (ruleSpots.size === 0) return findings;
  return findings.filter((f) => !f.ruleId.startsWith('schema-unknown-') || !ruleSpots.has(at(f)));
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const k = `${f.ruleId}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}

/** Lints every file of an index. */
export function lintIndex(index: WorkspaceIndex, opts: EngineOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const f of index.allFiles()) out.push(...lintFile(f, index, opts));
  return out.sort(compareFindings);
}

export type { ConfigSet };
