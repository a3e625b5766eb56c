import rule from '../../src/core/rules/strimzi/strimzi-forbidden-kafka-config';
import type { EngineOptions } from '../../src/core/engine';
import { smallKafka } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

const strimzi = (value: string): EngineOptions => ({ versions: { strimzi: { value, source: 'flag' } } });

const kafka = (config: string) => smallKafka(`    config:\n${config}`);

const connect = (config: string) => `apiVersion: kafka.strimzi.io/v1
kind: KafkaConnect
metadata:
  name: my-connect
spec:
  replicas: 1
  bootstrapServers: my-cluster-kafka-bootstrap:9092
  groupId: connect-cluster
  configStorageTopic: connect-configs
  offsetStorageTopic: connect-offsets
  statusStorageTopic: connect-status
  config:
${config}`;

ruleTester(rule, {
  valid: [
    { name: 'ordinary broker settings', code: kafka('      min.insync.replicas: 2\n      num.partitions: 3\n      auto.create.topics.enable: false\n') },
    { name: 'documented exceptions', code: kafka('      ssl.cipher.suites: TLS_AES_256_GCM_SHA384\n      ssl.enabled.protocols: TLSv1.3\n      broker.session.timeout.ms: 18000\n      controller.quorum.election.timeout.ms: 2000\n      cruise.control.metrics.topic.replication.factor: 1\n') },
    { name: 'per-listener connection limit since 0.51', code: kafka('      listener.name.plain-9092.max.connections: 100\n') },
    { name: 'Connect v1beta2 on Strimzi 0.45: group.id in config is how it was done', code: connect('    group.id: connect-cluster\n').replace('kafka.strimzi.io/v1\n', 'kafka.strimzi.io/v1beta2\n'), options: strimzi('0.45.0') },
    { name: 'KafkaConnector with its own settings', code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnector\nmetadata:\n  name: c\n  labels:\n    strimzi.io/cluster: my-connect\nspec:\n  class: FileStreamSource\n  tasksMax: 1\n  config:\n    file: /tmp/x\n    topic: t\n' },
    { name: 'Connect: ordinary worker settings', code: connect('    key.converter: org.apache.kafka.connect.json.JsonConverter\n    config.storage.replication.factor: -1\n    ssl.endpoint.identification.algorithm: https\n') },
  ],
  invalid: [
    {
      name: 'listener, security and node settings',
      code: kafka('      listeners: PLAINTEXT://:9092\n      ssl.keystore.location: /tmp/ks\n      node.id: 1\n      min.insync.replicas: 2\n'),
      errors: [
        { line: 9, column: 7, severity: 'warning', message: 'listeners is managed by Strimzi and is ignored in spec.kafka.config ("forbidden"). Configure it in spec.kafka.listeners (with tls and authentication per listener) instead.' },
        { line: 10, column: 7, message: /^ssl\.keystore\.location is managed by Strimzi/ },
        { line: 11, column: 7, message: /Configure it in KafkaNodePool resources/ },
      ],
      output: null,
    },
    {
      name: 'authorizer and ZooKeeper settings',
      code: kafka('      authorizer.class.name: kafka.security.authorizer.AclAuthorizer\n      zookeeper.connect: zk:2181\n'),
      errors: [
        { line: 9, column: 7, message: /spec\.kafka\.authorization/ },
        { line: 10, column: 7, message: /Remove it \(ZooKeeper is not used by KRaft clusters\)\.$/ },
      ],
    },
    {
      name: 'per-listener limit before 0.51 is still forbidden',
      code: kafka('      listener.name.plain-9092.max.connections: 100\n'),
      options: strimzi('0.50.0'),
      errors: [{ line: 9, column: 7 }],
    },
    {
      name: 'Connect: group.id and bootstrap.servers belong to spec fields',
      code: connect('    group.id: other\n    bootstrap.servers: other:9092\n    key.converter: x\n'),
      errors: [
        { line: 13, column: 5, message: /^group\.id is managed by Strimzi and is ignored in spec\.config.*Configure it in spec\.groupId instead\.$/ },
        { line: 14, column: 5, message: /spec\.bootstrapServers/ },
      ],
    },
    {
      name: 'KafkaBridge: producer and consumer configs',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: my-cluster-kafka-bootstrap:9092\n  producer:\n    config:\n      acks: all\n      sasl.mechanism: PLAIN\n  consumer:\n    config:\n      group.id: g\n',
      errors: [
        { line: 11, column: 7, message: /^sasl\.mechanism is managed by Strimzi and is ignored in spec\.producer\.config.*spec\.tls and spec\.authentication/ },
        { line: 14, column: 7, message: /^group\.id is managed by Strimzi and is ignored in spec\.consumer\.config.*HTTP clients name their consumer group/ },
      ],
    },
    {
      name: 'KafkaConnector repeats spec fields in config',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnector\nmetadata:\n  name: c\n  labels:\n    strimzi.io/cluster: my-connect\nspec:\n  class: FileStreamSource\n  tasksMax: 1\n  config:\n    connector.class: Other\n    tasks.max: 4\n',
      errors: [
        { line: 11, column: 5, message: /Configure it in spec\.class instead\.$/ },
        { line: 12, column: 5, message: /Configure it in spec\.tasksMax instead\.$/ },
      ],
    },
    {
      name: 'KafkaMirrorMaker2 v1: source and target configs',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaMirrorMaker2\nmetadata:\n  name: mm2\nspec:\n  replicas: 1\n  target:\n    alias: target\n    bootstrapServers: t:9092\n    groupId: mm2\n    configStorageTopic: c\n    offsetStorageTopic: o\n    statusStorageTopic: s\n    config:\n      security.protocol: SSL\n  mirrors:\n    - source:\n        alias: source\n        bootstrapServers: s:9092\n        config:\n          bootstrap.servers: other:9092\n',
      errors: [
        { line: 15, column: 7, message: /ignored in spec\.target\.config.*tls and authentication of the cluster entry/ },
        { line: 21, column: 11, message: /ignored in spec\.mirrors\[0\]\.source\.config.*bootstrapServers of the cluster entry/ },
      ],
    },
  ],
});
