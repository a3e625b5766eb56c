import rule from '../../src/core/rules/cross/keda-topic-not-in-workspace';
import { ruleTester } from '../helpers/rule-tester';
import { healthy, kafka, scaledObject, topic } from '../fixtures/cross/manifests';

ruleTester(rule, {
  valid: [
    { name: 'topic present', files: healthy() },
    { name: 'workspace has no KafkaTopics at all', files: { 'so.yaml': scaledObject() } },
  ],
  invalid: [
    {
      name: 'topic missing: hint in a partial workspace',
      files: { 'so.yaml': scaledObject(), 'topic.yaml': topic({ name: 'payments' }) },
      errors: [{ line: 16, column: 16, severity: 'hint', message: /No KafkaTopic for topic 'orders' in this workspace/ }],
    },
    {
      name: 'topic of another cluster does not count; complete workspace: info',
      files: { 'so.yaml': scaledObject(), 'topic.yaml': topic({ cluster: 'other' }), 'kafka.yaml': kafka() },
      options: { settings: { assumeCompleteWorkspace: true } },
      errors: [{ line: 16, column: 16, severity: 'info', message: /of Kafka\/my-cluster in this workspace/ }],
    },
  ],
});
