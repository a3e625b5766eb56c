/** Parameters and naming shared by several templates, so that files generated one by one still match. */
import { stringify } from 'yaml';
import { checkBootstrap, checkClusterName, checkGroupId, checkLabel, checkTopicName, num, str } from './params';
import type { ParamSpec, Params } from './types';

export const P_CLUSTER: ParamSpec = { key: 'cluster', type: 'string', default: 'my-cluster', description: 'Strimzi Kafka cluster name (metadata.name of the Kafka resource)', check: checkClusterName };
export const P_NAMESPACE: ParamSpec = { key: 'namespace', type: 'string', default: 'kafka', description: 'Kubernetes namespace of the cluster and its resources', check: checkLabel };
export const P_TOPIC: ParamSpec = { key: 'topic', type: 'string', default: 'orders', description: 'Kafka topic name', check: checkTopicName };
export const P_GROUP: ParamSpec = { key: 'group', type: 'string', default: 'orders-consumer', description: 'Consumer group id', check: checkGroupId };
export const P_AUTH: ParamSpec = {
  key: 'authentication',
  type: 'enum',
  default: 'none',
  choices: ['none', 'tls', 'scram-sha-512'],
  description: 'Client authentication on the TLS listener (port 9093): none, tls (mutual TLS) or scram-sha-512; with authentication, authorization is simple (ACLs)',
};
export const P_BOOTSTRAP: ParamSpec = { key: 'bootstrap', type: 'string', default: 'localhost:9092', description: 'Bootstrap servers the client connects to by default (KAFKA_BOOTSTRAP_SERVERS overrides it at run time)', check: checkBootstrap };

export const PLAIN_PORT = 9092;
export const TLS_PORT = 9093;

/** The in-cluster bootstrap address of a Strimzi listener. */
export function bootstrapAddress(p: Params, secured: boolean): string {
  return `${str(p, 'cluster')}-kafka-bootstrap.${str(p, 'namespace')}.svc:${secured ? TLS_PORT : PLAIN_PORT}`;
}

/** A YAML scalar, quoted only where YAML needs it. */
export function y(v: string | number | boolean): string {
  return stringify(v, { lineWidth: 0 }).trimEnd();
}

/** Always a quoted YAML string (KEDA metadata values are strings). */
export function ys(v: string | number | boolean): string {
  return JSON.stringify(String(v));
}

/** A Kubernetes name derived from a topic name: lowercase, `_` → `-`, trimmed to valid edges. */
export function resourceNameForTopic(topic: string): string {
  const n = topic.toLowerCase().replace(/[^a-z0-9.-]/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return (n || 'topic').slice(0, 253);
}

export interface PartitionPlan {
  readonly partitions: number;
  readonly explanation: readonly string[];
}

/**
 * The partition calculator: P = ceil(max(T/p, T/c, C) × headroom), where T is the target throughput,
 * p the throughput one partition sustains on the produce side, c what one consumer processes and C
 * the consumers expected at peak. The guide's T/c alone ignores the producer side.
 */
export function planPartitions(input: { throughput: number; consumerThroughput: number; partitionThroughput: number; consumers: number; headroom: number }): PartitionPlan {
  const { throughput: t, consumerThroughput: c, partitionThroughput: p, consumers, headroom } = input;
  const produce = t / p;
  const consume = t / c;
  const need = Math.max(produce, consume, consumers);
  const partitions = Math.max(1, Math.ceil(need * headroom - 1e-9));
  const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, ''));
  const driver = need === consumers ? 'the expected consumers' : need === consume ? 'the consumer side' : 'the produce side';
  return {
    partitions,
    explanation: [
      `Partitions = ceil(max(T/p, T/c, C) × headroom)`,
      `  produce side  T/p = ${fmt(t)} / ${fmt(p)} MB/s = ${fmt(produce)}`,
      `  consumer side T/c = ${fmt(t)} / ${fmt(c)} MB/s = ${fmt(consume)}`,
      `  consumers     C   = ${consumers} (one partition per consumer at most)`,
      `  ceil(${fmt(need)} × ${fmt(headroom)}) = ${partitions}; ${driver} decides.`,
      `Partitions can be added later but never removed, and adding them moves keys to other partitions.`,
    ],
  };
}

export const CALC_PARAMS: readonly ParamSpec[] = [
  { key: 'throughput', type: 'number', default: 20, min: 0.001, description: 'Target throughput of the topic at peak, MB/s (T)' },
  { key: 'consumerThroughput', type: 'number', default: 2.5, min: 0.001, description: 'What one consumer instance processes, MB/s (c)' },
  { key: 'partitionThroughput', type: 'number', default: 10, min: 0.001, description: 'What one partition sustains on the produce side, MB/s (p)' },
  { key: 'consumers', type: 'integer', default: 6, min: 1, max: 10000, description: 'Consumers expected at peak, e.g. KEDA maxReplicaCount (C)' },
  { key: 'headroom', type: 'number', default: 1.5, min: 1, max: 10, description: 'Growth factor applied to the result (1.5–2 is usual)' },
];

export function planFromParams(p: Params): PartitionPlan {
  return planPartitions({ throughput: num(p, 'throughput'), consumerThroughput: num(p, 'consumerThroughput'), partitionThroughput: num(p, 'partitionThroughput'), consumers: num(p, 'consumers'), headroom: num(p, 'headroom') });
}

/** Joins lines into file content ending with one newline. */
export function lines(...ls: (string | false | undefined | readonly string[])[]): string {
  const out: string[] = [];
  for (const l of ls) {
    if (l === false || l === undefined) continue;
    if (typeof l === 'string') out.push(l);
    else out.push(...l);
  }
  return `${out.join('\n')}\n`;
}

/** Indents every non-empty line. */
export function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}
