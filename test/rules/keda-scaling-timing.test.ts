import rule from '../../src/core/rules/keda/keda-scaling-timing';
import { kedaScaledObject } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

const BEHAVIOR = ['advanced:', '  horizontalPodAutoscalerConfig:', '    behavior:', '      scaleDown:', '        stabilizationWindowSeconds: 120'];

/** A ScaledObject with `spec` lines from line 6 (column 3). */
const so = (spec: string[]): string => kedaScaledObject({ spec, meta: ['bootstrapServers: b:9092', 'consumerGroup: g', 'topic: t'] });

ruleTester(rule, {
  valid: [
    { code: so(['maxReplicaCount: 10', ...BEHAVIOR]) },
    { code: so(['minReplicaCount: 0', 'cooldownPeriod: 60', 'pollingInterval: 15', ...BEHAVIOR]) },
    { name: 'cooldownPeriod with idleReplicaCount', code: so(['idleReplicaCount: 0', 'minReplicaCount: 1', 'cooldownPeriod: 60', ...BEHAVIOR]) },
    { name: 'a fixed replica count does not scale down', code: so(['minReplicaCount: 3', 'maxReplicaCount: 3']) },
  ],
  invalid: [
    {
      name: 'cooldownPeriod with minReplicaCount 1',
      code: so(['minReplicaCount: 1', 'cooldownPeriod: 60', ...BEHAVIOR]),
      errors: [{ line: 7, column: 3, endColumn: 17, message: /cooldownPeriod has no effect here: it only delays scaling to zero, and minReplicaCount is 1/, severity: 'hint' }],
    },
    {
      name: 'polling too often',
      code: so(['pollingInterval: 1', ...BEHAVIOR]),
      errors: [{ line: 6, column: 20, message: /pollingInterval 1 s makes KEDA query Kafka offsets every 1 s/ }],
    },
    {
      name: 'polling too rarely',
      code: so(['pollingInterval: 300', ...BEHAVIOR]),
      errors: [{ line: 6, column: 20, message: /delays waking the workload from zero by up to 300 s/ }],
    },
    {
      name: 'no scale-down behaviour: suggestion only, nothing for --fix',
      code: so(['maxReplicaCount: 10']),
      errors: [{ line: 6, column: 3, message: /without advanced\.horizontalPodAutoscalerConfig\.behavior\.scaleDown it uses the HPA default/ }],
      output: null,
    },
    {
      name: 'no scale-down behaviour and no maxReplicaCount: on spec',
      code: so(['advanced:', '  restoreToOriginalReplicaCount: true']),
      errors: [{ line: 5, column: 1 }],
    },
    {
      name: 'severity override',
      code: so(['pollingInterval: 2', ...BEHAVIOR]),
      options: { rules: { 'keda-scaling-timing': 'warning' } },
      errors: [{ line: 6, column: 20, severity: 'warning' }],
    },
  ],
});
