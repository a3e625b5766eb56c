import * as path from 'path';

/** The Kafka client bundle's API (see `src/services/kafka/client-bundle.ts`). */
export type KafkaClientModule = typeof import('../../services/kafka/client-bundle');

let loaded: KafkaClientModule | undefined;

/**
 * Loads `dist/kafka-client.js` on first use. It is a separate esbuild bundle (external to
 * `dist/extension.js`), so activation never parses kafkajs.
 */
export function kafkaClient(): KafkaClientModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require(path.join(__dirname, 'kafka-client.js')) as KafkaClientModule);
}
