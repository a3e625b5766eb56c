import rule from '../../src/core/rules/code/java-send-result-ignored';
import { ruleTester } from '../helpers/rule-tester';

const app = (body: string) =>
  `package demo;\n\nimport org.apache.kafka.clients.producer.*;\n\nclass App {\n  private final KafkaProducer<String, String> producer = new KafkaProducer<>(props());\n\n  void publish(ProducerRecord<String, String> record) {\n${body}  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'with a callback', path: 'App.java', code: app('    producer.send(record, (metadata, e) -> { if (e != null) log(e); });\n') },
    { name: 'the Future is kept', path: 'App.java', code: app('    Future<RecordMetadata> f = producer.send(record);\n') },
    { name: 'the Future is waited for', path: 'App.java', code: app('    producer.send(record).get();\n') },
    { name: 'returned to the caller', path: 'App.java', code: app('    return producer.send(record);\n') },
    { name: 'not a producer', path: 'App.java', code: app('    channel.send(record);\n') },
    { name: 'in a comment', path: 'App.java', code: app('    // producer.send(record);\n') },
    {
      name: 'in a transaction (commitTransaction reports failed sends)',
      path: 'App.java',
      code: app('    producer.beginTransaction();\n    producer.send(record);\n    producer.commitTransaction();\n'),
    },
  ],
  invalid: [
    {
      name: 'fire and forget',
      path: 'App.java',
      code: app('    producer.send(record);\n'),
      errors: [{ line: 9, column: 5, endColumn: 18, severity: 'warning', message: /^producer\.send\(…\) drops the result and passes no callback/ }],
    },
    {
      name: 'through this., after an if',
      path: 'App.java',
      code: app('    if (record != null) this.producer.send(record);\n'),
      errors: [{ line: 9, column: 25 }],
    },
    {
      name: 'a local Producer variable',
      path: 'App.java',
      code: app('    Producer<String, String> p = new KafkaProducer<>(props());\n    p.send(record);\n'),
      errors: [{ line: 10, column: 5 }],
    },
  ],
});
