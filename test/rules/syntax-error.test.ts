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
    { name: 'aliases and merge keys', code: 'base: &b {x: 1}\nm:\n  <<: *b\n  y: [*b, *b]\nn: {<<: [*b, {z: 2}]}\n' },
    { name: 'old Mac (CR) line endings', code: 'apiVersion: v1\rkind: ConfigMap\rmetadata:\r  name: x\r' },
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
      name: 'an alias of an anchor that is not defined',
      code: 'a: 1\nb: *nope\n',
      errors: [{ line: 2, column: 4, endLine: 2, endColumn: 9, message: 'YAML syntax error: Unknown alias *nope: no anchor &nope is defined before it in this document.' }],
    },
    {
      name: 'an alias inside the node it refers to',
      code: 'a: &a\n  self: *a\n',
      errors: [{ line: 2, column: 9, message: /^YAML syntax error: The alias \*a is inside the node anchored &a/ }],
    },
    {
      name: 'a merge key whose value is not a map',
      code: 'base: &b [1]\nm:\n  <<: *b\n',
      errors: [{ line: 3, column: 7, message: /^YAML syntax error: A merge key \(<<\) takes a map/ }],
    },
    {
      name: 'a list used as a key',
      code: 'a: 1\n[x, y]: 2\n',
      errors: [{ line: 2, column: 1, endColumn: 7, message: 'YAML syntax error: A list used as a key: kubectl cannot read it ("invalid map key"). Use a string key.' }],
    },
    {
      name: 'an alias of a list used as a key',
      code: 'a: &x [1, 2]\n*x : 3\n',
      errors: [{ line: 2, column: 1, endColumn: 3, message: 'YAML syntax error: The alias *x used as a key is a list: kubectl cannot read it ("invalid map key"). Use a string key.' }],
    },
    {
      name: 'an alias bomb',
      code: `a: &a [x, x, x, x, x, x, x, x, x, x]\n${'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`).join('\n')}\n`,
      errors: [{ line: 2, column: 8, message: /^YAML syntax error: Aliases expand this document to [\d,]+ values \(an alias bomb\?\)/ }],
    },
    {
      name: 'bad indentation, in the second document only',
      code: 'ok: 1\n---\na: 1\n  b: 2\n',
      errors: [{ line: 3, column: 4 }, { line: 3, column: 4 }],
    },
  ],
});
