import type { Rule } from '../types';
import kedaKafkaAllowIdleConsumers from './keda-kafka-allow-idle-consumers';
import kedaKafkaAuthConfig from './keda-kafka-auth-config';
import kedaKafkaConsumerGroupMissing from './keda-kafka-consumer-group-missing';
import kedaKafkaInvalidMetadata from './keda-kafka-invalid-metadata';
import kedaKafkaInvalidOffsetKeepsReplica from './keda-kafka-invalid-offset-keeps-replica';
import kedaKafkaLagThresholdLow from './keda-kafka-lag-threshold-low';
import kedaKafkaTopicUnspecified from './keda-kafka-topic-unspecified';
import kedaReplicaBoundsInvalid from './keda-replica-bounds-invalid';
import kedaScalingTiming from './keda-scaling-timing';

/** The keda rules, one file each; keep this list sorted by id. */
export const KEDA_RULES: readonly Rule[] = [
  kedaKafkaAllowIdleConsumers,
  kedaKafkaAuthConfig,
  kedaKafkaConsumerGroupMissing,
  kedaKafkaInvalidMetadata,
  kedaKafkaInvalidOffsetKeepsReplica,
  kedaKafkaLagThresholdLow,
  kedaKafkaTopicUnspecified,
  kedaReplicaBoundsInvalid,
  kedaScalingTiming,
];
