import rule from '../../src/core/rules/builtin/syntax-error';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' },
    { name: 'several documents', code: 'a: 1\n---\nb: 2\n' },
    { name: 'empty file', code: '' },
    { name: 'properties files are not YAML', path: 'producer.properties', code: 'acks: all\n  b: 2\n' },
  ],
  invalid: [
    {
      name: 'unclosed flow map',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n',
      errors: [{ line: 4, column: 1, message: /^YAML syntax error: Flow map/ }],
      output: null,
    },
    {
      name: 'duplicate key',
      code: 'a: 1\na: 2\n',
      errors: [{ line: 2, column: 1, message: 'YAML syntax error: Map keys must be unique', severity: 'error' }],
    },
    {
      name: 'bad indentation, in the second document only',
      code: 'ok: 1\n---\na: 1\n  b: 2\n',
      errors: [{ line: 3, column: 4 }, { line: 3, column: 4 }],
    },
  ],
});
