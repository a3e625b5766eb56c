/**
 * Turns client errors into typed, user-readable KafkaServiceErrors. Messages name the cluster
 * address and what to check, never credentials.
 */
import { KafkaServiceError, type KafkaErrorKind } from './port';

interface ErrorLike {
  name?: string;
  message?: string;
  type?: string;
  /** A Node error code (string) or a Kafka protocol error code (number). */
  code?: string | number;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown[];
  retriable?: boolean;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

/** The error and everything it wraps, outermost first. */
function chain(e: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const seen = new Set<unknown>();
  const stack: unknown[] = [e];
  while (stack.length && out.length < 20) {
    const x = stack.shift();
    if (!x || typeof x !== 'object' || seen.has(x)) continue;
    seen.add(x);
    const el = x as ErrorLike;
    out.push(el);
    stack.push(el.originalError, el.cause, ...(Array.isArray(el.errors) ? el.errors : []));
  }
  return out;
}

function kindOf(errs: ErrorLike[]): { kind: KafkaErrorKind; hint?: string } {
  for (const e of errs) {
    const type = e.type ?? '';
    const name = e.name ?? '';
    if (name === 'KafkaJSSASLAuthenticationError' || /^(SASL_AUTHENTICATION_FAILED|ILLEGAL_SASL_STATE|UNSUPPORTED_SASL_MECHANISM)$/.test(type))
      return { kind: 'auth-failed' };
    if (/_AUTHORIZATION_FAILED$/.test(type)) return { kind: 'not-authorized', hint: type };
    const code = typeof e.code === 'string' ? e.code : '';
    if (code && (TLS_CODES.has(code) || code.startsWith('ERR_SSL_'))) return { kind: 'tls', hint: code };
  }
  for (const e of errs) {
    const type = e.type ?? '';
    if (type === 'TOPIC_ALREADY_EXISTS') return { kind: 'already-exists' };
    if (type === 'UNKNOWN_TOPIC_OR_PARTITION' || type === 'GROUP_ID_NOT_FOUND') return { kind: 'not-found', hint: type };
    if (/^(INVALID_|POLICY_VIOLATION|UNSUPPORTED_VERSION)/.test(type)) return { kind: 'invalid', hint: type };
  }
  for (const e of errs) {
    const name = e.name ?? '';
    const msg = e.message ?? '';
    if (name === 'KafkaJSRequestTimeoutError') return { kind: 'timeout' };
    if (
      name === 'KafkaJSConnectionError' ||
      name === 'KafkaJSBrokerNotFound' ||
      name === 'KafkaJSConnectionClosedError' ||
      /^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EAI_AGAIN|ETIMEDOUT)$/.test(typeof e.code === 'string' ? e.code : '') ||
      /Connection timeout|ECONNREFUSED|getaddrinfo/.test(msg)
    )
      return { kind: 'unreachable', ...(typeof e.code === 'string' ? { hint: e.code } : {}) };
  }
  return { kind: 'unknown' };
}

/** Removes anything that looks like a credential from a client message before it is shown or logged. */
export function scrub(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 3) out = out.split(s).join('***');
  return out.replace(/(password|secret|token)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1$2***');
}

export function describeError(e: unknown, where: string, secrets: readonly string[] = []): KafkaServiceError {
  if (e instanceof KafkaServiceError) return e;
  const errs = chain(e);
  const { kind, hint } = kindOf(errs);
  const raw = scrub(errs.map((x) => x.message).filter(Boolean).join(': ') || String(e), secrets);
  const detail = hint ? ` (${hint})` : '';
  let message: string;
  switch (kind) {
    case 'unreachable':
      message = `Cannot reach Kafka at ${where}${detail}. Check the bootstrap address, the network path and that the brokers are running.`;
      break;
    case 'auth-failed':
      message = `Authentication to Kafka at ${where} failed. Check the SASL mechanism, user name and password.`;
      break;
    case 'not-authorized':
      message = `Not authorized at ${where}${detail}: the user lacks an ACL for this operation.`;
      break;
    case 'tls':
      message = /ALERT_(BAD_CERTIFICATE|CERTIFICATE_REQUIRED|UNKNOWN_CA|CERTIFICATE_UNKNOWN|HANDSHAKE_FAILURE)/.test(hint ?? '')
        ? `TLS handshake with Kafka at ${where} failed${detail}: the broker refused the client certificate or requires one (mutual TLS). Check the client certificate and key.`
        : `TLS handshake with Kafka at ${where} failed${detail}. Check the CA certificate and the broker's host name.`;
      break;
    case 'timeout':
      message = `Kafka at ${where} did not answer in time.`;
      break;
    case 'already-exists':
      message = `Already exists: ${errs[0]?.message ?? raw}`;
      break;
    case 'not-found':
      message = `Not found${detail}: ${errs[0]?.message ?? raw}`;
      break;
    case 'invalid':
      message = `Rejected by Kafka${detail}: ${raw}`;
      break;
    default:
      message = `Kafka at ${where}: ${raw}`;
  }
  return new KafkaServiceError(kind, message, raw);
}

export function timeoutError(where: string, ms: number): KafkaServiceError {
  return new KafkaServiceError('timeout', `Kafka at ${where} did not answer within ${ms} ms. Check that the brokers are reachable from here.`);
}

export function abortedError(): KafkaServiceError {
  return new KafkaServiceError('aborted', 'The request was cancelled.');
}

/**
 * Settles with `work`, or rejects with a timeout or abort error, whichever comes first. The work
 * itself cannot be cancelled (the client has no cancellation); `onGiveUp` lets the caller reset it.
 */
export async function withDeadline<T>(
  work: () => Promise<T>,
  opts: { timeoutMs: number; signal?: AbortSignal; where: string; onGiveUp?: (reason: 'timeout' | 'aborted') => void },
): Promise<T> {
  if (opts.signal?.aborted) throw abortedError();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      opts.onGiveUp?.('timeout');
      reject(timeoutError(opts.where, opts.timeoutMs));
    }, opts.timeoutMs);
    if (opts.signal) {
      onAbort = () => {
        opts.onGiveUp?.('aborted');
        reject(abortedError());
      };
      opts.signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  const p = work();
  p.catch(() => undefined); // a late failure after a timeout must not become an unhandled rejection
  try {
    return await Promise.race([p, guard]);
  } finally {
    clearTimeout(timer);
    if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
  }
}
