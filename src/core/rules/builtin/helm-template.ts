import { defineRule, docsUrl } from '../types';

/** Reported once per file by the engine when it masks Helm/Go template syntax. */
export default defineRule({
  meta: {
    id: 'helm-template',
    group: 'syntax',
    targets: [],
    defaultSeverity: 'info',
    description: 'The file contains template syntax that was skipped',
    why: 'Template expressions ({{ ... }}) are not YAML; checking them would produce a cascade of false findings. Documents that cannot be parsed are skipped and templated values are not checked, so this file is only partly linted.',
    howToFix: 'Lint the rendered manifests as well, e.g. `helm template . | kafka-k8s lint -` or render to a folder and lint that. Disable this notice with `# kafka-k8s-disable-file helm-template`.',
    fixable: false,
    docsUrl: docsUrl('helm-template'),
  },
});
