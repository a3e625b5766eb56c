/**
 * The editor's settings (`kafkaK8s.*`) as typed data, normalized from whatever the user wrote.
 * No `vscode` import: the normalizer is plain data in, plain data out, so it is unit-tested in Node.
 * Bad values fall back to the default (and are reported as problems for the log), never throw.
 */
import type { SeverityOverride } from '../core/model';

export type SchemaValidationMode = 'auto' | 'on' | 'off';
export type RunMode = 'onType' | 'onSave';

export interface EditorSettings {
  readonly enable: boolean;
  readonly run: RunMode;
  readonly debounceMs: number;
  /** Glob patterns (workspace-relative or absolute) of files never linted. */
  readonly ignore: readonly string[];
  readonly schemaValidation: SchemaValidationMode;
  /** Per-rule severity overrides (`off` disables). */
  readonly rules: Readonly<Record<string, SeverityOverride>>;
  /** Target versions; empty means "not set here" (config file, manifest or default decides). */
  readonly versions: { readonly strimzi?: string; readonly kafka?: string; readonly keda?: string };
  readonly assumeCompleteWorkspace: boolean;
  /** Upper bound of files read into the workspace index (cross-file rules) and by Lint Workspace. */
  readonly maxWorkspaceFiles: number;
}

export const DEFAULT_IGNORE: readonly string[] = ['**/node_modules/**', '**/.git/**', '**/target/**', '**/build/**', '**/dist/**', '**/out/**', '**/.vscode-test*/**'];

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = {
  enable: true,
  run: 'onType',
  debounceMs: 300,
  ignore: DEFAULT_IGNORE,
  schemaValidation: 'auto',
  rules: {},
  versions: {},
  assumeCompleteWorkspace: false,
  maxWorkspaceFiles: 5000,
};

const SEVERITIES = new Set<SeverityOverride>(['error', 'warning', 'info', 'hint', 'off', 'default']);
const VERSION = /^v?\d+(\.\d+){0,3}([-.+][0-9A-Za-z.-]+)?$/;

/** Reads `kafkaK8s.*` values (as `getConfiguration('kafkaK8s').get(...)` returns them) into settings. */
export function editorSettingsFromRaw(raw: (key: string) => unknown): { settings: EditorSettings; problems: string[] } {
  const problems: string[] = [];
  const d = DEFAULT_EDITOR_SETTINGS;
  const bool = (key: string, def: boolean): boolean => {
    const v = raw(key);
    if (v === undefined || v === null) return def;
    if (typeof v === 'boolean') return v;
    problems.push(`kafkaK8s.${key} must be true or false; using ${def}.`);
    return def;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], def: T): T => {
    const v = raw(key);
    if (v === undefined || v === null) return def;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    problems.push(`kafkaK8s.${key} must be one of ${allowed.join(', ')}; using ${def}.`);
    return def;
  };
  const int = (key: string, def: number, min: number, max: number): number => {
    const v = raw(key);
    if (v === undefined || v === null) return def;
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return Math.round(v);
    problems.push(`kafkaK8s.${key} must be a number from ${min} to ${max}; using ${def}.`);
    return def;
  };
  const version = (key: string): string | undefined => {
    const v = raw(key);
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string' && VERSION.test(v.trim())) return v.trim().replace(/^v/, '');
    problems.push(`kafkaK8s.${key} must be a version such as 4.1.0; ignoring ${JSON.stringify(v)}.`);
    return undefined;
  };

  const rules: Record<string, SeverityOverride> = {};
  const rawRules = raw('rules');
  if (rawRules && typeof rawRules === 'object' && !Array.isArray(rawRules)) {
    for (const [id, sev] of Object.entries(rawRules as Record<string, unknown>)) {
      const s = typeof sev === 'string' ? (sev.toLowerCase() === 'warn' ? 'warning' : sev.toLowerCase()) : sev;
      if (typeof s === 'string' && SEVERITIES.has(s as SeverityOverride)) rules[id] = s as SeverityOverride;
      else problems.push(`kafkaK8s.rules.${id}: severity must be error, warning, info, hint, off or default; ignoring ${JSON.stringify(sev)}.`);
    }
  } else if (rawRules !== undefined && rawRules !== null) {
    problems.push('kafkaK8s.rules must be an object of rule id to severity; ignoring it.');
  }

  let ignore = d.ignore;
  const rawIgnore = raw('lint.ignore');
  if (Array.isArray(rawIgnore)) ignore = rawIgnore.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  else if (rawIgnore !== undefined && rawIgnore !== null) problems.push('kafkaK8s.lint.ignore must be a list of glob patterns; using the default.');

  const versions: { strimzi?: string; kafka?: string; keda?: string } = {};
  const sv = version('versions.strimzi');
  const kv = version('versions.kafka');
  const kd = version('versions.keda');
  if (sv) versions.strimzi = sv;
  if (kv) versions.kafka = kv;
  if (kd) versions.keda = kd;

  return {
    settings: {
      enable: bool('lint.enable', d.enable),
      run: oneOf<RunMode>('lint.run', ['onType', 'onSave'], d.run),
      debounceMs: int('lint.debounceMs', d.debounceMs, 0, 10000),
      ignore,
      schemaValidation: oneOf<SchemaValidationMode>('schemaValidation', ['auto', 'on', 'off'], d.schemaValidation),
      rules,
      versions,
      assumeCompleteWorkspace: bool('lint.assumeCompleteWorkspace', d.assumeCompleteWorkspace),
      maxWorkspaceFiles: int('lint.maxWorkspaceFiles', d.maxWorkspaceFiles, 0, 100000),
    },
    problems,
  };
}
