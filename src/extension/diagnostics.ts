import * as vscode from 'vscode';
import type { EngineOptions } from '../core/engine';
import type { ExplicitVersions } from '../core/versions';
import type { Finding } from '../core/model';
import type { SourceFile } from '../core/source';
import type { WorkspaceIndex } from '../core/workspace';
import { core, coreLoadMs, hasLintableExtension, usesKafkaClient } from './core';
import { ruleIdOf, sameRange, toDiagnostic } from './convert';
import type { Ctx } from './ctx';
import type { ProjectConfigs } from './projectConfig';
import { ruleDocsTarget } from './ruleDocs';
import { schemaStore } from './schemaStore';

/** Language ids whose documents we lint (besides any file named *.yaml|yml|properties). */
const LANGUAGES = new Set(['yaml', 'properties', 'spring-boot-properties', 'spring-boot-properties-yaml', 'helm', 'java-properties', 'java', 'go', 'javascript', 'typescript']);
/** Languages of client code, with the extension the engine knows them by (for untitled documents). */
const CODE_EXTENSION: Record<string, string> = { java: '.java', go: '.go', javascript: '.js', typescript: '.ts' };
const YAML_LANGUAGES = new Set(['yaml', 'spring-boot-properties-yaml', 'helm']);
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
export const WORKSPACE_GLOB = '**/*.{yaml,yml,properties}';
/** Client source files Lint Workspace reads (those that use a Kafka client are linted), and what it skips. */
const CODE_GLOB = '**/*.{java,go,js,mjs,cjs,ts,mts,cts}';
const CODE_EXCLUDE = '**/{node_modules,vendor,target,dist,out,build,coverage,.git}/**';
/** Files larger than this are not read into the workspace index (they are still linted when opened). */
const MAX_INDEX_BYTES = 2 * 1024 * 1024;

/** Whether other files' findings may depend on this file (resources or Kafka config sets). */
function relevant(f: SourceFile): boolean {
  return f.resources.length > 0 || f.configSets.length > 0;
}

/** What one lint produced, kept for code actions and hovers. */
export interface LintResult {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly findings: readonly Finding[];
  readonly ms: number;
}

export interface WorkspaceLintSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly cancelled: boolean;
}

/** Rule ids whose findings another extension already reports for a document (e.g. YAML syntax errors). */
export type LeftToOthers = (doc: vscode.TextDocument) => readonly string[];

/**
 * Diagnostics: one collection, per-document debounce, stale results dropped, cleared on close, a
 * workspace index kept current from open documents and workspace files, and "Lint Workspace".
 */
