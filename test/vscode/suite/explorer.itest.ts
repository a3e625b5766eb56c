/**
 * The Kafka cluster explorer in a real VS Code: the Clusters view's model as rendered (labels and
 * descriptions through `kafkaK8s.explorer._snapshot`), against the broker and data the launcher seeded
 * (test/vscode/lib/kafka-fixture.ts): the empty state, an unreachable address, and topics and lag.
 */
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as vscode from 'vscode';
import { test, waitFor } from './harness';
import { EXTENSION_ID } from './util';

interface Node {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  readonly icon?: { id: string };
  readonly children?: readonly Node[];
}

const find = (n: Node, id: string): Node | undefined => (n.id === id ? n : (n.children ?? []).map((c) => find(c, id)).find(Boolean));
const snapshot = async (): Promise<readonly Node[]> => (await vscode.commands.executeCommand<readonly Node[]>('kafkaK8s.explorer._snapshot')) ?? [];
const explorer = () => vscode.workspace.getConfiguration('kafkaK8s.explorer');

async function configure(values: Record<string, unknown>): Promise<void> {
  for (const [k, v] of Object.entries(values)) await explorer().update(k, v, vscode.ConfigurationTarget.Global);
}

async function reset(): Promise<void> {
  await configure({ clusters: undefined, requestTimeoutMs: undefined, refreshIntervalSeconds: undefined, watchedGroups: undefined });
  await waitFor('no cluster in the view', async () => (await snapshot()).length === 0);
}

/** A port on 127.0.0.1 nothing listens on (bound, then closed). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** The seeded broker, or undefined when there is none here (a skip, logged; under CI=true a failure). */
function seeded(): { bootstrap: string; topic: string; group: string } | undefined {
  const skip = process.env.KAFKA_K8S_ITEST_KAFKA_SKIP;
  const bootstrap = process.env.KAFKA_K8S_TEST_BOOTSTRAP;
  const topic = process.env.KAFKA_K8S_ITEST_TOPIC;
  const group = process.env.KAFKA_K8S_ITEST_GROUP;
  if (bootstrap && topic && group) return { bootstrap, topic, group };
  const why = skip ?? 'the launcher passed no seeded broker (KAFKA_K8S_TEST_BOOTSTRAP, KAFKA_K8S_ITEST_TOPIC/GROUP)';
  if (process.env.CI === 'true') assert.fail(`explorer tests need a Kafka broker: ${why}`);
  console.log(`    skipped: ${why}`);
  return undefined;
}

test('explorer: with no cluster configured the Clusters view is empty and its welcome offers Add Cluster', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  await ext.activate();
  const cmds = await vscode.commands.getCommands(true);
  for (const c of ['kafkaK8s.explorer.addCluster', 'kafkaK8s.explorer.refresh', 'kafkaK8s.explorer.createTopic', 'kafkaK8s.explorer.deleteTopic', 'kafkaK8s.explorer.watchGroup'])
    assert.ok(cmds.includes(c), `command ${c} missing`);
  assert.deepEqual(explorer().get('clusters'), []);
  await vscode.commands.executeCommand('workbench.view.extension.kafkaK8s');
  assert.deepEqual(await snapshot(), []);
  // The welcome content shows exactly when the view is empty (context key set by the explorer).
  const welcome = (ext.packageJSON.contributes.viewsWelcome as { view: string; when: string; contents: string }[]).filter((w) => w.view === 'kafkaK8s.clusters');
  const empty = welcome.find((w) => w.when.includes('!kafkaK8s.explorer.hasClusters'));
  assert.ok(empty, 'no welcome content for an empty Clusters view');
  assert.match(empty.contents, /\[Add Cluster\]\(command:kafkaK8s\.explorer\.addCluster\)/);
});

test('explorer: an unreachable bootstrap address becomes an error node within the request timeout', async () => {
  const port = await closedPort();
  const timeoutMs = 3000;
  try {
    await configure({ refreshIntervalSeconds: 0, requestTimeoutMs: timeoutMs, clusters: [{ id: 'down', name: 'offline broker', bootstrapServers: [`127.0.0.1:${port}`] }] });
    await waitFor('the cluster node', async () => (await snapshot()).some((n) => n.id === 'down'));
    const t0 = Date.now();
    await vscode.commands.executeCommand('kafkaK8s.explorer.refresh');
    const root = await waitFor('the error node', async () => (await snapshot()).find((n) => n.id === 'down' && n.description === 'unreachable'), timeoutMs + 5000);
    const ms = Date.now() - t0;
    console.log(`    error node after ${ms} ms (timeout ${timeoutMs} ms): ${root.label} — ${root.description} / ${root.children?.[0]?.label}`);
    assert.ok(ms <= timeoutMs + 2000, `the error took ${ms} ms, more than the ${timeoutMs} ms timeout`);
    assert.equal(root.contextValue, 'kafka.cluster.error');
    const error = find(root, 'down/error');
    assert.ok(error, 'no error child under the cluster');
    assert.match(error.label, new RegExp(`Cannot reach Kafka at 127\\.0\\.0\\.1:${port}`));
    assert.equal(error.icon?.id, 'error');
  } finally {
    await reset();
  }
}, 30000);

test('explorer: the Clusters view lists the test broker\'s topics and a group\'s lag as committed/end offsets give', async () => {
  const k = seeded();
  if (!k) return;
  try {
    await configure({ refreshIntervalSeconds: 0, clusters: [{ id: 'itest', name: 'itest broker', bootstrapServers: [k.bootstrap] }] });
    await vscode.commands.executeCommand('workbench.view.extension.kafkaK8s');
    await waitFor('the cluster node', async () => (await snapshot()).some((n) => n.id === 'itest'));
    const t0 = Date.now();
    await vscode.commands.executeCommand('kafkaK8s.explorer.refresh');
    const root = await waitFor('topics and groups in the view', async () => {
      const r = (await snapshot()).find((n) => n.id === 'itest');
      return r && find(r, `itest/groups/${k.group}`) ? r : undefined;
    }, 30000);
    console.log(`    BENCH explorer refresh on the test broker: ${Date.now() - t0} ms`);
    console.log(`    cluster: ${root.label} — ${root.description}`);
    assert.match(root.description ?? '', /^1 broker · \d+ topics?$/);
    const topics = find(root, 'itest/topics');
    assert.ok(topics?.children?.some((t) => t.label === k.topic), `topic ${k.topic} not listed: ${topics?.children?.map((t) => t.label).join(', ')}`);
    assert.ok(!topics!.children!.some((t) => t.label.startsWith('__')), 'internal topics are hidden by default');
    const topic = find(root, `itest/topics/${k.topic}`);
    assert.equal(topic?.description, '2 partitions · RF 1 · lag 1.2k');
    assert.ok(find(root, `itest/topics/${k.topic}/p/0`) && find(root, `itest/topics/${k.topic}/p/1`), 'partition rows');
    const group = find(root, `itest/groups/${k.group}`);
    console.log(`    group: ${group?.label} — ${group?.description}`);
    assert.match(group?.description ?? '', /^lag 1\.2k · STOP( →)?$/); // the trend arrow shows from the second refresh on
    assert.equal(find(root, `itest/groups/${k.group}/t/${k.topic}/p/0`)?.description, 'committed 300 · end 1500 · lag 1200');
    assert.equal(find(root, `itest/groups/${k.group}/t/${k.topic}/p/1`)?.description, 'committed 2 · end 2 · lag 0');
  } finally {
    await reset();
  }
}, 60000);
