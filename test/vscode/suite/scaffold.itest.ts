/**
 * "Kafka: New …" wizards in a real VS Code: driven through the command's argument object (answers for
 * some questions, workspace-derived defaults for the rest), then the files on disk, the editor that
 * opened, the overwrite guard and the diagnostics of the generated manifests are checked.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test, waitFor } from './harness';
import { api, ours, wsUri } from './util';

interface NewResult {
  readonly written: readonly string[];
  readonly main: string;
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

test('scaffold: New KEDA-Scaled Consumer takes the cluster and topic partitions from the workspace', async () => {
  await api().whenIndexed();
  const folder = wsUri('generated/keda');
  const result = (await vscode.commands.executeCommand('kafkaK8s.new.kedaConsumer', {
    acceptDefaults: true,
    answers: { topic: 'payments', app: 'payments-worker', group: 'payments-worker' },
    folder,
  })) as NewResult | undefined;
  assert.ok(result, 'the command returned no result');
  const names = result.written.map((f) => f.split(/[\\/]/).pop()).sort();
  assert.deepEqual(names, ['payments-worker-deployment.yaml', 'payments-worker-scaledobject.yaml']);
  const scaled = await read(vscode.Uri.joinPath(folder, 'payments-worker-scaledobject.yaml'));
  // my-cluster from k8s/kafka-cluster.yaml (plain listener, no authentication); payments has 6 partitions.
  assert.match(scaled, /bootstrapServers: "my-cluster-kafka-bootstrap\.kafka\.svc:9092"/);
  assert.match(scaled, /topic: "payments"/);
  assert.match(scaled, /consumerGroup: "payments-worker"/);
  assert.match(scaled, /maxReplicaCount: 6\n/);
  assert.doesNotMatch(scaled, /authenticationRef/);
  // The main file is open in the editor.
  await waitFor('the deployment in the active editor', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/payments-worker-deployment.yaml'));
  // Lint clean in the editor: no errors or warnings from us.
  await api().lintWorkspace();
  for (const f of ['payments-worker-deployment.yaml', 'payments-worker-scaledobject.yaml']) {
    const bad = ours(vscode.Uri.joinPath(folder, f)).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(bad.map((d) => `${f}:${d.range.start.line + 1} ${d.message}`), []);
  }
}, 60000);

test('scaffold: an existing file is not overwritten when the user declines', async () => {
  const folder = wsUri('generated/keda');
  const deployment = vscode.Uri.joinPath(folder, 'payments-worker-deployment.yaml');
  await vscode.workspace.fs.writeFile(deployment, new TextEncoder().encode('# edited by hand\n'));
  const declined = await vscode.commands.executeCommand('kafkaK8s.new.kedaConsumer', { acceptDefaults: true, answers: { topic: 'payments', app: 'payments-worker', group: 'payments-worker' }, folder, overwrite: false });
  assert.equal(declined, undefined);
  assert.equal(await read(deployment), '# edited by hand\n');
  const accepted = (await vscode.commands.executeCommand('kafkaK8s.new.kedaConsumer', { acceptDefaults: true, answers: { topic: 'payments', app: 'payments-worker', group: 'payments-worker' }, folder, overwrite: true })) as NewResult | undefined;
  assert.ok(accepted);
  assert.match(await read(deployment), /kind: Deployment/);
}, 60000);

test('scaffold: New from Template writes a topic with the calculator answers', async () => {
  const folder = wsUri('generated/topics');
  const result = (await vscode.commands.executeCommand('kafkaK8s.new', {
    template: 'strimzi-topic',
    acceptDefaults: true,
    answers: { topic: 'invoices', throughput: 40, consumerThroughput: 4, consumers: 3, headroom: 2 },
    folder,
  })) as NewResult | undefined;
  assert.ok(result);
  const text = await read(vscode.Uri.joinPath(folder, 'topic-invoices.yaml'));
  assert.match(text, /strimzi\.io\/cluster: my-cluster/);
  assert.match(text, /partitions: 20\n/); // ceil(max(40/10, 40/4, 3) × 2)
  assert.match(text, /consumer side T\/c = 40 \/ 4 MB\/s = 10/);
}, 60000);

test('scaffold: the real QuickPick and InputBox prompts, each accepted with its default', async () => {
  const folder = wsUri('generated/prompted');
  let done = false;
  const pending = Promise.resolve(vscode.commands.executeCommand('kafkaK8s.new.kedaConsumer', { folder })).finally(() => (done = true));
  // Accept whatever prompt is showing (cluster, topic, group, app, authentication, image), as a user pressing Enter.
  let accepts = 0;
  while (!done && accepts < 40) {
    await new Promise((r) => setTimeout(r, 250));
    if (done) break;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    accepts++;
  }
  const result = (await pending) as NewResult | undefined;
  assert.ok(result, `the wizard did not finish after ${accepts} accepts`);
  const scaled = await read(vscode.Uri.joinPath(folder, 'orders-consumer-scaledobject.yaml'));
  // Defaults from the workspace: its only cluster (no authentication), its first topic by name and that
  // topic's partition count (the fixture's orders and payments, or invoices written by the test above).
  assert.match(scaled, /bootstrapServers: "my-cluster-kafka-bootstrap\.kafka\.svc:9092"/);
  const topic = /topic: "([^"]+)"/.exec(scaled)?.[1];
  const partitions: Record<string, number> = { invoices: 20, orders: 12, payments: 6 };
  assert.ok(topic && topic in partitions, `topic ${topic}`);
  assert.match(scaled, new RegExp(`maxReplicaCount: ${partitions[topic]}\n`));
}, 60000);
