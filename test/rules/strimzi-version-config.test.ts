import rule from '../../src/core/rules/strimzi/strimzi-version-config';
import type { EngineOptions } from '../../src/core/engine';
import { ruleTester } from '../helpers/rule-tester';

const strimzi = (value: string): EngineOptions => ({ versions: { strimzi: { value, source: 'flag' } } });

const kafka = (kafkaBody: string, extra = '') => `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: my-cluster
${extra}spec:
  kafka:
${kafkaBody}`;

ruleTester(rule, {
  valid: [
    { name: 'matching metadataVersion', code: kafka('    version: 4.3.1\n    metadataVersion: 4.3-IV0\n') },
    { name: 'no metadataVersion', code: kafka('    version: 4.3.1\n') },
    { name: 'metadataVersion matches the operator default', code: kafka('    metadataVersion: 4.3-IV0\n') },
    {
      name: 'IBP on a ZooKeeper cluster (Strimzi 0.38) is still in use',
      code: kafka('    version: 3.6.0\n    config:\n      inter.broker.protocol.version: "3.6"\n      log.message.format.version: "3.6"\n'),
      options: strimzi('0.38.0'),
    },
    { name: 'malformed metadataVersion is left to the schema', code: kafka('    version: 4.3.1\n    metadataVersion: latest\n') },
  ],
  invalid: [
    {
      name: 'IBP in a KRaft cluster (the guide)',
      code: kafka('    version: 4.3.1\n    config:\n      min.insync.replicas: 2\n      inter.broker.protocol.version: "3.6"\n'),
      errors: [{ line: 10, column: 7, severity: 'warning', message: /^inter\.broker\.protocol\.version is not used in KRaft-based clusters/ }],
      output: kafka('    version: 4.3.1\n    config:\n      min.insync.replicas: 2\n'),
    },
    {
      name: 'log.message.format.version in a KRaft cluster on Strimzi 0.42 (annotated)',
      code: kafka('    version: 3.7.0\n    config:\n      log.message.format.version: "3.7"\n', '  annotations:\n    strimzi.io/kraft: enabled\n'),
      options: strimzi('0.42.0'),
      errors: [{ line: 11, column: 7, message: /^log\.message\.format\.version is not used in KRaft-based clusters.*Remove it\.$/ }],
      output: kafka('    version: 3.7.0\n    config:\n', '  annotations:\n    strimzi.io/kraft: enabled\n'),
    },
    {
      name: 'metadataVersion older than version: incomplete upgrade (suggestion only)',
      code: kafka('    version: 4.3.1\n    metadataVersion: 4.2-IV1\n'),
      errors: [{ line: 8, column: 22, message: /^metadataVersion 4\.2-IV1 is older than Kafka 4\.3\.1: the upgrade is incomplete.*set metadataVersion to 4\.3-IV0\.$/ }],
      output: null,
    },
    {
      name: 'metadataVersion newer than version',
      code: kafka('    version: 4.2.0\n    metadataVersion: 4.3-IV0\n'),
      errors: [{ line: 8, column: 22, message: /^metadataVersion 4\.3-IV0 is newer than Kafka 4\.2\.0; the operator ignores it.*Set it to 4\.2-IV1/ }],
    },
    {
      name: 'metadataVersion against the default Kafka version when version is unset',
      code: kafka('    metadataVersion: "3.9"\n'),
      errors: [{ line: 7, column: 22, message: /older than the operator's default Kafka 4\.3\.1/ }],
    },
  ],
});
