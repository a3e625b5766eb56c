import rule from '../../src/core/rules/cross/strimzi-nodepool-missing';
import { ruleTester } from '../helpers/rule-tester';
import { healthy, kafka, pool } from '../fixtures/cross/manifests';

ruleTester(rule, {
  valid: [
    { name: 'dual-role pool', files: healthy() },
    { name: 'separate controller and broker pools', files: { 'kafka.yaml': kafka(), 'c.yaml': pool({ name: 'controllers', roles: '[controller]' }), 'b.yaml': pool({ name: 'brokers', roles: '[broker]' }) } },
  ],
  invalid: [
    {
      name: 'no pool in a partial workspace: downgraded to warning',
      files: { 'kafka.yaml': kafka() },
      errors: [{ line: 4, column: 9, severity: 'warning', message: /No KafkaNodePool labelled strimzi.io\/cluster: my-cluster in this workspace/ }],
    },
    {
      name: 'no pool, complete workspace: error',
      files: { 'kafka.yaml': kafka() },
      options: { settings: { assumeCompleteWorkspace: true } },
      errors: [{ line: 4, column: 9, severity: 'error' }],
    },
    {
      name: 'pool for another cluster only',
      files: { 'kafka.yaml': kafka(), 'pool.yaml': pool({ cluster: 'other' }) },
      errors: [{ line: 4, column: 9, severity: 'warning' }],
    },
    {
      name: 'broker pool only: no controller',
      files: { 'kafka.yaml': kafka(), 'b.yaml': pool({ name: 'brokers', roles: '[broker]' }) },
      errors: [{ line: 4, column: 9, message: /with the controller role/, relatedFiles: ['b.yaml'] }],
    },
    {
      name: 'pools with 0 replicas',
      files: { 'kafka.yaml': kafka(), 'pool.yaml': pool({ replicas: 0 }) },
      errors: [{ line: 4, column: 9, message: /all have 0 replicas/, relatedFiles: ['pool.yaml'] }],
    },
  ],
});
