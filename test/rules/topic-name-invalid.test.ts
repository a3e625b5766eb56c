import rule from '../../src/core/rules/topic/topic-name-invalid';
import { ruleTester } from '../helpers/rule-tester';

/** A KafkaTopic: `name:` value on line 4 column 9; spec lines from line 8 (column 3). */
function topic(name: string, spec: string[] = ['partitions: 3']): string {
  return ['apiVersion: kafka.strimzi.io/v1', 'kind: KafkaTopic', 'metadata:', `  name: ${name}`, '  labels:', '    strimzi.io/cluster: my-cluster', 'spec:', ...spec.map((l) => `  ${l}`), ''].join('\n');
}

ruleTester(rule, {
  valid: [
    { code: topic('orders') },
    { code: topic('orders.v1-eu') },
    { code: topic('orders-v1', ['topicName: Orders_V1', 'partitions: 3']) },
    { code: topic('a'.repeat(249)) },
    { name: 'same metric name in another cluster', files: { 'a.yaml': topic('orders-v1', ['topicName: orders_v1']), 'b.yaml': topic('orders.v1').replace('my-cluster', 'other') } },
  ],
  invalid: [
    {
      name: 'upper case metadata.name without topicName',
      code: topic('Orders'),
      errors: [{ line: 4, column: 9, message: /metadata\.name "Orders" is not a valid Kubernetes name.*put the topic name in spec\.topicName \(e\.g\. name: orders, topicName: Orders\)\./, severity: 'error' }],
      output: null,
    },
    {
      name: 'underscore metadata.name',
      code: topic('orders_v1'),
      errors: [{ line: 4, column: 9, message: /metadata\.name "orders_v1" is not a valid Kubernetes name/ }],
    },
    {
      name: 'illegal character in spec.topicName',
      code: topic('orders', ['topicName: "orders/v1"']),
      errors: [{ line: 8, column: 14, message: `Topic name "orders/v1" is not legal in Kafka: it contains '/'; Kafka allows only ASCII letters, digits, '.', '_' and '-'. The Topic Operator cannot create it.` }],
    },
    {
      name: 'reserved name',
      code: topic('dot', ['topicName: ".."']),
      errors: [{ line: 8, column: 14, message: /"\.\." is reserved/ }],
    },
    {
      name: 'too long for Kafka, still a valid Kubernetes name',
      code: topic('a'.repeat(250)),
      errors: [{ line: 4, column: 9, message: /250 characters long, more than the 249 Kafka allows/ }],
    },
    {
      name: 'Kubernetes name and Kafka name both invalid: one finding',
      code: topic('"orders v1"'),
      errors: [{ line: 4, column: 9, message: /not a valid Kubernetes name/ }],
    },
    {
      name: 'topicName that mixes separators',
      code: topic('orders-v1', ['topicName: orders.eu_v1']),
      errors: [{ line: 8, column: 14, message: /mixes '\.' and '_'/, severity: 'hint' }],
    },
    {
      name: 'collision in metric names',
      files: { 'a.yaml': topic('orders-v1', ['topicName: orders_v1']), 'b.yaml': topic('orders.v1') },
      errors: [{ line: 8, column: 14, message: /collides with "orders\.v1".*refuses to create/, severity: 'error', relatedFiles: ['b.yaml'] }],
    },
  ],
});
