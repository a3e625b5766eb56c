import rule from '../../src/core/rules/strimzi/strimzi-replication-defaults';
import type { EngineOptions } from '../../src/core/engine';
import { PLAIN_LISTENER, smallKafka, smallPool } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

const strimzi = (value: string): EngineOptions => ({ versions: { strimzi: { value, source: 'flag' } } });

const kafka = (config: string) => smallKafka(PLAIN_LISTENER + config);

const pool = (replicas: number, roles = '[broker]') =>
  smallPool({ name: `pool-${replicas}`, replicas, roles, storage: '    type: persistent-claim\n    size: 10Gi\n' });

const GOOD = '    config:\n      default.replication.factor: 3\n      min.insync.replicas: 2\n';
const NO_CONFIG = '    storage:\n      type: ephemeral\n';

ruleTester(rule, {
  valid: [
    { name: 'RF 3 / minISR 2 with 3 brokers', files: { 'kafka.yaml': kafka(GOOD), 'pools.yaml': pool(3) } },
    { name: 'no pools in the workspace: no broker-count claims', code: kafka('    config:\n      num.partitions: 3\n') },
    { name: 'single broker without the keys', files: { 'kafka.yaml': kafka('    config:\n      num.partitions: 1\n'), 'pools.yaml': pool(1, '[controller, broker]') } },
    { name: 'RF 1 / minISR 1 on a dev cluster', files: { 'kafka.yaml': kafka('    config:\n      default.replication.factor: 1\n      min.insync.replicas: 1\n'), 'pools.yaml': pool(1) } },
    { name: 'controllers do not count as brokers', files: { 'kafka.yaml': kafka('    config:\n      num.partitions: 1\n'), 'pools.yaml': pool(1) + '---\n' + pool(3, '[controller]') } },
    { name: 'templated values are not judged', code: kafka('    config:\n      default.replication.factor: ${RF}\n      min.insync.replicas: ${ISR}\n') },
  ],
  invalid: [
    {
      name: 'both missing with 3 brokers: one fix adds both',
      files: { 'kafka.yaml': kafka('    config:\n      num.partitions: 3\n'), 'pools.yaml': pool(3) },
      errors: [
        { line: 13, column: 5, severity: 'warning', message: /^default\.replication\.factor is not set.*3-broker cluster \(from its KafkaNodePools\).*Add default\.replication\.factor: 3\.$/ },
        { line: 13, column: 5, severity: 'warning', message: /^min\.insync\.replicas is not set.*Add min\.insync\.replicas: 2\.$/ },
      ],
      output: kafka('    config:\n      num.partitions: 3\n      default.replication.factor: 3\n      min.insync.replicas: 2\n'),
    },
    {
      name: 'no config map at all: the fix creates it',
      files: { 'kafka.yaml': kafka(NO_CONFIG), 'pools.yaml': pool(2) + '---\n' + pool(1) },
      errors: [
        { line: 6, column: 3, message: /3-broker cluster/ },
        { line: 6, column: 3, message: /min\.insync\.replicas is not set/ },
      ],
      output: kafka(NO_CONFIG + '    config:\n      default.replication.factor: 3\n      min.insync.replicas: 2\n'),
    },
    {
      name: 'two brokers: warn, but no automatic fix',
      files: { 'kafka.yaml': kafka('    config:\n      min.insync.replicas: 1\n'), 'pools.yaml': pool(2) },
      errors: [{ line: 13, column: 5, message: /Add default\.replication\.factor: 2\.$/ }],
      output: null,
    },
    {
      name: 'minISR equals RF',
      code: kafka('    config:\n      default.replication.factor: 3\n      min.insync.replicas: 3\n'),
      errors: [{ line: 15, column: 28, severity: 'warning', message: /^min\.insync\.replicas 3 equals default\.replication\.factor/ }],
      output: kafka('    config:\n      default.replication.factor: 3\n      min.insync.replicas: 2\n'),
    },
    {
      name: 'minISR greater than RF: error with a suggestion',
      code: kafka('    config:\n      default.replication.factor: 2\n      min.insync.replicas: "3"\n'),
      errors: [{ line: 15, column: 28, severity: 'error', message: /^min\.insync\.replicas 3 is greater than default\.replication\.factor 2/ }],
      output: null,
    },
    {
      name: 'minISR 2 with RF unset: new topics get RF 1',
      code: kafka('    config:\n      min.insync.replicas: 2\n'),
      errors: [{ line: 14, column: 28, severity: 'error', message: /greater than the replication factor new topics get/ }],
    },
    {
      name: 'minISR 1 with 3 brokers',
      files: { 'kafka.yaml': kafka('    config:\n      default.replication.factor: 3\n      min.insync.replicas: 1\n'), 'pools.yaml': pool(3) },
      errors: [{ line: 15, column: 28, message: /^min\.insync\.replicas 1 on a 3-broker cluster/ }],
      output: kafka('    config:\n      default.replication.factor: 3\n      min.insync.replicas: 2\n'),
    },
    {
      name: 'legacy spec.kafka.replicas on Strimzi 0.45',
      code: kafka('    replicas: 3\n    config:\n      default.replication.factor: 3\n'),
      options: strimzi('0.45.0'),
      errors: [{ line: 14, column: 5, message: /3-broker cluster \(from spec\.kafka\.replicas\)/ }],
      output: kafka('    replicas: 3\n    config:\n      default.replication.factor: 3\n      min.insync.replicas: 2\n'),
    },
  ],
});
