/**
 * "Kafka: New …" commands: small wizards (QuickPick / InputBox with validation) over the scaffold
 * templates, with defaults from the workspace's manifests, applied as one undoable WorkspaceEdit.
 */
import * as vscode from 'vscode';
import type * as Scaffold from '../../core/scaffold/index';
import type { ParamSpec, ParamValue, WorkspaceChoices } from '../../core/scaffold/index';
import type { Ctx } from '../ctx';
import type { Diagnostics } from '../diagnostics';

let loaded: typeof Scaffold | undefined;
/** The templates, loaded on first use. */
function scaffoldApi(): typeof Scaffold {
  return (loaded ??= require('../../core/scaffold/index') as typeof Scaffold);
}

/** Palette commands: id suffix → template id. `kafkaK8s.new` asks for the template. */
export const NEW_COMMANDS: Readonly<Record<string, string>> = {
  'kafkaK8s.new.stack': 'kafka-stack',
  'kafkaK8s.new.cluster': 'strimzi-cluster',
  'kafkaK8s.new.topic': 'strimzi-topic',
  'kafkaK8s.new.user': 'strimzi-user',
  'kafkaK8s.new.kedaConsumer': 'keda-consumer',
  'kafkaK8s.new.monitoring': 'monitoring',
  'kafkaK8s.new.javaClient': 'java-client',
  'kafkaK8s.new.goClient': 'go-client',
  'kafkaK8s.new.nodeClient': 'node-client',
};

/** What each wizard asks, in order; the other parameters keep their defaults. */
const ASK: Readonly<Record<string, readonly string[]>> = {
  'kafka-stack': ['cluster', 'namespace', 'topic', 'group', 'app', 'authentication', 'nodePools', 'brokers', 'throughput', 'consumers'],
  'strimzi-cluster': ['cluster', 'namespace', 'nodePools', 'brokers', 'authentication', 'exporter'],
  'strimzi-topic': ['cluster', 'topic', 'throughput', 'consumerThroughput', 'partitionThroughput', 'consumers', 'headroom', 'replicas'],
  'strimzi-user': ['cluster', 'user', 'topic', 'role', 'group', 'authentication'],
  'keda-consumer': ['cluster', 'topic', 'group', 'app', 'authentication', 'user', 'image'],
  monitoring: ['cluster', 'topic', 'group'],
  'java-client': ['topic', 'group', 'bootstrap', 'package', 'artifact'],
  'go-client': ['topic', 'group', 'bootstrap', 'module', 'app'],
  'node-client': ['topic', 'group', 'bootstrap', 'app'],
};

/**
 * Arguments a caller (a test, another extension, a keybinding) may pass instead of answering prompts:
 * `answers` answer the questions by key; with `acceptDefaults` unanswered questions take their default
 * without a prompt; `folder` is where files go; `overwrite` answers the overwrite question.
 */
export interface NewArgs {
  readonly template?: string;
  readonly answers?: Readonly<Record<string, ParamValue>>;
  readonly acceptDefaults?: boolean;
  readonly folder?: string | vscode.Uri;
  readonly overwrite?: boolean;
}

export interface NewResult {
  readonly written: readonly string[];
  readonly main: string;
}

const CANCELLED = Symbol('cancelled');

