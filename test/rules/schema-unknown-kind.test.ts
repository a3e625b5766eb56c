import { SCHEMA_RULES } from '../../src/core/schema/rules';
import { ruleTester } from '../helpers/rule-tester';

const rule = SCHEMA_RULES.find((r) => r.meta.id === 'schema-unknown-kind')!;

ruleTester(rule, {
  valid: [
    { code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: 1\n' },
    { name: 'a group we have no schemas for', code: 'apiVersion: example.com/v1\nkind: KafkaTopics\nmetadata:\n  name: t\n' },
    { name: 'MirrorMaker 1 is left to strimzi-deprecated-api', code: 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaMirrorMaker\nmetadata:\n  name: m\nspec: {}\n' },
  ],
  invalid: [
    {
      name: 'plural kind',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopics\nmetadata:\n  name: t\nspec:\n  partitions: 1\n',
      errors: [{ line: 2, column: 7, endColumn: 18, message: "Unknown kind 'KafkaTopics' in kafka.strimzi.io: did you mean 'KafkaTopic'?" }],
      output: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: 1\n',
    },
    {
      name: 'KEDA, wrong case',
      code: 'apiVersion: keda.sh/v1alpha1\nkind: Scaledobject\nmetadata:\n  name: so\n',
      errors: [{ line: 2, column: 7, message: /did you mean 'ScaledObject'\?/ }],
      output: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: so\n',
    },
    {
      name: 'nothing close: lists the kinds',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaCluster\nmetadata:\n  name: c\n',
      errors: [{ line: 2, column: 7, message: /^Unknown kind 'KafkaCluster' in kafka\.strimzi\.io\. Known kinds: Kafka, KafkaBridge, KafkaConnect, / }],
      output: null,
    },
  ],
});
