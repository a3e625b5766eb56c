/**
 * `npm test`: runs every compiled test file under out/test with Node's built-in runner.
 * Shared infrastructure that needs one instance per run (the Kafka broker) is started here
 * and passed to the tests through the environment.
 *
 * Kafka: when the selected files include integration tests and the jars are present
 * (`npm run setup:kafka`), ONE broker is started for the whole run, its addresses are passed as
 * KAFKA_K8S_TEST_BOOTSTRAP / _SASL_BOOTSTRAP / _SSL_BOOTSTRAP / _MTLS_BOOTSTRAP / _TLS_DIR, and it is stopped afterwards (its process
 * group, also on failure or a signal). If it cannot start, KAFKA_K8S_TEST_BROKER_ERROR carries the
 * reason: integration tests then fail under CI=true and skip (naming the setup command) otherwise.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BROKER_ENV, SETUP_HINT, kafkaJarsAvailable, kafkaLibsDir, startBroker, type Broker } from './infra/kafka/broker';

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...testFiles(p));
    else if (e.name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

async function maybeStartBroker(files: string[], env: NodeJS.ProcessEnv): Promise<Broker | undefined> {
  const needsKafka = files.some((f) => f.split(path.sep).includes('integration'));
  if (!needsKafka || env[BROKER_ENV.bootstrap]) return undefined;
  if (!kafkaJarsAvailable()) {
    env[BROKER_ENV.error] = `Kafka jars not found in ${kafkaLibsDir()}: ${SETUP_HINT}`;
    process.stderr.write(`test: no Kafka broker: ${env[BROKER_ENV.error]}\n`);
    return undefined;
  }
  const t0 = Date.now();
  try {
    const broker = await startBroker();
    env[BROKER_ENV.bootstrap] = broker.bootstrap;
    env[BROKER_ENV.saslBootstrap] = broker.saslBootstrap;
    env[BROKER_ENV.sslBootstrap] = broker.sslBootstrap;
    env[BROKER_ENV.mtlsBootstrap] = broker.mtlsBootstrap;
    env[BROKER_ENV.tlsDir] = broker.tls.dir;
    process.stderr.write(`test: Kafka broker ready at ${broker.bootstrap} (SASL ${broker.saslBootstrap}) in ${Date.now() - t0} ms\n`);
    return broker;
  } catch (e) {
    env[BROKER_ENV.error] = `Kafka broker failed to start: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`test: ${env[BROKER_ENV.error]}\n`);
    return undefined;
  }
}

async function main(): Promise<number> {
  const root = path.join(__dirname);
  const files = testFiles(root).filter((f) => process.argv.slice(2).every((a) => f.includes(a)));
  const env = { ...process.env };
  const broker = await maybeStartBroker(files, env);
  const stopBroker = async (): Promise<void> => {
    if (broker) await broker.stop().catch((e) => process.stderr.write(`test: stopping the Kafka broker failed: ${e}\n`));
  };
  // Never leave a JVM behind: synchronous last resort if we are torn down without the async path.
  process.on('exit', () => {
    if (broker) {
      try {
        process.kill(-broker.pid, 'SIGKILL');
      } catch {
        /* already stopped */
      }
    }
  });
  const child = spawn(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      child.kill(sig);
      void stopBroker().then(() => process.exit(130));
    });
  }
  const code = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(1));
    child.on('exit', (c) => resolve(c ?? 1));
  });
  await stopBroker();
  return code;
}

main().then((code) => process.exit(code), (e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
