/**
 * A real single-node Apache Kafka 4.x broker for tests and the playground (KRaft combined mode on
 * 127.0.0.1), run from the Maven Central jars that `npm run setup:kafka` puts in `.cache/kafka-libs`.
 *
 * Listeners: PLAINTEXT (no auth, principal ANONYMOUS, a super user); SASL_PLAINTEXT with
 * SCRAM-SHA-512, SCRAM-SHA-256 and PLAIN (SCRAM users are created at format time); SSL (a broker
 * certificate for localhost/127.0.0.1 from a throwaway CA made with openssl); and MTLS (SSL that
 * requires a client certificate). The StandardAuthorizer
 * is on: `alice` is a super user, `bob` authenticates but has no ACLs (for "not authorized" tests).
 * Everything the broker writes lives in one temp folder, removed on stop.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

export interface TestUser {
  readonly name: string;
  readonly password: string;
}

/** Test-only credentials of the SASL listener (never used outside a throwaway local broker). */
export const TEST_USERS = {
  admin: { name: 'alice', password: 'alice-secret' },
  noAcl: { name: 'bob', password: 'bob-secret' },
} as const satisfies Record<string, TestUser>;

export interface BrokerOptions {
  /** Max JVM heap in MB (default 384). */
  readonly heapMb?: number;
  /** Readiness timeout in ms (default 90 s: two cold JVMs on a small machine). */
  readonly readyTimeoutMs?: number;
  /** Fixed ports, e.g. to restart a broker on the same address; default: free ports picked now. */
  readonly ports?: Partial<BrokerPorts>;
  /** Reuse an existing data folder (restart); default: a fresh temp folder. */
  readonly dir?: string;
  /** Extra server.properties lines. */
  readonly extraConfig?: Readonly<Record<string, string>>;
}

export interface BrokerPorts {
  readonly plaintext: number;
  readonly sasl: number;
  readonly controller: number;
  /** TLS, server authentication only. */
  readonly ssl: number;
  /** TLS with client certificates required. */
  readonly mtls: number;
}

/** PEM files of the TLS listeners (a throwaway CA made with openssl at start). */
export interface TlsMaterial {
  readonly dir: string;
  /** CA certificate that signed the broker and client certificates. */
  readonly caFile: string;
  readonly clientCertFile: string;
  readonly clientKeyFile: string;
}

export interface Broker {
  /** `127.0.0.1:port` of the PLAINTEXT listener. */
  readonly bootstrap: string;
  /** `127.0.0.1:port` of the SASL_PLAINTEXT listener. */
  readonly saslBootstrap: string;
  /** `127.0.0.1:port` of the SSL listener (broker certificate for localhost / 127.0.0.1). */
  readonly sslBootstrap: string;
  /** `127.0.0.1:port` of the SSL listener that requires a client certificate. */
  readonly mtlsBootstrap: string;
  readonly tls: TlsMaterial;
  readonly ports: BrokerPorts;
  readonly dir: string;
  readonly pid: number;
  /** Stops the broker (process group, SIGTERM then SIGKILL). Keeps the data folder when `keepData`. */
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/** Where the jars are: `$KAFKA_K8S_KAFKA_LIBS`, `$KAFKA_K8S_CACHE/kafka-libs`, or `<repo>/.cache/kafka-libs` (as setup.sh). */
export function kafkaLibsDir(): string {
  if (process.env.KAFKA_K8S_KAFKA_LIBS) return process.env.KAFKA_K8S_KAFKA_LIBS;
  if (process.env.KAFKA_K8S_CACHE) return path.join(process.env.KAFKA_K8S_CACHE, 'kafka-libs');
  return path.join(process.cwd(), '.cache', 'kafka-libs');
}

export function kafkaJarsAvailable(dir = kafkaLibsDir()): boolean {
  try {
    return fs.readdirSync(dir).some((f) => /^kafka_2\.13-.*\.jar$/.test(f));
  } catch {
    return false;
  }
}

/** The classpath argument for `java -cp`. */
export function kafkaClasspath(dir = kafkaLibsDir()): string {
  return path.join(dir, '*');
}

export const SETUP_HINT = 'run `npm run setup:kafka` (needs Java 17 and Maven) to fetch the Kafka jars';

export async function freePort(): Promise<number> {
  return (await freePorts(1))[0];
}

/**
 * `n` distinct free ports: each listener stays open until all are drawn, so the OS cannot hand out the same port
 * twice (drawing them one at a time did, now and then, and the broker then refused two listeners on one port).
 */
export async function freePorts(n: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < n; i++) {
      const srv = net.createServer();
      srv.unref();
      servers.push(srv);
      ports.push(
        await new Promise<number>((resolve, reject) => {
          srv.on('error', reject);
          srv.listen(0, '127.0.0.1', () => resolve((srv.address() as net.AddressInfo).port));
        }),
      );
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  }
}

