/**
 * `npm run bench:kafka`: the explorer's Kafka costs on a broker with 1,000 topics (10,000 partitions)
 * and 200 consumer groups, side by side with Kafka's own ConsumerGroupCommand --describe --all-groups.
 *
 *  - first paint: a new connection until the topic list (with partitions) is in hand;
 *  - full lag refresh: every group's committed offsets, start/end offsets and lag (cold = new
 *    connection, warm = the explorer's steady state) and the Kafka requests it sent;
 *  - ConsumerGroupCommand --describe --all-groups on the same broker (includes its JVM start, as a
 *    user running it pays that), and its total lag, which must equal ours.
 *
 * Goals (issue 4): first paint ≤ 1 s, full lag refresh ≤ 2 s and faster than Kafka's tool.
 * Writes bench/results/kafka.json (git-ignored). Options: --topics=N --partitions=N --groups=N --runs=N.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { createKafkaAdmin } from '../../src/services/kafka/kafkajs-adapter';
import { fetchLag } from '../../src/services/kafka/lag-service';
import { kafkaJarsAvailable, runKafkaTool, SETUP_HINT, startBroker } from '../../test/infra/kafka/broker';

const arg = (name: string, d: number): number => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : d;
};
const TOPICS = arg('topics', 1000);
const PARTITIONS = arg('partitions', 10);
const GROUPS = arg('groups', 200);
const RUNS = arg('runs', 5);
const TOPICS_PER_GROUP = 5;

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const log = (m: string): void => void process.stderr.write(`bench:kafka: ${m}\n`);

interface OffsetCommitCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  findGroupCoordinator(o: { groupId: string }): Promise<{ offsetCommit(o: object): Promise<unknown> }>;
}

async function seed(bootstrap: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'bench-seed', brokers: [bootstrap], logLevel: logLevel.NOTHING, requestTimeout: 120_000 });
  const admin = kafka.admin();
  await admin.connect();
  let t = now();
  for (let i = 0; i < TOPICS; i += 100) {
    const topics = Array.from({ length: Math.min(100, TOPICS - i) }, (_, j) => ({ topic: `bench-${String(i + j).padStart(4, '0')}`, numPartitions: PARTITIONS, replicationFactor: 1 }));
    await admin.createTopics({ topics, waitForLeaders: false, timeout: 120_000 });
  }
  // kafkajs's waitForLeaders races KRaft metadata propagation (kafkajs#1563): poll until every partition has a leader.
  for (let attempt = 0; ; attempt++) {
    const md = await admin.fetchTopicMetadata().catch(() => ({ topics: [] as { name: string; partitions: { leader: number }[] }[] }));
    const ready = md.topics.filter((x) => x.name.startsWith('bench-') && x.partitions.length === PARTITIONS && x.partitions.every((p) => p.leader >= 0)).length;
    if (ready >= TOPICS) break;
    if (attempt > 600) throw new Error(`only ${ready} of ${TOPICS} topics have leaders`);
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`created ${TOPICS} topics × ${PARTITIONS} partitions in ${((now() - t) / 1000).toFixed(1)} s`);
  await admin.disconnect();

  t = now();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  for (let i = 0; i < TOPICS; i += 50) {
    const topicMessages = Array.from({ length: Math.min(50, TOPICS - i) }, (_, j) => ({
      topic: `bench-${String(i + j).padStart(4, '0')}`,
      messages: Array.from({ length: PARTITIONS * 3 }, (_, m) => ({ partition: m % PARTITIONS, value: `v${m}` })),
    }));
    await producer.sendBatch({ topicMessages, acks: 1 });
  }
  await producer.disconnect();
  log(`produced ${TOPICS * PARTITIONS * 3} records in ${((now() - t) / 1000).toFixed(1)} s`);

  t = now();
  const sym = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster')!;
  const cluster = ((kafka as unknown as Record<symbol, unknown>)[sym] as (o: object) => OffsetCommitCluster)({ allowAutoTopicCreation: false });
  await cluster.connect();
  for (let g = 0; g < GROUPS; g++) {
    const groupId = `bench-group-${String(g).padStart(3, '0')}`;
    const topics = Array.from({ length: TOPICS_PER_GROUP }, (_, k) => ({
      topic: `bench-${String((g * TOPICS_PER_GROUP + k) % TOPICS).padStart(4, '0')}`,
      partitions: Array.from({ length: PARTITIONS }, (_, p) => ({ partition: p, offset: String(p % 3) })),
    }));
    const coordinator = await cluster.findGroupCoordinator({ groupId });
    await coordinator.offsetCommit({ groupId, groupGenerationId: -1, memberId: '', topics });
  }
  await cluster.disconnect();
  log(`committed offsets for ${GROUPS} groups × ${TOPICS_PER_GROUP * PARTITIONS} partitions in ${((now() - t) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  if (!kafkaJarsAvailable()) {
    log(SETUP_HINT);
    process.exit(2);
  }
  log(`starting a broker for ${TOPICS} topics / ${TOPICS * PARTITIONS} partitions / ${GROUPS} groups…`);
  const broker = await startBroker({ heapMb: 1024, readyTimeoutMs: 120_000 });
  try {
    await seed(broker.bootstrap);
    const conn = { bootstrapServers: [broker.bootstrap], timeoutMs: 60_000 };

    const firstPaint: number[] = [];
    let topicCount = 0;
    for (let i = 0; i < RUNS; i++) {
      const port = createKafkaAdmin(conn);
      const t = now();
      topicCount = (await port.listTopics()).length;
      firstPaint.push(now() - t);
      await port.close();
    }

    const cold: number[] = [];
    const warm: number[] = [];
    let requests: Record<string, number> = {};
    let warmRequests: Record<string, number> = {};
    let timings: Record<string, number> = {};
    let ourTotal = 0n;
    let groupsSeen = 0;
    for (let i = 0; i < RUNS; i++) {
      const port = createKafkaAdmin(conn);
      let t = now();
      const r1 = await fetchLag(port);
      cold.push(now() - t);
      requests = { ...r1.stats.requests };
      t = now();
      const r2 = await fetchLag(port);
      warm.push(now() - t);
      warmRequests = { ...r2.stats.requests };
      timings = Object.fromEntries(Object.entries(r2.timings).map(([k, v]) => [k, Math.round(v)]));
      ourTotal = r2.groups.reduce((s, g) => s + g.lag.lag, 0n);
      groupsSeen = r2.groups.length;
      await port.close();
    }

    const tool: number[] = [];
    let toolTotal = 0n;
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const t = now();
      const r = runKafkaTool('org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', ['--bootstrap-server', broker.bootstrap, '--describe', '--all-groups'], { timeoutMs: 600_000 });
      tool.push(now() - t);
      if (r.status !== 0) throw new Error(`ConsumerGroupCommand failed: ${r.stderr}`);
      toolTotal = 0n;
      for (const line of r.stdout.split('\n')) {
        const f = line.trim().split(/\s+/);
        if (f[0]?.startsWith('bench-group-') && /^\d+$/.test(f[5] ?? '')) toolTotal += BigInt(f[5]);
      }
    }

    const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
    const result = {
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      shape: { topics: TOPICS, partitions: TOPICS * PARTITIONS, groups: GROUPS, partitionsPerGroup: TOPICS_PER_GROUP * PARTITIONS, runs: RUNS },
      firstPaintMs: { median: median(firstPaint), all: firstPaint, topicsListed: topicCount },
      lagRefreshMs: { coldMedian: median(cold), warmMedian: median(warm), cold, warm, lastWarmSteps: timings },
      requestsPerRefresh: { cold: requests, coldTotal: sum(requests), warm: warmRequests, warmTotal: sum(warmRequests) },
      consumerGroupCommandMs: { median: median(tool), all: tool },
      totals: { ours: ourTotal.toString(), consumerGroupCommand: toolTotal.toString(), equal: ourTotal === toolTotal, groups: groupsSeen },
    };
    const out = path.join(process.cwd(), 'bench', 'results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'kafka.json'), JSON.stringify(result, null, 2) + '\n');
    const f = (n: number): string => `${Math.round(n)} ms`;
    process.stdout.write(
      [
        `Kafka explorer benchmark: ${TOPICS} topics, ${TOPICS * PARTITIONS} partitions, ${GROUPS} groups (${RUNS} runs, medians)`,
        `  first paint (new connection → topic list)   ${f(result.firstPaintMs.median)}   goal ≤ 1000 ms`,
        `  full lag refresh, cold (new connection)     ${f(result.lagRefreshMs.coldMedian)}   goal ≤ 2000 ms`,
        `  full lag refresh, warm (steady state)       ${f(result.lagRefreshMs.warmMedian)}   steps ${JSON.stringify(timings)}`,
        `  ConsumerGroupCommand --describe --all-groups ${f(result.consumerGroupCommandMs.median)}  (JVM start included)`,
        `  requests per refresh: cold ${result.requestsPerRefresh.coldTotal} ${JSON.stringify(requests)}`,
        `                        warm ${result.requestsPerRefresh.warmTotal} ${JSON.stringify(warmRequests)}`,
        `  total lag: ours ${ourTotal}, ConsumerGroupCommand ${toolTotal} (${result.totals.equal ? 'equal' : 'DIFFERENT'})`,
        '',
      ].join('\n'),
    );
  } finally {
    await broker.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`bench:kafka: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
