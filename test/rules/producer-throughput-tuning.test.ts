import rule from '../../src/core/rules/client/producer-throughput-tuning';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'producer.properties', code: 'acks=all\ncompression.type=lz4\n' },
    { path: 'producer.properties', code: 'compression.type=zstd\nbatch.size=65536\nlinger.ms=10\n' },
    { path: 'producer.properties', code: 'compression.type=snappy\nbatch.size=16384\n' },
    { name: 'templated', path: 'producer.properties', code: 'compression.type=${C}\nbatch.size=${B}\nlinger.ms=${L}\n' },
    { name: 'consumer', path: 'consumer.properties', code: 'group.id=g\n' },
    { name: 'Spring Boot data size in KB', path: 'application.yml', code: 'spring:\n  kafka:\n    producer:\n      batch-size: 32KB\n      compression-type: zstd\n' },
  ],
  invalid: [
    {
      name: 'batch.size=0 turns batching off',
      path: 'producer.properties',
      code: 'compression.type=lz4\nbatch.size=0\n',
      errors: [{ line: 2, column: 12, severity: 'warning', message: /turns batching off/ }],
      output: null,
    },
    {
      name: 'small and large batches',
      path: 'producer.properties',
      code: 'compression.type=lz4\nbatch.size=4096\n',
      errors: [{ line: 2, column: 12, severity: 'info', message: /below the default 16384/ }],
    },
    {
      path: 'producer.properties',
      code: 'compression.type=lz4\nbatch.size=4194304\n',
      errors: [{ line: 2, column: 12, severity: 'info', message: /above 1 MiB/ }],
    },
    {
      name: 'linger.ms=0',
      path: 'producer.properties',
      code: 'compression.type=gzip\nlinger.ms=0\n',
      errors: [{ line: 2, column: 11, severity: 'info', message: /default is 5 since Kafka 4\.0/ }],
    },
    {
      name: 'no compression: a hint on the config',
      path: 'producer.properties',
      code: 'bootstrap.servers=b:9092\nacks=all\n',
      errors: [{ line: 1, column: 1, severity: 'hint', message: /No compression\.type/ }],
      output: null,
    },
    {
      name: 'compression.type=none',
      path: 'producer.properties',
      code: 'acks=all\ncompression.type=none\n',
      errors: [{ line: 2, column: 18, severity: 'hint' }],
    },
    {
      name: 'Spring Boot YAML: DataSize below 16 KiB, hint on the producer section',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      batch-size: 8KB\n',
      errors: [
        { line: 3, column: 5, severity: 'hint' },
        { line: 4, column: 19, severity: 'info', message: /^batch-size=8KB is below/ },
      ],
    },
    {
      name: 'Spring Boot properties, relaxed name',
      path: 'application.properties',
      code: 'spring.kafka.producer.compressionType=none\n',
      errors: [{ line: 1, column: 39, severity: 'hint' }],
    },
    {
      name: 'KafkaBridge producer config',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  producer:\n    config:\n      compression.type: lz4\n      linger.ms: 0\n',
      errors: [{ line: 13, column: 18 }],
    },
  ],
});
