import rule from '../../src/core/rules/builtin/config-invalid';
import { ruleTester } from '../helpers/rule-tester';

const path = '.kafka-k8s.yaml';

ruleTester(rule, {
  valid: [
    { path, code: '' },
    { path, code: '# only a comment\n' },
    {
      path,
      code: 'versions:\n  strimzi: "1.2.0"\n  kafka: 4.1.0\n  keda: 2.20\nrules:\n  producer-acks-weak: "off"\n  config-invalid: warning\nignorePaths: ["generated/**"]\nthresholds:\n  maxPartitionsPerTopic: 500\n  someRuleSpecificLimit: 3\ncrossResource:\n  assumeCompleteWorkspace: true\n',
    },
    { name: 'another YAML file with the same keys is not a config file', path: 'values.yaml', code: 'rulez: 1\n' },
    { path: 'sub/.kafka-k8s.yml', code: 'rules: {producer-acks-weak: error}\n' },
  ],
  invalid: [
    {
      name: 'unknown top-level key, with did-you-mean and fix',
      path,
      code: 'rule:\n  producer-acks-weak: off\n',
      errors: [{ line: 1, column: 1, endColumn: 5, message: "Unknown setting 'rule'. Did you mean 'rules'?" }],
      output: 'rules:\n  producer-acks-weak: off\n',
    },
    {
      name: 'unknown rule id',
      path,
      code: 'rules:\n  producer-acks-weakk: off\n  no-such-thing-at-all: error\n',
      errors: [
        { line: 2, column: 3, message: "Unknown rule 'producer-acks-weakk'. Did you mean 'producer-acks-weak'?" },
        { line: 3, column: 3, message: /Unknown rule 'no-such-thing-at-all'\. Run 'kafka-k8s rules'/ },
      ],
      output: 'rules:\n  producer-acks-weak: off\n  no-such-thing-at-all: error\n',
    },
    {
      name: 'bad severity, ESLint spelling',
      path,
      code: 'rules:\n  producer-acks-weak: warn\n',
      errors: [{ line: 2, column: 23, message: /Invalid severity 'warn'.*Did you mean 'warning'\?/ }],
      output: 'rules:\n  producer-acks-weak: warning\n',
    },
    {
      name: 'bad versions',
      path,
      code: 'versions:\n  kafka: latest\n  strimzy: 1.2.0\n',
      errors: [
        { line: 2, column: 10, message: /'versions.kafka' must be a version/ },
        { line: 3, column: 3, message: "Unknown setting 'versions.strimzy'. Did you mean 'strimzi'?" },
      ],
    },
    {
      name: 'wrong shapes',
      path,
      code: 'ignorePaths: {a: 1}\nthresholds:\n  maxPartitionsPerTopc: 10\n  minLagThreshold: lots\ncrossResource:\n  assumeCompleteWorkspace: "yes"\n',
      errors: [
        { line: 1, column: 14, message: /'ignorePaths' must be a list/ },
        { line: 3, column: 3, message: "Unknown threshold 'maxPartitionsPerTopc'. Did you mean 'maxPartitionsPerTopic'?" },
        { line: 4, column: 20, message: /must be a non-negative number/ },
        { line: 6, column: 28, message: /must be true or false/ },
      ],
    },
    {
      name: 'not a map',
      path,
      code: '- rules\n',
      errors: [{ line: 1, column: 1, message: /must be a map of settings/ }],
      output: null,
    },
  ],
});
