import type { Fix, RelatedLocation } from '../../model';
import type { Resource } from '../../resource';
import { defineRule, docsUrl } from '../types';
import { isObj } from '../strimzi/util';
import { relatedAt } from './util';
import { podContainers } from '../../workspace';

/** Whether the workspace has a standalone Topic/User Operator Deployment. */
function standalone(workloads: readonly Resource[], which: 'topic' | 'user'): boolean {
  const re = new RegExp(`${which}[-_]operator`);
  return workloads.some((w) => re.test(w.name ?? '') || podContainers(w).some((c) => isObj(c) && (re.test(String(c.name ?? '')) || (Array.isArray(c.args) && c.args.some((a) => re.test(String(a)))))));
}

export default defineRule({
  meta: {
    id: 'strimzi-entity-operator-missing',
    group: 'cross-resource',
    targets: ['strimzi-kafka'],
    defaultSeverity: 'warning',
    description: 'KafkaTopics or KafkaUsers belong to a cluster that runs no Topic or User Operator',
    why: 'KafkaTopic and KafkaUser resources are reconciled by the Topic and User Operators, which the Cluster Operator deploys only when the Kafka CR has `spec.entityOperator.topicOperator` / `userOperator`. Without them (and without a standalone operator) the topics and users are never created, and nothing reports why.',
    howToFix: 'Add `entityOperator: {topicOperator: {}, userOperator: {}}` to the Kafka spec, or deploy the standalone operators.',
    fixable: true,
    crossFile: true,
    docsUrl: docsUrl('strimzi-entity-operator-missing'),
    sources: ['https://strimzi.io/docs/operators/latest/deploying#deploying-the-topic-operator-using-the-cluster-operator-str'],
  },
  resource(kafka, ctx) {
    const eo = kafka.get(['spec', 'entityOperator']);
    const eoObj = isObj(eo) ? eo : undefined;
    const workloads = ctx.index.resources('k8s-workload');
    for (const [kind, op, which] of [
      ['KafkaTopic', 'topicOperator', 'topic'],
      ['KafkaUser', 'userOperator', 'user'],
    ] as const) {
      if (eoObj && op in eoObj) continue;
      const members = which === 'topic' ? ctx.index.topics(kafka) : ctx.index.resources('strimzi-user').filter((u) => u.clusterLabel === kafka.name && u.sameNamespace(kafka));
      if (members.length === 0 || standalone(workloads, which)) continue;
      const related: RelatedLocation[] = members.slice(0, 5).map((m) => relatedAt(m, ['metadata', 'labels', 'strimzi.io/cluster'], `${m.displayName} belongs to this cluster`));
      const edit = eoObj ? kafka.doc.insertKeyEdit(['spec', 'entityOperator'], op, '{}') : kafka.doc.insertKeyEdit(['spec'], 'entityOperator', `\n  ${op}: {}`);
      const fix: Fix | undefined = edit ? { title: `Add spec.entityOperator.${op}`, edits: [edit] } : undefined;
      ctx.report({
        range: kafka.keyRange(['spec', 'entityOperator']) ?? kafka.keyRange(['spec']) ?? kafka.doc.headRange(),
        message: `${members.length} ${kind}${members.length === 1 ? '' : 's'} in this workspace belong${members.length === 1 ? 's' : ''} to this cluster (e.g. ${members[0].displayName}${members[0].file === kafka.file ? '' : ` in ${members[0].file}`}), but it has no spec.entityOperator.${op}: nothing will reconcile them. Add ${op}: {} under spec.entityOperator.`,
        fix,
        related,
      });
    }
  },
});
