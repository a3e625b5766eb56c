import rule from '../../src/core/rules/keda/keda-kafka-auth-config';
import { kedaScaledObject } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

/** A ScaledObject whose trigger metadata entries start on line 11, column 9; `extra` goes under the trigger. */
const so = (meta: string[], extra: string[] = [], type = 'kafka'): string => kedaScaledObject({ type, meta, extra });

const BASE = ['bootstrapServers: my-cluster-kafka-bootstrap:9093', 'consumerGroup: g', 'topic: t'];
const REF = ['authenticationRef:', '  name: kafka-auth'];

ruleTester(rule, {
  valid: [
    { code: so([...BASE]) },
    { code: so([...BASE, 'sasl: scram_sha512', 'tls: enable'], REF) },
    { code: so([...BASE, 'sasl: none']) },
    { code: so([...BASE, 'unsafeSsl: "false"']) },
    { name: 'apache-kafka with a TriggerAuthentication', code: so([...BASE, 'sasl: plaintext'], REF, 'apache-kafka') },
  ],
  invalid: [
    {
      name: 'credentials in metadata',
      code: so([...BASE, 'username: alice', 'password: s3cret'], REF),
      errors: [
        { line: 14, column: 9, message: 'username in trigger metadata is ignored: the kafka scaler reads it only from a TriggerAuthentication (authenticationRef).', severity: 'warning' },
        { line: 15, column: 9, message: /password in trigger metadata is ignored.*Keep secrets out of the manifest/ },
      ],
      output: null,
    },
    {
      name: 'certificates in metadata',
      code: so([...BASE, 'ca: ca.crt', 'keyPassword: ""']),
      errors: [{ line: 14, column: 9, message: /^ca in trigger metadata is ignored/ }, { line: 15, column: 9, message: /^keyPassword in/ }],
    },
    {
      name: 'sasl without authenticationRef',
      code: so([...BASE, 'sasl: scram_sha512']),
      errors: [{ line: 14, column: 15, message: /sasl "scram_sha512" needs credentials, but triggers\[0\] has no authenticationRef/ }],
    },
    {
      name: 'unsafeSsl',
      code: so([...BASE, 'tls: enable', 'unsafeSsl: "true"'], REF),
      errors: [{ line: 15, column: 20, message: /skips verification of the broker certificate/ }],
    },
    {
      name: 'ScaledJob, error by override',
      code: so([...BASE, 'unsafeSsl: "t"']).replace('kind: ScaledObject', 'kind: ScaledJob'),
      options: { rules: { 'keda-kafka-auth-config': 'error' } },
      errors: [{ line: 14, column: 20, severity: 'error' }],
    },
  ],
});
