/** TLS and mutual TLS against the real broker: verification on by default, host names checked, client certificates. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/cli';
import { createKafkaAdmin } from '../../src/services/kafka/kafkajs-adapter';
import { KafkaServiceError, type TlsOptions } from '../../src/services/kafka/port';
import { skipReason, useBroker } from './broker';

const T = { timeout: 60_000 };

describe('TLS to a real broker', { skip: skipReason }, () => {
  const broker = useBroker();
  const pem = (f: string): string => fs.readFileSync(f, 'utf8');

  async function attempt(bootstrap: string, tls: boolean | TlsOptions): Promise<number | KafkaServiceError> {
    const port = createKafkaAdmin({ bootstrapServers: [bootstrap], timeoutMs: 8000, tls });
    try {
      return (await port.describeCluster()).brokers.length;
    } catch (e) {
      if (e instanceof KafkaServiceError) return e;
      throw e;
    } finally {
      await port.close();
    }
  }

  it('connects with the cluster CA, verifying the certificate and host name', T, async () => {
    assert.equal(await attempt(broker().sslBootstrap, { ca: pem(broker().tls.caFile) }), 1);
  });

  it('refuses a broker certificate the system CAs do not trust (verification is on by default)', T, async () => {
    for (const tls of [true, {}] as const) {
      const r = await attempt(broker().sslBootstrap, tls);
      assert.ok(r instanceof KafkaServiceError, `expected a failure with tls=${JSON.stringify(tls)}`);
      assert.equal(r.kind, 'tls');
      assert.match(r.message, /TLS handshake with Kafka at 127\.0\.0\.1:\d+ failed \(.+\)\. Check the CA certificate/);
    }
  });

  it('refuses a certificate issued for another host name', T, async () => {
    const r = await attempt(broker().sslBootstrap, { ca: pem(broker().tls.caFile), servername: 'kafka.example.com' });
    assert.ok(r instanceof KafkaServiceError);
    assert.equal(r.kind, 'tls');
    assert.match(r.message, /ERR_TLS_CERT_ALTNAME_INVALID/);
  });

  it('connects without verification only when asked to', T, async () => {
    assert.equal(await attempt(broker().sslBootstrap, { verify: false }), 1);
  });

  it('mutual TLS: a client certificate is accepted; without one the broker refuses', T, async () => {
    const t = broker().tls;
    assert.equal(await attempt(broker().mtlsBootstrap, { ca: pem(t.caFile), cert: pem(t.clientCertFile), key: pem(t.clientKeyFile) }), 1);
    const r = await attempt(broker().mtlsBootstrap, { ca: pem(t.caFile) });
    assert.ok(r instanceof KafkaServiceError, 'no client certificate must fail');
    assert.equal(r.kind, 'tls');
    assert.match(r.message, /refused the client certificate or requires one \(mutual TLS\)/);
    assert.ok(!/BEGIN/.test(r.message), 'no key material in messages');
  });

  it('kafka-k8s lag --tls-ca / --tls-cert / --tls-key', T, async () => {
    let out = '';
    let err = '';
    const io = { cwd: process.cwd(), env: {}, stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s) };
    const t = broker().tls;
    assert.equal(await runCli(['lag', '-b', broker().mtlsBootstrap, '--tls-ca', t.caFile, '--tls-cert', t.clientCertFile, '--tls-key', t.clientKeyFile, '--format', 'json'], io), 0, err);
    assert.ok(Array.isArray(JSON.parse(out).groups));
    err = '';
    assert.equal(await runCli(['lag', '-b', broker().sslBootstrap, '--tls', '--timeout', '8000'], io), 2);
    assert.match(err, /TLS handshake/);
  });
});
