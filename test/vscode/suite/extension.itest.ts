/**
 * Extension-host tests: the real extension in a real VS Code, on the fixture workspace
 * `test/fixtures/vscode-ws` (copied to a temp folder by the launcher, so edits are safe).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sleep, test, waitFor } from './harness';

const EXTENSION_ID = 'kafka-k8s.kafka-k8s';

interface Api {
  readonly activationMs: number;
  readonly onDidLint: vscode.Event<{ uri: vscode.Uri; version: number; findings: readonly unknown[]; ms: number }>;
  whenIndexed(): Promise<void>;
}

let api: Api;

function wsUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(wsUri(rel));
  return vscode.window.showTextDocument(doc);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kafka-k8s');
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

function withRule(uri: vscode.Uri, id: string): vscode.Diagnostic[] {
  return ours(uri).filter((d) => codeOf(d) === id);
}

function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

async function waitForRule(uri: vscode.Uri, id: string, present = true, timeoutMs = 15000): Promise<vscode.Diagnostic[]> {
  return waitFor(`${id} ${present ? 'on' : 'gone from'} ${vscode.workspace.asRelativePath(uri)} (have: ${ours(uri).map(codeOf).join(', ')})`, () => {
    const d = withRule(uri, id);
    return present ? d.length > 0 && d : d.length === 0 && [];
  }, timeoutMs);
}

async function actionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
}

async function undo(editor: vscode.TextEditor, expected: string): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  await waitFor('undo', () => editor.document.getText() === expected);
}

test('activates on a YAML/properties file, with its commands, in well under a second', async () => {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} not found`);
  await open('producer.properties');
  await waitFor('activation', () => ext.isActive);
  api = ext.exports;
  assert.equal(typeof api.activationMs, 'number');
  console.log(`    BENCH activation: ${api.activationMs.toFixed(1)} ms (activate() body)`);
  const cmds = await vscode.commands.getCommands(true);
  for (const c of ['kafkaK8s.lintWorkspace', 'kafkaK8s.showRuleDocumentation', 'kafkaK8s.showLogs']) assert.ok(cmds.includes(c), `command ${c} missing`);
  assert.ok(api.activationMs < 1000, `activation took ${api.activationMs} ms`);
});

test('a weak acks setting is a diagnostic at the exact range, with source, docs link and config-file severity', async () => {
  const uri = wsUri('producer.properties');
  const [d] = await waitForRule(uri, 'producer-acks-weak');
  assert.equal(rangeText(d.range), '2:5-2:6'); // the value `1` of `acks=1`
  assert.equal(d.source, 'kafka-k8s');
  const code = d.code as { value: string; target: vscode.Uri };
  assert.equal(code.value, 'producer-acks-weak');
  assert.match(code.target.toString(), /#producer-acks-weak$/);
  // `.kafka-k8s.yaml` in the workspace raises the rule from warning to error.
  await waitFor('severity from .kafka-k8s.yaml', () => withRule(uri, 'producer-acks-weak')[0]?.severity === vscode.DiagnosticSeverity.Error);
  assert.match(d.message, /acks=1/);
});

test('Spring Boot YAML gets the same rule at the value of spring.kafka.producer.acks', async () => {
  const uri = wsUri('src/main/resources/application.yml');
  await open('src/main/resources/application.yml');
  const [d] = await waitForRule(uri, 'producer-acks-weak');
  assert.equal(rangeText(d.range), '4:12-4:13');
});

test('a YAML syntax error is reported where the parser stops', async () => {
  const uri = wsUri('broken.yaml');
  await open('broken.yaml');
  const [d] = await waitForRule(uri, 'syntax-error');
  assert.equal(d.range.start.line, 5);
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
});

test('the quick fix (preferred) sets acks=all, the finding disappears, and undo brings it back', async () => {
  const editor = await open('producer.properties');
  const uri = editor.document.uri;
  const before = editor.document.getText();
  const [d] = await waitForRule(uri, 'producer-acks-weak');
  const actions = await actionsAt(uri, d.range);
  const titles = actions.map((a) => a.title);
  const fix = actions.find((a) => a.title === 'Set acks to all');
  assert.ok(fix, `no fix among: ${titles.join(' | ')}`);
  assert.equal(fix.isPreferred, true);
  assert.ok(titles.includes('Disable producer-acks-weak for this line'), titles.join(' | '));
  assert.ok(titles.includes('Disable producer-acks-weak for this file'), titles.join(' | '));
  assert.ok(titles.includes('Show documentation for producer-acks-weak'), titles.join(' | '));
  assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
  assert.equal(editor.document.lineAt(2).text, 'acks=all');
  await waitForRule(uri, 'producer-acks-weak', false);
  await undo(editor, before);
  await waitForRule(uri, 'producer-acks-weak');
});

test('"Disable for this line" inserts an indented comment above the finding in YAML', async () => {
  const editor = await open('src/main/resources/application.yml');
  const uri = editor.document.uri;
  const before = editor.document.getText();
  const [d] = await waitForRule(uri, 'producer-acks-weak');
  const a = (await actionsAt(uri, d.range)).find((x) => x.title === 'Disable producer-acks-weak for this line');
  assert.ok(a?.edit);
  assert.ok(await vscode.workspace.applyEdit(a.edit));
  assert.equal(editor.document.lineAt(4).text, '      # kafka-k8s-disable-next-line producer-acks-weak');
  assert.equal(editor.document.lineAt(5).text, '      acks: 1');
  await waitForRule(uri, 'producer-acks-weak', false);
  await undo(editor, before);
});

test('"Disable for this file" inserts the file directive at the top of a properties file', async () => {
  const editor = await open('producer.properties');
  const uri = editor.document.uri;
  const before = editor.document.getText();
  const [d] = await waitForRule(uri, 'producer-acks-weak');
  const a = (await actionsAt(uri, d.range)).find((x) => x.title === 'Disable producer-acks-weak for this file');
  assert.ok(a?.edit);
  assert.ok(await vscode.workspace.applyEdit(a.edit));
  assert.equal(editor.document.lineAt(0).text, '# kafka-k8s-disable-file producer-acks-weak');
  await waitForRule(uri, 'producer-acks-weak', false);
  await undo(editor, before);
  await waitForRule(uri, 'producer-acks-weak');
});

test('"Show documentation" opens the rule docs generated from the registry', async () => {
  const uri = wsUri('producer.properties');
  const [d] = await waitForRule(uri, 'producer-acks-weak');
  const a = (await actionsAt(uri, d.range)).find((x) => x.title === 'Show documentation for producer-acks-weak');
  assert.ok(a?.command);
  const shown = await vscode.commands.executeCommand<string>(a.command.command, ...(a.command.arguments ?? []));
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(shown));
  assert.match(doc.getText(), /^# producer-acks-weak/m);
  assert.match(doc.getText(), /\*\*Why:\*\*/);
  assert.match(doc.getText(), /kafka-k8s-disable-next-line producer-acks-weak/);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});

