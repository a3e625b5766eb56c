/**
 * Shared broker access for integration tests. `npm test` starts one broker and passes its address in
 * the environment (see test/run.ts). A test file run on its own (`node --test out/test/integration/x.test.js`)
 * starts a private broker when the jars are present. Without jars: skip with the setup command named;
 * under CI=true: fail.
 */
import { after, before } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import path from 'node:path';
import { BROKER_ENV, SETUP_HINT, kafkaJarsAvailable, runKafkaTool, startBroker, type Broker, type TlsMaterial } from '../infra/kafka/broker';
export { commitOffsets } from '../infra/kafka/broker';

export interface BrokerAddress {
  readonly bootstrap: string;
  readonly saslBootstrap: string;
  readonly sslBootstrap: string;
  readonly mtlsBootstrap: string;
  readonly tls: TlsMaterial;
}

const envBootstrap = process.env[BROKER_ENV.bootstrap];
const envError = process.env[BROKER_ENV.error];
const ci = process.env.CI === 'true';

/** A reason to skip the Kafka integration tests, or undefined to run them (CI never skips). */
export const skipReason: string | undefined =
  envBootstrap || ci ? undefined : envError ? `no Kafka broker (${envError.split('\n')[0]})` : kafkaJarsAvailable() ? undefined : `no Kafka jars: ${SETUP_HINT}`;

/** Registers before/after hooks and returns a getter for the broker address. */
export function useBroker(): () => BrokerAddress {
  let addr: BrokerAddress | undefined;
  let own: Broker | undefined;
  let failure: string | undefined;
  before(async () => {
    if (skipReason) return;
    if (envBootstrap) {
      const tlsDir = process.env[BROKER_ENV.tlsDir] ?? '';
      addr = {
        bootstrap: envBootstrap,
        saslBootstrap: process.env[BROKER_ENV.saslBootstrap] ?? '',
        sslBootstrap: process.env[BROKER_ENV.sslBootstrap] ?? '',
        mtlsBootstrap: process.env[BROKER_ENV.mtlsBootstrap] ?? '',
        tls: { dir: tlsDir, caFile: path.join(tlsDir, 'ca.pem'), clientCertFile: path.join(tlsDir, 'client.pem'), clientKeyFile: path.join(tlsDir, 'client.key') },
      };
      return;
    }
    // Under CI a missing broker must fail every test (counted as failures, not cancelled or skipped).
    if (envError) failure = `Kafka integration tests need a broker: ${envError}`;
    else if (!kafkaJarsAvailable()) failure = `Kafka integration tests need a broker under CI: ${SETUP_HINT}`;
    else {
      try {
        own = await startBroker();
        addr = { bootstrap: own.bootstrap, saslBootstrap: own.saslBootstrap, sslBootstrap: own.sslBootstrap, mtlsBootstrap: own.mtlsBootstrap, tls: own.tls };
      } catch (e) {
        failure = `Kafka broker failed to start: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
  }, { timeout: 120_000 });
  after(async () => {
    await own?.stop();
  });
  return () => {
    if (!addr) throw new Error(failure ?? 'Kafka broker not started');
    return addr;
  };
}

let seq = 0;
/** A topic/group name unique to this process and call. */
export function unique(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${seq++}`;
}

/** Fixture helper with kafkajs directly (not the adapter under test). */
export async function withKafka<T>(bootstrap: string, fn: (k: Kafka) => Promise<T>): Promise<T> {
  const k = new Kafka({ clientId: 'kafka-k8s-test-fixture', brokers: [bootstrap], logLevel: logLevel.NOTHING });
  return await fn(k);
}

/** Creates a topic and produces `counts[p]` records to each partition p. */
export async function seedTopic(bootstrap: string, topic: string, counts: readonly number[]): Promise<void> {
  await withKafka(bootstrap, async (k) => {
    const admin = k.admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: counts.length, replicationFactor: 1 }] });
    } finally {
      await admin.disconnect();
    }
    const producer = k.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      const messages = counts.flatMap((n, partition) => Array.from({ length: n }, (_, i) => ({ partition, value: `m${i}` })));
      if (messages.length) await producer.send({ topic, acks: -1, messages });
    } finally {
      await producer.disconnect();
    }
  });
}

export interface OracleRow {
  readonly topic: string;
  readonly partition: number;
  /** null when the tool prints "-" */
  readonly current: bigint | null;
  readonly end: bigint | null;
  readonly lag: bigint | null;
}

/** Kafka's own ConsumerGroupCommand --describe, parsed: the oracle for lag numbers. */
export function describeGroupWithKafkaTool(bootstrap: string, groupId: string): OracleRow[] {
  const r = runKafkaTool('org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', ['--bootstrap-server', bootstrap, '--describe', '--group', groupId]);
  if (r.status !== 0) throw new Error(`ConsumerGroupCommand failed (${r.status}): ${r.stderr}\n${r.stdout}`);
  const num = (s: string): bigint | null => (s === '-' ? null : BigInt(s));
  const rows: OracleRow[] = [];
  for (const line of r.stdout.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 6 || f[0] !== groupId) continue;
    rows.push({ topic: f[1], partition: Number(f[2]), current: num(f[3]), end: num(f[4]), lag: num(f[5]) });
  }
  return rows.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}
