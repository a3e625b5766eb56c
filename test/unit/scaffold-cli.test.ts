/** `kafka-k8s new`, the parameter validation and the partition calculator. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { planPartitions, scaffold, ScaffoldError, templateIds, workspaceChoices } from '../../src/core/scaffold/index';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspace';
import { runCapture } from '../helpers/cli';

const cli = (args: string[], cwd: string) => runCapture(cwd, args);

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-k8s-new-'));
}

describe('kafka-k8s new', () => {
  it('--list prints the template ids one per line', async () => {
    const r = await cli(['new', '--list'], tmp());
    assert.equal(r.code, 0);
    assert.deepEqual(r.out.trimEnd().split('\n'), templateIds());
    assert.ok(templateIds().includes('strimzi-cluster') && templateIds().includes('go-client'));
  });

  it('writes the files, prints them, and refuses to overwrite without --force', async () => {
    const dir = tmp();
    const r = await cli(['new', 'strimzi-topic', '--set', 'topic=payments', '--set', 'throughput=50', '--out', 'k8s'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'created k8s/topic-payments.yaml\n');
    const text = fs.readFileSync(path.join(dir, 'k8s', 'topic-payments.yaml'), 'utf8');
    assert.match(text, /partitions: 30\n/); // ceil(max(50/10, 50/2.5, 6) × 1.5) = 30
    fs.writeFileSync(path.join(dir, 'k8s', 'topic-payments.yaml'), 'mine\n');
    const again = await cli(['new', 'strimzi-topic', '--set', 'topic=payments', '--out', 'k8s'], dir);
    assert.equal(again.code, 2);
    assert.match(again.err, /not overwriting 1 existing file \(use --force to replace\):\n {2}k8s\/topic-payments\.yaml/);
    assert.equal(fs.readFileSync(path.join(dir, 'k8s', 'topic-payments.yaml'), 'utf8'), 'mine\n');
    const forced = await cli(['new', 'strimzi-topic', '--set', 'topic=payments', '--out', 'k8s', '--force'], dir);
    assert.equal(forced.code, 0);
    assert.equal(forced.out, 'overwrote k8s/topic-payments.yaml\n');
  });

  it('writes nothing when any target exists', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'orders-client'));
    fs.writeFileSync(path.join(dir, 'orders-client', 'pom.xml'), '<project/>');
    const r = await cli(['new', 'java-client'], dir);
    assert.equal(r.code, 2);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'orders-client')), ['pom.xml']);
  });

  it('unknown template: did-you-mean, exit 2', async () => {
    const r = await cli(['new', 'strimzi-topc'], tmp());
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown template 'strimzi-topc'; did you mean 'strimzi-topic'\?/);
  });

  it('unknown parameter and bad values: every problem named, did-you-mean, exit 2', async () => {
    const r = await cli(['new', 'keda-consumer', '--set', 'partitons=3', '--set', 'authentication=scram', '--set', 'topic=bad topic'], tmp());
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown parameter 'partitons' for template 'keda-consumer'; did you mean 'partitions'\?/);
    assert.match(r.err, /authentication: 'scram' is not one of none, tls, scram-sha-512/);
    assert.match(r.err, /topic: 'bad topic' may contain only letters/);
  });

  it('maxReplicas above the partitions is refused', async () => {
    const r = await cli(['new', 'keda-consumer', '--set', 'partitions=4', '--set', 'maxReplicas=8', '--dry-run'], tmp());
    assert.equal(r.code, 2);
    assert.match(r.err, /maxReplicas: 8 is more than the 4 partitions/);
  });

  it('a template --help lists its parameters', async () => {
    const r = await cli(['new', 'strimzi-cluster', '--help'], tmp());
    assert.equal(r.code, 0);
    assert.match(r.out, /nodePools .*\(separate \| dual-role\) \[separate\]/);
  });
});

describe('templates', () => {
  it('each has a title, a description, documented parameters with valid defaults, and opens one of its files', () => {
    for (const id of templateIds()) {
      const r = scaffold(id);
      assert.ok(r.template.title && r.template.description, id);
      for (const p of r.template.params) assert.ok(p.description.length > 10, `${id}.${p.key} has no description`);
      assert.ok(r.files.some((f) => f.path === r.main), `${id}: main ${r.main} is not generated`);
      assert.equal(new Set(r.files.map((f) => f.path)).size, r.files.length, `${id}: duplicate paths`);
      for (const f of r.files) assert.ok(!f.path.startsWith('/') && !f.path.includes('..') && f.content.endsWith('\n'), `${id}: ${f.path}`);
    }
  });
});

describe('scaffold parameters and names', () => {
  it('names match across templates with the same parameters', () => {
    const common = { cluster: 'shop', namespace: 'prod', topic: 'orders', group: 'orders-consumer' };
    const keda = scaffold('keda-consumer', { ...common, authentication: 'tls', user: 'orders-app' }).files.map((f) => f.content).join('\n');
    const user = scaffold('strimzi-user', { cluster: 'shop', namespace: 'prod', user: 'orders-app', topic: 'orders', group: 'orders-consumer' }).files[0].content;
    const cluster = scaffold('strimzi-cluster', { cluster: 'shop', namespace: 'prod', authentication: 'tls' }).files[0].content;
    assert.match(keda, /bootstrapServers: "shop-kafka-bootstrap\.prod\.svc:9093"/);
    assert.match(cluster, /- name: tls\n {8}port: 9093\n {8}type: internal\n {8}tls: true\n {8}authentication:\n {10}type: tls/);
    assert.match(keda, /consumerGroup: "orders-consumer"/);
    assert.match(user, /type: group\n {10}name: orders-consumer/);
    assert.match(keda, /name: shop-cluster-ca-cert\n {6}key: ca\.crt/);
    assert.match(keda, /name: orders-app\n {6}key: user\.key/);
    assert.doesNotMatch(scaffold('keda-consumer', common).files[0].content, /^ *replicas:/m);
  });

  it('a topic name that is not a Kubernetes name gets spec.topicName', () => {
    const t = scaffold('strimzi-topic', { topic: 'Click_Stream' }).files[0];
    assert.equal(t.path, 'topic-click-stream.yaml');
    assert.match(t.content, /name: click-stream\n/);
    assert.match(t.content, /topicName: Click_Stream\n/);
  });

  it('errors are ScaffoldErrors naming the parameter', () => {
    assert.throws(() => scaffold('strimzi-cluster', { controllers: 2 }), (e: unknown) => e instanceof ScaffoldError && /controllers: use an odd number/.test(e.message));
    assert.throws(() => scaffold('strimzi-cluster', { cluster: 'My_Cluster' }), /cluster: 'My_Cluster' must be lowercase/);
    assert.throws(() => scaffold('strimzi-cluster', { brokers: 'three' }), /brokers: expected a number, got 'three'/);
    assert.throws(() => scaffold('strimzi-cluster', { brokers: 0 }), /brokers: must be at least 1/);
  });
});

describe('kafka-stack', () => {
  it('names match across its files: topic partitions = maxReplicaCount, user = the KEDA credentials', () => {
    const files = scaffold('kafka-stack', { cluster: 'shop', namespace: 'prod', topic: 'orders', group: 'orders-consumer', app: 'orders-worker' }).files;
    assert.deepEqual(files.map((f) => f.path), ['kafka.yaml', 'topic-orders.yaml', 'user-orders-worker.yaml', 'orders-worker-deployment.yaml', 'orders-worker-scaledobject.yaml', 'orders-worker-triggerauthentication.yaml', 'shop-prometheusrule.yaml', 'shop-dashboard.json']);
    const text = (p: string): string => files.find((f) => f.path === p)!.content;
    const partitions = /partitions: (\d+)\n/.exec(text('topic-orders.yaml'))![1];
    assert.match(text('orders-worker-scaledobject.yaml'), new RegExp(`maxReplicaCount: ${partitions}\n`));
    assert.match(text('orders-worker-scaledobject.yaml'), /bootstrapServers: "shop-kafka-bootstrap\.prod\.svc:9093"/);
    assert.match(text('kafka.yaml'), /authentication:\n {10}type: tls/);
    assert.match(text('orders-worker-triggerauthentication.yaml'), /name: orders-worker\n {6}key: user\.crt/);
    assert.match(text('user-orders-worker.yaml'), /type: group\n {10}name: orders-consumer/);
  });
});

describe('partition calculator', () => {
  it('takes the largest of the produce side, the consumer side and the consumers, times headroom', () => {
    assert.equal(planPartitions({ throughput: 20, consumerThroughput: 2.5, partitionThroughput: 10, consumers: 6, headroom: 1.5 }).partitions, 12);
    // Producer side decides: 100 MB/s at 2 MB/s per partition.
    const p = planPartitions({ throughput: 100, consumerThroughput: 50, partitionThroughput: 2, consumers: 3, headroom: 1 });
    assert.equal(p.partitions, 50);
    assert.match(p.explanation.join('\n'), /the produce side decides/);
    // Consumers decide.
    assert.equal(planPartitions({ throughput: 1, consumerThroughput: 10, partitionThroughput: 10, consumers: 8, headroom: 1.5 }).partitions, 12);
    // Never below 1; exact products are not rounded up.
    assert.equal(planPartitions({ throughput: 0.001, consumerThroughput: 100, partitionThroughput: 100, consumers: 1, headroom: 1 }).partitions, 1);
    assert.equal(planPartitions({ throughput: 30, consumerThroughput: 10, partitionThroughput: 10, consumers: 1, headroom: 2 }).partitions, 6);
  });

  it('explains the result in the KafkaTopic', () => {
    const t = scaffold('strimzi-topic', {}).files[0].content;
    assert.match(t, /# {3}Partitions = ceil\(max\(T\/p, T\/c, C\) × headroom\)/);
    assert.match(t, /consumer side T\/c = 20 \/ 2\.5 MB\/s = 8/);
    assert.match(t, /partitions: 12\n/);
  });
});

describe('wizard defaults from the workspace', () => {
  it('lists clusters with their namespace and listener authentication, topics with partitions, users', () => {
    const files = [
      ...scaffold('strimzi-cluster', { cluster: 'shop', namespace: 'prod', authentication: 'scram-sha-512' }).files,
      ...scaffold('strimzi-topic', { cluster: 'shop', namespace: 'prod', topic: 'Click_Stream', partitions: 9 }).files,
      ...scaffold('strimzi-user', { cluster: 'shop', namespace: 'prod', user: 'clicks', authentication: 'scram-sha-512' }).files,
      { path: 'broken.yaml', content: 'kind: Kafka\nmetadata: [\n' },
    ];
    const index = WorkspaceIndex.of(files.map((f) => analyzeFile(f.path, f.content)));
    const c = workspaceChoices(index);
    assert.deepEqual(c.clusters.map((x) => [x.name, x.namespace, x.authentication]), [['shop', 'prod', 'scram-sha-512']]);
    assert.deepEqual(c.topics.map((x) => [x.topic, x.cluster, x.partitions]), [['Click_Stream', 'shop', 9]]);
    assert.deepEqual(c.users.map((x) => [x.name, x.cluster, x.authentication]), [['clicks', 'shop', 'scram-sha-512']]);
  });
});
