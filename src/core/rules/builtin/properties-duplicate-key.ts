import { defineRule, docsUrl } from '../types';

/** Reported by the engine for `.properties` files of Kafka clients and Spring Boot. */
export default defineRule({
  meta: {
    id: 'properties-duplicate-key',
    group: 'client',
    targets: [],
    defaultSeverity: 'warning',
    description: 'A key is set more than once in a properties file',
    why: 'java.util.Properties keeps the last value silently, so the first assignment is dead and a reader may believe it applies.',
    howToFix: 'Delete one of the two assignments, keeping the value you mean.',
    fixable: false,
    docsUrl: docsUrl('properties-duplicate-key'),
  },
});
