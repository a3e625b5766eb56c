/** Pure parts of the Kafka service: error classification, secret scrubbing, deadlines, assignment decoding. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeError, scrub, withDeadline } from '../../src/services/kafka/errors';
import { decodeAssignment } from '../../src/services/kafka/kafkajs-adapter';
import { KafkaServiceError } from '../../src/services/kafka/port';

function err(props: Record<string, unknown>): Error {
  return Object.assign(new Error(String(props.message ?? 'x')), props);
}

describe('describeError', () => {
  const cases: [string, unknown, string][] = [
    ['connection refused, wrapped in retries', err({ name: 'KafkaJSNumberOfRetriesExceeded', message: 'retries', originalError: err({ name: 'KafkaJSConnectionError', message: 'Connection error: connect ECONNREFUSED 127.0.0.1:1', code: 'ECONNREFUSED' }) }), 'unreachable'],
    ['connection timeout', err({ name: 'KafkaJSConnectionError', message: 'Connection timeout' }), 'unreachable'],
    ['DNS', err({ message: 'getaddrinfo ENOTFOUND kafka', code: 'ENOTFOUND' }), 'unreachable'],
    ['SASL', err({ name: 'KafkaJSSASLAuthenticationError', message: 'SASL SCRAM SHA512 authentication failed' }), 'auth-failed'],
    ['ACL', err({ name: 'KafkaJSProtocolError', type: 'TOPIC_AUTHORIZATION_FAILED', message: 'Not authorized to access topics' }), 'not-authorized'],
    ['ACL in an aggregate', err({ name: 'KafkaJSAggregateError', errors: [err({ type: 'CLUSTER_AUTHORIZATION_FAILED' })] }), 'not-authorized'],
    ['TLS', err({ message: 'self signed certificate', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), 'tls'],
    ['client certificate refused', err({ message: 'sslv3 alert bad certificate', code: 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE' }), 'tls'],
    ['Kafka error codes are numbers', err({ name: 'KafkaJSProtocolError', type: 'TOPIC_ALREADY_EXISTS', code: 36, message: 'exists' }), 'already-exists'],
    ['exists', err({ type: 'TOPIC_ALREADY_EXISTS', message: 'Topic with this name already exists' }), 'already-exists'],
    ['invalid', err({ type: 'INVALID_REPLICATION_FACTOR', message: 'Replication-factor is invalid' }), 'invalid'],
    ['request timeout', err({ name: 'KafkaJSRequestTimeoutError', message: 'Request Metadata(key: 3, version: 6) timed out' }), 'timeout'],
    ['anything else', new Error('boom'), 'unknown'],
    ['not an error', 'weird', 'unknown'],
  ];
  for (const [name, e, kind] of cases) {
    it(`${name} → ${kind}`, () => {
      const d = describeError(e, 'k:9092');
      assert.equal(d.kind, kind);
      assert.ok(d.message.length > 0);
    });
  }
  it('names the cluster and says what to check', () => {
    assert.match(describeError(cases[0][1], 'kafka.prod:9093').message, /^Cannot reach Kafka at kafka\.prod:9093 \(ECONNREFUSED\)\. Check the bootstrap address/);
  });
  it('passes KafkaServiceErrors through', () => {
    const e = new KafkaServiceError('timeout', 't');
    assert.equal(describeError(e, 'x'), e);
  });
  it('never repeats a secret', () => {
    const d = describeError(new Error('login failed for password=hunter22 and s3cr3t-token'), 'x', ['s3cr3t-token']);
    assert.ok(!d.message.includes('hunter22') && !d.message.includes('s3cr3t-token'), d.message);
  });
});

describe('scrub', () => {
  it('masks given secrets and password-like assignments', () => {
    assert.equal(scrub('user=a password: "abc" token=xyz p=hello', ['hello']), 'user=a password: "***" token=*** p=***');
  });
});

describe('withDeadline', () => {
  it('resolves with the work', async () => assert.equal(await withDeadline(async () => 5, { timeoutMs: 1000, where: 'x' }), 5));
  it('times out with a typed error and tells the caller', async () => {
    let gaveUp = '';
    await assert.rejects(
      withDeadline(() => new Promise(() => undefined), { timeoutMs: 10, where: 'k:1', onGiveUp: (r) => (gaveUp = r) }),
      (e: unknown) => e instanceof KafkaServiceError && e.kind === 'timeout' && /k:1 did not answer within 10 ms/.test(e.message),
    );
    assert.equal(gaveUp, 'timeout');
  });
  it('aborts, before and during the call', async () => {
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(withDeadline(async () => 1, { timeoutMs: 1000, where: 'x', signal: ac.signal }), (e: unknown) => (e as KafkaServiceError).kind === 'aborted');
    const ac2 = new AbortController();
    const p = withDeadline(() => new Promise(() => undefined), { timeoutMs: 10_000, where: 'x', signal: ac2.signal });
    ac2.abort();
    await assert.rejects(p, (e: unknown) => (e as KafkaServiceError).kind === 'aborted');
  });
  it('a late failure after the deadline is not an unhandled rejection', async () => {
    await assert.rejects(withDeadline(() => new Promise((_, rej) => setTimeout(() => rej(new Error('late')), 20)), { timeoutMs: 5, where: 'x' }));
    await new Promise((r) => setTimeout(r, 30));
  });
});

describe('decodeAssignment', () => {
  function encode(version: number, topics: [string, number[]][]): Buffer {
    const parts: Buffer[] = [];
    const b = Buffer.alloc(6);
    b.writeInt16BE(version, 0);
    b.writeInt32BE(topics.length, 2);
    parts.push(b);
    for (const [t, ps] of topics) {
      const name = Buffer.from(t, 'utf8');
      const h = Buffer.alloc(2);
      h.writeInt16BE(name.length);
      const n = Buffer.alloc(4 + 4 * ps.length);
      n.writeInt32BE(ps.length, 0);
      ps.forEach((p, i) => n.writeInt32BE(p, 4 + 4 * i));
      parts.push(h, name, n);
    }
    parts.push(Buffer.from([0xff, 0xff, 0xff, 0xff])); // user data: null
    return Buffer.concat(parts);
  }
  it('decodes topics and sorted partitions', () => {
    assert.deepEqual(decodeAssignment(encode(0, [['orders', [2, 0]], ['ü', [1]]])), [{ topic: 'orders', partitions: [0, 2] }, { topic: 'ü', partitions: [1] }]);
  });
  it('returns [] for empty, null or truncated input instead of throwing', () => {
    assert.deepEqual(decodeAssignment(null), []);
    assert.deepEqual(decodeAssignment(Buffer.alloc(0)), []);
    assert.deepEqual(decodeAssignment(encode(1, [['t', [0, 1]]]).subarray(0, 12)), []);
  });
});
