import rule from '../../src/core/rules/keda/keda-replica-bounds-invalid';
import { kedaScaledObject } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

/** A ScaledObject with extra `spec` lines starting on line 6, column 3. */
const so = (spec: string[], kind = 'ScaledObject'): string => kedaScaledObject({ kind, spec, meta: ['bootstrapServers: b:9092', 'consumerGroup: g', 'topic: t'] });

ruleTester(rule, {
  valid: [
    { code: so([]) },
    { code: so(['minReplicaCount: 1', 'maxReplicaCount: 10']) },
    { code: so(['minReplicaCount: 5', 'maxReplicaCount: 5']) },
    { code: so(['idleReplicaCount: 0', 'minReplicaCount: 1', 'maxReplicaCount: 3']) },
    { code: so(['minReplicaCount: 100']) },
    { name: 'templated values are not judged', code: so(['minReplicaCount: "{{ .Values.min }}"', 'maxReplicaCount: 2']) },
  ],
  invalid: [
    {
      code: so(['minReplicaCount: 5', 'maxReplicaCount: 3']),
      errors: [{ line: 6, column: 20, message: 'minReplicaCount 5 is greater than maxReplicaCount 3; KEDA rejects the ScaledObject. Lower minReplicaCount or raise maxReplicaCount.', severity: 'error' }],
      output: null,
    },
    {
      name: 'against the default maximum',
      code: so(['minReplicaCount: 150']),
      errors: [{ line: 6, column: 20, message: /greater than maxReplicaCount 100 \(the default\)/ }],
    },
    {
      name: 'ScaledJob bounds',
      code: so(['maxReplicaCount: 2', 'minReplicaCount: 4'], 'ScaledJob'),
      errors: [{ line: 7, column: 20 }],
    },
    {
      name: 'idleReplicaCount equal to minReplicaCount',
      code: so(['idleReplicaCount: 2', 'minReplicaCount: 2', 'maxReplicaCount: 10']),
      errors: [{ line: 6, column: 21, message: /idleReplicaCount 2 must be less than minReplicaCount 2/ }],
      output: so(['idleReplicaCount: 0', 'minReplicaCount: 2', 'maxReplicaCount: 10']),
    },
    {
      name: 'idleReplicaCount 0 with the default minReplicaCount 0',
      code: so(['idleReplicaCount: 0']),
      errors: [{ line: 6, column: 21, message: /must be less than minReplicaCount 0 \(the default\).*Set minReplicaCount to 1/ }],
      output: null,
    },
    {
      name: 'idleReplicaCount other than 0',
      code: so(['idleReplicaCount: 1', 'minReplicaCount: 3']),
      errors: [{ line: 6, column: 21, message: /only supports 0/, severity: 'warning' }],
      output: so(['idleReplicaCount: 0', 'minReplicaCount: 3']),
    },
  ],
});
