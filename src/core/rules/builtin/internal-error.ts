import { defineRule, docsUrl } from '../types';

/** Reported by the engine when a rule throws; the rest of the lint goes on. */
export default defineRule({
  meta: {
    id: 'internal-error',
    group: 'syntax',
    targets: [],
    defaultSeverity: 'error',
    description: 'A rule failed while checking this file',
    why: 'A bug in kafka-k8s stopped one rule from checking this file. Other rules still ran, but this rule\'s findings are missing.',
    howToFix: 'Report the message and the smallest file that reproduces it. Meanwhile the rule can be turned off in `.kafka-k8s.yaml`.',
    fixable: false,
    docsUrl: docsUrl('internal-error'),
  },
});
