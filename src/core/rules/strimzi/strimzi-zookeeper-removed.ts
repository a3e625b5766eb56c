import { versionAtLeast } from '../../versions';
import { defineRule, docsUrl } from '../types';
import { assumedStrimzi } from './util';

export default defineRule({
  meta: {
    id: 'strimzi-zookeeper-removed',
    group: 'strimzi',
    targets: ['strimzi-kafka'],
    defaultSeverity: 'error',
    description: 'A Kafka resource still has a `zookeeper:` section',
    why: 'Strimzi 0.46 removed ZooKeeper-based clusters: the section is ignored by Strimzi 0.46–0.51 and does not exist in the `kafka.strimzi.io/v1` API, and Kafka 4 runs only in KRaft mode. Keeping it suggests the cluster stores metadata in ZooKeeper when it does not, and blocks the move to `v1`. Strimzi 0.40–0.45 still run ZooKeeper clusters but deprecate them (0.45 is the last such release).',
    howToFix: 'On Strimzi 0.46 and newer, delete `spec.zookeeper` and make sure a KafkaNodePool with the `controller` role exists for the cluster. On Strimzi 0.45 and older, migrate the cluster to KRaft first (Strimzi\'s ZooKeeper-to-KRaft migration), then delete the section.',
    fixable: true,
    docsUrl: docsUrl('strimzi-zookeeper-removed'),
    sources: [
      'strimzi/strimzi-kafka-operator@main:CHANGELOG.md (0.45.0, 0.46.0)',
      'strimzi/strimzi-kafka-operator@0.46.0:api/src/main/java/io/strimzi/api/kafka/model/kafka/KafkaSpec.java',
      'strimzi/strimzi-kafka-operator@1.2.0:packaging/install/cluster-operator/040-Crd-kafka.yaml',
    ],
  },
  resource(kafka, ctx) {
    if (kafka.get(['spec', 'zookeeper']) === undefined) return;
    const range = kafka.keyRange(['spec', 'zookeeper']);
    if (!range) return;
    const strimzi = ctx.versions.strimzi.value;
    const kafkaVersion = ctx.versions.kafka.value;
    if (versionAtLeast(strimzi, '0.46')) {
      const edit = kafka.doc.removeKeyEdit(['spec', 'zookeeper']);
      ctx.report({
        range,
        severity: 'error',
        message: `Strimzi ${strimzi} has no ZooKeeper support (removed in 0.46): spec.zookeeper is ignored${versionAtLeast(strimzi, '1.0') ? ' and is not part of the kafka.strimzi.io/v1 API' : ''}. Delete it and describe the nodes with KafkaNodePools (controller and broker roles); a running ZooKeeper-based cluster must first be migrated to KRaft with Strimzi 0.45 or older.${assumedStrimzi(ctx.versions)}`,
        fix: edit ? { title: 'Remove the zookeeper section', edits: [edit] } : undefined,
      });
    } else if (versionAtLeast(kafkaVersion, '4.0')) {
      ctx.report({
        range,
        severity: 'error',
        message: `Kafka ${kafkaVersion} runs only in KRaft mode, so a ZooKeeper-based cluster cannot use it. Migrate to KRaft (node pools with the controller role) and delete spec.zookeeper, or stay on Kafka 3.x.`,
      });
    } else if (versionAtLeast(strimzi, '0.40')) {
      ctx.report({
        range,
        severity: 'warning',
        message: `ZooKeeper-based clusters are deprecated in Strimzi ${strimzi} and removed in 0.46. Plan the migration to KRaft before upgrading the operator past 0.45.`,
      });
    }
  },
});
