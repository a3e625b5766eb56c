import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lintFile } from '../../src/core/engine';
import { CatalogSchemaStore, type SchemaCatalog } from '../../src/core/schema/catalog-store';
import { normalizePath } from '../../src/core/schema/kustomize';
import { closeMatches, editDistance } from '../../src/core/suggest';
import { collapse, schemaAt, schemaCompileCount, toPath } from '../../src/core/schema/validate';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspace';
import { defaultSchemaStore, fileLoaders, fileSchemaLoader, schemasDir } from '../../src/services/schemas';

const SCHEMAS = path.join(process.cwd(), 'schemas');
const catalog = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'catalog.json'), 'utf8')) as SchemaCatalog & { schemas: Record<string, unknown>[] };

describe('schemas/catalog.json', () => {
  it('lists every schema file with its provenance', () => {
    assert.ok(catalog.schemas.length >= 36);
    for (const e of catalog.schemas) {
      assert.ok(fs.existsSync(path.join(SCHEMAS, e.file as string)), `${e.file} exists`);
      for (const k of ['product', 'operatorVersion', 'group', 'version', 'kind', 'served', 'deprecated', 'source', 'licence']) assert.ok(k in e, `${e.file} has ${k}`);
      const src = e.source as { repo: string; commit: string; path: string };
      assert.match(src.commit, /^[0-9a-f]{40}$/);
      assert.equal(e.licence, 'Apache-2.0');
    }
  });
  it('has no schema file that the catalogue does not list', () => {
    const listed = new Set(catalog.schemas.map((e) => e.file as string));
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((x) => (x.isDirectory() ? walk(path.join(d, x.name)) : [path.join(d, x.name)]));
    for (const dir of ['strimzi', 'keda']) {
      for (const f of walk(path.join(SCHEMAS, dir))) assert.ok(listed.has(path.relative(SCHEMAS, f).split(path.sep).join('/')), `${f} is listed`);
    }
  });
  it('covers Strimzi 1.2.0 v1, 0.51.0 v1 + v1beta2 (+ v1alpha1/v1beta1 topics and users), KEDA 2.20 v1alpha1', () => {
    const has = (f: string) => catalog.schemas.some((e) => e.file === f);
    for (const f of ['strimzi/1.2.0/kafka_v1.json', 'strimzi/0.51.0/kafka_v1beta2.json', 'strimzi/0.51.0/kafka_v1.json', 'strimzi/0.51.0/kafkatopic_v1alpha1.json', 'strimzi/0.51.0/kafkauser_v1beta1.json', 'keda/2.20/scaledobject_v1alpha1.json', 'keda/2.20/triggerauthentication_v1alpha1.json']) {
      assert.ok(has(f), f);
    }
  });
  it('schemas keep descriptions (hovers use them) and close objects', () => {
    const s = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'strimzi/1.2.0/kafkatopic_v1.json'), 'utf8'));
    assert.match(s.properties.spec.properties.partitions.description, /partitions/i);
    assert.equal(s.properties.spec.additionalProperties, false);
    assert.deepEqual(s.properties.apiVersion.enum, ['kafka.strimzi.io/v1']);
    assert.ok(s.required.includes('metadata'));
    // Free-form config maps stay open.
    assert.notEqual(s.properties.spec.properties.config.additionalProperties, false);
  });
});

