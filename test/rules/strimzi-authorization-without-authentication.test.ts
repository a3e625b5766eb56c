import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../src/core/rules/strimzi/strimzi-authorization-without-authentication';
import { smallKafka } from '../fixtures/cross/manifests';
import { lintCase, ruleTester } from '../helpers/rule-tester';

const kafka = (listeners: string, authz = '    authorization:\n      type: simple\n') => smallKafka(`${authz}    listeners:\n${listeners}`);

const PLAIN = '      - name: plain\n        port: 9092\n        type: internal\n        tls: false\n';
const TLS_AUTH = '      - name: tls\n        port: 9093\n        type: internal\n        tls: true\n        authentication:\n          type: tls\n';

ruleTester(rule, {
  valid: [
    { name: 'every listener authenticates', code: kafka(TLS_AUTH) },
    { name: 'no authorization', code: kafka(PLAIN, '') },
  ],
  invalid: [
    {
      name: 'one unauthenticated listener among two',
      code: kafka(PLAIN + TLS_AUTH),
      errors: [
        {
          line: 11,
          column: 15,
          severity: 'warning',
          message: "listener 'plain' has no authentication while authorization (simple) is enabled: its clients are User:ANONYMOUS and are refused unless an ACL allows ANONYMOUS. Add authentication to the listener, or grant ANONYMOUS deliberately.",
          relatedFiles: ['manifest.yaml'],
        },
      ],
      output: null,
    },
    {
      name: 'custom authorizer, two unauthenticated listeners',
      code: kafka(PLAIN + PLAIN.replace('plain', 'other').replace('9092', '9094'), '    authorization:\n      type: custom\n      authorizerClass: x.Y\n'),
      errors: [
        { line: 12, column: 15, message: /^listener 'plain' has no authentication while authorization \(custom\)/ },
        { line: 16, column: 15, message: /^listener 'other'/ },
      ],
    },
  ],
});

it('points related information at the authorization block', () => {
  const { findings } = lintCase({ code: kafka(PLAIN) });
  const f = findings.find((x) => x.ruleId === rule.meta.id)!;
  assert.equal(f.related?.[0].range.start.line, 7);
});
