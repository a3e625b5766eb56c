/** `kafka-k8s lint` over a folder: cross-file findings name both files, in text and in SARIF. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kafka, pool, scaledObject, topic } from '../fixtures/cross/manifests';
import { runCapture, tempWorkspaces } from '../helpers/cli';

const workspace = tempWorkspaces('kafka-k8s-cross-');
const run = (cwd: string, ...argv: string[]) => runCapture(cwd, argv);

// Topic with 5 replicas on a 3-broker cluster; a ScaledObject whose minimum exceeds the partitions.
const FILES = {
  'cluster/kafka.yaml': kafka(),
  'cluster/pool.yaml': pool(),
  'topics/orders.yaml': topic({ replicas: 5, partitions: 4 }),
  'apps/so.yaml': scaledObject({ min: 6, max: 6 }),
};

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
  relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }[];
}

describe('kafka-k8s lint: cross-file findings', () => {
  it('text output names both files', async () => {
    const root = workspace(FILES);
    const r = await run(root, 'lint', '.');
    assert.equal(r.code, 1, r.err);
    const lines = r.out.split('\n');
    const topicLine = lines.find((l) => l.includes('topic-replicas-exceed-brokers'));
    assert.ok(topicLine, r.out);
    assert.match(r.out, /topics\/orders\.yaml/);
    assert.match(topicLine, /10:13/);
    assert.match(topicLine, /Kafka\/my-cluster \(cluster\/kafka\.yaml\) has 3 brokers in this workspace/);
    const kedaLine = lines.find((l) => l.includes('keda-replicas-vs-partitions') && l.includes('minReplicaCount'));
    assert.ok(kedaLine, r.out);
    assert.match(kedaLine, /topic 'orders' has 4 partitions in this workspace/);
  });

  it('SARIF carries the other file as a relatedLocation', async () => {
    const root = workspace(FILES);
    const r = await run(root, 'lint', '--format', 'sarif', '.');
    assert.equal(r.code, 1, r.err);
    const results = (JSON.parse(r.out) as { runs: { results: SarifResult[] }[] }).runs[0].results;
    const topicRes = results.find((x) => x.ruleId === 'topic-replicas-exceed-brokers');
    assert.ok(topicRes);
    assert.equal(topicRes.level, 'error');
    assert.equal(topicRes.locations[0].physicalLocation.artifactLocation.uri, 'topics/orders.yaml');
    assert.equal(topicRes.locations[0].physicalLocation.region.startLine, 10);
    assert.deepEqual(
      topicRes.relatedLocations?.map((l) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine]),
      [['cluster/pool.yaml', 9]],
    );
    const keda = results.find((x) => x.ruleId === 'keda-replicas-vs-partitions' && x.level === 'warning');
    assert.ok(keda);
    assert.equal(keda.locations[0].physicalLocation.artifactLocation.uri, 'apps/so.yaml');
    assert.deepEqual(
      keda.relatedLocations?.map((l) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine, l.message.text]),
      [['topics/orders.yaml', 9, "KafkaTopic/orders: topic 'orders' has 4 partitions"]],
    );
  });

  it('one file alone (a partial workspace) gets no cross-file errors or warnings', async () => {
    const root = workspace(FILES);
    const r = await run(root, 'lint', '--format', 'json', 'apps/so.yaml', 'topics/orders.yaml');
    const findings = JSON.parse(r.out) as { findings?: { ruleId: string; severity: string }[] } | { ruleId: string; severity: string }[];
    const list = Array.isArray(findings) ? findings : (findings.findings ?? []);
    const cross = list.filter((f) => /^(keda-scale-target|keda-topic|strimzi-cluster-label|bootstrap-|topic-replicas)/.test(f.ruleId) && (f.severity === 'error' || f.severity === 'warning'));
    assert.deepEqual(cross, []);
  });
});
