import rule from '../../src/core/rules/client/producer-idempotence-disabled';
import { ruleTester } from '../helpers/rule-tester';

const kafka = (v: string) => ({ versions: { kafka: { value: v, source: 'flag' as const } } });

ruleTester(rule, {
  valid: [
    { path: 'producer.properties', code: 'bootstrap.servers=b:9092\nacks=all\n' },
    { path: 'producer.properties', code: 'acks=all\nenable.idempotence=true\n' },
    { name: 'not a producer', path: 'consumer.properties', code: 'group.id=g\nenable.idempotence=false\n' },
    { name: 'templated value', path: 'producer.properties', code: 'acks=all\nenable.idempotence=${IDEMPOTENCE}\n' },
    { name: 'transactional: reported by producer-idempotence-conflict', path: 'producer.properties', code: 'transactional.id=tx\nenable.idempotence=false\n' },
    { name: 'unset on 3.2 clients (default applies)', path: 'producer.properties', code: 'acks=all\n', options: kafka('3.2.0') },
    { name: 'unset on 3.0.1 clients (default applies)', path: 'producer.properties', code: 'linger.ms=5\n', options: kafka('3.0.1') },
    { name: 'Spring Boot, idempotence on', path: 'application.yml', code: 'spring:\n  kafka:\n    producer:\n      properties:\n        enable.idempotence: true\n' },
  ],
  invalid: [
    {
      name: 'explicit false is removed on 3.0+ clients',
      path: 'producer.properties',
      code: 'bootstrap.servers=b:9092\nenable.idempotence=false\nlinger.ms=5\n',
      errors: [{ line: 2, column: 20, severity: 'warning', message: /remove the override/ }],
      output: 'bootstrap.servers=b:9092\nlinger.ms=5\n',
    },
    {
      name: 'case-insensitive boolean',
      path: 'producer.properties',
      code: 'acks=all\nenable.idempotence = FALSE\n',
      errors: [{ line: 2, column: 22 }],
      output: 'acks=all\n',
    },
    {
      name: 'explicit false with acks=1: no fix, names the companions',
      path: 'producer.properties',
      code: 'acks=1\nenable.idempotence=false\n',
      errors: [{ line: 2, column: 20, message: /acks=all, retries > 0/ }],
      output: null,
    },
    {
      name: 'old clients: set to true',
      path: 'producer.properties',
      code: 'acks=all\nenable.idempotence=false\n',
      options: kafka('2.8.1'),
      errors: [{ line: 2, column: 20, message: /Set it to true/ }],
      output: 'acks=all\nenable.idempotence=true\n',
    },
    {
      name: 'unset on 3.1.0 clients (KAFKA-13598)',
      path: 'producer.properties',
      code: 'bootstrap.servers=b:9092\nacks=all\n',
      options: kafka('3.1.0'),
      errors: [{ line: 1, column: 1, message: /KAFKA-13598/ }],
      output: 'bootstrap.servers=b:9092\nacks=all\nenable.idempotence=true\n',
    },
    {
      name: 'unset on 2.x clients',
      path: 'producer.properties',
      code: 'acks=all\n',
      options: kafka('2.8.0'),
      errors: [{ line: 1, column: 1, message: /default to enable.idempotence=false/ }],
    },
    {
      name: 'Spring Boot YAML, properties map',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        enable.idempotence: false\n',
      errors: [{ line: 6, column: 29 }],
      output: 'spring:\n  kafka:\n    producer:\n      acks: all\n',
    },
    {
      name: 'Spring Boot properties, bracket notation',
      path: 'application.properties',
      code: 'spring.kafka.producer.properties[enable.idempotence]=false\n',
      errors: [{ line: 1, column: 54 }],
      output: '',
    },
    {
      name: 'Spring Boot shared properties',
      path: 'application-prod.properties',
      code: 'spring.kafka.properties.enable.idempotence=false\nspring.kafka.producer.acks=all\n',
      errors: [{ line: 1, column: 44 }],
    },
    {
      name: 'KafkaBridge producer config',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  producer:\n    config:\n      enable.idempotence: false\n',
      errors: [{ line: 12, column: 27 }],
    },
  ],
});
