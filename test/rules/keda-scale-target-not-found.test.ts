import rule from '../../src/core/rules/cross/keda-scale-target-not-found';
import { ruleTester } from '../helpers/rule-tester';
import { deployment, healthy, scaledObject } from '../fixtures/cross/manifests';

const FROM_ENV = `        bootstrapServersFromEnv: KAFKA_BOOTSTRAP_SERVERS\n        consumerGroupFromEnv: KAFKA_GROUP\n        topic: orders\n`;

ruleTester(rule, {
  valid: [
    { name: 'target present', files: healthy() },
    { name: 'no workloads in the workspace', files: { 'so.yaml': scaledObject() } },
    { name: 'FromEnv names existing vars', files: { 'so.yaml': scaledObject({ metadata: FROM_ENV.replace('KAFKA_GROUP\n', 'KAFKA_GROUP_ID\n') }), 'deploy.yaml': deployment() } },
  ],
  invalid: [
    {
      name: 'misspelt target',
      files: { 'so.yaml': scaledObject({ target: 'order-consumer' }), 'deploy.yaml': deployment() },
      errors: [{ line: 8, column: 11, severity: 'info', message: /No Deployment named 'order-consumer' in namespace 'apps' in this workspace \(did you mean 'orders-consumer'\?\)/ }],
    },
    {
      name: 'FromEnv var missing from the container',
      files: { 'so.yaml': scaledObject({ metadata: FROM_ENV }), 'deploy.yaml': deployment() },
      errors: [{ line: 15, column: 31, severity: 'error', message: /consumerGroupFromEnv names env var 'KAFKA_GROUP', but container 'app' of Deployment\/orders-consumer \(deploy.yaml\) has no such variable/, relatedFiles: ['deploy.yaml'] }],
    },
  ],
});
