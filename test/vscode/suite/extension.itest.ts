/**
 * Extension-host tests: the real extension in a real VS Code, on the fixture workspace
 * `test/fixtures/vscode-ws` (copied to a temp folder by the launcher, so edits are safe).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sleep, test, waitFor } from './harness';
import { actionsAt, api, codeOf, quiet, EXTENSION_ID, open, ours, rangeText, setApi, undo, waitForRule, withRule, wsUri, type Api } from './util';

test('activates on a YAML/properties file, with its commands, in well under a second', async () => {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} not found`);
  const opened = performance.now();
  await open('producer.properties');
  await waitFor('activation', () => ext.isActive);
  await waitFor('first diagnostics', () => ours(wsUri('producer.properties')).length > 0);
  const firstMs = performance.now() - opened;
  setApi(ext.exports);
  const activationMs = api().activationMs;
  assert.equal(typeof activationMs, 'number');
  // Cold evaluation of the bundle (what VS Code does before calling activate), measured by re-requiring it.
  const main = require.resolve(`${ext.extensionPath}/dist/extension.js`);
  const cached = require.cache[main];
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    delete require.cache[main];
    const t0 = performance.now();
    require(main);
    samples.push(performance.now() - t0);
  }
  if (cached) require.cache[main] = cached;
  const loadMs = samples.sort((a, b) => a - b)[2];
  console.log(`    BENCH first diagnostics ${firstMs.toFixed(0)} ms after opening the first file (activation, .kafka-k8s.yaml, engine load, lint)`);
  console.log(`    BENCH activation: bundle load ${loadMs.toFixed(1)} ms (median of 5 re-evaluations, ${Math.round(require('node:fs').statSync(main).size / 1024)} KiB) + activate() ${activationMs.toFixed(1)} ms ${JSON.stringify(api().activationPhases)}`);
  const cmds = await vscode.commands.getCommands(true);
  for (const c of ['kafkaK8s.lintWorkspace', 'kafkaK8s.showRuleDocumentation', 'kafkaK8s.showLogs']) assert.ok(cmds.includes(c), `command ${c} missing`);
  assert.ok(activationMs < 1000, `activation took ${activationMs} ms`);
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

test('YAML syntax errors: left to Red Hat YAML while it validates, ours otherwise (shown once either way)', async () => {
  const uri = wsUri('broken.yaml');
  await open('broken.yaml');
  // The test host has a stand-in for redhat.vscode-yaml installed, with yaml.validate on (its default).
  assert.ok(vscode.extensions.getExtension('redhat.vscode-yaml'), 'Red Hat YAML stub not installed');
  await waitFor('broken.yaml linted', () => api().onDidLint !== undefined && true);
  const yaml = () => vscode.workspace.getConfiguration('yaml');
  try {
    await yaml().update('validate', false, vscode.ConfigurationTarget.Workspace);
    const [d] = await waitForRule(uri, 'syntax-error');
    assert.equal(d.range.start.line, 5);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  } finally {
    await yaml().update('validate', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitForRule(uri, 'syntax-error', false);
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

test('Java kafka-clients code: acks is a diagnostic at the literal, the fix keeps it a Java string, the disable comment is //', async () => {
  const editor = await open('src/main/java/demo/OrderProducer.java');
  const uri = editor.document.uri;
  const before = editor.document.getText();
  const [d] = await waitForRule(uri, 'producer-acks-weak');
  assert.equal(rangeText(d.range), '9:42-9:45');
  assert.equal(editor.document.getText(d.range), '"1"');
  const actions = await actionsAt(uri, d.range);
  const fix = actions.find((a) => a.title === 'Set acks to all');
  assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  assert.equal(editor.document.lineAt(9).text, '    props.put(ProducerConfig.ACKS_CONFIG, "all");');
  await waitForRule(uri, 'producer-acks-weak', false);
  await undo(editor, before);
  const [again] = await waitForRule(uri, 'producer-acks-weak');
  const disable = (await actionsAt(uri, again.range)).find((x) => x.title === 'Disable producer-acks-weak for this line');
  assert.ok(disable?.edit);
  assert.ok(await vscode.workspace.applyEdit(disable.edit));
  assert.equal(editor.document.lineAt(9).text, '    // kafka-k8s-disable-next-line producer-acks-weak');
  await waitForRule(uri, 'producer-acks-weak', false);
  await undo(editor, before);
});

test('source.fixAll.kafkaK8s applies every unambiguous fix of a file in one undoable edit', async () => {
  const editor = await open('producer.properties');
  const uri = editor.document.uri;
  const before = editor.document.getText();
  await waitForRule(uri, 'producer-acks-weak');
  const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.kafkaK8s')) ?? [];
  const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.kafkaK8s');
  assert.ok(fixAll?.edit, `no fix-all action among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
  assert.match(editor.document.getText(), /^acks=all$/m);
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

test('kafkaK8s.lint.ignore and .kafka-k8s.yaml changes apply live', async () => {
  const uri = wsUri('producer.properties');
  await open('producer.properties');
  await waitForRule(uri, 'producer-acks-weak');
  const cfg = () => vscode.workspace.getConfiguration('kafkaK8s');
  try {
    await cfg().update('lint.ignore', ['producer.properties'], vscode.ConfigurationTarget.Workspace);
    await waitFor('ignored file cleared', () => ours(uri).length === 0);
  } finally {
    await cfg().update('lint.ignore', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitForRule(uri, 'producer-acks-weak');
  // The config file is re-read when it changes on disk.
  const config = wsUri('.kafka-k8s.yaml');
  const original = await vscode.workspace.fs.readFile(config);
  try {
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('rules:\n  producer-acks-weak: off\n'));
    await waitForRule(uri, 'producer-acks-weak', false);
  } finally {
    await vscode.workspace.fs.writeFile(config, original);
  }
  await waitFor('error severity from the restored config', () => withRule(uri, 'producer-acks-weak')[0]?.severity === vscode.DiagnosticSeverity.Error);
});

test('kafkaK8s.lint.run onSave lints on save, not while typing', async () => {
  const editor = await open('producer.properties');
  const uri = editor.document.uri;
  await waitForRule(uri, 'producer-acks-weak');
  const cfg = () => vscode.workspace.getConfiguration('kafkaK8s');
  const line = editor.document.lineAt(2);
  try {
    await cfg().update('lint.run', 'onSave', vscode.ConfigurationTarget.Workspace);
    await quiet();
    await editor.edit((e) => e.replace(line.range, 'acks=all'));
    await sleep(800); // well past the debounce: nothing may happen before the save
    assert.equal(withRule(uri, 'producer-acks-weak').length, 1);
    await editor.document.save();
    await waitForRule(uri, 'producer-acks-weak', false);
  } finally {
    await editor.edit((e) => e.replace(editor.document.lineAt(2).range, 'acks=1'));
    await editor.document.save();
    await cfg().update('lint.run', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitForRule(uri, 'producer-acks-weak');
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
  await api().whenIndexed();
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
  // Client code that uses a Kafka client is covered too.
  assert.ok(withRule(wsUri('src/main/java/demo/OrderProducer.java'), 'producer-acks-weak').length > 0, 'Java client code linted');
  // The file changes on disk while closed (e.g. git pull): its diagnostics follow.
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(topics));
  await vscode.workspace.fs.writeFile(topics, new TextEncoder().encode(text.replace(/^\s*advertised\.listeners:.*\n/m, '')));
  await waitForRule(topics, 'strimzi-forbidden-kafka-config', false);
  await vscode.workspace.fs.writeFile(topics, new TextEncoder().encode(text));
  await waitForRule(topics, 'strimzi-forbidden-kafka-config');
});

test('Lint Workspace honours ignorePaths of .kafka-k8s.yaml and stops when cancelled', async () => {
  const cluster = wsUri('k8s/kafka-cluster.yaml');
  await waitForRule(cluster, 'strimzi-forbidden-kafka-config');
  const config = wsUri('.kafka-k8s.yaml');
  const original = await vscode.workspace.fs.readFile(config);
  try {
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(`${new TextDecoder().decode(original)}ignorePaths: ["k8s/**"]\n`));
    await waitFor('ignored files cleared', () => ours(cluster).length === 0); // the config reload drops them
    const sum = await api().lintWorkspace();
    assert.equal(sum.cancelled, false);
    assert.equal(ours(cluster).length, 0);
  } finally {
    await vscode.workspace.fs.writeFile(config, original);
  }
  await waitFor('config restored', async () => {
    await api().lintWorkspace();
    return withRule(cluster, 'strimzi-forbidden-kafka-config').length > 0;
  });
  const cts = new vscode.CancellationTokenSource();
  cts.cancel();
  const cancelled = await api().lintWorkspace(cts.token);
  assert.equal(cancelled.cancelled, true);
  assert.equal(cancelled.files, 0);
});
