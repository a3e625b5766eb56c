import rule from '../../src/core/rules/builtin/helm-template';
import { ruleTester } from '../helpers/rule-tester';

const topic = (name: string) => `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: ${name}\n  labels:\n    strimzi.io/cluster: c\nspec:\n  partitions: 3\n  replicas: 3\n`;

ruleTester(rule, {
  valid: [{ code: topic('orders') }, { name: 'braces in a quoted string are template syntax only with {{', code: 'a: "{ b }"\n' }],
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
