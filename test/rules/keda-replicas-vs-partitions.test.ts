import rule from '../../src/core/rules/cross/keda-replicas-vs-partitions';
import { ruleTester } from '../helpers/rule-tester';
import { healthy, kafka, pool, scaledObject, topic } from '../fixtures/cross/manifests';

const META = (extra = '') => `        bootstrapServers: my-cluster-kafka-bootstrap.kafka.svc:9092\n        consumerGroup: orders\n        topic: orders\n${extra}`;

ruleTester(rule, {
  valid: [
    { name: 'maxReplicaCount = partitions', files: healthy() },
    { name: 'topic not in workspace', files: { 'so.yaml': scaledObject({ max: 50 }) } },
    { name: 'one partition: topic-partition-count reports it', files: { 'so.yaml': scaledObject({ max: 10 }), 'topic.yaml': topic({ partitions: 1 }) } },
    { name: 'allowIdleConsumers: keda-kafka-allow-idle-consumers reports it', files: { 'so.yaml': scaledObject({ max: 10, metadata: META('        allowIdleConsumers: "true"\n') }), 'topic.yaml': topic({ partitions: 3 }) } },
  ],
  invalid: [
    {
      name: 'maxReplicaCount above partitions',
      files: { 'so.yaml': scaledObject({ max: 20 }), 'topic.yaml': topic({ partitions: 6 }) },
      errors: [{ line: 10, column: 20, severity: 'info', message: /maxReplicaCount is 20, but topic 'orders' has 6 partitions in this workspace/, relatedFiles: ['topic.yaml'] }],
    },
    {
      name: 'minReplicaCount above partitions: warning with suggestion',
      files: { 'so.yaml': scaledObject({ min: 8, max: 8 }), 'topic.yaml': topic({ partitions: 6 }) },
      errors: [
        { line: 9, column: 20, severity: 'warning', message: /minReplicaCount is 8, .* at least 2 pods always sit idle/, relatedFiles: ['topic.yaml'] },
        { line: 10, column: 20, severity: 'info' },
      ],
    },
    {
      name: 'partitions inherited from the cluster',
      files: { 'so.yaml': scaledObject({ max: 20 }), 'topic.yaml': topic().replace('  partitions: 12\n', ''), 'kafka.yaml': kafka({ config: '      num.partitions: 4\n' }), 'pool.yaml': pool() },
      errors: [{ line: 10, column: 20, message: /4 partitions/, relatedFiles: ['topic.yaml'] }],
    },
  ],
});
