import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../src/core/rules/strimzi/strimzi-kafka-version-unsupported';
import { kafkaVersionsFor } from '../../src/core/rules/strimzi/facts';
import type { EngineOptions } from '../../src/core/engine';
import { lintCase, ruleTester } from '../helpers/rule-tester';

const strimzi = (value: string): EngineOptions => ({ versions: { strimzi: { value, source: 'flag' } } });

const kafka = (version: string) => `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: my-cluster
spec:
  kafka:
${version}    listeners:
      - name: plain
        port: 9092
        type: internal
        tls: false
`;

ruleTester(rule, {
  valid: [
    { name: '4.3.1 on Strimzi 1.2.0', code: kafka('    version: 4.3.1\n') },
    { name: '4.2.0 on Strimzi 1.2.0', code: kafka('    version: 4.2.0\n') },
    { name: '3.6.0 on Strimzi 0.38', code: kafka('    version: 3.6.0\n'), options: strimzi('0.38.0') },
    { name: '3.6.2 on Strimzi 0.42.0', code: kafka('    version: 3.6.2\n'), options: strimzi('0.42.0') },
    { name: '3.9.1 on Strimzi 0.45.1 (patch release table)', code: kafka('    version: 3.9.1\n'), options: strimzi('0.45.1') },
    { name: 'unknown (older) Strimzi: no claim', code: kafka('    version: 2.8.0\n'), options: strimzi('0.25.0') },
    { name: 'unknown (newer) Strimzi: no claim', code: kafka('    version: 4.4.0\n'), options: strimzi('1.3.0') },
    { name: 'Helm-templated version is not judged', code: kafka('    version: {{ .Values.kafkaVersion }}\n') },
    { name: 'envsubst placeholder is not judged', code: kafka('    version: ${KAFKA_VERSION}\n') },
    { name: 'no spec.kafka at all', code: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: x\nspec: {}\n' },
  ],
  invalid: [
    {
      name: 'the guide: 3.6.0 on Strimzi 1.2.0',
      code: kafka('    version: 3.6.0\n'),
      errors: [
        {
          line: 7,
          column: 14,
          endColumn: 19,
          severity: 'error',
          message: 'Kafka 3.6.0 is not supported by Strimzi 1.2.0 (supported: 4.2.0, 4.2.1, 4.3.0 and 4.3.1), so the operator will not reconcile this cluster. Use 4.3.1. Assumes Strimzi 1.2.0; set versions.strimzi in .kafka-k8s.yaml to match your operator.',
        },
      ],
      output: null,
    },
    {
      name: '3.9.1 on Strimzi 0.45.0 (added in 0.45.1)',
      code: kafka('    version: 3.9.1\n'),
      options: strimzi('0.45.0'),
      errors: [{ line: 7, column: 14, message: /supported: 3\.8\.0, 3\.8\.1 and 3\.9\.0.*Use 3\.9\.0\./ }],
    },
    {
      name: 'quoted, unknown patch',
      code: kafka('    version: "4.3.9"\n'),
      errors: [{ line: 7, column: 14, message: /^Kafka 4\.3\.9 is not supported/ }],
    },
    {
      name: 'number written as 4.1 stays 4.1',
      code: kafka('    version: 4.1\n'),
      options: strimzi('0.49.0'),
      errors: [{ line: 7, column: 14, message: /^Kafka 4\.1 is not supported by Strimzi 0\.49\.0.*Use 4\.1\.1\./ }],
    },
    {
      name: 'version omitted: hint on spec.kafka',
      code: kafka(''),
      errors: [{ line: 6, column: 3, severity: 'hint', message: /not set, so Strimzi 1\.2\.0 uses its default \(4\.3\.1\)/ }],
      output: null,
    },
  ],
});

it('suggests every supported version, the default first', () => {
  const { findings } = lintCase({ code: kafka('    version: 3.6.0\n') });
  const f = findings.find((x) => x.ruleId === rule.meta.id)!;
  assert.deepEqual(
    f.suggestions!.map((s) => s.title),
    ['Use Kafka 4.3.1 (Strimzi 1.2 default)', 'Use Kafka 4.3.0', 'Use Kafka 4.2.1', 'Use Kafka 4.2.0'],
  );
  assert.deepEqual(f.suggestions![0].edits, [{ range: f.range, newText: '4.3.1' }]);
});

it('knows the 0.38–1.2 tables', () => {
  assert.equal(kafkaVersionsFor('0.38.0')?.default, '3.6.0');
  assert.deepEqual(kafkaVersionsFor('0.44.0')?.supported, ['3.7.0', '3.7.1', '3.8.0']);
  assert.equal(kafkaVersionsFor('0.45.1')?.default, '3.9.1');
  assert.equal(kafkaVersionsFor('0.45.0')?.default, '3.9.0');
  assert.equal(kafkaVersionsFor('1.2.0')?.default, '4.3.1');
  assert.equal(kafkaVersionsFor('0.37.0'), undefined);
  assert.equal(kafkaVersionsFor('1.3.0'), undefined);
});

it('says the Strimzi version was assumed only when nobody set it', () => {
  const msg = (options?: EngineOptions) => lintCase({ code: kafka('    version: 3.6.0\n'), options }).findings.find((x) => x.ruleId === rule.meta.id)!.message;
  assert.match(msg(), /Use 4\.3\.1\. Assumes Strimzi 1\.2\.0; set versions\.strimzi in \.kafka-k8s\.yaml to match your operator\.$/);
  assert.match(msg(strimzi('1.2.0')), /Use 4\.3\.1\.$/);
});
