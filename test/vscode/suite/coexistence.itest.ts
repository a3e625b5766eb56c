/**
 * Coexistence with Red Hat YAML (a stand-in with its contributor API is installed in the test host):
 * schema errors of Strimzi/KEDA files are shown once, by us (auto) or by it with our schemas (off).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test, waitFor } from './harness';
import { open, waitForRule, wsUri } from './util';

interface SchemaAnswer {
  readonly contributor: string;
  readonly uri: string;
  readonly content: { allOf?: { then: { properties?: Record<string, unknown> } }[]; description?: string };
}

const schemaFor = (uri: vscode.Uri): Promise<SchemaAnswer | undefined> => Promise.resolve(vscode.commands.executeCommand<SchemaAnswer | undefined>('redhatYamlStub.schemaFor', uri.toString()));

const BAD_TOPIC = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  partitions: three\n  replicas: 3\n';

test('auto: we report the schema error; Red Hat YAML gets an empty schema for Strimzi-only files', async () => {
  const uri = wsUri('k8s/bad-topic.yaml');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(BAD_TOPIC));
  await open('k8s/bad-topic.yaml');
  const [d] = await waitForRule(uri, 'schema-type');
  assert.equal(`${d.range.start.line}:${d.range.start.character}`, '7:14');
  const answer = await waitFor('contributor registered', () => schemaFor(uri));
  assert.equal(answer.contributor, 'kafka-k8s-schema');
  assert.match(answer.uri, /^kafka-k8s-schema:\/\/validated-by-kafka-k8s\//);
  assert.equal(answer.content.allOf, undefined);
});

test('off: no schema findings from us; Red Hat YAML validates with our version-pinned schema', async () => {
  const uri = wsUri('k8s/bad-topic.yaml');
  const cfg = () => vscode.workspace.getConfiguration('kafkaK8s');
  try {
    await cfg().update('schemaValidation', 'off', vscode.ConfigurationTarget.Workspace);
    await waitForRule(uri, 'schema-type', false);
    const answer = await waitFor('crd schema', async () => {
      const a = await schemaFor(uri);
      return a?.uri.startsWith('kafka-k8s-schema://crd/') && a;
    });
    assert.match(decodeURIComponent(answer.uri), /kafka\.strimzi\.io\/v1\|KafkaTopic/);
    const then = answer.content.allOf?.[0]?.then;
    assert.ok(then?.properties && 'spec' in then.properties, 'KafkaTopic schema has no spec');
  } finally {
    await cfg().update('schemaValidation', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitForRule(uri, 'schema-type');
});

test('files with other Kubernetes resources are left to Red Hat YAML\'s own schema choice', async () => {
  const uri = wsUri('k8s/mixed.yaml');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${BAD_TOPIC}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n`));
  await open('k8s/mixed.yaml');
  await waitForRule(uri, 'schema-type');
  assert.equal(await schemaFor(uri), undefined);
});
