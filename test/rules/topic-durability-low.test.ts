import rule from '../../src/core/rules/topic/topic-durability-low';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { applyEdits } from '../../src/core/fix';
import { lintCase, ruleTester } from '../helpers/rule-tester';

/** A KafkaTopic of cluster `my-cluster`: `spec:` on line 7, spec lines from line 8 (column 3). */
function topic(spec: string[], name = 'orders'): string {
  return ['apiVersion: kafka.strimzi.io/v1', 'kind: KafkaTopic', 'metadata:', `  name: ${name}`, '  labels:', '    strimzi.io/cluster: my-cluster', 'spec:', ...spec.map((l) => `  ${l}`), ''].join('\n');
}

/** Kafka `my-cluster` with broker config lines and a broker pool of `brokers` replicas. */
function cluster(brokers: number, config: string[] = []): string {
  return [
    'apiVersion: kafka.strimzi.io/v1',
    'kind: Kafka',
    'metadata:',
    '  name: my-cluster',
    'spec:',
    '  kafka:',
    '    version: 4.3.1',
    '    listeners:',
    '      - name: plain',
    '        port: 9092',
    '        type: internal',
    '        tls: false',
    ...(config.length ? ['    config:', ...config.map((l) => `      ${l}`)] : []),
    '---',
    'apiVersion: kafka.strimzi.io/v1',
    'kind: KafkaNodePool',
    'metadata:',
    '  name: brokers',
    '  labels:',
    '    strimzi.io/cluster: my-cluster',
    'spec:',
    `  replicas: ${brokers}`,
    '  roles: [broker]',
    '  storage:',
    '    type: ephemeral',
    '',
  ].join('\n');
}

const ISR2 = ['config:', '  min.insync.replicas: 2'];

ruleTester(rule, {
  valid: [
    { code: topic(['partitions: 6', 'replicas: 3', ...ISR2]) },
    { name: 'no cluster in the workspace: inherited values are unknown', code: topic(['partitions: 6']) },
    { name: 'replicas 2 without knowing the broker count', code: topic(['partitions: 6', 'replicas: 2']) },
    { name: 'replicas 2 on a 2-broker cluster', files: { 'topic.yaml': topic(['partitions: 6', 'replicas: 2']), 'kafka.yaml': cluster(2) } },
    { name: 'inherits good cluster defaults', files: { 'topic.yaml': topic(['partitions: 6']), 'kafka.yaml': cluster(3, ['default.replication.factor: 3', 'min.insync.replicas: 2']) } },
  ],
  invalid: [
    {
      name: 'one replica, cluster unknown',
      code: topic(['partitions: 6', 'replicas: 1']),
      errors: [{ line: 9, column: 13, message: 'The topic has 1 replica: losing one broker or disk loses its data. Set replicas to 3.', severity: 'warning' }],
      output: null,
    },
    {
      name: 'one replica on a 1-broker cluster is info',
      files: { 'topic.yaml': topic(['partitions: 1', 'replicas: 1']), 'kafka.yaml': cluster(1) },
      errors: [{ line: 9, column: 13, message: /which is all a 1-broker cluster allows/, severity: 'info' }],
      output: null,
    },
    {
      name: 'two replicas on 3 brokers, with fix',
      files: { 'topic.yaml': topic(['partitions: 6', 'replicas: 2', ...ISR2]), 'kafka.yaml': cluster(3) },
      errors: [{ line: 9, column: 13, message: /2 replicas on a cluster of 3 brokers: .* Set replicas to 3 \(for an existing topic this needs Cruise Control, which Kafka\/my-cluster does not enable\)\./ }],
      output: null,
    },
    {
      name: 'RF 1 inherited from the cluster default',
      files: { 'topic.yaml': topic(['partitions: 6']), 'kafka.yaml': cluster(3) },
      errors: [{ line: 7, column: 1, message: /1 replica \(Kafka's default: Kafka\/my-cluster does not set default\.replication\.factor\).*The cluster has 3 brokers/ }],
      output: null,
    },
    {
      name: 'minISR 1 with 3 replicas (topic config)',
      code: topic(['partitions: 6', 'replicas: 3', 'config:', '  min.insync.replicas: "1"']),
      errors: [{ line: 11, column: 26, message: /min\.insync\.replicas is 1 with 3 replicas/ }],
      output: topic(['partitions: 6', 'replicas: 3', 'config:', '  min.insync.replicas: "2"']),
    },
    {
      name: 'minISR inherited from the cluster',
      files: { 'topic.yaml': topic(['partitions: 6', 'replicas: 3', 'config:', '  retention.ms: 604800000']), 'kafka.yaml': cluster(3, ['min.insync.replicas: 1']) },
      errors: [{ line: 7, column: 1, message: /min\.insync\.replicas is 1 \(inherited from Kafka\/my-cluster: min\.insync\.replicas 1\)/, relatedFiles: ['kafka.yaml'] }],
      output: topic(['partitions: 6', 'replicas: 3', 'config:', '  retention.ms: 604800000', '  min.insync.replicas: 2']),
    },
    {
      name: 'severity override',
      code: topic(['replicas: 1']),
      options: { rules: { 'topic-durability-low': 'error' } },
      errors: [{ line: 8, column: 13, severity: 'error' }],
    },
  ],
});

it('topic-durability-low suggests replicas: 3 (not an automatic fix) when the cluster has 3 brokers', () => {
  const files = { 'topic.yaml': topic(['partitions: 6']), 'kafka.yaml': cluster(3) };
  const { findings } = lintCase({ files, path: 'topic.yaml' });
  const f = findings.find((x) => x.ruleId === 'topic-durability-low');
  assert.ok(f && !f.fix && f.suggestions?.length === 1);
  assert.equal(applyEdits(files['topic.yaml'], f.suggestions[0].edits).text, topic(['partitions: 6', 'replicas: 3']));
});
