import type { ConfigSet } from '../../kafka-config';
import type { Resource } from '../../resource';
import { listenerLabel } from '../strimzi/util';
import { defineRule, docsUrl, type RuleContext } from '../types';
import { BOOTSTRAP_TARGETS, refsOf } from './bootstrap';
import { podSpecPath } from '../../workspace';
import { isObj } from '../strimzi/util';
import { relatedAt, resolveAddress, where, type BootstrapRef } from './util';

/** The namespace the KEDA operator runs in (its Helm chart's default). */
const KEDA_NAMESPACE = 'keda';

function check(subject: Resource | ConfigSet, ctx: RuleContext): void {
  for (const ref of refsOf(subject, ctx.index)) {
    const res = resolveAddress(ref, ctx.index);
    const l = res.listener;
    const kafka = res.kafka;
    if (!l || !kafka) continue;
    const lbl = `${listenerLabel(l)} of ${where(kafka, ref.file)}`;
    const related = [relatedAt(kafka, l.path, `${listenerLabel(l)}: tls ${l.tls === true}, authentication ${l.authType ?? 'none'}`)];
    const problems: string[] = [];
    const lt = l.tls === true;
    if (ref.tls !== undefined && ref.tls !== lt) problems.push(lt ? `uses TLS but ${ref.label} connects in plaintext${ref.trigger ? ' (set tls: enable)' : ref.configSet ? ' (set security.protocol to SSL or SASL_SSL)' : ' (add spec.tls)'}` : `is plaintext but ${ref.label} uses TLS`);
    if (l.authType === 'scram-sha-512' && ref.sasl !== undefined && ref.sasl !== 'SCRAM-SHA-512') problems.push(`requires SCRAM-SHA-512 but ${ref.label} ${ref.sasl === 'none' ? 'uses no SASL' : `uses SASL ${ref.sasl}`}`);
    if (l.authType === 'tls' && ref.clientCert === false) problems.push(`requires a client certificate (mTLS) but ${ref.label} presents none${ref.trigger ? ' (add cert and key to its TriggerAuthentication)' : ''}`);
    if (l.authType === undefined && ref.sasl !== undefined && ref.sasl !== 'none') problems.push(`has no authentication but ${ref.label} uses SASL ${ref.sasl}`);
    if (problems.length > 0) {
      ctx.report({ range: ref.range, message: `${lbl} ${problems.join('; it ')}: the connection fails.`, related });
      continue;
    }
    const np = networkPolicyVerdict(ref, kafka, l.value.networkPolicyPeers);
    if (np) {
      ctx.report({
        range: ref.range,
        severity: 'warning',
        message: `${lbl} only admits the networkPolicyPeers it lists, and none matches ${np}: the NetworkPolicy Strimzi creates for the listener drops the connection. Add a peer for it.`,
        related: [relatedAt(kafka, [...l.path, 'networkPolicyPeers'], `networkPolicyPeers of ${listenerLabel(l)}`)],
      });
    }
  }
}

type Labels = Readonly<Record<string, string>>;

/** A label selector's `matchLabels` when it has nothing else (undefined: cannot be judged). */
function matchLabels(sel: unknown): Labels | undefined {
  if (!isObj(sel)) return undefined;
  if (sel.matchExpressions !== undefined) return undefined;
  const m = sel.matchLabels;
  if (m === undefined) return {};
  if (!isObj(m)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m)) out[k] = String(v);
  return out;
}

function subset(sel: Labels, labels: Labels): boolean {
  return Object.entries(sel).every(([k, v]) => labels[k] === v);
}

/**
 * Whether a listener's networkPolicyPeers admit the client: a description of the client when no peer
 * can match it, undefined when one matches or it cannot be told (label expressions, namespace labels
 * other than the automatic `kubernetes.io/metadata.name`, unknown pod labels).
 */
function networkPolicyVerdict(ref: BootstrapRef, kafka: Resource, peers: unknown): string | undefined {
  if (!Array.isArray(peers) || peers.length === 0) return undefined;
  // Who connects: the KEDA operator for triggers, the workload's pods for env vars, Connect/MM2 pods.
  let ns: string | undefined;
  let pod: Labels | undefined;
  let who: string;
  if (ref.trigger) {
    ns = KEDA_NAMESPACE;
    pod = { app: 'keda-operator' };
    who = `the KEDA operator (namespace '${KEDA_NAMESPACE}') that runs ${ref.label}`;
  } else if (ref.envName && ref.resource) {
    ns = ref.resource.namespace;
    const l = ref.resource.get([...podSpecPath(ref.resource).slice(0, -1), 'metadata', 'labels']);
    pod = isObj(l) ? Object.fromEntries(Object.entries(l).map(([k, v]) => [k, String(v)])) : undefined;
    who = `the pods of ${ref.resource.displayName}`;
  } else return undefined;
  const kafkaNs = kafka.namespace;
  if (ns === undefined || pod === undefined) return undefined;
  for (const p of peers) {
    if (!isObj(p)) return undefined;
    const podSel = p.podSelector === undefined ? undefined : matchLabels(p.podSelector);
    const nsSel = p.namespaceSelector === undefined ? undefined : matchLabels(p.namespaceSelector);
    if ((p.podSelector !== undefined && !podSel) || (p.namespaceSelector !== undefined && !nsSel)) return undefined;
    if (p.ipBlock !== undefined) return undefined;
    // Namespaces: the selector's labels must be ones we know a namespace has.
    let nsOk: boolean;
    if (nsSel === undefined) nsOk = kafkaNs === undefined || ns === kafkaNs;
    else {
      const known = Object.keys(nsSel).every((k) => k === 'kubernetes.io/metadata.name');
      if (!known) return undefined;
      nsOk = subset(nsSel, { 'kubernetes.io/metadata.name': ns });
    }
    const podOk = podSel === undefined || subset(podSel, pod);
    if (nsOk && podOk) return undefined;
  }
  return who;
}

export default defineRule({
  meta: {
    id: 'bootstrap-connectivity-mismatch',
    group: 'cross-resource',
    targets: BOOTSTRAP_TARGETS,
    defaultSeverity: 'error',
    description: "A client's TLS or SASL settings do not match the Strimzi listener its bootstrap address reaches",
    why: 'A Strimzi listener accepts exactly one combination: TLS or plaintext, and one authentication (none, scram-sha-512, tls client certificates, …). A client (KEDA scaler, application, KafkaConnect) that speaks another combination fails in the TLS handshake or the SASL exchange, and KEDA then cannot read the lag at all. A listener with `networkPolicyPeers` gets a NetworkPolicy that admits only those peers: the KEDA operator (namespace `keda`) and the application pods must be among them.',
    howToFix: 'Align the client with the listener: KEDA `tls: enable` / `sasl: scram_sha512` with a TriggerAuthentication from the cluster CA secret and the KafkaUser secret; `security.protocol` and `sasl.mechanism` for Java clients; `spec.tls` / `spec.authentication` for KafkaConnect.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('bootstrap-connectivity-mismatch'),
    sources: ['https://strimzi.io/docs/operators/latest/configuring#type-GenericKafkaListener-reference', 'https://keda.sh/docs/2.20/scalers/apache-kafka/'],
  },
  resource: check,
  config: check,
});
