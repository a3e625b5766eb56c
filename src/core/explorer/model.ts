/**
 * The cluster explorer's view model: plain nodes built from one refresh's data. The VS Code tree
 * provider only maps these to TreeItems, so labels, ids, icons and states are unit-tested here.
 *
 * Ids are stable resource paths (`<cluster>/topics/<topic>/p/<n>`), never derived from labels, so a
 * changing lag does not reset selection or expansion.
 */
import { lagByTopic, type GroupLag, type PartitionLag } from '../lag/lag';
import { compactCount } from '../lag/report';
import type { GroupEvaluation, GroupStatus, LagHistory } from '../lag/status';

export interface BrokerData {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

export interface PartitionData {
  readonly partition: number;
  /** Node id of the leader, or -1 when the partition has none (offline). */
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly offlineReplicas: readonly number[];
  /** ISR smaller than the replica set. */
  readonly underReplicated: boolean;
}

export interface TopicData {
  readonly name: string;
  readonly internal: boolean;
  readonly partitions: readonly PartitionData[];
}

export interface MemberAssignmentData {
  readonly topic: string;
  readonly partitions: readonly number[];
}

export interface MemberData {
  readonly memberId: string;
  readonly clientId: string;
  readonly clientHost: string;
  /** Decoded consumer-protocol assignment; empty when the protocol type is not `consumer`. */
  readonly assignment: readonly MemberAssignmentData[];
}

export interface GroupData {
  readonly groupId: string;
  readonly state: string;
  readonly protocolType: string;
  readonly protocol: string;
  readonly members: readonly MemberData[];
  readonly membersKnown: boolean;
  readonly membersNote?: string;
  readonly lag: GroupLag;
  readonly evaluation: GroupEvaluation;
}

export interface ClusterData {
  readonly clusterId: string;
  readonly controllerId: number | null;
  readonly brokers: readonly BrokerData[];
  readonly topics: readonly TopicData[];
  readonly groups: readonly GroupData[];
  /** Epoch ms of the refresh. */
  readonly at: number;
}

/** One lag refresh's group, as the Kafka service reports it (structurally: core does not import services). */
export interface GroupReportInput {
  readonly groupId: string;
  readonly description: {
    readonly state: string;
    readonly protocolType: string;
    readonly protocol: string;
    readonly members: readonly MemberData[];
    readonly membersKnown: boolean;
    readonly membersNote?: string;
  };
  readonly lag: GroupLag;
}

/**
 * Records a refresh's groups in the history (a group with no members is "not active", for STOP) and
 * returns them with their evaluation over the window.
 */
export function evaluateGroups(groups: readonly GroupReportInput[], at: number, history: LagHistory): GroupData[] {
  for (const g of groups) {
    const d = g.description;
    // KIP-848 groups seen through a classic client: members unknown, so activity is only known when Stable.
    const active = d.membersKnown ? d.members.length > 0 : d.state === 'Stable' ? true : undefined;
    history.push(g.groupId, { at, lag: g.lag, ...(active !== undefined ? { active } : {}) });
  }
  history.retain(groups.map((g) => g.groupId));
  return groups.map((g) => ({
    groupId: g.groupId,
    state: g.description.state,
    protocolType: g.description.protocolType,
    protocol: g.description.protocol,
    members: g.description.members,
    membersKnown: g.description.membersKnown,
    ...(g.description.membersNote ? { membersNote: g.description.membersNote } : {}),
    lag: g.lag,
    evaluation: history.evaluate(g.groupId),
  }));
}

export interface ClusterState {
  readonly id: string;
  readonly name: string;
  readonly bootstrap: string;
  readonly data?: ClusterData;
  /** The last refresh failed (data, if any, is older). */
  readonly error?: string;
  readonly loading: boolean;
  /** Brokers and topics are shown; consumer group lag is still being fetched. */
  readonly groupsLoading?: boolean;
  /** Groups whose lag is watched for the status bar. */
  readonly watched: ReadonlySet<string>;
  /** Show internal topics (`__consumer_offsets`). */
  readonly showInternal?: boolean;
}

export type NodeKind =
  | 'cluster'
  | 'brokers'
  | 'broker'
  | 'topics'
  | 'topic'
  | 'partition'
  | 'configs'
  | 'groups'
  | 'group'
  | 'members'
  | 'member'
  | 'group-topic'
  | 'group-partition'
  | 'message';

export interface Icon {
  /** Codicon id, e.g. `warning`. */
  readonly id: string;
  /** Theme color id, e.g. `list.warningForeground`. */
  readonly color?: string;
}

export interface ViewNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon?: Icon;
  /** Drives menus: e.g. `kafka.topic`, `kafka.group.watched`. */
  readonly contextValue?: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  readonly children?: readonly ViewNode[];
  /** Identifies what a command on this node acts on. */
  readonly ref?: { readonly cluster: string; readonly topic?: string; readonly group?: string };
}

