/**
 * The `.kafka-k8s.yaml` configuration file: parsing, validation with exact positions, and the
 * normalised settings the CLI and the editor hand to the engine. Pure: callers read the file.
 *
 * ```yaml
 * versions: {strimzi: "1.2.0", kafka: "4.1.0", keda: "2.20"}
 * rules:
 *   producer-throughput-tuning: off
 *   topic-durability-low: error
 * ignorePaths: ["generated/**"]
 * thresholds: {maxPartitionsPerTopic: 1000}
 * crossResource: {assumeCompleteWorkspace: false}
 * ```
 */
import type { EngineOptions } from './engine';
import type { Range, SeverityOverride } from './model';
import { YamlFile, type YamlDocument, type YamlPath } from './parse/yaml';
import { baseName } from './source';
import { closestMatch } from './suggest';
import { isVersion, type ExplicitVersions, type VersionSource } from './versions';

/** File names looked up in the working directory (the first that exists wins). */
export const CONFIG_FILE_NAMES: readonly string[] = ['.kafka-k8s.yaml', '.kafka-k8s.yml'];

/** Thresholds the built-in rules read, with their defaults (rules may read others; these get did-you-mean help). */
export const KNOWN_THRESHOLDS: Readonly<Record<string, number>> = { maxPartitionsPerTopic: 1000, minLagThreshold: 10, maxFileSizeMB: 10 };

const SEVERITIES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'hint', 'off', 'default'];
const TOP_KEYS = ['versions', 'rules', 'ignorePaths', 'thresholds', 'crossResource'] as const;
const VERSION_KEYS = ['strimzi', 'kafka', 'keda'] as const;
const CROSS_KEYS = ['assumeCompleteWorkspace'] as const;

/** Normalised settings: what the configuration file (or the editor's settings) say, validated. */
export interface KafkaK8sSettings {
  readonly versions: { readonly strimzi?: string; readonly kafka?: string; readonly keda?: string };
  readonly rules: Readonly<Record<string, SeverityOverride>>;
  readonly ignorePaths: readonly string[];
  readonly thresholds: Readonly<Record<string, number>>;
  readonly crossResource: { readonly assumeCompleteWorkspace?: boolean };
}

export const EMPTY_SETTINGS: KafkaK8sSettings = { versions: {}, rules: {}, ignorePaths: [], thresholds: {}, crossResource: {} };

/** A problem in a configuration, located by path (so it maps onto a YAML file or an editor setting). */
export interface ConfigProblem {
  readonly path: YamlPath;
  /** Whether the problem is the key itself (unknown key) or its value. */
  readonly on: 'key' | 'value';
  readonly message: string;
}

/** A configuration problem with its position in the file. */
export interface LocatedConfigProblem extends ConfigProblem {
  readonly range: Range;
}

export interface SettingsFromRawOptions {
  /** Every rule id the registry knows (for unknown-id findings with a did-you-mean). */
  readonly ruleIds: Iterable<string>;
}

/**
 * Validates and normalises raw configuration data (parsed YAML, or the editor's settings object).
 * Invalid entries are left out of the settings and reported as problems; valid ones still apply.
 */
