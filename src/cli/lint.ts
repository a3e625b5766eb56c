/**
 * `kafka-k8s lint [options] <paths...>`: lints files and folders, prints text, JSON or SARIF, and exits
 * 0 (no errors, warnings within --max-warnings), 1 (findings over the limit) or 2 (usage, config or I/O error).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAMES, EMPTY_SETTINGS, engineOptionsFromSettings, isConfigFile, parseConfigText, type KafkaK8sSettings, type VersionFlags } from '../core/config';
import { lintFile, type EngineOptions } from '../core/engine';
import { applyFixesSafely } from '../core/fix';
import { compareFindings, type Finding, type SeverityOverride } from '../core/model';
import { countFindings, formatReport, REPORT_FORMATS, type ReportFormat } from '../core/report/index';
import { RULES } from '../core/rules/index';
import { closestMatch } from '../core/suggest';
import { isVersion } from '../core/versions';
import { kafkaCodeLanguage } from '../core/parse/code';
import { isCodePath, isLintablePath } from '../core/source';
import { WorkspaceIndex } from '../core/workspace';
import { defaultSchemaStore } from '../services/schemas';
import { collectFiles, DEFAULT_MAX_FILE_MB, FileAccessError, FileTooLargeError, formatSize, isFile, readTextFile, writeTextFile } from '../services/files';
import { VERSION } from './cli';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, parseOptions, UsageError, type CliIO, type Command } from './io';

export const LINT_HELP = `Usage: kafka-k8s lint [options] [paths...]

Lints Strimzi and KEDA manifests and Kafka client configuration (Java .properties, Spring Boot
application*.yml|properties, and settings in Java kafka-clients, Go sarama and kafkajs code). Folders are
searched recursively for *.yaml, *.yml, *.properties, *.java, *.go, *.js and *.ts, skipping
node_modules, .git, vendor and target. With no path, lints the current folder.

Options:
  -f, --format <format>           Output format: text (default), json, sarif, or github (GitHub Actions
                                  annotations on the pull request, no upload needed)
  -o, --output <file>             Write the report to a file instead of standard output
  -c, --config <file>             Configuration file (default: .kafka-k8s.yaml in the current folder)
      --strimzi-version <v>       Target Strimzi version (default: config file, else 1.2.0)
      --kafka-version <v>         Target Kafka version (default: config file, then the manifest's
                                  spec.kafka.version, else 4.3.1)
      --keda-version <v>          Target KEDA version (default: config file, else 2.20)
      --max-warnings <n>          Exit with code 1 when there are more than n warnings
      --fix                       Apply automatic fixes to the files, then report what remains
  -q, --quiet                     Report errors only (warnings, infos and hints are left out)
      --show-source               Text format: show each finding's source line, the range underlined
      --rule <id>=<severity>      Set a rule's severity (error, warning, info, hint or off) over the
                                  configuration file's; repeatable, or comma-separated
      --ignore-rule <id>          Turn a rule off (same as --rule <id>=off); repeatable
      --only-rule <id>            Run only the rules named (syntax-error, internal-error and
                                  file-skipped stay on); repeatable, or comma-separated
      --color, --no-color         Force colours on or off (default: on for a terminal, unless NO_COLOR
                                  is set; FORCE_COLOR=1 forces them)
  -w, --workspace <folder>        Read the other Kafka files under <folder> too, so cross-file rules see
                                  them, but report only the paths given (e.g. a pre-commit hook's files)
      --stdin-filename <name>     With '-' as a path: the name standard input is linted as
                                  (default: <stdin>.yaml; use a .properties name for properties)
  -h, --help                      Show this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage, configuration or file errors.

Examples:
  kafka-k8s lint deploy/
  kafka-k8s lint --format sarif --output kafka-k8s.sarif .
  kafka-k8s lint --format github deploy/          (in a GitHub Actions step)
  kafka-k8s lint --kafka-version 3.9.0 --max-warnings 0 k8s/kafka.yaml
  kafka-k8s lint --only-rule producer-acks-weak,topic-durability-low --show-source deploy/
  helm template charts/kafka | kafka-k8s lint -
  kafka-k8s lint --workspace . $(git diff --cached --name-only -- '*.yaml' '*.yml' '*.properties')
`;

/** A file as read from disk, for --fix. */
interface Original {
  readonly absPath: string;
  readonly text: string;
  readonly bom: boolean;
  /** False when the file is not valid UTF-8; such a file is never written. */
  readonly lossless: boolean;
  /** Where the file stops being UTF-8 (YAML files get a syntax error there). */
  readonly invalidUtf8?: { readonly offset: number; readonly byte: number };
}

