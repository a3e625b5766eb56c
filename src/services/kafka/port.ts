/**
 * The Kafka admin port: everything the explorer and `kafka-k8s lag` need from a live cluster, as
 * plain data. One adapter implements it with kafkajs (`kafkajs-adapter.ts`); another client can be
 * swapped in behind the same interface. Offsets are bigint (int64 on the wire).
 */

import type { BrokerData, MemberAssignmentData, MemberData, PartitionData, TopicData } from '../../core/explorer/model';

/** The plain data the port returns is defined once, in the core (the explorer's view model reads the same shapes). */
export type BrokerInfo = BrokerData;
export type PartitionInfo = PartitionData;
export type TopicInfo = TopicData;
export type MemberAssignment = MemberAssignmentData;
export type GroupMember = MemberData;

export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

export interface SaslOptions {
  readonly mechanism: SaslMechanism;
  readonly username: string;
  /** Never logged, never part of an error message. */
  readonly password: string;
}

export interface TlsOptions {
  /** PEM text of the CA bundle to trust (default: the system's roots). */
  readonly ca?: string;
  /** PEM client certificate and key for mutual TLS. */
  readonly cert?: string;
  readonly key?: string;
  /** Verify the broker's certificate and host name (default true). Turn off only for a throwaway cluster. */
  readonly verify?: boolean;
  /** SNI / expected host name, when it differs from the address dialled. */
  readonly servername?: string;
}

export interface ConnectionOptions {
  /** `host:port` entries. */
  readonly bootstrapServers: readonly string[];
  readonly clientId?: string;
  readonly sasl?: SaslOptions;
  /** `true` = TLS with system roots and verification; an object to configure it; absent = plaintext. */
  readonly tls?: boolean | TlsOptions;
  /** Per-call default timeout in ms (default 10 s). */
  readonly timeoutMs?: number;
}

export interface CallOptions {
  /** Overrides the connection's default timeout. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface ClusterInfo {
  readonly clusterId: string;
  readonly controllerId: number | null;
  readonly brokers: readonly BrokerInfo[];
}

export interface TopicConfigEntry {
  readonly name: string;
  /** null for sensitive values (the broker never returns them). */
  readonly value: string | null;
  readonly isDefault: boolean;
  readonly readOnly: boolean;
  readonly sensitive: boolean;
}

export interface GroupListing {
  readonly groupId: string;
  /** `consumer` for classic consumer groups, `connect`, or '' for groups that only commit offsets. */
  readonly protocolType: string;
}

export interface GroupDescription {
  readonly groupId: string;
  /** Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, or Unknown. */
  readonly state: string;
  readonly protocolType: string;
  /** The assignor, e.g. `range`. */
  readonly protocol: string;
  readonly members: readonly GroupMember[];
  /**
   * false when this client cannot see the group's members: KIP-848 ("consumer" protocol) groups are
   * invisible to the classic DescribeGroups call kafkajs uses. Committed offsets and lag still work.
   */
  readonly membersKnown: boolean;
  /** Why members are unknown, for display. */
  readonly membersNote?: string;
}

export interface CommittedOffset {
  readonly topic: string;
  readonly partition: number;
  /** null: the group has no committed offset for this partition. */
  readonly offset: bigint | null;
}

export interface PartitionOffsets {
  readonly topic: string;
  readonly partition: number;
  /** Log start offset (earliest). */
  readonly start: bigint;
  /** Log end offset (high watermark, the next offset to be written). */
  readonly end: bigint;
}

export interface NewTopic {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly configs?: Readonly<Record<string, string>>;
}

/** Counts what a session sent, so tests and benchmarks can check that calls are batched. */
export interface RequestStats {
  /** Kafka protocol requests, by API name (e.g. `ListOffsets`). */
  readonly requests: Readonly<Record<string, number>>;
  readonly total: number;
}

export interface KafkaAdminPort {
  describeCluster(opts?: CallOptions): Promise<ClusterInfo>;
  /** Topics with partitions; internal topics (`__consumer_offsets`) only when asked. */
  listTopics(opts?: CallOptions & { includeInternal?: boolean }): Promise<TopicInfo[]>;
  /** Topic configs, for several topics in one call. */
  describeTopicConfigs(topics: readonly string[], opts?: CallOptions): Promise<Map<string, TopicConfigEntry[]>>;
  listGroups(opts?: CallOptions): Promise<GroupListing[]>;
  describeGroups(groupIds: readonly string[], opts?: CallOptions): Promise<GroupDescription[]>;
  /** Committed offsets of each group, for every partition the group ever committed. */
  committedOffsets(groupIds: readonly string[], opts?: CallOptions): Promise<Map<string, CommittedOffset[]>>;
  /** Start and end offsets of every partition of the given topics, batched per leader. */
  topicOffsets(topics: readonly string[], opts?: CallOptions): Promise<PartitionOffsets[]>;
  createTopic(topic: NewTopic, opts?: CallOptions): Promise<void>;
  deleteTopic(name: string, opts?: CallOptions): Promise<void>;
  /** Requests sent since the adapter was created (or since the last reset). */
  stats(reset?: boolean): RequestStats;
  close(): Promise<void>;
}

/** What a failure means to a user; the message says what to do about it. */
export type KafkaErrorKind =
  | 'unreachable'
  | 'auth-failed'
  | 'not-authorized'
  | 'timeout'
  | 'aborted'
  | 'not-found'
  | 'already-exists'
  | 'invalid'
  | 'tls'
  | 'unknown';

export class KafkaServiceError extends Error {
  override readonly name = 'KafkaServiceError';
  constructor(
    readonly kind: KafkaErrorKind,
    message: string,
    /** The underlying client error's message, for logs (already free of secrets). */
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** A logger the adapter reports to (the extension's output channel, the CLI's stderr with --verbose). */
export interface KafkaLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: KafkaLogger = { debug() {}, info() {}, warn() {}, error() {} };
