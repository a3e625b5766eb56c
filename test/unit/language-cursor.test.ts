import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentAt, locate, yamlCompletionContext } from '../../src/core/language/yaml-cursor';
import { enumValues, fieldsAt, schemasAt, typeLabel } from '../../src/core/language/schema-nav';
import { YamlFile } from '../../src/core/parse/yaml';
import type { JsonSchema } from '../../src/core/schema/store';
import { PLAIN_LISTENER, smallKafka } from '../fixtures/cross/manifests';
import { at } from '../helpers/cursor';

function locAt(src: string) {
  const { text, offset } = at(src);
  const f = new YamlFile(text);
  const doc = documentAt(f, offset);
  return doc ? locate(doc, offset) : undefined;
}

function ctxAt(src: string) {
  const { text, pos } = at(src);
  return yamlCompletionContext(new YamlFile(text), pos);
}

const KAFKA = smallKafka(`${PLAIN_LISTENER}    config: {min.insync.replicas: 2, default.replication.factor: 3}
  entityOperator:
    topicOperator: {}
`);

function put(marker: string, replacement: string): string {
  assert.ok(KAFKA.includes(marker), marker);
  return KAFKA.replace(marker, replacement);
}

describe('locate (hover positions)', () => {
  it('finds a key at its start, middle and end', () => {
    assert.deepEqual(locAt(put('    listeners:', '    |listeners:'))?.path, ['spec', 'kafka', 'listeners']);
    assert.deepEqual(locAt(put('    listeners:', '    list|eners:'))?.part, 'key');
    assert.deepEqual(locAt(put('    listeners:', '    listeners|:'))?.path, ['spec', 'kafka', 'listeners']);
  });
  it('finds scalar values, in maps inside sequences', () => {
    const l = locAt(put('type: internal', 'type: inter|nal'));
    assert.deepEqual(l?.path, ['spec', 'kafka', 'listeners', 0, 'type']);
    assert.equal(l?.part, 'value');
  });
  it('finds keys and values in flow maps', () => {
    assert.deepEqual(locAt(put('default.replication', 'default.repl|ication'))?.path, ['spec', 'kafka', 'config', 'default.replication.factor']);
    const v = locAt(put('replicas: 2', 'replicas: |2'));
    assert.deepEqual([v?.path, v?.part], [['spec', 'kafka', 'config', 'min.insync.replicas'], 'value']);
  });
  it('finds items of block and flow sequences', () => {
    const src = 'spec:\n  roles:\n    - bro|ker\n  tags: [a, b|c]\n';
    assert.deepEqual(locAt(src)?.path, ['spec', 'roles', 0]);
    assert.deepEqual(locAt(src.replace('bro|ker', 'broker'))?.path, ['spec', 'tags', 1]);
  });
  it('returns nothing on blank space, punctuation and comments', () => {
    assert.equal(locAt(put('  entityOperator:', '  entityOperator:  |  # note')), undefined);
    assert.equal(locAt('a: 1\n|\nb: 2\n'), undefined);
    assert.equal(locAt('# just a comment |here\n'), undefined);
  });
  it('picks the document of a multi-document file', () => {
    const l = locAt('a: 1\n---\nkind: KafkaTopic\nspec:\n  parti|tions: 3\n');
    assert.deepEqual(l?.path, ['spec', 'partitions']);
  });
});

