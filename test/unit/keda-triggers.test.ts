/** The KEDA trigger helper parses metadata the way KEDA does (Go ParseBool/ParseInt, trimmed, empty = unset). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badPartitionItem, closeNames, kafkaTriggers, parseGoBool, parseGoInt, plainSafe, replicaSettings } from '../../src/core/rules/keda/triggers';
import { analyzeFile } from '../../src/core/source';

describe('KEDA trigger helper', () => {
  it('parses booleans like Go strconv.ParseBool', () => {
    for (const t of ['1', 't', 'T', 'TRUE', 'true', 'True']) assert.equal(parseGoBool(t), true, t);
    for (const f of ['0', 'f', 'F', 'FALSE', 'false', 'False']) assert.equal(parseGoBool(f), false, f);
    for (const bad of ['yes', 'no', 'on', 'tRUE', '', ' true']) assert.equal(parseGoBool(bad), undefined, bad);
  });

  it('parses integers like Go strconv.ParseInt(s, 10, 64)', () => {
    assert.equal(parseGoInt('42'), 42n);
    assert.equal(parseGoInt('+7'), 7n);
    assert.equal(parseGoInt('-3'), -3n);
    assert.equal(parseGoInt('9223372036854775807'), 9223372036854775807n);
    for (const bad of ['9223372036854775808', '1_000', '1e3', '10.0', '0x10', '', ' 1']) assert.equal(parseGoInt(bad), undefined, bad);
    assert.equal(parseGoInt('2147483648', 32), undefined);
  });

  it('parses partition lists with ranges', () => {
    assert.equal(badPartitionItem('1,2,10-20, 31'), undefined);
    assert.equal(badPartitionItem('1,,2'), '');
    assert.equal(badPartitionItem('1-2-3'), '1-2-3');
    assert.equal(badPartitionItem('a'), 'a');
  });

  it('suggests close names, case and separators first', () => {
    assert.deepEqual(closeNames('lagthreshold', ['lagThreshold', 'activationLagThreshold']), ['lagThreshold']);
    assert.deepEqual(closeNames('topc', ['topic', 'tls']), ['topic']);
    assert.deepEqual(closeNames('zzz', ['topic']), []);
  });

  it('knows which strings YAML keeps as strings when plain', () => {
    for (const s of ['orders', 'scram_sha512', 'a.b-c']) assert.ok(plainSafe(s), s);
    for (const s of ['true', 'no', '10', '1e3', '', ' x', '-x', 'a: b', '*x']) assert.ok(!plainSafe(s), s);
  });

  it('reads triggers, trimmed values, empty values and KEDA defaults', () => {
    const f = analyzeFile(
      'so.yaml',
      'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: x\nspec:\n  maxReplicaCount: 4\n  scaleTargetRef:\n    name: x\n  triggers:\n    - type: cpu\n      metadata:\n        value: "50"\n    - type: apache-kafka\n      metadata:\n        topic: " a, b "\n        consumerGroup: ""\n        lagThreshold: "  20 "\n',
    );
    const [t] = kafkaTriggers(f.resources[0]);
    assert.equal(t.index, 1);
    assert.equal(t.type, 'apache-kafka');
    assert.deepEqual(t.topics, ['a', 'b']);
    assert.equal(t.isSet('consumerGroup'), false);
    assert.equal(t.int('lagThreshold'), 20);
    assert.equal(t.bool('allowIdleConsumers'), false);
    const r = replicaSettings(f.resources[0]);
    assert.deepEqual([r.min, r.max, r.idle, r.minSet, r.maxSet], [0, 4, undefined, false, true]);
  });
});
