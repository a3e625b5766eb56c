/**
 * The explorer's data path on the real broker, without VS Code: the same calls the view makes
 * (describeCluster, listTopics, fetchLag) → evaluateGroups → clusterNode, and the labels a user sees.
 * (The VS Code rendering of these nodes is covered by the editor's in-VS Code harness.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterNode, evaluateGroups, type ViewNode } from '../../src/core/explorer/model';
import { LagHistory } from '../../src/core/lag/status';
import { createKafkaAdmin } from '../../src/services/kafka/kafkajs-adapter';
import { fetchLag } from '../../src/services/kafka/lag-service';
import { commitOffsets, describeGroupWithKafkaTool, seedTopic, skipReason, unique, useBroker } from './broker';

function find(n: ViewNode, id: string): ViewNode | undefined {
  if (n.id === id) return n;
  for (const c of n.children ?? []) {
    const f = find(c, id);
    if (f) return f;
  }
  return undefined;
}

describe('explorer view model on a real broker', { skip: skipReason }, () => {
  const broker = useBroker();

  it('lists the topics with partitions and a group with the lag Kafka reports; status follows refreshes', { timeout: 120_000 }, async () => {
    const topic = unique('ex');
    const group = unique('g-ex');
    await seedTopic(broker().bootstrap, topic, [1500, 2]);
    await commitOffsets(broker().bootstrap, group, topic, [300, 2]);
    const port = createKafkaAdmin({ bootstrapServers: [broker().bootstrap], timeoutMs: 15_000 });
    const history = new LagHistory(10);
    const refresh = async (): Promise<ViewNode> => {
      const [cluster, topics, lag] = await Promise.all([port.describeCluster(), port.listTopics({ includeInternal: true }), fetchLag(port)]);
      const groups = evaluateGroups(lag.groups, lag.at, history);
      return clusterNode({ id: 'test', name: 'test broker', bootstrap: broker().bootstrap, loading: false, watched: new Set([group]), data: { ...cluster, topics, groups, at: lag.at } });
    };
    try {
      const root = await refresh();
      assert.equal(root.label, 'test broker');
      assert.match(root.description!, /^1 broker · \d+ topics?$/);
      const t = find(root, `test/topics/${topic}`)!;
      assert.equal(t.description, '2 partitions · RF 1 · lag 1.2k');
      assert.equal(find(root, `test/topics/${topic}/p/1`)!.description, 'leader 1 · replicas 1 · ISR 1');

      const oracle = describeGroupWithKafkaTool(broker().bootstrap, group);
      const total = oracle.reduce((s, r) => s + (r.lag ?? 0n), 0n);
      assert.equal(total, 1200n);
      const g = find(root, `test/groups/${group}`)!;
      // No members and lag > 0: nobody is consuming.
      assert.equal(g.description, 'lag 1.2k · STOP · watched');
      assert.equal(g.contextValue, 'kafka.group.watched');
      for (const r of oracle) assert.equal(find(root, `test/groups/${group}/t/${topic}/p/${r.partition}`)!.description, `committed ${r.current} · end ${r.end} · lag ${r.lag}`);

      // The group catches up: the next refresh shows lag 0 and OK, with a trend.
      await commitOffsets(broker().bootstrap, group, topic, [1500, 2]);
      const after = await refresh();
      const g2 = find(after, `test/groups/${group}`)!;
      assert.equal(g2.description, 'lag 0 · OK ↘ · watched');
      assert.match(g2.tooltip!, /Trend: shrinking/);
    } finally {
      await port.close();
    }
  });
});
