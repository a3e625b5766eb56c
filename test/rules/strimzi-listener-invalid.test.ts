import rule from '../../src/core/rules/strimzi/strimzi-listener-invalid';
import { smallKafka } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

const kafka = (listeners: string) => smallKafka(`    listeners:\n${listeners}`);

const l = (name: string, port: number | string, type: string, tls: string, extra = '') =>
  `      - name: ${name}\n        port: ${port}\n        type: ${type}\n        tls: ${tls}\n${extra}`;

const INGRESS_CONF = '        configuration:\n          bootstrap:\n            host: bootstrap.example.com\n          hostTemplate: broker-{nodeId}.example.com\n';

ruleTester(rule, {
  valid: [
    { name: 'plain + tls internal listeners', code: kafka(l('plain', 9092, 'internal', 'false') + l('tls', 9093, 'internal', 'true')) },
    { name: 'route with TLS', code: kafka(l('external', 9094, 'route', 'true')) },
    { name: 'ingress with hosts', code: kafka(l('external', 9094, 'ingress', 'true', INGRESS_CONF)) },
    {
      name: 'ingress with per-broker hosts',
      code: kafka(l('external', 9094, 'ingress', 'true', '        configuration:\n          bootstrap:\n            host: b.example.com\n          brokers:\n            - broker: 0\n              host: b0.example.com\n')),
    },
    {
      name: 'tlsroute with parentRefs and hosts',
      code: kafka(l('gw', 9095, 'tlsroute', 'true', INGRESS_CONF + '          parentRefs:\n            - name: my-gateway\n')),
    },
    { name: 'templated name and tls are not judged', code: kafka(l('{{ .Values.name }}', 9094, 'route', '{{ .Values.tls }}')) },
    { name: 'TLS client auth on a TLS listener', code: kafka(l('tls', 9093, 'internal', 'true', '        authentication:\n          type: tls\n')) },
  ],
  invalid: [
    {
      name: 'duplicate name and port',
      code: kafka(l('plain', 9092, 'internal', 'false') + l('plain', 9092, 'internal', 'true')),
      errors: [
        { line: 13, column: 15, severity: 'error', message: "Listener name 'plain' is already used by listener 'plain'; listener names must be unique.", relatedFiles: ['manifest.yaml'] },
        { line: 14, column: 15, message: "Port 9092 of listener 'plain' is already used by listener 'plain'; each listener needs its own port (e.g. 9093)." },
      ],
      output: null,
    },
    {
      name: 'invalid name, low and reserved ports',
      code: kafka(l('External_1', 9090, 'internal', 'false') + l('metrics', 9404, 'internal', 'false')),
      errors: [
        { line: 9, column: 15, message: /^Listener name 'External_1' is invalid: use 1 to 11 lowercase letters and digits/ },
        { line: 10, column: 15, message: "Port 9090 of listener 'External_1' is not allowed: use 9092 or higher (e.g. 9092)." },
        { line: 14, column: 15, message: /^Port 9404 of listener 'metrics' is not allowed: use 9092 or higher; 9404 is reserved for Prometheus metrics/ },
      ],
    },
    {
      name: 'route without TLS: fix sets tls: true',
      code: kafka(l('external', 9094, 'route', 'false')),
      errors: [{ line: 12, column: 14, message: /^listener 'external' is of type route, which works only with TLS/ }],
      output: kafka(l('external', 9094, 'route', 'true')),
    },
    {
      name: 'ingress without tls key and hosts',
      code: kafka('      - name: ext\n        port: 9094\n        type: ingress\n'),
      errors: [
        { line: 11, column: 15, message: /^listener 'ext' is of type ingress, which works only with TLS/ },
        { line: 11, column: 15, message: "listener 'ext' of type ingress needs configuration.bootstrap.host, and configuration.hostTemplate or a host for every entry of configuration.brokers; the operator rejects it without." },
      ],
      output: kafka('      - name: ext\n        port: 9094\n        type: ingress\n        tls: true\n'),
    },
    {
      name: 'tlsroute without parentRefs',
      code: kafka(l('gw', 9095, 'tlsroute', 'true', INGRESS_CONF)),
      errors: [{ line: 11, column: 15, message: /needs configuration\.parentRefs/ }],
    },
    {
      name: 'TLS client authentication and custom certificate on a plain listener',
      code: kafka(
        l('plain', 9092, 'internal', 'false', '        authentication:\n          type: tls\n        configuration:\n          brokerCertChainAndKey:\n            secretName: s\n            certificate: c.crt\n            key: c.key\n'),
      ),
      errors: [
        { line: 14, column: 17, message: /^listener 'plain' uses TLS client authentication but has tls: false/ },
        { line: 16, column: 11, message: /^brokerCertChainAndKey sets the server certificate/ },
      ],
    },
  ],
});
