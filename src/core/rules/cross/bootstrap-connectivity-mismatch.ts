import type { ConfigSet } from '../../kafka-config';
import type { Resource } from '../../resource';
import { listenerLabel } from '../strimzi/util';
import { defineRule, docsUrl, type RuleContext } from '../types';
import { BOOTSTRAP_TARGETS, refsOf } from './bootstrap';
import { relatedAt, resolveAddress, where } from './util';

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
    if (problems.length === 0) continue;
    ctx.report({
      range: ref.range,
      message: `${lbl} ${problems.join('; it ')}: the connection fails.`,
      related,
    });
  }
}

export default defineRule({
  meta: {
    id: 'bootstrap-connectivity-mismatch',
    group: 'cross-resource',
    targets: BOOTSTRAP_TARGETS,
    defaultSeverity: 'error',
    description: "A client's TLS or SASL settings do not match the Strimzi listener its bootstrap address reaches",
    why: 'A Strimzi listener accepts exactly one combination: TLS or plaintext, and one authentication (none, scram-sha-512, tls client certificates, …). A client (KEDA scaler, application, KafkaConnect) that speaks another combination fails in the TLS handshake or the SASL exchange, and KEDA then cannot read the lag at all.',
    howToFix: 'Align the client with the listener: KEDA `tls: enable` / `sasl: scram_sha512` with a TriggerAuthentication from the cluster CA secret and the KafkaUser secret; `security.protocol` and `sasl.mechanism` for Java clients; `spec.tls` / `spec.authentication` for KafkaConnect.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('bootstrap-connectivity-mismatch'),
    sources: ['https://strimzi.io/docs/operators/latest/configuring#type-GenericKafkaListener-reference', 'https://keda.sh/docs/2.20/scalers/apache-kafka/'],
  },
  resource: check,
  config: check,
});
