import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete, hover, type CompletionItem } from '../../src/core/language/index';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspace';
import { defaultSchemaStore } from '../../src/services/schemas';
import { PLAIN_LISTENER, smallKafka } from '../fixtures/cross/manifests';
import { at } from '../helpers/cursor';

const schemas = defaultSchemaStore();

/** Items sorted as the editor shows them (by sortText, then label). */
function items(path: string, src: string): CompletionItem[] {
  const { text, pos } = at(src);
  return complete(analyzeFile(path, text), pos, { schemas }).sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : a.label < b.label ? -1 : 1));
}

function labels(path: string, src: string): string[] {
  return items(path, src).map((i) => i.label);
}

function item(path: string, src: string, label: string): CompletionItem {
  const it = items(path, src).find((i) => i.label === label);
  assert.ok(it, `no item ${label}`);
  return it;
}

const KAFKA = smallKafka(`${PLAIN_LISTENER}    config:
      min.insync.replicas: 2
  entityOperator:
    topicOperator: {}
`);

function put(marker: string, replacement: string, text = KAFKA): string {
  assert.ok(text.includes(marker), marker);
  return text.replace(marker, replacement);
}

describe('completion of custom resource fields', () => {
  it('offers the fields not yet present, with a snippet shaped by the type', () => {
    const src = put('        tls: false\n', '        tls: false\n        |\n');
    const l = labels('k.yaml', src);
    assert.ok(l.includes('authentication') && l.includes('configuration'));
    for (const present of ['name', 'port', 'type', 'tls']) assert.ok(!l.includes(present), present);
    const auth = item('k.yaml', src, 'authentication');
    assert.deepEqual([auth.insertText, auth.isSnippet, auth.kind, auth.detail], ['authentication:\n  $0', true, 'property', 'object']);
    assert.deepEqual(auth.range, { start: { line: 12, character: 8 }, end: { line: 12, character: 8 } });
    assert.equal(item('k.yaml', src, 'networkPolicyPeers').insertText, 'networkPolicyPeers:\n  - $0');
  });
  it('puts required fields first and offers enum choices', () => {
    const src = put('    version: 4.3.1\n    listeners:', '    version: 4.3.1\n    |\n    listners:');
    const first = items('k.yaml', src)[0];
    assert.equal(first.label, 'listeners');
    assert.match(first.detail ?? '', /required/);
    const lis = put('        tls: false\n', '        tls: false\n      - |\n');
    assert.equal(item('k.yaml', lis, 'type').insertText, 'type: ${1|internal,route,tlsroute,loadbalancer,nodeport,ingress,cluster-ip|}');
    assert.equal(item('k.yaml', lis, 'tls').insertText, 'tls: ${1|true,false|}');
    assert.ok(items('k.yaml', lis).slice(0, 4).every((i) => /required/.test(i.detail ?? '')), 'name, port, type, tls are required');
  });
  it('inserts only the key when a colon follows (renaming a key)', () => {
    const it = item('k.yaml', put('    version: 4.3.1', '    ver|sion: 4.3.1'), 'metadataVersion');
    assert.deepEqual([it.insertText, it.isSnippet], ['metadataVersion', false]);
    assert.deepEqual(it.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 11 } });
  });
  it('offers enum values and booleans for values', () => {
    assert.deepEqual(labels('k.yaml', put('type: internal', 'type: |')).slice(0, 3), ['internal', 'route', 'tlsroute']);
    assert.deepEqual(labels('k.yaml', put('tls: false', 'tls: |')).sort(), ['false', 'true']);
    const v = items('k.yaml', put('tls: false', 'tls:|'));
    assert.deepEqual(v.map((i) => i.insertText).sort(), [' false', ' true']);
  });
  it('offers Kubernetes metadata fields, the cluster label and Strimzi annotations', () => {
    const topic = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  |\nspec:\n  partitions: 3\n';
    const l = labels('t.yaml', topic);
    assert.ok(l.includes('labels') && l.includes('namespace') && !l.includes('name'));
    const lab = put('  |\n', '  labels:\n    |\n', topic);
    assert.equal(labels('t.yaml', lab)[0], 'strimzi.io/cluster');
    const ann = put('  |\n', '  annotations:\n    |\n', topic);
    assert.deepEqual(labels('t.yaml', ann).sort(), ['strimzi.io/managed', 'strimzi.io/pause-reconciliation']);
    assert.equal(item('t.yaml', ann, 'strimzi.io/managed').insertText, 'strimzi.io/managed: ${1|"true","false"|}');
  });
  it('nothing without a schema store or for unknown kinds', () => {
    const { text, pos } = at(put('        tls: false\n', '        tls: false\n        |\n'));
    assert.deepEqual(complete(analyzeFile('k.yaml', text), pos), []);
    assert.deepEqual(labels('x.yaml', 'apiVersion: example.com/v1\nkind: Thing\nspec:\n  |\n'), []);
  });
});

