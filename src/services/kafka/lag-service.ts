/**
 * One lag refresh: groups → descriptions → committed offsets → start/end offsets → lag (core).
 * Round trips are bounded: one ListGroups per broker, DescribeGroups per coordinator, one OffsetFetch per
 * group (plus its coordinator lookup), one Metadata, and two ListOffsets per leader broker.
 */
import { groupLag, indexOffsets, topicsOf, type GroupLag } from '../../core/lag/lag';
import type { CallOptions, GroupDescription, KafkaAdminPort, RequestStats } from './port';

export interface GroupReport {
  readonly groupId: string;
  readonly description: GroupDescription;
  readonly lag: GroupLag;
  /** The group does not exist (only when it was asked for by name). */
  readonly missing: boolean;
}

export interface LagReport {
  /** Epoch ms when the refresh finished. */
  readonly at: number;
  readonly groups: readonly GroupReport[];
  readonly stats: RequestStats;
  /** Wall time of each step in ms (listing, group descriptions + committed offsets, log offsets, arithmetic). */
  readonly timings: { readonly list: number; readonly groups: number; readonly offsets: number; readonly compute: number };
}

export interface LagQuery extends CallOptions {
  /** Only these groups (default: every group in the cluster). */
  readonly groups?: readonly string[];
  /** Epoch-ms clock, injectable for tests. */
  readonly now?: () => number;
}

/** Runs the calls of one refresh within one overall deadline (`timeoutMs`). */
export async function fetchLag(port: KafkaAdminPort, q: LagQuery = {}): Promise<LagReport> {
  const now = q.now ?? Date.now;
  const started = now();
  const total = q.timeoutMs;
  const opts = (): CallOptions => ({
    ...(q.signal ? { signal: q.signal } : {}),
    ...(total !== undefined ? { timeoutMs: Math.max(1, total - (now() - started)) } : {}),
  });
  port.stats(true);
  const asked = q.groups ? [...new Set(q.groups)] : undefined;
  // Listing is needed even for named groups: describing an unknown group and a KIP-848 group gives the same answer.
  const clock = (): number => Number(process.hrtime.bigint()) / 1e6;
  const t0 = clock();
  const listed = port.listGroups(opts());
  const ids = asked ?? (await listed).map((g) => g.groupId);
  const t1 = clock();
  const [listing, descriptions, committed] = await Promise.all([listed, port.describeGroups(ids, opts()), port.committedOffsets(ids, opts())]);
  const t2 = clock();
  const known = new Set(listing.map((g) => g.groupId));
  const desc = new Map(descriptions.map((d) => [d.groupId, d]));
  const assignmentsOf = (id: string) =>
    (desc.get(id)?.members ?? []).flatMap((m) => m.assignment.map((a) => ({ memberId: m.memberId, topic: a.topic, partitions: a.partitions })));
  const topics = topicsOf(committed.values(), ids.flatMap(assignmentsOf));
  const offsets = await port.topicOffsets(topics, opts());
  const t3 = clock();
  const index = indexOffsets(offsets);
  const groups = ids.map((id): GroupReport => {
    const d = desc.get(id) ?? { groupId: id, state: 'Unknown', protocolType: '', protocol: '', members: [], membersKnown: false };
    const c = committed.get(id) ?? [];
    const lag = groupLag(id, c, index, assignmentsOf(id));
    const missing = !known.has(id) && c.length === 0;
    const description = missing ? { ...d, state: 'Dead', membersKnown: true, members: [], membersNote: undefined } : d;
    return { groupId: id, description, lag, missing };
  });
  const t4 = clock();
  return { at: now(), groups, stats: port.stats(), timings: { list: t1 - t0, groups: t2 - t1, offsets: t3 - t2, compute: t4 - t3 } };
}
