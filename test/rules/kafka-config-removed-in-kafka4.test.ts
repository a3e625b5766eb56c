import rule from '../../src/core/rules/client/kafka-config-removed-in-kafka4';
import { ruleTester } from '../helpers/rule-tester';

const kafka = (v: string) => ({ versions: { kafka: { value: v, source: 'flag' as const } } });

const cluster = (version: string, config: string) =>
  `apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    version: ${version}\n    listeners:\n      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n    config:\n${config}`;

const topic = (config: string) =>
  `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels:\n    strimzi.io/cluster: c\nspec:\n  partitions: 3\n  replicas: 3\n  config:\n${config}`;

ruleTester(rule, {
  valid: [
    { path: 'producer.properties', code: 'acks=all\nmetrics.jmx.exclude=.*\n' },
    { name: 'ZooKeeper keys are live on 3.x', code: cluster('3.9.0', '      zookeeper.session.timeout.ms: 18000\n') },
    { name: 'reported by strimzi-version-config instead', code: cluster('4.1.0', '      inter.broker.protocol.version: "3.9"\n      log.message.format.version: "3.9"\n') },
    { name: 'forbidden by Strimzi: reported by strimzi-forbidden-kafka-config', code: cluster('4.1.0', '      zookeeper.connect: zk:2181\n') },
    { code: topic('    retention.ms: 604800000\n    segment.bytes: 1073741824\n') },
    { name: 'not deprecated on 3.x', code: topic('    message.downconversion.enable: false\n'), options: kafka('3.9.0') },
  ],
  invalid: [
    {
      name: 'client JMX reporter switch on Kafka 4',
      path: 'producer.properties',
      code: 'acks=all\nauto.include.jmx.reporter=true\n',
      errors: [{ line: 2, column: 1, severity: 'warning', message: /removed in Kafka 4\.0 and is ignored on 4\.3\.1/ }],
      output: 'acks=all\n',
    },
    {
      name: 'auto.include.jmx.reporter=false: removal changes behaviour, so only a suggestion',
      path: 'consumer.properties',
      code: 'group.id=g\nauto.include.jmx.reporter=false\n',
      errors: [{ line: 2, column: 1, message: /set metric\.reporters without/ }],
      output: null,
    },
    {
      name: 'JmxReporter blacklist renamed',
      path: 'producer.properties',
      code: 'acks=all\nmetrics.jmx.blacklist=kafka.producer.*\n',
      errors: [{ line: 2, column: 1, message: /Use metrics\.jmx\.exclude instead/ }],
      output: 'acks=all\nmetrics.jmx.exclude=kafka.producer.*\n',
    },
    {
      name: 'deprecated on 3.x: info',
      path: 'producer.properties',
      code: 'acks=all\nauto.include.jmx.reporter=true\n',
      options: kafka('3.7.0'),
      errors: [{ line: 2, column: 1, severity: 'info', message: /deprecated and removed in Kafka 4\.0/ }],
    },
    {
      name: 'KafkaTopic: message format and timestamp difference',
      code: topic('    message.format.version: "3.0"\n    message.timestamp.difference.max.ms: 60000\n    message.downconversion.enable: false\n'),
      errors: [
        { line: 11, column: 5, message: /message\.format\.version was removed/ },
        { line: 12, column: 5, message: /message\.timestamp\.before\.max\.ms and message\.timestamp\.after\.max\.ms/ },
        { line: 13, column: 5 },
      ],
      output: topic('    message.timestamp.difference.max.ms: 60000\n'),
    },
    {
      name: 'KafkaTopic segment below the 4.0 minimum',
      code: topic('    segment.bytes: 65536\n'),
      errors: [{ line: 11, column: 20, severity: 'error', message: /below the minimum of 1048576/ }],
      output: topic('    segment.bytes: 1048576\n'),
    },
    {
      name: 'Kafka broker config on 4.x',
      code: cluster('4.1.0', '      offsets.commit.required.acks: -1\n      log.segment.bytes: 524288\n      delegation.token.master.key: s3cr3t\n'),
      errors: [
        { line: 14, column: 7, severity: 'warning' },
        { line: 15, column: 26, severity: 'error' },
        { line: 16, column: 7, message: /Use delegation\.token\.secret\.key/ },
      ],
      output: cluster('4.1.0', '      log.segment.bytes: 1048576\n      delegation.token.secret.key: s3cr3t\n'),
    },
    {
      name: 'Kafka broker config on 3.9: deprecated keys are info, ZooKeeper keys are fine',
      code: cluster('3.9.0', '      log.message.timestamp.difference.max.ms: 1000\n      zookeeper.session.timeout.ms: 18000\n'),
      errors: [{ line: 14, column: 7, severity: 'info' }],
    },
    {
      name: 'Spring Boot shared properties',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    properties:\n      auto.include.jmx.reporter: true\n    producer:\n      acks: all\n    consumer:\n      group-id: g\n',
      errors: [{ line: 4, column: 7 }],
      output: 'spring:\n  kafka:\n    producer:\n      acks: all\n    consumer:\n      group-id: g\n',
    },
  ],
});
