import rule from '../../src/core/rules/client/producer-acks-weak';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'producer.properties', code: 'bootstrap.servers=localhost:9092\nacks=all\n' },
    { path: 'producer.properties', code: 'bootstrap.servers=localhost:9092\nacks=-1\n' },
    { path: 'consumer.properties', code: 'group.id=g\nacks=1\n' },
    { path: 'producer.properties', code: 'acks=${ACKS}\n' },
    { name: 'idempotence requested: producer-idempotence-conflict reports it', path: 'producer.properties', code: 'enable.idempotence=true\nacks=1\n' },
    { name: 'unset on 3.0+ clients', path: 'producer.properties', code: 'linger.ms=5\n', options: { versions: { kafka: { value: '3.0.0', source: 'flag' } } } },
    { name: 'unset, version unknown', path: 'producer.properties', code: 'linger.ms=5\n' },
  ],
  invalid: [
    {
      path: 'producer.properties',
      code: 'bootstrap.servers=localhost:9092\nacks=1\n',
      errors: [{ line: 2, column: 6, message: /^acks=1 .*turns idempotence off/ }],
      output: 'bootstrap.servers=localhost:9092\nacks=all\n',
    },
    {
      path: 'producer.properties',
      code: 'acks : 0\n',
      errors: [{ line: 1, column: 8 }],
      output: 'acks : all\n',
    },
    {
      name: 'Spring Boot YAML',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      acks: 1\n',
      errors: [{ line: 4, column: 13 }],
      output: 'spring:\n  kafka:\n    producer:\n      acks: all\n',
    },
    {
      name: 'Spring Boot properties, relaxed binding',
      path: 'application.properties',
      code: 'spring.kafka.producer.properties.acks=0\n',
      errors: [{ line: 1, column: 39 }],
    },
    {
      name: 'KafkaBridge producer config',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  producer:\n    config:\n      acks: 1\n',
      errors: [{ line: 8, column: 13 }],
    },
    {
      name: 'unset on 2.x clients (default acks=1)',
      path: 'producer.properties',
      code: 'linger.ms=5\n',
      options: { versions: { kafka: { value: '2.8.2', source: 'config' } } },
      errors: [{ line: 1, column: 1, message: /default to acks=1/ }],
      output: 'linger.ms=5\nacks=all\n',
    },
    {
      name: 'Spring Boot relaxed name in properties',
      path: 'application.properties',
      code: 'spring.kafka.producer.ACKS=0\n',
      errors: [{ line: 1, column: 28, message: /^ACKS=0/ }],
      output: 'spring.kafka.producer.ACKS=all\n',
    },
  ],
});
