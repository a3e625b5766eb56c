import rule from '../../src/core/rules/keda/keda-kafka-invalid-offset-keeps-replica';
import { kedaScaledObject } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

/** A ScaledObject: `spec` extra on line 6; trigger `metadata:` key on line 11 (column 7), entries from line 12. */
const so = (meta: string[], spec = 'maxReplicaCount: 10', type = 'kafka'): string =>
  kedaScaledObject({ spec: [spec], type, meta: ['bootstrapServers: b:9092', 'consumerGroup: g', 'topic: orders', ...meta] });

ruleTester(rule, {
  valid: [
    { code: so(['scaleToZeroOnInvalidOffset: "true"']) },
    { code: so(['offsetResetPolicy: earliest']) },
    { name: 'never scales to zero', code: so([], 'minReplicaCount: 1') },
    { name: 'unparsable flag is left to keda-kafka-invalid-metadata', code: so(['scaleToZeroOnInvalidOffset: "maybe"']) },
  ],
  invalid: [
    {
      code: so([]),
      errors: [{ line: 11, column: 7, message: /offsetResetPolicy latest, the default, scaleToZeroOnInvalidOffset false by default\), so triggers\[0\] keeps one replica running/, severity: 'info' }],
      output: null,
    },
    {
      name: 'explicit latest',
      code: so(['offsetResetPolicy: latest']),
      errors: [{ line: 15, column: 28, message: /\(offsetResetPolicy latest, scaleToZeroOnInvalidOffset false by default\)/ }],
    },
    {
      name: 'explicit false',
      code: so(['scaleToZeroOnInvalidOffset: "false"']),
      errors: [{ line: 15, column: 37 }],
    },
    {
      name: 'apache-kafka, warning by override',
      code: so([], 'minReplicaCount: 0', 'apache-kafka'),
      options: { rules: { 'keda-kafka-invalid-offset-keeps-replica': 'warning' } },
      errors: [{ line: 11, column: 7, severity: 'warning' }],
    },
  ],
});
