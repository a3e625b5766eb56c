import rule from '../../src/core/rules/topic/topic-min-isr-inconsistent';
import { ruleTester } from '../helpers/rule-tester';

/** A KafkaTopic of cluster `my-cluster`: spec lines from line 8 (column 3). */
function topic(spec: string[]): string {
  return ['apiVersion: kafka.strimzi.io/v1', 'kind: KafkaTopic', 'metadata:', '  name: orders', '  labels:', '    strimzi.io/cluster: my-cluster', 'spec:', ...spec.map((l) => `  ${l}`), ''].join('\n');
}

function cluster(config: string[]): string {
  return ['apiVersion: kafka.strimzi.io/v1', 'kind: Kafka', 'metadata:', '  name: my-cluster', 'spec:', '  kafka:', '    config:', ...config.map((l) => `      ${l}`), ''].join('\n');
}

ruleTester(rule, {
  valid: [
    { code: topic(['replicas: 3', 'config:', '  min.insync.replicas: 2']) },
    { code: topic(['replicas: 1', 'config:', '  min.insync.replicas: 1']) },
    { name: 'RF unknown without the cluster', code: topic(['config:', '  min.insync.replicas: 2']) },
    { name: 'inherits consistent defaults', files: { 't.yaml': topic(['partitions: 3']), 'k.yaml': cluster(['default.replication.factor: 3', 'min.insync.replicas: 2']) } },
  ],
  invalid: [
    {
      name: 'minISR above RF',
      code: topic(['replicas: 2', 'config:', '  min.insync.replicas: 3']),
      errors: [{ line: 10, column: 26, message: "min.insync.replicas 3 is greater than the topic's 2 replicas: producers using acks=all (the default) can never write to it (NotEnoughReplicas). Set min.insync.replicas to 1 or raise replicas.", severity: 'error' }],
      output: topic(['replicas: 2', 'config:', '  min.insync.replicas: 1']),
    },
    {
      name: 'minISR equal to RF is a warning',
      code: topic(['replicas: 3', 'config:', "  min.insync.replicas: '3'"]),
      errors: [{ line: 10, column: 26, message: /equals the topic's 3 replicas: whenever one replica is down/, severity: 'warning' }],
      output: topic(['replicas: 3', 'config:', "  min.insync.replicas: '2'"]),
    },
    {
      name: 'topic minISR 2 against the cluster default RF 1',
      files: { 't.yaml': topic(['partitions: 3', 'config:', '  min.insync.replicas: 2']), 'k.yaml': cluster(['num.partitions: 3']) },
      errors: [{ line: 10, column: 26, message: /greater than the topic's 1 replica \(Kafka's default: Kafka\/my-cluster does not set default\.replication\.factor\)/ }],
      output: topic(['partitions: 3', 'config:', '  min.insync.replicas: 1']),
    },
    {
      name: 'cluster minISR above the topic RF: on replicas, no fix',
      files: { 't.yaml': topic(['replicas: 2']), 'k.yaml': cluster(['min.insync.replicas: 2']) },
      errors: [{ line: 8, column: 13, message: /min\.insync\.replicas 2 \(inherited from Kafka\/my-cluster: min\.insync\.replicas 2\) equals the topic's 2 replicas/, severity: 'warning', relatedFiles: ['k.yaml'] }],
      output: null,
    },
    {
      name: 'both inherited: on spec',
      files: { 't.yaml': topic(['partitions: 3']), 'k.yaml': cluster(['default.replication.factor: 2', 'min.insync.replicas: 3']) },
      errors: [{ line: 7, column: 1, severity: 'error', relatedFiles: ['k.yaml', 'k.yaml'] }],
    },
  ],
});
