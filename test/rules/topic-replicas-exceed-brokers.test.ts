import rule from '../../src/core/rules/cross/topic-replicas-exceed-brokers';
import { ruleTester } from '../helpers/rule-tester';
import { healthy, kafka, pool, topic } from '../fixtures/cross/manifests';

ruleTester(rule, {
  valid: [
    { name: 'three replicas on three brokers', files: healthy() },
    { name: 'cluster not in the workspace', files: { 'topic.yaml': topic({ replicas: 5 }) } },
    { name: 'broker count unknown (no pools)', files: { 'topic.yaml': topic({ replicas: 5 }), 'kafka.yaml': kafka() } },
  ],
  invalid: [
    {
      name: 'five replicas on three brokers',
      files: { 'topic.yaml': topic({ replicas: 5 }), 'kafka.yaml': kafka(), 'pool.yaml': pool() },
      errors: [{ line: 10, column: 13, message: /The topic has 5 replicas, but Kafka\/my-cluster \(kafka.yaml\) has 3 brokers in this workspace/, relatedFiles: ['pool.yaml'] }],
    },
    {
      name: 'inherited default replication factor',
      files: { 'topic.yaml': topic().replace('  replicas: 3\n', ''), 'kafka.yaml': kafka(), 'pool.yaml': pool({ replicas: 2 }) },
      errors: [{ line: 8, column: 1, message: /3 replicas \(inherited: default.replication.factor of Kafka\/my-cluster\)/, relatedFiles: ['kafka.yaml', 'pool.yaml'] }],
    },
  ],
});
