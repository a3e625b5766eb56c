/** The kafkajs adapter and the lag refresh against a real Kafka 4.x broker, with Kafka's own tools as oracle. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { createKafkaAdmin } from '../../src/services/kafka/kafkajs-adapter';
import { fetchLag } from '../../src/services/kafka/lag-service';
import { KafkaServiceError, type KafkaAdminPort } from '../../src/services/kafka/port';
import { TEST_USERS, freePort, runKafkaTool, startBroker } from '../infra/kafka/broker';
import { commitOffsets, describeGroupWithKafkaTool, seedTopic, skipReason, unique, useBroker } from './broker';

const T = { timeout: 120_000 };

async function withPort<R>(bootstrap: string, fn: (p: KafkaAdminPort) => Promise<R>, extra: Partial<Parameters<typeof createKafkaAdmin>[0]> = {}): Promise<R> {
  const port = createKafkaAdmin({ bootstrapServers: [bootstrap], timeoutMs: 15_000, ...extra });
  try {
    return await fn(port);
  } finally {
    await port.close();
  }
}

/** Our numbers, in the oracle's row shape (only partitions the tool prints: committed or assigned). */
function ourRows(report: Awaited<ReturnType<typeof fetchLag>>, groupId: string) {
  const g = report.groups.find((x) => x.groupId === groupId);
  assert.ok(g, `group ${groupId} in report`);
  return g.lag.topics.flatMap((t) => t.partitions.map((p) => ({ topic: p.topic, partition: p.partition, current: p.committed, end: p.committed === null ? p.end : p.end, lag: p.lag })));
}

