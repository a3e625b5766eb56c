import rule from '../../src/core/rules/builtin/helm-template';
import { ruleTester } from '../helpers/rule-tester';

const topic = (name: string) => `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: ${name}\n  labels:\n    strimzi.io/cluster: c\nspec:\n  partitions: 3\n  replicas: 3\n`;

ruleTester(rule, {
  valid: [
    { code: topic('orders') },
    { name: 'braces in a quoted string are template syntax only with {{', code: 'a: "{ b }"\n' },
    {
      name: 'Prometheus alert templates in quoted and block scalars are text, not Helm',
      path: 'alerts.yaml',
      code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: kafka\nspec:\n  groups:\n    - name: kafka\n      rules:\n        - alert: Lag\n          expr: sum(kafka_consumergroup_lag) > 1000\n          annotations:\n            summary: "Lag of {{ $labels.consumergroup }} is {{ $value }}"\n            description: |\n              {{ $labels.topic }} is behind.\n              {{ if gt $value 5000.0 }}Far behind.{{ end }}\n',
    },
    {
      name: 'a quoted template value is not judged by the schema either',
      code: topic('orders').replace('partitions: 3', 'partitions: "{{ .Values.partitions }}"'),
    },
  ],
  invalid: [
    {
      name: 'inline expression: reported once, at the first template',
      code: topic('{{ .Values.name }}'),
      errors: [{ line: 4, column: 9, severity: 'info', message: /templated values are not checked/ }],
      output: null,
    },
    {
      name: 'directive lines',
      code: `{{- if .Values.enabled }}\n${topic('t')}{{- end }}\n`,
      errors: [{ line: 1, column: 1 }],
    },
  ],
});
