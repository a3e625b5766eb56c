import type { Fix } from '../../model';
import { listenerLabel, listeners } from '../strimzi/util';
import { defineRule, docsUrl, type RuleContext } from '../types';
import type { ConfigSet } from '../../kafka-config';
import type { Resource } from '../../resource';
import { BOOTSTRAP_TARGETS, refsOf } from './bootstrap';
import { notFound, relatedAt, resolveAddress, where } from './util';

function check(subject: Resource | ConfigSet, ctx: RuleContext): void {
  for (const ref of refsOf(subject, ctx.index)) {
    const s = ref.strimzi;
    const res = resolveAddress(ref, ctx.index);
    if (res.named.length === 0) {
      if (ctx.index.resources('strimzi-kafka').length === 0 && !ctx.settings.assumeCompleteWorkspace) continue; // no cluster here at all
      ctx.report({
        range: ref.range,
        severity: notFound(ctx, 'warning'),
        message: `'${ref.address}' is the bootstrap Service of a Strimzi cluster named '${s.cluster}', but no Kafka '${s.cluster}' is in this workspace. Check the cluster name.`,
      });
      continue;
    }
    const kafka = res.kafka;
    if (!kafka) {
      // Named in other namespaces only: a short name does not resolve across namespaces.
      const k = res.named[0];
      if (s.namespace === undefined && ref.namespace !== undefined && k.namespace !== undefined && res.named.every((x) => x.namespace !== ref.namespace)) {
        ctx.report({
          range: ref.range,
          severity: 'warning',
          message: `'${ref.address}' has no namespace, so it resolves in '${ref.namespace}', but ${where(k, ref.file)} is in '${k.namespace}'. Use ${s.cluster}-kafka${s.listener ? `-${s.listener}` : ''}-bootstrap.${k.namespace}.svc:${s.port ?? 9092}.`,
          related: [relatedAt(k, ['metadata', 'namespace'], `${k.displayName} is in namespace '${k.namespace}'`)],
        });
      }
      continue;
    }
    const all = listeners(kafka);
    if (all.length === 0) continue;
    const portOf = (l: (typeof all)[number]) => (typeof l.value.port === 'number' ? l.value.port : undefined);
    const related = [relatedAt(kafka, ['spec', 'kafka', 'listeners'], `Listeners of ${kafka.displayName}`)];
    if (s.listener !== undefined && res.candidates.length === 0) {
      ctx.report({
        range: ref.range,
        message: `${where(kafka, ref.file)} has no listener named '${s.listener}' (listeners: ${all.map((l) => `${l.name ?? '?'}:${portOf(l) ?? '?'}`).join(', ')}), so Service ${s.cluster}-kafka-${s.listener}-bootstrap does not exist.`,
        related,
      });
      continue;
    }
    if (s.port === undefined || res.listener) continue;
    const candidates = res.candidates.length > 0 ? res.candidates : all;
    const suggestions: Fix[] = [];
    for (const l of candidates.slice(0, 3)) {
      const p = portOf(l);
      if (p === undefined) continue;
      const text = ctx.file.text.slice(ctx.file.lines.offset(ref.range.start), ctx.file.lines.offset(ref.range.end));
      const i = text.indexOf(ref.address);
      if (i < 0) continue;
      const fixed = ref.address.replace(/:\d+$/, `:${p}`);
      const start = ctx.file.lines.position(ctx.file.lines.offset(ref.range.start) + i);
      const end = ctx.file.lines.position(ctx.file.lines.offset(ref.range.start) + i + ref.address.length);
      suggestions.push({ title: `Use port ${p} (${listenerLabel(l)})`, edits: [{ range: { start, end }, newText: fixed }] });
    }
    ctx.report({
      range: ref.range,
      message: `Port ${s.port} matches no ${s.listener ? `port of listener '${s.listener}'` : 'internal listener'} of ${where(kafka, ref.file)} (${candidates.map((l) => `${listenerLabel(l)}: ${portOf(l) ?? '?'}`).join(', ')}): the connection is refused. Use a listener's port.`,
      suggestions,
      related,
    });
  }
}

export default defineRule({
  meta: {
    id: 'bootstrap-unknown-strimzi-listener',
    group: 'cross-resource',
    targets: BOOTSTRAP_TARGETS,
    defaultSeverity: 'error',
    description: 'A bootstrap address names a Strimzi cluster, listener or port that the workspace does not define',
    why: 'Strimzi names its bootstrap Services `<cluster>-kafka-bootstrap` (internal listeners) and `<cluster>-kafka-<listener>-bootstrap`, and they serve only the listeners\' ports. An address with another cluster name or port does not connect, and an unqualified Service name only resolves inside the client\'s own namespace. Checked in KEDA triggers, client `.properties`, Spring Boot, `*BOOTSTRAP*` env vars and KafkaConnect/KafkaMirrorMaker2.',
    howToFix: 'Use `<cluster>-kafka-bootstrap.<namespace>.svc:<listener port>` with the cluster and port of the Kafka CR.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('bootstrap-unknown-strimzi-listener'),
    sources: ['https://strimzi.io/docs/operators/latest/deploying#ref-list-of-kafka-cluster-resources-str', 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/'],
  },
  resource: check,
  config: check,
});
