import type { Resource } from '../../resource';
import { versionAtLeast, versionBelow } from '../../versions';
import { defineRule, docsUrl, type RuleContext } from '../types';
import { isDynamicAt } from './util';

const KRAFT = 'strimzi.io/kraft';
const NODE_POOLS = 'strimzi.io/node-pools';

export default defineRule({
  meta: {
    id: 'strimzi-kraft-annotations',
    group: 'strimzi',
    targets: ['strimzi-kafka'],
    defaultSeverity: 'error',
    description: 'The `strimzi.io/kraft` and `strimzi.io/node-pools` annotations do not match what the operator version expects',
    why: 'Strimzi 0.46 and 0.47 reconcile only KRaft clusters with node pools and refuse a Kafka resource without `strimzi.io/kraft: enabled` and `strimzi.io/node-pools: enabled`. Strimzi 0.41–0.45 treat a Kafka without `strimzi.io/kraft: enabled` as a ZooKeeper cluster. From 0.48 both annotations are ignored, and the ZooKeeper migration values (`migration`, `rollback`) have no meaning after 0.46.',
    howToFix: 'On Strimzi 0.46–0.47 set both annotations to `enabled`. On 0.48 and newer remove them. On 0.41–0.45 add `strimzi.io/kraft: enabled` (and node pools) for a KRaft cluster, or keep `spec.zookeeper` for a ZooKeeper one.',
    fixable: true,
    docsUrl: docsUrl('strimzi-kraft-annotations'),
    sources: [
      'strimzi/strimzi-kafka-operator@0.47.0:cluster-operator/src/main/java/io/strimzi/operator/cluster/operator/assembly/KafkaAssemblyOperator.java',
      'strimzi/strimzi-kafka-operator@main:CHANGELOG.md (0.41.0, 0.42.0, 0.46.0, 0.48.0)',
    ],
  },
  resource(kafka, ctx) {
    const strimzi = ctx.versions.strimzi.value;
    const ann = kafka.annotations;
    if ([KRAFT, NODE_POOLS].some((n) => isDynamicAt(kafka, ['metadata', 'annotations', n]))) return;
    const kraft = ann[KRAFT];

    if ((kraft === 'migration' || kraft === 'rollback') && versionAtLeast(strimzi, '0.46')) {
      ctx.report({
        range: annotationValueRange(kafka, KRAFT),
        severity: 'error',
        message: `${KRAFT}: ${kraft} drives the ZooKeeper-to-KRaft migration, which Strimzi ${strimzi} no longer supports (removed in 0.46). Migrate with Strimzi 0.45 or older first.`,
      });
    }

    if (versionAtLeast(strimzi, '0.48')) {
      for (const name of [KRAFT, NODE_POOLS]) {
        if (!(name in ann) || (name === KRAFT && (kraft === 'migration' || kraft === 'rollback'))) continue;
        const edit = kafka.doc.removeKeyEdit(['metadata', 'annotations', name]);
        ctx.report({
          range: kafka.keyRange(['metadata', 'annotations', name]) ?? kafka.doc.headRange(),
          severity: 'hint',
          message: `Strimzi ${strimzi} always runs KRaft with node pools and ignores the ${name} annotation (since 0.48). It is safe to remove.`,
          fix: edit ? { title: `Remove the ${name} annotation`, edits: [edit] } : undefined,
        });
      }
      return;
    }

    if (versionAtLeast(strimzi, '0.46')) {
      for (const name of [KRAFT, NODE_POOLS]) {
        const value = ann[name];
        if (value === 'enabled' || (name === KRAFT && (value === 'migration' || value === 'rollback'))) continue;
        requireEnabled(kafka, ctx, name, value, `Strimzi ${strimzi} reconciles only KRaft clusters with node pools and refuses this Kafka unless ${name} is 'enabled'.`);
      }
      return;
    }

    if (versionAtLeast(strimzi, '0.41') && versionBelow(strimzi, '0.46') && ann[NODE_POOLS] !== 'enabled') {
      const pools = ctx.index.nodePools(kafka);
      if (pools.length > 0) {
        const edit = ann[NODE_POOLS] === undefined && kafka.doc.get(['metadata']) !== undefined ? kafka.doc.insertKeyEdit(['metadata', 'annotations'], NODE_POOLS, 'enabled') : undefined;
        ctx.report({
          range: ann[NODE_POOLS] !== undefined ? annotationValueRange(kafka, NODE_POOLS) : kafka.keyRange(['metadata', 'annotations']) ?? kafka.keyRange(['metadata']) ?? kafka.doc.headRange(),
          severity: 'warning',
          message: `${pools.length} KafkaNodePool(s) in the workspace belong to this cluster, but Strimzi ${strimzi} ignores node pools unless the Kafka has ${NODE_POOLS}: enabled. Enabling it on a running cluster moves its brokers to the pools, so check their names and sizes first.`,
          // Not a fix: on a running cluster this moves the brokers to the pools, a deliberate step.
          suggestions: edit ? [{ title: `Add ${NODE_POOLS}: enabled`, edits: [edit] }] : undefined,
        });
      }
    }

    if (versionAtLeast(strimzi, '0.41') && versionBelow(strimzi, '0.46') && kraft === undefined && kafka.get(['spec', 'zookeeper']) === undefined) {
      ctx.report({
        range: kafka.keyRange(['metadata']) ?? kafka.doc.headRange(),
        severity: 'info',
        message: `Without ${KRAFT}: enabled, Strimzi ${strimzi} treats this Kafka as ZooKeeper-based, which needs spec.zookeeper. Add ${KRAFT}: enabled and ${NODE_POOLS}: enabled for a KRaft cluster.`,
      });
    }
  },
});

function annotationValueRange(kafka: Resource, name: string) {
  return kafka.valueRange(['metadata', 'annotations', name]) ?? kafka.doc.headRange();
}

function requireEnabled(kafka: Resource, ctx: RuleContext, name: string, value: string | undefined, why: string): void {
  if (value !== undefined) {
    const edit = kafka.doc.setValueEdit(['metadata', 'annotations', name], 'enabled');
    ctx.report({
      range: annotationValueRange(kafka, name),
      severity: 'error',
      message: `${name} is '${value}'. ${why}`,
      fix: edit ? { title: `Set ${name} to enabled`, edits: [edit] } : undefined,
    });
    return;
  }
  const edit = kafka.doc.get(['metadata']) !== undefined ? kafka.doc.insertKeyEdit(['metadata', 'annotations'], name, 'enabled') : undefined;
  ctx.report({
    range: kafka.keyRange(['metadata', 'annotations']) ?? kafka.keyRange(['metadata']) ?? kafka.doc.headRange(),
    severity: 'error',
    message: `The ${name} annotation is missing. ${why}`,
    fix: edit ? { title: `Add ${name}: enabled`, edits: [edit] } : undefined,
  });
}
