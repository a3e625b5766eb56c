/**
 * Kafka data for the explorer tests in VS Code. Reuses the broker `npm test` started
 * (KAFKA_K8S_TEST_BOOTSTRAP); run on their own, the launchers start one when the jars are present.
 * Seeds a topic with 1500/2 records and a group that committed 300/2 (lag 1200 on partition 0,
 * 0 on partition 1), plus a throwaway topic for the delete test. Bundled by the launchers with esbuild.
 */
import { BROKER_ENV, SETUP_HINT, commitOffsets, kafkaJarsAvailable, startBroker, type Broker } from '../../infra/kafka/broker';
import { seedTopic } from '../../integration/broker';

export interface ExplorerKafka {
  /** Environment for code-server (and so the extension host): the bootstrap address and the seeded names. */
  readonly env: Record<string, string>;
  readonly bootstrap: string;
  readonly topic: string;
  readonly group: string;
  readonly scratchTopic: string;
  stop(): Promise<void>;
}

export const EXPLORER_ENV = { topic: 'KAFKA_K8S_ITEST_TOPIC', group: 'KAFKA_K8S_ITEST_GROUP', scratch: 'KAFKA_K8S_ITEST_SCRATCH_TOPIC', skip: 'KAFKA_K8S_ITEST_KAFKA_SKIP' } as const;

/** A broker with seeded data, or the reason there is none (under CI=true the caller must fail). */
export async function prepareExplorerKafka(): Promise<ExplorerKafka | { skip: string }> {
  let bootstrap = process.env[BROKER_ENV.bootstrap];
  let own: Broker | undefined;
  if (!bootstrap) {
    const why = process.env[BROKER_ENV.error];
    if (why) return { skip: `no Kafka broker (${why.split('\n')[0]})` };
    if (!kafkaJarsAvailable()) return { skip: `no Kafka jars: ${SETUP_HINT}` };
    own = await startBroker();
    bootstrap = own.bootstrap;
  }
  const suffix = `${Date.now().toString(36)}${process.pid % 100}`; // unique per run on a shared broker, short enough to read in the tree
  const topic = `orders-${suffix}`;
  const group = `billing-${suffix}`;
  const scratchTopic = `scratch-${suffix}`;
  try {
    await seedTopic(bootstrap, topic, [1500, 2]);
    await commitOffsets(bootstrap, group, topic, [300, 2]);
    await seedTopic(bootstrap, scratchTopic, [1]);
  } catch (e) {
    await own?.stop();
    throw e;
  }
  return {
    env: { [BROKER_ENV.bootstrap]: bootstrap, [EXPLORER_ENV.topic]: topic, [EXPLORER_ENV.group]: group, [EXPLORER_ENV.scratch]: scratchTopic },
    bootstrap,
    topic,
    group,
    scratchTopic,
    stop: async () => {
      await own?.stop();
    },
  };
}
