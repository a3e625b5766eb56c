import consumerAutoCommitEnabled from './consumer-auto-commit-enabled';
import consumerAutoOffsetReset from './consumer-auto-offset-reset';
import consumerGroupProtocolConfigConflict from './consumer-group-protocol-config-conflict';
import consumerLivenessConfig from './consumer-liveness-config';
import kafkaConfigInvalidValue from './kafka-config-invalid-value';
import kafkaConfigRemovedInKafka4 from './kafka-config-removed-in-kafka4';
import kafkaConfigUnknownKey from './kafka-config-unknown-key';
import producerAcksWeak from './producer-acks-weak';
import producerDeliveryTimeoutTooSmall from './producer-delivery-timeout-too-small';
import producerIdempotenceConflict from './producer-idempotence-conflict';
import producerIdempotenceDisabled from './producer-idempotence-disabled';
import producerPartitionerDeprecated from './producer-partitioner-deprecated';
import producerRetriesOverride from './producer-retries-override';
import producerThroughputTuning from './producer-throughput-tuning';
import type { Rule } from '../types';

/** The client rules, one file each; keep this list sorted by id. */
export const CLIENT_RULES: readonly Rule[] = [
  consumerAutoCommitEnabled,
  consumerAutoOffsetReset,
  consumerGroupProtocolConfigConflict,
  consumerLivenessConfig,
  kafkaConfigInvalidValue,
  kafkaConfigRemovedInKafka4,
  kafkaConfigUnknownKey,
  producerAcksWeak,
  producerDeliveryTimeoutTooSmall,
  producerIdempotenceConflict,
  producerIdempotenceDisabled,
  producerPartitionerDeprecated,
  producerRetriesOverride,
  producerThroughputTuning,
];
