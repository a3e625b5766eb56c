import { SCHEMA_RULES } from '../../src/core/schema/rules';
import { ruleTester } from '../helpers/rule-tester';

const rule = SCHEMA_RULES.find((r) => r.meta.id === 'schema-unknown-field')!;

const topic = (spec: string, meta = '  name: orders\n  labels:\n    strimzi.io/cluster: my-cluster\n') =>
  `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n${meta}spec:\n${spec}`;

ruleTester(rule, {
  valid: [
    { code: topic('  partitions: 3\n  replicas: 3\n  config:\n    retention.ms: 604800000\n    any.free.form.key: x\n') },
    { name: 'v1beta2 on the 0.51 schema', code: topic('  partitions: 3\n  replicas: 3\n').replace('/v1\n', '/v1beta2\n') },
    {
      name: 'KEDA ScaledObject with a kafka trigger',
      code: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: c\nspec:\n  scaleTargetRef:\n    name: consumer\n  minReplicaCount: 1\n  maxReplicaCount: 6\n  triggers:\n    - type: kafka\n      metadata:\n        bootstrapServers: my-cluster-kafka-bootstrap:9092\n        consumerGroup: g\n        topic: orders\n        lagThreshold: "50"\n',
    },
    { name: 'not a resource we have schemas for', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nnotAField: 1\n' },
    { name: 'YAML merge key', code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  <<: {partitions: 3}\n  replicas: 3\n' },
    { name: 'schema validation turned off', code: topic('  partition: 3\n'), options: { schemaValidation: false } },
  ],
  invalid: [
    {
      name: 'typo with one close match: rename fix',
      code: topic('  partition: 3\n  replicas: 3\n'),
      errors: [{ line: 8, column: 3, endLine: 8, endColumn: 12, message: "Unknown field 'partition' in 'spec': did you mean 'partitions'?" }],
      output: topic('  partitions: 3\n  replicas: 3\n'),
    },
    {
      name: 'typo in metadata',
      code: topic('  partitions: 3\n', '  name: orders\n  lables:\n    strimzi.io/cluster: my-cluster\n'),
      errors: [{ line: 5, column: 3, message: /did you mean 'labels'/ }],
      output: topic('  partitions: 3\n'),
    },
    {
      name: 'no rename to a key that is already there',
      code: topic('  partitions: 3\n  partition: 3\n'),
      errors: [{ line: 9, column: 3, message: /^Unknown field 'partition' in 'spec'\. Known fields: / }],
      output: null,
    },
    {
      name: 'wrong indentation: belongs under a sibling',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n  config:\n    offsets.topic.replication.factor: 3\n',
      errors: [{ line: 12, column: 3, message: "Unknown field 'config' in 'spec': 'config' belongs under 'kafka'; check its indentation." }],
    },
    {
      name: 'inside a list item',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n        authentcation:\n          type: scram-sha-512\n',
      errors: [{ line: 12, column: 9, message: /'spec\.kafka\.listeners\[0\]': did you mean 'authentication'\?/ }],
    },
    {
      name: 'KEDA ScaledObject',
      code: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: c\nspec:\n  scaleTargetRef:\n    name: consumer\n  maxReplicas: 6\n  triggers:\n    - type: kafka\n      metadata:\n        topic: orders\n',
      errors: [{ line: 8, column: 3, message: /Unknown field 'maxReplicas' in 'spec'/ }],
    },
    {
      name: 'two unknown fields in one resource, quoted key',
      code: topic('  "replica": 3\n  partitions: 3\n  retention: 1d\n'),
      errors: [
        { line: 8, column: 3, endColumn: 12, message: /did you mean 'replicas'\?/ },
        { line: 10, column: 3, message: /^Unknown field 'retention' in 'spec'/ },
      ],
      output: topic('  replicas: 3\n  partitions: 3\n  retention: 1d\n'),
    },
  ],
});
