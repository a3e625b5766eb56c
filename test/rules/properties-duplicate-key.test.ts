import rule from '../../src/core/rules/builtin/properties-duplicate-key';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'producer.properties', code: 'bootstrap.servers=a:9092\nacks=all\n' },
    { name: 'not a Kafka or Spring file', path: 'log4j.properties', code: 'a=1\na=2\n' },
    { name: 'continuation lines are one key', path: 'consumer.properties', code: 'group.id=g\nsasl.jaas.config=a \\\n  b\n' },
  ],
  invalid: [
    {
      path: 'producer.properties',
      code: 'bootstrap.servers=a:9092\nacks=all\nacks=all\n',
      errors: [{ line: 3, column: 1, message: "Duplicate key 'acks': this value overrides the one on line 2.", relatedFiles: ['producer.properties'] }],
      output: null,
    },
    {
      name: 'Spring Boot properties',
      path: 'src/main/resources/application.properties',
      code: 'spring.kafka.bootstrap-servers=a:9092\nspring.kafka.bootstrap-servers=b:9092\n',
      errors: [{ line: 2, column: 1, severity: 'warning' }],
    },
  ],
});
