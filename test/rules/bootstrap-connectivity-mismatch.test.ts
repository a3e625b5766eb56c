import rule from '../../src/core/rules/cross/bootstrap-connectivity-mismatch';
import { ruleTester } from '../helpers/rule-tester';
import { deployment, healthy, kafka, scaledObject } from '../fixtures/cross/manifests';

const so = (port: number, extra = '') => scaledObject({ metadata: `        bootstrapServers: my-cluster-kafka-bootstrap.kafka.svc:${port}\n        consumerGroup: orders\n        topic: orders\n${extra}` });
const SCRAM = `      - name: scram
        port: 9094
        type: internal
        tls: true
        authentication:
          type: scram-sha-512
`;

const peers = (yaml: string) => `      - name: plain
        port: 9092
        type: internal
        tls: false
        networkPolicyPeers:
${yaml}`;
const APPS_ONLY = '          - podSelector:\n              matchLabels:\n                app: orders\n            namespaceSelector:\n              matchLabels:\n                kubernetes.io/metadata.name: apps\n';
const WITH_KEDA = APPS_ONLY + '          - namespaceSelector:\n              matchLabels:\n                kubernetes.io/metadata.name: keda\n';

ruleTester(rule, {
  valid: [
    { name: 'plain to plain', files: healthy() },
    { name: 'TLS and SCRAM through a TriggerAuthentication', files: { 'so.yaml': so(9094, '        tls: enable\n        sasl: scram_sha512\n'), 'kafka.yaml': kafka({ listeners: SCRAM }) } },
    { name: 'properties with SASL_SSL + SCRAM', files: { 'c.properties': 'bootstrap.servers=my-cluster-kafka-bootstrap.kafka.svc:9094\nsecurity.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nacks=all\n', 'kafka.yaml': kafka({ listeners: SCRAM }) } },
    { name: 'networkPolicyPeers admit the app pods and the KEDA namespace', files: { 'so.yaml': so(9092), 'deploy.yaml': deployment(), 'kafka.yaml': kafka({ listeners: peers(WITH_KEDA) }) } },
    { name: 'networkPolicyPeers admit the app pods by labels and namespace', files: { 'deploy.yaml': deployment(), 'kafka.yaml': kafka({ listeners: peers(APPS_ONLY) }) } },
    { name: 'networkPolicyPeers with label expressions: cannot tell', files: { 'so.yaml': so(9092), 'kafka.yaml': kafka({ listeners: peers('          - namespaceSelector:\n              matchExpressions:\n                - {key: team, operator: Exists}\n') }) } },
  ],
  invalid: [
    {
      name: 'networkPolicyPeers admit the app but not the KEDA operator',
      files: { 'so.yaml': so(9092), 'kafka.yaml': kafka({ listeners: peers(APPS_ONLY) }) },
      errors: [{ line: 14, column: 27, severity: 'warning', message: /none matches the KEDA operator \(namespace 'keda'\)/, relatedFiles: ['kafka.yaml'] }],
    },
    {
      name: 'networkPolicyPeers: a pod selector alone admits only pods of the Kafka namespace',
      files: { 'deploy.yaml': deployment(), 'kafka.yaml': kafka({ listeners: peers('          - podSelector:\n              matchLabels:\n                app: orders\n') }) },
      errors: [{ line: 20, column: 22, severity: 'warning', message: /none matches the pods of Deployment\/orders-consumer/ }],
    },
    {
      name: 'KEDA plaintext to a TLS + mTLS listener',
      files: { 'so.yaml': so(9093), 'kafka.yaml': kafka() },
      errors: [{ line: 14, column: 27, message: /listener 'tls' of Kafka\/my-cluster \(kafka.yaml\) uses TLS but trigger.* connects in plaintext \(set tls: enable\); it requires a client certificate/, relatedFiles: ['kafka.yaml'] }],
    },
    {
      name: 'properties without SASL to a SCRAM listener',
      files: { 'c.properties': 'bootstrap.servers=my-cluster-kafka-bootstrap.kafka.svc:9094\nsecurity.protocol=SSL\nacks=all\n', 'kafka.yaml': kafka({ listeners: SCRAM }) },
      errors: [{ line: 1, column: 19, message: /requires SCRAM-SHA-512 but producer properties uses no SASL/ }],
    },
  ],
});