describe('schema choice by version', () => {
  const store = new CatalogSchemaStore(fileSchemaLoader(SCHEMAS));
  const pick = (api: string, kind: string, v?: string) => store.schemaFor(api, kind, v)?.info.file;
  it('kafka.strimzi.io/v1 → Strimzi 1.2.0, or 0.51.0 for targets below 1.0', () => {
    assert.equal(pick('kafka.strimzi.io/v1', 'Kafka', '1.2.0'), 'strimzi/1.2.0/kafka_v1.json');
    assert.equal(pick('kafka.strimzi.io/v1', 'Kafka', '1.5.0'), 'strimzi/1.2.0/kafka_v1.json');
    assert.equal(pick('kafka.strimzi.io/v1', 'Kafka', '0.51.0'), 'strimzi/0.51.0/kafka_v1.json');
    assert.equal(pick('kafka.strimzi.io/v1', 'Kafka', '0.49.1'), 'strimzi/0.51.0/kafka_v1.json');
    assert.equal(pick('kafka.strimzi.io/v1', 'Kafka'), 'strimzi/1.2.0/kafka_v1.json');
  });
  it('v1beta2, v1beta1, v1alpha1 → Strimzi 0.51.0 whatever the target', () => {
    assert.equal(pick('kafka.strimzi.io/v1beta2', 'Kafka', '1.2.0'), 'strimzi/0.51.0/kafka_v1beta2.json');
    assert.equal(pick('kafka.strimzi.io/v1beta2', 'KafkaNodePool', '0.45.0'), 'strimzi/0.51.0/kafkanodepool_v1beta2.json');
    assert.equal(pick('kafka.strimzi.io/v1alpha1', 'KafkaTopic', '1.2.0'), 'strimzi/0.51.0/kafkatopic_v1alpha1.json');
    assert.equal(pick('kafka.strimzi.io/v1alpha1', 'Kafka', '1.2.0'), undefined);
  });
  it('keda.sh/v1alpha1 → KEDA 2.20', () => {
    assert.equal(pick('keda.sh/v1alpha1', 'ScaledObject', '2.20'), 'keda/2.20/scaledobject_v1alpha1.json');
    assert.equal(pick('keda.sh/v1alpha1', 'ScaledObject', '2.16.0'), 'keda/2.20/scaledobject_v1alpha1.json');
    assert.equal(pick('keda.sh/v1', 'ScaledObject', '2.20'), undefined);
  });
  it('lists what a group serves', () => {
    const kinds = new Set(store.served('keda.sh').map((s) => s.kind));
    assert.deepEqual([...kinds].sort(), ['ClusterTriggerAuthentication', 'ScaledJob', 'ScaledObject', 'TriggerAuthentication']);
    assert.deepEqual(store.served('example.com'), []);
  });
  it('reports a broken schemas folder clearly', () => {
    const broken = new CatalogSchemaStore(() => undefined);
    assert.throws(() => broken.schemaFor('keda.sh/v1alpha1', 'ScaledObject'), /catalog\.json/);
  });
  it('finds the shipped schemas folder from the compiled code', () => {
    assert.ok(fs.existsSync(path.join(schemasDir(), 'catalog.json')));
  });
});

describe('validation', () => {
  const lint = (text: string) => {
    const f = analyzeFile('m.yaml', text);
    return lintFile(f, WorkspaceIndex.of([f]), { schemas: defaultSchemaStore() }).filter((x) => x.ruleId.startsWith('schema-'));
  };
  it('compiles each schema once, however many documents are validated', () => {
    const doc = (i: number) => `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t${i}\nspec:\n  partitions: ${i + 1}\n  replica: 3\n`;
    lint(doc(0));
    const before = schemaCompileCount();
    const text = Array.from({ length: 200 }, (_, i) => doc(i)).join('---\n');
    const findings = lint(text);
    assert.equal(findings.length, 200);
    assert.equal(schemaCompileCount(), before);
  });
  it('a store-less engine skips the schema pass', () => {
    const f = analyzeFile('m.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partition: 3\n');
    assert.deepEqual(lintFile(f, WorkspaceIndex.of([f])).filter((x) => x.ruleId.startsWith('schema-')), []);
  });
  it('a schema that throws becomes an internal-error finding, not a crash', () => {
    const bad = { schemaFor: () => { throw new Error('boom'); } };
    const f = analyzeFile('m.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n');
    const out = lintFile(f, WorkspaceIndex.of([f]), { schemas: bad });
    assert.deepEqual(out.filter((x) => x.ruleId === 'internal-error').map((x) => [x.range.start.line, /boom/.test(x.message)]), [[1, true]]);
  });
  it('a whole unknown subtree is one finding, not one per nested field', () => {
    const out = lint('apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: 1\n  extra:\n    a: 1\n    b: {c: 2}\n');
    assert.deepEqual(out.map((f) => [f.ruleId, f.range.start.line]), [['schema-unknown-field', 6]]);
  });
  it('Helm-templated values are not checked', () => {
    const f = analyzeFile('templates/t.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  partitions: {{ .Values.partitions }}\n  replicas: 3\n');
    const out = lintFile(f, WorkspaceIndex.of([f]), { schemas: defaultSchemaStore() }).filter((x) => x.ruleId.startsWith('schema-'));
    assert.deepEqual(out, []);
  });
});