test('kafkaK8s.rules overrides severities and turns rules off, live', async () => {
  const uri = wsUri('producer.properties');
  await open('producer.properties');
  await waitForRule(uri, 'producer-acks-weak');
  const cfg = () => vscode.workspace.getConfiguration('kafkaK8s');
  try {
    await cfg().update('rules', { 'producer-acks-weak': 'hint' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('hint severity', () => withRule(uri, 'producer-acks-weak')[0]?.severity === vscode.DiagnosticSeverity.Hint);
    await cfg().update('rules', { 'producer-acks-weak': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForRule(uri, 'producer-acks-weak', false);
  } finally {
    await cfg().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitFor('error severity again', () => withRule(uri, 'producer-acks-weak')[0]?.severity === vscode.DiagnosticSeverity.Error);
});

test('hovering a finding explains why it matters and how to fix it', async () => {
  const uri = wsUri('producer.properties');
  await waitForRule(uri, 'producer-acks-weak');
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 5))) ?? [];
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.match(text, /producer-acks-weak/);
  assert.match(text, /leader/);
});

test('an untitled properties document is linted too', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'properties', content: 'bootstrap.servers=localhost:9092\nacks=0\n' });
  await vscode.window.showTextDocument(doc);
  const [d] = await waitForRule(doc.uri, 'producer-acks-weak');
  assert.equal(rangeText(d.range), '1:5-1:6');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('cross-file: a KEDA trigger is checked against the consumer config of its group, and follows edits to it', async () => {
  await api.whenIndexed();
  const so = wsUri('k8s/scaledobject.yaml');
  await open('k8s/scaledobject.yaml');
  const [d] = await waitForRule(so, 'keda-kafka-lag-threshold-low');
  assert.equal(rangeText(d.range), '15:22-15:26'); // lagThreshold: "50"
  const rel = d.relatedInformation?.[0];
  assert.ok(rel, 'no related information');
  assert.match(rel.location.uri.path, /consumer\.properties$/);
  // Lower max.poll.records in the consumer config (an open, unsaved edit): the finding goes away.
  const consumer = await open('consumer.properties');
  const before = consumer.document.getText();
  await consumer.edit((e) => e.insert(new vscode.Position(consumer.document.lineCount, 0), 'max.poll.records=20\n'));
  await waitForRule(so, 'keda-kafka-lag-threshold-low', false);
  await undo(consumer, before);
  await waitForRule(so, 'keda-kafka-lag-threshold-low');
});

test('"Kafka: Lint Workspace" lints files that are not open and reports a summary', async () => {
  const topics = wsUri('k8s/kafka-cluster.yaml');
  assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === topics.toString()), false);
  const sum = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number; cancelled: boolean }>('kafkaK8s.lintWorkspace');
  assert.equal(sum.cancelled, false);
  assert.ok(sum.files >= 8, `only ${sum.files} files linted`);
  const [d] = withRule(topics, 'strimzi-forbidden-kafka-config');
  assert.ok(d, `no strimzi-forbidden-kafka-config on kafka-cluster.yaml: ${ours(topics).map(codeOf).join(', ')}`);
  assert.equal(d.range.start.line, 59);
});

