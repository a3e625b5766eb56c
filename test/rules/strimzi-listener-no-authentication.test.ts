import rule from '../../src/core/rules/strimzi/strimzi-listener-no-authentication';
import { smallKafka } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

const kafka = (listeners: string) => smallKafka(`    listeners:\n${listeners}`);

const l = (name: string, port: number, type: string, tls: string, extra = '') =>
  `      - name: ${name}\n        port: ${port}\n        type: ${type}\n        tls: ${tls}\n${extra}`;

const SCRAM = '        authentication:\n          type: scram-sha-512\n';
const MTLS = '        authentication:\n          type: tls\n';

ruleTester(rule, {
  valid: [
    { name: 'plain internal listener', code: kafka(l('plain', 9092, 'internal', 'false')) },
    { name: 'external listener with mTLS', code: kafka(l('external', 9094, 'loadbalancer', 'true', MTLS)) },
    { name: 'route with SCRAM', code: kafka(l('external', 9094, 'route', 'true', SCRAM)) },
    { name: 'internal TLS listener with SCRAM', code: kafka(l('tls', 9093, 'internal', 'true', SCRAM)) },
  ],
  invalid: [
    {
      name: 'nodeport without authentication and TLS',
      code: kafka(l('external', 9094, 'nodeport', 'false')),
      errors: [
        { line: 11, column: 15, severity: 'warning', message: "listener 'external' (nodeport) is reachable from outside the Kubernetes cluster and has no authentication, so it accepts every client. Add authentication (type tls or scram-sha-512)." },
        { line: 12, column: 14, severity: 'warning', message: /has tls: false, so data and credentials cross the network unencrypted/ },
      ],
      output: null,
    },
    {
      name: 'loadbalancer with TLS but no authentication',
      code: kafka(l('external', 9094, 'loadbalancer', 'true')),
      errors: [{ line: 11, column: 15, message: /^listener 'external' \(loadbalancer\) is reachable from outside/ }],
    },
    {
      name: 'SCRAM on an unencrypted internal listener',
      code: kafka(l('plain', 9092, 'internal', 'false', SCRAM)),
      errors: [{ line: 14, column: 17, message: /uses SCRAM-SHA-512 over an unencrypted listener/ }],
    },
    {
      name: 'internal TLS listener without authentication: info',
      code: kafka(l('tls', 9093, 'internal', 'true')),
      errors: [{ line: 12, column: 14, severity: 'info', message: /encrypts traffic but does not authenticate clients/ }],
    },
  ],
});
