import rule from '../../src/core/rules/cross/strimzi-cluster-label-unknown';
import { ruleTester } from '../helpers/rule-tester';
import { healthy, kafka, pool, topic } from '../fixtures/cross/manifests';

ruleTester(rule, {
  valid: [
    { name: 'labels name the cluster', files: healthy() },
    { name: 'no Kafka in the workspace at all: nothing to compare', files: { 'topic.yaml': topic({ cluster: 'elsewhere' }) } },
    {
      name: 'topic in another namespace watched by the topic operator',
      files: { 'topic.yaml': topic({ ns: 'apps' }), 'kafka.yaml': kafka({ eo: '  entityOperator:\n    topicOperator:\n      watchedNamespace: apps\n' }) },
    },
  ],
  invalid: [
    {
      name: 'misspelt cluster name',
      files: { 'topic.yaml': topic({ cluster: 'my-clster' }), 'kafka.yaml': kafka() },
      errors: [{ line: 7, column: 25, severity: 'info', message: /No Kafka cluster named 'my-clster' in this workspace \(did you mean 'my-cluster'\?\)/, relatedFiles: ['kafka.yaml'] }],
    },
    {
      name: 'complete workspace: warning',
      files: { 'pool.yaml': pool({ cluster: 'nope' }), 'kafka.yaml': kafka() },
      options: { settings: { assumeCompleteWorkspace: true } },
      errors: [{ line: 7, column: 25, severity: 'warning' }],
    },
    {
      name: 'no label',
      files: { 'topic.yaml': 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels:\n    app: x\nspec:\n  partitions: 3\n  replicas: 3\n', 'kafka.yaml': kafka() },
      errors: [{ line: 5, column: 3, severity: 'error', message: /has no strimzi.io\/cluster label/ }],
    },
    {
      name: 'topic in another namespace, not watched',
      files: { 'topic.yaml': topic({ ns: 'apps' }), 'kafka.yaml': kafka() },
      errors: [{ line: 5, column: 14, severity: 'warning', message: /is in namespace 'apps', but Kafka\/my-cluster \(kafka.yaml\) is in 'kafka'/, relatedFiles: ['kafka.yaml'] }],
    },
  ],
});
