import rule from '../../src/core/rules/cross/keda-consumer-group-mismatch';
import { ruleTester } from '../helpers/rule-tester';
import { deployment, healthy, scaledObject } from '../fixtures/cross/manifests';

ruleTester(rule, {
  valid: [
    { name: 'same group', files: healthy() },
    { name: 'target has no group env', files: { 'so.yaml': scaledObject(), 'deploy.yaml': deployment({ env: '            - name: X\n              value: y\n' }) } },
  ],
  invalid: [
    {
      name: 'Spring env group differs',
      files: { 'so.yaml': scaledObject(), 'deploy.yaml': deployment({ env: '            - name: SPRING_KAFKA_CONSUMER_GROUP_ID\n              value: orders-v2\n' }) },
      errors: [{ line: 15, column: 24, message: /measures the lag of consumer group 'orders', but Deployment\/orders-consumer \(deploy.yaml\) consumes as 'orders-v2' \(env SPRING_KAFKA_CONSUMER_GROUP_ID\)/, relatedFiles: ['deploy.yaml'] }],
    },
  ],
});
