/**
 * `npm run playground`: a local Kafka broker with topics and consumer groups that have lag, to try the
 * explorer and `kafka-k8s lag` in one command. Runs until Ctrl+C; everything lives in a temp folder.
 *
 * Seeded:
 *   orders (6 partitions)   — a producer keeps adding ~20 records/s
 *   payments (3 partitions) — 300 records
 *   audit-log (1 partition, compacted)
 *   groups: billing (committed part-way: steady lag), shipping (caught up), slow-reader (a live
 *   consumer slower than the producer: lag grows, status WARN), stuck-worker (a member that never
 *   commits: "no committed offset"), reporting (committed, no members: STOP)
 */
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { SETUP_HINT, TEST_USERS, commitOffsets, kafkaJarsAvailable, startBroker } from './broker';

async function main(): Promise<void> {
  if (!kafkaJarsAvailable()) {
    process.stderr.write(`playground: ${SETUP_HINT}\n`);
    process.exit(2);
  }
  process.stdout.write('playground: starting Kafka…\n');
  const broker = await startBroker({ heapMb: 512 });
  const kafka = new Kafka({ clientId: 'kafka-k8s-playground', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const consumers: Consumer[] = [];
  let producer: Producer | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  let release: () => void = () => undefined;
  const released = new Promise<void>((r) => (release = r));
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nplayground: stopping…\n');
    clearInterval(timer);
    release(); // lets the stuck consumer's handler return, so its disconnect can finish
    const clients = Promise.allSettled([...consumers.map((c) => c.disconnect()), producer?.disconnect(), admin.disconnect()]);
    await Promise.race([clients, new Promise((r) => setTimeout(r, 5000))]);
    await broker.stop();
    process.exit(0);
  };
  // If this process dies without the async stop, do not leave the JVM behind.
  process.on('exit', () => {
    try {
      process.kill(-broker.pid, 'SIGKILL');
    } catch {
      /* already stopped */
    }
  });
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic: 'orders', numPartitions: 6, replicationFactor: 1 },
      { topic: 'payments', numPartitions: 3, replicationFactor: 1, configEntries: [{ name: 'retention.ms', value: '604800000' }] },
      { topic: 'audit-log', numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
    ],
  });
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const batch = (topic: string, n: number, partitions: number) =>
    producer!.send({ topic, messages: Array.from({ length: n }, (_, i) => ({ partition: i % partitions, key: `k${i % 50}`, value: JSON.stringify({ i, at: Date.now() }) })) });
  await batch('orders', 1200, 6);
  await batch('payments', 300, 3);
  await batch('audit-log', 40, 1);

  const commit = (groupId: string, topic: string, perPartition: number[]) => commitOffsets(broker.bootstrap, groupId, topic, perPartition);
  await commit('billing', 'orders', [150, 180, 120, 200, 100, 160]);
  await commit('billing', 'payments', [60, 100, 90]);
  await commit('shipping', 'payments', [100, 100, 100]);
  await commit('reporting', 'audit-log', [10]);

  // slow-reader: consumes ~5 records/s while the producer adds ~20/s.
  const slow = kafka.consumer({ groupId: 'slow-reader' });
  consumers.push(slow);
  await slow.connect();
  await slow.subscribe({ topic: 'orders', fromBeginning: true });
  void slow.run({ autoCommitInterval: 1000, eachMessage: async () => new Promise((r) => setTimeout(r, 200)) });

  // stuck-worker: joined, assigned, never commits.
  const stuck = kafka.consumer({ groupId: 'stuck-worker' });
  consumers.push(stuck);
  await stuck.connect();
  await stuck.subscribe({ topic: 'payments', fromBeginning: true });
  void stuck.run({ autoCommit: false, eachMessage: async () => released });

  timer = setInterval(() => void batch('orders', 20, 6).catch(() => undefined), 1000);

  process.stdout.write(
    [
      '',
      `Kafka is running.`,
      `  bootstrap (PLAINTEXT):      ${broker.bootstrap}`,
      `  bootstrap (SASL_PLAINTEXT): ${broker.saslBootstrap}  user ${TEST_USERS.admin.name} / password ${TEST_USERS.admin.password} (SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN)`,
      '',
      'In VS Code: open the Kafka view in the activity bar → "Add Cluster…" → enter the bootstrap address above',
      '(no authentication). Topics, consumer groups and their lag appear; slow-reader falls behind as you watch.',
      '',
      `From a terminal: node dist/cli.js lag --bootstrap ${broker.bootstrap}`,
      '',
      'Press Ctrl+C to stop (the broker and its data are removed).',
      '',
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(`playground: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