const STATUS_ICON: Record<GroupStatus, Icon> = {
  OK: { id: 'pass', color: 'testing.iconPassed' },
  WARN: { id: 'warning', color: 'list.warningForeground' },
  STALL: { id: 'debug-pause', color: 'list.warningForeground' },
  STOP: { id: 'debug-stop', color: 'list.errorForeground' },
  ERROR: { id: 'error', color: 'list.errorForeground' },
};

const TREND_ARROW = { growing: '↗', shrinking: '↘', steady: '→', unknown: '' } as const;

function message(id: string, label: string, icon: Icon, tooltip?: string): ViewNode {
  return { id, kind: 'message', label, icon, collapsible: 'none', ...(tooltip ? { tooltip } : {}), contextValue: 'kafka.message' };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function brokerNodes(cid: string, d: ClusterData): ViewNode[] {
  return d.brokers.map((b) => ({
    id: `${cid}/brokers/${b.nodeId}`,
    kind: 'broker',
    label: String(b.nodeId),
    description: `${b.host}:${b.port}${b.nodeId === d.controllerId ? ' · controller' : ''}`,
    icon: { id: 'server' },
    collapsible: 'none',
    contextValue: 'kafka.broker',
  }));
}

export function partitionNode(cid: string, topic: string, p: PartitionData): ViewNode {
  const offline = p.leader < 0;
  const problem = offline ? 'offline (no leader)' : p.underReplicated ? 'under-replicated' : '';
  return {
    id: `${cid}/topics/${topic}/p/${p.partition}`,
    kind: 'partition',
    label: `Partition ${p.partition}`,
    description: `leader ${offline ? 'none' : p.leader} · replicas ${p.replicas.join(',')} · ISR ${p.isr.join(',')}${problem ? ` · ${problem}` : ''}`,
    tooltip: [
      `Partition ${p.partition} of ${topic}`,
      `Leader: ${offline ? 'none' : p.leader}`,
      `Replicas: ${p.replicas.join(', ')}`,
      `In-sync replicas: ${p.isr.join(', ')}`,
      ...(p.offlineReplicas.length ? [`Offline replicas: ${p.offlineReplicas.join(', ')}`] : []),
      ...(problem ? [`⚠ ${problem}`] : []),
    ].join('\n'),
    icon: offline ? { id: 'error', color: 'list.errorForeground' } : p.underReplicated ? { id: 'warning', color: 'list.warningForeground' } : { id: 'symbol-number' },
    collapsible: 'none',
    contextValue: p.underReplicated || offline ? 'kafka.partition.problem' : 'kafka.partition',
  };
}

/** `consumers`: group → that group's lag on this topic. */
export function topicNode(cid: string, t: TopicData, consumers?: ReadonlyMap<string, bigint>): ViewNode {
  const under = t.partitions.filter((p) => p.underReplicated || p.leader < 0).length;
  const rf = Math.max(0, ...t.partitions.map((p) => p.replicas.length));
  const total = [...(consumers?.values() ?? [])].reduce((a, b) => a + b, 0n);
  const groups = consumers ? [...consumers.entries()].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : a[0].localeCompare(b[0]))) : [];
  return {
    id: `${cid}/topics/${t.name}`,
    kind: 'topic',
    label: t.name,
    description: `${plural(t.partitions.length, 'partition')} · RF ${rf}${under ? ` · ${under} under-replicated` : ''}${groups.length ? ` · lag ${compactCount(total)}` : ''}`,
    tooltip: [
      `${t.name}${t.internal ? ' (internal)' : ''}`,
      `${plural(t.partitions.length, 'partition')}, replication factor ${rf}${under ? `, ${under} under-replicated` : ''}`,
      ...(groups.length ? ['Consumer groups (lag):', ...groups.slice(0, 20).map(([g, l]) => `• ${g}: ${l}`), ...(groups.length > 20 ? [`… and ${groups.length - 20} more`] : [])] : ['No consumer group has committed offsets on it.']),
    ].join('\n'),
    icon: under ? { id: 'warning', color: 'list.warningForeground' } : { id: t.internal ? 'gear' : 'symbol-event' },
    collapsible: 'collapsed',
    contextValue: t.internal ? 'kafka.topic.internal' : 'kafka.topic',
    ref: { cluster: cid, topic: t.name },
    children: [
      ...t.partitions.map((p) => partitionNode(cid, t.name, p)),
      { id: `${cid}/topics/${t.name}/configs`, kind: 'configs', label: 'Configs', icon: { id: 'settings' }, collapsible: 'collapsed', contextValue: 'kafka.configs', ref: { cluster: cid, topic: t.name } },
    ],
  };
}

