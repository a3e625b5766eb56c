import rule from '../../src/core/rules/cross/strimzi-replication-exceeds-brokers';
import { ruleTester } from '../helpers/rule-tester';
import { healthy, kafka, pool } from '../fixtures/cross/manifests';

ruleTester(rule, {
  valid: [
    { name: 'three brokers', files: healthy() },
    { name: 'no pools: unknown broker count', files: { 'kafka.yaml': kafka() } },
    { name: 'one broker with internal topics at 1', files: { 'kafka.yaml': kafka({ config: '      offsets.topic.replication.factor: 1\n      transaction.state.log.replication.factor: 1\n      transaction.state.log.min.isr: 1\n' }), 'pool.yaml': pool({ replicas: 1 }) } },
  ],
  invalid: [
    {
      name: 'one broker, values set to 3',
      files: { 'kafka.yaml': kafka(), 'pool.yaml': pool({ replicas: 1 }) },
      errors: [
        { line: 21, column: 41, message: /offsets.topic.replication.factor is 3, but the cluster's node pools in this workspace have 1 broker/, relatedFiles: ['pool.yaml'] },
        { line: 22, column: 49 },
        { line: 23, column: 38 },
        { line: 24, column: 35, message: /default.replication.factor is 3/ },
      ],
    },
    {
      name: "one broker, Kafka's defaults",
      files: { 'kafka.yaml': kafka({ config: '      min.insync.replicas: 1\n' }), 'pool.yaml': pool({ replicas: 1 }) },
      errors: [
        { line: 20, column: 5, message: /offsets.topic.replication.factor is 3 \(Kafka's default\)/ },
        { line: 20, column: 5, message: /transaction.state.log.replication.factor/ },
        { line: 20, column: 5, message: /transaction.state.log.min.isr is 2/ },
      ],
    },
  ],
});