describe('yamlCompletionContext', () => {
  it('a new key on an empty line, by indentation', () => {
    const child = ctxAt(put('        tls: false\n', '        tls: false\n        |\n'));
    assert.equal(child?.part, 'key');
    assert.deepEqual(child?.path, ['spec', 'kafka', 'listeners', 0]);
    assert.deepEqual(child?.existingKeys, ['name', 'port', 'type', 'tls']);
    assert.equal(child?.prefix, '');
    const sibling = ctxAt(put('  entityOperator:', '  |\n  entityOperator:'));
    assert.deepEqual(sibling?.path, ['spec']);
    assert.deepEqual(sibling?.existingKeys, ['kafka', 'entityOperator']);
    const root = ctxAt(KAFKA + '|');
    assert.deepEqual(root?.path, []);
    const deep = ctxAt(KAFKA + '    |');
    assert.deepEqual(deep?.path, ['spec', 'entityOperator']);
  });
  it('a key typed mid-word: the whole word is replaced, and an existing colon is kept', () => {
    const c = ctxAt(put('    version: 4.3.1', '    ver|sion: 4.3.1'));
    assert.equal(c?.part, 'key');
    assert.deepEqual(c?.path, ['spec', 'kafka']);
    assert.equal(c?.prefix, 'ver');
    assert.equal(c?.colonFollows, true);
    assert.deepEqual(c?.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 11 } });
    assert.ok(!c?.existingKeys.includes('version'), 'the key being edited is not "existing"');
    const partial = ctxAt(put('    version: 4.3.1', '    version: 4.3.1\n    auth|'));
    assert.equal(partial?.colonFollows, false);
    assert.equal(partial?.prefix, 'auth');
  });
  it('a key of a new sequence item', () => {
    const c = ctxAt(put('        tls: false\n', '        tls: false\n      - |\n'));
    assert.equal(c?.part, 'key');
    assert.deepEqual(c?.path, ['spec', 'kafka', 'listeners', 1]);
    assert.equal(c?.sequenceItem, true);
  });
  it('an empty value after `key: ` and after `key:`', () => {
    const c = ctxAt(put('type: internal', 'type: |'));
    assert.deepEqual([c?.part, c?.path, c?.needsSpace], ['value', ['spec', 'kafka', 'listeners', 0, 'type'], false]);
    const tight = ctxAt(put('type: internal', 'type:|'));
    assert.deepEqual([tight?.part, tight?.needsSpace], ['value', true]);
    const mid = ctxAt(put('type: internal', 'type: int|ernal'));
    assert.equal(mid?.prefix, 'int');
    assert.deepEqual(mid?.range, { start: { line: 10, character: 14 }, end: { line: 10, character: 22 } });
  });
  it('a block value is the whole value typed so far, colons and spaces included', () => {
    const c = ctxAt('a:\n  servers: host-a:90|92,host-b:9092  # two\n');
    assert.deepEqual([c?.part, c?.path, c?.prefix], ['value', ['a', 'servers'], 'host-a:90']);
    assert.deepEqual(c?.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 34 } });
    const q = ctxAt("a:\n  name: 'my clu|ster'\n");
    assert.deepEqual([q?.quoted, q?.prefix, q?.range.start.character, q?.range.end.character], [true, 'my clu', 9, 19]);
  });
  it('keys and values in flow maps', () => {
    const k = ctxAt(put('default.replication.factor: 3}', 'default.replication.factor: 3, cle|}'));
    assert.deepEqual([k?.part, k?.path, k?.flow], ['key', ['spec', 'kafka', 'config'], true]);
    assert.deepEqual(k?.existingKeys, ['min.insync.replicas', 'default.replication.factor']);
    const v = ctxAt(put('default.replication.factor: 3}', 'cleanup.policy: |}'));
    assert.deepEqual([v?.part, v?.path], ['value', ['spec', 'kafka', 'config', 'cleanup.policy']]);
    const e = ctxAt(put('topicOperator: {}', 'topicOperator: {|}'));
    assert.deepEqual([e?.part, e?.path], ['key', ['spec', 'entityOperator', 'topicOperator']]);
  });
  it('flow maps written over several lines', () => {
    const k = ctxAt('spec:\n  config: {\n    a: 1,\n    |\n  }\n');
    assert.deepEqual([k?.part, k?.path, k?.flow, k?.existingKeys], ['key', ['spec', 'config'], true, ['a']]);
    const v = ctxAt('spec:\n  config: {\n    a: 1,\n    b: |,\n  }\n');
    assert.deepEqual([v?.part, v?.path], ['value', ['spec', 'config', 'b']]);
    assert.deepEqual(v?.range, { start: { line: 3, character: 7 }, end: { line: 3, character: 7 } }, 'the comma stays');
  });
  it('quoted values', () => {
    const c = ctxAt('spec:\n  triggers:\n    - type: kafka\n      metadata:\n        lagThreshold: "|"\n');
    assert.deepEqual([c?.part, c?.path], ['value', ['spec', 'triggers', 0, 'metadata', 'lagThreshold']]);
  });
  it('nothing in comments or after unrelated text', () => {
    assert.equal(ctxAt(put('  entityOperator:', '  # entity|\n  entityOperator:')), undefined);
    assert.equal(ctxAt(put('    version: 4.3.1', '    version: 4.3.1 # vers|ion')), undefined);
  });
  it('templated (Helm) files still complete outside the templates', () => {
    const c = ctxAt('apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  |\n');
    assert.deepEqual([c?.part, c?.path], ['key', ['spec']]);
  });
  it('an empty file and the end of a file without a newline', () => {
    assert.deepEqual(ctxAt('|')?.path, []);
    assert.deepEqual(ctxAt('spec:\n  part|')?.path, ['spec']);
  });
  it('a completion in the second document sees that document (and only it is parsed again)', () => {
    const c = ctxAt('kind: A\n---\nkind: B\nspec:\n  |\n---\nkind: C\n');
    assert.equal(c?.doc.get(['kind']), 'B');
    assert.equal(c?.doc.file.text.includes('kind: A'), false);
    assert.equal(ctxAt('kind: A\n---\n|\nkind: B\n')?.doc.get(['kind']), 'B');
    assert.equal(ctxAt('kind: A\n|\n---\nkind: B\n')?.doc.get(['kind']), 'A');
    assert.equal(ctxAt('kind: A\n---|\nkind: B\n'), undefined);
  });
});