export function configNodes(cid: string, topic: string, configs: readonly { name: string; value: string | null; isDefault: boolean; sensitive: boolean }[]): ViewNode[] {
  const list = [...configs].sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || a.name.localeCompare(b.name));
  if (!list.length) return [message(`${cid}/topics/${topic}/configs/none`, 'No configs returned', { id: 'info' })];
  return list.map((c) => ({
    id: `${cid}/topics/${topic}/configs/${c.name}`,
    kind: 'message' as const,
    label: c.name,
    description: `${c.sensitive ? '(sensitive)' : (c.value ?? '')}${c.isDefault ? '' : ' · set on topic'}`,
    icon: { id: c.isDefault ? 'symbol-property' : 'edit' },
    collapsible: 'none' as const,
    contextValue: 'kafka.config',
  }));
}

function partitionRow(cid: string, gid: string, p: PartitionLag): ViewNode {
  const desc =
    p.state === 'no-commit'
      ? `no committed offset · end ${p.end ?? '?'}`
      : p.state === 'unknown-end'
        ? `committed ${p.committed} · end unknown`
        : `committed ${p.committed} · end ${p.end} · lag ${p.lag}${p.state === 'below-start' ? ' · below log start' : ''}`;
  return {
    id: `${cid}/groups/${gid}/t/${p.topic}/p/${p.partition}`,
    kind: 'group-partition',
    label: `Partition ${p.partition}`,
    description: desc,
    tooltip: [
      `${p.topic} partition ${p.partition}`,
      `Committed: ${p.committed ?? 'none'}`,
      `Log start: ${p.start ?? 'unknown'}`,
      `Log end: ${p.end ?? 'unknown'}`,
      `Lag: ${p.lag ?? '—'}`,
      ...(p.owner ? [`Owner: ${p.owner}`] : []),
      ...(p.state === 'below-start' ? ['⚠ The committed offset is below the log start: records were deleted before this group read them.'] : []),
      ...(p.state === 'no-commit' ? ['The group has not committed an offset for this partition yet.'] : []),
    ].join('\n'),
    icon:
      p.state === 'below-start'
        ? { id: 'error', color: 'list.errorForeground' }
        : p.state === 'no-commit'
          ? { id: 'circle-outline' }
          : p.lag === 0n
            ? { id: 'check' }
            : { id: 'arrow-right' },
    collapsible: 'none',
    contextValue: 'kafka.group.partition',
  };
}

