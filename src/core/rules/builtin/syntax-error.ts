import { defineRule, docsUrl } from '../types';

/** Reported by the engine itself for YAML the parser cannot read. */
export default defineRule({
  meta: {
    id: 'syntax-error',
    group: 'syntax',
    targets: [],
    defaultSeverity: 'error',
    description: 'The file cannot be read: invalid YAML, or a malformed escape in a Kafka .properties file',
    why: 'Kubernetes and the operators cannot read a manifest with a syntax error; nothing in the broken document is applied. The rest of the file is still checked where it can be parsed. In a Kafka or Spring Boot `.properties` file, a `\\u` not followed by four hex digits makes `Properties.load` throw, so the application does not start.',
    howToFix: 'Fix the YAML at the position shown: usually an indentation mistake, a missing colon, an unclosed quote or a tab used for indentation. In `.properties`, write `\\uXXXX` with four hex digits, or `\\\\` for a literal backslash.',
    fixable: false,
    docsUrl: docsUrl('syntax-error'),
  },
});