export function settingsFromRaw(raw: unknown, opts: SettingsFromRawOptions): { settings: KafkaK8sSettings; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const problem = (path: YamlPath, on: 'key' | 'value', message: string) => problems.push({ path, on, message });
  if (raw === null || raw === undefined) return { settings: EMPTY_SETTINGS, problems };
  if (!isRecord(raw)) {
    problem([], 'value', `The configuration must be a map of settings (${TOP_KEYS.join(', ')}), not ${describe(raw)}.`);
    return { settings: EMPTY_SETTINGS, problems };
  }
  const ruleIds = [...opts.ruleIds];
  const known = new Set(ruleIds);
  const versions: { strimzi?: string; kafka?: string; keda?: string } = {};
  const rules: Record<string, SeverityOverride> = {};
  const ignorePaths: string[] = [];
  const thresholds: Record<string, number> = {};
  const crossResource: { assumeCompleteWorkspace?: boolean } = {};

  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'versions': {
        if (value === null) break;
        if (!isRecord(value)) {
          problem([key], 'value', `'versions' must be a map such as {strimzi: "1.2.0", kafka: "4.1.0", keda: "2.20"}, not ${describe(value)}.`);
          break;
        }
        for (const [product, v] of Object.entries(value)) {
          if (!(VERSION_KEYS as readonly string[]).includes(product)) {
            problem([key, product], 'key', unknownKey(`versions.${product}`, product, VERSION_KEYS));
            continue;
          }
          const text = typeof v === 'number' ? String(v) : v;
          if (!isVersion(text)) {
            problem([key, product], 'value', `'versions.${product}' must be a version such as "${product === 'keda' ? '2.20' : product === 'kafka' ? '4.1.0' : '1.2.0'}", not ${describe(v)}.`);
            continue;
          }
          versions[product as (typeof VERSION_KEYS)[number]] = text.trim().replace(/^v/, '');
        }
        break;
      }
      case 'rules': {
        if (value === null) break;
        if (!isRecord(value)) {
          problem([key], 'value', `'rules' must be a map of rule id to severity (${SEVERITIES.slice(0, 5).join('|')}), not ${describe(value)}.`);
          break;
        }
        for (const [id, sev] of Object.entries(value)) {
          if (!known.has(id)) {
            const guess = closestMatch(id, ruleIds);
            problem([key, id], 'key', `Unknown rule '${id}'.${guess ? ` Did you mean '${guess}'?` : " Run 'kafka-k8s rules' for the list."}`);
            continue;
          }
          const s = sev === false ? 'off' : sev;
          if (typeof s !== 'string' || !(SEVERITIES as readonly string[]).includes(s)) {
            const guess = typeof s === 'string' ? (s === 'warn' ? 'warning' : s === 'information' ? 'info' : closestMatch(s, SEVERITIES)) : undefined;
            problem([key, id], 'value', `Invalid severity ${describe(sev)} for '${id}': use error, warning, info, hint or off.${guess ? ` Did you mean '${guess}'?` : ''}`);
            continue;
          }
          rules[id] = s as SeverityOverride;
        }
        break;
      }
      case 'ignorePaths': {
        if (value === null) break;
        const list = typeof value === 'string' ? [value] : value;
        if (!Array.isArray(list)) {
          problem([key], 'value', `'ignorePaths' must be a list of glob patterns such as ["charts/**/templates/**"], not ${describe(value)}.`);
          break;
        }
        list.forEach((g, i) => {
          if (typeof g !== 'string' || g.trim() === '') problem(typeof value === 'string' ? [key] : [key, i], 'value', `An ignore pattern must be a non-empty glob string, not ${describe(g)}.`);
          else ignorePaths.push(g.trim());
        });
        break;
      }
      case 'thresholds': {
        if (value === null) break;
        if (!isRecord(value)) {
          problem([key], 'value', `'thresholds' must be a map of threshold name to number, such as {maxPartitionsPerTopic: 1000}, not ${describe(value)}.`);
          break;
        }
        const names = Object.keys(KNOWN_THRESHOLDS);
        for (const [name, n] of Object.entries(value)) {
          if (!(name in KNOWN_THRESHOLDS)) {
            const guess = closestMatch(name, names);
            if (guess) {
              problem([key, name], 'key', `Unknown threshold '${name}'. Did you mean '${guess}'?`);
              continue;
            }
          }
          if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
            problem([key, name], 'value', `Threshold '${name}' must be a non-negative number, not ${describe(n)}.`);
            continue;
          }
          thresholds[name] = n;
        }
        break;
      }
      case 'crossResource': {
        if (value === null) break;
        if (!isRecord(value)) {
          problem([key], 'value', `'crossResource' must be a map such as {assumeCompleteWorkspace: true}, not ${describe(value)}.`);
          break;
        }
        for (const [name, b] of Object.entries(value)) {
          if (!(CROSS_KEYS as readonly string[]).includes(name)) {
            problem([key, name], 'key', unknownKey(`crossResource.${name}`, name, CROSS_KEYS));
            continue;
          }
          if (typeof b !== 'boolean') {
            problem([key, name], 'value', `'crossResource.${name}' must be true or false, not ${describe(b)}.`);
            continue;
          }
          crossResource.assumeCompleteWorkspace = b;
        }
        break;
      }
      default:
        problem([key], 'key', unknownKey(key, key, TOP_KEYS));
    }
  }
  return { settings: { versions, rules, ignorePaths, thresholds, crossResource }, problems };
}

/** Whether a path names a configuration file (`.kafka-k8s.yaml` / `.kafka-k8s.yml`). */
export function isConfigFile(path: string): boolean {
  return CONFIG_FILE_NAMES.includes(baseName(path));
}