/** A Strimzi manifest of about `lines` lines: a cluster, node pools and topics, as several documents. */
function manifest(lines: number): string {
  const head = `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: bench
spec:
  kafka:
    version: 4.1.0
    listeners:
      - name: plain
        port: 9092
        type: internal
        tls: false
    config:
      acks: 1
      min.insync.replicas: 2
      default.replication.factor: 3
  entityOperator:
    topicOperator: {}
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: pool
  labels:
    strimzi.io/cluster: bench
spec:
  replicas: 3
  roles: [controller, broker]
  storage:
    type: persistent-claim
    size: 100Gi
`;
  const parts = [head];
  let n = head.split('\n').length;
  for (let i = 0; n < lines; i++) {
    const t = `---
apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata:
  name: topic-${i}
  labels:
    strimzi.io/cluster: bench
spec:
  partitions: ${(i % 12) + 1}
  replicas: ${i % 5 === 0 ? 1 : 3}
  config:
    retention.ms: ${604800000 + i}
    min.insync.replicas: 2
`;
    parts.push(t);
    n += t.split('\n').length - 1;
  }
  return parts.join('');
}

async function measureKeystrokes(rel: string, text: string, rounds: number): Promise<{ total: number[]; lint: number[]; lines: number }> {
  const uri = wsUri(rel);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const editor = await open(rel);
  await waitFor('first lint', () => ours(uri).length > 0, 30000);
  const total: number[] = [];
  const lint: number[] = [];
  const line = 4; // `  name: bench` — typing into the cluster name
  for (let i = 0; i < rounds; i++) {
    const done = new Promise<number>((resolve) => {
      const sub = api.onDidLint((r) => {
        if (r.uri.toString() === uri.toString() && r.version === editor.document.version) {
          sub.dispose();
          resolve(r.ms);
        }
      });
    });
    const t0 = performance.now();
    await editor.edit((e) => e.insert(new vscode.Position(line, editor.document.lineAt(line).text.length), 'x'));
    lint.push(await done);
    total.push(performance.now() - t0);
    await sleep(50);
  }
  return { total, lint, lines: editor.document.lineCount };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

test('BENCH keystroke → updated diagnostics (150-line manifest, 5,000-line multi-document file)', async () => {
  const cfg = vscode.workspace.getConfiguration('kafkaK8s');
  for (const [rel, lines] of [['bench/small.yaml', 150], ['bench/large.yaml', 5000]] as const) {
    const r = await measureKeystrokes(rel, manifest(lines), 7);
    const debounce = cfg.get<number>('lint.debounceMs');
    console.log(
      `    BENCH ${r.lines} lines: keystroke→diagnostics median ${median(r.total).toFixed(0)} ms (max ${Math.max(...r.total).toFixed(0)}; includes the ${debounce} ms debounce), lint itself median ${median(r.lint).toFixed(1)} ms (max ${Math.max(...r.lint).toFixed(1)})`,
    );
  }
}, 120000);
