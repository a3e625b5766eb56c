import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex, countNodes } from '../../src/core/workspace';
import { deployment, kafka, pool, scaledObject, topic } from '../fixtures/cross/manifests';

function build(files: Record<string, string>): WorkspaceIndex {
  return WorkspaceIndex.of(Object.entries(files).map(([p, t]) => analyzeFile(p, t)));
}

const props = 'bootstrap.servers=my-cluster-kafka-bootstrap.kafka.svc:9092\ngroup.id=orders\nkey.deserializer=org.apache.kafka.common.serialization.StringDeserializer\n';

function workspace(): WorkspaceIndex {
  return build({
    'kafka.yaml': kafka(),
    'pool.yaml': pool(),
    'topic.yaml': topic(),
    'payments.yaml': topic({ name: 'payments' }),
    'other-topic.yaml': topic({ name: 'audit', cluster: 'other' }),
    'so.yaml': scaledObject(),
    'deploy.yaml': deployment(),
    'consumer.properties': props,
    'unrelated.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: {}\n',
  });
}

const sorted = (a: string[]) => [...a].sort();

describe('WorkspaceIndex.dependents', () => {
  it('a KafkaTopic: the ScaledObjects naming it and its Kafka', () => {
    assert.deepEqual(sorted(workspace().dependents('topic.yaml')), ['kafka.yaml', 'so.yaml']);
  });
  it('a node pool: its Kafka and the topics of its cluster, not other clusters', () => {
    assert.deepEqual(sorted(workspace().dependents('pool.yaml')), ['kafka.yaml', 'payments.yaml', 'topic.yaml']);
  });
  it('a Kafka: everything that belongs to or connects to the cluster', () => {
    assert.deepEqual(sorted(workspace().dependents('kafka.yaml')), ['consumer.properties', 'deploy.yaml', 'payments.yaml', 'pool.yaml', 'so.yaml', 'topic.yaml']);
  });
  it('a ScaledObject: its topic, its target workload', () => {
    assert.deepEqual(sorted(workspace().dependents('so.yaml')), ['deploy.yaml', 'topic.yaml']);
  });
  it('a workload and a client config: the ScaledObjects on their consumer group / target', () => {
    const idx = workspace();
    assert.deepEqual(sorted(idx.dependents('deploy.yaml')), ['kafka.yaml', 'so.yaml']);
    assert.deepEqual(sorted(idx.dependents('consumer.properties')), ['so.yaml']);
  });
  it('unrelated and unknown files have none', () => {
    const idx = workspace();
    assert.deepEqual(idx.dependents('unrelated.yaml'), []);
    assert.deepEqual(idx.dependents('nope.yaml'), []);
  });
  it('renaming a topic affects the scalers of the old and the new name', () => {
    const idx = workspace();
    const { dependents } = idx.updateWithDependents('payments.yaml', topic({ name: 'orders' }));
    assert.deepEqual(sorted(dependents), ['kafka.yaml', 'so.yaml', 'topic.yaml']);
    // The old name is gone from the links: only the new one remains.
    assert.deepEqual(sorted(idx.providersOf('topic:orders')), ['payments.yaml', 'so.yaml', 'topic.yaml']);
    assert.deepEqual(idx.providersOf('topic:payments'), []);
  });
  it('deleting a file removes its links', () => {
    const idx = workspace();
    idx.delete('so.yaml');
    assert.deepEqual(sorted(idx.dependents('topic.yaml')), ['kafka.yaml']);
  });
});

describe('WorkspaceIndex incremental updates and cached lookups', () => {
  it('updating one file does not re-parse the others', () => {
    const idx = workspace();
    const before = new Map([...idx.allFiles()].map((f) => [f.path, f]));
    idx.update('topic.yaml', topic({ partitions: 3 }));
    for (const f of idx.allFiles()) if (f.path !== 'topic.yaml') assert.equal(f, before.get(f.path), f.path);
    assert.notEqual(idx.get('topic.yaml'), before.get('topic.yaml'));
  });
  it('the same text keeps the file and the version', () => {
    const idx = workspace();
    const v = idx.version;
    const f = idx.get('topic.yaml');
    assert.equal(idx.update('topic.yaml', topic()), f);
    assert.equal(idx.version, v);
  });
  it('node pools, node counts and topics by name follow edits', () => {
    const idx = workspace();
    const k = idx.findKafka('my-cluster', 'kafka')!;
    assert.equal(idx.nodePools(k).length, 1);
    assert.equal(countNodes(idx, k, 'broker'), 3);
    assert.equal(idx.countNodes(k, 'controller'), 3);
    idx.update('pool2.yaml', pool({ name: 'brokers', roles: '[broker]', replicas: 2 }));
    const k2 = idx.findKafka('my-cluster')!;
    assert.equal(idx.countNodes(k2, 'broker'), 5);
    assert.equal(idx.countNodes(k2, 'controller'), 3);
    assert.deepEqual(idx.topicsNamed('orders').map((t) => t.file), ['topic.yaml']);
    idx.update('topic.yaml', topic({ topicName: 'orders.v2' }));
    assert.deepEqual(idx.topicsNamed('orders'), []);
    assert.deepEqual(idx.topicsNamed('orders.v2').map((t) => t.file), ['topic.yaml']);
    assert.deepEqual(idx.topics(idx.findKafka('my-cluster')!).map((t) => t.file).sort(), ['payments.yaml', 'topic.yaml']);
    idx.delete('pool.yaml');
    idx.delete('pool2.yaml');
    assert.equal(idx.countNodes(idx.findKafka('my-cluster')!, 'broker'), undefined);
  });
  it('a Kafka CR of that name in another namespace is not the cluster of a namespaced topic', () => {
    const idx = build({ 'k.yaml': kafka({ ns: 'a' }), 't.yaml': topic({ ns: 'b' }) });
    const t = idx.get('t.yaml')!.resources[0];
    assert.equal(idx.clusterOf(t), undefined);
    assert.equal(idx.kafkasNamed('my-cluster').length, 1);
  });
});
