/**
 * A consumer group's health from its recent lag snapshots, in the style of Burrow's evaluation rules
 * (github.com/linkedin/Burrow/wiki/Consumer-Lag-Evaluation-Rules), adapted to what an admin client sees:
 *
 * - OK    — lag is zero somewhere in the window, or the group is consuming and lag is not growing.
 * - WARN  — the group commits (offsets move) but lag grew across the window without ever shrinking.
 * - STALL — members are present, lag > 0, and a partition's committed offset did not move in the window.
 * - STOP  — lag > 0 and the group has no active members: nobody is consuming.
 * - ERROR — the last refresh failed, or committed offsets fell below the log start (records were lost).
 *
 * Pure: time is passed in, nothing is read from a clock.
 */
import type { GroupLag } from './lag';

export type GroupStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'ERROR';

export const STATUS_ORDER: readonly GroupStatus[] = ['OK', 'WARN', 'STALL', 'STOP', 'ERROR'];

export interface LagSnapshot {
  /** Epoch ms when it was taken. */
  readonly at: number;
  readonly lag?: GroupLag;
  /** Whether the group had members at the time (Stable/rebalancing), when known. */
  readonly active?: boolean;
  /** The refresh failed: message for display. */
  readonly error?: string;
}

export type TrendDirection = 'growing' | 'shrinking' | 'steady' | 'unknown';

export interface LagTrend {
  readonly direction: TrendDirection;
  /** Change in total lag per second over the window (negative when shrinking); null with fewer than 2 points. */
  readonly lagPerSecond: number | null;
  /** Records committed per second over the window (consumption rate); null with fewer than 2 points. */
  readonly consumedPerSecond: number | null;
  /** Seconds until lag reaches zero at the current rate, when shrinking. */
  readonly catchUpSeconds: number | null;
}

export interface GroupEvaluation {
  readonly status: GroupStatus;
  /** One short reason, for tooltips. */
  readonly reason: string;
  readonly trend: LagTrend;
  /** Partitions whose committed offset did not move while they had lag (for STALL). */
  readonly stalled: readonly { topic: string; partition: number }[];
}

function committedMap(l: GroupLag): Map<string, { committed: bigint | null; lag: bigint | null }> {
  const m = new Map<string, { committed: bigint | null; lag: bigint | null }>();
  for (const t of l.topics) for (const p of t.partitions) m.set(`${p.topic}\u0000${p.partition}`, { committed: p.committed, lag: p.lag });
  return m;
}

function sumCommitted(l: GroupLag): bigint {
  let s = 0n;
  for (const t of l.topics) for (const p of t.partitions) s += p.committed ?? 0n;
  return s;
}

export function lagTrend(window: readonly LagSnapshot[]): LagTrend {
  const pts = window.filter((s) => s.lag && !s.error);
  if (pts.length < 2) return { direction: 'unknown', lagPerSecond: null, consumedPerSecond: null, catchUpSeconds: null };
  const first = pts[0];
  const last = pts[pts.length - 1];
  const secs = (last.at - first.at) / 1000;
  if (secs <= 0) return { direction: 'unknown', lagPerSecond: null, consumedPerSecond: null, catchUpSeconds: null };
  const d = last.lag!.lag - first.lag!.lag;
  const lagPerSecond = Number(d) / secs;
  const consumedPerSecond = Math.max(0, Number(sumCommitted(last.lag!) - sumCommitted(first.lag!)) / secs);
  const direction: TrendDirection = d > 0n ? 'growing' : d < 0n ? 'shrinking' : 'steady';
  const catchUpSeconds = direction === 'shrinking' && lagPerSecond < 0 ? Number(last.lag!.lag) / -lagPerSecond : null;
  return { direction, lagPerSecond, consumedPerSecond, catchUpSeconds };
}

/** Evaluates a window of snapshots, oldest first. */
export function evaluateGroup(window: readonly LagSnapshot[]): GroupEvaluation {
  const trend = lagTrend(window);
  const last = window[window.length - 1];
  const none = { trend, stalled: [] };
  if (!last) return { status: 'OK', reason: 'No data yet.', ...none };
  if (last.error || !last.lag) return { status: 'ERROR', reason: last.error ?? 'No data.', ...none };
  const cur = last.lag;
  if (cur.belowStart > 0)
    return { status: 'ERROR', reason: `${cur.belowStart} partition(s) committed below the log start offset: records were deleted before this group read them.`, ...none };
  const pts = window.filter((s) => s.lag && !s.error);
  if (pts.some((s) => s.lag!.lag === 0n)) return { status: 'OK', reason: pts.length > 1 ? 'Lag reached zero within the window.' : 'No lag.', ...none };
  if (last.active === false) return { status: 'STOP', reason: `Lag ${cur.lag} with no active members: nobody is consuming.`, ...none };
  if (pts.length < 2) return { status: 'OK', reason: 'Not enough history yet to judge the trend.', ...none };

  // STALL: a partition with lag whose committed offset never moved across the window.
  const first = committedMap(pts[0].lag!);
  const stalled: { topic: string; partition: number }[] = [];
  for (const t of cur.topics)
    for (const p of t.partitions) {
      if (p.lag === null || p.lag === 0n || p.committed === null) continue;
      const f = first.get(`${p.topic}\u0000${p.partition}`);
      const movedInBetween = pts.some((s) => committedMap(s.lag!).get(`${p.topic}\u0000${p.partition}`)?.committed !== p.committed);
      if (f && f.committed === p.committed && !movedInBetween) stalled.push({ topic: p.topic, partition: p.partition });
    }
  if (stalled.length)
    return { status: 'STALL', reason: `${stalled.length} partition(s) have lag but their committed offset did not move in ${Math.round((last.at - pts[0].at) / 1000)} s.`, trend, stalled };

  // WARN: lag never decreased between consecutive snapshots and grew overall.
  let nonDecreasing = true;
  for (let i = 1; i < pts.length; i++) if (pts[i].lag!.lag < pts[i - 1].lag!.lag) nonDecreasing = false;
  if (nonDecreasing && cur.lag > pts[0].lag!.lag)
    return { status: 'WARN', reason: `Lag grew from ${pts[0].lag!.lag} to ${cur.lag} while the group consumed: it is falling behind.`, ...none };
  return { status: 'OK', reason: trend.direction === 'shrinking' ? 'Consuming and catching up.' : 'Consuming.', ...none };
}

/** Keeps the last `size` snapshots per group. */
export class LagHistory {
  private readonly byGroup = new Map<string, LagSnapshot[]>();
  constructor(readonly size = 10) {}

  push(groupId: string, snap: LagSnapshot): void {
    const list = this.byGroup.get(groupId) ?? [];
    list.push(snap);
    while (list.length > this.size) list.shift();
    this.byGroup.set(groupId, list);
  }

  window(groupId: string): readonly LagSnapshot[] {
    return this.byGroup.get(groupId) ?? [];
  }

  evaluate(groupId: string): GroupEvaluation {
    return evaluateGroup(this.window(groupId));
  }

  /** Forgets groups that no longer exist. */
  retain(groupIds: Iterable<string>): void {
    const keep = new Set(groupIds);
    for (const g of [...this.byGroup.keys()]) if (!keep.has(g)) this.byGroup.delete(g);
  }

  clear(): void {
    this.byGroup.clear();
  }
}