/** The settings and problems of a configuration file, parsed from its text. Syntax errors are problems too. */
export function parseConfigText(text: string, opts: SettingsFromRawOptions): { settings: KafkaK8sSettings; problems: LocatedConfigProblem[]; syntaxErrors: LocatedConfigProblem[] } {
  const yaml = new YamlFile(text);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    // A binary file (or UTF-16 without a byte-order mark) named like the configuration: say so, not what YAML makes of it.
    const message = 'This file holds NUL bytes, so it is not text (UTF-16 without a byte-order mark, or a binary file). Save the configuration as UTF-8 YAML.';
    return { settings: EMPTY_SETTINGS, problems: [], syntaxErrors: [{ path: [], on: 'value', message, range: yaml.lines.range(nul, nul + 1) }] };
  }
  const syntaxErrors: LocatedConfigProblem[] = yaml.syntaxErrors.map((e) => ({ path: [], on: 'value', message: `YAML syntax error: ${e.message}`, range: e.range }));
  const { settings, problems } = configFromYaml(yaml, opts);
  return { settings, problems, syntaxErrors };
}

/** Validates the parsed YAML of a configuration file; problems carry exact ranges. */
export function configFromYaml(yaml: YamlFile, opts: SettingsFromRawOptions): { settings: KafkaK8sSettings; problems: LocatedConfigProblem[] } {
  const docs = yaml.documents.filter((d) => d.doc.contents !== null);
  if (docs.length === 0) return { settings: EMPTY_SETTINGS, problems: [] };
  const doc = docs[0];
  const raw = withVersionSources(doc);
  const { settings, problems } = settingsFromRaw(raw, opts);
  const located: LocatedConfigProblem[] = problems.map((p) => ({ ...p, range: locate(doc, p) }));
  for (const extra of docs.slice(1)) {
    located.push({ path: [], on: 'value', message: 'Only the first YAML document of the configuration file is read; remove this one or merge it into the first.', range: extra.range });
  }
  return { settings, problems: located };
}

/** Unquoted versions such as `keda: 2.20` parse as numbers (2.2); read their source text instead. */
function withVersionSources(doc: YamlDocument): unknown {
  const raw = doc.value;
  const versions = isRecord(raw) ? raw.versions : undefined;
  if (!isRecord(raw) || !isRecord(versions)) return raw;
  const fixed: Record<string, unknown> = { ...versions };
  for (const [k, v] of Object.entries(versions)) {
    if (typeof v !== 'number') continue;
    const r = doc.valueOffsets(['versions', k]);
    if (r) fixed[k] = doc.file.text.slice(r[0], r[1]).trim();
  }
  return { ...raw, versions: fixed };
}

function locate(doc: YamlDocument, p: ConfigProblem): Range {
  if (p.path.length === 0) return doc.headRange();
  if (p.on === 'value') return doc.valueRange(p.path) ?? doc.rangeOf(p.path);
  return doc.keyRange(p.path) ?? doc.rangeOf(p.path);
}

/** Versions set on the command line, which win over the configuration file. */
export interface VersionFlags {
  readonly strimzi?: string;
  readonly kafka?: string;
  readonly keda?: string;
}

/** The engine options for settings plus command-line version flags (flags > config file > defaults). */
export function engineOptionsFromSettings(settings: KafkaK8sSettings, flags: VersionFlags = {}, configSource: VersionSource = 'config'): EngineOptions {
  const versions: { -readonly [K in keyof ExplicitVersions]: ExplicitVersions[K] } = {};
  for (const k of VERSION_KEYS) {
    const flag = flags[k];
    const conf = settings.versions[k];
    if (flag) versions[k] = { value: flag, source: 'flag' };
    else if (conf) versions[k] = { value: conf, source: configSource };
  }
  const cross = settings.crossResource.assumeCompleteWorkspace;
  return {
    versions,
    rules: settings.rules,
    settings: {
      ...(cross === undefined ? {} : { assumeCompleteWorkspace: cross }),
      ...(Object.keys(settings.thresholds).length ? { thresholds: settings.thresholds } : {}),
    },
  };
}

function unknownKey(label: string, key: string, allowed: readonly string[]): string {
  const guess = closestMatch(key, allowed);
  return `Unknown setting '${label}'.${guess ? ` Did you mean '${guess}'?` : ` Expected one of: ${allowed.join(', ')}.`}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `'${v}'`;
  return `${typeof v} ${String(v)}`;
}

