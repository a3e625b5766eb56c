import rule from '../../src/core/rules/keda/keda-kafka-consumer-group-missing';
import { ruleTester } from '../helpers/rule-tester';

/** A ScaledObject whose first trigger's metadata entries start on line 11, column 9. */
function so(meta: string[], type = 'kafka', kind = 'ScaledObject'): string {
  return [
    'apiVersion: keda.sh/v1alpha1',
    `kind: ${kind}`,
    'metadata:',
    '  name: orders',
    'spec:',
    '  scaleTargetRef:',
    '    name: orders',
    '  triggers:',
    `    - type: ${type}`,
    '      metadata:',
    ...meta.map((l) => `        ${l}`),
    '',
  ].join('\n');
}

const BS = 'bootstrapServers: my-cluster-kafka-bootstrap.kafka.svc:9092';

ruleTester(rule, {
  valid: [
    { code: so([BS, 'consumerGroup: orders', 'topic: orders']) },
    { code: so([BS, 'consumerGroupFromEnv: KAFKA_GROUP_ID', 'topic: orders']) },
    { code: so([BS, 'consumerGroup: orders'], 'apache-kafka') },
    { name: 'not a kafka trigger', code: so(['query: sum(rate(x[1m]))', 'threshold: "5"'], 'prometheus') },
    { name: 'a Deployment is not checked', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: 1\n' },
  ],
  invalid: [
    {
      code: so([BS, 'topic: orders']),
      errors: [{ line: 10, column: 7, endLine: 10, endColumn: 15, message: /has no consumerGroup/, severity: 'error' }],
    },
    {
      name: 'empty consumerGroup counts as missing',
      code: so([BS, 'consumerGroup: ""', 'topic: orders']),
      errors: [{ line: 12, column: 24, message: /consumerGroup is empty/ }],
      output: null,
    },
    {
      name: 'apache-kafka trigger, ScaledJob',
      code: so([BS], 'apache-kafka', 'ScaledJob'),
      errors: [{ line: 10, column: 7, message: /triggers\[0\] \(apache-kafka\) has no consumerGroup/ }],
    },
    {
      name: 'trigger without metadata: reported on its type',
      code: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: o\nspec:\n  scaleTargetRef:\n    name: o\n  triggers:\n    - type: kafka\n      name: lag\n',
      errors: [{ line: 9, column: 13, message: /trigger 'lag' \(kafka\) has no consumerGroup/ }],
    },
    {
      name: 'second trigger only',
      code: so([BS, 'consumerGroup: a', 'topic: a']).replace(/\n$/, '') + '\n    - type: kafka\n      metadata:\n        bootstrapServers: b:9092\n        topic: b\n',
      errors: [{ line: 15, column: 7 }],
    },
    {
      name: 'severity override',
      code: so([BS]),
      options: { rules: { 'keda-kafka-consumer-group-missing': 'warning' } },
      errors: [{ line: 10, column: 7, severity: 'warning' }],
    },
  ],
});
