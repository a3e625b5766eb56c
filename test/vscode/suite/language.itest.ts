/** Hover and completion through VS Code's provider commands, backed by the pure language services. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './harness';
import { open, wsUri } from './util';

async function hoverText(uri: vscode.Uri, line: number, character: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character))) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n---\n');
}

async function labels(uri: vscode.Uri, line: number, character: number, trigger?: string): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character), trigger);
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

async function writeAndOpen(rel: string, text: string): Promise<vscode.Uri> {
  const uri = wsUri(rel);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await open(rel);
  return uri;
}

test('hover on a Kafka config key shows its type, default and valid values for the target version', async () => {
  const text = await hoverText(wsUri('producer.properties'), 2, 1);
  assert.match(text, /\*\*acks\*\* · producer config/);
  assert.match(text, /Default: `all`/);
});

test('hover on a custom resource field shows its schema description and origin', async () => {
  const uri = wsUri('k8s/kafka-cluster.yaml');
  await open('k8s/kafka-cluster.yaml');
  const text = await hoverText(uri, 7, 4); // `  replicas: 3` of the controller node pool
  assert.match(text, /The number of pods in the pool/);
  assert.match(text, /Strimzi 1\.2\.0 · kafka\.strimzi\.io\/v1 KafkaNodePool/);
});

test('completion offers CR fields from the schema (KafkaTopic spec)', async () => {
  const uri = await writeAndOpen('k8s/new-topic.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  \n');
  const got = await labels(uri, 5, 2);
  for (const l of ['partitions', 'replicas', 'config']) assert.ok(got.includes(l), `${l} missing from ${got.join(', ')}`);
});

test('completion offers KEDA kafka trigger metadata keys', async () => {
  const uri = await writeAndOpen(
    'k8s/new-scaledobject.yaml',
    'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: s\nspec:\n  scaleTargetRef:\n    name: x\n  triggers:\n    - type: kafka\n      metadata:\n        lag\n',
  );
  const got = await labels(uri, 10, 11);
  assert.ok(got.includes('lagThreshold'), got.join(', '));
});

test('completion offers Kafka client config keys by role in .properties files', async () => {
  const uri = await writeAndOpen('new-producer.properties', 'bootstrap.servers=x\nacks=all\nenable.idem');
  const got = await labels(uri, 2, 11);
  assert.ok(got.includes('enable.idempotence'), got.slice(0, 20).join(', '));
});
