import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover, hoverForFindings, ruleDocsMarkdown } from '../../src/core/language/index';
import type { Finding } from '../../src/core/model';
import { ruleById } from '../../src/core/rules/index';
import { analyzeFile } from '../../src/core/source';
import { defaultSchemaStore } from '../../src/services/schemas';
import { PLAIN_LISTENER, smallKafka } from '../fixtures/cross/manifests';
import { at } from '../helpers/cursor';

const schemas = defaultSchemaStore();

function hoverAt(path: string, src: string) {
  const { text, pos } = at(src);
  return hover(analyzeFile(path, text), pos, { schemas });
}

function md(path: string, src: string): string {
  const h = hoverAt(path, src);
  assert.ok(h, `no hover in ${path}`);
  return h.markdown;
}

const KAFKA = smallKafka(`${PLAIN_LISTENER}    config:
      min.insync.replicas: 2
      listener.security.protocol.map: PLAINTEXT:PLAINTEXT
      zookeeper.connect: zk:2181
  entityOperator:
    topicOperator: {}
`);

function put(marker: string, replacement: string, text = KAFKA): string {
  assert.ok(text.includes(marker), marker);
  return text.replace(marker, replacement);
}

describe('hover on custom resource fields', () => {
  it('shows description, type, required and the schema origin', () => {
    const m = md('k.yaml', put('    listeners:', '    liste|ners:'));
    assert.match(m, /^\*\*listeners\*\* · `array of objects` · required/);
    assert.match(m, /Configures listeners/);
    assert.match(m, /\*Strimzi 1\.2\.0 · kafka\.strimzi\.io\/v1 Kafka\* · `spec\.kafka\.listeners`/);
  });
  it('on a value: the field with its enum values, and the range of the value', () => {
    const h = hoverAt('k.yaml', put('type: internal', 'type: inte|rnal'));
    assert.ok(h);
    assert.match(h.markdown, /Values: `internal`, `route`/);
    assert.match(h.markdown, /`spec\.kafka\.listeners\[0\]\.type`/);
    assert.deepEqual(h.range, { start: { line: 10, character: 14 }, end: { line: 10, character: 22 } });
  });
  it('names the legacy schema for a v1beta2 resource', () => {
    const m = md('k.yaml', put('kafka.strimzi.io/v1', 'kafka.strimzi.io/v1beta2').replace('    version:', '    vers|ion:'));
    assert.match(m, /Strimzi 0\.51\.0 · kafka\.strimzi\.io\/v1beta2 Kafka \(deprecated API version\)/);
  });
  it('Kafka version: the versions the target Strimzi supports', () => {
    const m = md('k.yaml', put('    version: 4.3.1', '    version: 4.|3.1'));
    assert.match(m, /Strimzi 1\.2\.0 supports Kafka `4\.2\.0`, `4\.2\.1`, `4\.3\.0`, `4\.3\.1` \(default `4\.3\.1`/);
  });
  it('Strimzi labels and annotations', () => {
    const t = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  labels:\n    strimzi.io/clu|ster: c\n  annotations:\n    strimzi.io/managed: "false"\n';
    assert.match(md('t.yaml', t), /^\*\*strimzi\.io\/cluster\*\* · Strimzi label\n\nThe name of the Kafka resource this KafkaTopic belongs to/);
    assert.match(md('t.yaml', t.replace('clu|ster', 'cluster').replace('strimzi.io/managed', 'strimzi.io/man|aged')), /^\*\*strimzi\.io\/managed\*\* · Strimzi annotation on KafkaTopic\n\nValues: `true`, `false`/);
  });
  it('KEDA fields come from the KEDA schema', () => {
    const m = md('s.yaml', 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: x\nspec:\n  cooldown|Period: 30\n');
    assert.match(m, /\*\*cooldownPeriod\*\* · `integer`/);
    assert.match(m, /KEDA 2\.20\.2 · keda\.sh\/v1alpha1 ScaledObject/);
  });
  it('nothing without a schema store, on unknown fields, blank lines or comments', () => {
    const { text, pos } = at(put('    listeners:', '    liste|ners:'));
    assert.equal(hover(analyzeFile('k.yaml', text), pos), undefined);
    assert.equal(hoverAt('k.yaml', put('    version: 4.3.1', '    versi|onz: 4.3.1')), undefined);
    assert.equal(hoverAt('k.yaml', put('  entityOperator:', '  |\n  entityOperator:')), undefined);
    assert.equal(hoverAt('k.yaml', put('  entityOperator:', '  # a co|mment\n  entityOperator:')), undefined);
    assert.equal(hoverAt('other.yaml', 'foo:\n  ba|r: 1\n'), undefined);
  });
});

describe('hover on Kafka config keys', () => {
  it('Strimzi Kafka config: broker role, target version from the manifest', () => {
    const m = md('k.yaml', put('min.insync.replicas', 'min.insync.rep|licas'));
    assert.match(m, /^\*\*min\.insync\.replicas\*\* · broker config/);
    assert.match(m, /Type: `int` · Default: `1` · Valid values: `\[1,\.\.\.\]` · Importance: high/);
    assert.match(m, /target Kafka 4\.3\.1/);
    assert.match(m, /\[Kafka documentation\]\(https:\/\/kafka\.apache\.org\/documentation\/#brokerconfigs_min\.insync\.replicas\)/);
  });
  it('says when Strimzi manages a key itself', () => {
    const m = md('k.yaml', put('listener.security', 'listener.secu|rity'));
    assert.match(m, /Managed by Strimzi/);
    assert.match(m, /`spec\.kafka\.config` is ignored/);
  });
  it('says when Kafka removed a key', () => {
    const m = md('k.yaml', put('zookeeper.connect:', 'zookeeper.con|nect:'));
    assert.match(m, /\*\*Removed\*\*/);
  });
  it('KafkaTopic config: topic role and the broker fallback', () => {
    const m = md('t.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  config: {retention.ms: 1000, cleanup.pol|icy: compact}\n');
    assert.match(m, /^\*\*cleanup\.policy\*\* · topic config/);
    assert.match(m, /`log\.cleanup\.policy`/);
  });
  it('.properties: the role from the file, default changes across versions', () => {
    const text = 'bootstrap.servers=localhost:9092\nac|ks=1\nlinger.ms=5\n';
    const m = md('producer.properties', text);
    assert.match(m, /^\*\*acks\*\* · producer config/);
    assert.match(m, /Default changed from `1` to `all` between Kafka 2\.8 and 3\.0/);
    const v = hoverAt('producer.properties', 'bootstrap.servers=localhost:9092\nacks=|1\n');
    assert.deepEqual(v?.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 6 } });
    assert.match(md('consumer.properties', 'group.i|d=orders\n'), /consumer config/);
  });
  it('the default for an older target Kafka version', () => {
    const { text, pos } = at('bootstrap.servers=x:9092\nlinger|.ms=5\n');
    const h = hover(analyzeFile('producer.properties', text), pos, { versions: { kafka: { value: '3.9.0', source: 'setting' } } });
    assert.match(h?.markdown ?? '', /Default changed from `0` to `5` between Kafka 3\.9 and 4\.1 — \*\*for Kafka 3\.9\.0 the default is `0`\*\*/);
    assert.doesNotMatch(md('producer.properties', 'bootstrap.servers=x:9092\nlinger|.ms=5\n'), /for Kafka/);
  });
  it('a key of another client role says so', () => {
    const m = md('producer.properties', 'bootstrap.servers=x:9092\ngroup.i|d=orders\n');
    assert.match(m, /^\*\*group\.id\*\* · consumer config\n\n\*\*Not a producer config\*\*/);
  });
  it('a generic client file lists every client role that documents the key', () => {
    const m = md('kafka.properties', 'bootstrap.serv|ers=localhost:9092\n');
    assert.match(m, /producer config, consumer config, admin client config/);
  });
  it('not in .properties files that are not Kafka configuration', () => {
    assert.equal(hoverAt('log4j.properties', 'log4j.root|Logger=INFO\n'), undefined);
  });
  it('Spring Boot YAML with relaxed names, and properties passthrough', () => {
    const y = 'spring:\n  kafka:\n    consumer:\n      enable-auto-com|mit: false\n      properties:\n        max.poll.records: 100\n';
    const m = md('application.yaml', y);
    assert.match(m, /^\*\*enable\.auto\.commit\*\* · consumer config/);
    assert.match(m, /Spring Boot property `spring\.kafka\.consumer\.enable-auto-commit` sets Kafka `enable\.auto\.commit`/);
    assert.match(md('application.yaml', y.replace('enable-auto-com|mit', 'enableAutoCommit').replace('max.poll', 'max.po|ll')), /^\*\*max\.poll\.records\*\* · consumer config/);
    assert.match(md('application.yml', y.replace('enable-auto-com|mit', 'enableAuto|Commit')), /enable\.auto\.commit/);
  });
  it('Spring Boot properties files', () => {
    const m = md('application.properties', 'spring.kafka.producer.properties.linger|.ms=5\n');
    assert.match(m, /^\*\*linger\.ms\*\* · producer config/);
    assert.doesNotMatch(m, /Spring Boot property/);
    assert.match(md('application-dev.properties', 'spring.kafka.bootstrap-serv|ers=x:9092\n'), /bootstrap\.servers/);
  });
});

describe('hover on KEDA kafka trigger parameters', () => {
  const SO = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: orders
spec:
  scaleTargetRef:
    name: orders
  triggers:
    - type: kafka
      metadata:
        bootstrapServers: my-cluster-kafka-bootstrap:9092
        consumerGroup: orders
        lagThreshold: "50"
    - type: cpu
      metadata:
        value: "50"
`;
  it('shows type, default, where it may be set and constraints', () => {
    const m = md('s.yaml', put('lagThreshold', 'lagThr|eshold', SO));
    assert.match(m, /^\*\*lagThreshold\*\* · KEDA `kafka` trigger parameter/);
    assert.match(m, /Default: `10`/);
    assert.match(m, /- Must be > 0\./);
    assert.match(m, /KEDA v2\.20\.2 kafka scaler/);
    assert.match(md('s.yaml', put('consumerGroup', 'consumer|Group', SO)), /Required/);
  });
  it('the trigger type', () => {
    const m = md('s.yaml', put('type: kafka', 'type: ka|fka', SO));
    assert.match(m, /^\*\*kafka\*\* · KEDA Kafka scaler\n/);
    assert.match(m, /\[KEDA documentation\]\(https:\/\/keda\.sh\/docs\/2\.20\/scalers\/apache-kafka\/\)/);
  });
  it('not on other trigger types', () => {
    const h = hoverAt('s.yaml', put('value: "50"', 'val|ue: "50"', SO));
    assert.ok(!h || !/KEDA `kafka`/.test(h.markdown));
  });
  it('TriggerAuthentication parameter names', () => {
    const ta = 'apiVersion: keda.sh/v1alpha1\nkind: TriggerAuthentication\nmetadata:\n  name: a\nspec:\n  secretTargetRef:\n    - parameter: sa|sl\n      name: s\n      key: k\n';
    assert.match(md('a.yaml', ta), /^\*\*sasl\*\* · KEDA `kafka` trigger parameter/);
  });
});

describe('hover on findings and rule docs', () => {
  const finding = (ruleId: string, line: number, s: number, e: number): Finding => ({
    ruleId,
    severity: 'warning',
    message: 'msg',
    file: 'p.properties',
    range: { start: { line, character: s }, end: { line, character: e } },
  });
  it('explains the rule of each finding under the cursor', () => {
    const h = hoverForFindings([finding('producer-acks-weak', 1, 0, 6), finding('syntax-error', 1, 0, 20), finding('producer-acks-weak', 1, 0, 6)], { line: 1, character: 3 });
    assert.ok(h);
    const meta = ruleById('producer-acks-weak')!.meta;
    assert.ok(h.markdown.includes(`**producer-acks-weak** — ${meta.description}`));
    assert.ok(h.markdown.includes(`**Why:** ${meta.why}`));
    assert.ok(h.markdown.includes(`**How to fix:** ${meta.howToFix}`));
    assert.ok(h.markdown.includes(meta.docsUrl));
    assert.equal(h.markdown.split('**producer-acks-weak**').length, 2, 'one block per rule');
    assert.match(h.markdown, /\*\*syntax-error\*\*/);
    assert.deepEqual(h.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
  });
  it('nothing away from findings, for suppressed findings or unknown rules', () => {
    assert.equal(hoverForFindings([finding('producer-acks-weak', 1, 0, 6)], { line: 2, character: 0 }), undefined);
    assert.equal(hoverForFindings([{ ...finding('producer-acks-weak', 1, 0, 6), suppressed: { kind: 'comment' } }], { line: 1, character: 1 }), undefined);
    assert.equal(hoverForFindings([finding('no-such-rule', 1, 0, 6)], { line: 1, character: 1 }), undefined);
  });
  it('renders a rule page', () => {
    const page = ruleDocsMarkdown(ruleById('producer-acks-weak')!);
    assert.match(page, /^# producer-acks-weak\n/);
    assert.match(page, /\*\*Why:\*\*/);
    assert.match(page, /## Configure/);
    assert.match(page, /kafka-k8s-disable-next-line producer-acks-weak/);
  });
});
