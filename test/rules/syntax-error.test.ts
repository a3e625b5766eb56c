import rule from '../../src/core/rules/builtin/syntax-error';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' },
    { name: 'several documents', code: 'a: 1\n---\nb: 2\n' },
    { name: 'empty file', code: '' },
    { name: 'properties files are not YAML', path: 'producer.properties', code: 'acks: all\n  b: 2\n' },
    { name: 'valid unicode escapes and an escaped backslash', path: 'producer.properties', code: 'acks=all\nclient.id=caf\\u00e9\nssl.keystore.location=C:\\\\u\\\\k.jks\n' },
    { name: 'a .properties file that is not Kafka configuration is not ours to judge', path: 'messages.properties', code: 'greeting=\\uZZ\n' },
  ],
  invalid: [
    {
      name: 'malformed \\u escape in a Kafka properties file',
      path: 'producer.properties',
      code: 'acks=all\nclient.id=caf\\u00g9\n',
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 20, message: /^Malformed \\uXXXX escape: .*does not start/ }],
    },
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
