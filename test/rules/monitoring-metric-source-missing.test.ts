import rule from '../../src/core/rules/cross/monitoring-metric-source-missing';
import { ruleTester } from '../helpers/rule-tester';
import { kafka, scaledObject } from '../fixtures/cross/manifests';

const prom = (expr: string) => `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: kafka-alerts
spec:
  groups:
    - name: kafka
      rules:
        - alert: Alert
          expr: ${expr}
`;
const LAG = 'sum(kafka_consumergroup_lag) by (consumergroup) > 1000';

ruleTester(rule, {
  valid: [
    { name: 'exporter enabled', files: { 'p.yaml': prom(LAG), 'kafka.yaml': kafka({ extra: '  kafkaExporter: {}\n' }) } },
    { name: 'no Kafka in the workspace', files: { 'p.yaml': prom(LAG) } },
    { name: 'broker metrics with metricsConfig', files: { 'p.yaml': prom('kafka_server_replicamanager_underreplicatedpartitions > 0'), 'kafka.yaml': kafka({ config: '      min.insync.replicas: 2\n    metricsConfig:\n      type: strimziMetricsReporter\n' }) } },
  ],
  invalid: [
    {
      name: 'lag alert without Kafka Exporter',
      files: { 'p.yaml': prom(LAG), 'kafka.yaml': kafka() },
      errors: [{ line: 10, column: 17, message: /kafka_consumergroup_lag comes from Kafka Exporter, but no Kafka in this workspace enables spec.kafkaExporter/, relatedFiles: ['kafka.yaml'] }],
    },
    {
      name: 'ScaledObjects but no lag alert',
      files: { 'p.yaml': prom('kafka_server_replicamanager_underreplicatedpartitions > 0'), 'so.yaml': scaledObject() },
      errors: [{ line: 6, column: 3, severity: 'hint', message: /1 ScaledObject\(s\) in this workspace scale on Kafka lag/, relatedFiles: ['so.yaml'] }],
    },
  ],
});
