import rule from '../../src/core/rules/strimzi/strimzi-storage-data-loss-risk';
import type { EngineOptions } from '../../src/core/engine';
import { smallPool } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

const strimzi = (value: string): EngineOptions => ({ versions: { strimzi: { value, source: 'flag' } } });

const pool = (name: string, replicas: number | string, roles: string, storage: string) => smallPool({ name, replicas, roles, storage });

const PVC = '    type: persistent-claim\n    size: 100Gi\n';
const EPH = '    type: ephemeral\n';
const JBOD = (deleteClaim: string) => `    type: jbod\n    volumes:\n      - id: 0\n        type: persistent-claim\n        size: 100Gi\n        deleteClaim: ${deleteClaim}\n`;

const legacy = (storage: string) => `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: my-cluster
spec:
  kafka:
    version: 3.6.0
    replicas: 1
    storage:
${storage}  zookeeper:
    replicas: 3
    storage:
      type: persistent-claim
      size: 10Gi
`;

ruleTester(rule, {
  valid: [
    { name: 'persistent storage, deleteClaim default', code: pool('broker', 3, '[broker]', PVC) },
    { name: 'deleteClaim: false in JBOD', code: pool('broker', 3, '[broker]', JBOD('false')) },
    { name: 'ephemeral with three brokers', code: pool('broker', 3, '[broker]', EPH) },
    {
      name: 'ephemeral single broker pool, but another pool adds brokers',
      files: { 'a.yaml': pool('a', 1, '[broker]', EPH), 'b.yaml': pool('b', 2, '[broker]', PVC) },
    },
    { name: 'unknown replica count: no claim', code: pool('broker', '"{{ .Values.replicas }}"', '[broker]', EPH) },
    { name: 'legacy Kafka storage on Strimzi 1.2.0 is ignored anyway (another rule)', code: legacy('      type: ephemeral\n') },
  ],
  invalid: [
    {
      name: 'deleteClaim: true on a persistent claim',
      code: pool('broker', 3, '[broker]', PVC + '    deleteClaim: true\n'),
      errors: [{ line: 13, column: 18, severity: 'warning', message: /^deleteClaim: true deletes this persistent volume claim.*when the pool is scaled down or removed/ }],
      output: pool('broker', 3, '[broker]', PVC + '    deleteClaim: false\n'),
    },
    {
      name: 'deleteClaim: true inside JBOD volumes',
      code: pool('broker', 3, '[broker]', JBOD('true')),
      errors: [{ line: 16, column: 22 }],
      output: pool('broker', 3, '[broker]', JBOD('false')),
    },
    {
      name: 'the only broker on ephemeral storage',
      code: pool('dual', 1, '[controller, broker]', EPH),
      errors: [{ line: 11, column: 11, message: /^This pool holds the only broker of cluster 'my-cluster' and uses ephemeral storage: topic messages are lost/ }],
      output: null,
    },
    {
      name: 'the only controller on ephemeral storage',
      files: { 'c.yaml': pool('controller', 1, '[controller]', EPH), 'b.yaml': pool('broker', 3, '[broker]', PVC) },
      errors: [{ line: 11, column: 11, message: /only controller .* the cluster metadata is lost/ }],
    },
    {
      name: 'legacy single-broker ephemeral Kafka on Strimzi 0.40',
      code: legacy('      type: ephemeral\n'),
      options: strimzi('0.40.0'),
      errors: [{ line: 10, column: 13, message: /^The only broker of Kafka\/my-cluster uses ephemeral storage/ }],
    },
    {
      name: 'legacy deleteClaim on Strimzi 0.40',
      code: legacy('      type: persistent-claim\n      size: 10Gi\n      deleteClaim: true\n'),
      options: strimzi('0.40.0'),
      errors: [{ line: 12, column: 20, message: /when a node is removed/ }],
      output: legacy('      type: persistent-claim\n      size: 10Gi\n      deleteClaim: false\n'),
    },
  ],
});
