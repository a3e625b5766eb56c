import type { Rule } from '../types';
import topicDurabilityLow from './topic-durability-low';
import topicMinIsrInconsistent from './topic-min-isr-inconsistent';
import topicNameInvalid from './topic-name-invalid';
import topicPartitionCount from './topic-partition-count';

/** The topic rules, one file each; keep this list sorted by id. */
export const TOPIC_RULES: readonly Rule[] = [topicDurabilityLow, topicMinIsrInconsistent, topicNameInvalid, topicPartitionCount];
