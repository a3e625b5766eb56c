/**
 * internal-error is reported by the engine when a rule throws. No real input should make a rule throw,
 * so this test makes one throw on purpose and checks that the lint goes on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lintFile } from '../../src/core/engine';
import rule from '../../src/core/rules/builtin/internal-error';
import { ruleById } from '../../src/core/rules/index';
import type { Rule } from '../../src/core/rules/types';
import { analyzeFile } from '../../src/core/source';

describe('rule internal-error', () => {
  const victim = ruleById('producer-acks-weak') as { -readonly [K in keyof Rule]: Rule[K] };
  const original = victim.config;
  before(() => {
    victim.config = () => {
      throw new Error('boom');
    };
  });
  after(() => {
    victim.config = original;
  });

  it('is documented as an error', () => {
    assert.equal(rule.meta.id, 'internal-error');
    assert.equal(rule.meta.defaultSeverity, 'error');
  });

  it('reports a throwing rule once, names it, and keeps the other rules running', () => {
    const file = analyzeFile('producer.properties', 'bootstrap.servers=a:9092\nacks=1\nacks=all\n');
    const findings = lintFile(file);
    const internal = findings.filter((f) => f.ruleId === 'internal-error');
    assert.equal(internal.length, 1);
    assert.equal(internal[0].severity, 'error');
    assert.match(internal[0].message, /^Rule producer-acks-weak failed on this file: boom\./);
    assert.deepEqual([internal[0].range.start.line, internal[0].range.start.character], [0, 0]);
    assert.ok(findings.some((f) => f.ruleId === 'properties-duplicate-key'), 'other rules still report');
  });

  it('reports nothing when no rule throws', () => {
    victim.config = original;
    const findings = lintFile(analyzeFile('producer.properties', 'acks=1\n'));
    assert.ok(!findings.some((f) => f.ruleId === 'internal-error'));
  });
});
