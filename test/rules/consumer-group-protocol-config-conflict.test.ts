import rule from '../../src/core/rules/client/consumer-group-protocol-config-conflict';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'consumer.properties', code: 'group.id=g\ngroup.protocol=consumer\ngroup.remote.assignor=uniform\n' },
    { path: 'consumer.properties', code: 'group.id=g\npartition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor\nsession.timeout.ms=45000\n' },
    { path: 'consumer.properties', code: 'group.id=g\ngroup.protocol=CLASSIC\nheartbeat.interval.ms=3000\n' },
    { name: 'templated protocol', path: 'consumer.properties', code: 'group.id=g\ngroup.protocol=${PROTOCOL}\nsession.timeout.ms=45000\n' },
    { name: 'producer file', path: 'producer.properties', code: 'acks=all\ngroup.remote.assignor=uniform\n' },
  ],
  invalid: [
    {
      name: 'assignment strategy with the consumer protocol',
      path: 'consumer.properties',
      code: 'group.id=g\ngroup.protocol=consumer\npartition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor\n',
      errors: [{ line: 3, column: 1, severity: 'error', message: /broker assigns partitions/, relatedFiles: ['consumer.properties'] }],
      output: 'group.id=g\ngroup.protocol=consumer\n',
    },
    {
      name: 'classic liveness settings with the consumer protocol',
      path: 'consumer.properties',
      code: 'group.id=g\ngroup.protocol=consumer\nsession.timeout.ms=45000\nheartbeat.interval.ms=3000\n',
      errors: [
        { line: 3, column: 1, severity: 'warning', message: /group\.consumer\.session\.timeout\.ms applies/ },
        { line: 4, column: 1, severity: 'warning' },
      ],
      output: 'group.id=g\ngroup.protocol=consumer\n',
    },
    {
      name: 'remote assignor with the default classic protocol',
      path: 'consumer.properties',
      code: 'group.id=g\ngroup.remote.assignor=range\n',
      errors: [{ line: 2, column: 1, severity: 'error', message: /classic protocol \(the default\)/ }],
      output: 'group.id=g\n',
    },
    {
      name: 'invalid protocol',
      path: 'consumer.properties',
      code: 'group.id=g\ngroup.protocol=kip848\n',
      errors: [{ line: 2, column: 16, severity: 'error' }],
    },
    {
      name: 'consumer protocol on a 3.x cluster',
      path: 'consumer.properties',
      code: 'group.id=g\ngroup.protocol=consumer\n',
      options: { versions: { kafka: { value: '3.8.0', source: 'flag' } } },
      errors: [{ line: 2, column: 16, severity: 'warning', message: /needs Kafka 4\.0/ }],
    },
    {
      name: 'Spring Boot YAML',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    consumer:\n      group-id: g\n      heartbeat-interval: 3s\n      properties:\n        group.protocol: consumer\n',
      errors: [{ line: 5, column: 7, severity: 'warning', message: /^heartbeat-interval has no effect/ }],
      output: 'spring:\n  kafka:\n    consumer:\n      group-id: g\n      properties:\n        group.protocol: consumer\n',
    },
    {
      name: 'Spring Boot properties, shared protocol',
      path: 'application.properties',
      code: 'spring.kafka.properties.group.protocol=consumer\nspring.kafka.consumer.properties.partition.assignment.strategy=x.Y\n',
      errors: [{ line: 2, column: 1 }],
    },
    {
      name: 'KafkaBridge consumer config',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  consumer:\n    config:\n      group.protocol: consumer\n      session.timeout.ms: 30000\n',
      errors: [{ line: 13, column: 7, severity: 'warning' }],
    },
  ],
});
