import rule from '../../src/core/rules/strimzi/strimzi-kraft-annotations';
import type { EngineOptions } from '../../src/core/engine';
import { ruleTester } from '../helpers/rule-tester';

const strimzi = (value: string): EngineOptions => ({ versions: { strimzi: { value, source: 'flag' } } });

const kafka = (annotations: string, extra = '') => `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: my-cluster
${annotations}spec:
  kafka:
    version: 4.0.0
${extra}`;

const BOTH = '  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\n';

ruleTester(rule, {
  valid: [
    { name: 'Strimzi 1.2.0 without the annotations', code: kafka('') },
    { name: 'Strimzi 0.46 with both annotations enabled', code: kafka(BOTH), options: strimzi('0.46.0') },
    { name: 'Strimzi 0.47 with both annotations enabled', code: kafka(BOTH), options: strimzi('0.47.0') },
    { name: 'Strimzi 0.45 ZooKeeper cluster (has spec.zookeeper)', code: kafka('', '  zookeeper:\n    replicas: 3\n'), options: strimzi('0.45.0') },
    { name: 'Strimzi 0.45 KRaft cluster with the annotations', code: kafka(BOTH), options: strimzi('0.45.0') },
    { name: 'templated annotation value', code: kafka('  annotations:\n    strimzi.io/kraft: "{{ .Values.kraft }}"\n    strimzi.io/node-pools: enabled\n'), options: strimzi('0.46.0') },
    { name: 'Strimzi 0.40: annotations not relevant yet', code: kafka(''), options: strimzi('0.40.0') },
  ],
  invalid: [
    {
      name: 'Strimzi 0.48+: present annotations are ignored (hint, removable)',
      code: kafka(BOTH),
      errors: [
        { line: 6, column: 5, severity: 'hint', message: /ignores the strimzi\.io\/kraft annotation/ },
        { line: 7, column: 5, severity: 'hint', message: /ignores the strimzi\.io\/node-pools annotation/ },
      ],
      output: kafka('  annotations:\n'),
    },
    {
      name: 'Strimzi 0.46: both missing (error, fix inserts the annotation)',
      code: kafka(''),
      options: strimzi('0.46.0'),
      errors: [
        { line: 3, column: 1, severity: 'error', message: /^The strimzi\.io\/kraft annotation is missing\. Strimzi 0\.46\.0 reconciles only KRaft clusters/ },
        { line: 3, column: 1, severity: 'error', message: /^The strimzi\.io\/node-pools annotation is missing/ },
      ],
      // Both fixes insert at the same place; one pass applies the first (the next run adds the other).
      output: kafka('  annotations:\n    strimzi.io/kraft: enabled\n'),
    },
    {
      name: 'Strimzi 0.47: node-pools disabled',
      code: kafka('  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: disabled\n'),
      options: strimzi('0.47.0'),
      errors: [{ line: 7, column: 28, severity: 'error', message: /^strimzi\.io\/node-pools is 'disabled'/ }],
      output: kafka(BOTH),
    },
    {
      name: 'Strimzi 0.46: one missing, added to the existing annotations',
      code: kafka('  annotations:\n    strimzi.io/kraft: enabled\n'),
      options: strimzi('0.46.0'),
      errors: [{ line: 5, column: 3, severity: 'error', message: /node-pools annotation is missing/ }],
      output: kafka(BOTH),
    },
    {
      name: 'migration value after 0.46',
      code: kafka('  annotations:\n    strimzi.io/kraft: migration\n    strimzi.io/node-pools: enabled\n'),
      options: strimzi('0.46.0'),
      errors: [{ line: 6, column: 23, severity: 'error', message: /drives the ZooKeeper-to-KRaft migration/ }],
    },
    {
      name: 'Strimzi 0.42 with node pools in the workspace but no node-pools annotation',
      files: {
        'kafka.yaml': kafka('  annotations:\n    strimzi.io/kraft: enabled\n'),
        'pool.yaml': 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaNodePool\nmetadata:\n  name: dual\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  replicas: 3\n  roles: [controller, broker]\n  storage:\n    type: ephemeral\n',
      },
      options: strimzi('0.42.0'),
      errors: [{ line: 5, column: 3, severity: 'warning', message: /^1 KafkaNodePool\(s\) in the workspace belong to this cluster, but Strimzi 0\.42\.0 ignores node pools/ }],
      output: null,
    },
    {
      name: 'Strimzi 0.43 without annotations or zookeeper: info',
      code: kafka(''),
      options: strimzi('0.43.0'),
      errors: [{ line: 3, column: 1, severity: 'info', message: /treats this Kafka as ZooKeeper-based/ }],
    },
  ],
});
