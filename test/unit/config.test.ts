import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestMatch } from '../../src/core/suggest';
import { engineOptionsFromSettings, isConfigFile, parseConfigText, settingsFromRaw } from '../../src/core/config';
import { RULES } from '../../src/core/rules/index';

const ruleIds = RULES.map((r) => r.meta.id);

describe('settingsFromRaw', () => {
  it('normalises a full, valid configuration', () => {
    const { settings, problems } = settingsFromRaw(
      {
        versions: { strimzi: '1.2.0', kafka: 'v4.1.0', keda: 2.2 },
        rules: { 'producer-acks-weak': 'off', 'syntax-error': 'warning' },
        ignorePaths: ['charts/**', ' generated/** '],
        thresholds: { maxPartitionsPerTopic: 200, customLimit: 3 },
        crossResource: { assumeCompleteWorkspace: true },
      },
      { ruleIds },
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      versions: { strimzi: '1.2.0', kafka: '4.1.0', keda: '2.2' },
      rules: { 'producer-acks-weak': 'off', 'syntax-error': 'warning' },
      ignorePaths: ['charts/**', 'generated/**'],
      thresholds: { maxPartitionsPerTopic: 200, customLimit: 3 },
      crossResource: { assumeCompleteWorkspace: true },
    });
  });

  it('treats null and empty input as defaults', () => {
    assert.deepEqual(settingsFromRaw(null, { ruleIds }).problems, []);
    assert.deepEqual(settingsFromRaw({ versions: null, rules: null }, { ruleIds }).problems, []);
  });

  it('keeps valid entries and reports invalid ones by path', () => {
    const { settings, problems } = settingsFromRaw(
      { rules: { 'producer-acks-weak': 'warn', 'syntax-error': 'off', nope: 'error' }, extra: 1, ignorePaths: 'one/**' },
      { ruleIds },
    );
    assert.deepEqual(settings.rules, { 'syntax-error': 'off' });
    assert.deepEqual(settings.ignorePaths, ['one/**']);
    assert.deepEqual(
      problems.map((p) => [p.path.join('.'), p.on]),
      [
        ['rules.producer-acks-weak', 'value'],
        ['rules.nope', 'key'],
        ['extra', 'key'],
      ],
    );
    assert.match(problems[0].message, /Did you mean 'warning'\?/);
  });

  it('rejects a non-map configuration', () => {
    const { problems } = settingsFromRaw(['rules'], { ruleIds });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /must be a map/);
  });
});

describe('parseConfigText', () => {
  it('reads unquoted versions from their source text (2.20 is not 2.2)', () => {
    const { settings, problems } = parseConfigText('versions:\n  keda: 2.20\n  kafka: 4.0\n', { ruleIds });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.versions, { keda: '2.20', kafka: '4.0' });
  });

  it('locates problems exactly (0-based ranges)', () => {
    const { problems } = parseConfigText('rules:\n  producer-acks-weak: sometimes\nversions:\n  kafka: [4]\n', { ruleIds });
    assert.deepEqual(
      problems.map((p) => [p.range.start.line, p.range.start.character, p.range.end.character]),
      [
        [1, 22, 31],
        [3, 9, 12],
      ],
    );
  });

  it('reports YAML syntax errors separately', () => {
    const { syntaxErrors } = parseConfigText('rules: [unclosed\n', { ruleIds });
    assert.ok(syntaxErrors.length > 0);
    assert.match(syntaxErrors[0].message, /YAML syntax error/);
  });

  it('flags extra YAML documents', () => {
    const { problems } = parseConfigText('rules: {}\n---\nversions: {}\n', { ruleIds });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].range.start.line, 2);
  });
});

describe('engineOptionsFromSettings', () => {
  it('lets flags win over the configuration file', () => {
    const { settings } = settingsFromRaw({ versions: { kafka: '3.9.0', strimzi: '0.51.0' }, rules: { 'producer-acks-weak': 'error' } }, { ruleIds });
    const opts = engineOptionsFromSettings(settings, { kafka: '4.1.0' });
    assert.deepEqual(opts.versions, { kafka: { value: '4.1.0', source: 'flag' }, strimzi: { value: '0.51.0', source: 'config' } });
    assert.deepEqual(opts.rules, { 'producer-acks-weak': 'error' });
    assert.deepEqual(opts.settings, {});
  });

  it('passes thresholds and crossResource through', () => {
    const { settings } = settingsFromRaw({ thresholds: { minLagThreshold: 5 }, crossResource: { assumeCompleteWorkspace: false } }, { ruleIds });
    assert.deepEqual(engineOptionsFromSettings(settings).settings, { assumeCompleteWorkspace: false, thresholds: { minLagThreshold: 5 } });
  });
});

describe('helpers', () => {
  it('recognises configuration file names', () => {
    assert.ok(isConfigFile('.kafka-k8s.yaml'));
    assert.ok(isConfigFile('a/b/.kafka-k8s.yml'));
    assert.ok(!isConfigFile('kafka-k8s.yaml'));
  });

  it('suggests near misses only', () => {
    assert.equal(closestMatch('replica', ['replicas', 'partitions']), 'replicas');
    assert.equal(closestMatch('zzz', ['replicas', 'partitions']), undefined);
  });
});
