import { SCHEMA_RULES } from '../../src/core/schema/rules';
import { ruleTester } from '../helpers/rule-tester';

const rule = SCHEMA_RULES.find((r) => r.meta.id === 'schema-unknown-api-version')!;

ruleTester(rule, {
  valid: [
    { code: 'apiVersion: keda.sh/v1alpha1\nkind: TriggerAuthentication\nmetadata:\n  name: a\nspec:\n  secretTargetRef:\n    - parameter: sasl\n      name: s\n      key: k\n' },
    { name: 'v1 on Strimzi 0.49 or later', code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: 1\n', options: { versions: { strimzi: { value: '0.49.0', source: 'flag' } } } },
    { name: 'KafkaTopic v1alpha1 exists on 0.51', code: 'apiVersion: kafka.strimzi.io/v1alpha1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: 1\n', options: { versions: { strimzi: { value: '0.51.0', source: 'flag' } } } },
  ],
  invalid: [
    {
      name: 'KEDA v1 does not exist',
      code: 'apiVersion: keda.sh/v1\nkind: ScaledObject\nmetadata:\n  name: so\nspec:\n  scaleTargetRef:\n    name: d\n  triggers: []\n',
      errors: [{ line: 1, column: 13, endColumn: 23, message: 'ScaledObject is not served as keda.sh/v1. Served: keda.sh/v1alpha1 (KEDA 2.20.2).' }],
      output: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: so\nspec:\n  scaleTargetRef:\n    name: d\n  triggers: []\n',
    },
    {
      name: 'Kafka never had v1alpha1',
      code: 'apiVersion: kafka.strimzi.io/v1alpha1\nkind: Kafka\nmetadata:\n  name: c\nspec: {}\n',
      // strimzi-deprecated-api reports old Strimzi apiVersions at the same spot, and then supersedes this finding.
      options: { rules: { 'strimzi-deprecated-api': 'off' } },
      errors: [{ line: 1, column: 13, message: /^Kafka is not served as kafka\.strimzi\.io\/v1alpha1\. Served: kafka\.strimzi\.io\/v1 \(Strimzi 1\.2\.0, 0\.51\.0\); kafka\.strimzi\.io\/v1beta2 \(Strimzi 0\.51\.0, deprecated\)\.$/ }],
    },
    {
      name: 'v1 before Strimzi 0.49',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: 1\n',
      options: { versions: { strimzi: { value: '0.45.0', source: 'flag' } } },
      errors: [{ line: 1, column: 13, message: 'kafka.strimzi.io/v1 is served from Strimzi 0.49.0 on; the target Strimzi 0.45.0 (set by a command-line flag) only serves kafka.strimzi.io/v1beta2.' }],
    },
  ],
});
