import rule from '../../src/core/rules/cross/user-auth-mismatch-with-cluster';
import { ruleTester } from '../helpers/rule-tester';
import { kafka } from '../fixtures/cross/manifests';

const user = (auth: string, authz = '') => `apiVersion: kafka.strimzi.io/v1
kind: KafkaUser
metadata:
  name: app
  namespace: kafka
  labels:
    strimzi.io/cluster: my-cluster
spec:
  authentication:
    type: ${auth}
${authz}`;

const SIMPLE = '  authorization:\n    type: simple\n    acls: []\n';

ruleTester(rule, {
  valid: [
    { name: 'tls user, tls listener', files: { 'user.yaml': user('tls'), 'kafka.yaml': kafka() } },
    { name: 'simple ACLs with simple authorization', files: { 'user.yaml': user('tls', SIMPLE), 'kafka.yaml': kafka({ extra: '    authorization:\n      type: simple\n' }) } },
    { name: 'cluster not in workspace', files: { 'user.yaml': user('scram-sha-512') } },
  ],
  invalid: [
    {
      name: 'scram user, no scram listener',
      files: { 'user.yaml': user('scram-sha-512'), 'kafka.yaml': kafka() },
      errors: [{ line: 10, column: 11, message: /authenticates with scram-sha-512, but no listener of Kafka\/my-cluster \(kafka.yaml\) has authentication type scram-sha-512/, relatedFiles: ['kafka.yaml'] }],
    },
    {
      name: 'simple ACLs without authorization',
      files: { 'user.yaml': user('tls', SIMPLE), 'kafka.yaml': kafka() },
      errors: [{ line: 12, column: 11, message: /has no authorization/, relatedFiles: ['kafka.yaml'] }],
    },
  ],
});
