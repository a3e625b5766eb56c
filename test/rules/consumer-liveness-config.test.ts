import rule from '../../src/core/rules/client/consumer-liveness-config';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'consumer.properties', code: 'group.id=g\nsession.timeout.ms=45000\nheartbeat.interval.ms=3000\n' },
    { name: 'defaults only', path: 'consumer.properties', code: 'group.id=g\n' },
    { name: 'heartbeat exactly a third', path: 'consumer.properties', code: 'group.id=g\nsession.timeout.ms=30000\nheartbeat.interval.ms=10000\n' },
    { name: 'KIP-848 protocol: broker-side liveness', path: 'consumer.properties', code: 'group.id=g\ngroup.protocol=consumer\nheartbeat.interval.ms=60000\n' },
    { name: 'many records with a raised poll interval', path: 'consumer.properties', code: 'group.id=g\nmax.poll.records=5000\nmax.poll.interval.ms=900000\n' },
    { name: 'Spring Boot durations', path: 'application.yml', code: 'spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 3s\n      properties:\n        session.timeout.ms: 45000\n' },
  ],
  invalid: [
    {
      name: 'heartbeat not below session',
      path: 'consumer.properties',
      code: 'group.id=g\nsession.timeout.ms=10000\nheartbeat.interval.ms=10000\n',
      errors: [{ line: 3, column: 23, severity: 'error', message: /must be lower than session\.timeout\.ms \(10000\)/ }],
    },
    {
      name: 'heartbeat above the default session timeout of 2.x clients',
      path: 'consumer.properties',
      code: 'group.id=g\nheartbeat.interval.ms=12000\n',
      options: { versions: { kafka: { value: '2.8.0', source: 'flag' } } },
      errors: [{ line: 2, column: 23, severity: 'error', message: /session\.timeout\.ms \(10000, the default for Kafka 2\.8\.0\)/ }],
    },
    {
      name: 'heartbeat more than a third of the session',
      path: 'consumer.properties',
      code: 'group.id=g\nheartbeat.interval.ms=20000\n',
      errors: [{ line: 2, column: 23, severity: 'warning', message: /Use at most 15000/ }],
    },
    {
      name: 'session timeout below the broker minimum',
      path: 'consumer.properties',
      code: 'group.id=g\nsession.timeout.ms=3000\nheartbeat.interval.ms=1000\n',
      errors: [{ line: 2, column: 20, severity: 'warning', message: /group\.min\.session\.timeout\.ms/ }],
    },
    {
      name: 'max.poll.records raised far above 500',
      path: 'consumer.properties',
      code: 'group.id=g\nmax.poll.records=10000\n',
      errors: [{ line: 2, column: 18, severity: 'info', message: /30 ms per record/ }],
    },
    {
      name: 'Spring Boot YAML Duration with a unit',
      path: 'src/main/resources/application.yml',
      code: 'spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 50s\n',
      errors: [{ line: 4, column: 27, severity: 'error', message: /heartbeat\.interval\.ms \(50000\)/ }],
    },
    {
      name: 'Spring Boot properties, shared session timeout',
      path: 'application.properties',
      code: 'spring.kafka.consumer.heartbeat-interval=PT5S\nspring.kafka.properties.session.timeout.ms=12000\n',
      errors: [{ line: 1, column: 42, severity: 'warning' }],
    },
    {
      name: 'KafkaBridge consumer config',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  consumer:\n    config:\n      session.timeout.ms: 6000\n      heartbeat.interval.ms: 6000\n',
      errors: [{ line: 13, column: 30, severity: 'error' }],
    },
  ],
});
