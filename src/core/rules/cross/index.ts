import type { Rule } from '../types';
import bootstrapConnectivityMismatch from './bootstrap-connectivity-mismatch';
import bootstrapUnknownStrimziListener from './bootstrap-unknown-strimzi-listener';
import kedaConsumerGroupMismatch from './keda-consumer-group-mismatch';
import kedaOffsetResetMismatch from './keda-offset-reset-mismatch';
import kedaReplicasVsPartitions from './keda-replicas-vs-partitions';
import kedaScaleTargetNotFound from './keda-scale-target-not-found';
import kedaScaleTargetReplicasSet from './keda-scale-target-replicas-set';
import kedaTopicNotInWorkspace from './keda-topic-not-in-workspace';
import monitoringMetricSourceMissing from './monitoring-metric-source-missing';
import strimziClusterLabelUnknown from './strimzi-cluster-label-unknown';
import strimziControllerQuorumSize from './strimzi-controller-quorum-size';
import strimziEntityOperatorMissing from './strimzi-entity-operator-missing';
import strimziNodepoolMissing from './strimzi-nodepool-missing';
import strimziReplicationExceedsBrokers from './strimzi-replication-exceeds-brokers';
import topicDuplicateName from './topic-duplicate-name';
import topicReplicasExceedBrokers from './topic-replicas-exceed-brokers';
import userAuthMismatchWithCluster from './user-auth-mismatch-with-cluster';

/** The cross rules, one file each; keep this list sorted by id. */
export const CROSS_RULES: readonly Rule[] = [
  bootstrapConnectivityMismatch,
  bootstrapUnknownStrimziListener,
  kedaConsumerGroupMismatch,
  kedaOffsetResetMismatch,
  kedaReplicasVsPartitions,
  kedaScaleTargetNotFound,
  kedaScaleTargetReplicasSet,
  kedaTopicNotInWorkspace,
  monitoringMetricSourceMissing,
  strimziClusterLabelUnknown,
  strimziControllerQuorumSize,
  strimziEntityOperatorMissing,
  strimziNodepoolMissing,
  strimziReplicationExceedsBrokers,
  topicDuplicateName,
  topicReplicasExceedBrokers,
  userAuthMismatchWithCluster,
];
