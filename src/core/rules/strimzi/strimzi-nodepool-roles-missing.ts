import type { Fix } from '../../model';
import type { Resource } from '../../resource';
import { defineRule, docsUrl } from '../types';
import { isDynamicAt, isObj } from './util';

const ROLES = ['broker', 'controller'];

export default defineRule({
  meta: {
    id: 'strimzi-nodepool-roles-missing',
    group: 'strimzi',
    targets: ['strimzi-nodepool'],
    defaultSeverity: 'error',
    description: 'A KafkaNodePool without `roles`, `replicas` or `storage`, or with a role other than `broker` and `controller`',
    why: '`spec.roles`, `spec.replicas` and `spec.storage` are required: the operator cannot decide what the nodes do or where they keep data, and rejects the pool ("has no role defined in .spec.roles"). The only roles are `broker` and `controller` (both for dual-role nodes).',
    howToFix: 'Add `roles: [broker]`, `roles: [controller]` or `roles: [controller, broker]`, a `replicas` count and a `storage` section (for example `type: persistent-claim` with a `size`).',
    fixable: true,
    docsUrl: docsUrl('strimzi-nodepool-roles-missing'),
    sources: [
      'strimzi/strimzi-kafka-operator@1.2.0:api/src/main/java/io/strimzi/api/kafka/model/nodepool/KafkaNodePoolSpec.java',
      'strimzi/strimzi-kafka-operator@1.2.0:cluster-operator/src/main/java/io/strimzi/operator/cluster/model/nodepools/NodePoolUtils.java',
    ],
  },
  resource(pool, ctx) {
    const doc = pool.doc;
    const spec = pool.get(['spec']);
    const specRange = pool.keyRange(['spec']) ?? doc.headRange();
    if (!isObj(spec)) {
      ctx.report({ range: specRange, message: `${pool.displayName} has no spec: a node pool needs roles, replicas and storage.` });
      return;
    }
    const roles = spec.roles;
    if (roles === undefined || roles === null || (Array.isArray(roles) && roles.length === 0)) {
      const suggestions: Fix[] = [];
      for (const r of ['[broker]', '[controller]', '[controller, broker]']) {
        const edit = roles === undefined ? doc.insertKeyEdit(['spec'], 'roles', r) : doc.setValueEdit(['spec', 'roles'], r);
        if (edit) suggestions.push({ title: `Set roles: ${r}`, edits: [edit] });
      }
      ctx.report({
        range: roles === undefined ? specRange : pool.keyRange(['spec', 'roles']) ?? specRange,
        message: `${pool.displayName} has no roles, so the operator rejects it. Set spec.roles to [broker], [controller] or both.`,
        suggestions,
      });
    } else if (Array.isArray(roles)) {
      roles.forEach((r, i) => {
        if ((typeof r === 'string' && ROLES.includes(r)) || isDynamicAt(pool, ['spec', 'roles', i])) return;
        const near = typeof r === 'string' ? ROLES.find((x) => r.toLowerCase().replace(/s$/, '') === x) : undefined;
        const edit = near ? seqItemEdit(pool, i, near) : undefined;
        ctx.report({
          range: pool.valueRange(['spec', 'roles', i]) ?? pool.keyRange(['spec', 'roles']) ?? specRange,
          message: `'${String(r)}' is not a node pool role; use broker or controller${near ? ` (did you mean '${near}'?)` : ''}.`,
          fix: edit ? { title: `Change to ${near}`, edits: [edit] } : undefined,
        });
      });
    }
    if (spec.replicas === undefined || spec.replicas === null) {
      const edit = doc.insertKeyEdit(['spec'], 'replicas', '3');
      ctx.report({
        range: specRange,
        message: `${pool.displayName} has no replicas: the number of nodes in the pool is required. Add spec.replicas (e.g. 3).`,
        suggestions: edit ? [{ title: 'Add replicas: 3', edits: [edit] }] : undefined,
      });
    }
    if (spec.storage === undefined || spec.storage === null) {
      const edit = doc.insertKeyEdit(['spec'], 'storage', '\n  type: persistent-claim\n  size: 100Gi\n  deleteClaim: false');
      ctx.report({
        range: specRange,
        message: `${pool.displayName} has no storage: each pool must say where its nodes keep data. Add spec.storage (e.g. type: persistent-claim with a size).`,
        suggestions: edit ? [{ title: 'Add persistent-claim storage (100Gi)', edits: [edit] }] : undefined,
      });
    }
  },
});

/** Replaces a sequence item's scalar (setValueEdit only handles map values). */
function seqItemEdit(pool: Resource, i: number, text: string) {
  const range = pool.valueRange(['spec', 'roles', i]);
  return range ? { range, newText: text } : undefined;
}
