import { SCHEMA_RULES } from '../../src/core/schema/rules';
import { ruleTester } from '../helpers/rule-tester';

const rule = SCHEMA_RULES.find((r) => r.meta.id === 'schema-type')!;

const kafka = (kafkaSpec: string) =>
  `apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n${kafkaSpec}    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n`;

ruleTester(rule, {
  valid: [
    { code: kafka('    version: "4.0.0"\n') },
    { code: kafka('    version: 4.3.1\n') },
    { name: 'int-or-string quantity', code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: p\nspec:\n  replicas: 3\n  roles: [broker]\n  storage: {type: ephemeral}\n  resources:\n    requests:\n      cpu: 1\n      memory: 2Gi\n' },
    { name: 'empty optional value is dropped by the API server', code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  annotations:\nspec:\n  partitions: 3\n  config:\n' },
  ],
  invalid: [
    {
      name: 'version as a number: quote fix',
      code: kafka('    version: 4.0\n'),
      errors: [{ line: 7, column: 14, endColumn: 17, message: "'version' must be a string, not the number 4 (quote it: \"4.0\")." }],
      output: kafka('    version: "4.0"\n'),
    },
    {
      name: 'integer in quotes: unquote fix',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: "12"\n',
      errors: [{ line: 6, column: 15, message: `'partitions' must be an integer, not the string "12".` }],
      output: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: 12\n',
    },
    {
      name: 'label value must be a string',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  labels:\n    version: 2\nspec:\n  partitions: 1\n',
      errors: [{ line: 6, column: 14, message: /'version' must be a string, not the number 2/ }],
      output: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  labels:\n    version: "2"\nspec:\n  partitions: 1\n',
    },
    {
      name: 'a map where a list is expected: at the key',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: p\nspec:\n  replicas: 3\n  roles:\n    broker: true\n  storage: {type: ephemeral}\n',
      errors: [{ line: 7, column: 3, message: "'roles' must be a list, not an object." }],
      output: null,
    },
    {
      name: 'int-or-string given a boolean',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: p\nspec:\n  replicas: 3\n  roles: [broker]\n  storage: {type: ephemeral}\n  resources:\n    limits:\n      cpu: true\n',
      errors: [{ line: 11, column: 12, message: "'cpu' must be an integer or a string, not the boolean true." }],
    },
    {
      name: 'YAML 1.1 boolean: works on Kubernetes, reads as a string elsewhere (warning)',
      code: kafka('').replace('tls: false', 'tls: off'),
      errors: [{ line: 11, column: 14, severity: 'warning', message: `'tls' is "off": Kubernetes reads it as false (YAML 1.1), other YAML tools as a string. Write false.` }],
      output: kafka(''),
    },
    {
      name: 'YAML 1.1 boolean where a string is wanted: kubectl reads a boolean and the API server rejects it',
      code: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: s\nspec:\n  scaleTargetRef:\n    name: d\n  triggers:\n  - type: kafka\n    metadata:\n      bootstrapServers: b:9092\n      consumerGroup: off\n      topic: "on"\n',
      errors: [{ line: 12, column: 22, endColumn: 25, severity: 'error', message: `'consumerGroup' must be a string, but kubectl reads a plain off as the boolean false (YAML 1.1) and the API server rejects it. Quote it: "off".` }],
      output: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: s\nspec:\n  scaleTargetRef:\n    name: d\n  triggers:\n  - type: kafka\n    metadata:\n      bootstrapServers: b:9092\n      consumerGroup: "off"\n      topic: "on"\n',
    },
    {
      name: 'kind not a string',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: [Kafka]\nmetadata:\n  name: c\n',
      errors: [{ line: 2, column: 7, message: /^'kind' must be a string such as Kafka, not a list; Kubernetes rejects the document/ }],
    },
    {
      name: 'a quoted "yes" is a string for everyone',
      code: kafka('').replace('tls: false', 'tls: "yes"'),
      errors: [{ line: 11, column: 14, severity: 'error', message: `'tls' must be a boolean, not the string "yes".` }],
      output: null,
    },
    {
      name: 'fractional CPU as a number (int-or-string): quote fix',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: p\nspec:\n  replicas: 3\n  roles: [broker]\n  storage: {type: ephemeral}\n  resources:\n    requests:\n      cpu: 0.5\n',
      errors: [{ line: 11, column: 12, message: `'cpu' must be an integer or a string, not the number 0.5 (quote it: "0.5").` }],
      output: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: p\nspec:\n  replicas: 3\n  roles: [broker]\n  storage: {type: ephemeral}\n  resources:\n    requests:\n      cpu: "0.5"\n',
    },
  ],
});
