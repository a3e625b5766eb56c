import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_EDITOR_SETTINGS, editorSettingsFromRaw } from '../../src/extension/settingsModel';

const from = (raw: Record<string, unknown>) => editorSettingsFromRaw((k) => raw[k]);

test('no settings: the defaults, no problems', () => {
  assert.deepEqual(from({}), { settings: DEFAULT_EDITOR_SETTINGS, problems: [] });
});

test('valid settings are taken as written (versions lose a leading v, warn means warning)', () => {
  const { settings, problems } = from({
    'lint.enable': false,
    'lint.run': 'onSave',
    'lint.debounceMs': 50,
    'lint.ignore': ['charts/**', ''],
    schemaValidation: 'off',
    rules: { 'producer-acks-weak': 'error', 'topic-x': 'warn', 'y': 'OFF' },
    'versions.kafka': 'v4.1.0',
    'versions.strimzi': '',
  });
  assert.deepEqual(problems, []);
  assert.equal(settings.enable, false);
  assert.equal(settings.run, 'onSave');
  assert.equal(settings.debounceMs, 50);
  assert.deepEqual(settings.ignore, ['charts/**']);
  assert.equal(settings.schemaValidation, 'off');
  assert.deepEqual(settings.rules, { 'producer-acks-weak': 'error', 'topic-x': 'warning', y: 'off' });
  assert.deepEqual(settings.versions, { kafka: '4.1.0' });
});

test('bad values fall back to the default and are reported by setting name', () => {
  const { settings, problems } = from({
    'lint.debounceMs': -5,
    'lint.run': 'sometimes',
    schemaValidation: true,
    rules: { a: 'loud', b: 'hint' },
    'versions.keda': 'latest',
    'lint.ignore': 'dist/**',
  });
  assert.equal(settings.debounceMs, DEFAULT_EDITOR_SETTINGS.debounceMs);
  assert.equal(settings.run, 'onType');
  assert.equal(settings.schemaValidation, 'auto');
  assert.deepEqual(settings.rules, { b: 'hint' });
  assert.deepEqual(settings.versions, {});
  assert.deepEqual(settings.ignore, DEFAULT_EDITOR_SETTINGS.ignore);
  assert.deepEqual(
    problems.map((p) => p.split(' ')[0]),
    ['kafkaK8s.rules.a:', 'kafkaK8s.lint.ignore', 'kafkaK8s.versions.keda', 'kafkaK8s.lint.run', 'kafkaK8s.lint.debounceMs', 'kafkaK8s.schemaValidation'],
  );
});
