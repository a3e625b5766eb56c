import type { Fix } from '../../model';
import type { Resource } from '../../resource';
import { defineRule, docsUrl } from '../types';
import { listenerLabel, listeners, type Listener } from './util';

const EXTERNAL = new Set(['nodeport', 'loadbalancer', 'route', 'ingress', 'tlsroute']);

export default defineRule({
  meta: {
    id: 'strimzi-listener-no-authentication',
    group: 'strimzi',
    targets: ['strimzi-kafka'],
    defaultSeverity: 'warning',
    description: 'A listener reachable from outside the cluster without client authentication or without TLS',
    why: 'A listener without `authentication` accepts every connection. Listeners of type `nodeport`, `loadbalancer`, `route`, `ingress` and `tlsroute` are reachable from outside Kubernetes, so anyone who can reach a node or load balancer can read and write topics. Without `tls: true` traffic, including SCRAM credentials exchanges and data, is unencrypted; Strimzi recommends TLS together with SCRAM.',
    howToFix: 'Add `authentication: {type: tls}` (mutual TLS) or `authentication: {type: scram-sha-512}` to the listener and set `tls: true`; create KafkaUsers for the clients.',
    fixable: false,
    docsUrl: docsUrl('strimzi-listener-no-authentication'),
    sources: ['https://strimzi.io/docs/operators/latest/deploying (Listener authentication; Setting up secure client access)'],
  },
  resource(kafka, ctx) {
    for (const l of listeners(kafka)) {
      const label = listenerLabel(l);
      const external = l.type !== undefined && EXTERNAL.has(l.type);
      const typeRange = kafka.valueRange([...l.path, 'type']) ?? kafka.rangeOf(l.path);
      const tlsRange = kafka.valueRange([...l.path, 'tls']);
      const hasAuth = kafka.get([...l.path, 'authentication']) !== undefined;
      if (external && !hasAuth) {
        ctx.report({
          range: typeRange,
          message: `${label} (${l.type}) is reachable from outside the Kubernetes cluster and has no authentication, so it accepts every client. Add authentication (type tls or scram-sha-512).`,
          suggestions: authSuggestions(kafka, l),
        });
      }
      if ((l.type === 'nodeport' || l.type === 'loadbalancer') && l.tls === false) {
        ctx.report({
          range: tlsRange ?? typeRange,
          message: `${label} (${l.type}) is reachable from outside the Kubernetes cluster but has tls: false, so data and credentials cross the network unencrypted. Set tls: true.`,
        });
      } else if (l.authType === 'scram-sha-512' && l.tls === false) {
        ctx.report({
          range: kafka.valueRange([...l.path, 'authentication', 'type']) ?? typeRange,
          message: `${label} uses SCRAM-SHA-512 over an unencrypted listener (tls: false): the data and the session are not protected. Set tls: true.`,
        });
      }
      if ((l.type === 'internal' || l.type === 'cluster-ip') && l.tls === true && !hasAuth) {
        ctx.report({
          range: tlsRange ?? typeRange,
          severity: 'info',
          message: `${label} encrypts traffic but does not authenticate clients, so every pod that can reach it is accepted. Add authentication if the cluster is shared.`,
        });
      }
    }
  },
});

function authSuggestions(kafka: Resource, l: Listener): Fix[] {
  const out: Fix[] = [];
  const types = l.tls === true ? ['tls', 'scram-sha-512'] : ['scram-sha-512'];
  for (const t of types) {
    const edit = kafka.doc.insertKeyEdit(l.path, 'authentication', `\n  type: ${t}`);
    if (edit) out.push({ title: `Add authentication type ${t}`, edits: [edit] });
  }
  return out;
}
