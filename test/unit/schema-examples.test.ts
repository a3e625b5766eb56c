/**
 * Positive fixtures: every Strimzi 1.2.0 example resource (test/fixtures/strimzi-examples, copied from
 * strimzi/strimzi-kafka-operator@1.2.0:examples/) validates with zero schema findings and zero errors,
 * and typical v1beta2 and KEDA manifests validate too.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lintFile } from '../../src/core/engine';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspace';
import { defaultSchemaStore } from '../../src/services/schemas';

const ROOT = path.join(process.cwd(), 'test', 'fixtures', 'strimzi-examples');

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

const lint = (rel: string, text: string) => {
  const f = analyzeFile(rel, text);
  return { file: f, findings: lintFile(f, WorkspaceIndex.of([f]), { schemas: defaultSchemaStore() }) };
};
const show = (fs: { ruleId: string; range: { start: { line: number } }; message: string }[]) =>
  fs.map((f) => `${f.ruleId}@${f.range.start.line + 1}: ${f.message}`).join('\n');

describe('Strimzi 1.2.0 examples', () => {
  const files = yamlFiles(ROOT);
  it('are all there (40 files, 80 Strimzi resources)', () => {
    assert.equal(files.length, 40);
    const resources = files.reduce((n, p) => n + analyzeFile(p, fs.readFileSync(p, 'utf8')).resources.filter((r) => r.group === 'kafka.strimzi.io').length, 0);
    assert.equal(resources, 80);
  });
  for (const p of files) {
    const rel = path.relative(ROOT, p).split(path.sep).join('/');
    it(`${rel}: no schema findings`, () => {
      const { findings } = lint(rel, fs.readFileSync(p, 'utf8'));
      const schema = findings.filter((f) => f.ruleId.startsWith('schema-') || f.ruleId === 'internal-error');
      assert.equal(show(schema), '');
    });
  }
  it('lint with zero errors from any rule', () => {
    const errors = files.flatMap((p) => lint(path.relative(ROOT, p), fs.readFileSync(p, 'utf8')).findings.filter((f) => f.severity === 'error').map((f) => `${path.relative(ROOT, p)}:${f.range.start.line + 1} ${f.ruleId}: ${f.message}`));
    assert.equal(errors.join('\n'), '');
  });
});

describe('typical manifests validate', () => {
  const cases: Record<string, string> = {
    'v1beta2 Kafka with node pools on Strimzi 0.51 schemas': `apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaNodePool
metadata:
  name: dual-role
  labels:
    strimzi.io/cluster: my-cluster
spec:
  replicas: 3
  roles:
    - controller
    - broker
  storage:
    type: jbod
    volumes:
      - id: 0
        type: persistent-claim
        size: 100Gi
        deleteClaim: false
        kraftMetadata: shared
---
apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: my-cluster
  annotations:
    strimzi.io/node-pools: enabled
    strimzi.io/kraft: enabled
spec:
  kafka:
    version: 4.1.0
    metadataVersion: 4.1-IV1
    listeners:
      - name: plain
        port: 9092
        type: internal
        tls: false
      - name: tls
        port: 9093
        type: internal
        tls: true
        authentication:
          type: tls
    config:
      offsets.topic.replication.factor: 3
      min.insync.replicas: 2
  entityOperator:
    topicOperator: {}
    userOperator: {}
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata:
  name: orders
  labels:
    strimzi.io/cluster: my-cluster
spec:
  partitions: 12
  replicas: 3
  config:
    retention.ms: 604800000
    min.insync.replicas: 2
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaUser
metadata:
  name: app
  labels:
    strimzi.io/cluster: my-cluster
spec:
  authentication:
    type: tls
  authorization:
    type: simple
    acls:
      - resource:
          type: topic
          name: orders
        operations: [Read, Describe]
`,
    'KEDA ScaledObject, TriggerAuthentication and ScaledJob': `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: orders-consumer
spec:
  scaleTargetRef:
    name: orders-consumer
  pollingInterval: 30
  cooldownPeriod: 300
  minReplicaCount: 1
  maxReplicaCount: 12
  advanced:
    horizontalPodAutoscalerConfig:
      behavior:
        scaleDown:
          stabilizationWindowSeconds: 300
  triggers:
    - type: kafka
      metadata:
        bootstrapServers: my-cluster-kafka-bootstrap.kafka:9093
        consumerGroup: orders
        topic: orders
        lagThreshold: "100"
        offsetResetPolicy: earliest
        tls: enable
      authenticationRef:
        name: kafka-tls
---
apiVersion: keda.sh/v1alpha1
kind: TriggerAuthentication
metadata:
  name: kafka-tls
spec:
  secretTargetRef:
    - parameter: ca
      name: my-cluster-cluster-ca-cert
      key: ca.crt
---
apiVersion: keda.sh/v1alpha1
kind: ScaledJob
metadata:
  name: batch
spec:
  jobTargetRef:
    template:
      spec:
        containers:
          - name: worker
            image: example/worker:1.0
            resources:
              limits:
                memory: 256Mi
                cpu: 500m
        restartPolicy: Never
  maxReplicaCount: 5
  triggers:
    - type: kafka
      metadata:
        bootstrapServers: kafka:9092
        consumerGroup: batch
        topic: jobs
        lagThreshold: "10"
`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const { findings } = lint('manifest.yaml', text);
      assert.equal(show(findings.filter((f) => f.ruleId.startsWith('schema-') || f.ruleId === 'internal-error')), '');
    });
  }
});
