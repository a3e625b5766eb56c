import { defineRule, docsUrl } from '../types';
import { isObj, listenerLabel, listeners } from './util';

export default defineRule({
  meta: {
    id: 'strimzi-authorization-without-authentication',
    group: 'strimzi',
    targets: ['strimzi-kafka'],
    defaultSeverity: 'warning',
    description: 'Authorization is enabled but a listener does not authenticate its clients',
    why: 'Authorization applies to every listener. Clients of a listener without authentication are all `User:ANONYMOUS`, and when no ACL matches, only super users are allowed, so those clients get authorization errors (or, if ACLs grant ANONYMOUS access, anyone who reaches the listener gets it).',
    howToFix: 'Add `authentication` to the listener (type `tls` or `scram-sha-512`) and KafkaUsers with ACLs for its clients, or deliberately grant `User:ANONYMOUS` what it needs.',
    fixable: false,
    docsUrl: docsUrl('strimzi-authorization-without-authentication'),
    sources: ['apache/kafka@trunk:docs/security.html (ACLs)', 'https://strimzi.io/docs/operators/latest/deploying (Listener authentication)'],
  },
  resource(kafka, ctx) {
    const authz = kafka.get(['spec', 'kafka', 'authorization']);
    if (!isObj(authz)) return;
    const authzRange = kafka.keyRange(['spec', 'kafka', 'authorization']);
    const type = typeof authz.type === 'string' ? authz.type : 'set';
    for (const l of listeners(kafka)) {
      if (kafka.get([...l.path, 'authentication']) !== undefined) continue;
      ctx.report({
        range: kafka.valueRange([...l.path, 'name']) ?? kafka.rangeOf(l.path),
        message: `${listenerLabel(l)} has no authentication while authorization (${type}) is enabled: its clients are User:ANONYMOUS and are refused unless an ACL allows ANONYMOUS. Add authentication to the listener, or grant ANONYMOUS deliberately.`,
        related: authzRange ? [{ file: kafka.file, range: authzRange, message: 'Authorization is enabled here' }] : undefined,
      });
    }
  },
});
