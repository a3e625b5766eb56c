/**
 * Consumer lag arithmetic, pure. Offsets are bigint (Kafka's int64).
 *
 * Per partition: lag = max(0, end − committed), where `end` is the log end offset (high watermark)
 * and `committed` the group's committed offset (the next offset it will read). A partition the group
 * is assigned but never committed has the state `no-commit` and no number, as Kafka's
 * ConsumerGroupCommand prints "-". A committed offset below the log start offset means records were
 * deleted before the group read them (retention overtook it): it is flagged `below-start`.
 */

export type PartitionLagState =
  /** committed and end known */
  | 'ok'
  /** the group never committed an offset for this partition */
  | 'no-commit'
  /** committed < log start: records were removed before the group consumed them */
  | 'below-start'
  /** the partition's end offset is unknown (offline partition or deleted topic) */
  | 'unknown-end';

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly committed: bigint | null;
  readonly start: bigint | null;
  readonly end: bigint | null;
  /** null when it cannot be computed (no commit, unknown end). */
  readonly lag: bigint | null;
  readonly state: PartitionLagState;
  /** Member that owns the partition, when known. */
  readonly owner?: string;
}

export interface TopicLag {
  readonly topic: string;
  /** Sum of the partitions' numeric lag. */
  readonly lag: bigint;
  readonly partitions: readonly PartitionLag[];
  readonly noCommit: number;
  readonly belowStart: number;
}

export interface GroupLag {
  readonly groupId: string;
  readonly lag: bigint;
  readonly topics: readonly TopicLag[];
  /** Number of partitions with a committed offset. */
  readonly committedPartitions: number;
  readonly noCommit: number;
  readonly belowStart: number;
  readonly unknownEnd: number;
}

export interface OffsetsInput {
  readonly topic: string;
  readonly partition: number;
  readonly start: bigint;
  readonly end: bigint;
}

export interface CommittedInput {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint | null;
}

export interface AssignmentInput {
  readonly memberId: string;
  readonly topic: string;
  readonly partitions: readonly number[];
}

const key = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** Start/end offsets indexed by partition: build once per refresh and share across groups. */
export type OffsetIndex = ReadonlyMap<string, OffsetsInput>;

export function indexOffsets(offsets: readonly OffsetsInput[]): OffsetIndex {
  return new Map(offsets.map((o) => [key(o.topic, o.partition), o]));
}

export function partitionLag(committed: bigint | null, start: bigint | null, end: bigint | null): Pick<PartitionLag, 'lag' | 'state'> {
  if (committed === null) return { lag: null, state: 'no-commit' };
  if (end === null) return { lag: null, state: 'unknown-end' };
  const lag = end > committed ? end - committed : 0n;
  if (start !== null && committed < start) return { lag, state: 'below-start' };
  return { lag, state: 'ok' };
}

function compareTP(a: { topic: string; partition: number }, b: { topic: string; partition: number }): number {
  return a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;
}

/**
 * The lag of one group: every partition it committed, plus every partition assigned to a member
 * without a commit. `offsets` may cover more topics than the group uses; with many groups, pass an
 * `indexOffsets` result so the index is built once.
 */
export function groupLag(
  groupId: string,
  committed: readonly CommittedInput[],
  offsets: readonly OffsetsInput[] | OffsetIndex,
  assignments: readonly AssignmentInput[] = [],
): GroupLag {
  const offs: OffsetIndex = offsets instanceof Map ? offsets : indexOffsets(offsets as readonly OffsetsInput[]);
  const owners = new Map<string, string>();
  for (const a of assignments) for (const p of a.partitions) owners.set(key(a.topic, p), a.memberId);
  const rows = new Map<string, PartitionLag>();
  const add = (topic: string, partition: number, c: bigint | null): void => {
    const k = key(topic, partition);
    const o = offs.get(k);
    const owner = owners.get(k);
    rows.set(k, { topic, partition, committed: c, start: o?.start ?? null, end: o?.end ?? null, ...partitionLag(c, o?.start ?? null, o?.end ?? null), ...(owner ? { owner } : {}) });
  };
  for (const c of committed) add(c.topic, c.partition, c.offset);
  for (const a of assignments) for (const p of a.partitions) if (!rows.has(key(a.topic, p))) add(a.topic, p, null);

  const byTopic = new Map<string, PartitionLag[]>();
  for (const r of [...rows.values()].sort(compareTP)) {
    const list = byTopic.get(r.topic) ?? [];
    list.push(r);
    byTopic.set(r.topic, list);
  }
  const topics: TopicLag[] = [...byTopic.entries()].map(([topic, partitions]) => ({
    topic,
    partitions,
    lag: partitions.reduce((s, p) => s + (p.lag ?? 0n), 0n),
    noCommit: partitions.filter((p) => p.state === 'no-commit').length,
    belowStart: partitions.filter((p) => p.state === 'below-start').length,
  }));
  const all = [...rows.values()];
  return {
    groupId,
    topics,
    lag: topics.reduce((s, t) => s + t.lag, 0n),
    committedPartitions: all.filter((p) => p.committed !== null).length,
    noCommit: all.filter((p) => p.state === 'no-commit').length,
    belowStart: all.filter((p) => p.state === 'below-start').length,
    unknownEnd: all.filter((p) => p.state === 'unknown-end').length,
  };
}

/** Total lag per topic across groups (what a topic node shows): topic -> group -> lag. */
export function lagByTopic(groups: readonly GroupLag[]): Map<string, Map<string, bigint>> {
  const out = new Map<string, Map<string, bigint>>();
  for (const g of groups)
    for (const t of g.topics) {
      const m = out.get(t.topic) ?? new Map<string, bigint>();
      m.set(g.groupId, (m.get(g.groupId) ?? 0n) + t.lag);
      out.set(t.topic, m);
    }
  return out;
}

/** Topics a set of groups needs end offsets for. */
export function topicsOf(committed: Iterable<readonly CommittedInput[]>, assignments: readonly AssignmentInput[] = []): string[] {
  const s = new Set<string>();
  for (const list of committed) for (const c of list) s.add(c.topic);
  for (const a of assignments) s.add(a.topic);
  return [...s].sort();
}
