import rule from '../../src/core/rules/code/kafkajs-auto-topic-creation';
import { smallKafka, smallTopic } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

const app = (producer: string) => `import { Kafka } from 'kafkajs';\n\nconst kafka = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] });\nconst producer = ${producer};\n`;
const withTopics = (producer: string, extra: Record<string, string> = {}) => ({ path: 'app.js', files: { 'app.js': app(producer), 'topics.yaml': smallTopic(), ...extra } });
const OFF = smallKafka('    config:\n      auto.create.topics.enable: false\n');

ruleTester(rule, {
  valid: [
    { name: 'turned off', ...withTopics('kafka.producer({ allowAutoTopicCreation: false })') },
    { name: 'from a variable', ...withTopics('kafka.producer({ allowAutoTopicCreation: allow })') },
    { name: 'shorthand', ...withTopics('kafka.producer({ allowAutoTopicCreation })') },
    { name: 'spread options', ...withTopics('kafka.producer({ ...options, idempotent: true })') },
    { name: 'options object from elsewhere', ...withTopics('kafka.producer(options)') },
    { name: 'no KafkaTopic in the workspace', path: 'app.js', code: app('kafka.producer()') },
    { name: 'the brokers do not create topics', ...withTopics('kafka.producer()', { 'kafka.yaml': OFF }) },
    { name: 'not a kafkajs file', path: 'app.js', files: { 'app.js': 'const p = factory.producer();\n', 'topics.yaml': smallTopic() } },
    { name: 'kafkajs only named in a comment', path: 'app.js', files: { 'app.js': '// ported from kafkajs\nconst p = factory.producer();\n', 'topics.yaml': smallTopic() } },
    {
      name: "Confluent's KafkaJS-compatible client (options under kafkaJS)",
      path: 'app.js',
      files: { 'app.js': "// migrated from 'kafkajs'\nconst { Kafka } = require('@confluentinc/kafka-javascript').KafkaJS;\nconst producer = new Kafka({ kafkaJS: { brokers: ['b:9092'] } }).producer({ kafkaJS: { acks: -1 } });\n", 'topics.yaml': smallTopic() },
    },
  ],
  invalid: [
    {
      name: 'no options',
      ...withTopics('kafka.producer()'),
      errors: [{ line: 4, column: 24, endColumn: 32, severity: 'info', message: /^This kafkajs producer has no allowAutoTopicCreation option \(kafkajs' default is true\): .* bypassing the 1 KafkaTopic resource\(s\)/ }],
      output: app('kafka.producer({ allowAutoTopicCreation: false })'),
    },
    {
      name: 'other options on one line',
      ...withTopics('kafka.producer({ idempotent: true })'),
      errors: [{ line: 4, column: 24 }],
      output: app('kafka.producer({ allowAutoTopicCreation: false, idempotent: true })'),
    },
    {
      name: 'options on their own lines',
      ...withTopics("kafka.producer({\n  idempotent: true,\n  transactionalId: 'tx',\n})"),
      errors: [{ line: 4, column: 24 }],
      output: app("kafka.producer({\n  allowAutoTopicCreation: false,\n  idempotent: true,\n  transactionalId: 'tx',\n})"),
    },
    {
      name: 'explicitly true, with a Kafka that allows it',
      ...withTopics('kafka.producer({ allowAutoTopicCreation: true })', { 'kafka.yaml': smallKafka() }),
      errors: [{ line: 4, column: 59, endColumn: 63, message: /sets allowAutoTopicCreation: true/ }],
      output: app('kafka.producer({ allowAutoTopicCreation: false })'),
    },
    {
      name: 'a client made inline',
      ...withTopics("kafka('x').producer({})"),
      errors: [{ line: 4, column: 29 }],
      output: app("kafka('x').producer({ allowAutoTopicCreation: false })"),
    },
  ],
});
