/**
 * KafkaAdminPort implemented with kafkajs 2.2.4 (pinned exactly).
 *
 * Batching: one kafkajs Cluster serves the admin calls and the offset calls. Start/end offsets of
 * all requested partitions are fetched with one ListOffsets request per leader broker per bound
 * (kafkajs's public `fetchTopicOffsets` would send two per topic), and committed offsets with one
 * OffsetFetch per group (OffsetFetch before v8, the newest kafkajs speaks, takes a single group).
 * This uses two kafkajs modules below its public API (`src/admin`, `src/instrumentation/emitter`) and
 * the Cluster/Broker objects they work on; the pinned version and the integration tests guard it.
 *
 * Limits of kafkajs, shown honestly rather than papered over: it speaks classic DescribeGroups only,
 * so members of KIP-848 ("consumer" protocol) groups are reported as unknown.
 */
import { Kafka, logLevel as KafkaLogLevel, type Admin, type LogEntry, type SASLOptions } from 'kafkajs';
import type tls from 'node:tls';
import { describeError, scrub, withDeadline } from './errors';
import {
  KafkaServiceError,
  silentLogger,
  type BrokerInfo,
  type CallOptions,
  type ClusterInfo,
  type CommittedOffset,
  type ConnectionOptions,
  type GroupDescription,
  type GroupListing,
  type GroupMember,
  type KafkaAdminPort,
  type KafkaLogger,
  type MemberAssignment,
  type NewTopic,
  type PartitionOffsets,
  type RequestStats,
  type TopicConfigEntry,
  type TopicInfo,
} from './port';

/* eslint-disable @typescript-eslint/no-require-imports */
const createAdmin: (o: { cluster: unknown; logger: unknown; instrumentationEmitter: unknown; retry?: unknown }) => Admin = require('kafkajs/src/admin');
const InstrumentationEventEmitter: new () => unknown = require('kafkajs/src/instrumentation/emitter');

/** The parts of kafkajs's internal Cluster/Broker this adapter uses. */
interface KBroker {
  listOffsets(req: { isolationLevel: number; topics: { topic: string; partitions: { partition: number; timestamp: number }[] }[] }): Promise<{
    responses: { topic: string; partitions: { partition: number; errorCode: number; offset: string }[] }[];
  }>;
  offsetFetch(req: { groupId: string; topics: { topic: string; partitions: { partition: number }[] }[] }): Promise<{
    responses: { topic: string; partitions: { partition: number; offset: string; errorCode: number }[] }[];
  }>;
  describeGroups(req: { groupIds: string[] }): Promise<{ groups: RawGroup[] }>;
}
interface KCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  metadata(o?: { topics?: string[] }): Promise<RawMetadata>;
  findBroker(o: { nodeId: string | number }): Promise<KBroker>;
  findGroupCoordinator(o: { groupId: string }): Promise<KBroker & { nodeId?: number }>;
}
interface RawMetadata {
  brokers: { nodeId: number; host: string; port: number; rack?: string }[];
  topicMetadata: {
    topicErrorCode: number;
    topic: string;
    isInternal: boolean;
    partitionMetadata: { partitionErrorCode: number; partitionId: number; leader: number; replicas: number[]; isr: number[]; offlineReplicas?: number[] }[];
  }[];
  clusterId?: string;
  controllerId?: number;
}
interface RawGroup {
  errorCode: number;
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: { memberId: string; clientId: string; clientHost: string; memberMetadata: Buffer; memberAssignment: Buffer }[];
}

const LATEST = -1;
const EARLIEST = -2;
const READ_UNCOMMITTED = 0;
/** Kafka error codes this adapter interprets. */
const GROUP_ID_NOT_FOUND = 69;
const NONE = 0;
/** Per-group requests in flight at once (they are pipelined on the coordinator's connection). */
const GROUP_CONCURRENCY = 64;

interface Session {
  readonly kafka: Kafka;
  readonly cluster: KCluster;
  readonly admin: Admin;
  readonly ready: Promise<void>;
}

