import rule from '../../src/core/rules/cross/strimzi-entity-operator-missing';
import { ruleTester } from '../helpers/rule-tester';
import { healthy, kafka, pool, topic } from '../fixtures/cross/manifests';

ruleTester(rule, {
  valid: [
    { name: 'entity operator present', files: healthy() },
    { name: 'no topics or users', files: { 'kafka.yaml': kafka({ eo: null }), 'pool.yaml': pool() } },
    {
      name: 'standalone topic operator deployed',
      files: {
        'kafka.yaml': kafka({ eo: null }),
        'topic.yaml': topic(),
        'to.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: strimzi-topic-operator\nspec:\n  template:\n    spec:\n      containers:\n        - name: strimzi-topic-operator\n          image: quay.io/strimzi/operator:1.2.0\n',
      },
    },
  ],
  invalid: [
    {
      name: 'topics but no entityOperator',
      files: { 'kafka.yaml': kafka({ eo: null }), 'topic.yaml': topic() },
      errors: [{ line: 6, column: 1, message: /1 KafkaTopic in this workspace belongs to this cluster .* no spec.entityOperator.topicOperator/, relatedFiles: ['topic.yaml'] }],
      output: kafka({ eo: null }) + '  entityOperator:\n    topicOperator: {}\n',
    },
    {
      name: 'entityOperator without userOperator',
      files: {
        'kafka.yaml': kafka({ eo: '  entityOperator:\n    topicOperator: {}\n' }),
        'user.yaml': 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaUser\nmetadata:\n  name: app\n  namespace: kafka\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  authentication:\n    type: tls\n',
      },
      errors: [{ line: 27, column: 3, message: /KafkaUser .*userOperator/, relatedFiles: ['user.yaml'] }],
      output: kafka({ eo: '  entityOperator:\n    topicOperator: {}\n    userOperator: {}\n' }),
    },
  ],
});