function serverProperties(ports: BrokerPorts, dataDir: string, tls: TlsMaterial, extra: Readonly<Record<string, string>>): string {
  const h = '127.0.0.1';
  const keystore = path.join(tls.dir, 'broker-keystore.pem');
  const props: Record<string, string> = {
    'process.roles': 'broker,controller',
    'node.id': '1',
    'controller.quorum.bootstrap.servers': `${h}:${ports.controller}`,
    listeners: `PLAINTEXT://${h}:${ports.plaintext},SASL_PLAINTEXT://${h}:${ports.sasl},SSL://${h}:${ports.ssl},MTLS://${h}:${ports.mtls},CONTROLLER://${h}:${ports.controller}`,
    'advertised.listeners': `PLAINTEXT://${h}:${ports.plaintext},SASL_PLAINTEXT://${h}:${ports.sasl},SSL://${h}:${ports.ssl},MTLS://${h}:${ports.mtls},CONTROLLER://${h}:${ports.controller}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,MTLS:SSL',
    'listener.name.ssl.ssl.keystore.type': 'PEM',
    'listener.name.ssl.ssl.keystore.location': keystore,
    'listener.name.mtls.ssl.keystore.type': 'PEM',
    'listener.name.mtls.ssl.keystore.location': keystore,
    'listener.name.mtls.ssl.truststore.type': 'PEM',
    'listener.name.mtls.ssl.truststore.location': tls.caFile,
    'listener.name.mtls.ssl.client.auth': 'required',
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512,SCRAM-SHA-256,PLAIN',
    'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    'listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    'listener.name.sasl_plaintext.plain.sasl.jaas.config':
      'org.apache.kafka.common.security.plain.PlainLoginModule required ' +
      Object.values(TEST_USERS).map((u) => `user_${u.name}="${u.password}"`).join(' ') + ';',
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': `User:ANONYMOUS;User:${TEST_USERS.admin.name};User:CN=${TLS_CLIENT_CN}`,
    'allow.everyone.if.no.acl.found': 'false',
    'log.dirs': dataDir,
    'num.partitions': '1',
    'offsets.topic.replication.factor': '1',
    'offsets.topic.num.partitions': '1',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'share.coordinator.state.topic.replication.factor': '1',
    'share.coordinator.state.topic.min.isr': '1',
    'group.initial.rebalance.delay.ms': '0',
    'auto.create.topics.enable': 'false',
    'log.segment.bytes': String(16 * 1024 * 1024),
    ...extra,
  };
  return Object.entries(props).map(([k, v]) => `${k}=${v.replace(/\\/g, '\\\\')}`).join('\n') + '\n';
}

export const TLS_CLIENT_CN = 'kafka-k8s-test-client';

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr || r.error}`);
}

