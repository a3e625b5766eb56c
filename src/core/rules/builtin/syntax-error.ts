import { defineRule, docsUrl } from '../types';

/** Reported by the engine itself for YAML the parser cannot read. */
export default defineRule({
  meta: {
    id: 'syntax-error',
    group: 'syntax',
    targets: [],
    defaultSeverity: 'error',
    description: 'The file cannot be read: invalid YAML, or a malformed escape in a Kafka .properties file',
    why: 'Kubernetes and the operators cannot read a manifest with a syntax error; nothing in the broken document is applied. The rest of the file is still checked where it can be parsed. In a Kafka or Spring Boot `.properties` file, a `\\u` not followed by four hex digits makes `Properties.load` throw, so the application does not start. A YAML file that is not valid UTF-8 (saved as Latin-1 or Windows-1252) is refused by kubectl and Helm; the CLI reports its first such byte.',
    howToFix: 'Fix the YAML at the position shown: usually an indentation mistake, a missing colon, an unclosed quote or a tab used for indentation. In `.properties`, write `\\uXXXX` with four hex digits, or `\\\\` for a literal backslash. A file that is not UTF-8: save it as UTF-8 (in VS Code: Reopen with Encoding, then Save with Encoding).',
    fixable: false,
    docsUrl: docsUrl('syntax-error'),
  },
});
