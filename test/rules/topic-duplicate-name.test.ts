import rule from '../../src/core/rules/cross/topic-duplicate-name';
import { ruleTester } from '../helpers/rule-tester';
import { healthy, kafka, topic } from '../fixtures/cross/manifests';

ruleTester(rule, {
  valid: [
    { name: 'one topic', files: healthy() },
    { name: 'same name, different clusters', files: { 'a.yaml': topic(), 'b.yaml': topic({ cluster: 'other' }) } },
    { name: 'two environments: a Kafka and the topic in each folder', files: { 'dev/topic.yaml': topic(), 'dev/kafka.yaml': kafka(), 'prod/topic.yaml': topic(), 'prod/kafka.yaml': kafka() } },
    { name: 'different topicName', files: { 'a.yaml': topic(), 'b.yaml': topic({ name: 'orders-v2', topicName: 'orders.v2' }) } },
  ],
  invalid: [
    {
      name: 'spec.topicName collides with another metadata.name',
      files: { 'b.yaml': topic({ name: 'orders-copy', topicName: 'orders' }), 'a.yaml': topic() },
      errors: [{ line: 9, column: 14, message: /Topic 'orders' of cluster 'my-cluster' is also managed by KafkaTopic\/orders \(a.yaml\)/, relatedFiles: ['a.yaml'] }],
    },
    {
      name: 'reported on both',
      files: { 'a.yaml': topic(), 'b.yaml': topic({ name: 'orders-copy', topicName: 'orders' }) },
      errors: [{ line: 4, column: 9, relatedFiles: ['b.yaml'] }],
    },
    {
      name: 'one cluster in the workspace: folders do not matter',
      files: { 'apps/a/topic.yaml': topic(), 'apps/b/topic.yaml': topic(), 'kafka.yaml': kafka() },
      errors: [{ line: 4, column: 9, message: /also managed by KafkaTopic\/orders \(apps\/b\/topic.yaml\)/, relatedFiles: ['apps/b/topic.yaml'] }],
    },
  ],
});
