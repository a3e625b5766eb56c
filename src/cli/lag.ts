/**
 * `kafka-k8s lag`: consumer group lag of a live cluster, with the same numbers as the explorer
 * (and as Kafka's ConsumerGroupCommand --describe).
 */
import fs from 'node:fs';
import path from 'node:path';
import { lagJson, lagText, type GroupLagView } from '../core/lag/report';
import type { ConnectionOptions, KafkaLogger, SaslMechanism, TlsOptions } from '../services/kafka/port';
import { EXIT_OK, EXIT_USAGE, parseOptions, UsageError, type CliIO, type Command } from './io';

export const LAG_HELP = `Usage: kafka-k8s lag --bootstrap HOST:PORT[,HOST:PORT…] [options]

Shows each consumer group's committed offset, log-end offset and lag per partition.

Options:
  --bootstrap, -b HOST:PORT   Bootstrap servers (comma-separated). Required.
  --group, -g GROUP           Only this group (repeatable). Default: every group.
  --format text|json          Output format (default text).
  --timeout MS                Give up after MS milliseconds (default 10000).
  --sasl-mechanism M          plain, scram-sha-256 or scram-sha-512.
  --sasl-username USER        SASL user name.
  --sasl-password-env VAR     Environment variable holding the SASL password
                              (default KAFKA_K8S_SASL_PASSWORD). Passwords are never taken as flags.
  --tls                       Connect with TLS (system CAs, host name verified).
  --tls-ca FILE               PEM CA bundle to trust (implies --tls).
  --tls-cert FILE             PEM client certificate for mutual TLS (with --tls-key).
  --tls-key FILE              PEM client key.
  --tls-servername NAME       Expected broker host name (SNI), when it differs from the address.
  --tls-insecure              Do not verify the broker certificate (throwaway clusters only).
  --verbose                   Log client diagnostics to stderr.
  --help, -h                  Show this help.

Exit codes: 0 success, 2 usage error or the cluster could not be queried.
`;

const MECHANISMS: readonly SaslMechanism[] = ['plain', 'scram-sha-256', 'scram-sha-512'];

export function parseLagArgs(args: string[], io: Pick<CliIO, 'cwd' | 'env'>): { conn: ConnectionOptions; groups?: string[]; format: 'text' | 'json'; verbose: boolean; help: boolean } {
  if (args.some((a) => a === '--sasl-password' || a.startsWith('--sasl-password='))) {
    throw new UsageError('--sasl-password is not accepted (it would show in the process list and shell history); put the password in an environment variable and name it with --sasl-password-env');
  }
  const parsed = parseOptions('lag', {
    args,
    allowPositionals: false,
    options: {
      bootstrap: { type: 'string', short: 'b' },
      group: { type: 'string', short: 'g', multiple: true },
      format: { type: 'string', default: 'text' },
      timeout: { type: 'string', default: '10000' },
      'sasl-mechanism': { type: 'string' },
      'sasl-username': { type: 'string' },
      'sasl-password-env': { type: 'string', default: 'KAFKA_K8S_SASL_PASSWORD' },
      tls: { type: 'boolean', default: false },
      'tls-ca': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-servername': { type: 'string' },
      'tls-insecure': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const v = parsed.values;
  const help = !!v.help;
  const format = v.format as string;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  const timeoutMs = Number(v.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout must be a positive number of milliseconds, not '${v.timeout}'`);
  const bootstrapServers = (v.bootstrap ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!help && !bootstrapServers.length) throw new UsageError('--bootstrap HOST:PORT is required');
  for (const b of bootstrapServers) if (!/^[^\s:]+:\d{1,5}$/.test(b) && !/^\[[0-9a-f:]+\]:\d{1,5}$/i.test(b)) throw new UsageError(`--bootstrap: '${b}' is not HOST:PORT`);

  let sasl: ConnectionOptions['sasl'];
  const mech = v['sasl-mechanism'];
  if (mech !== undefined || v['sasl-username'] !== undefined) {
    if (!mech || !MECHANISMS.includes(mech as SaslMechanism)) throw new UsageError(`--sasl-mechanism must be one of ${MECHANISMS.join(', ')}`);
    if (!v['sasl-username']) throw new UsageError('--sasl-username is required with --sasl-mechanism');
    const envName = v['sasl-password-env'] as string;
    const password = io.env[envName];
    if (!password) throw new UsageError(`the SASL password is read from the environment variable ${envName}, which is not set`);
    sasl = { mechanism: mech as SaslMechanism, username: v['sasl-username'], password };
  }

  const read = (flag: string, file: string | undefined): string | undefined => {
    if (file === undefined) return undefined;
    try {
      return fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
    } catch (e) {
      throw new UsageError(`${flag}: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
    }
  };
  let tls: ConnectionOptions['tls'];
  const anyTls = v.tls || v['tls-ca'] || v['tls-cert'] || v['tls-key'] || v['tls-servername'] || v['tls-insecure'];
  if (anyTls) {
    if (!!v['tls-cert'] !== !!v['tls-key']) throw new UsageError('--tls-cert and --tls-key go together');
    const t: TlsOptions = {
      ...(v['tls-ca'] ? { ca: read('--tls-ca', v['tls-ca']) } : {}),
      ...(v['tls-cert'] ? { cert: read('--tls-cert', v['tls-cert']) } : {}),
      ...(v['tls-key'] ? { key: read('--tls-key', v['tls-key']) } : {}),
      ...(v['tls-servername'] ? { servername: v['tls-servername'] } : {}),
      verify: !v['tls-insecure'],
    };
    tls = t;
  }
  const conn: ConnectionOptions = { bootstrapServers, clientId: 'kafka-k8s-cli', timeoutMs, ...(sasl ? { sasl } : {}), ...(tls ? { tls } : {}) };
  return { conn, ...(v.group?.length ? { groups: v.group } : {}), format, verbose: !!v.verbose, help };
}

export const lagCommand: Command = async (args, io) => {
  const opts = parseLagArgs(args, io);
  if (opts.help) {
    io.stdout(LAG_HELP);
    return EXIT_OK;
  }
  const { createKafkaAdmin } = await import('../services/kafka/kafkajs-adapter.js');
  const { fetchLag } = await import('../services/kafka/lag-service.js');
  const { KafkaServiceError } = await import('../services/kafka/port.js');
  const logger: KafkaLogger | undefined = opts.verbose
    ? { debug: (m) => io.stderr(`debug: ${m}\n`), info: (m) => io.stderr(`info: ${m}\n`), warn: (m) => io.stderr(`warn: ${m}\n`), error: (m) => io.stderr(`error: ${m}\n`) }
    : undefined;
  const port = createKafkaAdmin(opts.conn, logger);
  try {
    const report = await fetchLag(port, { ...(opts.groups ? { groups: opts.groups } : {}), timeoutMs: opts.conn.timeoutMs });
    const views: GroupLagView[] = report.groups.map((g) => ({
      groupId: g.groupId,
      state: g.description.state,
      protocolType: g.description.protocolType,
      members: g.description.membersKnown ? g.description.members.length : null,
      lag: g.lag,
      missing: g.missing,
    }));
    if (opts.format === 'json') io.stdout(JSON.stringify(lagJson(views, { at: report.at, bootstrap: opts.conn.bootstrapServers.join(',') }), null, 2) + '\n');
    else io.stdout(lagText(views));
    if (opts.verbose) io.stderr(`info: ${report.stats.total} requests: ${JSON.stringify(report.stats.requests)}\n`);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof KafkaServiceError) {
      io.stderr(`kafka-k8s lag: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  } finally {
    await port.close();
  }
};
