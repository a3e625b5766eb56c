import rule from '../../src/core/rules/code/sarama-version-too-old';
import { ruleTester } from '../helpers/rule-tester';

const go = (version: string) => `package main\n\nimport "github.com/IBM/sarama"\n\nfunc config() *sarama.Config {\n\tcfg := sarama.NewConfig()\n\tcfg.Version = ${version}\n\treturn cfg\n}\n`;

const so = (metadata: string, type = 'kafka') =>
  `apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: orders\nspec:\n  scaleTargetRef:\n    name: orders\n  triggers:\n    - type: ${type}\n      metadata:\n        bootstrapServers: c-kafka-bootstrap:9092\n        consumerGroup: orders\n        topic: orders\n${metadata}`;

const kafka39 = { versions: { kafka: { value: '3.9.0', source: 'flag' as const } } };

ruleTester(rule, {
  valid: [
    { name: 'a 2.1+ protocol version', path: 'main.go', code: go('sarama.V3_6_0_0') },
    { name: 'exactly the baseline', path: 'main.go', code: go('sarama.V2_1_0_0') },
    { name: 'old version, but the brokers run Kafka 3.9', path: 'main.go', code: go('sarama.V0_11_0_0'), options: kafka39 },
    { name: 'a version from elsewhere is not judged', path: 'main.go', code: go('kafkaVersion()') },
    { name: 'trigger with a current version', code: so('        version: "3.9.0"\n') },
    { name: 'apache-kafka triggers do not use sarama', code: so('', 'apache-kafka') },
    { name: 'trigger without version on Kafka 3.9', code: so(''), options: kafka39 },
  ],
  invalid: [
    {
      name: 'Go config pinned below 2.1',
      path: 'main.go',
      code: go('sarama.V0_10_2_0'),
      errors: [{ line: 7, column: 16, severity: 'error', message: /^sarama\.V0_10_2_0 makes sarama speak Kafka 0\.10\.2's protocol, older than the 2\.1 baseline that Kafka 4\.3\.1 still serves/ }],
    },
    {
      name: 'trigger pinned below 2.1',
      code: so('        version: "1.1.0"\n'),
      errors: [{ line: 14, column: 18, severity: 'error', message: /^triggers\[0\] pins sarama to Kafka 1\.1\.0's protocol/ }],
    },
    {
      name: 'trigger without version: the scaler pins 1.0.0',
      code: so(''),
      errors: [{ line: 10, column: 7, severity: 'info', message: /sets no version, so the KEDA kafka scaler pins sarama to Kafka 1\.0\.0's protocol/ }],
    },
  ],
});