function toSasl(o: ConnectionOptions): SASLOptions | undefined {
  if (!o.sasl) return undefined;
  const { mechanism, username, password } = o.sasl;
  return { mechanism, username, password } as SASLOptions;
}

function toTls(o: ConnectionOptions): tls.ConnectionOptions | boolean | undefined {
  if (!o.tls) return undefined;
  if (o.tls === true) return true;
  const t = o.tls;
  return {
    rejectUnauthorized: t.verify !== false,
    ...(t.ca ? { ca: [t.ca] } : {}),
    ...(t.cert ? { cert: t.cert } : {}),
    ...(t.key ? { key: t.key } : {}),
    ...(t.servername ? { servername: t.servername } : {}),
  };
}

/** Decodes a consumer-protocol assignment (ConsumerProtocolAssignment v0–v3: version, [topic [partition]], …). */
export function decodeAssignment(buf: Buffer | null | undefined): MemberAssignment[] {
  if (!buf || buf.length < 6) return [];
  try {
    let o = 2; // int16 version
    const n = buf.readInt32BE(o);
    o += 4;
    const out: MemberAssignment[] = [];
    for (let i = 0; i < n; i++) {
      const len = buf.readInt16BE(o);
      o += 2;
      const topic = buf.toString('utf8', o, o + len);
      o += len;
      const pn = buf.readInt32BE(o);
      o += 4;
      const partitions: number[] = [];
      for (let j = 0; j < pn; j++, o += 4) partitions.push(buf.readInt32BE(o));
      out.push({ topic, partitions: partitions.sort((a, b) => a - b) });
    }
    return out;
  } catch {
    return [];
  }
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export class KafkajsAdmin implements KafkaAdminPort {
  private session: Session | undefined;
  private counts: Record<string, number> = {};
  /** Group coordinators, looked up once per group for a while (FindCoordinator v2 takes one group). */
  private coordinators = new Map<string, { at: number; broker: Promise<KBroker & { nodeId?: number }> }>();
  private readonly where: string;
  private readonly secrets: string[];
  private readonly defaultTimeout: number;

  constructor(
    private readonly conn: ConnectionOptions,
    private readonly logger: KafkaLogger = silentLogger,
  ) {
    if (!conn.bootstrapServers.length) throw new KafkaServiceError('invalid', 'No bootstrap servers given.');
    this.where = conn.bootstrapServers.join(',');
    this.secrets = [conn.sasl?.password ?? '', typeof conn.tls === 'object' ? (conn.tls.key ?? '') : ''].filter(Boolean);
    this.defaultTimeout = conn.timeoutMs ?? 10_000;
  }

  private logCreator = () => (entry: LogEntry) => {
    const { namespace, level, log } = entry;
    const extra = log.error ? `: ${log.error}` : '';
    const broker = typeof log.broker === 'string' ? ` [${log.broker}]` : '';
    const text = scrub(`kafkajs ${namespace}${broker} ${log.message}${extra}`, this.secrets);
    if (level === KafkaLogLevel.ERROR) this.logger.error(text);
    else if (level === KafkaLogLevel.WARN) this.logger.warn(text);
    else if (level === KafkaLogLevel.INFO) this.logger.info(text);
    else this.logger.debug(text);
  };

  private open(): Session {
    if (this.session) return this.session;
    const t = this.defaultTimeout;
    const kafka = new Kafka({
      clientId: this.conn.clientId ?? 'kafka-k8s',
      brokers: [...this.conn.bootstrapServers],
      ssl: toTls(this.conn),
      sasl: toSasl(this.conn),
      connectionTimeout: Math.min(t, 5000),
      authenticationTimeout: Math.min(t, 10_000),
      requestTimeout: t,
      enforceRequestTimeout: true,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
      logLevel: KafkaLogLevel.WARN,
      logCreator: this.logCreator,
    });
    const createCluster = (kafka as unknown as Record<symbol, unknown>)[
      Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster')!
    ] as (o: object) => KCluster;
    const emitter = new InstrumentationEventEmitter() as { emit(name: string, payload: unknown): void };
    const count = (name: string, payload: unknown): void => {
      if (name.endsWith('network.request')) {
        const api = (payload as { apiName?: string })?.apiName ?? 'unknown';
        this.counts[api] = (this.counts[api] ?? 0) + 1;
      }
    };
    const origEmit = emitter.emit.bind(emitter);
    emitter.emit = (name, payload) => {
      count(name, payload);
      origEmit(name, payload);
    };
    const cluster = createCluster({ allowAutoTopicCreation: false, instrumentationEmitter: emitter, isolationLevel: READ_UNCOMMITTED });
    const admin = createAdmin({ cluster, logger: kafka.logger(), instrumentationEmitter: emitter, retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 } });
    const ready = admin.connect();
    ready.catch(() => undefined);
    this.session = { kafka, cluster, admin, ready };
    return this.session;
  }

  /** Drops the connection; the next call reconnects (recovery after the cluster comes back). */
  private reset(): void {
    this.coordinators.clear();
    const s = this.session;
    this.session = undefined;
    if (s) void s.admin.disconnect().catch(() => undefined);
  }

  private async call<T>(what: string, opts: CallOptions | undefined, fn: (s: Session) => Promise<T>): Promise<T> {
    const timeoutMs = opts?.timeoutMs ?? this.defaultTimeout;
    try {
      return await withDeadline(
        async () => {
          const s = this.open();
          await s.ready;
          return await fn(s);
        },
        { timeoutMs, signal: opts?.signal, where: this.where, onGiveUp: (r) => r === 'timeout' && this.reset() },
      );
    } catch (e) {
      const err = describeError(e, this.where, this.secrets);
      if (err.kind === 'unreachable' || err.kind === 'auth-failed' || err.kind === 'tls' || err.kind === 'timeout') this.reset();
      if (err.kind !== 'aborted') this.logger.warn(`${what} failed: ${err.message}${err.detail ? ` (${err.detail})` : ''}`);
      throw err;
    }
  }

  private coordinator(cluster: KCluster, groupId: string): Promise<KBroker & { nodeId?: number }> {
    const hit = this.coordinators.get(groupId);
    if (hit && Date.now() - hit.at < 30_000) return hit.broker;
    const broker = cluster.findGroupCoordinator({ groupId });
    this.coordinators.set(groupId, { at: Date.now(), broker });
    broker.catch(() => this.coordinators.delete(groupId));
    return broker;
  }

  /** Runs a per-group request; a failure forgets the group's coordinator (it may have moved). */
  private async onCoordinator<T>(cluster: KCluster, groupId: string, fn: (b: KBroker) => Promise<T>): Promise<T> {
    try {
      return await fn(await this.coordinator(cluster, groupId));
    } catch (e) {
      this.coordinators.delete(groupId);
      throw e;
    }
  }

  async describeCluster(opts?: CallOptions): Promise<ClusterInfo> {
    return this.call('describeCluster', opts, async ({ admin }) => {
      const c = await admin.describeCluster();
      const brokers: BrokerInfo[] = c.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })).sort((a, b) => a.nodeId - b.nodeId);
      return { clusterId: c.clusterId, controllerId: c.controller ?? null, brokers };
    });
  }

  private async metadata(s: Session): Promise<RawMetadata> {
    return await s.cluster.metadata({ topics: [] });
  }

  async listTopics(opts?: CallOptions & { includeInternal?: boolean }): Promise<TopicInfo[]> {
    return this.call('listTopics', opts, async (s) => {
      const md = await this.metadata(s);
      return md.topicMetadata
        .filter((t) => opts?.includeInternal || !t.isInternal)
        .map((t) => ({
          name: t.topic,
          internal: t.isInternal,
          partitions: t.partitionMetadata
            .map((p) => ({
              partition: p.partitionId,
              leader: p.leader ?? -1,
              replicas: p.replicas ?? [],
              isr: p.isr ?? [],
              offlineReplicas: p.offlineReplicas ?? [],
              underReplicated: (p.isr ?? []).length < (p.replicas ?? []).length,
            }))
            .sort((a, b) => a.partition - b.partition),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  async describeTopicConfigs(topics: readonly string[], opts?: CallOptions): Promise<Map<string, TopicConfigEntry[]>> {
    if (!topics.length) return new Map();
    return this.call('describeTopicConfigs', opts, async ({ admin }) => {
      const r = await admin.describeConfigs({ includeSynonyms: false, resources: topics.map((name) => ({ type: 2 /* TOPIC */, name })) });
      const out = new Map<string, TopicConfigEntry[]>();
      for (const res of r.resources) {
        out.set(
          res.resourceName,
          res.configEntries
            .map((c) => ({ name: c.configName, value: c.isSensitive ? null : c.configValue, isDefault: c.isDefault, readOnly: c.readOnly, sensitive: c.isSensitive }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        );
      }
      return out;
    });
  }

  async listGroups(opts?: CallOptions): Promise<GroupListing[]> {
    return this.call('listGroups', opts, async ({ admin }) => {
      const r = await admin.listGroups();
      return r.groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType })).sort((a, b) => a.groupId.localeCompare(b.groupId));
    });
  }

  async describeGroups(groupIds: readonly string[], opts?: CallOptions): Promise<GroupDescription[]> {
    if (!groupIds.length) return [];
    return this.call('describeGroups', opts, async ({ cluster }) => {
      // One DescribeGroups per coordinator (kafkajs's admin.describeGroups fails the whole batch on one bad group).
      const coords = await mapLimit(groupIds, GROUP_CONCURRENCY, async (g) => ({ g, c: await this.coordinator(cluster, g) }));
      const byNode = new Map<unknown, { c: KBroker; ids: string[] }>();
      for (const { g, c } of coords) {
        const key = c.nodeId ?? c;
        const e = byNode.get(key) ?? { c, ids: [] };
        e.ids.push(g);
        byNode.set(key, e);
      }
      const raws = (await Promise.all([...byNode.values()].map(async ({ c, ids }) => (await c.describeGroups({ groupIds: ids })).groups))).flat();
      const byId = new Map(raws.map((r) => [r.groupId, r]));
      return groupIds.map((id) => toGroupDescription(id, byId.get(id)));
    });
  }

  async committedOffsets(groupIds: readonly string[], opts?: CallOptions): Promise<Map<string, CommittedOffset[]>> {
    const out = new Map<string, CommittedOffset[]>();
    if (!groupIds.length) return out;
    return this.call('committedOffsets', opts, async ({ cluster }) => {
      await mapLimit(groupIds, GROUP_CONCURRENCY, async (groupId) => {
        // An empty topic list asks for every partition the group has committed (OffsetFetch v2+).
        const r = await this.onCoordinator(cluster, groupId, (c) => c.offsetFetch({ groupId, topics: [] }));
        const list: CommittedOffset[] = [];
        for (const t of r.responses)
          for (const p of t.partitions) {
            const n = BigInt(p.offset);
            list.push({ topic: t.topic, partition: p.partition, offset: n < 0n ? null : n });
          }
        list.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
        out.set(groupId, list);
      });
      return out;
    });
  }

  async topicOffsets(topics: readonly string[], opts?: CallOptions): Promise<PartitionOffsets[]> {
    if (!topics.length) return [];
    return this.call('topicOffsets', opts, async (s) => {
      const md = await this.metadata(s);
      const wanted = new Set(topics);
      // leader -> topic -> partitions
      const byLeader = new Map<number, Map<string, number[]>>();
      for (const t of md.topicMetadata) {
        if (!wanted.has(t.topic)) continue;
        for (const p of t.partitionMetadata) {
          if (p.leader == null || p.leader < 0) continue; // offline partition: no offsets to read
          const m = byLeader.get(p.leader) ?? new Map<string, number[]>();
          m.set(t.topic, [...(m.get(t.topic) ?? []), p.partitionId]);
          byLeader.set(p.leader, m);
        }
      }
      const result = new Map<string, { topic: string; partition: number; start?: bigint; end?: bigint }>();
      await Promise.all(
        [...byLeader.entries()].flatMap(([nodeId, m]) =>
          [EARLIEST, LATEST].map(async (timestamp) => {
            const broker = await s.cluster.findBroker({ nodeId });
            const r = await broker.listOffsets({
              isolationLevel: READ_UNCOMMITTED,
              topics: [...m.entries()].map(([topic, ps]) => ({ topic, partitions: ps.map((partition) => ({ partition, timestamp })) })),
            });
            for (const t of r.responses)
              for (const p of t.partitions) {
                if (p.errorCode !== NONE) continue;
                const key = `${t.topic}\u0000${p.partition}`;
                const e = result.get(key) ?? { topic: t.topic, partition: p.partition };
                if (timestamp === EARLIEST) e.start = BigInt(p.offset);
                else e.end = BigInt(p.offset);
                result.set(key, e);
              }
          }),
        ),
      );
      return [...result.values()]
        .filter((e): e is { topic: string; partition: number; start: bigint; end: bigint } => e.start !== undefined && e.end !== undefined)
        .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    });
  }

  async createTopic(topic: NewTopic, opts?: CallOptions): Promise<void> {
    await this.call('createTopic', opts, async ({ admin }) => {
      const created = await admin.createTopics({
        waitForLeaders: true,
        topics: [
          {
            topic: topic.name,
            numPartitions: topic.partitions,
            replicationFactor: topic.replicationFactor,
            configEntries: Object.entries(topic.configs ?? {}).map(([name, value]) => ({ name, value })),
          },
        ],
      });
      if (!created) throw new KafkaServiceError('already-exists', `Topic '${topic.name}' already exists.`);
    });
  }

  async deleteTopic(name: string, opts?: CallOptions): Promise<void> {
    await this.call('deleteTopic', opts, async ({ admin }) => {
      await admin.deleteTopics({ topics: [name], timeout: opts?.timeoutMs ?? this.defaultTimeout });
    });
  }

  stats(reset = false): RequestStats {
    const requests = { ...this.counts };
    if (reset) this.counts = {};
    return { requests, total: Object.values(requests).reduce((a, b) => a + b, 0) };
  }

  async close(): Promise<void> {
    const s = this.session;
    this.session = undefined;
    if (s) await s.admin.disconnect().catch(() => undefined);
  }
}

function toGroupDescription(groupId: string, raw: RawGroup | undefined): GroupDescription {
  if (!raw || raw.errorCode === GROUP_ID_NOT_FOUND || (raw.state === 'Dead' && raw.members.length === 0 && raw.protocolType === '')) {
    // Kafka 4.x answers classic DescribeGroups for a KIP-848 group with GROUP_ID_NOT_FOUND (or Dead).
    return {
      groupId,
      state: raw && raw.errorCode === NONE ? raw.state : 'Unknown',
      protocolType: raw?.protocolType ?? '',
      protocol: raw?.protocol ?? '',
      members: [],
      membersKnown: false,
      membersNote: 'Members not available: the group may use the KIP-848 "consumer" protocol, which this client (kafkajs) cannot describe.',
    };
  }
  const consumer = raw.protocolType === 'consumer';
  const members: GroupMember[] = raw.members
    .map((m) => ({ memberId: m.memberId, clientId: m.clientId, clientHost: m.clientHost, assignment: consumer ? decodeAssignment(m.memberAssignment) : [] }))
    .sort((a, b) => a.memberId.localeCompare(b.memberId));
  return { groupId, state: raw.state, protocolType: raw.protocolType, protocol: raw.protocol, members, membersKnown: true };
}

export function createKafkaAdmin(conn: ConnectionOptions, logger?: KafkaLogger): KafkaAdminPort {
  return new KafkajsAdmin(conn, logger);
}
