/**
 * Cross-file diagnostics in a real VS Code: editing a KafkaTopic's `partitions` in one file adds or
 * clears `keda-replicas-vs-partitions` on the ScaledObject in another file (its dependent), and the
 * hover on `maxReplicaCount` shows the sizing hint with the topic's partitions.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './harness';
import { open, quiet, waitForRule, withRule, wsUri } from './util';

const TOPIC = `apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata:
  name: xfile-orders
  labels:
    strimzi.io/cluster: xfile-cluster
spec:
  partitions: 24
  replicas: 3
`;

const SO = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: xfile-consumer
spec:
  scaleTargetRef:
    name: xfile-consumer
  minReplicaCount: 1
  maxReplicaCount: 20
  triggers:
    - type: kafka
      metadata:
        bootstrapServers: kafka:9092
        consumerGroup: xfile
        topic: xfile-orders
        lagThreshold: "100"
`;

async function write(rel: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(wsUri(rel), new TextEncoder().encode(text));
}

async function setPartitions(doc: vscode.TextDocument, n: number): Promise<void> {
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('  partitions:'));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(line, 0, line, doc.lineAt(line).text.length), `  partitions: ${n}`);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

test('editing a KafkaTopic partitions adds and clears keda-replicas-vs-partitions on the ScaledObject in another file', async () => {
  await write('xfile/topic.yaml', TOPIC);
  await write('xfile/scaledobject.yaml', SO);
  const soUri = wsUri('xfile/scaledobject.yaml');
  let topicEditor: vscode.TextEditor | undefined;
  try {
    topicEditor = await open('xfile/topic.yaml');
    await open('xfile/scaledobject.yaml');
    await quiet(500);
    // 24 partitions ≥ maxReplicaCount 20: nothing to say.
    assert.deepEqual(withRule(soUri, 'keda-replicas-vs-partitions'), []);

    // The topic shrinks to 6 partitions in the other (unsaved) document: the ScaledObject gets the finding.
    const doc = topicEditor.document;
    let t0 = performance.now();
    await setPartitions(doc, 6);
    const [d] = await waitForRule(soUri, 'keda-replicas-vs-partitions');
    const addMs = performance.now() - t0;
    assert.match(d.message, /maxReplicaCount is 20, but topic 'xfile-orders' has 6 partitions in this workspace/);
    assert.equal(d.range.start.line, 8);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(d.relatedInformation?.[0]?.location.uri.toString(), doc.uri.toString());
    assert.equal(d.relatedInformation?.[0]?.location.range.start.line, 7);

    // The hover on maxReplicaCount shows the sizing hint with the topic's partitions.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', soUri, new vscode.Position(8, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Sizing\*\*/);
    assert.match(text, /'xfile-orders': 6 partitions in KafkaTopic\/xfile-orders — this scaler stops at 6, not 20/);

    // Back to 24: the finding clears.
    t0 = performance.now();
    await setPartitions(doc, 24);
    await waitForRule(soUri, 'keda-replicas-vs-partitions', false);
    const clearMs = performance.now() - t0;
    console.log(`    BENCH cross-file update on the dependent: added ${addMs.toFixed(0)} ms, cleared ${clearMs.toFixed(0)} ms after the edit (includes the debounce)`);
  } finally {
    if (topicEditor) {
      await vscode.window.showTextDocument(topicEditor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(wsUri('xfile'), { recursive: true, useTrash: false });
  }
});
