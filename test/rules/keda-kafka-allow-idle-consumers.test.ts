import rule from '../../src/core/rules/keda/keda-kafka-allow-idle-consumers';
import { kedaScaledObject } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

/** A ScaledObject whose trigger metadata entries start on line 12, column 9 (`maxReplicaCount` on line 6). */
const so = (meta: string[], max = 'maxReplicaCount: 10', type = 'kafka'): string =>
  kedaScaledObject({ spec: [max], type, meta: ['bootstrapServers: b:9092', 'consumerGroup: g', ...meta] });

const topic = (partitions: number) =>
  `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  partitions: ${partitions}\n  replicas: 3\n`;

ruleTester(rule, {
  valid: [
    { code: so(['topic: orders']) },
    { code: so(['topic: orders', 'allowIdleConsumers: "false"']) },
    { name: 'the cap still applies with even distribution', code: so(['topic: orders', 'allowIdleConsumers: "true"', 'ensureEvenDistributionOfPartitions: "true"']) },
    { name: 'maxReplicaCount within the partition count', files: { 'so.yaml': so(['topic: orders', 'allowIdleConsumers: "true"']), 'topic.yaml': topic(12) } },
    { name: 'unparsable value is left to keda-kafka-invalid-metadata', code: so(['topic: orders', 'allowIdleConsumers: "yes"']) },
  ],
  invalid: [
    {
      code: so(['topic: orders', 'allowIdleConsumers: "true"']),
      errors: [{ line: 15, column: 29, message: /lifts KEDA's cap at the partition count.*up to maxReplicaCount 10\)/, severity: 'warning' }],
      output: null,
    },
    {
      name: 'with the partition count from the workspace',
      files: { 'so.yaml': so(['topic: orders', 'allowIdleConsumers: "1"'], 'maxReplicaCount: 20'), 'topic.yaml': topic(6) },
      errors: [{ line: 15, column: 29, message: /scale up to maxReplicaCount 20, although topic 'orders' has 6 partition\(s\).*lower maxReplicaCount to 6/ }],
    },
    {
      name: 'default maxReplicaCount, apache-kafka',
      code: so(['topic: orders', 'allowIdleConsumers: "True"'], 'pollingInterval: 30', 'apache-kafka'),
      errors: [{ line: 15, column: 29, message: /up to 100, the default maxReplicaCount\)/ }],
    },
    {
      name: 'severity override',
      code: so(['allowIdleConsumers: "true"']),
      options: { rules: { 'keda-kafka-allow-idle-consumers': 'error' } },
      errors: [{ line: 14, column: 29, severity: 'error' }],
    },
  ],
});
