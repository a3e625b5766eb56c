import rule from '../../src/core/rules/client/producer-idempotence-conflict';
import { ruleTester } from '../helpers/rule-tester';

const kafka = (v: string) => ({ versions: { kafka: { value: v, source: 'flag' as const } } });

ruleTester(rule, {
  valid: [
    { path: 'producer.properties', code: 'enable.idempotence=true\nacks=all\nretries=10\nmax.in.flight.requests.per.connection=5\n' },
    { path: 'producer.properties', code: 'enable.idempotence=true\nacks=-1\n' },
    { name: 'idempotence off, weak acks is producer-acks-weak territory', path: 'producer.properties', code: 'enable.idempotence=false\nacks=1\n' },
    { name: 'default idempotence with acks=1 is producer-acks-weak territory', path: 'producer.properties', code: 'acks=1\n' },
    { name: 'default idempotence with retries=0 is producer-retries-override territory', path: 'producer.properties', code: 'acks=all\nretries=0\n' },
    { name: 'pre-3.0 clients, no idempotence by default', path: 'producer.properties', code: 'acks=all\nmax.in.flight.requests.per.connection=10\n', options: kafka('2.8.0') },
    { name: 'transactional producer with companions', path: 'producer.properties', code: 'transactional.id=tx-1\nacks=all\n' },
    { name: 'templated acks', path: 'producer.properties', code: 'enable.idempotence=true\nacks=${ACKS}\n' },
    { name: 'consumer file', path: 'consumer.properties', code: 'group.id=g\nenable.idempotence=true\nacks=1\n' },
  ],
  invalid: [
    {
      name: 'explicit idempotence with acks=1',
      path: 'producer.properties',
      code: 'enable.idempotence=true\nacks=1\n',
      errors: [{ line: 2, column: 6, severity: 'error', message: /needs acks=all, and it fails to start with a ConfigException/ }],
      output: 'enable.idempotence=true\nacks=all\n',
    },
    {
      name: 'explicit idempotence with retries=0 and 10 in-flight requests',
      path: 'producer.properties',
      code: 'enable.idempotence=true\nretries=0\nmax.in.flight.requests.per.connection=10\n',
      errors: [
        { line: 2, column: 9, message: /retries > 0/ },
        { line: 3, column: 39, message: /<= 5/ },
      ],
      output: 'enable.idempotence=true\nmax.in.flight.requests.per.connection=5\n',
    },
    {
      name: 'transactional.id with idempotence off',
      path: 'producer.properties',
      code: 'transactional.id=orders-tx\nenable.idempotence=false\n',
      errors: [{ line: 2, column: 20, severity: 'error', message: /Cannot set transactional.id without idempotence/ }],
      output: 'transactional.id=orders-tx\n',
    },
    {
      name: 'transactional.id implies idempotence: acks=1 fails at startup',
      path: 'producer.properties',
      code: 'transactional.id=orders-tx\nacks=1\n',
      errors: [{ line: 2, column: 6, severity: 'error', message: /transactional.id \(which requires idempotence\)/ }],
    },
    {
      name: 'default idempotence silently disabled by in-flight > 5',
      path: 'producer.properties',
      code: 'acks=all\nmax.in.flight.requests.per.connection=6\n',
      errors: [{ line: 2, column: 39, severity: 'warning', message: /silently disables idempotence/ }],
      output: null,
    },
    {
      name: 'Spring Boot YAML transaction-id-prefix with idempotence off',
      path: 'src/main/resources/application.yaml',
      code: 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n      properties:\n        "[enable.idempotence]": false\n',
      errors: [{ line: 6, column: 33, message: /transaction-id-prefix/ }],
    },
    {
      name: 'Spring Boot properties: relaxed acks with explicit idempotence',
      path: 'application.properties',
      code: 'spring.kafka.producer.acks=1\nspring.kafka.producer.properties.enable.idempotence=true\n',
      errors: [{ line: 1, column: 28 }],
      output: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties.enable.idempotence=true\n',
    },
    {
      name: 'KafkaBridge producer config',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  producer:\n    config:\n      enable.idempotence: true\n      acks: 1\n',
      errors: [{ line: 13, column: 13 }],
      output: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaBridge\nmetadata:\n  name: b\nspec:\n  replicas: 1\n  bootstrapServers: c-kafka-bootstrap:9092\n  http:\n    port: 8080\n  producer:\n    config:\n      enable.idempotence: true\n      acks: all\n',
    },
  ],
});