/** A throwaway CA, a broker certificate for localhost/127.0.0.1 and a client certificate (openssl). */
export function makeTlsMaterial(dir: string): TlsMaterial {
  fs.mkdirSync(dir, { recursive: true });
  const days = '2';
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', days, '-subj', '/CN=kafka-k8s test CA'], dir);
  fs.writeFileSync(path.join(dir, 'broker.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  fs.writeFileSync(path.join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, cn] of [['broker', 'localhost'], ['client', TLS_CLIENT_CN]] as const) {
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`], dir);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', days, '-extfile', `${name}.ext`], dir);
  }
  // Kafka's PEM keystore: private key (PKCS#8) followed by the certificate chain, in one file.
  fs.writeFileSync(path.join(dir, 'broker-keystore.pem'), fs.readFileSync(path.join(dir, 'broker.key'), 'utf8') + fs.readFileSync(path.join(dir, 'broker.pem'), 'utf8'));
  return { dir, caFile: path.join(dir, 'ca.pem'), clientCertFile: path.join(dir, 'client.pem'), clientKeyFile: path.join(dir, 'client.key') };
}

const LOG4J2 = `status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = \${sys:kafka.logs.dir}/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.org.name = org.apache.kafka
logger.org.level = WARN
`;

function javaArgs(dir: string, heapMb: number): string[] {
  return [
    `-Xms${Math.min(128, heapMb)}m`,
    `-Xmx${heapMb}m`,
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-Xshare:auto',
    '-Djava.awt.headless=true',
    `-Dkafka.logs.dir=${dir}`,
    `-Dlog4j2.configurationFile=${path.join(dir, 'log4j2.properties')}`,
  ];
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Runs a Kafka tool class to completion (for formatting storage and for oracle commands in tests). */
export function runKafkaTool(mainClass: string, args: readonly string[], opts: { timeoutMs?: number; input?: string } = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync('java', ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Dlog4j2.level=WARN', '-cp', kafkaClasspath(), mainClass, ...args], {
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    input: opts.input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

async function waitReady(bootstrap: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once('exit', (code, sig) => (exited = `exit code ${code ?? ''}${sig ? ` signal ${sig}` : ''}`));
  let last = '';
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Kafka broker exited during startup (${exited}).\n${tail(logFile)}`);
    const kafka = new Kafka({ clientId: 'kafka-k8s-harness', brokers: [bootstrap], logLevel: logLevel.NOTHING, connectionTimeout: 1000, requestTimeout: 3000, retry: { retries: 0 } });
    const admin = kafka.admin();
    try {
      await admin.connect();
      const c = await admin.describeCluster();
      if (c.brokers.length > 0) {
        // Group calls need __consumer_offsets: a coordinator lookup creates it, and proves it works.
        await admin.fetchOffsets({ groupId: 'kafka-k8s-harness-ready' });
        return;
      }
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Kafka broker at ${bootstrap} not ready after ${timeoutMs} ms (last error: ${last}).\n${tail(logFile)}`);
}

function killGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      /* already gone */
    }
  }
}

/**
 * A KRaft cluster id: 16 random bytes in base64url, like `kafka-storage random-uuid`. An id that starts with `-`
 * (1 in 64) would be read by the tool's argument parser as an option, so those are drawn again.
 */
export function newClusterId(): string {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

export async function startBroker(opts: BrokerOptions = {}): Promise<Broker> {
  const libs = kafkaLibsDir();
  if (!kafkaJarsAvailable(libs)) throw new Error(`Kafka jars not found in ${libs}: ${SETUP_HINT}`);
  const fresh = !opts.dir;
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-k8s-broker-'));
  const drawn = await freePorts(5);
  const ports: BrokerPorts = {
    plaintext: opts.ports?.plaintext ?? drawn[0],
    sasl: opts.ports?.sasl ?? drawn[1],
    controller: opts.ports?.controller ?? drawn[2],
    ssl: opts.ports?.ssl ?? drawn[3],
    mtls: opts.ports?.mtls ?? drawn[4],
  };
  const tlsDir = path.join(dir, 'tls');
  const tls: TlsMaterial = fs.existsSync(path.join(tlsDir, 'broker-keystore.pem'))
    ? { dir: tlsDir, caFile: path.join(tlsDir, 'ca.pem'), clientCertFile: path.join(tlsDir, 'client.pem'), clientKeyFile: path.join(tlsDir, 'client.key') }
    : makeTlsMaterial(tlsDir);
  const dataDir = path.join(dir, 'data');
  const propsFile = path.join(dir, 'server.properties');
  fs.writeFileSync(propsFile, serverProperties(ports, dataDir, tls, opts.extraConfig ?? {}));
  fs.writeFileSync(path.join(dir, 'log4j2.properties'), LOG4J2);
  const heapMb = opts.heapMb ?? 384;

  if (fresh || !fs.existsSync(path.join(dataDir, 'meta.properties'))) {
    const clusterId = newClusterId();
    const scram = Object.values(TEST_USERS).flatMap((u) => [
      '--add-scram', `SCRAM-SHA-512=[name=${u.name},password=${u.password}]`,
      '--add-scram', `SCRAM-SHA-256=[name=${u.name},password=${u.password}]`,
    ]);
    const r = runKafkaTool('kafka.tools.StorageTool', ['format', '--standalone', `--cluster-id=${clusterId}`, '-c', propsFile, ...scram]);
    if (r.status !== 0) {
      if (fresh) fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`Kafka storage format failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
  }

  const logFile = path.join(dir, 'stdout.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn('java', [...javaArgs(dir, heapMb), '-cp', kafkaClasspath(libs), 'kafka.Kafka', propsFile], {
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const pid = child.pid!;
  let stopped = false;
  const exitPromise = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const stop = async (s: { keepData?: boolean } = {}): Promise<void> => {
    if (!stopped) {
      stopped = true;
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 5000);
      await exitPromise;
      clearTimeout(timer);
      killGroup(pid, 'SIGKILL'); // anything left in the group
    }
    if (!s.keepData) fs.rmSync(dir, { recursive: true, force: true });
  };
  const bootstrap = `127.0.0.1:${ports.plaintext}`;
  try {
    await waitReady(bootstrap, child, path.join(dir, 'server.log'), opts.readyTimeoutMs ?? 90_000);
  } catch (e) {
    const logs = tail(logFile, 20);
    await stop({ keepData: !fresh });
    throw new Error(`${e instanceof Error ? e.message : String(e)}${logs ? `\n--- stdout ---\n${logs}` : ''}`);
  }
  return { bootstrap, saslBootstrap: `127.0.0.1:${ports.sasl}`, sslBootstrap: `127.0.0.1:${ports.ssl}`, mtlsBootstrap: `127.0.0.1:${ports.mtls}`, tls, ports, dir, pid, stop };
}

/**
 * Commits offsets for a group that has no members (creates it as a "simple" group), with one
 * OffsetCommit (generation -1, no member id), as a standalone consumer's commitSync would.
 */
export async function commitOffsets(bootstrap: string, groupId: string, topic: string, offsets: readonly (number | null)[]): Promise<void> {
  const k = new Kafka({ clientId: 'kafka-k8s-test-fixture', brokers: [bootstrap], logLevel: logLevel.NOTHING });
  const sym = Object.getOwnPropertySymbols(k).find((s) => s.description === 'private:Kafka:createCluster')!;
  const cluster = ((k as unknown as Record<symbol, unknown>)[sym] as (o: object) => FixtureCluster)({ allowAutoTopicCreation: false });
  await cluster.connect();
  try {
    const coordinator = await cluster.findGroupCoordinator({ groupId });
    const partitions = offsets.flatMap((o, partition) => (o === null ? [] : [{ partition, offset: String(o) }]));
    const r = await coordinator.offsetCommit({ groupId, groupGenerationId: -1, memberId: '', topics: [{ topic, partitions }] });
    for (const t of r.responses) for (const p of t.partitions) if (p.errorCode !== 0) throw new Error(`OffsetCommit ${t.topic}-${p.partition}: error ${p.errorCode}`);
  } finally {
    await cluster.disconnect();
  }
}

interface FixtureCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  findGroupCoordinator(o: { groupId: string }): Promise<{
    offsetCommit(o: object): Promise<{ responses: { topic: string; partitions: { partition: number; errorCode: number }[] }[] }>;
  }>;
}

/** Environment variables through which `test/run.ts` hands the shared broker to test files. */
export const BROKER_ENV = {
  bootstrap: 'KAFKA_K8S_TEST_BOOTSTRAP',
  saslBootstrap: 'KAFKA_K8S_TEST_SASL_BOOTSTRAP',
  sslBootstrap: 'KAFKA_K8S_TEST_SSL_BOOTSTRAP',
  mtlsBootstrap: 'KAFKA_K8S_TEST_MTLS_BOOTSTRAP',
  /** Folder with ca.pem, client.pem and client.key. */
  tlsDir: 'KAFKA_K8S_TEST_TLS_DIR',
  error: 'KAFKA_K8S_TEST_BROKER_ERROR',
} as const;
