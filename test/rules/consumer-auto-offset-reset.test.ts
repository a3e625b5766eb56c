import rule from '../../src/core/rules/client/consumer-auto-offset-reset';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'consumer.properties', code: 'group.id=g\nauto.offset.reset=earliest\n' },
    { path: 'consumer.properties', code: 'group.id=g\nauto.offset.reset=EARLIEST\n' },
    { name: 'no group', path: 'consumer.properties', code: 'key.deserializer=x.Y\n' },
    { name: 'Kafka 4 by_duration', path: 'consumer.properties', code: 'group.id=g\nauto.offset.reset=by_duration:PT1H\n' },
    { name: 'Kafka Streams', path: 'streams.properties', code: 'application.id=a\ngroup.id=g\nauto.offset.reset=latest\n' },
    { name: 'Spring Boot enum spelling', path: 'application.yml', code: 'spring:\n  kafka:\n    consumer:\n      auto-offset-reset: EARLIEST\n' },
    { name: 'KafkaBridge, unset', code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  consumer:\n    config:\n      max.poll.records: 100\n' },
  ],
  invalid: [
    {
      name: 'unset with a group',
      path: 'consumer.properties',
      code: 'group.id=g\nenable.auto.commit=false\n',
      errors: [{ line: 1, column: 1, severity: 'info', message: /not set/ }],
      output: null,
    },
    {
      name: 'latest',
      path: 'consumer.properties',
      code: 'group.id=g\nauto.offset.reset=latest\n',
      errors: [{ line: 2, column: 19, severity: 'info', message: /skips records/ }],
    },
    {
      name: 'none',
      path: 'consumer.properties',
      code: 'group.id=g\nauto.offset.reset=none\n',
      errors: [{ line: 2, column: 19, severity: 'warning', message: /NoOffsetForPartitionException/ }],
      output: null,
    },
    {
      name: 'legacy smallest: fixed to earliest',
      path: 'consumer.properties',
      code: 'group.id=g\nauto.offset.reset=smallest\n',
      errors: [{ line: 2, column: 19, severity: 'error', message: /old Scala consumer/ }],
      output: 'group.id=g\nauto.offset.reset=earliest\n',
    },
    {
      name: 'by_duration before Kafka 4.0',
      path: 'consumer.properties',
      code: 'group.id=g\nauto.offset.reset=by_duration:PT1H\n',
      options: { versions: { kafka: { value: '3.9.0', source: 'flag' } } },
      errors: [{ line: 2, column: 19, severity: 'error' }],
    },
    {
      name: 'Spring Boot YAML unset: on the consumer section',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    consumer:\n      group-id: g\n',
      errors: [{ line: 3, column: 5, severity: 'info' }],
    },
    {
      name: 'Spring Boot properties, relaxed name',
      path: 'application.properties',
      code: 'spring.kafka.consumer.auto_offset_reset=none\n',
      errors: [{ line: 1, column: 41, severity: 'warning' }],
    },
    {
      name: 'KafkaBridge consumer latest',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  consumer:\n    config:\n      auto.offset.reset: latest\n',
      errors: [{ line: 12, column: 26 }],
    },
  ],
});
