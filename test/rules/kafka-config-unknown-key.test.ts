import rule from '../../src/core/rules/client/kafka-config-unknown-key';
import { ruleTester } from '../helpers/rule-tester';

const cluster = (config: string) =>
  `apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n    config:\n${config}`;

const topic = (config: string) =>
  `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels:\n    strimzi.io/cluster: c\nspec:\n  partitions: 3\n  config:\n${config}`;

ruleTester(rule, {
  valid: [
    { path: 'producer.properties', code: 'bootstrap.servers=b:9092\nenable.idempotence=true\nacks=all\n' },
    {
      name: 'serializer and schema registry options',
      path: 'producer.properties',
      code: 'value.serializer=io.confluent.kafka.serializers.KafkaAvroSerializer\nschema.registry.url=http://sr:8081\nbasic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=u:p\nauto.register.schemas=false\nspring.json.trusted.packages=*\n',
    },
    { name: 'security provider options', path: 'consumer.properties', code: 'group.id=g\nsasl.login.callback.handler.clas=x\nssl.custom.thing=1\n' },
    { name: 'consumer key in a producer file is not a typo', path: 'producer.properties', code: 'acks=all\ngroup.id=g\n' },
    { name: 'unknown key far from every Kafka key', path: 'producer.properties', code: 'acks=all\nmy.company.tracing=on\n' },
    { name: 'removed keys are left to kafka-config-removed-in-kafka4', path: 'producer.properties', code: 'acks=all\nauto.include.jmx.reporter=true\n' },
    { name: 'Kafka Streams has its own keys', path: 'streams.properties', code: 'application.id=a\nbootstrap.servers=b:9092\nprocessing.guarantee=exactly_once_v2\nnum.stream.threads=2\n' },
    { name: 'Spring shared properties also feed Kafka Streams', path: 'application.yml', code: 'spring:\n  kafka:\n    properties:\n      enable.idempotance: true\n    producer:\n      acks: all\n    streams:\n      application-id: app\n' },
    { name: 'connector configs are defined by their plugin', path: 'jdbc-sink.properties', code: 'name=sink\nconnector.class=io.confluent.connect.jdbc.JdbcSinkConnector\ntasks.max=1\ntopics=orders\nconnection.url=jdbc:x\ninsert.mode=upsert\n' },
    { name: 'broker listener-scoped keys', code: cluster('      listener.name.plain.max.connections: 100\n      num.partitions: 3\n') },
    { code: topic('    retention.ms: 604800000\n    cleanup.policy: compact\n') },
    { name: 'Spring Boot keys are mapped, not checked', path: 'application.yml', code: 'spring:\n  kafka:\n    consumer:\n      enable-auto-commit: false\n      group-id: g\n    listener:\n      ack-mode: record\n' },
    {
      name: 'Connect worker config with client overrides',
      path: 'connect-distributed.properties',
      code: 'bootstrap.servers=b:9092\ngroup.id=connect\nkey.converter=org.apache.kafka.connect.json.JsonConverter\nkey.converter.schemas.enable=false\nproducer.compression.type=lz4\nconsumer.max.poll.records=100\n',
    },
    { name: 'a key added in Kafka 4.2 is known under the default target (4.3.1), not a near-miss typo', path: 'consumer.properties', code: 'group.id=g\nshare.acquire.mode=record_limit\nconfig.providers=env\n' },
    { name: 'a broker key added in Kafka 4.3', code: cluster('      group.coordinator.background.threads: 2\n      controller.quorum.fetch.max.bytes: 1048576\n') },
    { name: 'a 4.2 key on a 4.2 target', path: 'consumer.properties', code: 'group.id=g\nshare.acquire.mode=record_limit\n', options: { versions: { kafka: { value: '4.2.0', source: 'flag' } } } },
    { name: 'a topic key backported to 4.2.2, on a 4.2.2 target', code: topic('    max.decompressed.message.bytes: 1048576\n'), options: { versions: { kafka: { value: '4.2.2', source: 'flag' } } } },
    { name: 'a 4.4 key on a 4.4 target', path: 'producer.properties', code: 'acks=all\npartitioner.rack.aware=true\n', options: { versions: { kafka: { value: '4.4.0', source: 'flag' } } } },
    { name: 'Kafka-internal broker keys are known', code: cluster('      unstable.api.versions.enable: true\n') },
    {
      name: 'typo suggestions come from the target version: no 4.4-only key for a 4.3 target',
      path: 'producer.properties',
      code: 'acks=all\npartitioner.rack.awar=true\n',
      options: { versions: { kafka: { value: '4.3.1', source: 'flag' } } },
    },
  ],
  invalid: [
    {
      name: 'a key added after the target Kafka version',
      path: 'consumer.properties',
      code: 'group.id=g\nshare.acquire.mode=record_limit\n',
      options: { versions: { kafka: { value: '4.1.0', source: 'flag' } } },
      errors: [{ line: 2, column: 1, severity: 'warning', message: "'share.acquire.mode' was added in Kafka 4.2, but the target Kafka version is 4.1.0, which ignores it." }],
    },
    {
      name: 'a broker key added in 4.3, with the version from the manifest',
      code: cluster('      group.coordinator.background.threads: 2\n').replace('  kafka:\n', '  kafka:\n    version: 4.2.1\n'),
      errors: [{ line: 14, column: 7, message: "'group.coordinator.background.threads' was added in Kafka 4.3, but the target Kafka version is 4.2.1, which ignores it." }],
    },
    {
      name: 'a 4.3-only broker key under a 4.1 target is a version finding, not a typo',
      code: cluster('      controller.quorum.fetch.max.bytes: 1048576\n'),
      options: { versions: { kafka: { value: '4.1.0', source: 'config' } } },
      errors: [{ line: 13, column: 7, message: "'controller.quorum.fetch.max.bytes' was added in Kafka 4.3, but the target Kafka version is 4.1.0, which ignores it." }],
    },
    {
      name: 'a 4.4 key under the default target says the target was assumed',
      path: 'producer.properties',
      code: 'acks=all\nmetadata.cluster.check.enable=true\n',
      errors: [{ line: 2, column: 1, message: "'metadata.cluster.check.enable' was added in Kafka 4.4, but the target Kafka version is 4.3.1 (assumed: set versions.kafka in .kafka-k8s.yaml or --kafka-version to your Kafka version), which ignores it." }],
    },
    {
      name: 'a topic key that 4.2.2 and 4.4 have but 4.3.1 lacks: Kafka rejects it',
      code: topic('    max.decompressed.message.bytes: 1048576\n'),
      options: { versions: { kafka: { value: '4.3.1', source: 'flag' } } },
      errors: [{ line: 10, column: 5, message: "'max.decompressed.message.bytes' is only in Kafka 4.2.2 and 4.4 onwards, not in the target Kafka version 4.3.1, which rejects it as an unknown topic config." }],
    },
    {
      name: 'a broker key removed by the target',
      code: cluster('      group.share.enable: true\n'),
      options: { versions: { kafka: { value: '4.3.1', source: 'flag' } } },
      errors: [{ line: 13, column: 7, message: "'group.share.enable' was removed in Kafka 4.3, and the target Kafka version is 4.3.1, which ignores it." }],
    },
    {
      name: 'typo suggestions come from the target version: a 4.4 key for a 4.4 target',
      path: 'producer.properties',
      code: 'acks=all\npartitioner.rack.awar=true\n',
      options: { versions: { kafka: { value: '4.4.0', source: 'flag' } } },
      errors: [{ line: 2, column: 1, message: "Unknown producer config 'partitioner.rack.awar': did you mean 'partitioner.rack.aware'? Kafka ignores unknown keys, so this setting has no effect." }],
    },
    {
      name: 'the typo from the issue',
      path: 'producer.properties',
      code: 'bootstrap.servers=b:9092\nenable.idempotance=true\n',
      errors: [{ line: 2, column: 1, severity: 'warning', message: "Unknown producer config 'enable.idempotance': did you mean 'enable.idempotence'? Kafka ignores unknown keys, so this setting has no effect." }],
      output: 'bootstrap.servers=b:9092\nenable.idempotence=true\n',
    },
    {
      name: 'separators and case',
      path: 'consumer.properties',
      code: 'group.id=g\nauto-offset-reset=earliest\n',
      errors: [{ line: 2, column: 1, message: /did you mean 'auto\.offset\.reset'/ }],
      output: 'group.id=g\nauto.offset.reset=earliest\n',
    },
    {
      name: 'missing unit suffix',
      path: 'producer.properties',
      code: 'acks=all\nlinger=5\n',
      errors: [{ line: 2, column: 1, message: /'linger\.ms'/ }],
      output: 'acks=all\nlinger.ms=5\n',
    },
    {
      name: 'missing unit suffix wins over a near miss',
      path: 'consumer.properties',
      code: 'group.id=g\nreconnect.backoff.max=1000\n',
      errors: [{ line: 2, column: 1, message: /did you mean 'reconnect\.backoff\.max\.ms'\?/ }],
      output: 'group.id=g\nreconnect.backoff.max.ms=1000\n',
    },
    {
      name: 'Spring Boot YAML properties map: relaxed names do not apply there',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    consumer:\n      properties:\n        max-poll-interval-ms: 600000\n',
      errors: [{ line: 5, column: 9 }],
      output: 'spring:\n  kafka:\n    consumer:\n      properties:\n        max.poll.interval.ms: 600000\n',
    },
    {
      name: 'Spring Boot properties, bracket notation',
      path: 'application.properties',
      code: 'spring.kafka.producer.properties[delivery.timout.ms]=120000\n',
      errors: [{ line: 1, column: 1 }],
      output: 'spring.kafka.producer.properties[delivery.timeout.ms]=120000\n',
    },
    {
      name: 'Spring Boot shared key reported once',
      path: 'application.properties',
      code: 'spring.kafka.properties.sesion.timeout.ms=45000\nspring.kafka.producer.acks=all\nspring.kafka.consumer.group-id=g\n',
      errors: [{ line: 1, column: 1, message: /'session\.timeout\.ms'/ }],
    },
    {
      name: 'KafkaBridge consumer config',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  consumer:\n    config:\n      max.poll.record: 100\n',
      errors: [{ line: 12, column: 7, message: /'max\.poll\.records'/ }],
    },
    {
      name: 'Kafka broker config typo',
      code: cluster('      default.replication.factr: 3\n'),
      errors: [{ line: 13, column: 7, message: /Unknown broker config 'default\.replication\.factr': did you mean 'default\.replication\.factor'/ }],
      output: cluster('      default.replication.factor: 3\n'),
    },
    {
      name: 'KafkaTopic: broker-level name used at topic level',
      code: topic('    log.retention.ms: 1000\n'),
      errors: [{ line: 10, column: 5, message: /the topic config key is 'retention\.ms'/ }],
      output: topic('    retention.ms: 1000\n'),
    },
    {
      name: 'KafkaTopic: any unknown key is rejected by Kafka',
      code: topic('    retention.bytez: 1000\n    compaction.lag: 5\n'),
      errors: [
        { line: 10, column: 5, message: /Did you mean 'retention\.bytes'/ },
        { line: 11, column: 5, message: /^Unknown topic config 'compaction\.lag'\. Kafka rejects/ },
      ],
    },
    {
      name: 'Connect client override typo',
      path: 'connect-distributed.properties',
      code: 'bootstrap.servers=b:9092\ngroup.id=connect\nkey.converter=org.apache.kafka.connect.json.JsonConverter\nproducer.compresion.type=lz4\n',
      errors: [{ line: 4, column: 1, message: /'compresion\.type' \(in 'producer\.compresion\.type'\)/ }],
      output: 'bootstrap.servers=b:9092\ngroup.id=connect\nkey.converter=org.apache.kafka.connect.json.JsonConverter\nproducer.compression.type=lz4\n',
    },
  ],
});
