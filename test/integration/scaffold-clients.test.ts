/**
 * The generated client projects build with their own toolchains and work against the real test broker:
 * each producer sends N records and the matching consumer reads exactly those N, committing them.
 * Java: Maven with kafka-clients from Maven Central (the broker's version); Go: sarama through the Go
 * module proxy; Node: the TypeScript project compiled with tsc and run on kafkajs. Without a toolchain
 * the language is skipped locally and fails under CI=true.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scaffold } from '../../src/core/scaffold/index';
import { TEST_USERS } from '../infra/kafka/broker';
import { skipReason, unique, useBroker, withKafka, type BrokerAddress } from './broker';

const ROOT = process.cwd();
const N = 25;
const CI = process.env.CI === 'true';

function has(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/** Skip reason for a language, or undefined; under CI a missing toolchain fails instead. */
function toolchain(name: string, ok: boolean): string | undefined {
  if (ok || CI) return undefined;
  return `${name} not installed`;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command with a hard time limit (killed on expiry, so a stuck client cannot hang the suite). */
function run(cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string>; timeoutMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      reject(new Error(`${cmd} ${args.join(' ')} timed out after ${opts.timeoutMs} ms\n${stderr.slice(-3000)}`));
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Runs a long-lived consumer until it has printed `lines` values, then sends SIGTERM, as Kubernetes does
 * when a pod is scaled in, and waits for it to finish on its own.
 */
function runUntilLinesThenTerm(cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string>; lines: number; timeoutMs: number }): Promise<Run & { signalled: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!signalled && stdout.split('\n').filter((l) => l.trim() !== '').length >= opts.lines) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      reject(new Error(`${cmd} did not ${signalled ? 'stop after SIGTERM' : `print ${opts.lines} values`} within ${opts.timeoutMs} ms\nstdout: ${stdout.slice(-1000)}\nstderr: ${stderr.slice(-3000)}`));
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, signalled });
    });
  });
}

async function mustRun(cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string>; timeoutMs: number }): Promise<Run> {
  const r = await run(cmd, args, opts);
  assert.equal(r.code, 0, `${cmd} ${args.join(' ')} exited ${r.code}\n${r.stderr.slice(-4000)}\n${r.stdout.slice(-2000)}`);
  return r;
}

function write(dir: string, id: string, params: Record<string, string>): void {
  for (const f of scaffold(id, params).files) {
    const abs = path.join(dir, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, f.content);
  }
}

/** kafka-clients version of the test broker (test/infra/kafka/pom.xml), so Maven reuses the cached jars. */
function brokerKafkaVersion(): string {
  const pom = fs.readFileSync(path.join(ROOT, 'test', 'infra', 'kafka', 'pom.xml'), 'utf8');
  const m = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom);
  assert.ok(m, 'kafka.version in test/infra/kafka/pom.xml');
  return m[1];
}

const expected = Array.from({ length: N }, (_, i) => `message-${i}`).sort();

