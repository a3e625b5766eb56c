/** `kafka-k8s lag` against the real broker: JSON equals Kafka's ConsumerGroupCommand numbers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/cli';
import type { CliIO } from '../../src/cli/io';
import { TEST_USERS, freePort } from '../infra/kafka/broker';
import { commitOffsets, describeGroupWithKafkaTool, seedTopic, skipReason, unique, useBroker } from './broker';

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { cwd: process.cwd(), env, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await runCli(args, io);
  return { code, out, err };
}

const T = { timeout: 120_000 };

describe('kafka-k8s lag on a real broker', { skip: skipReason }, () => {
  const broker = useBroker();

  it('prints JSON groups → topics → partitions equal to ConsumerGroupCommand --describe', T, async () => {
    const topic = unique('cli');
    const group = unique('g-cli');
    await seedTopic(broker().bootstrap, topic, [10, 4, 1]);
    await commitOffsets(broker().bootstrap, group, topic, [3, 4, 0]);
    const oracle = describeGroupWithKafkaTool(broker().bootstrap, group);
    const r = await cli(['lag', '--bootstrap', broker().bootstrap, '--group', group, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.groups.length, 1);
    const g = json.groups[0];
    assert.equal(g.group, group);
    assert.equal(g.exists, true);
    assert.equal(g.lag, 8);
    assert.equal(json.totals.lag, 8);
    assert.equal(g.topics[0].lag, 8);
    const rows = g.topics.flatMap((t: { topic: string; partitions: { partition: number; committed: number | null; logEnd: number | null; lag: number | null }[] }) =>
      t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, current: p.committed === null ? null : BigInt(p.committed), end: p.logEnd === null ? null : BigInt(p.logEnd), lag: p.lag === null ? null : BigInt(p.lag) })),
    );
    assert.deepEqual(rows, oracle);

    const text = await cli(['lag', '-b', broker().bootstrap, '-g', group]);
    assert.equal(text.code, 0);
    assert.match(text.out, new RegExp(`GROUP ${group}  state Empty  0 members  lag 8`));
    assert.match(text.out, new RegExp(`${topic}\\s+0\\s+3\\s+10\\s+7`));
  });

  it('says when a group does not exist', T, async () => {
    const r = await cli(['lag', '-b', broker().bootstrap, '-g', unique('nope'), '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).groups[0].exists, false);
  });

  it('authenticates with SCRAM, the password read from an environment variable', T, async () => {
    const args = ['lag', '-b', broker().saslBootstrap, '--sasl-mechanism', 'scram-sha-512', '--sasl-username', TEST_USERS.admin.name, '--format', 'json'];
    const ok = await cli(args, { KAFKA_K8S_SASL_PASSWORD: TEST_USERS.admin.password });
    assert.equal(ok.code, 0, ok.err);
    const bad = await cli(args, { KAFKA_K8S_SASL_PASSWORD: 'not-the-password' });
    assert.equal(bad.code, 2);
    assert.match(bad.err, /Authentication to Kafka at 127\.0\.0\.1:\d+ failed/);
    assert.ok(!bad.err.includes('not-the-password'));
  });

  it('exits 2 with a clear message when the cluster is unreachable', { timeout: 30_000 }, async () => {
    const addr = `127.0.0.1:${await freePort()}`;
    const r = await cli(['lag', '-b', addr, '--timeout', '3000']);
    assert.equal(r.code, 2);
    assert.match(r.err, new RegExp(`^kafka-k8s lag: (Cannot reach Kafka at|Kafka at) ${addr.replace(/\./g, '\\.')}`));
  });
});

describe('kafka-k8s lag usage', () => {
  it('refuses a password given as a flag', async () => {
    const r = await cli(['lag', '-b', 'h:1', '--sasl-password', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--sasl-password is not accepted/);
    assert.ok(!r.out.includes('x\n'));
  });
  it('requires --bootstrap and validates options', async () => {
    assert.match((await cli(['lag'])).err, /--bootstrap HOST:PORT is required/);
    assert.match((await cli(['lag', '-b', 'nohost'])).err, /'nohost' is not HOST:PORT/);
    assert.match((await cli(['lag', '-b', 'h:1', '--format', 'xml'])).err, /--format must be text or json/);
    assert.match((await cli(['lag', '-b', 'h:1', '--sasl-mechanism', 'plain', '--sasl-username', 'u'])).err, /KAFKA_K8S_SASL_PASSWORD, which is not set/);
    const help = await cli(['lag', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: kafka-k8s lag/);
  });
});
