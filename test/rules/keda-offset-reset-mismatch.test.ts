import rule from '../../src/core/rules/cross/keda-offset-reset-mismatch';
import { ruleTester } from '../helpers/rule-tester';
import { healthy, scaledObject } from '../fixtures/cross/manifests';

const props = (reset?: string) => `bootstrap.servers=my-cluster-kafka-bootstrap.kafka.svc:9092\ngroup.id=orders\nkey.deserializer=org.apache.kafka.common.serialization.StringDeserializer\nvalue.deserializer=org.apache.kafka.common.serialization.StringDeserializer\n${reset ? `auto.offset.reset=${reset}\n` : ''}`;

ruleTester(rule, {
  valid: [
    { name: 'both default to latest', files: { 'so.yaml': scaledObject(), 'consumer.properties': props() } },
    { name: 'both earliest', files: { 'so.yaml': scaledObject({ metadata: '        consumerGroup: orders\n        topic: orders\n        offsetResetPolicy: earliest\n' }), 'consumer.properties': props('earliest') } },
    { name: 'no consumer config in the workspace', files: healthy() },
  ],
  invalid: [
    {
      name: 'consumer earliest, KEDA default latest',
      files: { 'so.yaml': scaledObject(), 'consumer.properties': props('earliest') },
      errors: [{ line: 15, column: 24, message: /start at the earliest offset, but KEDA uses offsetResetPolicy latest \(default\)/, relatedFiles: ['consumer.properties'] }],
      output: scaledObject().replace('        lagThreshold: "100"\n', '        lagThreshold: "100"\n        offsetResetPolicy: "earliest"\n'),
    },
    {
      name: 'consumer latest, KEDA earliest',
      files: { 'so.yaml': scaledObject({ metadata: '        consumerGroup: orders\n        topic: orders\n        offsetResetPolicy: earliest\n' }), 'consumer.properties': props() },
      errors: [{ line: 16, column: 28, message: /counts the whole log/ }],
    },
  ],
});