/** Produces N with the generated producer, consumes with the generated consumer, checks values and commits. */
async function roundTrip(bootstrap: string, lang: string, producer: [string, string[], string], consumer: [string, string[], string]): Promise<void> {
  const topic = unique(`scaffold-${lang}`);
  const group = unique(`scaffold-${lang}-g`);
  await withKafka(bootstrap, async (k) => {
    const admin = k.admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] });
    } finally {
      await admin.disconnect();
    }
  });
  const env = { KAFKA_BOOTSTRAP_SERVERS: bootstrap, KAFKA_TOPIC: topic, KAFKA_GROUP_ID: group, MESSAGE_COUNT: String(N), MAX_MESSAGES: String(N) };
  const p = await mustRun(producer[0], producer[1], { cwd: producer[2], env, timeoutMs: 90_000 });
  assert.match(p.stderr, new RegExp(`delivered ${N}, failed 0`));
  // MAX_MESSAGES: the consumer stops by itself after N records.
  const c = await mustRun(consumer[0], consumer[1], { cwd: consumer[2], env, timeoutMs: 90_000 });
  const values = c.stdout.split('\n').filter((l) => l.trim() !== '');
  assert.deepEqual([...values].sort(), expected, `${lang} consumer output`);
  await assertCommitted(bootstrap, lang, group, topic, N);

  // Graceful shutdown: a second group reads until SIGTERM, then commits what it processed and exits.
  const group2 = `${group}-term`;
  const t = await runUntilLinesThenTerm(consumer[0], consumer[1], { cwd: consumer[2], env: { ...env, KAFKA_GROUP_ID: group2, MAX_MESSAGES: '0' }, lines: N, timeoutMs: 90_000 });
  assert.ok(t.signalled);
  // Java exits 143 after its shutdown hook ran (128 + SIGTERM), as the JVM does; Go and Node exit 0.
  assert.ok(t.code === 0 || (lang === 'java' && t.code === 143), `${lang} consumer exited ${t.code} after SIGTERM\n${t.stderr.slice(-2000)}`);
  assert.deepEqual(t.stdout.split('\n').filter((l) => l.trim() !== '').sort(), expected);
  await assertCommitted(bootstrap, lang, group2, topic, N);
}

/**
 * The security settings the generated Deployment passes: the producer over mutual TLS (the broker's
 * MTLS listener, CA and client certificate as KAFKA_CA_FILE / KAFKA_CERT_FILE / KAFKA_KEY_FILE), the
 * consumer with SCRAM-SHA-512 (the broker's SASL listener has no TLS, hence KAFKA_TLS=false).
 */
async function secureRoundTrip(b: BrokerAddress, lang: string, producer: [string, string[], string], consumer: [string, string[], string]): Promise<void> {
  const topic = unique(`scaffold-${lang}-sec`);
  const group = unique(`scaffold-${lang}-sec-g`);
  await withKafka(b.bootstrap, async (k) => {
    const admin = k.admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 2, replicationFactor: 1 }] });
    } finally {
      await admin.disconnect();
    }
  });
  const common = { KAFKA_TOPIC: topic, KAFKA_GROUP_ID: group, MESSAGE_COUNT: String(N), MAX_MESSAGES: String(N) };
  const p = await mustRun(producer[0], producer[1], {
    cwd: producer[2],
    env: { ...common, KAFKA_BOOTSTRAP_SERVERS: b.mtlsBootstrap, KAFKA_SECURITY: 'tls', KAFKA_CA_FILE: b.tls.caFile, KAFKA_CERT_FILE: b.tls.clientCertFile, KAFKA_KEY_FILE: b.tls.clientKeyFile },
    timeoutMs: 90_000,
  });
  assert.match(p.stderr, new RegExp(`delivered ${N}, failed 0`));
  const c = await mustRun(consumer[0], consumer[1], {
    cwd: consumer[2],
    env: { ...common, KAFKA_BOOTSTRAP_SERVERS: b.saslBootstrap, KAFKA_SECURITY: 'scram-sha-512', KAFKA_TLS: 'false', KAFKA_USERNAME: TEST_USERS.admin.name, KAFKA_PASSWORD: TEST_USERS.admin.password },
    timeoutMs: 90_000,
  });
  assert.deepEqual(c.stdout.split('\n').filter((l) => l.trim() !== '').sort(), expected, `${lang} consumer output over SCRAM`);
  await assertCommitted(b.bootstrap, lang, group, topic, N);
  // A wrong password fails clearly instead of hanging.
  const bad = await run(consumer[0], consumer[1], {
    cwd: consumer[2],
    env: { ...common, KAFKA_GROUP_ID: `${group}-bad`, KAFKA_BOOTSTRAP_SERVERS: b.saslBootstrap, KAFKA_SECURITY: 'scram-sha-512', KAFKA_TLS: 'false', KAFKA_USERNAME: TEST_USERS.admin.name, KAFKA_PASSWORD: 'wrong' },
    timeoutMs: 90_000,
  }).catch((e: unknown) => ({ code: -1, stdout: '', stderr: String(e) }));
  assert.notEqual(bad.code, 0, `${lang} consumer with a wrong password exited 0`);
}

