import rule from '../../src/core/rules/strimzi/strimzi-auto-create-topics-enabled';
import { smallKafka, smallTopic } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

const kafka = (config: string, eo = '  entityOperator:\n    topicOperator: {}\n') => smallKafka(config + eo);

const topic = smallTopic();

ruleTester(rule, {
  valid: [
    { name: 'disabled', code: kafka('    config:\n      auto.create.topics.enable: false\n') },
    { name: 'disabled as a string', code: kafka('    config:\n      auto.create.topics.enable: "false"\n') },
    { name: 'no Topic Operator and no KafkaTopics', code: kafka('    config:\n      num.partitions: 3\n', '') },
    { name: 'templated value', code: kafka('    config:\n      auto.create.topics.enable: ${AUTO}\n') },
  ],
  invalid: [
    {
      name: 'unset with the Topic Operator: fix adds the key',
      code: kafka('    config:\n      num.partitions: 3\n'),
      errors: [{ line: 8, column: 5, severity: 'warning', message: /^auto\.create\.topics\.enable is not set \(default true\) although the Topic Operator manages this cluster's topics/, relatedFiles: ['manifest.yaml'] }],
      output: kafka('    config:\n      num.partitions: 3\n      auto.create.topics.enable: false\n'),
    },
    {
      name: 'explicitly true',
      code: kafka('    config:\n      auto.create.topics.enable: true\n'),
      errors: [{ line: 9, column: 34, message: /^auto\.create\.topics\.enable is true although/ }],
      output: kafka('    config:\n      auto.create.topics.enable: false\n'),
    },
    {
      name: 'no config map: the fix creates one',
      code: kafka(''),
      errors: [{ line: 6, column: 3 }],
      output: kafka('    config:\n      auto.create.topics.enable: false\n'),
    },
    {
      name: 'KafkaTopics in the workspace without the Topic Operator in this file',
      files: { 'kafka.yaml': kafka('    config:\n      num.partitions: 3\n', ''), 'topic.yaml': topic },
      errors: [{ line: 8, column: 5, message: /1 KafkaTopic resource\(s\) in the workspace belong to this cluster/ }],
    },
  ],
});
