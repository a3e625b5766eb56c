import type { Fix } from '../../model';
import { defineRule, docsUrl } from '../types';
import { kafkaVersionsFor } from './facts';
import { isDynamicAt, list, assumedStrimzi, versionAt } from './util';

export default defineRule({
  meta: {
    id: 'strimzi-kafka-version-unsupported',
    group: 'strimzi',
    targets: ['strimzi-kafka'],
    defaultSeverity: 'error',
    description: '`spec.kafka.version` is not a Kafka version the Strimzi operator supports, or is not pinned',
    why: 'Each Strimzi release supports a short list of Kafka versions and refuses any other ("Unsupported Kafka.spec.kafka.version"), so the cluster stops reconciling. When the version is omitted the operator uses its own default, which changes with every operator upgrade and then rolls the whole cluster to a new Kafka version.',
    howToFix: 'Set `spec.kafka.version` to one of the versions the operator supports (the quick fix lists them, the operator default first). Upgrading Kafka across several versions, or from a ZooKeeper-era 3.x release, may need intermediate operator releases.',
    fixable: false,
    docsUrl: docsUrl('strimzi-kafka-version-unsupported'),
    sources: [
      'strimzi/strimzi-kafka-operator@<tag>:kafka-versions.yaml (0.38.0 … 1.2.0)',
      'strimzi/strimzi-kafka-operator@1.2.0:cluster-operator/src/main/java/io/strimzi/operator/cluster/model/KafkaVersion.java',
    ],
  },
  resource(kafka, ctx) {
    const strimzi = ctx.versions.strimzi.value;
    const row = kafkaVersionsFor(strimzi);
    if (!row) return; // a Strimzi release we have no table for: stay silent
    const path = ['spec', 'kafka', 'version'];
    const raw = kafka.get(path);
    const ordered = [row.default, ...row.supported.filter((v) => v !== row.default).reverse()];
    if (raw === undefined || raw === null) {
      if (!kafka.has(['spec', 'kafka'])) return;
      const suggestions: Fix[] = [];
      const edit = kafka.doc.insertKeyEdit(['spec', 'kafka'], 'version', row.default);
      if (edit) suggestions.push({ title: `Pin version: ${row.default}`, edits: [edit] });
      ctx.report({
        range: kafka.rangeOf(['spec', 'kafka']),
        severity: 'hint',
        message: `spec.kafka.version is not set, so Strimzi ${strimzi} uses its default (${row.default}) and a later operator upgrade silently rolls the cluster to a new Kafka version. Pin it, e.g. version: ${row.default}.`,
        suggestions,
      });
      return;
    }
    if (isDynamicAt(kafka, path)) return;
    const version = versionAt(kafka, path);
    if (version !== undefined && row.supported.includes(version)) return;
    const shown = version ?? JSON.stringify(raw);
    const suggestions: Fix[] = [];
    for (const v of ordered) {
      const edit = kafka.doc.setValueEdit(path, v);
      if (edit) suggestions.push({ title: `Use Kafka ${v}${v === row.default ? ` (Strimzi ${row.strimzi} default)` : ''}`, edits: [edit] });
    }
    ctx.report({
      range: kafka.valueRange(path) ?? kafka.rangeOf(path),
      severity: 'error',
      message: `Kafka ${shown} is not supported by Strimzi ${strimzi} (supported: ${list(row.supported)}), so the operator will not reconcile this cluster. Use ${row.default}.${assumedStrimzi(ctx.versions)}`,
      suggestions,
    });
  },
});
