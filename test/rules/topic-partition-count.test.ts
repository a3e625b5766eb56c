import rule from '../../src/core/rules/topic/topic-partition-count';
import { ruleTester } from '../helpers/rule-tester';

/** A KafkaTopic of cluster `my-cluster`: `spec:` on line 7, spec lines from line 8 (column 3). */
function topic(spec: string[], name = 'orders'): string {
  return ['apiVersion: kafka.strimzi.io/v1', 'kind: KafkaTopic', 'metadata:', `  name: ${name}`, '  labels:', '    strimzi.io/cluster: my-cluster', 'spec:', ...spec.map((l) => `  ${l}`), ''].join('\n');
}

function scaledObject(topicName: string, max = 10): string {
  return [
    'apiVersion: keda.sh/v1alpha1',
    'kind: ScaledObject',
    'metadata:',
    '  name: orders-consumer',
    'spec:',
    `  maxReplicaCount: ${max}`,
    '  scaleTargetRef:',
    '    name: orders-consumer',
    '  triggers:',
    '    - type: kafka',
    '      metadata:',
    '        bootstrapServers: my-cluster-kafka-bootstrap:9092',
    '        consumerGroup: orders',
    `        topic: ${topicName}`,
    '',
  ].join('\n');
}

const kafka = (config: string) => `apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    config:\n      ${config}\n`;

ruleTester(rule, {
  valid: [
    { code: topic(['partitions: 12', 'replicas: 3']) },
    { code: topic(['partitions: 1000']) },
    { name: 'partitions unknown without the cluster', code: topic(['replicas: 3']) },
    { name: 'inherits num.partitions', files: { 't.yaml': topic(['replicas: 3']), 'k.yaml': kafka('num.partitions: 6') } },
    { name: 'threshold setting', code: topic(['partitions: 3000']), options: { settings: { thresholds: { maxPartitionsPerTopic: 5000 } } } },
    { name: 'a ScaledObject on another topic', files: { 't.yaml': topic(['partitions: 12']), 'so.yaml': scaledObject('payments') } },
  ],
  invalid: [
    {
      name: 'one partition',
      code: topic(['partitions: 1', 'replicas: 3']),
      errors: [{ line: 8, column: 15, message: /^The topic has 1 partition, so at most one consumer per group can read it/, severity: 'info' }],
      output: null,
    },
    {
      name: 'one partition, scaled by KEDA',
      files: { 't.yaml': topic(['partitions: 1', 'replicas: 3']), 'so.yaml': scaledObject('orders', 20) },
      errors: [{ line: 8, column: 15, message: /but ScaledObject\/orders-consumer scales its consumers up to 20 replicas.*\(e\.g\. 12\)/, severity: 'warning', relatedFiles: ['so.yaml'] }],
    },
    {
      name: 'one partition by the cluster default',
      files: { 't.yaml': topic(['replicas: 3']), 'k.yaml': kafka('default.replication.factor: 3') },
      errors: [{ line: 7, column: 1, message: /1 partition \(Kafka's default: Kafka\/my-cluster does not set num\.partitions\)/, severity: 'info' }],
    },
    {
      name: 'effective name via spec.topicName',
      files: { 't.yaml': topic(['topicName: Orders.V1', 'partitions: 1'], 'orders-v1'), 'so.yaml': scaledObject('Orders.V1') },
      errors: [{ line: 9, column: 15, severity: 'warning' }],
    },
    {
      name: 'too many partitions',
      code: topic(['partitions: 5000']),
      errors: [{ line: 8, column: 15, message: /5000 partitions, more than 1000/, severity: 'info' }],
    },
  ],
});
