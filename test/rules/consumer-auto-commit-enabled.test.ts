import rule from '../../src/core/rules/client/consumer-auto-commit-enabled';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'consumer.properties', code: 'group.id=g\nenable.auto.commit=false\n' },
    { name: 'no group: the client cannot auto-commit', path: 'consumer.properties', code: 'bootstrap.servers=b:9092\nkey.deserializer=org.apache.kafka.common.serialization.StringDeserializer\n' },
    { name: 'Kafka Streams config', path: 'streams.properties', code: 'application.id=app\nbootstrap.servers=b:9092\ngroup.id=x\nenable.auto.commit=true\n' },
    { name: 'Spring Boot forces false when unset', path: 'src/main/resources/application.yml', code: 'spring:\n  kafka:\n    consumer:\n      group-id: g\n' },
    { name: 'Spring Boot false', path: 'application.properties', code: 'spring.kafka.consumer.enable-auto-commit=false\nspring.kafka.listener.ack-mode=record\n' },
    { name: 'KafkaBridge consumers choose per request', code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  consumer:\n    config:\n      auto.offset.reset: earliest\n' },
    { name: 'templated', path: 'consumer.properties', code: 'group.id=g\nenable.auto.commit=${AUTO}\n' },
  ],
  invalid: [
    {
      name: 'explicit true',
      path: 'consumer.properties',
      code: 'group.id=orders\nenable.auto.commit=true\n',
      errors: [{ line: 2, column: 20, severity: 'warning' }],
      output: null,
    },
    {
      name: 'unset with a group: info',
      path: 'consumer.properties',
      code: 'bootstrap.servers=b:9092\ngroup.id=orders\n',
      errors: [{ line: 1, column: 1, severity: 'info', message: /Java client default is true/ }],
      output: null,
    },
    {
      name: 'Spring Boot YAML relaxed name, ack-mode ignored',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    consumer:\n      enable-auto-commit: true\n    listener:\n      ack-mode: manual\n',
      errors: [
        { line: 4, column: 27, message: /^enable-auto-commit=true/ },
        { line: 6, column: 7, message: /ack-mode=manual is ignored/ },
      ],
      output: 'spring:\n  kafka:\n    consumer:\n      enable-auto-commit: false\n    listener:\n      ack-mode: manual\n',
    },
    {
      name: 'Spring Boot properties camelCase',
      path: 'application.properties',
      code: 'spring.kafka.consumer.enableAutoCommit=true\n',
      errors: [{ line: 1, column: 40 }],
      output: 'spring.kafka.consumer.enableAutoCommit=false\n',
    },
    {
      name: 'Spring Boot consumer properties map',
      path: 'application.properties',
      code: 'spring.kafka.consumer.group-id=g\nspring.kafka.consumer.properties.enable.auto.commit=true\n',
      errors: [{ line: 2, column: 53 }],
    },
    {
      name: 'KafkaBridge consumer config set to true',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  consumer:\n    config:\n      enable.auto.commit: true\n',
      errors: [{ line: 12, column: 27 }],
    },
  ],
});
