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
import { resolveVersions, type ExplicitVersions, type Versions } from './versions';
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

  // 2. Resources: schema, then rules.
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

  const unique = dedupe(supersedeSchemaFindings(out));
  const marked = applySuppressions(file, unique);
  const kept = opts.includeSuppressed ? marked : marked.filter((f) => !f.suppressed);
  return kept.sort(compareFindings);
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
