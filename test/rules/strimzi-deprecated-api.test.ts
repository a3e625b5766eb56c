import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../src/core/rules/strimzi/strimzi-deprecated-api';
import type { EngineOptions } from '../../src/core/engine';
import { PLAIN_LISTENER, smallTopic } from '../fixtures/cross/manifests';
import { lintCase, ruleTester } from '../helpers/rule-tester';

const strimzi = (value: string): EngineOptions => ({ versions: { strimzi: { value, source: 'flag' } } });

const topic = (apiVersion: string) => smallTopic(apiVersion);

const kafka = (apiVersion: string, kafkaBody: string) => `apiVersion: ${apiVersion}
kind: Kafka
metadata:
  name: my-cluster
spec:
  kafka:
    version: 4.1.0
${kafkaBody}`;

const user = (apiVersion: string, acl: string) => `apiVersion: ${apiVersion}
kind: KafkaUser
metadata:
  name: app
  labels:
    strimzi.io/cluster: my-cluster
spec:
  authentication:
    type: tls
  authorization:
    type: simple
    acls:
      - resource:
          type: topic
          name: orders
${acl}`;

ruleTester(rule, {
  valid: [
    { name: 'v1 topic', code: topic('kafka.strimzi.io/v1') },
    { name: 'v1beta2 topic before v1 existed (0.48)', code: topic('kafka.strimzi.io/v1beta2'), options: strimzi('0.48.0') },
    { name: 'v1 Kafka with listeners', code: kafka('kafka.strimzi.io/v1', PLAIN_LISTENER) },
    { name: 'v1 user with operations', code: user('kafka.strimzi.io/v1', '        operations: [Read]\n') },
    { name: 'legacy replicas before node pools', code: kafka('kafka.strimzi.io/v1beta2', '    replicas: 3\n' + PLAIN_LISTENER), options: strimzi('0.45.0') },
    { name: 'not a Strimzi resource', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' },
  ],
  invalid: [
    {
      name: 'v1beta2 topic on Strimzi 1.2.0: error, fix to v1',
      code: topic('kafka.strimzi.io/v1beta2'),
      errors: [
        {
          line: 1,
          column: 13,
          severity: 'error',
          message: 'kafka.strimzi.io/v1beta2 was removed in Strimzi 1.0; Strimzi 1.2.0 serves only kafka.strimzi.io/v1. Nothing else in this resource needs to change. Assumes Strimzi 1.2.0; set versions.strimzi in .kafka-k8s.yaml to match your operator.',
        },
      ],
      output: topic('kafka.strimzi.io/v1'),
    },
    {
      name: 'v1alpha1 topic on 0.50: info',
      code: topic('kafka.strimzi.io/v1alpha1'),
      options: strimzi('0.50.0'),
      errors: [{ line: 1, column: 13, severity: 'info', message: /^kafka\.strimzi\.io\/v1alpha1 is deprecated in Strimzi 0\.50\.0 \(removed in 1\.0\); kafka\.strimzi\.io\/v1 is available\./ }],
      output: topic('kafka.strimzi.io/v1'),
    },
    {
      name: 'v1beta2 Kafka with fields v1 dropped: no automatic fix, plus field warnings',
      code: kafka('kafka.strimzi.io/v1beta2', '    replicas: 3\n    storage:\n      type: ephemeral\n' + PLAIN_LISTENER),
      errors: [
        { line: 1, column: 13, severity: 'error', message: /Before switching, change what v1 no longer has: spec\.kafka\.replicas, spec\.kafka\.storage\. Assumes/ },
        { line: 8, column: 5, severity: 'warning', message: /^spec\.kafka\.replicas is ignored: each KafkaNodePool sets its own replicas \(node pools are always used since Strimzi 0\.46\)/ },
        { line: 9, column: 5, severity: 'warning', message: /^spec\.kafka\.storage is ignored/ },
      ],
      output: null,
    },
    {
      name: 'replicas in a v1 Kafka: error',
      code: kafka('kafka.strimzi.io/v1', '    replicas: 3\n' + PLAIN_LISTENER),
      errors: [{ line: 8, column: 5, severity: 'error', message: /the field does not exist in kafka\.strimzi\.io\/v1/ }],
    },
    {
      name: 'resources, oauth and ingress on 0.51',
      code: kafka(
        'kafka.strimzi.io/v1',
        '    resources:\n      requests:\n        memory: 4Gi\n    listeners:\n      - name: ext\n        port: 9094\n        type: ingress\n        tls: true\n        authentication:\n          type: oauth\n',
      ),
      options: strimzi('0.51.0'),
      errors: [
        { line: 8, column: 5, severity: 'error', message: /^spec\.kafka\.resources is not part of kafka\.strimzi\.io\/v1/ },
        { line: 14, column: 15, severity: 'warning', message: /ingress listener type .* deprecated since Strimzi 0\.51/ },
        { line: 17, column: 17, severity: 'error', message: /^OAuth authentication on listener 'ext' is not available in kafka\.strimzi\.io\/v1/ },
      ],
    },
    {
      name: 'keycloak authorization in v1beta2 on 0.49: warning',
      code: kafka('kafka.strimzi.io/v1beta2', '    authorization:\n      type: keycloak\n' + PLAIN_LISTENER),
      options: strimzi('0.49.0'),
      errors: [
        { line: 1, column: 13, severity: 'info', message: /spec\.kafka\.authorization\.type: keycloak/ },
        { line: 9, column: 13, severity: 'warning', message: /^Keycloak authorization is deprecated since Strimzi 0\.49/ },
      ],
    },
    {
      name: 'KafkaUser acls[].operation: fix rewrites to operations',
      code: user('kafka.strimzi.io/v1', '        operation: Read\n'),
      errors: [{ line: 16, column: 9, severity: 'error', message: 'acls[].operation is not part of kafka.strimzi.io/v1. Use operations: [Read].' }],
      output: user('kafka.strimzi.io/v1', '        operations: [Read]\n'),
    },
    {
      name: 'v1beta2 KafkaUser with operation on 1.2.0: first the ACL fix, then the apiVersion can change',
      code: user('kafka.strimzi.io/v1beta2', '        operation: Read\n'),
      errors: [
        { line: 1, column: 13, severity: 'error', message: /change what v1 no longer has: spec\.authorization\.acls\[0\]\.operation, spec\.authorization\.acls\[0\]\.operations \(required in v1\)\. Assumes/ },
        { line: 16, column: 9, severity: 'warning', message: /^acls\[\]\.operation is deprecated since Strimzi 0\.49/ },
      ],
      output: user('kafka.strimzi.io/v1beta2', '        operations: [Read]\n'),
    },
    {
      name: 'KafkaConnect v1beta2 on 0.50: group and internal topics in spec.config are deprecated',
      code: 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnect\nmetadata:\n  name: c\nspec:\n  replicas: 1\n  bootstrapServers: b:9092\n  config:\n    group.id: connect\n    offset.storage.topic: offsets\n    key.converter: x\n',
      options: strimzi('0.50.0'),
      errors: [
        { line: 1, column: 13, severity: 'info', message: /spec\.configStorageTopic \(required in v1\)/ },
        { line: 9, column: 5, severity: 'warning', message: 'group.id in spec.config is deprecated since Strimzi 0.49: kafka.strimzi.io/v1 requires spec.groupId instead and ignores the key. Move the value to spec.groupId.' },
        { line: 10, column: 5, severity: 'warning', message: /^offset\.storage\.topic .* spec\.offsetStorageTopic/ },
      ],
    },
    {
      name: 'KafkaMirrorMaker after 0.46',
      code: 'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaMirrorMaker\nmetadata:\n  name: mm\nspec:\n  replicas: 1\n',
      errors: [{ line: 2, column: 7, severity: 'error', message: /^KafkaMirrorMaker \(MirrorMaker 1\) was removed in Strimzi 0\.46/ }],
    },
  ],
});

it('offers the apiVersion rewrite as a suggestion when other fields block it', () => {
  const { findings } = lintCase({ code: kafka('kafka.strimzi.io/v1beta2', '    replicas: 3\n' + PLAIN_LISTENER) });
  const f = findings.find((x) => x.ruleId === rule.meta.id && x.range.start.line === 0)!;
  assert.equal(f.fix, undefined);
  assert.equal(f.suggestions?.[0].edits[0].newText, 'kafka.strimzi.io/v1');
});
