import rule from '../../src/core/rules/builtin/file-skipped';
import { ruleTester } from '../helpers/rule-tester';

// The size limit is the CLI's (files over thresholds.maxFileSizeMB are never read): see test/unit/hostile-input.test.ts.
ruleTester(rule, {
  valid: [
    { code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' },
    { name: 'control characters other than NUL are YAML errors, not binary', code: 'a: "\u0007"\n' },
    { name: 'UTF-16 without a byte-order mark is a syntax error instead', code: 'a\0:\0 \x001\0\n\0' },
  ],
  invalid: [
    {
      name: 'a binary file with a .yaml name',
      code: 'apiVersion: v1\nkind: Secret\n\0\x01\x02\x03\xff',
      errors: [{ line: 1, column: 1, severity: 'info', message: /^This file holds NUL bytes, so it is not text/ }],
      output: null,
    },
    {
      name: 'an encrypted .properties file',
      path: 'producer.properties',
      code: '\0GITCRYPT\0\x8a\x13',
      errors: [{ line: 1, column: 1, severity: 'info' }],
    },
  ],
});
