import { defineRule, docsUrl } from '../types';
import { listenerLabel, listeners } from '../strimzi/util';
import { clusterOfLabel, relatedAt, where } from './util';

export default defineRule({
  meta: {
    id: 'user-auth-mismatch-with-cluster',
    group: 'cross-resource',
    targets: ['strimzi-user'],
    defaultSeverity: 'error',
    description: "A KafkaUser's authentication or authorization does not match any listener or the authorizer of its cluster",
    why: 'A KafkaUser with `tls` authentication gets a client certificate, with `scram-sha-512` a password; both are useless unless a listener of the cluster accepts that authentication ("At least one listener supporting the desired authentication must be configured"). Its `simple` ACLs only apply when the cluster uses `authorization.type: simple`.',
    howToFix: 'Add the matching `authentication` to a listener of the Kafka CR (or `authorization: {type: simple}`), or change the KafkaUser to what the cluster offers.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('user-auth-mismatch-with-cluster'),
    sources: ['https://strimzi.io/docs/operators/latest/deploying#con-securing-client-authentication-str'],
  },
  resource(user, ctx) {
    const kafka = clusterOfLabel(ctx.index, user);
    if (!kafka) return;
    const auth = user.get(['spec', 'authentication', 'type']);
    const ls = listeners(kafka);
    if (typeof auth === 'string' && ls.length > 0) {
      const need = auth === 'tls-external' ? 'tls' : auth;
      if ((need === 'tls' || need === 'scram-sha-512') && !ls.some((l) => l.authType === need)) {
        ctx.report({
          range: user.valueRange(['spec', 'authentication', 'type']) ?? user.doc.headRange(),
          message: `${user.displayName} authenticates with ${auth}, but no listener of ${where(kafka, user.file)} has authentication type ${need} (listeners: ${ls.map((l) => `${listenerLabel(l)}: ${l.authType ?? 'none'}`).join(', ')}): the user cannot connect. Add authentication: {type: ${need}} to a listener.`,
          related: [relatedAt(kafka, ['spec', 'kafka', 'listeners'], `Listeners of ${kafka.displayName}`)],
        });
      }
    }
    const authz = user.get(['spec', 'authorization', 'type']);
    const clusterAuthz = kafka.get(['spec', 'kafka', 'authorization', 'type']);
    if (authz === 'simple' && clusterAuthz !== 'simple') {
      ctx.report({
        range: user.valueRange(['spec', 'authorization', 'type']) ?? user.doc.headRange(),
        message: `${user.displayName} has simple ACLs, but ${where(kafka, user.file)} ${clusterAuthz === undefined ? 'has no authorization' : `uses authorization type ${String(clusterAuthz)}`}: the ACLs are ${clusterAuthz === undefined ? 'not enforced' : 'not used'}. Set spec.kafka.authorization.type: simple on the cluster.`,
        related: [relatedAt(kafka, clusterAuthz === undefined ? ['spec', 'kafka'] : ['spec', 'kafka', 'authorization', 'type'], `${kafka.displayName} authorization`)],
      });
    }
  },
});
