import rule from '../../src/core/rules/strimzi/strimzi-zookeeper-removed';
import type { EngineOptions } from '../../src/core/engine';
import { PLAIN_LISTENER, smallKafka } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

const strimzi = (value: string, kafka?: string): EngineOptions => ({
  versions: { strimzi: { value, source: 'flag' }, ...(kafka ? { kafka: { value: kafka, source: 'flag' } } : {}) },
});

const KRAFT = smallKafka(PLAIN_LISTENER);

const ZK = `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: my-cluster
spec:
  kafka:
    version: 3.6.0
    replicas: 3
  zookeeper:
    replicas: 3
    storage:
      type: ephemeral
  entityOperator:
    topicOperator: {}
`;

const ZK_REMOVED = `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: my-cluster
spec:
  kafka:
    version: 3.6.0
    replicas: 3
  entityOperator:
    topicOperator: {}
`;

ruleTester(rule, {
  valid: [
    { name: 'KRaft cluster without zookeeper', code: KRAFT },
    { name: 'ZooKeeper cluster on Strimzi 0.38 (before the deprecation)', code: ZK, options: strimzi('0.38.0') },
    { name: 'ZooKeeper cluster on Strimzi 0.39', code: ZK, options: strimzi('0.39.1') },
  ],
  invalid: [
    {
      name: 'Strimzi 1.2.0 (default): error with a fix that removes the block',
      code: ZK,
      errors: [{ line: 9, column: 3, severity: 'error', message: /^Strimzi 1\.2\.0 has no ZooKeeper support.*not part of the kafka\.strimzi\.io\/v1 API.* Assumes Strimzi 1\.2\.0; set versions\.strimzi/ }],
      output: ZK_REMOVED,
    },
    {
      name: 'Strimzi 0.46: error (ignored field), still fixable',
      code: ZK,
      options: strimzi('0.46.0'),
      errors: [{ line: 9, column: 3, severity: 'error', message: /^Strimzi 0\.46\.0 has no ZooKeeper support \(removed in 0\.46\): spec\.zookeeper is ignored\. Delete it/ }],
      output: ZK_REMOVED,
    },
    {
      name: 'Strimzi 0.45: deprecated, a warning without a fix (removing it would break the cluster)',
      code: ZK,
      options: strimzi('0.45.0'),
      errors: [{ line: 9, column: 3, severity: 'warning', message: /deprecated in Strimzi 0\.45\.0 and removed in 0\.46/ }],
      output: null,
    },
    {
      name: 'Strimzi 0.40: warning',
      code: ZK,
      options: strimzi('0.40.0'),
      errors: [{ line: 9, column: 3, severity: 'warning' }],
    },
    {
      name: 'Kafka 4 on an old operator: KRaft only, error without a fix',
      code: ZK.replace('version: 3.6.0', 'version: 4.0.0'),
      options: strimzi('0.45.0'),
      errors: [{ line: 9, column: 3, severity: 'error', message: /^Kafka 4\.0\.0 runs only in KRaft mode/ }],
      output: null,
    },
    {
      name: 'Kafka version from the flag counts too',
      code: ZK,
      options: strimzi('0.44.0', '4.1.0'),
      errors: [{ line: 9, column: 3, severity: 'error', message: /^Kafka 4\.1\.0 runs only in KRaft mode/ }],
    },
    {
      name: 'an empty zookeeper key',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  zookeeper: {}\n  kafka:\n    version: 4.3.1\n',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 12 }],
      output: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    version: 4.3.1\n',
    },
  ],
});
