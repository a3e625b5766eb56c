import type { Fix } from '../../model';
import { compareVersions } from '../../versions';
import { defineRule, docsUrl } from '../types';
import { kafkaVersionsFor, metadataMajorMinor, metadataVersionFor } from './facts';
import { isDynamicAt, isKraft, versionAt } from './util';

const ZK_ERA_KEYS = ['inter.broker.protocol.version', 'log.message.format.version'];

export default defineRule({
  meta: {
    id: 'strimzi-version-config',
    group: 'strimzi',
    targets: ['strimzi-kafka'],
    defaultSeverity: 'warning',
    description: 'Version settings that are stale or do nothing: `metadataVersion` out of step with `version`, or ZooKeeper-era protocol/format versions in a KRaft cluster',
    why: 'In KRaft clusters the metadata version replaces `inter.broker.protocol.version` and `log.message.format.version`; Strimzi ignores those keys and warns that they should be removed. A `metadataVersion` older than the running Kafka version means the upgrade was never finalised (new features stay off); one newer than the Kafka version is ignored by the operator.',
    howToFix: 'Remove `inter.broker.protocol.version` / `log.message.format.version` from `spec.kafka.config` of KRaft clusters. After an upgrade, set `spec.kafka.metadataVersion` to the metadata version of the running Kafka (for example `4.3-IV0` for 4.3.x) or remove it to use that default.',
    fixable: true,
    docsUrl: docsUrl('strimzi-version-config'),
    sources: [
      'strimzi/strimzi-kafka-operator@1.2.0:cluster-operator/src/main/java/io/strimzi/operator/cluster/model/KafkaSpecChecker.java',
      'strimzi/strimzi-kafka-operator@1.2.0:cluster-operator/src/main/java/io/strimzi/operator/cluster/operator/assembly/KRaftVersionChangeCreator.java',
    ],
  },
  resource(kafka, ctx) {
    // (c) ZooKeeper-era keys in a KRaft cluster.
    if (isKraft(kafka, ctx.versions)) {
      for (const e of kafka.doc.entries(['spec', 'kafka', 'config'])) {
        if (!ZK_ERA_KEYS.includes(e.key)) continue;
        const edit = kafka.doc.removeKeyEdit(['spec', 'kafka', 'config', e.key]);
        ctx.report({
          range: e.keyRange,
          message: `${e.key} is not used in KRaft-based clusters (the metadata version replaces it) and Strimzi ignores it. Remove it${e.key === 'inter.broker.protocol.version' ? '; use spec.kafka.metadataVersion to control the upgrade' : ''}.`,
          fix: edit ? { title: `Remove ${e.key}`, edits: [edit] } : undefined,
        });
      }
    }

    // (a)/(b) metadataVersion against version.
    const mdPath = ['spec', 'kafka', 'metadataVersion'];
    if (isDynamicAt(kafka, mdPath) || isDynamicAt(kafka, ['spec', 'kafka', 'version'])) return;
    const md = versionAt(kafka, mdPath);
    if (md === undefined) return;
    const mdMM = metadataMajorMinor(md);
    if (!mdMM) return; // malformed: left to the schema / operator
    const explicit = versionAt(kafka, ['spec', 'kafka', 'version']);
    const kafkaVersion = explicit ?? kafkaVersionsFor(ctx.versions.strimzi.value)?.default;
    if (!kafkaVersion) return;
    const kMM = metadataMajorMinor(kafkaVersion);
    if (!kMM || kMM === mdMM) return;
    const expected = metadataVersionFor(kafkaVersion) ?? kMM;
    const edit = kafka.doc.setValueEdit(mdPath, expected);
    const suggestions: Fix[] = edit ? [{ title: `Set metadataVersion to ${expected}`, edits: [edit] }] : [];
    const versionWord = explicit ? `Kafka ${kafkaVersion}` : `the operator's default Kafka ${kafkaVersion}`;
    if (compareVersions(mdMM, kMM) > 0) {
      ctx.report({
        range: kafka.valueRange(mdPath) ?? kafka.rangeOf(mdPath),
        message: `metadataVersion ${md} is newer than ${versionWord}; the operator ignores it and keeps the current metadata version. Set it to ${expected} or remove it.`,
        suggestions,
      });
    } else {
      ctx.report({
        range: kafka.valueRange(mdPath) ?? kafka.rangeOf(mdPath),
        message: `metadataVersion ${md} is older than ${versionWord}: the upgrade is incomplete and features of ${kMM} stay off. Once the cluster runs well on ${kafkaVersion}, set metadataVersion to ${expected}.`,
        suggestions,
      });
    }
  },
});
