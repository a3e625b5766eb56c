import rule from '../../src/core/rules/code/java-kafka4-removed-api';
import { ruleTester } from '../helpers/rule-tester';

const app = (body: string, imports = 'import java.time.Duration;\n') =>
  `package demo;\n\nimport org.apache.kafka.clients.consumer.*;\nimport org.apache.kafka.common.TopicPartition;\n${imports}\nclass App {\n  private final KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props());\n  private static final long POLL_MS = 500;\n\n  void run(TopicPartition tp) {\n${body}  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'poll(Duration)', path: 'App.java', code: app('    consumer.poll(Duration.ofMillis(100));\n') },
    { name: 'poll of a Duration variable', path: 'App.java', code: app('    Duration d = Duration.ofSeconds(1);\n    consumer.poll(d);\n') },
    { name: 'poll of an unknown name', path: 'App.java', code: app('    consumer.poll(timeout);\n') },
    {
      name: 'a name declared as a long in one method and a Duration in another',
      path: 'App.java',
      code: app('    long wait = 5;\n    log(wait);\n  }\n\n  void b(Duration wait) {\n    consumer.poll(wait);\n'),
    },
    { name: 'committed(Set)', path: 'App.java', code: app('    consumer.committed(Set.of(tp));\n') },
    { name: 'committed of a set variable', path: 'App.java', code: app('    consumer.committed(partitions, Duration.ofSeconds(1));\n') },
    { name: 'not a consumer', path: 'App.java', code: app('    queue.poll(100);\n') },
    { name: 'in a comment', path: 'App.java', code: app('    // consumer.poll(100);\n') },
    { name: 'in a string', path: 'App.java', code: app('    log("consumer.poll(100)");\n') },
  ],
  invalid: [
    {
      name: 'poll(long literal)',
      path: 'App.java',
      code: app('    consumer.poll(100L);\n'),
      errors: [{ line: 12, column: 5, endColumn: 24, severity: 'warning', message: /^consumer\.poll\(100L\) calls KafkaConsumer\.poll\(long\), removed in kafka-clients 4\.0/ }],
    },
    {
      name: 'poll of a long constant, through this.',
      path: 'App.java',
      code: app('    var records = this.consumer.poll(POLL_MS);\n'),
      errors: [{ line: 12, column: 19 }],
    },
    {
      name: 'committed(TopicPartition)',
      path: 'App.java',
      code: app('    OffsetAndMetadata m = consumer.committed(tp);\n'),
      errors: [{ line: 12, column: 27, endColumn: 49, message: /^consumer\.committed\(TopicPartition\) was removed in kafka-clients 4\.0/ }],
    },
    {
      name: 'committed(new TopicPartition(…), Duration)',
      path: 'App.java',
      code: app('    consumer.committed(new TopicPartition("t", 0), Duration.ofSeconds(5));\n'),
      errors: [{ line: 12, column: 5, message: /committed\(TopicPartition, Duration\)/ }],
    },
    {
      name: 'a raw KafkaConsumer field',
      path: 'App.java',
      code: app('    raw.poll(100);\n').replace('  private static final', '  private KafkaConsumer raw;\n  private static final'),
      errors: [{ line: 13, column: 5 }],
    },
    {
      name: 'a local Consumer variable',
      path: 'App.java',
      code: app('    Consumer<String, String> c = new KafkaConsumer<>(props());\n    c.poll(1000);\n'),
      errors: [{ line: 13, column: 5 }],
    },
  ],
});
