import { defineRule, docsUrl } from '../types';

/** Reported by the engine itself for YAML the parser cannot read. */
export default defineRule({
  meta: {
    id: 'syntax-error',
    group: 'syntax',
    targets: [],
    defaultSeverity: 'error',
    description: 'The file is not valid YAML',
    why: 'Kubernetes and the operators cannot read a manifest with a syntax error; nothing in the broken document is applied. The rest of the file is still checked where it can be parsed.',
    howToFix: 'Fix the YAML at the position shown: usually an indentation mistake, a missing colon, an unclosed quote or a tab used for indentation.',
    fixable: false,
    docsUrl: docsUrl('syntax-error'),
  },
});
