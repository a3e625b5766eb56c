import * as vscode from 'vscode';
import type { KafkaK8sSettings, LocatedConfigProblem } from '../core/config';
import { core } from './core';
import type { Ctx } from './ctx';

interface FolderConfig {
  readonly uri: vscode.Uri;
  readonly settings: KafkaK8sSettings;
  readonly problems: readonly LocatedConfigProblem[];
}

/**
 * The `.kafka-k8s.yaml` of each workspace folder (the file the CLI reads), kept current by a watcher.
 * Settings (`kafkaK8s.*`) win over the file where both say something.
 */
export class ProjectConfigs implements vscode.Disposable {
  private readonly byFolder = new Map<string, FolderConfig>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private loading: Promise<void> | undefined;

  constructor(private readonly ctx: Ctx) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.kafka-k8s.{yaml,yml}');
    const reload = () => void this.reload();
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload), vscode.workspace.onDidChangeWorkspaceFolders(reload));
  }

  /** Loads every folder's config file; resolves when done (later calls return the same promise until a reload). */
  ready(): Promise<void> {
    return (this.loading ??= this.load().then(() => {
      this.loaded = true;
    }));
  }

  /** Whether the config files have been read (at least once). */
  loaded = false;

  private async reload(): Promise<void> {
    this.loading = this.load();
    await this.loading;
    this.changed.fire();
  }

  private async load(): Promise<void> {
    // Let activate() return first: parsing loads the engine.
    await new Promise((r) => setTimeout(r, 0));
    this.byFolder.clear();
    const { RULES, CONFIG_FILE_NAMES, parseConfigText } = core();
    const ruleIds = RULES.map((r) => r.meta.id);
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const name of CONFIG_FILE_NAMES) {
        const uri = vscode.Uri.joinPath(folder.uri, name);
        let text: string;
        try {
          text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          continue; // no such file
        }
        try {
          const { settings, problems, syntaxErrors } = parseConfigText(text, { ruleIds });
          const all = [...syntaxErrors, ...problems];
          for (const p of all) this.ctx.log.warn(`${vscode.workspace.asRelativePath(uri)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
          this.byFolder.set(folder.uri.toString(), { uri, settings, problems: all });
          this.ctx.log.info(`config file ${vscode.workspace.asRelativePath(uri)} loaded (${all.length} problem(s))`);
        } catch (e) {
          this.ctx.log.error(`reading ${uri.toString(true)} failed`, e);
        }
        break; // the first name that exists wins, as in the CLI
      }
    }
  }

  /** The config of the folder holding `uri`, if that folder has a config file. */
  forUri(uri: vscode.Uri): KafkaK8sSettings | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.byFolder.get(folder.uri.toString())?.settings : undefined;
  }

  /** Problems of a config file, when `uri` is one we read. */
  problemsOf(uri: vscode.Uri): readonly LocatedConfigProblem[] | undefined {
    const key = uri.toString();
    for (const c of this.byFolder.values()) if (c.uri.toString() === key) return c.problems;
    return undefined;
  }

  /** Ignore patterns from every folder's config file (relative to the folder, as the CLI reads them). */
  ignorePaths(): string[] {
    const out: string[] = [];
    for (const c of this.byFolder.values()) out.push(...c.settings.ignorePaths);
    return out;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
