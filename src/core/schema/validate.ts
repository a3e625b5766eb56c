/**
 * Schema validation of Kubernetes resources with ajv, mapped onto exact YAML ranges.
 *
 * One ajv instance for the process; each schema object is compiled once (cached by identity, and the
 * store's loader hands out the same object every time), so memory stays flat however many documents
 * are linted. ajv errors are translated into `schema-*` findings:
 *   unknown property → the key (`schema-unknown-field`, "did you mean", rename fix for one close match);
 *   missing required → the parent key (`schema-required-field`);
 *   wrong type → the value (`schema-type`, quote/unquote fix where that is the obvious repair);
 *   enum → the value (`schema-enum`, fix for one close match);
 *   anything else (minimum, pattern, format, oneOf, …) → the value (`schema-invalid`).
 * oneOf/anyOf branch errors are collapsed into one message about the alternatives.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Fix, Range, Severity } from '../model';
import type { YamlDocument, YamlPath } from '../parse/yaml';
import type { Resource } from '../resource';
import type { Report } from '../rules/types';
import { compareVersions, type Versions } from '../versions';
import type { JsonSchema, SchemaStore, SchemaValidator, ServedApi } from './store';
import { AJV_OPTIONS, FORMATS } from './ajv-setup';
import { compactSchema } from './compact';
import { closeMatches, quoteList } from '../suggest';

/** A schema finding: its `schema-*` rule id and what to report. */
export interface SchemaReport {
  readonly ruleId: string;
  readonly severity?: Severity;
  readonly report: Report;
}

export const SCHEMA_RULE_IDS = [
  'schema-unknown-field',
  'schema-required-field',
  'schema-type',
  'schema-enum',
  'schema-invalid',
  'schema-unknown-kind',
  'schema-unknown-api-version',
] as const;
export type SchemaRuleId = (typeof SCHEMA_RULE_IDS)[number];

/** Kinds that a dedicated rule reports when used (e.g. `strimzi-deprecated-api` for MirrorMaker 1). */
const REMOVED_KINDS: Readonly<Record<string, readonly string[]>> = { 'kafka.strimzi.io': ['KafkaMirrorMaker'] };

/** `kafka.strimzi.io/v1` is served from this Strimzi release on. */
const STRIMZI_V1_SINCE = '0.49.0';