export function groupNode(cid: string, g: GroupData, watched: boolean): ViewNode {
  const ev = g.evaluation;
  const arrow = TREND_ARROW[ev.trend.direction];
  const members = g.membersKnown ? plural(g.members.length, 'member') : 'members unknown';
  const tooltip = [
    `${g.groupId}`,
    `Status: ${ev.status} — ${ev.reason}`,
    `Lag: ${g.lag.lag} (${g.lag.committedPartitions} partitions committed${g.lag.noCommit ? `, ${g.lag.noCommit} without a committed offset` : ''})`,
    ...(ev.trend.lagPerSecond !== null ? [`Trend: ${ev.trend.direction} (${ev.trend.lagPerSecond >= 0 ? '+' : ''}${ev.trend.lagPerSecond.toFixed(1)}/s)`] : []),
    ...(ev.trend.consumedPerSecond !== null ? [`Consuming: ${ev.trend.consumedPerSecond.toFixed(1)} records/s`] : []),
    ...(ev.trend.catchUpSeconds !== null ? [`Catches up in about ${Math.ceil(ev.trend.catchUpSeconds)} s`] : []),
    `State: ${g.state} · ${members}${g.protocolType ? ` · protocol ${g.protocolType}${g.protocol ? `/${g.protocol}` : ''}` : ''}`,
    ...(g.membersNote ? [g.membersNote] : []),
    ...(watched ? ['Watched: the status bar warns when its lag passes the threshold.'] : []),
  ].join('\n');
  const memberNode: ViewNode = g.membersKnown
    ? {
        id: `${cid}/groups/${g.groupId}/members`,
        kind: 'members',
        label: 'Members',
        description: String(g.members.length),
        icon: { id: 'organization' },
        collapsible: g.members.length ? 'collapsed' : 'none',
        contextValue: 'kafka.members',
        children: g.members.map((m) => ({
          id: `${cid}/groups/${g.groupId}/members/${m.memberId}`,
          kind: 'member' as const,
          label: m.clientId || m.memberId,
          description: `${m.clientHost} · ${m.assignment.map((a) => `${a.topic}[${a.partitions.join(',')}]`).join(' ') || 'no partitions'}`,
          tooltip: `Member ${m.memberId}\nClient ${m.clientId} on ${m.clientHost}`,
          icon: { id: 'person' },
          collapsible: 'none' as const,
          contextValue: 'kafka.member',
        })),
      }
    : message(`${cid}/groups/${g.groupId}/members`, 'Members unknown', { id: 'info' }, g.membersNote);
  return {
    id: `${cid}/groups/${g.groupId}`,
    kind: 'group',
    label: g.groupId,
    description: `lag ${compactCount(g.lag.lag)} · ${ev.status}${arrow ? ` ${arrow}` : ''}${watched ? ' · watched' : ''}`,
    tooltip,
    icon: STATUS_ICON[ev.status],
    collapsible: 'collapsed',
    contextValue: watched ? 'kafka.group.watched' : 'kafka.group',
    ref: { cluster: cid, group: g.groupId },
    children: [
      memberNode,
      ...g.lag.topics.map((t) => ({
        id: `${cid}/groups/${g.groupId}/t/${t.topic}`,
        kind: 'group-topic' as const,
        label: t.topic,
        description: `lag ${t.lag}${t.noCommit ? ` · ${t.noCommit} without commit` : ''}`,
        icon: { id: 'symbol-event' },
        collapsible: 'collapsed' as const,
        contextValue: 'kafka.group.topic',
        children: t.partitions.map((p) => partitionRow(cid, g.groupId, p)),
      })),
      ...(g.lag.topics.length ? [] : [message(`${cid}/groups/${g.groupId}/none`, 'No committed offsets', { id: 'info' })]),
    ],
  };
}

/** The whole subtree of one cluster connection. */
export function clusterNode(s: ClusterState): ViewNode {
  const cid = s.id;
  const d = s.data;
  const base = { id: cid, kind: 'cluster' as const, label: s.name, ref: { cluster: cid } };
  if (!d) {
    if (s.error)
      return { ...base, description: 'unreachable', tooltip: `${s.bootstrap}\n${s.error}`, icon: { id: 'debug-disconnect', color: 'list.errorForeground' }, collapsible: 'expanded', contextValue: 'kafka.cluster.error', children: [message(`${cid}/error`, s.error, { id: 'error', color: 'list.errorForeground' }, s.error)] };
    return { ...base, description: s.loading ? 'connecting…' : s.bootstrap, tooltip: s.bootstrap, icon: { id: s.loading ? 'loading~spin' : 'plug' }, collapsible: 'collapsed', contextValue: 'kafka.cluster', children: s.loading ? [message(`${cid}/loading`, 'Connecting…', { id: 'loading~spin' })] : [] };
  }
  const topics = d.topics.filter((t) => s.showInternal || !t.internal);
  const under = topics.reduce((n, t) => n + t.partitions.filter((p) => p.underReplicated || p.leader < 0).length, 0);
  const byTopic = lagByTopic(d.groups.map((g) => g.lag));
  const worst = d.groups.reduce<GroupStatus>((w, g) => (rank(g.evaluation.status) > rank(w) ? g.evaluation.status : w), 'OK');
  const children: ViewNode[] = [];
  if (s.error) children.push(message(`${cid}/error`, `Refresh failed: ${s.error}`, { id: 'error', color: 'list.errorForeground' }, `Showing data from ${new Date(d.at).toLocaleTimeString()}.\n${s.error}`));
  children.push(
    { id: `${cid}/brokers`, kind: 'brokers', label: 'Brokers', description: String(d.brokers.length), icon: { id: 'server-environment' }, collapsible: 'collapsed', contextValue: 'kafka.brokers', children: brokerNodes(cid, d) },
    {
      id: `${cid}/topics`,
      kind: 'topics',
      label: 'Topics',
      description: `${topics.length}${under ? ` · ${under} partitions under-replicated` : ''}`,
      icon: under ? { id: 'warning', color: 'list.warningForeground' } : { id: 'list-unordered' },
      collapsible: 'collapsed',
      contextValue: 'kafka.topics',
      ref: { cluster: cid },
      children: topics.length ? topics.map((t) => topicNode(cid, t, byTopic.get(t.name))) : [message(`${cid}/topics/none`, 'No topics', { id: 'info' })],
    },
    {
      id: `${cid}/groups`,
      kind: 'groups',
      label: 'Consumer Groups',
      description: s.groupsLoading && !d.groups.length ? 'loading…' : `${d.groups.length}${worst !== 'OK' ? ` · worst ${worst}` : ''}`,
      icon: { id: 'organization' },
      collapsible: 'collapsed',
      contextValue: 'kafka.groups',
      children: d.groups.length
        ? d.groups.map((g) => groupNode(cid, g, s.watched.has(g.groupId)))
        : [s.groupsLoading ? message(`${cid}/groups/loading`, 'Loading consumer groups…', { id: 'loading~spin' }) : message(`${cid}/groups/none`, 'No consumer groups', { id: 'info' })],
    },
  );
  return {
    ...base,
    description: s.error ? 'refresh failed' : `${plural(d.brokers.length, 'broker')} · ${plural(topics.length, 'topic')}`,
    tooltip: `${s.bootstrap}\nCluster id ${d.clusterId}\nUpdated ${new Date(d.at).toLocaleTimeString()}${s.error ? `\n${s.error}` : ''}`,
    icon: s.error ? { id: 'warning', color: 'list.warningForeground' } : { id: 'database' },
    collapsible: 'collapsed',
    contextValue: 'kafka.cluster',
    children,
  };
}

