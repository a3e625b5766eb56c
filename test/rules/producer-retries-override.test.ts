import rule from '../../src/core/rules/client/producer-retries-override';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'producer.properties', code: 'acks=all\n' },
    { path: 'producer.properties', code: 'acks=all\nretries=2147483647\n' },
    { name: 'templated', path: 'producer.properties', code: 'acks=all\nretries=${RETRIES}\n' },
    { name: 'pre-2.1 clients defaulted to 0 retries', path: 'producer.properties', code: 'acks=all\nretries=3\n', options: { versions: { kafka: { value: '2.0.1', source: 'flag' } } } },
    { name: 'consumer', path: 'consumer.properties', code: 'group.id=g\nretries=3\n' },
  ],
  invalid: [
    {
      name: "the guide's retries=3",
      path: 'producer.properties',
      code: 'bootstrap.servers=b:9092\nretries=3\nacks=all\n',
      errors: [{ line: 2, column: 9, severity: 'info', message: /retries=3 caps retries/ }],
      output: 'bootstrap.servers=b:9092\nacks=all\n',
    },
    {
      name: 'retries=0',
      path: 'producer.properties',
      code: 'acks=all\nretries=0\n',
      errors: [{ line: 2, column: 9, severity: 'warning', message: /turns idempotence off/ }],
      output: 'acks=all\n',
    },
    {
      name: 'Spring Boot YAML',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      acks: all\n      retries: 5\n',
      errors: [{ line: 5, column: 16, message: /^retries=5/ }],
      output: 'spring:\n  kafka:\n    producer:\n      acks: all\n',
    },
    {
      name: 'Spring Boot shared properties',
      path: 'application.properties',
      code: 'spring.kafka.producer.acks=all\nspring.kafka.properties.retries=10\n',
      errors: [{ line: 2, column: 33 }],
    },
    {
      name: 'KafkaBridge producer config',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  producer:\n    config:\n      retries: 3\n',
      errors: [{ line: 12, column: 16 }],
    },
  ],
});