/** Plain scalars that YAML 1.1 (Kubernetes' reader) takes as booleans and YAML 1.2 as strings. */
const YAML11_BOOL = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
/** A document that may hold such a plain value (a cheap test before walking it). */
const YAML11_VALUE = /(?:^|[\s:,[{-])(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)[ \t]*(?:$|[,\]}#\r])/m;
const QUANTITY_PATTERN = '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

let ajv: Ajv | undefined;
const compiled = new WeakMap<object, SchemaValidator>();
let compileCount = 0;

function instance(): Ajv {
  ajv ??= new Ajv({ ...AJV_OPTIONS, formats: FORMATS });
  return ajv;
}

/**
 * The validator of a schema object: the one compiled ahead of time when the store has it (see
 * `src/tools/gen-validators.mjs`), else compiled here on first use; cached either way.
 */
export function validatorFor(schema: JsonSchema, precompiled?: () => SchemaValidator | undefined): SchemaValidator {
  let v = compiled.get(schema);
  if (!v) {
    v = precompiled?.();
    if (!v) {
      v = instance().compile(compactSchema(schema) as object);
      compileCount++;
    }
    compiled.set(schema, v);
  }
  return v;
}

/** How many schemas this process has compiled (for the benchmark's "no per-document compiles" check). */
export function schemaCompileCount(): number {
  return compileCount;
}

/** The operator release whose schemas apply to a resource's API group. */
export function operatorVersionFor(group: string, versions: Versions): string | undefined {
  if (group === 'keda.sh') return versions.keda.value;
  if (group.endsWith('strimzi.io')) return versions.strimzi.value;
  return undefined;
}

export interface SchemaCheckOptions {
  /** The resource is partial (a Kustomize patch): required fields may come from the base. */
  readonly partial?: boolean;
}

/**
 * Validates a resource against the JSON schema for its apiVersion/kind and the target versions.
 * Without a store (core has no files of its own) there is nothing to validate against.
 */
export function schemaReports(resource: Resource, versions: Versions, store?: SchemaStore, opts: SchemaCheckOptions = {}): SchemaReport[] {
  // A document the YAML parser could not fully read gets its syntax error first; its partial value
  // would only add confusing schema findings.
  if (!store || (resource.doc.hasErrors && !resource.doc.file.templated)) return [];
  try {
    const out = new Validation(resource, versions, store).run();
    return opts.partial ? out.filter((r) => r.ruleId !== 'schema-required-field') : out;
  } catch (e) {
    return [
      {
        ruleId: 'internal-error',
        severity: 'error',
        report: { range: resource.doc.headRange(), message: `Schema validation failed on this resource: ${e instanceof Error ? e.message : String(e)}. Please report this.` },
      },
    ];
  }
}

type Data = unknown;

class Validation {
  private readonly out: SchemaReport[] = [];
  private readonly doc: YamlDocument;
  private root: JsonSchema | undefined;

  constructor(
    private readonly res: Resource,
    private readonly versions: Versions,
    private readonly store: SchemaStore,
  ) {
    this.doc = res.doc;
  }

  private add(ruleId: SchemaRuleId, range: Range, message: string, fix?: Fix): void {
    this.out.push({ ruleId, report: fix ? { range, message, fix } : { range, message } });
  }

  run(): SchemaReport[] {
    const res = this.res;
    const target = operatorVersionFor(res.group, this.versions);
    const hit = this.store.schemaFor(res.apiVersion, res.kind, target);
    if (!hit) {
      this.unknownType(target);
      return this.out;
    }
    this.root = hit.schema;
    if (res.group === 'kafka.strimzi.io' && res.version === 'v1' && target && strimziBeforeV1(target)) {
      const src = this.versions.strimzi.source === 'default' ? '' : ` (${sourceName(this.versions.strimzi.source)})`;
      this.add(
        'schema-unknown-api-version',
        this.doc.valueRange(['apiVersion']) ?? this.doc.headRange(),
        `${res.apiVersion} is served from Strimzi ${STRIMZI_V1_SINCE} on; the target Strimzi ${target}${src} only serves kafka.strimzi.io/v1beta2.`,
      );
    }
    const validate = validatorFor(hit.schema, this.store.precompiled && (() => this.store.precompiled!(hit.info)));
    const value = this.doc.value;
    this.yaml11Strings();
    if (validate(value)) return this.out;
    this.translate(collapse((validate.errors ?? []) as ErrorObject[]), value);
    return this.out;
  }

  // ---- unknown kind / apiVersion ----------------------------------------------------------------

  private unknownType(target: string | undefined): void {
    const res = this.res;
    const served = this.store.served?.(res.group) ?? [];
    if (served.length === 0) return; // a group we have no schemas for: not ours to judge
    const sameKind = served.filter((s) => s.kind === res.kind);
    if (sameKind.length === 0) {
      if (REMOVED_KINDS[res.group]?.includes(res.kind)) return;
      const kinds = [...new Set(served.map((s) => s.kind))].filter((k) => k !== 'StrimziPodSet').sort();
      const close = closeMatches(res.kind, kinds);
      const range = this.doc.valueRange(['kind']) ?? this.doc.headRange();
      const hint = close.length ? `: did you mean ${quoteList(close)}?` : `. Known kinds: ${kinds.join(', ')}.`;
      this.add(
        'schema-unknown-kind',
        range,
        `Unknown kind '${res.kind}' in ${res.group}${hint}`,
        close.length === 1 ? { title: `Change kind to '${close[0]}'`, edits: [{ range, newText: close[0] }] } : undefined,
      );
      return;
    }
    const range = this.doc.valueRange(['apiVersion']) ?? this.doc.headRange();
    const release = chooseRelease(sameKind, target);
    const preferred = [...new Set(sameKind.filter((s) => s.operatorVersion === release && !s.deprecated).map((s) => s.apiVersion))];
    this.add(
      'schema-unknown-api-version',
      range,
      `${res.kind} is not served as ${res.apiVersion}. Served: ${describeServed(sameKind)}.`,
      preferred.length === 1 ? { title: `Change apiVersion to ${preferred[0]}`, edits: [{ range, newText: preferred[0] }] } : undefined,
    );
  }

  // ---- ajv errors → findings ----------------------------------------------------------------------

  /** Per parent path (JSON): the names that unknown-field findings suggest renaming to. */
  private readonly renamedTo = new Map<string, Set<string>>();

  private translate(errors: ErrorObject[], value: Data): void {
    const missing = new Map<string, { path: YamlPath; names: string[] }>();
    const seen = new Set<string>();
    for (const e of errors) {
      const path = toPath(e.instancePath, value);
      const key = `${e.keyword}|${e.instancePath}|${JSON.stringify(e.params)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      switch (e.keyword) {
        case 'additionalProperties':
          this.unknownField(path, String((e.params as { additionalProperty: string }).additionalProperty), e);
          break;
        case 'required': {
          const k = JSON.stringify(path);
          const m = missing.get(k) ?? { path, names: [] };
          m.names.push(String((e.params as { missingProperty: string }).missingProperty));
          missing.set(k, m);
          break;
        }
        case 'type':
          this.wrongType(path, e);
          break;
        case 'enum':
          this.badEnum(path, e);
          break;
        case 'oneOf':
        case 'anyOf':
          this.alternatives(path, e);
          break;
        default:
          this.invalid(path, e);
      }
    }
    for (const m of missing.values()) {
      // A misspelt required field is reported once, as the unknown field with its rename.
      const renamed = this.renamedTo.get(JSON.stringify(m.path));
      const names = renamed ? m.names.filter((n) => !renamed.has(n)) : m.names;
      if (names.length > 0) this.missingFields(m.path, names);
    }
  }

  private unknownField(parent: YamlPath, key: string, e: ErrorObject): void {
    if (key === '<<') return; // YAML merge key: Kubernetes' YAML reader merges it
    const path = [...parent, key];
    if (this.templatedAt(parent)) return;
    const allowed = Object.keys((e.parentSchema as JsonSchema | undefined)?.properties ?? {});
    const present = e.data && typeof e.data === 'object' ? new Set(Object.keys(e.data as object)) : new Set<string>();
    const close = closeMatches(
      key,
      allowed.filter((a) => !present.has(a)),
    );
    const range = this.keyRangeOf(path);
    let message = `Unknown field '${key}' in ${where(parent, this.res.kind)}`;
    let fix: Fix | undefined;
    const removed = this.removedInV1(path);
    if (close.length > 0) {
      const k = JSON.stringify(parent);
      this.renamedTo.set(k, new Set([...(this.renamedTo.get(k) ?? []), ...close]));
      message += `: did you mean ${quoteList(close)}?`;
      if (close.length === 1) fix = { title: `Rename '${key}' to '${close[0]}'`, edits: [{ range, newText: close[0] }] };
    } else if (removed) {
      message += `: ${removed}.`;
    } else {
      const moved = this.misplaced(parent, key);
      if (moved) message += `: '${key}' belongs ${moved}; check its indentation.`;
      else if (allowed.length > 0 && allowed.length <= 12) message += `. Known fields: ${allowed.join(', ')}.`;
      else message += '.';
    }
    this.add('schema-unknown-field', range, message, fix);
  }

  /** For a `kafka.strimzi.io/v1` field that only the older `v1beta2` had, says so. */
  private removedInV1(path: YamlPath): string | undefined {
    const res = this.res;
    if (res.group !== 'kafka.strimzi.io' || res.version !== 'v1') return undefined;
    const old = this.store.schemaFor(`${res.group}/v1beta2`, res.kind);
    if (!old) return undefined;
    return schemaAt(old.schema, path) ? `kafka.strimzi.io/v1 no longer has it (it was part of v1beta2, removed in Strimzi 1.0)` : undefined;
  }

  /** Where a misplaced key belongs: one level up, or inside a sibling object. */
  private misplaced(parent: YamlPath, key: string): string | undefined {
    const root = this.root!;
    if (parent.length > 0) {
      const up = parent.slice(0, -1);
      const s = schemaAt(root, up);
      if (s?.properties && key in s.properties && this.doc.get([...up, key]) === undefined) return `in ${where(up, this.res.kind)}`;
    }
    const here = schemaAt(root, parent);
    const under: string[] = [];
    for (const [name, child] of Object.entries(here?.properties ?? {})) {
      const c = child.type === 'array' ? child.items : child;
      if (c?.properties && key in c.properties) under.push(name);
    }
    if (under.length === 1) return `under '${under[0]}'`;
    // Several siblings could take it: the one the document actually has.
    const present = under.filter((n) => this.doc.get([...parent, n]) !== undefined);
    return present.length === 1 ? `under '${present[0]}'` : undefined;
  }

  private missingFields(parent: YamlPath, names: string[]): void {
    if (this.templatedAt(parent)) return;
    const range = this.keyRangeOf(parent);
    const what = names.length === 1 ? `the required field ${quoteList(names)}` : `the required fields ${quoteList(names, 'and')}`;
    const subject = parent.length === 0 ? `${this.res.kind} is missing` : `'${dotted(parent)}' is missing`;
    this.add('schema-required-field', range, `${subject} ${what}.`);
  }

  private wrongType(path: YamlPath, e: ErrorObject): void {
    const data = e.data;
    const expected = String((e.params as { type: string | string[] }).type).split(',');
    const name = lastName(path, this.res.kind);
    if (data === null || data === undefined) {
      // The API server drops null values; that only matters when the field is required.
      if (path.length === 0) return;
      const parent = schemaAt(this.root!, path.slice(0, -1));
      const last = path[path.length - 1];
      if (typeof last === 'string' && parent?.required?.includes(last) && !this.templatedAt(path.slice(0, -1))) {
        this.add('schema-required-field', this.keyRangeOf(path), `'${dotted(path)}' is required but empty; it must be ${typeList(expected)}.`);
      }
      return;
    }
    const range = this.valueRangeOf(path, data);
    let fix: Fix | undefined;
    const src = this.scalarSource(path);
    if (expected.includes('boolean') && typeof data === 'string' && src === data && YAML11_BOOL.test(data)) {
      // Kubernetes reads YAML 1.1, where a plain yes/no/on/off is a boolean: it works, but reads differently elsewhere.
      const b = /^(y|yes|on)$/i.test(data) ? 'true' : 'false';
      this.out.push({
        ruleId: 'schema-type',
        severity: 'warning',
        report: {
          range,
          message: `'${name}' is ${JSON.stringify(data)}: Kubernetes reads it as ${b} (YAML 1.1), other YAML tools as a string. Write ${b}.`,
          fix: { title: `Write ${b}`, edits: [{ range, newText: b }] },
        },
      });
      return;
    }
    if (src !== undefined && isPlainScalar(src)) {
      if (expected.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
        fix = { title: `Quote the value: "${src}"`, edits: [{ range, newText: `"${src}"` }] };
      }
    } else if (src !== undefined && typeof data === 'string') {
      if ((expected.includes('integer') && /^-?\d+$/.test(data)) || (expected.includes('number') && /^-?\d+(\.\d+)?$/.test(data)) || (expected.includes('boolean') && /^(true|false)$/.test(data))) {
        fix = { title: `Remove the quotes: ${data}`, edits: [{ range, newText: data }] };
      }
    }
    const hint = fix && expected.includes('string') ? ` (quote it: "${src}")` : '';
    this.add('schema-type', range, `'${name}' must be ${typeList(expected)}, not ${describe(data)}${hint}.`, fix);
  }

  private badEnum(path: YamlPath, e: ErrorObject): void {
    const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => String(v));
    const data = e.data;
    const range = this.valueRangeOf(path, data);
    const close = typeof data === 'string' || typeof data === 'number' ? closeMatches(String(data), allowed) : [];
    const name = lastName(path, this.res.kind);
    let message = `${JSON.stringify(data)} is not a valid value for '${name}'`;
    message += close.length ? `: did you mean ${quoteList(close)}?` : `. Allowed: ${allowed.join(', ')}.`;
    const fix = close.length === 1 && this.scalarSource(path) !== undefined ? { title: `Change to '${close[0]}'`, edits: [{ range, newText: close[0] }] } : undefined;
    this.add('schema-enum', range, message, fix);
  }

  private alternatives(path: YamlPath, e: ErrorObject): void {
    const branches = (Array.isArray(e.schema) ? e.schema : []) as JsonSchema[];
    const data = e.data;
    const name = lastName(path, this.res.kind);
    const passing = (e.params as { passingSchemas?: number[] | null }).passingSchemas;
    if (branches.length > 0 && branches.every((b) => Array.isArray(b.required) && b.required.length > 0 && !b.type)) {
      const options = branches.map((b) => (b.required as string[]).join("' + '"));
      if (this.templatedAt(path)) return;
      if (passing && passing.length > 1) {
        this.add('schema-invalid', this.keyRangeOf(path), `'${dotted(path) || name}' sets more than one of ${quoteList(options)}; set exactly one.`);
      } else {
        this.add('schema-required-field', this.keyRangeOf(path), `'${dotted(path) || name}' must set one of ${quoteList(options)}.`);
      }
      return;
    }
    if (branches.length > 0 && branches.every((b) => typeof b.type === 'string' && Object.keys(b).length === 1)) {
      const types = branches.map((b) => b.type as string);
      const range = this.valueRangeOf(path, data);
      const src = this.scalarSource(path);
      // e.g. `cpu: 0.5` where Kubernetes wants an integer or a string: the API server rejects the number.
      if (types.includes('string') && typeof data === 'number' && src !== undefined && isPlainScalar(src)) {
        this.add('schema-type', range, `'${name}' must be ${typeList(types)}, not ${describe(data)} (quote it: "${src}").`, {
          title: `Quote the value: "${src}"`,
          edits: [{ range, newText: `"${src}"` }],
        });
        return;
      }
      this.add('schema-type', range, `'${name}' must be ${typeList(types)}, not ${describe(data)}.`);
      return;
    }
    this.add('schema-invalid', this.valueRangeOf(path, data), `'${name}' does not match any of its ${branches.length || 'allowed'} allowed forms.`);
  }

  private invalid(path: YamlPath, e: ErrorObject): void {
    const data = e.data;
    const name = lastName(path, this.res.kind);
    const p = e.params as Record<string, unknown>;
    let message: string;
    switch (e.keyword) {
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        message = `'${name}' must be ${p.comparison} ${p.limit}, not ${describe(data)}.`;
        break;
      case 'minItems':
        message = `'${name}' needs at least ${p.limit} item${p.limit === 1 ? '' : 's'}.`;
        break;
      case 'maxItems':
        message = `'${name}' allows at most ${p.limit} item${p.limit === 1 ? '' : 's'}.`;
        break;
      case 'minLength':
        message = p.limit === 1 ? `'${name}' must not be empty.` : `'${name}' must be at least ${p.limit} characters long.`;
        break;
      case 'maxLength':
        message = `'${name}' must be at most ${p.limit} characters long.`;
        break;
      case 'pattern':
        message =
          p.pattern === QUANTITY_PATTERN
            ? `${JSON.stringify(data)} is not a Kubernetes quantity for '${name}' (such as 500m, 2, 1Gi or 512Mi).`
            : `${JSON.stringify(data)} does not match the pattern required for '${name}': ${p.pattern}`;
        break;
      case 'format':
        message =
          p.format === 'int32'
            ? `'${name}' must be a 32-bit integer (from -2147483648 to 2147483647), not ${describe(data)}.`
            : p.format === 'int64'
              ? `'${name}' must be an integer, not ${describe(data)}.`
              : `${JSON.stringify(data)} is not a valid ${p.format} for '${name}'.`;
        break;
      default:
        message = `'${name}' ${e.message ?? 'is invalid'}.`;
    }
    this.add('schema-invalid', this.valueRangeOf(path, data), message);
  }

  // ---- ranges ----------------------------------------------------------------------------------------

  /** The key of a path; the first line of a sequence item; the resource's `kind:` for the root. */
  private keyRangeOf(path: YamlPath): Range {
    if (path.length === 0) return this.doc.headRange();
    if (typeof path[path.length - 1] === 'number') return this.itemHead(path);
    return this.doc.keyRange(path) ?? this.doc.rangeOf(path);
  }

  /** The value for a scalar; the key (or item head) for a map or sequence. */
  private valueRangeOf(path: YamlPath, data: Data): Range {
    if (data !== null && typeof data === 'object') return this.keyRangeOf(path);
    return this.doc.valueRange(path) ?? this.keyRangeOf(path);
  }

  private itemHead(path: YamlPath): Range {
    const o = this.doc.valueOffsets(path);
    if (!o) return this.doc.rangeOf(path);
    const lines = this.doc.file.lines;
    const text = this.doc.file.text;
    let end = Math.min(o[1], lines.lineEnd(lines.position(o[0]).line));
    while (end > o[0] && /\s/.test(text[end - 1])) end--;
    return lines.range(o[0], Math.max(end, o[0]));
  }

  /** The source text of a scalar value, or undefined for collections and missing values. */
  private scalarSource(path: YamlPath): string | undefined {
    const v = this.doc.get(path);
    if (v !== null && typeof v === 'object') return undefined;
    const o = this.doc.valueOffsets(path);
    return o ? this.doc.file.text.slice(o[0], o[1]).trimEnd() : undefined;
  }

  /**
   * A plain yes/no/on/off (or y/n) where the schema wants a string: a string in YAML 1.2 (and to the schema check),
   * but kubectl reads YAML 1.1, gets a boolean, and the API server rejects the resource.
   */
  private yaml11Strings(): void {
    const d = this.doc;
    if (!YAML11_VALUE.test(d.file.text.slice(d.startOffset, d.endOffset))) return;
    const walk = (n: unknown, path: YamlPath, depth: number): void => {
      if (depth > 100) return;
      if (isMap(n)) {
        for (const p of n.items) if (isScalar(p.key) && typeof p.key.value !== 'symbol') walk(p.value, [...path, String(p.key.value)], depth + 1);
      } else if (isSeq(n)) {
        n.items.forEach((it, i) => walk(it, [...path, i], depth + 1));
      } else if (isScalar(n) && n.type === 'PLAIN' && typeof n.value === 'string' && YAML11_BOOL.test(n.value) && n.range) {
        const t = schemaAt(this.root!, path)?.type;
        const types = Array.isArray(t) ? t : t ? [t] : [];
        if (!types.includes('string') || types.includes('boolean')) return;
        const range = d.file.lines.range(n.range[0], n.range[1]);
        const b = /^(y|yes|on)$/i.test(n.value);
        this.add('schema-type', range, `'${lastName(path, this.res.kind)}' must be a string, but kubectl reads a plain ${n.value} as the boolean ${b} (YAML 1.1) and the API server rejects it. Quote it: "${n.value}".`, {
          title: `Quote the value: "${n.value}"`,
          edits: [{ range, newText: `"${n.value}"` }],
        });
      }
    };
    walk(d.doc.contents, [], 0);
  }

  /** Whether the map or item at a path contains Helm template syntax (its content is not all visible). */
  private templatedAt(path: YamlPath): boolean {
    const f = this.doc.file;
    if (!f.templated) return false;
    const o = this.doc.valueOffsets(path) ?? [this.doc.startOffset, this.doc.endOffset];
    return f.isTemplated(o[0], o[1]);
  }
}

// ---- helpers -------------------------------------------------------------------------------------------

const beforeV1 = new Map<string, boolean>();
/** Whether a Strimzi version predates `kafka.strimzi.io/v1` (memoised: this runs for every resource). */
function strimziBeforeV1(v: string): boolean {
  let b = beforeV1.get(v);
  if (b === undefined) {
    b = compareVersions(v, STRIMZI_V1_SINCE) < 0;
    if (beforeV1.size < 100) beforeV1.set(v, b);
  }
  return b;
}

/** Drops the branch errors of every oneOf/anyOf error: the composite error speaks for them. */
export function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  const composites = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  if (composites.length === 0) return [...errors];
  return errors.filter(
    (e) =>
      !composites.some(
        (c) => c !== e && e.schemaPath.startsWith(c.schemaPath + '/') && (e.instancePath === c.instancePath || e.instancePath.startsWith(c.instancePath + '/')),
      ),
  );
}

/** A JSON pointer into `value` as a YAML path (sequence indexes as numbers). */
export function toPath(pointer: string, value: Data): YamlPath {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let cur: Data = value;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      out.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, Data>)[seg] : undefined;
    }
  }
  return out;
}

/** The sub-schema at a data path, following `properties`, `additionalProperties` and `items`. */
export function schemaAt(root: JsonSchema, path: YamlPath): JsonSchema | undefined {
  let s: JsonSchema | undefined = root;
  for (const seg of path) {
    if (!s) return undefined;
    if (typeof seg === 'number') s = s.items;
    else s = s.properties?.[seg] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
  }
  return s;
}

/** `spec.kafka.listeners[0].port`. */
export function dotted(path: YamlPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

function where(path: YamlPath, kind: string): string {
  return path.length === 0 ? kind : `'${dotted(path)}'`;
}

/** The name a message uses for the value at a path: its key, or `listeners[0]` for a sequence item. */
function lastName(path: YamlPath, kind: string): string {
  if (path.length === 0) return kind;
  return typeof path[path.length - 1] === 'number' ? dotted(path.slice(-2)) : String(path[path.length - 1]);
}

function article(t: string): string {
  switch (t) {
    case 'integer':
      return 'an integer';
    case 'object':
      return 'an object (a map of keys)';
    case 'array':
      return 'a list';
    case 'null':
      return 'null';
    default:
      return `a ${t}`;
  }
}

function typeList(types: readonly string[]): string {
  const a = types.map(article);
  return a.length <= 1 ? a.join('') : `${a.slice(0, -1).join(', ')} or ${a[a.length - 1]}`;
}

function describe(v: Data): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 37) + '...' : v)}`;
  return `the ${typeof v} ${String(v)}`;
}

function isPlainScalar(src: string): boolean {
  return src.length > 0 && !/^['"]/.test(src) && !src.includes('\n');
}

function sourceName(s: string): string {
  return s === 'flag' ? 'set by a command-line flag' : s === 'config' ? 'set in .kafka-k8s.yaml' : s === 'setting' ? 'set in the settings' : 'from the manifest';
}

function chooseRelease(served: readonly ServedApi[], target: string | undefined): string {
  const releases = [...new Set(served.map((s) => s.operatorVersion))].sort((a, b) => compareVersions(b, a));
  if (!target) return releases[0];
  return releases.find((r) => compareVersions(r, target) <= 0) ?? releases[releases.length - 1];
}

/** `kafka.strimzi.io/v1 (Strimzi 1.2.0, 0.51.0); kafka.strimzi.io/v1beta2 (Strimzi 0.51.0, deprecated)`. */
function describeServed(served: readonly ServedApi[]): string {
  const by = new Map<string, { products: Map<string, string[]>; deprecated: boolean }>();
  for (const s of served) {
    const e = by.get(s.apiVersion) ?? { products: new Map<string, string[]>(), deprecated: false };
    const name = s.product.endsWith(` ${s.operatorVersion}`) ? s.product.slice(0, -s.operatorVersion.length - 1) : s.product;
    e.products.set(name, [...(e.products.get(name) ?? []), s.operatorVersion]);
    e.deprecated ||= s.deprecated;
    by.set(s.apiVersion, e);
  }
  return [...by.entries()]
    .map(([api, e]) => `${api} (${[...e.products.entries()].map(([n, vs]) => `${n} ${vs.join(', ')}`).join('; ')}${e.deprecated ? ', deprecated' : ''})`)
    .join('; ');
}
