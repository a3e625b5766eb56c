import rule from '../../src/core/rules/cross/bootstrap-connectivity-mismatch';
import { ruleTester } from '../helpers/rule-tester';
import { healthy, kafka, scaledObject } from '../fixtures/cross/manifests';

const so = (port: number, extra = '') => scaledObject({ metadata: `        bootstrapServers: my-cluster-kafka-bootstrap.kafka.svc:${port}\n        consumerGroup: orders\n        topic: orders\n${extra}` });
const SCRAM = `      - name: scram
        port: 9094
        type: internal
        tls: true
        authentication:
          type: scram-sha-512
`;

ruleTester(rule, {
  valid: [
    { name: 'plain to plain', files: healthy() },
    { name: 'TLS and SCRAM through a TriggerAuthentication', files: { 'so.yaml': so(9094, '        tls: enable\n        sasl: scram_sha512\n'), 'kafka.yaml': kafka({ listeners: SCRAM }) } },
    { name: 'properties with SASL_SSL + SCRAM', files: { 'c.properties': 'bootstrap.servers=my-cluster-kafka-bootstrap.kafka.svc:9094\nsecurity.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nacks=all\n', 'kafka.yaml': kafka({ listeners: SCRAM }) } },
  ],
  invalid: [
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
