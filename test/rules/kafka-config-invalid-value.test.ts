import rule from '../../src/core/rules/client/kafka-config-invalid-value';
import { ruleTester } from '../helpers/rule-tester';

const topic = (config: string) =>
  `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels:\n    strimzi.io/cluster: c\nspec:\n  partitions: 3\n  config:\n${config}`;

const cluster = (config: string) =>
  `apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n    config:\n${config}`;

ruleTester(rule, {
  valid: [
    { path: 'producer.properties', code: 'acks=all\nlinger.ms=5\nenable.idempotence=TRUE\ncompression.type=zstd\nsecurity.protocol=sasl_ssl\n' },
    { path: 'consumer.properties', code: 'group.id=g\nmax.poll.records=1\nisolation.level=read_committed\nauto.offset.reset=smallest\n' },
    { name: 'templated values', path: 'producer.properties', code: 'linger.ms=${LINGER}\ncompression.type=${C}\n' },
    { name: 'values of unknown keys are not judged', path: 'producer.properties', code: 'acks=all\nmy.linger=soon\n' },
    { name: 'or-values of a range', path: 'producer.properties', code: 'acks=all\ncompression.gzip.level=-1\n' },
    { code: topic('    cleanup.policy: compact,delete\n    compression.type: producer\n    min.insync.replicas: 2\n    retention.ms: -1\n') },
    { name: 'Spring Boot Duration and DataSize are converted first', path: 'application.yml', code: 'spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 3s\n      fetch-min-size: 1KB\n' },
    { name: 'connector configs belong to their plugin', path: 'sink.properties', code: 'connector.class=x.Sink\nbatch.size=big\n' },
    { name: 'a range the target version widened (-1 since 4.2)', code: cluster('      group.coordinator.append.linger.ms: -1\n'), options: { versions: { kafka: { value: '4.3.1', source: 'flag' } } } },
    { name: 'a range the target version does not have yet (max 500 since 4.3)', code: cluster('      share.coordinator.snapshot.update.records.per.snapshot: 1000\n'), options: { versions: { kafka: { value: '4.2.1', source: 'flag' } } } },
    { name: 'keys the target version lacks are left to kafka-config-unknown-key', code: topic('    max.decompressed.message.bytes: 0\n'), options: { versions: { kafka: { value: '4.3.1', source: 'flag' } } } },
  ],
  invalid: [
    {
      name: 'the valid range of the target version: -1 only from 4.2',
      code: cluster('      group.coordinator.append.linger.ms: -1\n'),
      options: { versions: { kafka: { value: '4.1.0', source: 'flag' } } },
      errors: [{ line: 13, column: 43, message: 'group.coordinator.append.linger.ms=-1 is out of range: it must be at least 0; it fails with a ConfigException at startup.' }],
    },
    {
      name: 'a range added in 4.3',
      code: cluster('      share.coordinator.snapshot.update.records.per.snapshot: 1000\n'),
      errors: [{ line: 13, column: 63, message: 'share.coordinator.snapshot.update.records.per.snapshot=1000 is out of range: it must be between 0 and 500; it fails with a ConfigException at startup.' }],
    },
    {
      name: 'a topic key backported to 4.2.2 is checked on a 4.2.2 target',
      code: topic('    max.decompressed.message.bytes: 0\n'),
      options: { versions: { kafka: { value: '4.2.2', source: 'flag' } } },
      errors: [{ line: 10, column: 37, message: 'max.decompressed.message.bytes=0 is out of range: it must be between 1 and 2147483639; Kafka rejects the topic config.' }],
    },
    {
      name: 'a unit in a numeric value',
      path: 'producer.properties',
      code: 'acks=all\nlinger.ms=5ms\n',
      errors: [{ line: 2, column: 11, severity: 'error', message: 'linger.ms=5ms is not a whole number (Kafka takes no units; the key name gives the unit): it fails with a ConfigException at startup.' }],
    },
    {
      name: 'enum value with the wrong case gets a fix',
      path: 'producer.properties',
      code: 'acks=ALL\n',
      errors: [{ line: 1, column: 6, message: /Values are case-sensitive: use all/ }],
      output: 'acks=all\n',
    },
    {
      name: 'not a boolean',
      path: 'producer.properties',
      code: 'acks=all\nenable.idempotence=yes\n',
      errors: [{ line: 2, column: 20, message: /not a boolean/ }],
    },
    {
      name: 'out of range',
      path: 'consumer.properties',
      code: 'group.id=g\nmax.poll.records=0\n',
      errors: [{ line: 2, column: 18, message: /must be at least 1/ }],
    },
    {
      name: 'does not fit in an int',
      path: 'producer.properties',
      code: 'acks=all\nbatch.size=3000000000\n',
      errors: [{ line: 2, column: 12, message: /does not fit in an int/ }],
    },
    {
      name: 'KafkaTopic: none is spelled uncompressed at topic level',
      code: topic('    compression.type: none\n'),
      errors: [{ line: 10, column: 23, message: /Kafka rejects the topic config/ }],
      output: topic('    compression.type: uncompressed\n'),
    },
    {
      name: 'KafkaTopic: list values are checked one by one',
      code: topic('    cleanup.policy: compact,deleted\n'),
      errors: [{ line: 10, column: 21, message: /\('deleted'\)/ }],
    },
    {
      name: 'Spring Boot properties map',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    consumer:\n      properties:\n        isolation.level: READ_COMMITTED\n',
      errors: [{ line: 5, column: 26 }],
      output: 'spring:\n  kafka:\n    consumer:\n      properties:\n        isolation.level: read_committed\n',
    },
    {
      name: 'Spring Boot Duration that Spring cannot parse',
      path: 'application.properties',
      code: 'spring.kafka.consumer.heartbeat-interval=3 seconds\n',
      errors: [{ line: 1, column: 42, message: /^heartbeat-interval=3 seconds is not a whole number: / }],
    },
    {
      name: 'Kafka broker config',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n    config:\n      num.partitions: three\n',
      errors: [{ line: 13, column: 23 }],
    },
  ],
});
