import { defineRule, docsUrl } from '../types';

/** Reported by the engine (binary content) and the CLI (size limit) for a file that is not linted. */
export default defineRule({
  meta: {
    id: 'file-skipped',
    group: 'syntax',
    targets: [],
    defaultSeverity: 'info',
    description: 'A file was not linted: it is not text, or it is larger than the size limit',
    why: 'A file with NUL bytes is not YAML or properties text (a binary or encrypted file, such as a git-crypt secret); linting it would only produce noise. (UTF-16 saved without a byte-order mark is a `syntax-error` instead: kubectl cannot read it either.) A file larger than `thresholds.maxFileSizeMB` (10 MB by default) is not read by the CLI, so one stray dump cannot exhaust memory or stall a CI job. Either way, nothing in the file is checked.',
    howToFix: 'Nothing, if the file is not a manifest or client configuration (exclude it with `ignorePaths` to silence this). A manifest larger than the limit: split it, or raise `thresholds.maxFileSizeMB` in `.kafka-k8s.yaml`.',
    fixable: false,
    docsUrl: docsUrl('file-skipped'),
  },
});