describe('completion of Kafka config keys', () => {
  it('Strimzi Kafka config: broker keys, without forbidden or present ones, important first', () => {
    const src = put('      min.insync.replicas: 2\n', '      min.insync.replicas: 2\n      |\n');
    const l = labels('k.yaml', src);
    assert.ok(l.includes('default.replication.factor') && l.includes('auto.create.topics.enable'));
    for (const no of ['min.insync.replicas', 'listeners', 'ssl.keystore.location', 'node.id', 'process.roles']) assert.ok(!l.includes(no), no);
    assert.ok(items('k.yaml', src).slice(0, 20).every((i) => / · high/.test(i.detail ?? '')), 'high-importance keys first');
    const ac = item('k.yaml', src, 'auto.create.topics.enable');
    assert.equal(ac.insertText, 'auto.create.topics.enable: ${1|true,false|}');
    assert.match(ac.documentation ?? '', /broker config/);
  });
  it('KafkaConnect config: worker keys without those Strimzi manages', () => {
    const l = labels('c.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata:\n  name: c\nspec:\n  config:\n    |\n');
    assert.ok(l.includes('config.storage.replication.factor') && l.includes('key.converter'));
    for (const no of ['group.id', 'bootstrap.servers', 'ssl.keystore.location', 'plugin.path']) assert.ok(!l.includes(no), no);
  });
  it('KafkaTopic config in a flow map: topic keys and values', () => {
    const t = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  config: {retention.ms: 1000, |}\n';
    const l = labels('t.yaml', t);
    assert.ok(l.includes('cleanup.policy') && !l.includes('retention.ms') && !l.includes('acks') && !l.includes('num.partitions'));
    assert.equal(item('t.yaml', t, 'cleanup.policy').insertText, 'cleanup.policy: ${1|compact,delete,"compact\\,delete"|}', 'quoted inside a flow map');
    const v = items('t.yaml', put('|}', 'cleanup.policy: |}', t));
    assert.deepEqual(v.map((i) => [i.label, i.insertText]), [['delete', 'delete'], ['compact', 'compact'], ['compact,delete', '"compact,delete"']]);
    const block = items('t.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  config:\n    cleanup.policy: |\n');
    assert.equal(block[2].insertText, 'compact,delete', 'plain in block style');
    assert.equal(v[0].detail, 'default');
  });
  it('.properties: keys for the file role, never present ones; values', () => {
    const p = 'bootstrap.servers=localhost:9092\nacks=all\n|\n';
    const l = labels('producer.properties', p);
    assert.ok(l.includes('linger.ms') && l.includes('compression.type'));
    assert.ok(!l.includes('acks') && !l.includes('bootstrap.servers') && !l.includes('group.id'));
    const ct = item('producer.properties', p, 'compression.type');
    assert.equal(ct.insertText, 'compression.type=${1|none,gzip,snappy,lz4,zstd|}');
    assert.ok(labels('consumer.properties', 'bootstrap.servers=x:9092\n|\n').includes('group.id'));
    const vals = items('producer.properties', 'acks=|\n');
    assert.deepEqual(vals.map((i) => i.label), ['all', '-1', '0', '1']);
    assert.deepEqual(vals[0].range, { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } });
    const spaced = items('producer.properties', 'compression.type = |\n');
    assert.equal(spaced[0].range.start.character, 19);
    assert.ok(spaced[0].range.end.character >= spaced[0].range.start.character);
  });
  it('.properties: typing over an existing key replaces the key only', () => {
    const it = item('producer.properties', 'bootstrap.servers=x:9092\nling|er.ms=5\n', 'linger.ms');
    assert.deepEqual([it.insertText, it.isSnippet], ['linger.ms', false]);
    assert.deepEqual(it.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
  });
  it('nothing in comments, continuation lines or non-Kafka properties', () => {
    assert.deepEqual(labels('producer.properties', '# acks|\n'), []);
    assert.deepEqual(labels('producer.properties', 'sasl.jaas.config=a \\\n  |\n'), []);
    assert.deepEqual(labels('log4j.properties', 'log4j.rootLogger=INFO\n|\n'), []);
  });
});