/** `whenIndexed` resolves once the workspace's manifests are in the index (the wizards' defaults come from it). */
export function registerScaffold(ctx: Ctx, diagnostics: Diagnostics, whenIndexed: () => Promise<void>): vscode.Disposable {
  const run = (template: string | undefined, args: NewArgs | undefined): Promise<NewResult | undefined> =>
    newFromTemplate(diagnostics, whenIndexed, { ...args, template: args?.template ?? template }).catch((e: unknown) => {
      ctx.log.error('scaffolding failed', e);
      void vscode.window.showErrorMessage(`Kafka: could not create the files: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    });
  return vscode.Disposable.from(
    vscode.commands.registerCommand('kafkaK8s.new', (args?: NewArgs) => run(undefined, args)),
    ...Object.entries(NEW_COMMANDS).map(([command, template]) => vscode.commands.registerCommand(command, (args?: NewArgs) => run(template, args))),
  );
}

async function newFromTemplate(diagnostics: Diagnostics, whenIndexed: () => Promise<void>, args: NewArgs): Promise<NewResult | undefined> {
  const api = scaffoldApi();
  // Right after activation the index may still be loading; its clusters and topics are the defaults.
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Kafka: reading the workspace manifests' }, () => whenIndexed());
  let templateId = args.template;
  if (!templateId) {
    const pick = await vscode.window.showQuickPick(
      api.TEMPLATES.map((t) => ({ label: t.title, description: t.id, detail: t.description, id: t.id })),
      { title: 'Kafka: New from Template', placeHolder: 'What to create', matchOnDescription: true, matchOnDetail: true },
    );
    if (!pick) return undefined;
    templateId = pick.id;
  }
  const template = api.findTemplate(templateId);
  const choices = api.workspaceChoices(diagnostics.index);
  const answers: Record<string, ParamValue> = {};
  const asked = ASK[template.id] ?? [];
  const title = `Kafka: New ${template.title.replace(/ \(.*\)$/, '')}`;
  for (const [i, key] of asked.entries()) {
    const spec = template.params.find((p) => p.key === key);
    if (!spec) continue;
    if (key === 'user' && template.id === 'keda-consumer' && answers.authentication === 'none') continue;
    const step = { title, step: i + 1, total: asked.length };
    const value = args.answers && key in args.answers ? args.answers[key] : args.acceptDefaults ? defaultFor(template.id, spec, answers, choices) : await ask(template.id, spec, answers, choices, step);
    if (value === CANCELLED) return undefined;
    answers[key] = value;
    applyImplied(key, value, answers, choices, template.params);
  }
  for (const [k, v] of Object.entries(args.answers ?? {})) if (!(k in answers)) answers[k] = v;
  // Keep only keys the template has (implied values may not apply to it).
  const known = new Set(template.params.map((p) => p.key));
  const given = Object.fromEntries(Object.entries(answers).filter(([k]) => known.has(k)));
  let result: Scaffold.ScaffoldResult;
  try {
    result = api.scaffold(template.id, given);
  } catch (e) {
    if (e instanceof api.ScaffoldError) {
      void vscode.window.showErrorMessage(`Kafka: ${e.message.split('\n').join('; ')}`);
      return undefined;
    }
    throw e;
  }
  const folder = await targetFolder(args);
  if (!folder) return undefined;
  const targets = result.files.map((f) => ({ file: f, uri: vscode.Uri.joinPath(folder, ...f.path.split('/')) }));
  const existing: vscode.Uri[] = [];
  for (const t of targets) if (await exists(t.uri)) existing.push(t.uri);
  if (existing.length) {
    const names = existing.map((u) => vscode.workspace.asRelativePath(u)).slice(0, 5);
    const overwrite =
      args.overwrite ??
      (await vscode.window.showWarningMessage(
        `${existing.length} file${existing.length === 1 ? '' : 's'} already exist${existing.length === 1 ? 's' : ''}: ${names.join(', ')}${existing.length > 5 ? ', …' : ''}. Overwrite?`,
        { modal: true },
        'Overwrite',
      )) === 'Overwrite';
    if (!overwrite) return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  const enc = new TextEncoder();
  for (const t of targets) edit.createFile(t.uri, { overwrite: true, contents: enc.encode(t.file.content) }, { label: `New ${template.id}`, needsConfirmation: false });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('VS Code did not apply the edit');
  const main = vscode.Uri.joinPath(folder, ...result.main.split('/'));
  await vscode.window.showTextDocument(main, { preview: false });
  return { written: targets.map((t) => t.uri.fsPath), main: main.fsPath };
}

/** Values that follow from an answer: a picked cluster brings its namespace and authentication, a topic its partitions. */
function applyImplied(key: string, value: ParamValue, answers: Record<string, ParamValue>, choices: WorkspaceChoices, specs: readonly ParamSpec[]): void {
  const has = (k: string): boolean => specs.some((s) => s.key === k);
  if (key === 'cluster') {
    const c = choices.clusters.find((x) => x.name === value);
    if (c?.namespace && has('namespace') && !('namespace' in answers)) answers.namespace = c.namespace;
  }
  if (key === 'topic') {
    // The topic of the chosen cluster first, then one that names no cluster.
    const t = choices.topics.find((x) => x.topic === value && x.cluster !== undefined && x.cluster === answers.cluster) ?? choices.topics.find((x) => x.topic === value && (answers.cluster === undefined || x.cluster === undefined));
    if (t?.partitions && has('partitions') && !('partitions' in answers)) answers.partitions = t.partitions;
  }
}

/** What a new resource of this template would collide with: `cluster` for a new cluster, etc. */
const CREATES: Readonly<Record<string, readonly string[]>> = { 'kafka-stack': ['cluster', 'topic'], 'strimzi-cluster': ['cluster'], 'strimzi-topic': ['topic'], 'strimzi-user': ['user'] };

function creates(templateId: string, key: string): boolean {
  return CREATES[templateId]?.includes(key) ?? false;
}

/** Where a name the template would create is already defined, or undefined. */
function takenBy(templateId: string, key: string, value: string, answers: Record<string, ParamValue>, choices: WorkspaceChoices): string | undefined {
  if (!creates(templateId, key)) return undefined;
  const cluster = typeof answers.cluster === 'string' ? answers.cluster : undefined;
  const hit =
    key === 'cluster'
      ? choices.clusters.find((c) => c.name === value)
      : key === 'topic'
        ? choices.topics.find((t) => t.topic === value && (!cluster || !t.cluster || t.cluster === cluster))
        : choices.users.find((u) => u.name === value && (!cluster || !u.cluster || u.cluster === cluster));
  return hit ? vscode.workspace.asRelativePath(hit.file) : undefined;
}

function defaultFor(templateId: string, spec: ParamSpec, answers: Record<string, ParamValue>, choices: WorkspaceChoices): ParamValue {
  const cluster = typeof answers.cluster === 'string' ? answers.cluster : undefined;
  // A name this wizard creates: the template's default unless the workspace already has it.
  if (creates(templateId, spec.key)) return takenBy(templateId, spec.key, String(spec.default), answers, choices) ? '' : spec.default;
  switch (spec.key) {
    case 'cluster':
      return choices.clusters[0]?.name ?? spec.default;
    case 'topic':
      return choices.topics.find((t) => !cluster || !t.cluster || t.cluster === cluster)?.topic ?? spec.default;
    case 'authentication': {
      const c = choices.clusters.find((x) => x.name === cluster);
      if (c && spec.choices?.includes(c.authentication)) return c.authentication;
      return spec.default;
    }
    case 'user':
      return choices.users.find((u) => !cluster || u.cluster === cluster)?.name ?? spec.default;
    case 'app':
      // The Deployment is usually named after its consumer group.
      return typeof answers.group === 'string' && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(answers.group) && answers.group.length <= 63 ? answers.group : spec.default;
    default:
      return spec.default;
  }
}

async function ask(templateId: string, spec: ParamSpec, answers: Record<string, ParamValue>, choices: WorkspaceChoices, step: { title: string; step: number; total: number }): Promise<ParamValue | typeof CANCELLED> {
  const api = scaffoldApi();
  const def = defaultFor(templateId, spec, answers, choices);
  const title = `${step.title} (${step.step}/${step.total})`;
  // Existing clusters, topics and users are offered where the wizard refers to one, not where it creates one.
  const fromWorkspace = creates(templateId, spec.key) ? [] : workspaceItems(spec.key, answers, choices);
  if (spec.type === 'enum' || spec.type === 'boolean' || fromWorkspace.length) {
    type Item = vscode.QuickPickItem & { value?: ParamValue };
    const items: Item[] =
      spec.type === 'enum'
        ? (spec.choices ?? []).map((c) => ({ label: c, value: c, description: c === def ? '(default)' : undefined }))
        : spec.type === 'boolean'
          ? [true, false].map((b) => ({ label: b ? 'Yes' : 'No', value: b, description: b === def ? '(default)' : undefined }))
          : [...fromWorkspace, { label: '$(edit) Other…', description: 'Type a name', alwaysShow: true }];
    items.sort((a, b) => (a.value === def ? -1 : b.value === def ? 1 : 0));
    const pick = await vscode.window.showQuickPick(items, { title, placeHolder: spec.description, ignoreFocusOut: true });
    if (!pick) return CANCELLED;
    if (pick.value !== undefined) return pick.value;
  }
  const value = await vscode.window.showInputBox({
    title,
    prompt: spec.description,
    value: String(def),
    ignoreFocusOut: true,
    validateInput: (v) => {
      const problem = api.validateParam(spec, v);
      if (problem) return problem;
      const where = takenBy(templateId, spec.key, v.trim(), answers, choices);
      return where ? `${spec.key}: '${v.trim()}' is already defined in ${where}` : undefined;
    },
  });
  if (value === undefined) return CANCELLED;
  return api.parseParam(spec, value);
}

function workspaceItems(key: string, answers: Record<string, ParamValue>, choices: WorkspaceChoices): (vscode.QuickPickItem & { value: string })[] {
  const cluster = typeof answers.cluster === 'string' ? answers.cluster : undefined;
  const rel = (f: string): string => vscode.workspace.asRelativePath(f);
  if (key === 'cluster') return choices.clusters.map((c) => ({ label: c.name, value: c.name, description: c.namespace ? `namespace ${c.namespace}` : undefined, detail: rel(c.file) }));
  if (key === 'topic')
    return choices.topics
      .filter((t) => !cluster || !t.cluster || t.cluster === cluster)
      .map((t) => ({ label: t.topic, value: t.topic, description: [t.cluster, t.partitions ? `${t.partitions} partitions` : undefined].filter(Boolean).join(' · ') || undefined, detail: rel(t.file) }));
  if (key === 'user') return choices.users.filter((u) => !cluster || u.cluster === cluster).map((u) => ({ label: u.name, value: u.name, description: u.authentication, detail: rel(u.file) }));
  return [];
}

async function targetFolder(args: NewArgs): Promise<vscode.Uri | undefined> {
  if (args.folder) return typeof args.folder === 'string' ? vscode.Uri.file(args.folder) : args.folder;
  const active = vscode.window.activeTextEditor?.document.uri;
  const ws = active && vscode.workspace.getWorkspaceFolder(active);
  const base = ws && active ? vscode.Uri.joinPath(active, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  if (args.acceptDefaults && base) return base;
  const picked = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, canSelectMany: false, defaultUri: base, openLabel: 'Create Here', title: 'Kafka: where to create the files' });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
