/** Lag arithmetic, status evaluation and report formatting: table tests. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupLag, indexOffsets, lagByTopic, partitionLag, topicsOf } from '../../src/core/lag/lag';
import { compactCount, jsonInt, lagJson, lagText } from '../../src/core/lag/report';
import { LagHistory, evaluateGroup, lagTrend, type LagSnapshot } from '../../src/core/lag/status';

describe('partitionLag', () => {
  const cases: [string, bigint | null, bigint | null, bigint | null, bigint | null, string][] = [
    // name, committed, start, end, lag, state
    ['behind', 5n, 0n, 12n, 7n, 'ok'],
    ['caught up', 12n, 0n, 12n, 0n, 'ok'],
    ['committed past end (after truncation) is 0, not negative', 15n, 0n, 12n, 0n, 'ok'],
    ['never committed', null, 0n, 12n, null, 'no-commit'],
    ['committed below log start', 3n, 10n, 12n, 9n, 'below-start'],
    ['end unknown', 5n, null, null, null, 'unknown-end'],
    ['empty partition, committed 0', 0n, 0n, 0n, 0n, 'ok'],
    ['beyond 2^53 stays exact', 9007199254740993n, 0n, 9007199254741000n, 7n, 'ok'],
    ['int64 max', 0n, 0n, 9223372036854775807n, 9223372036854775807n, 'ok'],
  ];
  for (const [name, committed, start, end, lag, state] of cases) {
    it(name, () => assert.deepEqual(partitionLag(committed, start, end), { lag, state }));
  }
});

describe('groupLag', () => {
  const offsets = [
    { topic: 'a', partition: 0, start: 0n, end: 10n },
    { topic: 'a', partition: 1, start: 0n, end: 5n },
    { topic: 'a', partition: 2, start: 8n, end: 9n },
    { topic: 'b', partition: 0, start: 0n, end: 100n },
    { topic: 'c', partition: 0, start: 0n, end: 1n },
  ];

  it('sums per topic and group, sorted by topic then partition', () => {
    const g = groupLag('g', [
      { topic: 'b', partition: 0, offset: 40n },
      { topic: 'a', partition: 1, offset: 5n },
      { topic: 'a', partition: 0, offset: 4n },
    ], offsets);
    assert.deepEqual(g.topics.map((t) => [t.topic, t.lag, t.partitions.map((p) => p.partition)]), [
      ['a', 6n, [0, 1]],
      ['b', 60n, [0]],
    ]);
    assert.equal(g.lag, 66n);
    assert.equal(g.committedPartitions, 3);
    assert.equal(g.noCommit, 0);
  });

  it('adds assigned partitions without a commit as no-commit, excluded from sums, and records owners', () => {
    const g = groupLag('g', [{ topic: 'a', partition: 0, offset: 9n }], offsets, [
      { memberId: 'm1', topic: 'a', partitions: [0, 1] },
      { memberId: 'm2', topic: 'c', partitions: [0] },
    ]);
    assert.equal(g.lag, 1n);
    assert.equal(g.noCommit, 2);
    assert.deepEqual(g.topics.flatMap((t) => t.partitions.map((p) => [p.topic, p.partition, p.state, p.lag, p.owner])), [
      ['a', 0, 'ok', 1n, 'm1'],
      ['a', 1, 'no-commit', null, 'm1'],
      ['c', 0, 'no-commit', null, 'm2'],
    ]);
    assert.deepEqual(g.topics.map((t) => t.noCommit), [1, 1]);
  });

  it('flags commits below the log start and unknown ends', () => {
    const g = groupLag('g', [
      { topic: 'a', partition: 2, offset: 3n },
      { topic: 'gone', partition: 0, offset: 3n },
    ], offsets);
    assert.equal(g.belowStart, 1);
    assert.equal(g.unknownEnd, 1);
    assert.equal(g.lag, 6n);
  });

  it('a group with no commits and no members is empty, lag 0', () => {
    const g = groupLag('g', [], offsets);
    assert.deepEqual([g.topics.length, g.lag, g.committedPartitions], [0, 0n, 0]);
  });

  it('accepts a prebuilt offset index (built once per refresh)', () => {
    const c = [{ topic: 'b', partition: 0, offset: 40n }];
    assert.deepEqual(groupLag('g', c, indexOffsets(offsets)), groupLag('g', c, offsets));
  });

  it('a null committed offset from the client is a no-commit row', () => {
    const g = groupLag('g', [{ topic: 'a', partition: 0, offset: null }], offsets);
    assert.equal(g.topics[0].partitions[0].state, 'no-commit');
  });

  it('lagByTopic and topicsOf', () => {
    const g1 = groupLag('g1', [{ topic: 'a', partition: 0, offset: 0n }], offsets);
    const g2 = groupLag('g2', [{ topic: 'a', partition: 1, offset: 0n }, { topic: 'b', partition: 0, offset: 99n }], offsets);
    const m = lagByTopic([g1, g2]);
    assert.deepEqual([...m.get('a')!.entries()], [['g1', 10n], ['g2', 5n]]);
    assert.deepEqual([...m.get('b')!.entries()], [['g2', 1n]]);
    assert.deepEqual(topicsOf([[{ topic: 'b', partition: 0, offset: 1n }], [{ topic: 'a', partition: 0, offset: 1n }]], [{ memberId: 'm', topic: 'c', partitions: [0] }]), ['a', 'b', 'c']);
  });
});

/** A snapshot of one partition with committed offset c and end e at second t. */
function snap(t: number, c: bigint | null, e: bigint, extra: Partial<LagSnapshot> = {}): LagSnapshot {
  return { at: t * 1000, lag: groupLag('g', [{ topic: 'a', partition: 0, offset: c }], [{ topic: 'a', partition: 0, start: 0n, end: e }]), active: true, ...extra };
}

