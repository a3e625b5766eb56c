import rule from '../../src/core/rules/code/java-producer-per-send';
import { ruleTester } from '../helpers/rule-tester';

const app = (body: string) =>
  `package demo;\n\nimport java.util.*;\nimport org.apache.kafka.clients.producer.*;\n\nclass App {\n  void publish(List<String> values, Properties props) {\n${body}  }\n}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'recreated after a failure, sending from an inner loop',
      path: 'App.java',
      code: app('    while (running) {\n      try (KafkaProducer<String, String> p = new KafkaProducer<>(props)) {\n        while (running) {\n          p.send(new ProducerRecord<>("t", next()), callback);\n        }\n      } catch (KafkaException e) {\n        backOff();\n      }\n    }\n'),
    },
    {
      name: 'one producer, sending in the loop',
      path: 'App.java',
      code: app('    try (var producer = new KafkaProducer<String, String>(props)) {\n      for (String v : values) {\n        producer.send(new ProducerRecord<>("t", v));\n      }\n    }\n'),
    },
    {
      name: 'a pool built in a loop, no send there',
      path: 'App.java',
      code: app('    List<Producer<String, String>> pool = new ArrayList<>();\n    for (int i = 0; i < 4; i++) {\n      Producer<String, String> p = new KafkaProducer<>(props);\n      pool.add(p);\n    }\n'),
    },
    {
      name: 'another variable sends',
      path: 'App.java',
      code: app('    for (String v : values) {\n      KafkaProducer<String, String> p = new KafkaProducer<>(props);\n      shared.send(new ProducerRecord<>("t", v));\n      p.close();\n    }\n'),
    },
    { name: 'in a comment', path: 'App.java', code: app('    for (String v : values) {\n      // var p = new KafkaProducer<>(props); p.send(r);\n    }\n') },
  ],
  invalid: [
    {
      name: 'try-with-resources in a for loop',
      path: 'App.java',
      code: app('    for (String v : values) {\n      try (KafkaProducer<String, String> p = new KafkaProducer<>(props)) {\n        p.send(new ProducerRecord<>("t", v));\n      }\n    }\n'),
      errors: [{ line: 9, column: 46, endColumn: 63, severity: 'warning', message: /^A new KafkaProducer is created in each iteration of this loop and sends there \(p\.send\)/, relatedFiles: ['App.java'] }],
    },
    {
      name: 'a while loop, assigned to a field',
      path: 'App.java',
      code: app('    while (running) {\n      this.producer = new KafkaProducer<>(props);\n      producer.send(next());\n    }\n'),
      errors: [{ line: 9, column: 23 }],
    },
  ],
});
