import { configFromYaml, isConfigFile } from '../../config';
import { defineRule, docsUrl } from '../types';

/** Checks the `.kafka-k8s.yaml` configuration file itself (YAML syntax errors are `syntax-error`). */
export default defineRule({
  meta: {
    id: 'config-invalid',
    group: 'syntax',
    targets: [],
    defaultSeverity: 'error',
    description: 'The kafka-k8s configuration file has an unknown key, rule id, severity or version',
    why: 'A misspelt setting in `.kafka-k8s.yaml` is otherwise silently ignored: a rule you meant to turn off keeps reporting, or a version you meant to pin is not used. The CLI refuses to run with an invalid configuration (exit code 2).',
    howToFix: 'Correct the setting at the position shown; the message suggests the nearest valid key or rule id. Valid top-level keys are `versions`, `rules`, `ignorePaths`, `thresholds` and `crossResource`; severities are `error`, `warning`, `info`, `hint` and `off`.',
    fixable: true,
    docsUrl: docsUrl('config-invalid'),
    sources: ['https://eslint.org/docs/latest/use/command-line-interface#exit-codes'],
  },
  file(file, ctx) {
    if (!file.yaml || !isConfigFile(file.path)) return;
    // The registry imports this rule, so it is loaded lazily, when the check runs (no import cycle).
    const { RULES } = require('../index') as typeof import('../index');
    const ids = RULES.map((r) => r.meta.id);
    for (const p of configFromYaml(file.yaml, { ruleIds: ids }).problems) {
      const guess = /Did you mean '([^']+)'\?/.exec(p.message)?.[1];
      const fixable = guess !== undefined && (p.on === 'key' || p.path[0] === 'rules');
      ctx.report({ range: p.range, message: p.message, ...(fixable ? { fix: { title: `Change to '${guess}'`, edits: [{ range: p.range, newText: guess }] } } : {}) });
    }
  },
});
