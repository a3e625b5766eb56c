import type { Resource } from '../../resource';
import { versionBelow } from '../../versions';
import { defineRule, docsUrl, type RuleContext } from '../types';
import { isObj, num } from './util';

type Path = readonly (string | number)[];

export default defineRule({
  meta: {
    id: 'strimzi-storage-data-loss-risk',
    group: 'strimzi',
    targets: ['strimzi-nodepool', 'strimzi-kafka'],
    defaultSeverity: 'warning',
    description: 'Storage settings that lose data: `deleteClaim: true` on persistent volumes, or ephemeral storage on the only broker or controller',
    why: 'With `deleteClaim: true` the persistent volume claims (and usually the disks) are deleted when a pool is scaled down, a node is removed or the cluster is deleted; the default is `false`. Ephemeral storage lives in an `emptyDir`: when the only broker (or controller) restarts, which happens on every rolling update, its data is gone. Strimzi warns that such a cluster "will lose topic messages after any restart or rolling update".',
    howToFix: 'Set `deleteClaim: false` (or remove it), and use `persistent-claim` storage for clusters whose data matters, or run at least three nodes.',
    fixable: true,
    docsUrl: docsUrl('strimzi-storage-data-loss-risk'),
    sources: [
      'strimzi/strimzi-kafka-operator@1.2.0:api/src/main/java/io/strimzi/api/kafka/model/kafka/PersistentClaimStorage.java',
      'strimzi/strimzi-kafka-operator@1.2.0:cluster-operator/src/main/java/io/strimzi/operator/cluster/model/KafkaSpecChecker.java',
    ],
  },
  resource(r, ctx) {
    if (r.target === 'strimzi-nodepool') {
      checkDeleteClaim(r, ['spec', 'storage'], ctx);
      checkSingleEphemeralPool(r, ctx);
      return;
    }
    // Kafka: the legacy storage sections are only in effect before node pools (Strimzi < 0.46, not annotated).
    if (!versionBelow(ctx.versions.strimzi.value, '0.46') || r.annotations['strimzi.io/node-pools'] === 'enabled') return;
    for (const [section, what] of [['kafka', 'broker'], ['zookeeper', 'ZooKeeper node']] as const) {
      const storage: Path = ['spec', section, 'storage'];
      checkDeleteClaim(r, storage, ctx);
      if (num(r.get(['spec', section, 'replicas'])) === 1 && isEphemeral(r.get(storage))) {
        ctx.report({
          range: r.valueRange([...storage, 'type']) ?? r.rangeOf(storage),
          message: `The only ${what} of ${r.displayName} uses ephemeral storage: its data is lost on every restart or rolling update. Use persistent-claim storage.`,
        });
      }
    }
  },
});

function isEphemeral(storage: unknown): boolean {
  if (!isObj(storage)) return false;
  if (storage.type === 'ephemeral') return true;
  return storage.type === 'jbod' && Array.isArray(storage.volumes) && storage.volumes.length > 0 && storage.volumes.every((v) => isObj(v) && v.type === 'ephemeral');
}

function checkDeleteClaim(r: Resource, storage: Path, ctx: RuleContext): void {
  const s = r.get(storage);
  if (!isObj(s)) return;
  const volumes: Path[] = s.type === 'jbod' && Array.isArray(s.volumes) ? s.volumes.map((_, i) => [...storage, 'volumes', i]) : [storage];
  for (const v of volumes) {
    const vol = r.get(v);
    if (!isObj(vol) || vol.type !== 'persistent-claim' || (vol.deleteClaim !== true && vol.deleteClaim !== 'true')) continue;
    const path = [...v, 'deleteClaim'];
    const edit = r.doc.setValueEdit(path, 'false');
    ctx.report({
      range: r.valueRange(path) ?? r.rangeOf(path),
      message: `deleteClaim: true deletes this persistent volume claim, and with it the data, when ${r.target === 'strimzi-nodepool' ? 'the pool is scaled down or removed' : 'a node is removed'} or the cluster is deleted. Set deleteClaim: false (the default) unless the data is disposable.`,
      fix: edit ? { title: 'Set deleteClaim to false', edits: [edit] } : undefined,
    });
  }
}

function checkSingleEphemeralPool(pool: Resource, ctx: RuleContext): void {
  const storagePath: Path = ['spec', 'storage'];
  if (!isEphemeral(pool.get(storagePath))) return;
  const roles = pool.get(['spec', 'roles']);
  if (!Array.isArray(roles)) return;
  const cluster = pool.clusterLabel;
  if (cluster === undefined) return;
  const pools = ctx.index.resources('strimzi-nodepool').filter((p) => p.clusterLabel === cluster && p.sameNamespace(pool));
  for (const role of ['broker', 'controller'] as const) {
    if (!roles.includes(role)) continue;
    let total = 0;
    for (const p of pools) {
      const pr = p.get(['spec', 'roles']);
      if (!Array.isArray(pr) || !pr.includes(role)) continue;
      const n = num(p.get(['spec', 'replicas']));
      if (n === undefined) return; // unknown size: no claim
      total += n;
    }
    if (total !== 1 || num(pool.get(['spec', 'replicas'])) !== 1) continue;
    ctx.report({
      range: pool.valueRange([...storagePath, 'type']) ?? pool.rangeOf(storagePath),
      message: `This pool holds the only ${role} of cluster '${cluster}' and uses ephemeral storage: ${role === 'broker' ? 'topic messages are' : 'the cluster metadata is'} lost after any restart or rolling update. Use persistent-claim storage, or run more ${role}s.`,
    });
    return;
  }
}