/** The name standard input is linted under when no --stdin-filename is given. */
export const STDIN_NAME = '<stdin>.yaml';

/** The most `--fix` passes over the files (a fix can enable another); stops earlier once stable. */
export const MAX_FIX_PASSES = 10;

interface LintArgs {
  readonly format: ReportFormat;
  readonly output?: string;
  readonly config?: string;
  readonly versions: VersionFlags;
  readonly maxWarnings?: number;
  readonly fix: boolean;
  readonly quiet: boolean;
  readonly showSource: boolean;
  /** --color (true), --no-color (false), or neither. */
  readonly color?: boolean;
  /** Severities from --only-rule, --rule and --ignore-rule, applied over the configuration file's. */
  readonly rules: RuleSelection;
  readonly help: boolean;
  readonly stdinFilename?: string;
  readonly workspace?: string;
  readonly paths: string[];
}

function parseLintArgs(args: string[]): LintArgs {
  const parsed = parseOptions('lint', {
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      'strimzi-version': { type: 'string' },
      'kafka-version': { type: 'string' },
      'keda-version': { type: 'string' },
      'max-warnings': { type: 'string' },
      fix: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      'show-source': { type: 'boolean' },
      rule: { type: 'string', multiple: true },
      'ignore-rule': { type: 'string', multiple: true },
      'only-rule': { type: 'string', multiple: true },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      workspace: { type: 'string', short: 'w' },
      help: { type: 'boolean', short: 'h' },
    },
  });

  const v = parsed.values;
  const format = (v.format ?? 'text') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) {
    const guess = closestMatch(format, REPORT_FORMATS);
    throw new UsageError(`Unknown format '${v.format}'.${guess ? ` Did you mean '${guess}'?` : ''} Use ${REPORT_FORMATS.join(', ')}.`);
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    const s = v['max-warnings'];
    if (!/^\d+$/.test(s)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not '${s}'.`);
    maxWarnings = Number(s);
  }
  const versions: { strimzi?: string; kafka?: string; keda?: string } = {};
  for (const product of ['strimzi', 'kafka', 'keda'] as const) {
    const s = v[`${product}-version`];
    if (s === undefined) continue;
    if (!isVersion(s)) throw new UsageError(`--${product}-version needs a version such as ${product === 'keda' ? '2.20' : product === 'kafka' ? '4.1.0' : '1.2.0'}, not '${s}'.`);
    versions[product] = s.trim().replace(/^v/, '');
  }
  if (v['show-source'] && format !== 'text') throw new UsageError(`--show-source applies to the text format only, not ${format}.`);
  if (v.color && v['no-color']) throw new UsageError('--color and --no-color contradict each other; give one.');
  return {
    format,
    output: v.output,
    config: v.config,
    versions,
    maxWarnings,
    fix: v.fix === true,
    quiet: v.quiet === true,
    showSource: v['show-source'] === true,
    color: v['no-color'] ? false : v.color ? true : undefined,
    rules: parseRuleSelection(v['only-rule'] ?? [], v.rule ?? [], v['ignore-rule'] ?? []),
    help: v.help === true,
    stdinFilename: v['stdin-filename'],
    workspace: v.workspace,
    paths: parsed.positionals,
  };
}

/** What --only-rule, --rule and --ignore-rule ask for. */
export interface RuleSelection {
  /** Rules --only-rule names (undefined without --only-rule). */
  readonly only?: ReadonlySet<string>;
  /** Severities from --rule and --ignore-rule (the later wins). */
  readonly severities: Readonly<Record<string, SeverityOverride>>;
}

/** Rules that --only-rule never turns off: without them a file that was not checked would pass silently. */
export const ALWAYS_ON_RULES: readonly string[] = ['syntax-error', 'internal-error', 'file-skipped'];

const RULE_SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;

function parseRuleSelection(only: string[], rules: string[], ignore: string[]): RuleSelection {
  const ids = RULES.map((r) => r.meta.id);
  const known = (id: string, option: string) => {
    if (ids.includes(id)) return id;
    const guess = closestMatch(id, ids);
    throw new UsageError(`${option}: unknown rule '${id}'.${guess ? ` Did you mean '${guess}'?` : ''} Run 'kafka-k8s rules' for the list.`);
  };
  const items = (values: string[]) => values.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const severities: Record<string, SeverityOverride> = {};
  for (const item of items(rules)) {
    const m = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(item);
    if (!m) throw new UsageError(`--rule needs <id>=<severity> (e.g. --rule topic-durability-low=error), not '${item}'.`);
    const severity = m[2].toLowerCase();
    if (!(RULE_SEVERITIES as readonly string[]).includes(severity)) throw new UsageError(`--rule ${m[1]}: unknown severity '${m[2]}': use ${RULE_SEVERITIES.join(', ')}.`);
    severities[known(m[1], '--rule')] = severity as SeverityOverride;
  }
  for (const id of items(ignore)) severities[known(id, '--ignore-rule')] = 'off';
  const named = items(only).map((id) => known(id, '--only-rule'));
  if (only.length > 0 && named.length === 0) throw new UsageError('--only-rule needs at least one rule id.');
  return { ...(only.length ? { only: new Set(named) } : {}), severities };
}

/** The configuration file's rule severities with the command line's applied over them. */
function selectRules(configured: Readonly<Record<string, SeverityOverride>>, selection: RuleSelection): Record<string, SeverityOverride> {
  const out: Record<string, SeverityOverride> = { ...configured };
  if (selection.only) {
    for (const r of RULES) {
      const id = r.meta.id;
      if (selection.only.has(id)) {
        // Named explicitly: it runs even when the configuration file turns it off.
        if (out[id] === 'off') out[id] = 'default';
      } else if (!ALWAYS_ON_RULES.includes(id)) out[id] = 'off';
    }
  }
  return { ...out, ...selection.severities };
}

/**
 * Whether the text report is coloured: --color / --no-color, then FORCE_COLOR (1, 2, 3, true or empty: on; any other
 * value: off; it outranks NO_COLOR, as in Node.js), then NO_COLOR (any non-empty value: off), then TERM=dumb (off),
 * else whether standard output is a terminal. Only the flags colour a file written with --output.
 */
export function useColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTTY: boolean, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return ['', '1', '2', '3', 'true'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** The configuration file's settings; a missing explicit file or an invalid one is an error (exit 2). */
async function loadSettings(args: LintArgs, io: CliIO): Promise<{ settings: KafkaK8sSettings; base: string; file?: string }> {
  let file: string | undefined;
  let shown: string | undefined;
  if (args.config !== undefined) {
    file = path.resolve(io.cwd, args.config);
    shown = args.config;
    if (!(await isFile(file))) throw new FileAccessError(args.config, `${args.config}: configuration file not found.`);
  } else {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(io.cwd, name);
      if (await isFile(candidate)) {
        file = candidate;
        shown = name;
        break;
      }
    }
  }
  if (!file || !shown) return { settings: EMPTY_SETTINGS, base: io.cwd };
  const { text } = await readTextFile(file, shown, { maxBytes: DEFAULT_MAX_FILE_MB * 1024 * 1024 });
  const parsed = parseConfigText(text, { ruleIds: RULES.map((r) => r.meta.id) });
  const problems = [...parsed.syntaxErrors, ...parsed.problems];
  if (problems.length > 0) {
    const lines = problems.map((p) => `  ${shown}:${p.range.start.line + 1}:${p.range.start.character + 1}  ${p.message}`);
    throw new UsageError(`invalid configuration file ${shown}:\n${lines.join('\n')}`);
  }
  return { settings: parsed.settings, base: path.dirname(file), file: shown };
}

export const lintCommand: Command = async (argv, io) => {
  const args = parseLintArgs(argv);
  if (args.help) {
    io.stdout(LINT_HELP);
    return EXIT_OK;
  }
  try {
    return await lint(args, io);
  } catch (e) {
    if (e instanceof FileAccessError) {
      io.stderr(`kafka-k8s lint: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
};

async function lint(args: LintArgs, io: CliIO): Promise<number> {
  const loaded = await loadSettings(args, io);
  const { base, file: configFile } = loaded;
  const settings: KafkaK8sSettings = { ...loaded.settings, rules: selectRules(loaded.settings.rules, args.rules) };
  const paths = args.paths.length ? args.paths : ['.'];
  const stdinCount = paths.filter((p) => p === '-').length;
  if (stdinCount > 1) throw new UsageError("'-' (standard input) can be given only once.");
  if (args.stdinFilename !== undefined && stdinCount === 0) throw new UsageError("--stdin-filename needs '-' among the paths.");
  // I/O problems below the named paths (an unreadable folder or file) do not stop the lint: they are printed,
  // the rest is linted and reported, and the exit code is 2.
  let ioFailed = false;
  const unreadable = (e: FileAccessError) => {
    ioFailed = true;
    io.stderr(`kafka-k8s lint: ${e.message} It is not linted.\n`);
  };
  const maxBytes = Math.round((settings.thresholds.maxFileSizeMB ?? DEFAULT_MAX_FILE_MB) * 1024 * 1024);
  const skippedFindings: Finding[] = [];
  /** Reads a file to lint; undefined when it is not read (too large: a finding; gone or unreadable: a message). */
  const read = async (absPath: string, shown: string, report: boolean) => {
    try {
      return await readTextFile(absPath, shown, { maxBytes });
    } catch (e) {
      if (e instanceof FileTooLargeError) {
        if (report) skippedFindings.push(tooLarge(shown, e.size, e.limit));
        return undefined;
      }
      if (!(e instanceof FileAccessError)) throw e;
      if (e.code === 'ENOENT') io.stderr(`kafka-k8s lint: ${shown} was removed while linting; skipped.\n`);
      else unreadable(e);
      return undefined;
    }
  };
  const found = await collectFiles(
    paths.filter((p) => p !== '-'),
    { cwd: io.cwd, ignore: settings.ignorePaths, ignoreBase: base, onUnreadable: unreadable },
  );
  const unused = configFile === undefined ? found.find((f) => isConfigFile(f.displayPath)) : undefined;
  if (unused) io.stderr(`kafka-k8s lint: note: ${unused.displayPath} is checked but not used as the configuration; run from its folder or pass --config ${unused.displayPath}.\n`);
  const opts: EngineOptions = { ...engineOptionsWithSchemas(engineOptionsFromSettings(settings, args.versions)), includeSuppressed: true };

  // One index over every file, keyed by the path shown to the user (findings and related locations use it).
  const index = new WorkspaceIndex();
  const originals = new Map<string, Original>();
  const failures = new Map<string, unknown>();
  for (const f of found) {
    const got = await read(f.absPath, f.displayPath, true);
    if (!got) continue;
    const { text, bom, lossless, invalidUtf8 } = got;
    // Source files count only when they use a Kafka client library, and not as build output or in hidden folders.
    if (isCodePath(f.absPath) && (!kafkaCodeLanguage(f.absPath, text) || /(^|[\\/])(dist|out|build|coverage|\.[^\\/]+)[\\/]/.test(f.displayPath) || /\.d\.[cm]?ts$/.test(f.absPath))) continue;
    originals.set(f.displayPath, { absPath: f.absPath, text, bom, lossless, invalidUtf8 });
    analyze(index, f.displayPath, text, failures);
  }
  if (args.workspace !== undefined) {
    // Context only: indexed for cross-file rules, neither reported on nor fixed.
    const named = new Set(found.map((f) => f.absPath));
    const context = await collectFiles([args.workspace], { cwd: io.cwd, ignore: settings.ignorePaths, ignoreBase: base, onUnreadable: unreadable });
    for (const f of context) {
      if (named.has(f.absPath) || index.get(f.displayPath)) continue;
      const got = await read(f.absPath, f.displayPath, false);
      if (got) analyze(index, f.displayPath, got.text, failures);
    }
  }
  let stdinName: string | undefined;
  if (stdinCount > 0) {
    if (!io.stdin) throw new UsageError('standard input is not available here.');
    // Nothing piped in: reading would wait for typing; say what '-' is for instead.
    if (io.stdinIsTTY) throw new UsageError("'-' lints standard input, but nothing is piped in (it is a terminal). Pipe the manifests in, e.g. helm template charts/kafka | kafka-k8s lint -");
    stdinName = args.stdinFilename ?? STDIN_NAME;
    if (!isLintablePath(stdinName)) throw new UsageError(`--stdin-filename must end in .yaml, .yml, .properties, .java or .go, not '${stdinName}'.`);
    const text = await io.stdin();
    if (text.length > maxBytes) skippedFindings.push(tooLarge(stdinName, text.length, maxBytes));
    else analyze(index, stdinName, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, failures);
  }
  const linted = [...found.map((f) => f.displayPath).filter((p) => originals.has(p)), ...(stdinName && index.get(stdinName) ? [stdinName] : [])];

  if (args.fix) {
    const { written, skipped } = await fixAll(index, opts, originals);
    if (written.length > 0) io.stderr(`kafka-k8s lint: fixed ${written.length} file${written.length === 1 ? '' : 's'}: ${written.join(', ')}\n`);
    for (const s of skipped) io.stderr(`kafka-k8s lint: ${s}: not fixed: the file is not UTF-8 (or not valid UTF-8), and writing it back would change bytes that are not part of the fix.\n`);
    // Report on what is on disk.
    for (const s of skipped) index.update(s, originals.get(s)!.text);
  }

  const skippedSeverity = settings.rules['file-skipped'];
  const findings: Finding[] = skippedSeverity === 'off' ? [] : skippedFindings.map((f) => (skippedSeverity && skippedSeverity !== 'default' ? { ...f, severity: skippedSeverity } : f));
  for (const shown of linted) {
    const file = index.get(shown);
    if (!file) {
      findings.push(internalError(shown, 'could not be parsed', failures.get(shown)));
      continue;
    }
    try {
      findings.push(...lintFile(file, index, opts));
      const bad = originals.get(shown)?.invalidUtf8;
      if (bad && file.yaml && !file.binary) findings.push(invalidUtf8(shown, file.lines.range(bad.offset, bad.offset + 1), bad.byte));
    } catch (e) {
      findings.push(internalError(shown, 'could not be linted', e));
    }
  }
  findings.sort(compareFindings);
  if (args.quiet) findings.splice(0, findings.length, ...findings.filter((f) => f.severity === 'error'));

  const color = args.format === 'text' && useColor(args.color, io.env, io.isTTY === true, args.output !== undefined);
  const source = args.showSource ? (file: string) => index.get(file)?.text : undefined;
  const report = formatReport(
    args.format,
    { findings, fileCount: linted.length + skippedFindings.length, rules: RULES.map((r) => r.meta), toolVersion: VERSION },
    {
      color,
      source,
      uri: (file) => (file === stdinName ? encodeURIComponent(file) : sarifUri(io.cwd, originals.get(file)?.absPath ?? path.resolve(io.cwd, file))),
      srcRoot: pathToFileURL(io.cwd).href,
      githubPath: (file) => (file === stdinName ? file : githubPath(io.env.GITHUB_WORKSPACE, originals.get(file)?.absPath ?? path.resolve(io.cwd, file), file)),
    },
  );
  if (args.output !== undefined) await writeTextFile(path.resolve(io.cwd, args.output), args.output, report);
  else io.stdout(report);

  if (ioFailed) return EXIT_USAGE;
  const c = countFindings(findings);
  if (c.error > 0) return EXIT_FINDINGS;
  if (args.maxWarnings !== undefined && c.warning > args.maxWarnings) {
    io.stderr(`kafka-k8s lint: ${c.warning} warning${c.warning === 1 ? '' : 's'}, more than --max-warnings ${args.maxWarnings} allows.\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/**
 * `--fix`: applies every finding's fix that does no harm (applyFixesSafely), re-lints and repeats until nothing
 * changes (at most MAX_FIX_PASSES passes), then writes the files whose text changed (except files that are not valid UTF-8).
 */
async function fixAll(index: WorkspaceIndex, opts: EngineOptions, originals: Map<string, Original>): Promise<{ written: string[]; skipped: string[] }> {
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    let changed = false;
    for (const shown of originals.keys()) {
      const file = index.get(shown);
      if (!file) continue;
      const next = applyFixesSafely(file, lintFile(file, index, opts)).text;
      if (next === file.text) continue;
      index.update(shown, next);
      changed = true;
    }
    if (!changed) break;
  }
  const written: string[] = [];
  const skipped: string[] = [];
  for (const [shown, o] of originals) {
    const text = index.get(shown)?.text ?? o.text;
    if (text === o.text) continue;
    if (!o.lossless) {
      skipped.push(shown);
      continue;
    }
    await writeTextFile(o.absPath, shown, (o.bom ? '\ufeff' : '') + text);
    written.push(shown);
  }
  return { written, skipped };
}

/** Parses a file into the index; a parser failure (a bug) is kept and reported as a finding on that file. */
function analyze(index: WorkspaceIndex, shown: string, text: string, failures: Map<string, unknown>): void {
  try {
    index.update(shown, text);
  } catch (e) {
    failures.set(shown, e);
  }
}

/** A finding for a file the engine failed on, so one bad file never hides the others' findings. */
function internalError(file: string, what: string, e: unknown): Finding {
  return {
    ruleId: 'internal-error',
    severity: 'error',
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `This file ${what}: ${e instanceof Error ? e.message : String(e)}. Please report this.`,
  };
}

/** A YAML file with bytes that are not UTF-8: go-yaml (kubectl, Helm) refuses to read it. */
function invalidUtf8(file: string, range: Finding['range'], byte: number): Finding {
  return {
    ruleId: 'syntax-error',
    severity: 'error',
    file,
    range,
    message: `This file is not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} here, e.g. Latin-1 or Windows-1252 text): kubectl and Helm refuse YAML that is not UTF-8, and it is read here with U+FFFD in its place. Save the file as UTF-8.`,
  };
}

/** The `file-skipped` finding for a file over the size limit (it is not read at all). */
function tooLarge(file: string, size: number, limit: number): Finding {
  return {
    ruleId: 'file-skipped',
    severity: 'info',
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `This file is ${formatSize(size)}, more than the ${formatSize(limit)} limit, so it is not linted. Split it, or raise thresholds.maxFileSizeMB in .kafka-k8s.yaml.`,
  };
}

/**
 * The path GitHub annotates: relative to the repository root (GITHUB_WORKSPACE in Actions) with forward slashes, so
 * annotations land on the right file when the step runs in a subfolder (working-directory); else the path as shown.
 */
function githubPath(workspace: string | undefined, absPath: string, shown: string): string {
  if (!workspace) return shown;
  const rel = path.relative(workspace, absPath);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return shown;
  return rel.split(path.sep).join('/');
}

/** SARIF artifact URI: relative to the working directory when inside it (forward slashes), else a file URI. */
function sarifUri(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).map(encodeURIComponent).join('/');
  return pathToFileURL(absPath).href;
}

/** Adds the shipped JSON schemas (loaded and compiled once per process). */
function engineOptionsWithSchemas(opts: EngineOptions): EngineOptions {
  return { ...opts, schemas: defaultSchemaStore() };
}

export { UsageError };
