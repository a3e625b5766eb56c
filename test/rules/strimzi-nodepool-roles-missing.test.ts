import rule from '../../src/core/rules/strimzi/strimzi-nodepool-roles-missing';
import { ruleTester } from '../helpers/rule-tester';

const pool = (spec: string) => `apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: pool
  labels:
    strimzi.io/cluster: my-cluster
spec:
${spec}`;

const STORAGE = '  storage:\n    type: persistent-claim\n    size: 10Gi\n';

ruleTester(rule, {
  valid: [
    { name: 'broker pool', code: pool('  replicas: 3\n  roles:\n    - broker\n' + STORAGE) },
    { name: 'templated role', code: pool('  replicas: 3\n  roles:\n    - {{ .Values.role }}\n' + STORAGE) },
    { name: 'dual-role pool in flow style', code: pool('  replicas: 1\n  roles: [controller, broker]\n' + STORAGE) },
  ],
  invalid: [
    {
      name: 'no roles: suggestions only',
      code: pool('  replicas: 3\n' + STORAGE),
      errors: [{ line: 7, column: 1, severity: 'error', message: 'KafkaNodePool/pool has no roles, so the operator rejects it. Set spec.roles to [broker], [controller] or both.' }],
      output: null,
    },
    {
      name: 'empty roles',
      code: pool('  replicas: 3\n  roles: []\n' + STORAGE),
      errors: [{ line: 9, column: 3, message: /has no roles/ }],
    },
    {
      name: 'misspelt role: fix',
      code: pool('  replicas: 3\n  roles:\n    - brokers\n' + STORAGE),
      errors: [{ line: 10, column: 7, message: "'brokers' is not a node pool role; use broker or controller (did you mean 'broker'?)." }],
      output: pool('  replicas: 3\n  roles:\n    - broker\n' + STORAGE),
    },
    {
      name: 'unknown role without a near match',
      code: pool('  replicas: 3\n  roles: [broker, zookeeper]\n' + STORAGE),
      errors: [{ line: 9, column: 19, message: /^'zookeeper' is not a node pool role/ }],
      output: null,
    },
    {
      name: 'missing replicas and storage',
      code: pool('  roles: [broker]\n'),
      errors: [
        { line: 7, column: 1, message: /has no replicas/ },
        { line: 7, column: 1, message: /has no storage/ },
      ],
      output: null,
    },
  ],
});
