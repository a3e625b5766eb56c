import { versionAtLeast } from '../../versions';
import type { RelatedLocation } from '../../model';
import { defineRule, docsUrl } from '../types';
import { isKraft } from '../strimzi/util';
import { nameRange, notFound, relatedAt } from './util';

export default defineRule({
  meta: {
    id: 'strimzi-nodepool-missing',
    group: 'cross-resource',
    targets: ['strimzi-kafka'],
    defaultSeverity: 'error',
    description: 'A Kafka cluster in node-pool mode has no KafkaNodePool, no broker pool or no controller pool in the workspace',
    why: 'Since node pools, a Kafka CR describes no nodes itself: its brokers and KRaft controllers come from KafkaNodePools labelled `strimzi.io/cluster: <name>` in its namespace. Without them the operator fails with "KafkaNodePools … either don\'t exist or have 0 replicas", or "At least one KafkaNodePool with the broker (controller) role … is required". In a partial workspace the pools may live elsewhere, so the finding is one level lower unless `crossResource.assumeCompleteWorkspace` is set.',
    howToFix: 'Add KafkaNodePools for the cluster: one with `roles: [controller]` and one with `roles: [broker]` (or one dual-role pool for development), each with `replicas` > 0 and `storage`.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('strimzi-nodepool-missing'),
    sources: ['https://strimzi.io/docs/operators/latest/deploying#config-node-pools-str', 'strimzi/strimzi-kafka-operator@1.2.0:cluster-operator/src/main/java/io/strimzi/operator/cluster/model/nodepools/NodePoolUtils.java'],
  },
  resource(kafka, ctx) {
    const strimzi = ctx.versions.strimzi.value;
    const poolMode = versionAtLeast(strimzi, '0.48') || kafka.annotations['strimzi.io/node-pools'] === 'enabled';
    if (!poolMode || kafka.name === undefined) return;
    const pools = ctx.index.nodePools(kafka);
    const live = pools.filter((p) => typeof p.get(['spec', 'replicas']) === 'number' && (p.get(['spec', 'replicas']) as number) > 0);
    const range = nameRange(kafka);
    const related: RelatedLocation[] = pools.map((p) => relatedAt(p, ['spec', 'roles'], `${p.displayName} belongs to this cluster`));
    if (live.length === 0) {
      ctx.report({
        range,
        severity: notFound(ctx, 'error'),
        message:
          pools.length === 0
            ? `No KafkaNodePool labelled strimzi.io/cluster: ${kafka.name} in this workspace: the cluster has no brokers or controllers, and the operator will not deploy it. Add controller and broker node pools.`
            : `The KafkaNodePools of this cluster in this workspace all have 0 replicas: the cluster has no nodes. Set replicas on its pools.`,
        related,
      });
      return;
    }
    const has = (role: string) => live.some((p) => { const r = p.get(['spec', 'roles']); return Array.isArray(r) && r.includes(role); });
    const missing = ['broker', ...(isKraft(kafka, ctx.versions) ? ['controller'] : [])].filter((r) => !has(r));
    if (missing.length === 0) return;
    ctx.report({
      range,
      severity: notFound(ctx, 'error'),
      message: `No KafkaNodePool with the ${missing.join(' or ')} role (and replicas > 0) for this cluster in this workspace; the operator requires at least one. Add ${missing.join(' and ')} to a pool's roles, or add a pool.`,
      related,
    });
  },
});
