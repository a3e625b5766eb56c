import rule from '../../src/core/rules/keda/keda-kafka-invalid-metadata';
import { kedaScaledObject } from '../fixtures/cross/manifests';
import { ruleTester } from '../helpers/rule-tester';

/** A ScaledObject whose first trigger's metadata entries start on line 11, column 9. */
const so = (meta: string[], type = 'kafka'): string => kedaScaledObject({ type, meta });

const BS = 'bootstrapServers: my-cluster-kafka-bootstrap.kafka.svc:9092';
const CG = 'consumerGroup: orders';
const base = (...more: string[]) => so([BS, CG, 'topic: orders', ...more]);

/** The same ScaledObject with `authenticationRef: {name: kafka-auth}` after the metadata. */
const withRef = (meta: string[], type = 'kafka') => so(meta, type) + '      authenticationRef:\n        name: kafka-auth\n';

/** A TriggerAuthentication `kafka-auth` whose secretTargetRef parameters start on line 7. */
function ta(params: string[]): string {
  return [
    'apiVersion: keda.sh/v1alpha1',
    'kind: TriggerAuthentication',
    'metadata:',
    '  name: kafka-auth',
    'spec:',
    '  secretTargetRef:',
    ...params.flatMap((p) => [`    - parameter: ${p}`, '      name: orders-user', `      key: ${p}`]),
    '',
  ].join('\n');
}