describe('completion of KEDA kafka trigger metadata', () => {
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
        topic: orders
        |
`;
  it('keys: required first, metadata parameters only, present ones left out', () => {
    const l = labels('s.yaml', SO);
    assert.deepEqual(l.slice(0, 2), ['bootstrapServers', 'consumerGroup']);
    assert.ok(l.includes('lagThreshold') && l.includes('offsetResetPolicy'));
    for (const no of ['topic', 'username', 'password', 'ca']) assert.ok(!l.includes(no), no);
    assert.equal(item('s.yaml', SO, 'offsetResetPolicy').insertText, 'offsetResetPolicy: ${1|"latest","earliest"|}');
    assert.match(item('s.yaml', SO, 'lagThreshold').documentation ?? '', /Must be > 0/);
  });
  it('values are quoted strings (trigger metadata is a map of strings)', () => {
    const v = items('s.yaml', put('        |\n', '        allowIdleConsumers: |\n', SO));
    assert.deepEqual(v.map((i) => i.insertText), ['"false"', '"true"']);
    assert.deepEqual(labels('s.yaml', put('        |\n', '        offsetResetPolicy: |\n', SO)), ['latest', 'earliest']);
    const inQuotes = items('s.yaml', put('        |\n', '        allowIdleConsumers: "t|"\n', SO));
    assert.deepEqual(inQuotes.map((i) => i.insertText), ['false', 'true']);
    assert.deepEqual(inQuotes[0].range, { start: { line: 11, character: 29 }, end: { line: 11, character: 30 } });
  });
  it('trigger types', () => {
    const t = items('s.yaml', put('type: kafka', 'type: |', SO));
    assert.deepEqual(t.map((i) => [i.label, i.detail]), [['kafka', 'KEDA Kafka scaler'], ['apache-kafka', 'KEDA Kafka scaler (experimental)']]);
  });
  it('other trigger types get no kafka parameters', () => {
    assert.deepEqual(labels('s.yaml', put('type: kafka', 'type: cpu', SO)), []);
  });
  it('TriggerAuthentication parameter names, without those already used', () => {
    const ta = 'apiVersion: keda.sh/v1alpha1\nkind: TriggerAuthentication\nmetadata:\n  name: a\nspec:\n  secretTargetRef:\n    - parameter: sasl\n      name: s\n      key: k\n    - parameter: |\n';
    const l = labels('a.yaml', ta);
    assert.ok(l.includes('username') && l.includes('password') && l.includes('ca'));
    assert.ok(!l.includes('sasl') && !l.includes('lagThreshold'));
  });
});

describe('completion of Spring Boot Kafka properties', () => {
  const Y = 'spring:\n  kafka:\n    bootstrap-servers: localhost:9092\n    consumer:\n      group-id: orders\n      |\n';
  it('YAML: section properties with relaxed names, present ones left out', () => {
    const l = labels('application.yaml', Y);
    assert.equal(l[0], 'properties');
    assert.ok(l.includes('auto-offset-reset') && l.includes('enable-auto-commit') && !l.includes('group-id') && !l.includes('acks'));
    assert.equal(item('application.yaml', Y, 'auto-offset-reset').insertText, 'auto-offset-reset: ${1|latest,earliest,none|}');
    const camel = 'spring:\n  kafka:\n    consumer:\n      groupId: orders\n      |\n';
    assert.ok(!labels('application.yml', camel).includes('group-id'), 'relaxed binding: groupId is group-id');
  });
  it('YAML: Kafka keys under properties, values by key', () => {
    const p = put('      |\n', '      properties:\n        |\n', Y);
    const l = labels('application.yaml', p);
    assert.ok(l.includes('max.poll.records') && !l.includes('acks'));
    assert.deepEqual(labels('application.yaml', put('      |\n', '      auto-offset-reset: |\n', Y)), ['latest', 'earliest', 'none']);
    const root = labels('application.yaml', 'spring:\n  kafka:\n    |\n');
    assert.ok(['producer', 'consumer', 'admin', 'properties', 'bootstrap-servers'].every((x) => root.includes(x)));
  });
  it('properties files: full names by what is typed', () => {
    const c = items('application.properties', 'spring.kafka.bootstrap-servers=x:9092\nspring.kafka.consumer.|\n');
    assert.ok(c.length > 5 && c.every((i) => i.label.startsWith('spring.kafka.consumer.')), c.map((i) => i.label).join());
    const props = c.find((i) => i.label === 'spring.kafka.consumer.properties');
    assert.deepEqual([props?.insertText, props?.retrigger], ['spring.kafka.consumer.properties.', true]);
    const k = item('application.properties', 'spring.kafka.producer.properties.li|\n', 'linger.ms');
    assert.deepEqual([k.insertText, k.filterText], ['spring.kafka.producer.properties.linger.ms=$0', 'spring.kafka.producer.properties.linger.ms']);
    assert.deepEqual(k.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 35 } });
    assert.deepEqual(labels('application.properties', 'spring.kafka.producer.acks=|\n'), ['all', '-1', '0', '1']);
    assert.ok(!labels('application.properties', 'spring.kafka.bootstrap-servers=x\n|\n').includes('spring.kafka.bootstrap-servers'));
  });
});

describe('starting a document', () => {
  it('apiVersion and kind values from the schema store, each filtered by the other', () => {
    const kinds = labels('n.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: |\n');
    assert.ok(['Kafka', 'KafkaNodePool', 'KafkaTopic', 'KafkaUser'].every((k) => kinds.includes(k)) && !kinds.includes('ScaledObject'), kinds.join());
    const apis = items('n.yaml', 'apiVersion: |\nkind: KafkaTopic\n');
    assert.equal(apis[0].label, 'kafka.strimzi.io/v1');
    assert.ok(apis.some((i) => i.label === 'kafka.strimzi.io/v1beta2' && i.deprecated));
    assert.ok(labels('n.yaml', 'apiVersion: |\n').includes('keda.sh/v1alpha1'));
    const keys = labels('n.yaml', 'apiVersion: keda.sh/v1alpha1\n|\n');
    assert.deepEqual(keys, ['kind', 'metadata', 'spec']);
    assert.deepEqual(labels('compose.yaml', 'services:\n  |\n'), []);
  });
});

describe('values from facts and the workspace', () => {
  it('sequence items of scalars complete as values, without those already listed', () => {
    const pool = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: p\nspec:\n  roles:\n    - broker\n    - |\n';
    const v = items('p.yaml', pool);
    assert.deepEqual(v.map((i) => [i.label, i.insertText]), [['controller', 'controller']]);
    const user = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaUser\nmetadata:\n  name: u\nspec:\n  authorization:\n    type: simple\n    acls:\n      - resource: {type: topic, name: t}\n        operations:\n          - |\n';
    const ops = labels('u.yaml', user);
    assert.ok(ops.includes('Read') && ops.includes('Write') && ops.includes('Describe'), ops.join());
    const vol = labels('p.yaml', pool.replace('    - broker\n    - |\n', '    - broker\n  storage:\n    type: jbod\n    volumes:\n      - |\n'));
    assert.ok(vol.includes('id') && vol.includes('type') && vol.includes('size'), 'a sequence of objects still completes keys');
  });
  it('Kafka versions supported by the target Strimzi, default first, and the matching metadata version', () => {
    const v = items('k.yaml', put('version: 4.3.1', 'version: |'));
    assert.deepEqual(v.map((i) => i.label), ['4.3.1', '4.3.0', '4.2.1', '4.2.0']);
    assert.equal(v[0].insertText, '4.3.1');
    assert.match(v[0].detail ?? '', /default of Strimzi 1\.2\.0/);
    assert.equal(item('k.yaml', put('    version: 4.3.1\n', '    |\n'), 'version').retrigger, true);
    const { text, pos } = at(put('version: 4.3.1', 'version: |'));
    const old = complete(analyzeFile('k.yaml', text), pos, { schemas, versions: { strimzi: { value: '0.45.0', source: 'setting' } } });
    assert.ok(old.some((i) => i.label === '3.9.0'), old.map((i) => i.label).join());
    const mv = items('k.yaml', put('version: 4.3.1', 'version: 4.2.0\n    metadataVersion: |'));
    assert.deepEqual(mv.map((i) => i.label), ['4.2-IV1']);
  });
  it('cluster names, bootstrap addresses, topics and consumer groups from the workspace', () => {
    const kafka = analyzeFile('k.yaml', KAFKA.replace('  name: my-cluster\n', '  name: my-cluster\n  namespace: kafka\n').replace('        tls: false\n', '        tls: false\n      - name: tls\n        port: 9093\n        type: internal\n        tls: true\n        authentication:\n          type: tls\n'));
    const topic = analyzeFile('t.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders-topic\n  namespace: kafka\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  topicName: orders\n');
    const consumer = analyzeFile('consumer.properties', 'bootstrap.servers=x:9092\ngroup.id=orders-app\n');
    const index = WorkspaceIndex.of([kafka, topic, consumer]);
    const run = (path: string, src: string) => {
      const { text, pos } = at(src);
      return complete(analyzeFile(path, text), pos, { schemas, index });
    };
    const label = run('u.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaUser\nmetadata:\n  name: u\n  namespace: kafka\n  labels:\n    strimzi.io/cluster: |\n');
    assert.deepEqual(label.map((i) => i.label), ['my-cluster']);
    const so = (key: string) => run('s.yaml', `apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: s\n  namespace: apps\nspec:\n  triggers:\n    - type: kafka\n      metadata:\n        ${key}: |\n`);
    assert.deepEqual(so('bootstrapServers').map((i) => [i.label, i.detail]), [
      ['my-cluster-kafka-bootstrap.kafka.svc:9092', 'Kafka/my-cluster listener plain (plain)'],
      ['my-cluster-kafka-bootstrap.kafka.svc:9093', 'Kafka/my-cluster listener tls (TLS, tls auth)'],
    ]);
    const partial = so('bootstrapServers').length && run('s.yaml', 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: s\nspec:\n  triggers:\n    - type: kafka\n      metadata:\n        bootstrapServers: my-cluster-kafka-bootstrap:90|93 # tls\n');
    assert.ok(Array.isArray(partial) && partial.length === 2);
    assert.deepEqual(partial[0].range, { start: { line: 8, character: 26 }, end: { line: 8, character: 57 } }, 'the whole value is replaced, up to the comment');
    assert.deepEqual(so('topic').map((i) => i.label), ['orders']);
    const keys = run('s.yaml', 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: s\nspec:\n  triggers:\n    - type: kafka\n      metadata:\n        |\n');
    assert.deepEqual(keys.filter((i) => i.retrigger).map((i) => i.label).sort(), ['bootstrapServers', 'consumerGroup', 'topic'], 'suggestions re-open after keys with workspace values');
    assert.deepEqual(so('consumerGroup').map((i) => i.label), ['orders-app']);
    const acl = (type: string) => run('u.yaml', `apiVersion: kafka.strimzi.io/v1\nkind: KafkaUser\nmetadata:\n  name: u\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  authorization:\n    type: simple\n    acls:\n      - resource:\n          type: ${type}\n          name: |\n`);
    assert.deepEqual(acl('topic').map((i) => i.label), ['orders']);
    assert.deepEqual(acl('group').map((i) => i.label), ['orders-app']);
    const withApps = WorkspaceIndex.of([
      analyzeFile('d.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders-app\n  namespace: apps\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: other\n  namespace: apps\n'),
      analyzeFile('ta.yaml', 'apiVersion: keda.sh/v1alpha1\nkind: TriggerAuthentication\nmetadata:\n  name: kafka-tls\n  namespace: apps\n'),
    ]);
    const so2 = (src: string) => {
      const { text, pos } = at(src);
      return complete(analyzeFile('s.yaml', text), pos, { schemas, index: withApps }).map((i) => i.label);
    };
    const head = 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: s\n  namespace: apps\nspec:\n';
    assert.deepEqual(so2(head + '  scaleTargetRef:\n    name: |\n'), ['orders-app']);
    assert.deepEqual(so2(head + '  scaleTargetRef:\n    kind: StatefulSet\n    name: |\n'), ['other']);
    assert.deepEqual(so2(head + '  triggers:\n    - type: kafka\n      authenticationRef:\n        name: |\n'), ['kafka-tls']);
    const props = run('producer.properties', 'bootstrap.servers=|\n');
    assert.deepEqual(props.map((i) => i.label), ['my-cluster-kafka-bootstrap.kafka.svc:9092', 'my-cluster-kafka-bootstrap.kafka.svc:9093']);
    const spring = run('application.yaml', 'spring:\n  kafka:\n    bootstrap-servers: |\n');
    assert.equal(spring.length, 2);
  });
});

describe('CRLF line endings', () => {
  it('complete and replace within the line, before the carriage return', () => {
    const v = items('producer.properties', 'bootstrap.servers=x\r\nacks=|\r\n');
    assert.deepEqual(v[0].range, { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } });
    const k = items('k.yaml', put('        tls: false\n', '        tls: false\n        |\n').replace(/\n/g, '\r\n'));
    assert.ok(k.some((i) => i.label === 'authentication'));
    const t = items('k.yaml', put('type: internal', 'type: int|ernal').replace(/\n/g, '\r\n'));
    assert.deepEqual(t[0].range, { start: { line: 10, character: 14 }, end: { line: 10, character: 22 } });
  });
});

describe('robustness', () => {
  const docs: [string, string][] = [
    ['k.yaml', KAFKA + '---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nspec:\n  triggers:\n    - {type: kafka, metadata: {topic: "a, b"}}\n  bad: [1, {x: \n'],
    ['t.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata: {name: {{ .Values.x }}}\nspec:\n  config:\n    "quoted key": \'v\'\n    ? complex\n    : value\n  anchors: &a {x: 1}\n  ref: *a\n'],
    ['producer.properties', 'a=b\\\n  c\n# c\n! c\nkey\\ with\\ space : v\n=x\n\\\n'],
    ['application.yaml', 'spring:\n  kafka:\n    "[bootstrap-servers]": x\n    consumer:\n      properties: {a: 1}\n'],
    ['crlf.yaml', KAFKA.replace(/\n/g, '\r\n')],
    ['crlf.properties', 'bootstrap.servers=x\r\nacks=\r\n\r\n'],
  ];
  it('nothing before existing text in the indentation, and no process warnings from the parser', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      assert.deepEqual(labels('k.yaml', put('    listeners:\n', '|    listeners:\n')), []);
      assert.deepEqual(labels('k.yaml', put('      - name: plain', '  |    - name: plain')), []);
      const flowKey = 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nspec:\n  kafka:\n|    listeners: [ {name: tls, port: 9093} ]\n';
      items('k.yaml', flowKey);
      analyzeFile('k.yaml', 'a:\n  ? [x, y]\n  : 1\n').resources;
      const { text } = at('? {a: 1}\n: v\n|');
      void analyzeFile('x.yaml', text).yaml?.documents[0]?.value;
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings, []);
  });
  it('hover and completion at every position never throw, and ranges stay on the cursor line', () => {
    for (const [path, text] of docs) {
      const file = analyzeFile(path, text);
      const lines = text.split(/\r?\n/);
      for (let line = 0; line < lines.length; line++) {
        for (let character = 0; character <= lines[line].length; character++) {
          const pos = { line, character };
          hover(file, pos, { schemas });
          for (const it of complete(file, pos, { schemas })) {
            assert.equal(it.range.start.line, line, `${path} ${line}:${character} ${it.label}`);
            assert.ok(it.range.start.character <= character && it.range.end.character >= character, `${path} ${line}:${character} ${it.label}`);
          }
        }
      }
    }
  });
});
