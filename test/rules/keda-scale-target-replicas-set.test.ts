import rule from '../../src/core/rules/cross/keda-scale-target-replicas-set';
import { ruleTester } from '../helpers/rule-tester';
import { deployment, healthy, scaledObject } from '../fixtures/cross/manifests';

ruleTester(rule, {
  valid: [
    { name: 'no replicas', files: { 'deploy.yaml': deployment(), 'so.yaml': scaledObject() } },
    { name: 'replicas but not scaled', files: { 'deploy.yaml': deployment({ replicas: 3 }) } },
    { name: 'healthy workspace', files: healthy() },
  ],
  invalid: [
    {
      name: 'scaled Deployment with replicas',
      files: { 'deploy.yaml': deployment({ replicas: 3 }), 'so.yaml': scaledObject() },
      errors: [{ line: 7, column: 3, severity: 'info', message: /ScaledObject\/orders-consumer \(so.yaml\) scales this Deployment, but spec.replicas is set/, relatedFiles: ['so.yaml'] }],
      output: deployment(),
    },
  ],
});
