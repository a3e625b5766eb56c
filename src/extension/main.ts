import * as vscode from 'vscode';
import { CodeActions } from './codeActions';
import { Ctx } from './ctx';
import { Diagnostics, type LintResult, type WorkspaceLintSummary } from './diagnostics';
import { registerExplorer } from './explorer/index';
import { registerLanguageFeatures } from './language';
import { ProjectConfigs } from './projectConfig';
import { registerRuleDocs } from './ruleDocs';
import { registerScaffold } from './scaffold/index';
import { registerLanguageStatus } from './status';
import { registerYamlCoexistence } from './yamlCoexistence';

/** What `activate` returns: a small API for other extensions and for our extension-host tests. */
export interface KafkaK8sApi {
  /** Milliseconds `activate` took. */
  readonly activationMs: number;
  /** Where that time went (ms since activate started, at the end of each phase). */
  readonly activationPhases: Readonly<Record<string, number>>;
  /** Fires after a document's diagnostics were updated. */
  readonly onDidLint: vscode.Event<LintResult>;
  /** Resolves once the workspace index (used by cross-file rules) has been read. */
  whenIndexed(): Promise<void>;
  /** Lints every Kafka-related file of the workspace into the Problems panel (what "Kafka: Lint Workspace" does, without UI). */
  lintWorkspace(token?: vscode.CancellationToken): Promise<WorkspaceLintSummary>;
}

export const LANGUAGE_SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml' },
  { language: 'properties' },
  { language: 'spring-boot-properties' },
  { language: 'spring-boot-properties-yaml' },
  { language: 'helm' },
  { pattern: '**/*.{yaml,yml,properties}' },
];

/** Client code whose Kafka settings we lint (diagnostics and quick fixes only; no hovers or completion there). */
export const CODE_SELECTOR: vscode.DocumentSelector = [{ language: 'java' }, { language: 'go' }, { language: 'javascript' }, { language: 'typescript' }];

export function activate(context: vscode.ExtensionContext): KafkaK8sApi | undefined {
  const t0 = performance.now();
  let ctx: Ctx | undefined;
  let explorerMs = 0;
  const phases: Record<string, number> = {};
  const phase = (name: string) => (phases[name] = Math.round((performance.now() - t0) * 10) / 10);
  try {
    ctx = new Ctx(context);
    phase('context');
    const configs = new ProjectConfigs(ctx);
    const diagnostics = new Diagnostics(ctx, configs);
    ctx.push(configs, diagnostics);
    phase('diagnostics');
    ctx.push(
      registerRuleDocs(),
      vscode.languages.registerCodeActionsProvider([...(LANGUAGE_SELECTOR as vscode.DocumentFilter[]), ...(CODE_SELECTOR as vscode.DocumentFilter[])], new CodeActions(diagnostics), CodeActions.metadata),
      registerLanguageFeatures(ctx, diagnostics, LANGUAGE_SELECTOR),
      registerYamlCoexistence(ctx, diagnostics),
      registerScaffold(ctx, diagnostics, () => configs.ready().then(() => diagnostics.loadWorkspaceIndex())),
      registerLanguageStatus(ctx, diagnostics, LANGUAGE_SELECTOR),
      vscode.commands.registerCommand('kafkaK8s.lintWorkspace', () => lintWorkspaceCommand(ctx!, diagnostics)),
      vscode.commands.registerCommand('kafkaK8s.showLogs', () => ctx!.log.show()),
    );
    phase('features');
    // The explorer loads the Kafka and Kubernetes clients lazily, when a view first needs them.
    // Its failure must not take linting down with it.
    const te = performance.now();
    try {
      ctx.push(registerExplorer(context));
    } catch (e) {
      ctx.log.error('the cluster explorer could not start', e);
      void vscode.window.showErrorMessage(`Kafka on Kubernetes: the cluster explorer could not start: ${e instanceof Error ? e.message : String(e)}`, 'Show Logs').then((pick) => {
        if (pick) ctx?.log.show();
      });
    }
    explorerMs = performance.now() - te;
    phase('explorer');
    // Config file first (severity overrides), then the workspace index in the background.
    void configs.ready().then(() => {
      diagnostics.relintOpen();
      return diagnostics.loadWorkspaceIndex();
    });
    const activationMs = performance.now() - t0;
    ctx.log.info(`activated in ${activationMs.toFixed(1)} ms (explorer registration ${explorerMs.toFixed(1)} ms; VS Code ${vscode.version}, ${vscode.workspace.isTrusted ? 'trusted' : 'untrusted'} workspace)`);
    return {
      activationMs,
      activationPhases: phases,
      onDidLint: diagnostics.onDidLint,
      whenIndexed: () => configs.ready().then(() => diagnostics.loadWorkspaceIndex()),
      lintWorkspace: (token) => configs.ready().then(() => diagnostics.lintWorkspace({ report: () => undefined }, token ?? new vscode.CancellationTokenSource().token)),
    };
  } catch (e) {
    // VS Code does not tell the user when activation fails: say it once, clearly, with the way to the log.
    const msg = e instanceof Error ? e.message : String(e);
    ctx?.log.error('activation failed', e);
    void vscode.window.showErrorMessage(`Kafka on Kubernetes could not start: ${msg}`, ...(ctx ? ['Show Logs'] : [])).then((pick) => {
      if (pick) ctx?.log.show();
    });
    return undefined;
  }
}

async function lintWorkspaceCommand(ctx: Ctx, diagnostics: Diagnostics): Promise<WorkspaceLintSummary> {
  const t0 = Date.now();
  const sum = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Kafka: linting workspace', cancellable: true },
    (progress, token) => diagnostics.lintWorkspace(progress, token),
  );
  const text = sum.cancelled
    ? `Kafka lint cancelled after ${sum.files} file(s).`
    : `Kafka lint: ${sum.files} file(s), ${sum.errors} error(s), ${sum.warnings} warning(s), ${sum.infos} other finding(s).`;
  ctx.log.info(`${text} (${Date.now() - t0} ms)`);
  if (sum.errors + sum.warnings + sum.infos > 0 && !sum.cancelled) {
    void vscode.window.showInformationMessage(text, 'Show Problems').then((pick) => {
      if (pick) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  } else {
    void vscode.window.showInformationMessage(text);
  }
  return sum;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
