import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskTemplates, YamlFile } from '../../src/core/parse/yaml';
import { applyEdits } from '../../src/core/fix';

const TEXT = `apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata:
  name: orders
  labels:
    strimzi.io/cluster: my-cluster
spec:
  partitions: 3
  replicas: 3
  config:
    min.insync.replicas: 2
---
apiVersion: v1
kind: ConfigMap
data:
  list:
    - a
    - b
`;

describe('YamlFile', () => {
  const f = new YamlFile(TEXT);
  it('splits documents', () => {
    assert.equal(f.documents.length, 2);
    assert.deepEqual(f.syntaxErrors, []);
  });
  it('maps paths to key and value ranges', () => {
    const d = f.documents[0];
    assert.deepEqual(d.keyRange(['spec', 'partitions']), { start: { line: 7, character: 2 }, end: { line: 7, character: 12 } });
    assert.deepEqual(d.valueRange(['spec', 'partitions']), { start: { line: 7, character: 14 }, end: { line: 7, character: 15 } });
    assert.deepEqual(d.keyRange(['spec', 'config', 'min.insync.replicas']), { start: { line: 10, character: 4 }, end: { line: 10, character: 23 } });
    assert.deepEqual(d.keyRange(['metadata', 'labels', 'strimzi.io/cluster'])?.start, { line: 5, character: 4 });
    assert.deepEqual(f.documents[1].valueRange(['data', 'list', 1]), { start: { line: 17, character: 6 }, end: { line: 17, character: 7 } });
    assert.equal(d.keyRange(['spec', 'nope']), undefined);
    assert.deepEqual(d.rangeOf(['spec', 'nope', 'deeper']).start, { line: 6, character: 0 });
  });
  it('gives plain values', () => {
    assert.equal(f.documents[0].get(['spec', 'partitions']), 3);
    assert.equal(f.documents[1].get(['data', 'list', 0]), 'a');
  });
  it('reports syntax errors with positions and keeps other documents', () => {
    const g = new YamlFile('a: 1\n---\nb: [1, 2\n---\nc: 3\n');
    assert.equal(g.documents.length, 3);
    assert.ok(g.syntaxErrors.length > 0);
    assert.equal(g.syntaxErrors[0].documentIndex, 1);
    assert.equal(g.documents[2].get(['c']), 3);
  });
  it('edits: set, remove, insert', () => {
    const d = f.documents[0];
    assert.equal(applyEdits(TEXT, [d.setValueEdit(['spec', 'partitions'], '12')!]).text.split('\n')[7], '  partitions: 12');
    const removed = applyEdits(TEXT, [d.removeKeyEdit(['spec', 'replicas'])!]).text;
    assert.ok(!removed.includes('replicas: 3'));
    assert.ok(removed.includes('  partitions: 3\n  config:'));
    const inserted = applyEdits(TEXT, [d.insertKeyEdit(['spec', 'config'], 'retention.ms', '1000')!]).text;
    assert.ok(inserted.includes('    min.insync.replicas: 2\n    retention.ms: 1000\n---'), inserted);
    const removedBlock = applyEdits(TEXT, [d.removeKeyEdit(['spec', 'config'])!]).text;
    assert.ok(removedBlock.includes('  replicas: 3\n---'), removedBlock);
  });
  it('masks template syntax keeping offsets', () => {
    const src = '{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n{{- end }}\n';
    const m = maskTemplates(src);
    assert.equal(m.text.length, src.length);
    assert.equal(m.ranges.length, 3);
    const y = new YamlFile(src);
    assert.ok(y.templated);
    assert.deepEqual(y.syntaxErrors, []);
    assert.equal(y.documents[0].get(['kind']), 'ConfigMap');
  });
});

describe('maskTemplates: text vs structure', () => {
  it('leaves expressions in quoted and block scalars alone but lists them', () => {
    const src = 'a: "x {{ .y }}"\nb: |\n  {{ .z }}\n  more\nc: {{ .w }}\n{{- end }}\n';
    const m = maskTemplates(src);
    assert.equal(m.ranges.length, 4);
    assert.equal(m.structural, 2);
    assert.ok(m.text.includes('"x {{ .y }}"'));
    assert.ok(m.text.includes('  {{ .z }}'));
    assert.ok(m.text.includes('c: ________'));
  });
});