describe('evaluateGroup (Burrow-style)', () => {
  const cases: [string, LagSnapshot[], string][] = [
    ['no data', [], 'OK'],
    ['single snapshot with lag: not enough history', [snap(0, 5n, 10n)], 'OK'],
    ['lag zero somewhere in the window', [snap(0, 5n, 10n), snap(10, 10n, 10n), snap(20, 12n, 20n)], 'OK'],
    ['consuming and catching up', [snap(0, 0n, 100n), snap(10, 50n, 110n), snap(20, 100n, 120n)], 'OK'],
    ['consuming but lag grows every step', [snap(0, 0n, 10n), snap(10, 5n, 20n), snap(20, 10n, 40n)], 'WARN'],
    ['lag went down once: not WARN', [snap(0, 0n, 10n), snap(10, 5n, 12n), snap(20, 10n, 40n)], 'OK'],
    ['committed offset frozen with lag, members present', [snap(0, 5n, 10n), snap(10, 5n, 10n), snap(20, 5n, 15n)], 'STALL'],
    ['committed moved and came back is not a stall', [snap(0, 5n, 10n), snap(10, 6n, 10n), snap(20, 5n, 10n)], 'OK'],
    ['lag with no active members', [snap(0, 5n, 10n, { active: false })], 'STOP'],
    ['refresh failed', [snap(0, 5n, 10n), { at: 10_000, error: 'Cannot reach Kafka' }], 'ERROR'],
    ['committed below log start', [{ at: 0, active: true, lag: groupLag('g', [{ topic: 'a', partition: 0, offset: 1n }], [{ topic: 'a', partition: 0, start: 5n, end: 10n }]) }], 'ERROR'],
    ['no-commit partitions only: lag 0, OK', [snap(0, null, 10n), snap(10, null, 20n)], 'OK'],
  ];
  for (const [name, window, status] of cases) {
    it(`${name} → ${status}`, () => assert.equal(evaluateGroup(window).status, status, evaluateGroup(window).reason));
  }

  it('names stalled partitions', () => {
    const e = evaluateGroup([snap(0, 5n, 10n), snap(30, 5n, 10n)]);
    assert.deepEqual(e.stalled, [{ topic: 'a', partition: 0 }]);
    assert.match(e.reason, /did not move in 30 s/);
  });
});