describe('helpers', () => {
  it('edit distance counts a transposition as one edit', () => {
    assert.equal(editDistance('replicas', 'replicsa'), 1);
    assert.equal(editDistance('replica', 'replicas'), 1);
    assert.equal(editDistance('abc', 'xyz'), 3);
    assert.equal(editDistance('authentcation', 'authentication'), 1);
  });
  it('close matches prefer case-insensitive equality and the strictly closest', () => {
    assert.deepEqual(closeMatches('Internal', ['internal', 'route', 'tlsroute']), ['internal']);
    assert.deepEqual(closeMatches('partition', ['partitions', 'replicas']), ['partitions']);
    assert.deepEqual(closeMatches('id', ['ip', 'io']), ['io', 'ip']);
    assert.deepEqual(closeMatches('zzzz', ['partitions']), []);
    assert.deepEqual(closeMatches('TriggerAuth', ['TriggerAuthentication', 'ClusterTriggerAuthentication']), ['TriggerAuthentication']);
    assert.deepEqual(closeMatches('replica', ['replicas', 'replicaSelector']), ['replicas']);
  });
  it('JSON pointers become YAML paths with numeric sequence indexes', () => {
    assert.deepEqual(toPath('/spec/kafka/listeners/0/port', { spec: { kafka: { listeners: [{}] } } }), ['spec', 'kafka', 'listeners', 0, 'port']);
    assert.deepEqual(toPath('/metadata/labels/strimzi.io~1cluster', {}), ['metadata', 'labels', 'strimzi.io/cluster']);
    assert.deepEqual(toPath('/spec/0', { spec: { 0: 'x' } }), ['spec', '0']);
  });
  it('schemaAt follows properties, items and additionalProperties', () => {
    const s = { type: 'object', properties: { a: { type: 'array', items: { type: 'object', properties: { b: { type: 'string' } } } }, m: { type: 'object', additionalProperties: { type: 'integer' } } } };
    assert.deepEqual(schemaAt(s, ['a', 0, 'b']), { type: 'string' });
    assert.deepEqual(schemaAt(s, ['m', 'anything']), { type: 'integer' });
    assert.equal(schemaAt(s, ['x']), undefined);
  });
  it('normalizes paths the way Kustomize resolves them', () => {
    assert.equal(normalizePath('overlays/prod/./patches/../p.yaml'), 'overlays/prod/p.yaml');
    assert.equal(normalizePath('a\\b\\c.yaml'), 'a/b/c.yaml');
    assert.equal(normalizePath('/abs/x/../y.yaml'), '/abs/y.yaml');
    assert.equal(normalizePath('../up.yaml'), '../up.yaml');
  });
  it('collapse keeps a oneOf error and drops its branch errors', () => {
    const e = (keyword: string, schemaPath: string, instancePath = '/a') => ({ keyword, schemaPath, instancePath, params: {} });
    const errs = [e('required', '#/properties/a/oneOf/0/required'), e('required', '#/properties/a/oneOf/1/required'), e('oneOf', '#/properties/a/oneOf'), e('type', '#/properties/b/type', '/b')];
    assert.deepEqual(collapse(errs).map((x) => x.keyword), ['oneOf', 'type']);
  });
});

