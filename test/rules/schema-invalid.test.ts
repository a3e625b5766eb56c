import { SCHEMA_RULES } from '../../src/core/schema/rules';
import { ruleTester } from '../helpers/rule-tester';

const rule = SCHEMA_RULES.find((r) => r.meta.id === 'schema-invalid')!;

const pool = (extra: string) =>
  `apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: p\nspec:\n  replicas: 3\n  roles: [broker]\n  storage: {type: ephemeral}\n${extra}`;

ruleTester(rule, {
  valid: [
    { code: pool('  resources:\n    requests:\n      memory: 512Mi\n      cpu: 500m\n') },
    { code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: 1\n  replicas: 1\n' },
  ],
  invalid: [
    {
      name: 'quantity pattern',
      code: pool('  resources:\n    requests:\n      memory: 2GB\n'),
      errors: [{ line: 11, column: 15, message: `"2GB" is not a Kubernetes quantity for 'memory' (such as 500m, 2, 1Gi or 512Mi).` }],
    },
    {
      name: 'minimum',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: 0\n',
      errors: [{ line: 6, column: 15, message: "'partitions' must be >= 1, not the number 0." }],
    },
    {
      name: 'KEDA int32 format',
      code: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: c\nspec:\n  scaleTargetRef:\n    name: consumer\n  maxReplicaCount: 3000000000\n  triggers:\n    - type: kafka\n      metadata:\n        topic: orders\n',
      errors: [{ line: 8, column: 20, message: /must be a 32-bit integer/ }],
    },
    {
      name: 'mutually exclusive alternatives set together',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata:\n  name: c\nspec:\n  replicas: 1\n  bootstrapServers: b:9092\n  groupId: g\n  configStorageTopic: c\n  offsetStorageTopic: o\n  statusStorageTopic: s\n  template:\n    connectContainer:\n      env:\n        - name: X\n          value: "1"\n          valueFrom:\n            secretKeyRef: {name: s, key: k}\n',
      errors: [
        { line: 15, column: 11, message: "'spec.template.connectContainer.env[0]' sets more than one of 'value' or 'valueFrom'; set exactly one." },
      ],
    },
  ],
});