describe('Kafka service on a real broker', { skip: skipReason }, () => {
  const broker = useBroker();

  it('describes the cluster', T, async () => {
    await withPort(broker().bootstrap, async (p) => {
      const c = await p.describeCluster();
      assert.equal(c.brokers.length, 1);
      assert.equal(c.brokers[0].nodeId, 1);
      assert.equal(`${c.brokers[0].host}:${c.brokers[0].port}`, broker().bootstrap);
      assert.ok(c.clusterId.length > 0);
    });
  });

  it('creates, lists, describes and deletes topics as created', T, async () => {
    const topic = unique('svc-topic');
    await withPort(broker().bootstrap, async (p) => {
      await p.createTopic({ name: topic, partitions: 3, replicationFactor: 1, configs: { 'retention.ms': '3600000' } });
      const t = (await p.listTopics()).find((x) => x.name === topic);
      assert.ok(t, 'topic listed');
      assert.equal(t.internal, false);
      assert.deepEqual(
        t.partitions.map((x) => [x.partition, x.leader, x.replicas, x.isr, x.underReplicated]),
        [0, 1, 2].map((i) => [i, 1, [1], [1], false]),
      );
      assert.ok(!(await p.listTopics()).some((x) => x.internal), 'internal topics hidden by default');
      assert.ok((await p.listTopics({ includeInternal: true })).some((x) => x.name === '__consumer_offsets'));

      const cfg = (await p.describeTopicConfigs([topic])).get(topic);
      assert.ok(cfg);
      const retention = cfg.find((c) => c.name === 'retention.ms');
      assert.deepEqual([retention?.value, retention?.isDefault], ['3600000', false]);
      assert.equal(cfg.find((c) => c.name === 'cleanup.policy')?.value, 'delete');

      await assert.rejects(p.createTopic({ name: topic, partitions: 1, replicationFactor: 1 }), (e: unknown) => e instanceof KafkaServiceError && e.kind === 'already-exists');
      await assert.rejects(p.createTopic({ name: unique('rf'), partitions: 1, replicationFactor: 3 }), (e: unknown) => e instanceof KafkaServiceError && e.kind === 'invalid');

      await p.deleteTopic(topic);
      assert.ok(!(await p.listTopics()).some((x) => x.name === topic), 'topic deleted');
    });
  });

  it('reports exactly the lag ConsumerGroupCommand prints, for committed offsets of an empty group', T, async () => {
    const topic = unique('lag');
    const group = unique('g-committed');
    await seedTopic(broker().bootstrap, topic, [7, 3, 0, 5]);
    await commitOffsets(broker().bootstrap, group, topic, [2, 3, 0, null]);
    const oracle = describeGroupWithKafkaTool(broker().bootstrap, group);
    assert.deepEqual(oracle.map((r) => [r.partition, r.current, r.end, r.lag]), [
      [0, 2n, 7n, 5n],
      [1, 3n, 3n, 0n],
      [2, 0n, 0n, 0n],
    ]);
    await withPort(broker().bootstrap, async (p) => {
      const report = await fetchLag(p, { groups: [group] });
      assert.deepEqual(ourRows(report, group), oracle);
      const g = report.groups[0];
      assert.equal(g.lag.lag, 5n);
      assert.equal(g.description.state, 'Empty');
      assert.equal(g.missing, false);
    });
  });

  it('matches the oracle for a group consumed by Kafka\'s console consumer, and for a KIP-848 group', T, async () => {
    const topic = unique('cc');
    const classic = unique('g-classic');
    const modern = unique('g-848');
    await seedTopic(broker().bootstrap, topic, [20, 20, 20]);
    for (const [g, protocol] of [[classic, 'classic'], [modern, 'consumer']] as const) {
      const r = runKafkaTool('org.apache.kafka.tools.consumer.ConsoleConsumer', [
        '--bootstrap-server', broker().bootstrap, '--topic', topic, '--group', g, '--from-beginning', '--max-messages', '5', '--timeout-ms', '30000',
        '--consumer-property', `group.protocol=${protocol}`, '--consumer-property', 'max.poll.records=5',
      ]);
      assert.equal(r.status, 0, r.stderr);
    }
    await withPort(broker().bootstrap, async (p) => {
      const report = await fetchLag(p, { groups: [classic, modern] });
      for (const g of [classic, modern]) {
        const oracle = describeGroupWithKafkaTool(broker().bootstrap, g);
        assert.ok(oracle.length > 0);
        assert.deepEqual(ourRows(report, g), oracle, g);
      }
      const m = report.groups.find((x) => x.groupId === modern)!;
      assert.equal(m.description.membersKnown, false, 'kafkajs cannot describe KIP-848 groups: said, not faked');
      assert.match(m.description.membersNote ?? '', /KIP-848/);
      const listed = await p.listGroups();
      assert.ok(listed.some((x) => x.groupId === classic && x.protocolType === 'consumer'));
    });
  });

  it('shows "no committed offset" for a member\'s partitions before its first commit', T, async () => {
    const topic = unique('nocommit');
    const group = unique('g-nocommit');
    await seedTopic(broker().bootstrap, topic, [4, 6]);
    const k = new Kafka({ clientId: 'fixture', brokers: [broker().bootstrap], logLevel: logLevel.NOTHING });
    const consumer = k.consumer({ groupId: group, sessionTimeout: 10_000, heartbeatInterval: 1000 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let joined!: () => void;
    const isJoined = new Promise<void>((r) => (joined = r));
    consumer.on(consumer.events.GROUP_JOIN, () => joined());
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    // The first message never finishes processing while we look, so nothing is committed.
    await consumer.run({ autoCommit: false, eachMessage: async () => released });
    try {
      await isJoined;
      const oracle = describeGroupWithKafkaTool(broker().bootstrap, group);
      assert.deepEqual(oracle.map((r) => [r.partition, r.current, r.lag]), [[0, null, null], [1, null, null]]);
      await withPort(broker().bootstrap, async (p) => {
        const report = await fetchLag(p, { groups: [group] });
        const g = report.groups[0];
        assert.equal(g.description.state, 'Stable');
        assert.equal(g.description.members.length, 1);
        assert.deepEqual(g.description.members[0].assignment, [{ topic, partitions: [0, 1] }]);
        assert.deepEqual(g.lag.topics[0].partitions.map((x) => [x.partition, x.committed, x.lag, x.state, x.end]), [
          [0, null, null, 'no-commit', 4n],
          [1, null, null, 'no-commit', 6n],
        ]);
        assert.equal(g.lag.noCommit, 2);
      });
    } finally {
      release();
      await consumer.disconnect().catch(() => undefined);
    }
  });

  it('bounds the round trips of a lag refresh', T, async () => {
    const topics = [unique('rt'), unique('rt'), unique('rt')];
    const groups = [unique('g-rt'), unique('g-rt'), unique('g-rt'), unique('g-rt')];
    for (const t of topics) await seedTopic(broker().bootstrap, t, [3, 3, 3, 3]);
    for (const g of groups) for (const t of topics) await commitOffsets(broker().bootstrap, g, t, [1, 1, 1, 1]);
    await withPort(broker().bootstrap, async (p) => {
      await p.describeCluster(); // connect first: connection set-up is not part of a refresh
      const report = await fetchLag(p, { groups });
      assert.equal(report.groups.length, 4);
      for (const g of report.groups) assert.equal(g.lag.lag, 24n);
      const r = report.stats.requests;
      assert.equal(r.ListOffsets, 2, 'one ListOffsets per bound (earliest, latest) per leader broker');
      assert.equal(r.OffsetFetch, groups.length, 'one OffsetFetch per group');
      assert.ok((r.DescribeGroups ?? 0) <= 1, 'one DescribeGroups per coordinator');
      assert.equal(r.GroupCoordinator, groups.length, 'one coordinator lookup per group');
      assert.equal(r.ListGroups, 1, 'one ListGroups per broker');
      assert.ok((r.Metadata ?? 0) <= 3, `Metadata ${r.Metadata}`);
      // A second refresh reuses the coordinators.
      const again = await fetchLag(p, { groups });
      assert.equal(again.stats.requests.GroupCoordinator ?? 0, 0);
      // At most the first refresh's requests minus the coordinator lookups (a metadata refresh may or may not fall in either).
      assert.ok(again.stats.total <= report.stats.total - groups.length, `second refresh ${JSON.stringify(again.stats.requests)} vs first ${JSON.stringify(r)}`);
    });
  });

  it('authenticates with SCRAM-SHA-512, SCRAM-SHA-256 and PLAIN, and fails clearly with a wrong password', T, async () => {
    const { saslBootstrap } = broker();
    const { name, password } = TEST_USERS.admin;
    for (const mechanism of ['scram-sha-512', 'scram-sha-256', 'plain'] as const) {
      await withPort(saslBootstrap, async (p) => {
        const c = await p.describeCluster();
        assert.equal(c.brokers.length, 1, mechanism);
      }, { sasl: { mechanism, username: name, password } });
    }
    const logs: string[] = [];
    const bad = createKafkaAdmin(
      { bootstrapServers: [saslBootstrap], timeoutMs: 15_000, sasl: { mechanism: 'scram-sha-512', username: name, password: 'wrong-password-123' } },
      { debug: (m) => logs.push(m), info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
    );
    try {
      await assert.rejects(bad.listTopics(), (e: unknown) => {
        assert.ok(e instanceof KafkaServiceError);
        assert.equal(e.kind, 'auth-failed');
        assert.match(e.message, /Authentication to Kafka at 127\.0\.0\.1:\d+ failed/);
        assert.ok(!e.message.includes('wrong-password-123'));
        return true;
      });
    } finally {
      await bad.close();
    }
    assert.ok(logs.length > 0);
    assert.ok(logs.every((l) => !l.includes('wrong-password-123')), 'never logs the password');
  });

  it('reports "not authorized" for a user without ACLs', T, async () => {
    const { name, password } = TEST_USERS.noAcl;
    await withPort(broker().saslBootstrap, async (p) => {
      await assert.rejects(p.createTopic({ name: unique('acl'), partitions: 1, replicationFactor: 1 }), (e: unknown) => e instanceof KafkaServiceError && e.kind === 'not-authorized');
    }, { sasl: { mechanism: 'scram-sha-512', username: name, password } });
  });

  it('fails clearly when nothing listens, within the configured timeout', { timeout: 30_000 }, async () => {
    const dead = `127.0.0.1:${await freePort()}`;
    await withPort(dead, async (p) => {
      await assert.rejects(p.listTopics({ timeoutMs: 4000 }), (e: unknown) => {
        assert.ok(e instanceof KafkaServiceError);
        assert.ok(e.kind === 'unreachable' || e.kind === 'timeout', e.kind);
        assert.match(e.message, new RegExp(dead.replace(/\./g, '\\.')));
        return true;
      });
    });
  });

  it('honours an AbortSignal', T, async () => {
    await withPort(broker().bootstrap, async (p) => {
      const ac = new AbortController();
      ac.abort();
      await assert.rejects(p.listTopics({ signal: ac.signal }), (e: unknown) => e instanceof KafkaServiceError && e.kind === 'aborted');
      assert.ok((await p.listTopics()).length >= 0, 'usable after an abort');
    });
  });

  it('recovers when a stopped broker comes back', { timeout: 180_000 }, async () => {
    const b = await startBroker();
    const p = createKafkaAdmin({ bootstrapServers: [b.bootstrap], timeoutMs: 5000 });
    try {
      assert.equal((await p.describeCluster()).brokers.length, 1);
      await b.stop({ keepData: true });
      await assert.rejects(p.describeCluster(), (e: unknown) => e instanceof KafkaServiceError && (e.kind === 'unreachable' || e.kind === 'timeout'));
      const again = await startBroker({ dir: b.dir, ports: b.ports });
      try {
        let ok = false;
        for (let i = 0; i < 10 && !ok; i++) {
          try {
            ok = (await p.describeCluster()).brokers.length === 1;
          } catch {
            await new Promise((r) => setTimeout(r, 500));
          }
        }
        assert.ok(ok, 'the same adapter works again after the broker is back');
      } finally {
        await again.stop();
      }
    } finally {
      await p.close();
      await b.stop();
    }
  });
});
