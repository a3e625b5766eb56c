import rule from '../../src/core/rules/cross/strimzi-controller-quorum-size';
import { ruleTester } from '../helpers/rule-tester';
import { healthy, kafka, pool } from '../fixtures/cross/manifests';

ruleTester(rule, {
  valid: [
    { name: 'three controllers', files: healthy() },
    { name: 'pool without its Kafka', files: { 'pool.yaml': pool({ replicas: 2 }) } },
    { name: 'two pools, 3 + 2 controllers = 5', files: { 'a.yaml': pool({ name: 'a', replicas: 3 }), 'b.yaml': pool({ name: 'b', replicas: 2, roles: '[controller]' }), 'kafka.yaml': kafka() } },
  ],
  invalid: [
    { name: 'two controllers', files: { 'pool.yaml': pool({ replicas: 2 }), 'kafka.yaml': kafka() }, errors: [{ line: 9, column: 13, severity: 'warning', message: /2 KRaft controllers/, relatedFiles: ['kafka.yaml'] }] },
    { name: 'one controller', files: { 'pool.yaml': pool({ replicas: 1 }), 'kafka.yaml': kafka() }, errors: [{ line: 9, column: 13, severity: 'info' }] },
    {
      name: 'two pools, 3 + 1 = 4, on the first pool only',
      files: { 'a.yaml': pool({ name: 'a', replicas: 3 }), 'b.yaml': pool({ name: 'b', replicas: 1, roles: '[controller]' }), 'kafka.yaml': kafka() },
      errors: [{ line: 9, column: 13, message: /4 KRaft controllers \(2 controller pools in this workspace\)/, relatedFiles: ['kafka.yaml', 'b.yaml'] }],
    },
  ],
});
