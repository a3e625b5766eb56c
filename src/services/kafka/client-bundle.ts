/**
 * Entry point of `dist/kafka-client.js`, the separate bundle that holds the Kafka client (kafkajs) for the
 * extension. The extension loads it only when the cluster explorer first connects, so the client is
 * neither parsed at activation nor counted in `dist/extension.js`.
 */
export { createKafkaAdmin } from './kafkajs-adapter';
export { fetchLag } from './lag-service';
