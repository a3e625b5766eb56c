import rule from '../../src/core/rules/client/producer-delivery-timeout-too-small';
import { ruleTester } from '../helpers/rule-tester';

const kafka = (v: string) => ({ versions: { kafka: { value: v, source: 'flag' as const } } });

ruleTester(rule, {
  valid: [
    { path: 'producer.properties', code: 'acks=all\n' },
    { path: 'producer.properties', code: 'delivery.timeout.ms=120000\n' },
    { path: 'producer.properties', code: 'delivery.timeout.ms=30005\n' },
    { name: 'before 4.0 linger defaults to 0', path: 'producer.properties', code: 'delivery.timeout.ms=30000\n', options: kafka('3.9.0') },
    { path: 'producer.properties', code: 'delivery.timeout.ms=15000\nrequest.timeout.ms=10000\nlinger.ms=5\n' },
    { name: 'templated', path: 'producer.properties', code: 'delivery.timeout.ms=${T}\nacks=all\n' },
  ],
  invalid: [
    {
      name: '30000 breaks on Kafka 4 (linger.ms default 5)',
      path: 'producer.properties',
      code: 'acks=all\ndelivery.timeout.ms=30000\n',
      errors: [{ line: 2, column: 21, severity: 'error', message: /linger\.ms \(5, the default for Kafka 4\.3\.1\) \+ request\.timeout\.ms \(30000, the default\) = 30005/ }],
      output: 'acks=all\ndelivery.timeout.ms=30005\n',
    },
    {
      name: 'explicit linger and request timeout',
      path: 'producer.properties',
      code: 'linger.ms=100\nrequest.timeout.ms=60000\ndelivery.timeout.ms=60000\n',
      options: kafka('3.6.0'),
      errors: [{ line: 3, column: 21, message: /= 60100/ }],
      output: 'linger.ms=100\nrequest.timeout.ms=60000\ndelivery.timeout.ms=60100\n',
    },
    {
      name: 'Spring Boot YAML properties map',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      properties:\n        delivery.timeout.ms: 1000\n',
      errors: [{ line: 5, column: 30 }],
      output: 'spring:\n  kafka:\n    producer:\n      properties:\n        delivery.timeout.ms: 30005\n',
    },
    {
      name: 'KafkaBridge producer config',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  producer:\n    config:\n      delivery.timeout.ms: 20000\n',
      errors: [{ line: 12, column: 28 }],
    },
  ],
});
