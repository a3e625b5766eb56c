import type { Fix, Range } from '../../model';
import type { Resource } from '../../resource';
import { defineRule, docsUrl, type RuleContext } from '../types';
import { isDynamicAt, isObj, listenerLabel, listeners, num, type Listener } from './util';

const NAME = /^[a-z0-9]{1,11}$/;
const RESERVED_PORTS = new Set([9404, 9999]);

export default defineRule({
  meta: {
    id: 'strimzi-listener-invalid',
    group: 'strimzi',
    targets: ['strimzi-kafka'],
    defaultSeverity: 'error',
    description: 'A Kafka listener the Strimzi operator rejects: duplicate or malformed name or port, missing TLS, hosts or gateway references',
    why: 'The operator validates `spec.kafka.listeners` before it changes anything and stops reconciling the whole cluster when a listener is invalid: names must match `^[a-z0-9]{1,11}$` and be unique, ports must be unique, at least 9092 and not 9404 or 9999 (Prometheus and JMX), `route` and `ingress` listeners must use TLS, `ingress` and `tlsroute` listeners need bootstrap and per-broker hosts (and `tlsroute` its `parentRefs`), and TLS client authentication or custom broker certificates need a TLS listener.',
    howToFix: 'Give each listener a unique short lowercase name and a unique port from 9092 upward (skipping 9404 and 9999), set `tls: true` where required, and add the missing `configuration` hosts or `parentRefs`.',
    fixable: true,
    docsUrl: docsUrl('strimzi-listener-invalid'),
    sources: [
      'strimzi/strimzi-kafka-operator@1.2.0:cluster-operator/src/main/java/io/strimzi/operator/cluster/model/ListenersValidator.java',
      'strimzi/strimzi-kafka-operator@1.2.0:api/src/main/java/io/strimzi/api/kafka/model/kafka/listener/GenericKafkaListener.java',
    ],
  },
  resource(kafka, ctx) {
    const all = listeners(kafka);
    const ports = new Set(all.map((l) => num(l.value.port)).filter((p): p is number => p !== undefined));
    const seenNames = new Map<string, Listener>();
    const seenPorts = new Map<number, Listener>();
    for (const l of all) {
      const label = listenerLabel(l);
      // Name.
      if (l.name !== undefined && !isDynamicAt(kafka, [...l.path, 'name'])) {
        const range = kafka.valueRange([...l.path, 'name'])!;
        if (!NAME.test(l.name)) {
          ctx.report({ range, message: `Listener name '${l.name}' is invalid: use 1 to 11 lowercase letters and digits (^[a-z0-9]{1,11}$); the name becomes part of Kubernetes object names and Kafka listener names.` });
        }
        const first = seenNames.get(l.name);
        if (first) {
          ctx.report({ range, message: `Listener name '${l.name}' is already used by ${listenerLabel(first)}; listener names must be unique.`, related: related(kafka, first, 'name', 'First used here') });
        } else seenNames.set(l.name, l);
      }
      // Port.
      const port = num(l.value.port);
      if (port !== undefined) {
        const range = kafka.valueRange([...l.path, 'port'])!;
        const free = freePort(ports);
        const suggestions = portSuggestion(kafka, l, free);
        if (port < 9092 || RESERVED_PORTS.has(port)) {
          ctx.report({
            range,
            message: `Port ${port} of ${label} is not allowed: use 9092 or higher${RESERVED_PORTS.has(port) ? `; ${port} is reserved for ${port === 9404 ? 'Prometheus metrics' : 'JMX'}` : ''} (e.g. ${free}).`,
            suggestions,
          });
        }
        const first = seenPorts.get(port);
        if (first) {
          ctx.report({ range, message: `Port ${port} of ${label} is already used by ${listenerLabel(first)}; each listener needs its own port (e.g. ${free}).`, suggestions, related: related(kafka, first, 'port', 'First used here') });
        } else seenPorts.set(port, l);
      }
      checkTls(kafka, l, ctx);
      checkHosts(kafka, l, ctx);
    }
  },
});

