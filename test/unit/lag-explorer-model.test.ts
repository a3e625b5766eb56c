/** The explorer's view model: labels, ids, states and alerts, without VS Code. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertText, clusterNode, configNodes, lagAlerts, nextRefreshDelay, parseBootstrap, validateCount, validateTopicName, type ClusterData, type ClusterState, type ViewNode } from '../../src/core/explorer/model';
import { groupLag } from '../../src/core/lag/lag';
import { evaluateGroup } from '../../src/core/lag/status';

const offsets = [
  { topic: 'orders', partition: 0, start: 0n, end: 1500n },
  { topic: 'orders', partition: 1, start: 0n, end: 10n },
];
const lag = groupLag('billing', [{ topic: 'orders', partition: 0, offset: 300n }], offsets, [{ memberId: 'm-1', topic: 'orders', partitions: [0, 1] }]);
const data: ClusterData = {
  clusterId: 'abc',
  controllerId: 1,
  at: 0,
  brokers: [{ nodeId: 1, host: 'k1', port: 9092 }, { nodeId: 2, host: 'k2', port: 9092 }],
  topics: [
    { name: '__consumer_offsets', internal: true, partitions: [{ partition: 0, leader: 1, replicas: [1], isr: [1], offlineReplicas: [], underReplicated: false }] },
    {
      name: 'orders',
      internal: false,
      partitions: [
        { partition: 0, leader: 1, replicas: [1, 2], isr: [1, 2], offlineReplicas: [], underReplicated: false },
        { partition: 1, leader: 2, replicas: [1, 2], isr: [2], offlineReplicas: [1], underReplicated: true },
        { partition: 2, leader: -1, replicas: [1], isr: [], offlineReplicas: [1], underReplicated: true },
      ],
    },
  ],
  groups: [
    { groupId: 'billing', state: 'Stable', protocolType: 'consumer', protocol: 'range', members: [{ memberId: 'm-1', clientId: 'billing-app', clientHost: '/10.0.0.7', assignment: [{ topic: 'orders', partitions: [0, 1] }] }], membersKnown: true, lag, evaluation: evaluateGroup([{ at: 0, lag, active: true }]) },
    { groupId: 'modern', state: 'Unknown', protocolType: '', protocol: '', members: [], membersKnown: false, membersNote: 'KIP-848', lag: groupLag('modern', [], offsets), evaluation: evaluateGroup([]) },
  ],
};
const state = (extra: Partial<ClusterState> = {}): ClusterState => ({ id: 'c1', name: 'prod', bootstrap: 'k1:9092', data, loading: false, watched: new Set(), ...extra });

function find(n: ViewNode, id: string): ViewNode | undefined {
  if (n.id === id) return n;
  for (const c of n.children ?? []) {
    const f = find(c, id);
    if (f) return f;
  }
  return undefined;
}

describe('clusterNode', () => {
  const root = clusterNode(state());

  it('cluster → Brokers, Topics, Consumer Groups', () => {
    assert.equal(root.label, 'prod');
    assert.equal(root.description, '2 brokers · 1 topic');
    assert.deepEqual(root.children!.map((c) => [c.label, c.description]), [
      ['Brokers', '2'],
      ['Topics', '1 · 2 partitions under-replicated'],
      ['Consumer Groups', '2'],
    ]);
    assert.equal(find(root, 'c1/brokers/1')!.description, 'k1:9092 · controller');
  });

  it('hides internal topics unless asked', () => {
    assert.ok(!find(root, 'c1/topics/__consumer_offsets'));
    assert.ok(find(clusterNode(state({ showInternal: true })), 'c1/topics/__consumer_offsets'));
  });

  it('marks under-replicated and offline partitions', () => {
    assert.equal(find(root, 'c1/topics/orders')!.description, '3 partitions · RF 2 · 2 under-replicated · lag 1.2k');
    assert.match(find(root, 'c1/topics/orders')!.tooltip!, /Consumer groups \(lag\):\n• billing: 1200$/);
    assert.equal(find(root, 'c1/topics/orders/p/0')!.description, 'leader 1 · replicas 1,2 · ISR 1,2');
    const p1 = find(root, 'c1/topics/orders/p/1')!;
    assert.equal(p1.description, 'leader 2 · replicas 1,2 · ISR 2 · under-replicated');
    assert.equal(p1.icon?.id, 'warning');
    assert.equal(find(root, 'c1/topics/orders/p/2')!.description, 'leader none · replicas 1 · ISR  · offline (no leader)');
    assert.equal(find(root, 'c1/topics/orders/configs')!.kind, 'configs');
  });

  it('groups show summed lag and status in the label, members and per-partition rows', () => {
    const g = find(root, 'c1/groups/billing')!;
    assert.equal(g.label, 'billing');
    assert.equal(g.description, 'lag 1.2k · OK');
    assert.match(g.tooltip!, /Lag: 1200 \(1 partitions committed, 1 without a committed offset\)/);
    assert.equal(g.contextValue, 'kafka.group');
    assert.equal(find(root, 'c1/groups/billing/members')!.description, '1');
    assert.equal(find(root, 'c1/groups/billing/members/m-1')!.description, '/10.0.0.7 · orders[0,1]');
    assert.equal(find(root, 'c1/groups/billing/t/orders/p/0')!.description, 'committed 300 · end 1500 · lag 1200');
    assert.equal(find(root, 'c1/groups/billing/t/orders/p/1')!.description, 'no committed offset · end 10');
  });

  it('says when members cannot be known, and when a group has no commits', () => {
    const m = find(root, 'c1/groups/modern/members')!;
    assert.equal(m.label, 'Members unknown');
    assert.equal(m.tooltip, 'KIP-848');
    assert.equal(find(root, 'c1/groups/modern/none')!.label, 'No committed offsets');
  });

  it('first paint: topics before group lag arrives', () => {
    const n = clusterNode(state({ data: { ...data, groups: [] }, groupsLoading: true }));
    const groups = find(n, 'c1/groups')!;
    assert.equal(groups.description, 'loading…');
    assert.equal(groups.children![0].label, 'Loading consumer groups…');
    assert.ok(find(n, 'c1/topics/orders'));
  });

  it('watched groups change the context value', () => {
    assert.equal(find(clusterNode(state({ watched: new Set(['billing']) })), 'c1/groups/billing')!.contextValue, 'kafka.group.watched');
  });

  it('errors and loading are nodes, not pop-ups; old data stays with a failure note', () => {
    const down = clusterNode(state({ data: undefined, error: 'Cannot reach Kafka at k1:9092.' }));
    assert.equal(down.description, 'unreachable');
    assert.deepEqual(down.children!.map((c) => c.label), ['Cannot reach Kafka at k1:9092.']);
    const loading = clusterNode(state({ data: undefined, loading: true }));
    assert.equal(loading.description, 'connecting…');
    const stale = clusterNode(state({ error: 'timed out' }));
    assert.equal(stale.description, 'refresh failed');
    assert.equal(stale.children![0].label, 'Refresh failed: timed out');
    assert.equal(stale.children!.length, 4);
  });

  it('ids are stable across lag changes', () => {
    const ids = (n: ViewNode): string[] => [n.id, ...(n.children ?? []).flatMap(ids)];
    const other = { ...data, groups: data.groups.map((g) => ({ ...g, lag: groupLag(g.groupId, [{ topic: 'orders', partition: 0, offset: 1400n }], offsets, []) })) };
    const a = new Set(ids(root));
    for (const id of ids(clusterNode(state({ data: other })))) if (id.startsWith('c1/groups/billing/t/')) assert.ok(a.has(id), id);
  });
});

describe('configNodes', () => {
  it('lists topic-level overrides first and hides sensitive values', () => {
    const n = configNodes('c1', 't', [
      { name: 'cleanup.policy', value: 'delete', isDefault: true, sensitive: false },
      { name: 'retention.ms', value: '1000', isDefault: false, sensitive: false },
      { name: 'secret.thing', value: null, isDefault: true, sensitive: true },
    ]);
    assert.deepEqual(n.map((x) => [x.label, x.description]), [
      ['retention.ms', '1000 · set on topic'],
      ['cleanup.policy', 'delete'],
      ['secret.thing', '(sensitive)'],
    ]);
  });
});

describe('lag alerts', () => {
  it('only watched groups above the threshold, worst first', () => {
    const s = state({ watched: new Set(['billing', 'modern']) });
    assert.deepEqual(lagAlerts([s], 1000n).map((a) => [a.group, a.lag]), [['billing', 1200n]]);
    assert.deepEqual(lagAlerts([s], 5000n), []);
    assert.deepEqual(lagAlerts([state()], 0n), []);
    const t = alertText(lagAlerts([s], 1000n))!;
    assert.equal(t.text, '$(warning) billing lag 1.2k');
    assert.match(t.tooltip, /billing on prod: 1200 \(OK\)/);
    assert.equal(alertText([]), undefined);
  });
});

describe('helpers', () => {
  it('nextRefreshDelay doubles per failure up to 5 minutes', () => {
    assert.deepEqual([0, 1, 2, 3, 20].map((f) => nextRefreshDelay(10_000, f)), [10_000, 20_000, 40_000, 80_000, 300_000]);
  });
  it('validateTopicName follows Kafka rules', () => {
    assert.equal(validateTopicName('orders.v1_x-y'), undefined);
    assert.match(validateTopicName('')!, /Enter/);
    assert.match(validateTopicName('..')!, /cannot be named/);
    assert.match(validateTopicName('a b')!, /" " is not allowed/);
    assert.match(validateTopicName('x'.repeat(250))!, /At most 249/);
  });
  it('validateCount and parseBootstrap', () => {
    assert.equal(validateCount('3', 'Partitions', 1, 10), undefined);
    assert.match(validateCount('0', 'Partitions', 1, 10)!, /between 1 and 10/);
    assert.match(validateCount('2.5', 'Partitions', 1, 10)!, /whole number/);
    assert.deepEqual(parseBootstrap(' a:1, b.example:9092 ,[::1]:9093'), ['a:1', 'b.example:9092', '[::1]:9093']);
    assert.match(parseBootstrap('a') as string, /"a" is not HOST:PORT/);
    assert.match(parseBootstrap('a:99999') as string, /not HOST:PORT/);
    assert.match(parseBootstrap(' ') as string, /at least one/);
  });
});
