import rule from '../../src/core/rules/client/producer-partitioner-deprecated';
import { ruleTester } from '../helpers/rule-tester';

const kafka = (v: string) => ({ versions: { kafka: { value: v, source: 'flag' as const } } });

ruleTester(rule, {
  valid: [
    { path: 'producer.properties', code: 'acks=all\n' },
    { path: 'producer.properties', code: 'partitioner.class=org.apache.kafka.clients.producer.RoundRobinPartitioner\n' },
    { path: 'producer.properties', code: 'partitioner.class=com.example.MyPartitioner\n' },
    { name: 'before 3.3 it was the default', path: 'producer.properties', code: 'partitioner.class=org.apache.kafka.clients.producer.internals.DefaultPartitioner\n', options: kafka('3.2.3') },
  ],
  invalid: [
    {
      name: 'DefaultPartitioner on Kafka 4: removed',
      path: 'producer.properties',
      code: 'acks=all\npartitioner.class=org.apache.kafka.clients.producer.internals.DefaultPartitioner\n',
      errors: [{ line: 2, column: 19, severity: 'error', message: /removed in Kafka 4\.0/ }],
      output: 'acks=all\n',
    },
    {
      name: 'UniformStickyPartitioner on 3.6: deprecated, replaced by partitioner.ignore.keys',
      path: 'producer.properties',
      code: 'partitioner.class=org.apache.kafka.clients.producer.UniformStickyPartitioner\nacks=all\n',
      options: kafka('3.6.0'),
      errors: [{ line: 1, column: 19, severity: 'warning', message: /deprecated since Kafka 3\.3/ }],
      output: 'partitioner.ignore.keys=true\nacks=all\n',
    },
    {
      name: 'Spring Boot YAML properties map',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        partitioner.class: org.apache.kafka.clients.producer.UniformStickyPartitioner\n',
      errors: [{ line: 6, column: 28 }],
      output: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        partitioner.ignore.keys: true\n',
    },
    {
      name: 'KafkaBridge producer config',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  producer:\n    config:\n      partitioner.class: org.apache.kafka.clients.producer.internals.DefaultPartitioner\n',
      errors: [{ line: 12, column: 26 }],
    },
  ],
});
