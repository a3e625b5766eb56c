import rule from '../../src/core/rules/cross/bootstrap-unknown-strimzi-listener';
import { ruleTester } from '../helpers/rule-tester';
import { deployment, healthy, kafka, scaledObject } from '../fixtures/cross/manifests';

const so = (addr: string) => scaledObject({ metadata: `        bootstrapServers: ${addr}\n        consumerGroup: orders\n        topic: orders\n` });

ruleTester(rule, {
  valid: [
    { name: 'internal bootstrap, plain port', files: healthy() },
    { name: 'tls port', files: { 'so.yaml': so('my-cluster-kafka-bootstrap.kafka.svc.cluster.local:9093'), 'kafka.yaml': kafka() } },
    { name: 'not a Strimzi address', files: { 'so.yaml': so('kafka.example.com:9092'), 'kafka.yaml': kafka() } },
    { name: 'no Kafka in the workspace', files: { 'so.yaml': so('other-kafka-bootstrap:9092') } },
  ],
  invalid: [
    {
      name: 'wrong port',
      files: { 'so.yaml': so('my-cluster-kafka-bootstrap.kafka.svc:9094'), 'kafka.yaml': kafka() },
      errors: [{ line: 14, column: 27, severity: 'error', message: /Port 9094 matches no internal listener of Kafka\/my-cluster \(kafka.yaml\) \(listener 'plain': 9092, listener 'tls': 9093\)/, relatedFiles: ['kafka.yaml'] }],
    },
    {
      name: 'unknown cluster',
      files: { 'so.yaml': so('your-cluster-kafka-bootstrap.kafka:9092'), 'kafka.yaml': kafka() },
      errors: [{ line: 14, column: 27, severity: 'info', message: /no Kafka 'your-cluster' is in this workspace/ }],
    },
    {
      name: 'short name from another namespace (env var)',
      files: { 'deploy.yaml': deployment({ env: '            - name: BOOTSTRAP_SERVERS\n              value: my-cluster-kafka-bootstrap:9092\n' }), 'kafka.yaml': kafka() },
      errors: [{ line: 20, column: 22, severity: 'warning', message: /resolves in 'apps', but Kafka\/my-cluster \(kafka.yaml\) is in 'kafka'/, relatedFiles: ['kafka.yaml'] }],
    },
    {
      name: 'client properties: unknown listener name',
      files: { 'client.properties': 'bootstrap.servers=my-cluster-kafka-external-bootstrap.kafka.svc:9094\nacks=all\n', 'kafka.yaml': kafka() },
      errors: [{ line: 1, column: 19, message: /has no listener named 'external'/ }],
    },
  ],
});
