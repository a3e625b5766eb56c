import rule from '../../src/core/rules/keda/keda-kafka-lag-threshold-low';
import { kedaScaledObject } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

/** A ScaledObject: trigger `metadata:` key on line 10 (column 7), entries from line 11 (column 9). */
const so = (meta: string[], type = 'kafka'): string =>
  kedaScaledObject({ type, meta: ['bootstrapServers: b:9092', 'consumerGroup: orders-app', 'topic: orders', ...meta] });

const consumer = (extra = '') => `bootstrap.servers=b:9092\ngroup.id=orders-app\nenable.auto.commit=false\n${extra}`;

ruleTester(rule, {
  valid: [
    { code: so(['lagThreshold: "500"']) },
    { code: so(['lagThreshold: "50"']) },
    { name: 'threshold at least max.poll.records of the group', files: { 'so.yaml': so(['lagThreshold: "200"']), 'consumer.properties': consumer('max.poll.records=100\n') } },
    { name: 'another group does not count', files: { 'so.yaml': so(['lagThreshold: "50"']), 'consumer.properties': consumer().replace('orders-app', 'billing') } },
    { name: 'invalid value is left to keda-kafka-invalid-metadata', code: so(['lagThreshold: "0"']) },
    { name: 'ScaledJob is not checked', code: so([]).replace('ScaledObject', 'ScaledJob') },
  ],
  invalid: [
    {
      name: 'unset',
      code: so([]),
      errors: [{ line: 10, column: 7, message: /has no lagThreshold, so KEDA targets a lag of 10 per replica/, severity: 'info' }],
      output: null,
    },
    {
      name: 'very low without knowing the consumer',
      code: so(['lagThreshold: "5"']),
      errors: [{ line: 14, column: 23, message: /^lagThreshold 5 adds a replica for every 5 records of lag\. Assuming/, severity: 'info' }],
    },
    {
      name: 'below max.poll.records of the consumer in the workspace',
      files: { 'so.yaml': so(['lagThreshold: "100"']), 'consumer.properties': consumer('max.poll.records=250\n') },
      errors: [{ line: 14, column: 23, message: /lagThreshold 100 is below the 250 records one consumer of group 'orders-app' fetches per poll.*Raise lagThreshold to at least 250\./, severity: 'warning', relatedFiles: ['consumer.properties'] }],
    },
    {
      name: 'Spring consumer with the default max.poll.records',
      files: {
        'deploy/so.yaml': so(['lagThreshold: "20"'], 'apache-kafka'),
        'src/main/resources/application.yml': 'spring:\n  kafka:\n    consumer:\n      group-id: orders-app\n',
      },
      errors: [{ line: 14, column: 23, message: /below the 500 records/, severity: 'warning', relatedFiles: ['src/main/resources/application.yml'] }],
    },
    {
      name: 'unset threshold below a known consumer',
      files: { 'so.yaml': so([]), 'consumer.properties': consumer() },
      errors: [{ line: 10, column: 7, message: /lagThreshold 10 \(the default\) is below the 500 records/ }],
    },
  ],
});