const SCHEMA: JsonSchema = {
  type: 'object',
  required: ['spec'],
  properties: {
    spec: {
      type: 'object',
      required: ['replicas'],
      properties: {
        replicas: { type: 'integer', minimum: 1, description: 'How many.' },
        size: { 'x-kubernetes-int-or-string': true },
        mode: { type: 'string', enum: ['a', 'b'], default: 'a' },
        enabled: { type: 'boolean' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        volumes: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } } } },
        tags: { type: 'array', items: { type: 'string' } },
        storage: {
          type: 'object',
          oneOf: [
            { properties: { type: { type: 'string', enum: ['ephemeral'] }, sizeLimit: { type: 'string' } } },
            { required: ['size'], properties: { type: { type: 'string', enum: ['persistent-claim'] }, size: { type: 'string' } } },
          ],
        },
        auth: { allOf: [{ type: 'object', properties: { user: { type: 'string' } } }, { properties: { pass: { type: 'string' } } }] },
      },
    },
  },
};

describe('schema navigation', () => {
  it('follows properties, items and additionalProperties', () => {
    assert.equal(schemasAt(SCHEMA, ['spec', 'replicas'])[0].type, 'integer');
    assert.equal(schemasAt(SCHEMA, ['spec', 'volumes', 3, 'id'])[0].type, 'integer');
    assert.equal(schemasAt(SCHEMA, ['spec', 'labels', 'anything'])[0].type, 'string');
    assert.deepEqual(schemasAt(SCHEMA, ['spec', 'nope']), []);
    assert.deepEqual(schemasAt(SCHEMA, ['spec', 'volumes', 'x']), []);
  });
  it('merges allOf/anyOf/oneOf members for fields and enums', () => {
    assert.deepEqual(
      fieldsAt(SCHEMA, ['spec', 'storage']).map((f) => [f.name, f.required]),
      [['type', false], ['sizeLimit', false], ['size', true]],
    );
    assert.deepEqual(enumValues(schemasAt(SCHEMA, ['spec', 'storage', 'type'])), ['ephemeral', 'persistent-claim']);
    assert.deepEqual(fieldsAt(SCHEMA, ['spec', 'auth']).map((f) => f.name), ['user', 'pass']);
    assert.deepEqual(enumValues(schemasAt(SCHEMA, ['spec', 'enabled'])), [true, false]);
  });
  it('marks required fields', () => {
    const f = fieldsAt(SCHEMA, ['spec']);
    assert.equal(f.find((x) => x.name === 'replicas')?.required, true);
    assert.equal(f.find((x) => x.name === 'mode')?.required, false);
  });
  it('labels types the way users read them', () => {
    const t = (p: (string | number)[]) => typeLabel(schemasAt(SCHEMA, p)[0]);
    assert.equal(t(['spec', 'size']), 'integer or string');
    assert.equal(t(['spec', 'volumes']), 'array of objects');
    assert.equal(t(['spec', 'tags']), 'array of strings');
    assert.equal(t(['spec', 'labels']), 'map of strings');
    assert.equal(t(['spec', 'replicas']), 'integer');
    assert.equal(typeLabel({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true }), 'object (free-form)');
    assert.equal(typeLabel({ anyOf: [{ type: 'integer' }, { type: 'string' }] }), 'integer or string');
  });
});
