import type { Fix } from '../../model';
import { closeNames } from '../keda/triggers';
import { defineRule, docsUrl } from '../types';
import { notFound, relatedAt, where } from './util';

const LABEL = 'strimzi.io/cluster';

export default defineRule({
  meta: {
    id: 'strimzi-cluster-label-unknown',
    group: 'cross-resource',
    targets: ['strimzi-nodepool', 'strimzi-topic', 'strimzi-user', 'strimzi-rebalance'],
    defaultSeverity: 'error',
    description: 'A KafkaNodePool, KafkaTopic, KafkaUser or KafkaRebalance has no strimzi.io/cluster label, or names no Kafka cluster of the workspace',
    why: 'Strimzi\'s operators select these resources by the `strimzi.io/cluster` label and, by default, only in the Kafka cluster\'s namespace. A missing or misspelt label, or a resource in another namespace, is silently ignored: the topic or user is never created and no error appears on the resource.',
    howToFix: 'Set the label to the name of the Kafka CR (completion offers the names in the workspace) and put the resource in the Kafka cluster\'s namespace, or set the entity operator\'s `watchedNamespace`.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('strimzi-cluster-label-unknown'),
    sources: ['https://strimzi.io/docs/operators/latest/deploying#deploying-the-topic-operator-using-the-cluster-operator-str'],
  },
  resource(r, ctx) {
    // Auto-rebalancing templates are referenced by a Kafka CR, not selected by label.
    if (r.target === 'strimzi-rebalance' && r.annotations['strimzi.io/rebalance-template'] === 'true') return;
    const c = r.clusterLabel;
    const labelPath = ['metadata', 'labels', LABEL];
    if (c === undefined) {
      ctx.report({
        range: r.keyRange(['metadata', 'labels']) ?? r.keyRange(['metadata']) ?? r.doc.headRange(),
        message: `${r.displayName} has no ${LABEL} label, so no Strimzi operator picks it up. Add ${LABEL}: <name of the Kafka cluster>.`,
      });
      return;
    }
    const range = r.valueRange(labelPath) ?? r.doc.headRange();
    const named = ctx.index.kafkasNamed(c);
    if (named.length === 0) {
      const all = ctx.index.resources('strimzi-kafka').map((k) => k.name).filter((n): n is string => n !== undefined);
      if (all.length === 0 && !ctx.settings.assumeCompleteWorkspace) return; // no cluster here at all: nothing to compare with
      const close = closeNames(c, all);
      const suggestions: Fix[] = [];
      for (const n of close) {
        const edit = r.doc.setValueEdit(labelPath, n);
        if (edit) suggestions.push({ title: `Change the label to '${n}'`, edits: [edit] });
      }
      ctx.report({
        range,
        severity: notFound(ctx, 'warning'),
        message: `No Kafka cluster named '${c}' in this workspace${close.length ? ` (did you mean '${close[0]}'?)` : ''}: the operators ignore ${r.displayName} unless a Kafka CR of that name exists in its namespace.`,
        suggestions,
        related: ctx.index.resources('strimzi-kafka').filter((k) => close.includes(k.name ?? '')).map((k) => relatedAt(k, ['metadata', 'name'], `${k.displayName} is defined here`)),
      });
      return;
    }
    if (named.some((k) => k.sameNamespace(r))) return;
    // The cluster exists only in other namespaces.
    const k = named[0];
    const op = r.target === 'strimzi-topic' ? 'topicOperator' : r.target === 'strimzi-user' ? 'userOperator' : undefined;
    if (op) {
      const watched = k.get(['spec', 'entityOperator', op, 'watchedNamespace']);
      if (watched === r.namespace) return;
    }
    ctx.report({
      range: r.valueRange(['metadata', 'namespace']) ?? range,
      severity: 'warning',
      message: `${r.displayName} is in namespace '${r.namespace}', but ${where(k, r.file)} is in '${k.namespace}'${op ? ` and its ${op} does not watch '${r.namespace}'` : ''}: the operator will not see it. Move it to '${k.namespace}'${op ? ` or set spec.entityOperator.${op}.watchedNamespace` : ''}.`,
      related: [relatedAt(k, ['metadata', 'namespace'], `${k.displayName} is in namespace '${k.namespace}'`)],
    });
  },
});
