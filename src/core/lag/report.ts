/**
 * The lag report as the CLI prints it (text table or JSON) and the explorer labels it. Pure.
 * JSON numbers are exact: offsets beyond 2^53 − 1 are emitted as strings.
 */
import type { GroupLag, PartitionLagState } from './lag';

export interface GroupLagView {
  readonly groupId: string;
  readonly state: string;
  readonly protocolType: string;
  /** null when the members cannot be known (KIP-848 group seen through a classic client). */
  readonly members: number | null;
  readonly lag: GroupLag;
  readonly missing?: boolean;
}

export type JsonInt = number | string;

export function jsonInt(n: bigint): JsonInt {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(n) : n.toString();
}

const opt = (n: bigint | null): JsonInt | null => (n === null ? null : jsonInt(n));

export interface LagJson {
  readonly at: string;
  readonly bootstrap: string;
  readonly groups: readonly {
    readonly group: string;
    readonly state: string;
    readonly protocolType: string;
    readonly members: number | null;
    readonly exists: boolean;
    readonly lag: JsonInt;
    readonly partitionsWithoutCommit: number;
    readonly partitionsBelowLogStart: number;
    readonly topics: readonly {
      readonly topic: string;
      readonly lag: JsonInt;
      readonly partitions: readonly {
        readonly partition: number;
        readonly committed: JsonInt | null;
        readonly logStart: JsonInt | null;
        readonly logEnd: JsonInt | null;
        readonly lag: JsonInt | null;
        readonly state: PartitionLagState;
        readonly owner: string | null;
      }[];
    }[];
  }[];
  readonly totals: { readonly groups: number; readonly lag: JsonInt };
}

export function lagJson(groups: readonly GroupLagView[], meta: { at: number; bootstrap: string }): LagJson {
  return {
    at: new Date(meta.at).toISOString(),
    bootstrap: meta.bootstrap,
    groups: groups.map((g) => ({
      group: g.groupId,
      state: g.state,
      protocolType: g.protocolType,
      members: g.members,
      exists: !g.missing,
      lag: jsonInt(g.lag.lag),
      partitionsWithoutCommit: g.lag.noCommit,
      partitionsBelowLogStart: g.lag.belowStart,
      topics: g.lag.topics.map((t) => ({
        topic: t.topic,
        lag: jsonInt(t.lag),
        partitions: t.partitions.map((p) => ({
          partition: p.partition,
          committed: opt(p.committed),
          logStart: opt(p.start),
          logEnd: opt(p.end),
          lag: opt(p.lag),
          state: p.state,
          owner: p.owner ?? null,
        })),
      })),
    })),
    totals: { groups: groups.length, lag: jsonInt(groups.reduce((s, g) => s + g.lag.lag, 0n)) },
  };
}

/** Short human form: 999, 1.2k, 35k, 4.1M, 7.3G. */
export function compactCount(n: bigint): string {
  const abs = n < 0n ? -n : n;
  const sign = n < 0n ? '-' : '';
  const units: [bigint, string][] = [
    [1_000_000_000_000n, 'T'],
    [1_000_000_000n, 'G'],
    [1_000_000n, 'M'],
    [1_000n, 'k'],
  ];
  for (const [u, s] of units) {
    if (abs >= u) {
      const tenths = (abs * 10n) / u;
      const whole = tenths / 10n;
      return `${sign}${whole >= 100n || tenths % 10n === 0n ? whole.toString() : `${whole}.${tenths % 10n}`}${s}`;
    }
  }
  return `${sign}${abs}`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}

const dash = (n: bigint | null): string => (n === null ? '-' : n.toString());

const NOTE: Record<PartitionLagState, string> = {
  ok: '',
  'no-commit': 'no committed offset',
  'below-start': 'committed below log start',
  'unknown-end': 'end offset unknown',
};

/** ConsumerGroupCommand-like text: one table per group, then a total. */
export function lagText(groups: readonly GroupLagView[]): string {
  if (!groups.length) return 'No consumer groups.\n';
  const parts: string[] = [];
  for (const g of groups) {
    const members = g.members === null ? 'members unknown' : `${g.members} member${g.members === 1 ? '' : 's'}`;
    if (g.missing) {
      parts.push(`Consumer group '${g.groupId}' does not exist.`);
      continue;
    }
    const head = `GROUP ${g.groupId}  state ${g.state}  ${members}  lag ${g.lag.lag}`;
    const rows = [['TOPIC', 'PARTITION', 'COMMITTED', 'LOG-END', 'LAG', 'NOTE']];
    for (const t of g.lag.topics) for (const p of t.partitions) rows.push([p.topic, String(p.partition), dash(p.committed), dash(p.end), dash(p.lag), NOTE[p.state]]);
    parts.push(rows.length > 1 ? `${head}\n${table(rows)}` : `${head}\n(no committed offsets)`);
  }
  const total = groups.reduce((s, g) => s + g.lag.lag, 0n);
  parts.push(`TOTAL lag ${total} across ${groups.length} group${groups.length === 1 ? '' : 's'}`);
  return parts.join('\n\n') + '\n';
}