ruleTester(rule, {
  valid: [
    { code: base('lagThreshold: "50"', 'activationLagThreshold: "0"', 'offsetResetPolicy: earliest', 'allowIdleConsumers: "false"') },
    { code: base('limitToPartitionsWithLag: "true"', 'allowIdleConsumers: "false"', 'partitionLimitation: "0, 2, 10-20"') },
    { code: base('ensureEvenDistributionOfPartitions: "TRUE"', 'excludePersistentLag: "1"', 'scaleToZeroOnInvalidOffset: "f"') },
    { code: base('sasl: scram_sha512', 'tls: enable', 'version: "3.6.0"', 'unsafeSsl: "false"') },
    { name: 'FromEnv variants', code: so(['bootstrapServersFromEnv: KAFKA_BOOTSTRAP', 'consumerGroupFromEnv: KAFKA_GROUP', 'topicFromEnv: KAFKA_TOPIC', 'limitToPartitionsWithLag: "true"']) },
    { name: 'apache-kafka with several topics', code: so([BS, CG, 'topic: a,b', 'sasl: aws_msk_iam', 'awsRegion: eu-west-1', 'tls: enable'], 'apache-kafka') },
    { name: 'apache-kafka: no even-distribution validation', code: so([BS, CG, 'limitToPartitionsWithLag: "true"', 'ensureEvenDistributionOfPartitions: "true"', 'topic: t'], 'apache-kafka') },
    { name: 'auth parameters are left to keda-kafka-auth-config', code: base('username: alice', 'password: secret') },
    { name: 'unquoted number is left to the schema pass', code: base('lagThreshold: 50') },
    { name: 'MSK IAM on the kafka trigger', code: base('sasl: oauthbearer', 'saslTokenProvider: aws_msk_iam', 'awsRegion: us-east-1', 'tls: enable') },
    { name: 'fullMetadata on KEDA 2.21 with topic', code: base('fullMetadata: "false"'), options: { versions: { keda: { value: '2.21', source: 'flag' } } } },
    { name: 'metricType Value', code: base() + '      metricType: Value\n' },
    { name: 'not a kafka trigger', code: so(['lagThreshold: nope'], 'rabbitmq') },
    { name: 'SCRAM with a complete TriggerAuthentication', files: { 'so.yaml': withRef([BS, CG, 'topic: t', 'sasl: scram_sha512', 'tls: enable']), 'auth.yaml': ta(['username', 'password', 'ca']) } },
    { name: 'mTLS with cert and key', files: { 'so.yaml': withRef([BS, CG, 'topic: t', 'tls: enable']), 'auth.yaml': ta(['ca', 'cert', 'key']) } },
    { name: 'TriggerAuthentication not in the workspace', code: withRef([BS, CG, 'topic: t', 'sasl: scram_sha512']) },
  ],
  invalid: [
    {
      name: 'lagThreshold not a number',
      code: base('lagThreshold: "fifty"'),
      errors: [{ line: 14, column: 23, endColumn: 30, message: 'lagThreshold must be a whole number, not "fifty"; KEDA fails to parse it and the trigger errors.', severity: 'error' }],
      output: null,
    },
    {
      name: 'lagThreshold 0',
      code: base('lagThreshold: "0"'),
      errors: [{ line: 14, column: 23, message: /greater than 0/ }],
    },
    {
      name: 'lagThreshold with a decimal point gets a fix',
      code: base("lagThreshold: '100.0'"),
      errors: [{ line: 14, column: 23, message: /whole number/ }],
      output: base("lagThreshold: '100'"),
    },
    {
      name: 'negative activationLagThreshold',
      code: base('activationLagThreshold: "-5"'),
      errors: [{ line: 14, column: 33, message: /0 or more/ }],
      output: base('activationLagThreshold: "0"'),
    },
    {
      name: 'Go ParseBool does not accept yes',
      code: base('allowIdleConsumers: "yes"'),
      errors: [{ line: 14, column: 29, message: /must be "true" or "false", not "yes"/ }],
      output: null,
    },
    {
      name: 'enum with wrong case gets a fix',
      code: base('offsetResetPolicy: Earliest'),
      errors: [{ line: 14, column: 28, message: 'offsetResetPolicy "Earliest" is not one of "latest" or "earliest".' }],
      output: base('offsetResetPolicy: earliest'),
    },
    {
      name: 'SASL mechanism written the Kafka way',
      code: base('sasl: "SCRAM-SHA-512"'),
      errors: [{ line: 14, column: 15, message: /is not one of "none", "plaintext", "scram_sha256", "scram_sha512", "oauthbearer" or "gssapi"/ }],
      output: base('sasl: "scram_sha512"'),
    },
    {
      name: 'tls true instead of enable',
      code: base('tls: "true"'),
      errors: [{ line: 14, column: 14, message: /tls "true" is not one of "enable" or "disable"/ }],
      output: null,
    },
    {
      name: 'apache-kafka does not take oauthbearer',
      code: so([BS, CG, 'topic: t', 'sasl: oauthbearer'], 'apache-kafka'),
      errors: [{ line: 14, column: 15, message: /does not support OAUTHBEARER/ }],
    },
    {
      name: 'unknown key with one close match',
      code: base('lagThreshhold: "50"'),
      errors: [{ line: 14, column: 9, message: "Unknown kafka trigger parameter 'lagThreshhold'; KEDA ignores it. Did you mean 'lagThreshold'?", severity: 'warning' }],
      output: base('lagThreshold: "50"'),
    },
    {
      name: 'wrong case is a different key for KEDA',
      code: base('offsetresetpolicy: earliest'),
      errors: [{ line: 14, column: 9, message: /Did you mean 'offsetResetPolicy'\?/ }],
      output: base('offsetResetPolicy: earliest'),
    },
    {
      name: 'legacy brokerList',
      code: so(['brokerList: my-cluster-kafka-bootstrap:9092', CG, 'topic: t']),
      errors: [
        { line: 10, column: 7, message: /has no bootstrapServers/ },
        { line: 11, column: 9, message: /Did you mean 'bootstrapServers'\?/ },
      ],
      output: so(['bootstrapServers: my-cluster-kafka-bootstrap:9092', CG, 'topic: t']),
    },
    {
      name: 'kafka-only parameter on apache-kafka',
      code: so([BS, CG, 'topic: t', 'version: "3.6.0"'], 'apache-kafka'),
      errors: [{ line: 14, column: 9, message: 'version is a parameter of the kafka trigger; the apache-kafka trigger ignores it.', severity: 'warning' }],
    },
    {
      name: 'allowIdleConsumers with limitToPartitionsWithLag',
      code: base('allowIdleConsumers: "true"', 'limitToPartitionsWithLag: "true"'),
      errors: [{ line: 15, column: 35, message: /cannot be combined with allowIdleConsumers/, severity: 'error' }],
      output: null,
    },
    {
      name: 'even distribution with limitToPartitionsWithLag',
      code: base('limitToPartitionsWithLag: "true"', 'ensureEvenDistributionOfPartitions: "true"'),
      errors: [{ line: 14, column: 35, message: /cannot be combined with ensureEvenDistributionOfPartitions/ }],
    },
    {
      name: 'flags that need a topic',
      code: so([BS, CG, 'limitToPartitionsWithLag: "true"', 'ensureEvenDistributionOfPartitions: "false"']),
      errors: [{ line: 13, column: 35, message: /limitToPartitionsWithLag needs a topic/ }],
    },
    {
      name: 'even distribution needs a topic',
      code: so([BS, CG, 'ensureEvenDistributionOfPartitions: "true"']),
      errors: [{ line: 13, column: 45, message: /ensureEvenDistributionOfPartitions needs a topic/ }],
    },
    {
      name: 'bad partition list',
      code: base('partitionLimitation: "1,2,x-4"'),
      errors: [{ line: 14, column: 30, message: /item "x-4" is neither/ }],
    },
    {
      name: 'partitionLimitation without topic is ignored',
      code: so([BS, CG, 'partitionLimitation: "1,2"']),
      errors: [{ line: 13, column: 9, message: /ignored without a topic/, severity: 'warning' }],
    },
    {
      name: 'bad sarama version',
      code: base('version: "3.6"'),
      errors: [{ line: 14, column: 18, message: /version "3.6" is not a Kafka version/ }],
    },
    {
      name: 'several topics on the kafka trigger',
      code: so([BS, CG, 'topic: orders,payments']),
      errors: [{ line: 13, column: 16, message: /takes one topic/ }],
    },
    {
      name: 'parameter newer than the target KEDA',
      code: base('ensureEvenDistributionOfPartitions: "true"'),
      options: { versions: { keda: { value: '2.17', source: 'flag' } } },
      errors: [{ line: 14, column: 9, message: 'ensureEvenDistributionOfPartitions is only read from KEDA 2.18; KEDA 2.17 ignores it.', severity: 'warning' }],
    },
    {
      name: 'fullMetadata before KEDA 2.21',
      code: base('fullMetadata: "false"'),
      errors: [{ line: 14, column: 9, message: /only read from KEDA 2.21; KEDA 2.20 ignores it/, severity: 'warning' }],
    },
    {
      name: 'fullMetadata false without topic on KEDA 2.21',
      code: so([BS, CG, 'fullMetadata: "false"']),
      options: { versions: { keda: { value: '2.21.0', source: 'config' } } },
      errors: [{ line: 13, column: 23, message: /fullMetadata: "false" needs a topic/, severity: 'error' }],
    },
    {
      name: 'MSK IAM without region and with tls disabled',
      code: base('sasl: oauthbearer', 'saslTokenProvider: aws_msk_iam', 'tls: disable'),
      errors: [
        { line: 15, column: 28, message: /needs awsRegion/ },
        { line: 16, column: 14, message: /needs tls: "enable"/ },
      ],
      output: base('sasl: oauthbearer', 'saslTokenProvider: aws_msk_iam', 'tls: enable'),
    },
    {
      name: 'missing bootstrapServers',
      code: so([CG, 'topic: t']),
      errors: [{ line: 10, column: 7, message: /triggers\[0\] \(kafka\) has no bootstrapServers; KEDA needs it/ }],
    },
    {
      name: 'broker without port',
      code: so(['bootstrapServers: "my-cluster-kafka-bootstrap.kafka.svc:9092, other"', CG, 'topic: t']),
      errors: [{ line: 11, column: 27, message: /Broker address "other" has no port/, severity: 'warning' }],
    },
    {
      name: 'TriggerAuthentication with cert but no key',
      files: { 'so.yaml': withRef([BS, CG, 'topic: t', 'tls: enable']), 'auth.yaml': ta(['ca', 'cert']) },
      errors: [{ line: 16, column: 15, message: /TriggerAuthentication\/kafka-auth provides cert but no key.*user\.key/, relatedFiles: ['auth.yaml'] }],
    },
    {
      name: 'SCRAM without password in the TriggerAuthentication',
      files: { 'so.yaml': withRef([BS, CG, 'topic: t', 'sasl: scram_sha512']), 'auth.yaml': ta(['username']) },
      errors: [{ line: 14, column: 15, message: `sasl "scram_sha512" needs 'username' and 'password' from the TriggerAuthentication, but TriggerAuthentication/kafka-auth has no 'password' parameter; KEDA rejects the trigger.` }],
    },
    {
      name: 'apache-kafka: sasl in both places',
      files: { 'so.yaml': withRef([BS, CG, 'topic: t', 'sasl: plaintext'], 'apache-kafka'), 'auth.yaml': ta(['sasl', 'username', 'password']) },
      errors: [{ line: 14, column: 9, message: /sasl is set both here and in TriggerAuthentication\/kafka-auth/, relatedFiles: ['auth.yaml'] }],
    },
    {
      name: 'metricType Utilization',
      code: base() + '      metricType: Utilization\n',
      errors: [{ line: 14, column: 19, message: /metricType Utilization is not supported by the Kafka scalers/ }],
      output: base() + '      metricType: AverageValue\n',
    },
    {
      name: 'severity override turns errors into warnings',
      code: base('lagThreshold: "-1"'),
      options: { rules: { 'keda-kafka-invalid-metadata': 'warning' } },
      errors: [{ line: 14, column: 23, severity: 'warning' }],
    },
  ],
});
