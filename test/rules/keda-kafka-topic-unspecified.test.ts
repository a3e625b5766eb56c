import rule from '../../src/core/rules/keda/keda-kafka-topic-unspecified';
import { kedaScaledObject } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

/** A ScaledObject: `spec` extras on line 6; trigger `metadata:` key on line 11 (column 7), entries from line 12. */
const so = (meta: string[], spec = 'maxReplicaCount: 10', type = 'kafka'): string =>
  kedaScaledObject({ spec: [spec], type, meta: ['bootstrapServers: b:9092', 'consumerGroup: g', ...meta] });

ruleTester(rule, {
  valid: [
    { code: so(['topic: orders']) },
    { code: so(['topicFromEnv: KAFKA_TOPIC']) },
    { code: so(['topic: a,b'], 'minReplicaCount: 0', 'apache-kafka') },
    { name: 'ScaledJob is not checked', code: so([]).replace('kind: ScaledObject', 'kind: ScaledJob') },
  ],
  invalid: [
    {
      code: so([]),
      errors: [{ line: 11, column: 7, message: /has no topic.*never scaled up\. Add topic, or set minReplicaCount: 1\./, severity: 'warning' }],
      output: null,
    },
    {
      name: 'explicit minReplicaCount 0',
      code: so([], 'minReplicaCount: 0'),
      errors: [{ line: 11, column: 7, message: /minReplicaCount 0\)/, severity: 'warning' }],
    },
    {
      name: 'minReplicaCount 1 makes it info',
      code: so([], 'minReplicaCount: 1'),
      errors: [{ line: 11, column: 7, message: /sums lag over every topic the group has committed to/, severity: 'info' }],
    },
    {
      name: 'idleReplicaCount 0 scales to zero too',
      code: so(['lagThreshold: "100"'], 'idleReplicaCount: 0').replace('  scaleTargetRef:', '  minReplicaCount: 2\n  scaleTargetRef:'),
      errors: [{ line: 12, column: 7, severity: 'warning' }],
    },
    {
      name: 'empty topic value',
      code: so(['topic: ""']),
      errors: [{ line: 14, column: 16 }],
    },
    {
      name: 'apache-kafka',
      code: so([], 'minReplicaCount: 0', 'apache-kafka'),
      errors: [{ line: 11, column: 7, message: /\(apache-kafka\) has no topic: the scaler then needs the group to have active members/, severity: 'warning' }],
    },
  ],
});