async function assertCommitted(bootstrap: string, lang: string, group: string, topic: string, n: number): Promise<void> {
  // Manual commits: the group's committed offsets cover exactly the N records.
  const committed = await withKafka(bootstrap, async (k) => {
    const admin = k.admin();
    await admin.connect();
    try {
      const [t] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      return t.partitions.reduce((sum, x) => sum + Math.max(0, Number(x.offset)), 0);
    } finally {
      await admin.disconnect();
    }
  });
  assert.equal(committed, n, `${lang}: committed offsets of group ${group}`);
}

describe('generated clients on a real broker', { skip: skipReason }, () => {
  const broker = useBroker();
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-k8s-scaffold-'));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const javaSkip = toolchain('java/mvn', has('mvn', ['-v']) && has('javac', ['-version']));
  it('Java: the Maven project compiles and its producer/consumer move N records (plain, mutual TLS, SCRAM)', { skip: javaSkip, timeout: 600_000 }, async () => {
    write(dir, 'java-client', { artifact: 'java-app', package: 'com.example.scaffoldtest', kafkaClientsVersion: brokerKafkaVersion() });
    const cwd = path.join(dir, 'java-app');
    await mustRun('mvn', ['-B', '-q', 'package', 'dependency:copy-dependencies', '-DoutputDirectory=target/lib', '-DincludeScope=runtime'], { cwd, timeoutMs: 480_000 });
    const cp = ['target/classes', path.join('target', 'lib', '*')].join(path.delimiter);
    const producer: [string, string[], string] = ['java', ['-cp', cp, 'com.example.scaffoldtest.ProducerApp'], cwd];
    const consumer: [string, string[], string] = ['java', ['-cp', cp, 'com.example.scaffoldtest.ConsumerApp'], cwd];
    await roundTrip(broker().bootstrap, 'java', producer, consumer);
    await secureRoundTrip(broker(), 'java', producer, consumer);
  });

  const goSkip = toolchain('go', has('go', ['version']));
  it('Go: the sarama module builds and its producer/consumer group move N records (plain, mutual TLS, SCRAM)', { skip: goSkip, timeout: 600_000 }, async () => {
    write(dir, 'go-client', { app: 'go-app', module: 'example.com/scaffoldtest' });
    const cwd = path.join(dir, 'go-app');
    const env = { GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' };
    await mustRun('go', ['mod', 'tidy'], { cwd, env, timeoutMs: 300_000 });
    await mustRun('go', ['vet', './...'], { cwd, env, timeoutMs: 300_000 });
    await mustRun('go', ['build', '-o', 'bin/', './...'], { cwd, env, timeoutMs: 300_000 });
    await roundTrip(broker().bootstrap, 'go', [path.join(cwd, 'bin', 'producer'), [], cwd], [path.join(cwd, 'bin', 'consumer'), [], cwd]);
    await secureRoundTrip(broker(), 'go', [path.join(cwd, 'bin', 'producer'), [], cwd], [path.join(cwd, 'bin', 'consumer'), [], cwd]);
  });

  it('Node: the TypeScript project type-checks and its kafkajs producer/consumer move N records (plain, mutual TLS, SCRAM)', { timeout: 300_000 }, async () => {
    write(dir, 'node-client', { app: 'node-app' });
    const cwd = path.join(dir, 'node-app');
    // The project's dependencies (kafkajs, @types/node, typescript) from this repository's node_modules.
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(cwd, 'node_modules'), 'dir');
    await mustRun(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd, timeoutMs: 120_000 });
    await roundTrip(broker().bootstrap, 'node', [process.execPath, ['dist/producer.js'], cwd], [process.execPath, ['dist/consumer.js'], cwd]);
    await secureRoundTrip(broker(), 'node', [process.execPath, ['dist/producer.js'], cwd], [process.execPath, ['dist/consumer.js'], cwd]);
  });
});
