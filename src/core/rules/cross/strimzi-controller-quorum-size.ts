import { defineRule, docsUrl } from '../types';
import { clusterOfLabel, relatedAt } from './util';

function hasRole(p: { get(path: string[]): unknown }, role: string): boolean {
  const r = p.get(['spec', 'roles']);
  return Array.isArray(r) && r.includes(role);
}

export default defineRule({
  meta: {
    id: 'strimzi-controller-quorum-size',
    group: 'cross-resource',
    targets: ['strimzi-nodepool'],
    defaultSeverity: 'warning',
    description: 'The KRaft controller quorum of a cluster has an even number of nodes, or one',
    why: 'KRaft controllers need a majority to elect a leader and commit metadata. Two controllers tolerate no failure (both must be up), and an even count tolerates no more failures than the next smaller odd count. One controller is fine for development but has no fault tolerance.',
    howToFix: 'Give the cluster 3 (or 5) controllers in total across its controller pools.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('strimzi-controller-quorum-size'),
    sources: ['https://strimzi.io/docs/operators/latest/deploying#con-config-node-pools-str'],
  },
  resource(pool, ctx) {
    if (!hasRole(pool, 'controller')) return;
    const kafka = clusterOfLabel(ctx.index, pool);
    if (!kafka) return;
    const pools = ctx.index.nodePools(kafka).filter((p) => hasRole(p, 'controller'));
    if (pools[0] !== pool) return; // one finding per cluster, on its first controller pool
    const C = ctx.index.countNodes(kafka, 'controller');
    if (C === undefined || C < 1 || (C % 2 === 1 && C > 1)) return;
    if (pools.some((p) => typeof p.get(['spec', 'replicas']) !== 'number')) return;
    const others = pools.slice(1).map((p) => relatedAt(p, ['spec', 'replicas'], `${p.displayName}: ${String(p.get(['spec', 'replicas']))} controller(s)`));
    const total = pools.length > 1 ? ` (${pools.length} controller pools in this workspace)` : '';
    ctx.report({
      range: pool.valueRange(['spec', 'replicas']) ?? pool.doc.headRange(),
      severity: C === 1 ? 'info' : 'warning',
      message:
        C === 1
          ? `${kafka.displayName} has 1 KRaft controller${total}: fine for development, but the cluster stops when it is down. Use 3 controllers in production.`
          : C === 2
            ? `${kafka.displayName} has 2 KRaft controllers${total}: the quorum needs both, so it tolerates no failure — worse than 1 for availability. Use 3 controllers.`
            : `${kafka.displayName} has ${C} KRaft controllers${total}, an even number: it tolerates no more failures than ${C - 1}. Use ${C + 1} or ${C - 1}.`,
      related: [relatedAt(kafka, ['metadata', 'name'], `${kafka.displayName}`), ...others],
    });
  },
});
