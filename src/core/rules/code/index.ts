import javaKafka4RemovedApi from './java-kafka4-removed-api';
import javaProducerPerSend from './java-producer-per-send';
import javaSendResultIgnored from './java-send-result-ignored';
import kafkajsAutoTopicCreation from './kafkajs-auto-topic-creation';
import saramaAsyncProducerChannelsUnread from './sarama-async-producer-channels-unread';
import saramaSyncProducerReturnSuccesses from './sarama-sync-producer-return-successes';
import saramaVersionTooOld from './sarama-version-too-old';
import type { Rule } from '../types';

/** Rules that read client source code beyond its config settings, one file each; keep this list sorted by id. */
export const CODE_RULES: readonly Rule[] = [javaKafka4RemovedApi, javaProducerPerSend, javaSendResultIgnored, kafkajsAutoTopicCreation, saramaAsyncProducerChannelsUnread, saramaSyncProducerReturnSuccesses, saramaVersionTooOld];