function rank(s: GroupStatus): number {
  return ['OK', 'WARN', 'STALL', 'STOP', 'ERROR'].indexOf(s);
}

/** Watched groups whose lag is above the threshold, worst first. */
export function lagAlerts(
  clusters: readonly ClusterState[],
  threshold: bigint,
): { cluster: string; clusterName: string; group: string; lag: bigint; status: GroupStatus }[] {
  const out: { cluster: string; clusterName: string; group: string; lag: bigint; status: GroupStatus }[] = [];
  for (const c of clusters)
    for (const g of c.data?.groups ?? [])
      if (c.watched.has(g.groupId) && g.lag.lag > threshold) out.push({ cluster: c.id, clusterName: c.name, group: g.groupId, lag: g.lag.lag, status: g.evaluation.status });
  return out.sort((a, b) => (b.lag > a.lag ? 1 : b.lag < a.lag ? -1 : 0));
}

/** The status bar text for alerts, or undefined to hide it. */
export function alertText(alerts: ReturnType<typeof lagAlerts>): { text: string; tooltip: string } | undefined {
  if (!alerts.length) return undefined;
  const top = alerts[0];
  const more = alerts.length > 1 ? ` +${alerts.length - 1}` : '';
  return {
    text: `$(warning) ${top.group} lag ${compactCount(top.lag)}${more}`,
    tooltip: ['Kafka consumer lag above threshold:', ...alerts.map((a) => `• ${a.group} on ${a.clusterName}: ${a.lag} (${a.status})`)].join('\n'),
  };
}

/** Delay before the next automatic refresh: the interval, doubled per consecutive failure, at most 5 minutes. */
export function nextRefreshDelay(intervalMs: number, failures: number): number {
  const max = 5 * 60_000;
  return Math.min(max, intervalMs * 2 ** Math.min(failures, 10));
}

/** Kafka's topic name rules (Topic.validate): 1–249 chars of [a-zA-Z0-9._-], not "." or "..". */
export function validateTopicName(name: string): string | undefined {
  if (!name) return 'Enter a topic name.';
  if (name === '.' || name === '..') return 'A topic cannot be named "." or "..".';
  if (name.length > 249) return `At most 249 characters (this is ${name.length}).`;
  const bad = name.match(/[^a-zA-Z0-9._-]/);
  if (bad) return `"${bad[0]}" is not allowed: use letters, digits, ".", "_" and "-".`;
  return undefined;
}

/** A positive integer within [min, max], or an error message. */
export function validateCount(text: string, what: string, min: number, max: number): string | undefined {
  if (!/^\d+$/.test(text.trim())) return `${what} must be a whole number.`;
  const n = Number(text.trim());
  if (n < min || n > max) return `${what} must be between ${min} and ${max}.`;
  return undefined;
}

/** Parses `host:port[,host:port…]`; returns the list or an error message. */
export function parseBootstrap(text: string): string[] | string {
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (!list.length) return 'Enter at least one HOST:PORT.';
  for (const b of list) {
    const m = b.match(/^(\[[0-9a-fA-F:]+\]|[^\s:/]+):(\d{1,5})$/);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) return `"${b}" is not HOST:PORT.`;
  }
  return list;
}
