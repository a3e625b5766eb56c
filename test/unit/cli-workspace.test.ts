/** `kafka-k8s lint --workspace DIR <files>`: cross-file rules see the whole folder, the report covers only the files named. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kafka, pool, scaledObject, topic } from '../fixtures/cross/manifests';
import { runCapture, tempWorkspaces } from '../helpers/cli';

const workspace = tempWorkspaces('kafka-k8s-ws-');
const FILES = {
  'cluster/kafka.yaml': kafka(),
  'cluster/pool.yaml': pool(),
  'topics/orders.yaml': topic({ replicas: 5, partitions: 4 }),
  'apps/so.yaml': scaledObject({ min: 6, max: 6 }),
};

describe('kafka-k8s lint --workspace', () => {
  it('without it, a single file cannot see the resources it refers to', async () => {
    const root = workspace(FILES);
    const r = await runCapture(root, ['lint', '--format', 'json', 'topics/orders.yaml']);
    const ids = (JSON.parse(r.out).findings as { ruleId: string }[]).map((f) => f.ruleId);
    assert.ok(!ids.includes('topic-replicas-exceed-brokers'), r.out);
  });

  it('with it, cross-file findings appear for the named file only, with the other file as related location', async () => {
    const root = workspace(FILES);
    const r = await runCapture(root, ['lint', '--format', 'json', '--workspace', '.', 'topics/orders.yaml']);
    assert.equal(r.code, 1, r.err);
    const findings = JSON.parse(r.out).findings as { file: string; ruleId: string; related?: { file: string }[] }[];
    assert.deepEqual([...new Set(findings.map((f) => f.file))], ['topics/orders.yaml']);
    const f = findings.find((x) => x.ruleId === 'topic-replicas-exceed-brokers');
    assert.ok(f, r.out);
    assert.ok(f.related?.some((x) => x.file.startsWith('cluster/')), JSON.stringify(f.related));
  });

  it('works with standard input (helm template … | kafka-k8s lint --workspace . -)', async () => {
    const root = workspace(FILES);
    const r = await runCapture(root, ['lint', '--format', 'json', '--workspace', '.', '--stdin-filename', 'rendered.yaml', '-'], topic({ replicas: 5, partitions: 4 }).replace(/name: orders/g, 'name: payments'));
    const findings = JSON.parse(r.out).findings as { file: string; ruleId: string }[];
    assert.ok(findings.some((x) => x.file === 'rendered.yaml' && x.ruleId === 'topic-replicas-exceed-brokers'), r.out);
    assert.ok(findings.every((x) => x.file === 'rendered.yaml'), r.out);
  });

  it('a missing workspace folder is a usage error naming it', async () => {
    const root = workspace(FILES);
    const r = await runCapture(root, ['lint', '--workspace', 'nope', 'topics/orders.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.err, /nope/);
  });
});
