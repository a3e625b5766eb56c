/** Hover on KafkaTopic `partitions` and ScaledObject `maxReplicaCount`: the partition sizing hint, with the workspace's numbers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover } from '../../src/core/language/index';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspace';
import { defaultSchemaStore } from '../../src/services/schemas';
import { scaledObject, topic } from '../fixtures/cross/manifests';

function at(text: string, needle: string): { line: number; character: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { line, character: i - before.lastIndexOf('\n') - 1 + 2 };
}

const TOPIC = topic({ partitions: 6 });
const SO = scaledObject({ max: 20 });

function index(): WorkspaceIndex {
  return WorkspaceIndex.of([analyzeFile('topic.yaml', TOPIC), analyzeFile('so.yaml', SO)]);
}

describe('sizing hint on hover', () => {
  it('KafkaTopic partitions: consumers per partition, the scalers on the topic, the formula', () => {
    const idx = index();
    const h = hover(idx.get('topic.yaml')!, at(TOPIC, 'partitions:'), { schemas: defaultSchemaStore(), index: idx });
    assert.ok(h);
    assert.match(h.markdown, /\*\*Sizing\*\* · At most 6 consumers of a group read this topic in parallel/);
    assert.match(h.markdown, /ScaledObject\/orders-consumer scales up to 20 replicas\. For C_peak = 20: at least 20 partitions, 30–40 with headroom/);
    assert.match(h.markdown, /Partitions needed ≈ ⌈max\(T \/ p, T \/ c, C_peak\) × headroom⌉/);
    assert.match(h.markdown, /\*\*partitions\*\*/, 'the schema documentation stays');
  });

  it('ScaledObject maxReplicaCount: KEDA stops at the partitions of the topic', () => {
    const idx = index();
    const h = hover(idx.get('so.yaml')!, at(SO, 'maxReplicaCount:'), { schemas: defaultSchemaStore(), index: idx });
    assert.ok(h);
    assert.match(h.markdown, /KEDA never asks for more replicas than the trigger topic has partitions/);
    assert.match(h.markdown, /'orders': 6 partitions in KafkaTopic\/orders — this scaler stops at 6, not 20\./);
  });

  it('without the workspace or schemas the general hint still shows', () => {
    const f = analyzeFile('so.yaml', SO);
    const h = hover(f, at(SO, 'maxReplicaCount:'), {});
    assert.ok(h);
    assert.match(h.markdown, /^\*\*Sizing\*\*/);
    assert.doesNotMatch(h.markdown, /partitions in KafkaTopic/);
  });

  it('other fields get no sizing hint', () => {
    const idx = index();
    const h = hover(idx.get('so.yaml')!, at(SO, 'minReplicaCount:'), { schemas: defaultSchemaStore(), index: idx });
    assert.doesNotMatch(h?.markdown ?? '', /Sizing/);
  });
});