describe('validators compiled ahead of time (dist/validators, built by npm run build)', () => {
  const dir = schemasDir();
  const cases = [
    'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\n  lables: {a: b}\nspec:\n  kafka:\n    version: 4.0\n    listeners:\n      - name: plain\n        port: 9092\n        type: Internal\n        tls: false\n      - name: tls\n        type: internal\n        tls: "true"\n    resources: {}\n  listeners: []\n',
    'apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata:\n  name: c\nspec:\n  replicas: 1\n  bootstrapServers: b:9092\n  groupId: g\n  configStorageTopic: c\n  offsetStorageTopic: o\n  statusStorageTopic: s\n  template:\n    connectContainer:\n      env:\n        - name: X\n          value: "1"\n          valueFrom: {secretKeyRef: {name: s, key: k}}\n        - name: Y\n',
    'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: c\nspec:\n  scaleTargetRef: {name: d}\n  maxReplicaCount: 3000000000\n  minReplicaCount: "1"\n  triggers:\n    - type: kafka\n      metadata: {topic: t}\n',
    'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaNodePool\nmetadata:\n  name: p\nspec:\n  replicas: -1\n  roles: [brokers]\n  storage: {type: jbod, volumes: [{id: 0, type: persistent-claim, size: 10GB}]}\n',
  ];
  const run = (store: ReturnType<typeof defaultSchemaStore>, text: string) => {
    const f = analyzeFile('m.yaml', text);
    return lintFile(f, WorkspaceIndex.of([f]), { schemas: store }).filter((x) => x.ruleId.startsWith('schema-'));
  };
  it('give exactly the findings of run-time compiled ones', (t) => {
    const loaders = fileLoaders(dir);
    const probe = new CatalogSchemaStore(loaders.load, loaders.loadValidator);
    if (!probe.precompiled({ product: '', apiVersion: '', kind: '', file: 'strimzi/1.2.0/kafka_v1.json' })) {
      t.skip('no dist/validators: run `npm run build` first');
      return;
    }
    const runtime = new CatalogSchemaStore(fileSchemaLoader(dir));
    for (const text of cases) {
      const a = run(probe, text);
      assert.ok(a.length > 0);
      assert.deepEqual(a, run(runtime, text));
    }
  });
  it('a module built from other schema text is ignored (compiled at run time instead)', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-k8s-validators-'));
    try {
      fs.mkdirSync(path.join(tmp, 'strimzi', '1.2.0'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'index.json'), '{}');
      fs.writeFileSync(path.join(tmp, 'strimzi', '1.2.0', 'kafkatopic_v1.js'), '// kafka-k8s validator 0000\nmodule.exports = () => true;\n');
      const l = fileLoaders(dir, tmp);
      l.load('strimzi/1.2.0/kafkatopic_v1.json');
      assert.equal(l.loadValidator('strimzi/1.2.0/kafkatopic_v1.json'), undefined);
      assert.equal(l.loadValidator('strimzi/1.2.0/kafka_v1.json'), undefined);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('broken documents', () => {
  const lint = (text: string) => {
    const f = analyzeFile('m.yaml', text);
    return lintFile(f, WorkspaceIndex.of([f]), { schemas: defaultSchemaStore() }).map((x) => `${x.ruleId}@${x.range.start.line + 1}`);
  };
  it('a document with a YAML syntax error gets the syntax error, not schema noise; the next document is still validated', () => {
    const out = lint('apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: 1\n   replicas: 3\n---\napiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: u\nspec:\n  partition: 1\n');
    assert.ok(out.some((x) => x.startsWith('syntax-error@')));
    assert.deepEqual(out.filter((x) => x.startsWith('schema-')), ['schema-unknown-field@14']);
  });
  it('a list where the spec should be is one type finding at the key', () => {
    assert.deepEqual(lint('apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  - 1\n').filter((x) => x.startsWith('schema-')), ['schema-type@5']);
  });
});

describe('generated schemas are up to date', () => {
  const reference = path.join(process.cwd(), '..', 'shared', 'reference', 'crds');
  it('regenerating from the upstream CRDs gives the committed files', (t) => {
    if (!fs.existsSync(reference)) {
      t.skip('../shared/reference is not available here');
      return;
    }
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-k8s-schemas-'));
    try {
      execFileSync(process.execPath, [path.join('src', 'tools', 'gen-schemas.mjs'), '--out', tmp], { stdio: 'pipe' });
      const rel = ['catalog.json', ...catalog.schemas.map((e) => e.file as string)];
      for (const f of rel) assert.equal(fs.readFileSync(path.join(tmp, f), 'utf8'), fs.readFileSync(path.join(SCHEMAS, f), 'utf8'), `${f} differs: run npm run gen:schemas`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
