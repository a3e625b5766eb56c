/** Parameter validation shared by the templates, the CLI (`--set key=value`) and the wizards. */
import { closeMatches, quoteList } from '../suggest';
import { ScaffoldError, type ParamSpec, type ParamValue, type Params, type Template } from './types';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** A Kubernetes object name usable as a Strimzi cluster name and in Service names (DNS-1035-ish label, ≤ 52). */
export function checkClusterName(v: string): string | undefined {
  if (!DNS_LABEL.test(v) || /^[0-9]/.test(v)) return 'must be lowercase letters, digits and "-", start with a letter and end with a letter or digit';
  // Strimzi derives names such as <cluster>-kafka-bootstrap and <cluster>-<pool>-<n>; keep room for them.
  if (v.length > 52) return 'must be at most 52 characters (Strimzi appends suffixes such as -kafka-bootstrap)';
  return undefined;
}

/** A Kubernetes object name (DNS-1123 subdomain, ≤ 253). */
export function checkResourceName(v: string): string | undefined {
  if (!DNS_SUBDOMAIN.test(v)) return 'must be lowercase letters, digits, "-" or ".", and start and end with a letter or digit';
  if (v.length > 253) return 'must be at most 253 characters';
  return undefined;
}

/** A DNS-1123 label (namespaces, Deployment names, pool names). */
export function checkLabel(v: string): string | undefined {
  if (!DNS_LABEL.test(v)) return 'must be lowercase letters, digits and "-", and start and end with a letter or digit';
  if (v.length > 63) return 'must be at most 63 characters';
  return undefined;
}

/** A Kafka topic name (Kafka's legal characters and length). */
export function checkTopicName(v: string): string | undefined {
  if (v === '.' || v === '..') return 'cannot be "." or ".."';
  if (!/^[a-zA-Z0-9._-]+$/.test(v)) return 'may contain only letters, digits, ".", "_" and "-"';
  if (v.length > 249) return 'must be at most 249 characters';
  if (v.includes('.') && v.includes('_')) return 'should not mix "." and "_" (they collide in metric names)';
  return undefined;
}

/** A consumer group id or client id: printable, no whitespace. */
export function checkGroupId(v: string): string | undefined {
  if (!/^[a-zA-Z0-9._-]+$/.test(v)) return 'may contain only letters, digits, ".", "_" and "-"';
  if (v.length > 249) return 'must be at most 249 characters';
  return undefined;
}

/** A Java package name such as com.example.orders. */
export function checkJavaPackage(v: string): string | undefined {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/.test(v)) return 'must be a lowercase Java package name such as com.example.orders';
  const reserved = new Set(['abstract', 'class', 'default', 'enum', 'final', 'import', 'int', 'new', 'package', 'public', 'static', 'switch', 'this', 'void']);
  const bad = v.split('.').find((s) => reserved.has(s));
  return bad ? `"${bad}" is a Java keyword` : undefined;
}

/** A Go module path such as example.com/orders. */
export function checkGoModule(v: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9._~-]*(\/[a-zA-Z0-9._~-]+)*$/.test(v)) return 'must be a Go module path such as example.com/orders';
  return undefined;
}

/** host:port[,host:port…] */
export function checkBootstrap(v: string): string | undefined {
  const parts = v.split(',');
  for (const p of parts) {
    const m = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(p.trim());
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) return `"${p.trim()}" is not host:port`;
  }
  return undefined;
}

/** A Kubernetes quantity for storage such as 100Gi. */
export function checkQuantity(v: string): string | undefined {
  return /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/.test(v) ? undefined : 'must be a Kubernetes quantity such as 100Gi';
}

/** A container image reference. */
export function checkImage(v: string): string | undefined {
  return /^[a-z0-9]([a-z0-9._\-/:@]*[a-zA-Z0-9_.-])?$/.test(v) && !/\s/.test(v) ? undefined : 'must be an image reference such as registry.example.com/orders-consumer:1.0.0';
}

/** Parses and validates one value given as text (CLI, InputBox) or typed (tests, wizards). */
export function parseParam(spec: ParamSpec, raw: ParamValue): ParamValue {
  const text = String(raw).trim();
  switch (spec.type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      if (/^(true|yes|on|1)$/i.test(text)) return true;
      if (/^(false|no|off|0)$/i.test(text)) return false;
      throw new ScaffoldError(`${spec.key}: expected true or false, got '${text}'`);
    }
    case 'integer':
    case 'number': {
      const n = typeof raw === 'number' ? raw : text === '' ? NaN : Number(text);
      if (!Number.isFinite(n)) throw new ScaffoldError(`${spec.key}: expected a number, got '${text}'`);
      if (spec.type === 'integer' && !Number.isInteger(n)) throw new ScaffoldError(`${spec.key}: expected a whole number, got '${text}'`);
      if (spec.min !== undefined && n < spec.min) throw new ScaffoldError(`${spec.key}: must be at least ${spec.min}, got ${n}`);
      if (spec.max !== undefined && n > spec.max) throw new ScaffoldError(`${spec.key}: must be at most ${spec.max}, got ${n}`);
      return n;
    }
    case 'enum': {
      const choices = spec.choices ?? [];
      if (choices.includes(text)) return text;
      const close = closeMatches(text, choices);
      throw new ScaffoldError(`${spec.key}: '${text}' is not one of ${choices.join(', ')}${close.length ? `; did you mean ${quoteList(close)}?` : ''}`);
    }
    case 'string': {
      if (text === '') throw new ScaffoldError(`${spec.key}: must not be empty`);
      const problem = spec.check?.(text);
      if (problem) throw new ScaffoldError(`${spec.key}: '${text}' ${problem}`);
      return text;
    }
  }
}

/** Message for a value, or undefined when valid (for InputBox validation). */
export function validateParam(spec: ParamSpec, raw: ParamValue): string | undefined {
  try {
    parseParam(spec, raw);
    return undefined;
  } catch (e) {
    return e instanceof ScaffoldError ? e.message : String(e);
  }
}

/** Fills defaults, validates every value, rejects unknown keys with a did-you-mean. */
export function resolveParams(template: Template, given: Readonly<Record<string, ParamValue>>): Params {
  const byKey = new Map(template.params.map((p) => [p.key, p]));
  const errors: string[] = [];
  for (const key of Object.keys(given)) {
    if (byKey.has(key)) continue;
    const close = closeMatches(key, byKey.keys());
    errors.push(`unknown parameter '${key}' for template '${template.id}'${close.length ? `; did you mean ${quoteList(close)}?` : ''} (parameters: ${[...byKey.keys()].join(', ')})`);
  }
  const out: Record<string, ParamValue> = {};
  for (const spec of template.params) {
    try {
      out[spec.key] = parseParam(spec, given[spec.key] ?? spec.default);
    } catch (e) {
      if (!(e instanceof ScaffoldError)) throw e;
      errors.push(e.message);
    }
  }
  if (!errors.length && template.crossCheck) errors.push(...template.crossCheck(out));
  if (errors.length) throw new ScaffoldError(errors.join('\n'));
  return out;
}

export const str = (p: Params, k: string): string => String(p[k]);
export const num = (p: Params, k: string): number => Number(p[k]);
export const bool = (p: Params, k: string): boolean => p[k] === true;