describe('lagTrend', () => {
  it('unknown with fewer than two points', () => assert.equal(lagTrend([snap(0, 1n, 2n)]).direction, 'unknown'));
  it('growing, with rates', () => {
    const t = lagTrend([snap(0, 0n, 10n), snap(10, 20n, 130n)]);
    assert.deepEqual([t.direction, t.lagPerSecond, t.consumedPerSecond, t.catchUpSeconds], ['growing', 10, 2, null]);
  });
  it('shrinking, with the time to catch up', () => {
    const t = lagTrend([snap(0, 0n, 100n), snap(10, 60n, 110n)]);
    assert.deepEqual([t.direction, t.lagPerSecond, t.catchUpSeconds], ['shrinking', -5, 10]);
  });
  it('steady; errors are skipped', () => {
    assert.equal(lagTrend([snap(0, 0n, 10n), { at: 5000, error: 'x' }, snap(10, 10n, 20n)]).direction, 'steady');
  });
});

describe('LagHistory', () => {
  it('keeps a bounded window per group and forgets deleted groups', () => {
    const h = new LagHistory(3);
    for (let i = 0; i < 5; i++) h.push('g', snap(i, BigInt(i), 10n));
    h.push('other', snap(0, 0n, 1n));
    assert.deepEqual(h.window('g').map((s) => s.at), [2000, 3000, 4000]);
    h.retain(['g']);
    assert.equal(h.window('other').length, 0);
    assert.equal(h.evaluate('g').status, 'OK');
  });
});

describe('report', () => {
  const g = groupLag('g1', [{ topic: 't', partition: 0, offset: 3n }, { topic: 't', partition: 1, offset: 1n }], [
    { topic: 't', partition: 0, start: 0n, end: 10n },
    { topic: 't', partition: 1, start: 2n, end: 4n },
  ], [{ memberId: 'm-1', topic: 't', partitions: [0, 1, 2] }]);
  const views = [{ groupId: 'g1', state: 'Stable', protocolType: 'consumer', members: 1, lag: g }];

  it('JSON: groups → topics → partitions with committed, end, lag and totals', () => {
    const j = lagJson(views, { at: 0, bootstrap: 'h:9092' });
    assert.equal(j.at, '1970-01-01T00:00:00.000Z');
    assert.deepEqual(j.totals, { groups: 1, lag: 10 });
    assert.deepEqual(j.groups[0].topics[0].partitions, [
      { partition: 0, committed: 3, logStart: 0, logEnd: 10, lag: 7, state: 'ok', owner: 'm-1' },
      { partition: 1, committed: 1, logStart: 2, logEnd: 4, lag: 3, state: 'below-start', owner: 'm-1' },
      { partition: 2, committed: null, logStart: null, logEnd: null, lag: null, state: 'no-commit', owner: 'm-1' },
    ]);
    assert.equal(j.groups[0].partitionsWithoutCommit, 1);
    assert.equal(j.groups[0].partitionsBelowLogStart, 1);
  });

  it('JSON integers stay exact beyond 2^53', () => {
    assert.equal(jsonInt(9007199254740991n), 9007199254740991);
    assert.equal(jsonInt(9007199254740993n), '9007199254740993');
  });

  it('text: a table per group with "-" for unknown numbers and notes', () => {
    const t = lagText(views);
    assert.equal(
      t,
      [
        'GROUP g1  state Stable  1 member  lag 10',
        'TOPIC  PARTITION  COMMITTED  LOG-END  LAG  NOTE',
        't      0          3          10       7',
        't      1          1          4        3    committed below log start',
        't      2          -          -        -    no committed offset',
        '',
        'TOTAL lag 10 across 1 group',
        '',
      ].join('\n'),
    );
    assert.equal(lagText([]), 'No consumer groups.\n');
    assert.match(lagText([{ ...views[0], missing: true }]), /Consumer group 'g1' does not exist\./);
    assert.match(lagText([{ ...views[0], members: null }]), /members unknown/);
  });

  it('compactCount', () => {
    const cases: [bigint, string][] = [[0n, '0'], [999n, '999'], [1000n, '1k'], [1234n, '1.2k'], [35_400n, '35.4k'], [123_456n, '123k'], [4_100_000n, '4.1M'], [7_300_000_000n, '7.3G'], [-1500n, '-1.5k']];
    for (const [n, s] of cases) assert.equal(compactCount(n), s, String(n));
  });
});