function related(kafka: Resource, l: Listener, key: string, message: string) {
  const range = kafka.valueRange([...l.path, key]);
  return range ? [{ file: kafka.file, range, message }] : undefined;
}

function freePort(used: ReadonlySet<number>): number {
  let p = 9092;
  while (used.has(p) || RESERVED_PORTS.has(p)) p++;
  return p;
}

function portSuggestion(kafka: Resource, l: Listener, port: number): Fix[] | undefined {
  const edit = kafka.doc.setValueEdit([...l.path, 'port'], String(port));
  return edit ? [{ title: `Use port ${port}`, edits: [edit] }] : undefined;
}

function checkTls(kafka: Resource, l: Listener, ctx: RuleContext): void {
  if (isDynamicAt(kafka, [...l.path, 'tls'])) return;
  const label = listenerLabel(l);
  if ((l.type === 'route' || l.type === 'ingress') && l.tls !== true) {
    const tlsPath = [...l.path, 'tls'];
    const has = kafka.has(tlsPath);
    const edit = has ? kafka.doc.setValueEdit(tlsPath, 'true') : kafka.doc.insertKeyEdit(l.path, 'tls', 'true');
    ctx.report({
      range: (has ? kafka.valueRange(tlsPath) : kafka.valueRange([...l.path, 'type'])) ?? kafka.rangeOf(l.path),
      message: `${label} is of type ${l.type}, which works only with TLS (${l.type === 'route' ? 'OpenShift routes' : 'the ingress controller'} use TLS passthrough to reach the brokers). Set tls: true.`,
      fix: edit ? { title: 'Set tls: true', edits: [edit] } : undefined,
    });
  }
  if (l.tls === true) return;
  if (l.authType === 'tls') {
    ctx.report({
      range: kafka.valueRange([...l.path, 'authentication', 'type'])!,
      message: `${label} uses TLS client authentication but has tls: ${l.tls ?? 'unset'}; client certificates need an encrypted listener. Set tls: true or use scram-sha-512.`,
    });
  }
  const certPath = [...l.path, 'configuration', 'brokerCertChainAndKey'];
  if (kafka.has(certPath)) {
    ctx.report({
      range: kafka.keyRange(certPath)!,
      message: `brokerCertChainAndKey sets the server certificate of ${label}, which has tls: ${l.tls ?? 'unset'}; custom certificates need a TLS listener. Set tls: true or remove it.`,
    });
  }
}

function checkHosts(kafka: Resource, l: Listener, ctx: RuleContext): void {
  if (l.type !== 'ingress' && l.type !== 'tlsroute') return;
  const label = listenerLabel(l);
  const conf = isObj(l.value.configuration) ? l.value.configuration : {};
  const at: Range = kafka.valueRange([...l.path, 'type']) ?? kafka.rangeOf(l.path);
  const missing: string[] = [];
  const bootstrap = isObj(conf.bootstrap) ? conf.bootstrap : undefined;
  if (!bootstrap || typeof bootstrap.host !== 'string' || !bootstrap.host) missing.push('configuration.bootstrap.host');
  const brokers = Array.isArray(conf.brokers) ? conf.brokers : [];
  const hostTemplate = typeof conf.hostTemplate === 'string' && conf.hostTemplate !== '';
  if (!hostTemplate && (brokers.length === 0 || brokers.some((b) => !isObj(b) || typeof b.host !== 'string' || !b.host))) missing.push('configuration.hostTemplate or a host for every entry of configuration.brokers');
  if (l.type === 'tlsroute' && (!Array.isArray(conf.parentRefs) || conf.parentRefs.length === 0)) missing.push('configuration.parentRefs (the Gateway the TLSRoutes attach to)');
  if (missing.length === 0) return;
  ctx.report({
    range: at,
    message: `${label} of type ${l.type} needs ${missing.join(', and ')}; the operator rejects it without.`,
  });
}