export class Diagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('kafka-k8s');
  private workspaceIndex: WorkspaceIndex | undefined;
  private readonly results = new Map<string, LintResult>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly uriByPath = new Map<string, vscode.Uri>();
  /** The file each document was last linted as (hovers and completion may update the index in between). */
  private readonly lastLinted = new Map<string, SourceFile>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly linted = new vscode.EventEmitter<LintResult>();
  /** Fires after diagnostics of a document were updated. */
  readonly onDidLint = this.linted.event;
  private relintOthers: ReturnType<typeof setTimeout> | undefined;
  private ignoreMatcher: ((path: string) => boolean) | undefined;
  private indexLoaded: Promise<void> | undefined;
  private firstLintLogged = false;
  leftToOthers: LeftToOthers = () => [];

  constructor(
    private readonly ctx: Ctx,
    private readonly configs: ProjectConfigs,
  ) {
    const w = vscode.workspace;
    this.disposables.push(
      this.collection,
      this.linted,
      w.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      w.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.ctx.settings.run === 'onType') this.schedule(e.document);
      }),
      w.onDidSaveTextDocument((d) => {
        if (this.ctx.settings.run === 'onSave') this.schedule(d, 0);
      }),
      w.onDidCloseTextDocument((d) => this.closed(d)),
      ctx.onDidChangeSettings(() => this.settingsChanged()),
      configs.onDidChange(() => this.settingsChanged()),
      w.onDidChangeWorkspaceFolders(() => {
        this.indexLoaded = undefined;
        void this.loadWorkspaceIndex();
      }),
    );
    const watcher = w.createFileSystemWatcher(WORKSPACE_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.fileChanged(u)),
      watcher.onDidChange((u) => this.fileChanged(u)),
      watcher.onDidDelete((u) => this.fileDeleted(u)),
    );
    for (const d of w.textDocuments) this.schedule(d, 0);
  }

  /** Every Kafka-related file we know (open documents win over disk), for cross-file rules. */
  get index(): WorkspaceIndex {
    return (this.workspaceIndex ??= new (core().WorkspaceIndex)());
  }

  /** Reads the workspace's Kafka-related files into the index in the background (for cross-file rules). */
  loadWorkspaceIndex(): Promise<void> {
    if (!this.indexLoaded) {
      this.indexLoaded = (async () => {
        const t0 = Date.now();
        const uris = (await this.workspaceFiles(undefined)).filter((u) => !this.isOpen(u));
        let n = 0;
        for (let i = 0; i < uris.length; i += 16) {
          const read = await Promise.all(uris.slice(i, i + 16).map((u) => this.readIntoIndex(u)));
          n += read.filter(Boolean).length;
        }
        this.ctx.log.info(`workspace index: ${n} files read in ${Date.now() - t0} ms`);
        if (n > 0 && core().RULES.some((r) => r.meta.crossFile)) this.relintOpen();
      })().catch((e) => this.ctx.log.error('reading the workspace index failed', e));
    }
    return this.indexLoaded;
  }

  /** The last lint result of a document, if it is still current. */
  resultFor(doc: vscode.TextDocument): LintResult | undefined {
    const r = this.results.get(doc.uri.toString());
    return r && r.version === doc.version ? r : undefined;
  }

  /** Findings of a document behind the given diagnostics (matched by rule id and range). */
  findingsFor(doc: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): { finding: Finding; diagnostic: vscode.Diagnostic }[] {
    const r = this.resultFor(doc);
    if (!r) return [];
    const out: { finding: Finding; diagnostic: vscode.Diagnostic }[] = [];
    for (const d of diagnostics) {
      const id = ruleIdOf(d);
      if (!id) continue;
      const f = r.findings.find((x) => x.ruleId === id && sameRange(x.range, d.range) && x.message === d.message);
      if (f) out.push({ finding: f, diagnostic: d });
    }
    return out;
  }

  /** Whether we lint this document at all. */
  isLintable(doc: vscode.TextDocument): boolean {
    return this.isCandidate(doc) && !this.isIgnored(doc.uri);
  }

  /** The cheap part of `isLintable`: scheme and language or file extension. */
  private isCandidate(doc: vscode.TextDocument): boolean {
    if (!SCHEMES.has(doc.uri.scheme) || !(LANGUAGES.has(doc.languageId) || hasLintableExtension(doc.uri.path))) return false;
    // Java and Go files only when they use a Kafka client (checked without loading the engine).
    const code = CODE_EXTENSION[doc.languageId];
    if (code || /\.(java|go|[cm]?[jt]s)$/i.test(doc.uri.path)) {
      return usesKafkaClient(/\.(java|go|[cm]?[jt]s)$/i.test(doc.uri.path) ? doc.uri.path : doc.uri.path + code, doc.getText());
    }
    return true;
  }

  isIgnored(uri: vscode.Uri): boolean {
    const m = (this.ignoreMatcher ??= this.buildIgnoreMatcher());
    return m(vscode.workspace.asRelativePath(uri, false)) || m(uri.path);
  }

  /** The engine path of a document: its file path, with an extension added when the name has none we read. */
  pathOf(doc: vscode.TextDocument): string {
    const base = doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.scheme === 'untitled' ? doc.uri.path : doc.uri.toString();
    let p = base;
    if (!hasLintableExtension(p)) p += CODE_EXTENSION[doc.languageId] ?? (YAML_LANGUAGES.has(doc.languageId) ? '.yaml' : '.properties');
    this.uriByPath.set(p, doc.uri);
    return p;
  }

  private pathOfUri(uri: vscode.Uri): string {
    const p = uri.scheme === 'file' ? uri.fsPath : uri.toString();
    this.uriByPath.set(p, uri);
    return p;
  }

  private uriOf = (path: string): vscode.Uri => this.uriByPath.get(path) ?? (path.includes('://') ? vscode.Uri.parse(path) : vscode.Uri.file(path));

  /** Target versions set for a document: settings win over the folder's `.kafka-k8s.yaml` (cheap; loads nothing). */
  versionsFor(uri: vscode.Uri): ExplicitVersions {
    const s = this.ctx.settings;
    const cfg = this.configs.forUri(uri);
    const versions: { -readonly [K in keyof ExplicitVersions]: ExplicitVersions[K] } = {};
    for (const k of ['strimzi', 'kafka', 'keda'] as const) {
      const fromSetting = s.versions[k];
      const fromConfig = cfg?.versions?.[k];
      if (fromSetting) versions[k] = { value: fromSetting, source: 'setting' };
      else if (fromConfig) versions[k] = { value: fromConfig, source: 'config' };
    }
    return versions;
  }

  /** Engine options for a document: settings, then the project config file, versions merged (settings win). */
  engineOptions(uri: vscode.Uri): EngineOptions {
    const s = this.ctx.settings;
    const cfg = this.configs.forUri(uri);
    const schemaValidation = s.schemaValidation !== 'off';
    return {
      versions: this.versionsFor(uri),
      rules: { ...(cfg?.rules ?? {}), ...s.rules },
      settings: {
        assumeCompleteWorkspace: s.assumeCompleteWorkspace || cfg?.crossResource.assumeCompleteWorkspace === true,
        ...(cfg && Object.keys(cfg.thresholds).length > 0 ? { thresholds: cfg.thresholds } : {}),
      },
      schemaValidation,
      ...(schemaValidation ? { schemas: schemaStore(this.ctx) } : {}),
    };
  }

  /** Schedules a lint of a document after the debounce delay (or `delay` ms). */
  schedule(doc: vscode.TextDocument, delay?: number): void {
    const key = doc.uri.toString();
    // Large files take a while to lint: wait longer between lints while typing goes on in them.
    delay ??= Math.max(this.ctx.settings.debounceMs, Math.min(2000, Math.round((this.results.get(key)?.ms ?? 0) * 1.5)));
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    if (!this.ctx.settings.enable || !this.isCandidate(doc)) {
      if (this.results.has(key) || this.collection.has(doc.uri)) this.clear(doc.uri);
      return;
    }
    const version = doc.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (doc.isClosed || doc.version !== version) return; // a newer change has its own timer
        if (!this.configs.loaded) {
          // Severities and ignores come from .kafka-k8s.yaml: never publish findings without it.
          void this.configs.ready().then(() => this.schedule(doc, 0));
          return;
        }
        if (this.isIgnored(doc.uri)) {
          this.clear(doc.uri);
          return;
        }
        this.lintNow(doc);
      }, delay),
    );
  }

  /** Lints a document now and publishes its diagnostics. */
  lintNow(doc: vscode.TextDocument): LintResult | undefined {
    const version = doc.version;
    const t0 = performance.now();
    try {
      const path = this.pathOf(doc);
      const before = this.lastLinted.get(path);
      // Dependents before and after the change: a renamed topic affects the scalers of both names.
      const { file, dependents } = this.index.updateWithDependents(path, doc.getText());
      this.lastLinted.set(path, file);
      const dropped = this.leftToOthers(doc);
      const all = core().lintFile(file, this.index, this.engineOptions(doc.uri));
      const findings = dropped.length > 0 ? all.filter((f) => !dropped.includes(f.ruleId)) : all;
      if (doc.isClosed || doc.version !== version) return undefined; // stale: a newer version is coming
      const result: LintResult = { uri: doc.uri, version, findings, ms: performance.now() - t0 };
      if (this.results.size === 0 && !this.firstLintLogged) {
        this.firstLintLogged = true;
        this.ctx.log.info(`first lint: ${vscode.workspace.asRelativePath(doc.uri)} in ${result.ms.toFixed(0)} ms (engine loaded in ${coreLoadMs.toFixed(0)} ms)`);
      }
      this.results.set(doc.uri.toString(), result);
      const diags = findings.map((f) => toDiagnostic(f, ruleDocsTarget, this.uriOf));
      this.collection.set(doc.uri, diags);
      this.linted.fire(result);
      // Files whose cross-file findings depend on this one's resources are re-linted right after it.
      if (before !== file && (relevant(file) || (before !== undefined && relevant(before)))) this.relintDependents(dependents);
      return result;
    } catch (e) {
      // Never leave stale results behind; log once with the stack, no pop-up while typing.
      this.clear(doc.uri);
      this.ctx.log.error(`linting ${doc.uri.toString(true)} failed`, e);
      return undefined;
    }
  }

  /** Paths waiting to be re-linted because a file they depend on changed. */
  private readonly pendingDependents = new Set<string>();

  /**
   * Re-lints the files that depend on a changed file (`WorkspaceIndex.dependents`): open documents,
   * and closed files that already show findings (Lint Workspace). Runs on the next tick, so the
   * changed file's own diagnostics are published first; a burst of changes is merged.
   */
  private relintDependents(paths: readonly string[]): void {
    if (paths.length === 0 || !core().RULES.some((r) => r.meta.crossFile)) return;
    for (const p of paths) this.pendingDependents.add(p);
    if (this.relintOthers) return;
    this.relintOthers = setTimeout(() => {
      this.relintOthers = undefined;
      const paths = [...this.pendingDependents];
      this.pendingDependents.clear();
      const open = new Map<string, vscode.TextDocument>();
      for (const d of vscode.workspace.textDocuments) if (this.isLintable(d)) open.set(this.pathOf(d), d);
      for (const p of paths) {
        const d = open.get(p);
        if (d) {
          if (!this.timers.has(d.uri.toString())) this.lintNow(d); // else its own lint is coming
          continue;
        }
        const uri = this.uriOf(p);
        if (this.collection.has(uri) && !this.isIgnored(uri)) this.lintClosed(uri);
      }
    }, 0);
  }

  private settingsChanged(): void {
    this.rebuildIgnore();
    // Closed files that Lint Workspace reported on and that are now ignored lose their findings.
    const stale: vscode.Uri[] = [];
    this.collection.forEach((uri) => {
      if (!this.isOpen(uri) && this.isIgnored(uri)) stale.push(uri);
    });
    for (const uri of stale) this.clear(uri);
    this.relintOpen();
  }

  relintOpen(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.results.delete(uri.toString());
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    this.clear(doc.uri);
    const path = this.pathOf(doc);
    this.lastLinted.delete(path);
    // The index must reflect the file on disk again (unsaved edits were discarded), or forget it.
    if (doc.uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(doc.uri) && !this.isIgnored(doc.uri)) void this.readIntoIndex(doc.uri);
    else this.index.delete(path);
  }

  private isOpen(uri: vscode.Uri): boolean {
    const k = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === k);
  }

  private async fileChanged(uri: vscode.Uri): Promise<void> {
    if (this.isOpen(uri) || this.isIgnored(uri)) return; // open documents are authoritative
    const path = this.pathOfUri(uri);
    const before = this.index.dependents(path);
    if (!(await this.readIntoIndex(uri))) return;
    this.relintDependents([...new Set([...before, ...this.index.dependents(path)])]);
    // A closed file that Lint Workspace reported on: keep its diagnostics in step with the disk.
    if (this.collection.has(uri)) this.lintClosed(uri);
  }

  /** Lints a file that is not open, from the index, and publishes its diagnostics; undefined if unknown. */
  private lintClosed(uri: vscode.Uri): readonly Finding[] | undefined {
    const file = this.index.get(this.pathOfUri(uri));
    if (!file) return undefined;
    try {
      const findings = core().lintFile(file, this.index, this.engineOptions(uri));
      this.collection.set(
        uri,
        findings.map((f) => toDiagnostic(f, ruleDocsTarget, this.uriOf)),
      );
      return findings;
    } catch (e) {
      this.clear(uri);
      this.ctx.log.error(`linting ${uri.toString(true)} failed`, e);
      return undefined;
    }
  }

  private fileDeleted(uri: vscode.Uri): void {
    const path = this.pathOfUri(uri);
    const dependents = this.index.dependents(path);
    if (this.index.delete(path)) this.relintDependents(dependents);
    if (!this.isOpen(uri)) this.clear(uri);
  }

  private async readIntoIndex(uri: vscode.Uri): Promise<boolean> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_INDEX_BYTES) return false;
      const bytes = await vscode.workspace.fs.readFile(uri);
      this.index.update(this.pathOfUri(uri), new TextDecoder('utf-8').decode(bytes));
      return true;
    } catch (e) {
      this.ctx.log.debug(`could not read ${uri.toString(true)}: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }

  /** Workspace files we lint, honouring `kafkaK8s.lint.ignore` and each folder's `.kafka-k8s.yaml` ignorePaths. */
  private async workspaceFiles(token: vscode.CancellationToken | undefined): Promise<vscode.Uri[]> {
    const max = this.ctx.settings.maxWorkspaceFiles;
    if (max === 0 || !vscode.workspace.workspaceFolders?.length) return [];
    const exclude = this.ctx.settings.ignore.length > 0 ? `{${this.ctx.settings.ignore.join(',')}}` : undefined;
    const uris = await vscode.workspace.findFiles(WORKSPACE_GLOB, exclude, max, token);
    return uris.filter((u) => !this.isIgnored(u)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * Client source files that use a Kafka client (Lint Workspace only: they are not needed for cross-file rules, and
   * reading every source file of a large repository at activation would cost too much).
   */
  private async workspaceCodeFiles(token: vscode.CancellationToken | undefined): Promise<vscode.Uri[]> {
    const max = this.ctx.settings.maxWorkspaceFiles;
    if (max === 0 || !vscode.workspace.workspaceFolders?.length) return [];
    const exclude = `{${[CODE_EXCLUDE, ...this.ctx.settings.ignore].join(',')}}`;
    const uris = await vscode.workspace.findFiles(CODE_GLOB, exclude, max, token);
    const docs = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const out: vscode.Uri[] = [];
    for (const uri of uris) {
      if (token?.isCancellationRequested || this.isIgnored(uri) || /\.d\.[cm]?ts$/.test(uri.path)) continue;
      try {
        const doc = docs.get(uri.toString());
        if (!doc && (await vscode.workspace.fs.stat(uri)).size > MAX_INDEX_BYTES) continue;
        const text = doc ? doc.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        if (usesKafkaClient(uri.path, text)) out.push(uri);
      } catch {
        /* unreadable: skipped, as in the index */
      }
    }
    return out;
  }

  /** "Kafka: Lint Workspace": reads and lints every Kafka-related file, with progress and cancellation. */
  async lintWorkspace(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<WorkspaceLintSummary> {
    const uris = [...(await this.workspaceFiles(token)), ...(await this.workspaceCodeFiles(token))];
    const sum = { files: 0, errors: 0, warnings: 0, infos: 0, cancelled: false };
    if (token.isCancellationRequested) return { ...sum, cancelled: true };
    const docs = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    // Findings of closed files from an earlier run that this run no longer covers (deleted, now ignored) go.
    const covered = new Set(uris.map((u) => u.toString()));
    const gone: vscode.Uri[] = [];
    this.collection.forEach((uri) => {
      if (!covered.has(uri.toString()) && !docs.has(uri.toString())) gone.push(uri);
    });
    for (const uri of gone) this.clear(uri);
    // First pass: index every file, so cross-file rules see the whole workspace.
    for (const uri of uris) {
      if (token.isCancellationRequested) return { ...sum, cancelled: true };
      const doc = docs.get(uri.toString());
      if (doc) this.index.update(this.pathOf(doc), doc.getText());
      else await this.readIntoIndex(uri);
    }
    const step = uris.length > 0 ? 100 / uris.length : 0;
    let i = 0;
    let reported = 0;
    for (const uri of uris) {
      if (token.isCancellationRequested) return { ...sum, cancelled: true };
      if (++i % 25 === 0) await new Promise((r) => setImmediate(r)); // stay responsive; let cancellation arrive
      if (i === 1 || i - reported >= 10 || i === uris.length) {
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: step * (i - reported) });
        reported = i;
      }
      const doc = docs.get(uri.toString());
      let findings: readonly Finding[];
      if (doc) {
        findings = this.lintNow(doc)?.findings ?? [];
      } else {
        const f = this.lintClosed(uri);
        if (!f) continue;
        findings = f;
      }
      sum.files++;
      for (const f of findings) {
        if (f.severity === 'error') sum.errors++;
        else if (f.severity === 'warning') sum.warnings++;
        else sum.infos++;
      }
    }
    return sum;
  }

  private rebuildIgnore(): void {
    this.ignoreMatcher = undefined; // rebuilt on next use
  }

  private buildIgnoreMatcher(): (path: string) => boolean {
    const patterns = [...this.ctx.settings.ignore, ...this.configs.ignorePaths()];
    if (patterns.length === 0) return () => false;
    try {
      const { picomatch } = core();
      const m = picomatch(patterns, { dot: true });
      // Patterns without a slash match a file or folder name anywhere, as in .gitignore.
      const bare = picomatch(
        patterns.filter((p) => !p.includes('/')),
        { dot: true, basename: true },
      );
      return (p) => m(p) || bare(p);
    } catch (e) {
      this.ctx.log.warn(`invalid ignore pattern: ${e instanceof Error ? e.message : String(e)}`);
      return () => false;
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    if (this.relintOthers) clearTimeout(this.relintOthers);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
