/**
 * Effective settings of a KafkaTopic (research/rules.md §0 "Derived values"): what the topic sets,
 * else what its Kafka cluster's broker config sets, else Kafka's default — but only when the
 * cluster is in the workspace. Without the cluster, an unset value is unknown, never assumed.
 */
import type { Range, RelatedLocation, TextEdit } from '../../model';
import type { YamlPath } from '../../parse/yaml';
import type { Resource } from '../../resource';
import { countNodes, type WorkspaceIndex } from '../../workspace';

export interface Derived {
  readonly value: number;
  /** `topic`: set on the KafkaTopic; `cluster`: the Kafka CR's config; `default`: Kafka's default (cluster known, key unset). */
  readonly source: 'topic' | 'cluster' | 'default';
  /** The topic's own value range (source `topic`). */
  readonly range?: Range;
  /** Where the cluster sets it (source `cluster`). */
  readonly related?: RelatedLocation;
  /** The broker config key it derives from. */
  readonly brokerKey: string;
}

export interface TopicFacts {
  readonly kafka?: Resource;
  /** Number of brokers (Σ replicas of broker node pools; legacy `spec.kafka.replicas` without pools). */
  readonly brokers?: number;
  readonly rf?: Derived;
  readonly minIsr?: Derived;
  readonly partitions?: Derived;
}

/** A whole number from a YAML number or numeric string. */
export function intOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number.parseInt(v, 10);
  return undefined;
}

function derive(topic: Resource, kafka: Resource | undefined, topicPath: YamlPath, brokerKey: string, kafkaDefault: number): Derived | undefined {
  const own = intOf(topic.get(topicPath));
  if (own !== undefined) return { value: own, source: 'topic', range: topic.valueRange(topicPath), brokerKey };
  if (topic.get(topicPath) !== undefined) return undefined; // set but not a number: the schema reports it
  if (!kafka) return undefined;
  const path = ['spec', 'kafka', 'config', brokerKey];
  const raw = kafka.get(path);
  const fromCluster = intOf(raw);
  if (fromCluster !== undefined) {
    const r = kafka.keyRange(path);
    return { value: fromCluster, source: 'cluster', brokerKey, related: r ? { file: kafka.file, range: r, message: `${brokerKey}: ${fromCluster} in ${kafka.displayName}` } : undefined };
  }
  if (raw !== undefined) return undefined;
  return { value: kafkaDefault, source: 'default', brokerKey };
}

export function topicFacts(topic: Resource, index: WorkspaceIndex): TopicFacts {
  // Several Kafka CRs of that name (e.g. a folder of examples) make the cluster ambiguous: unknown.
  const label = topic.clusterLabel;
  const named = label === undefined ? [] : index.resources('strimzi-kafka').filter((k) => k.name === label && k.sameNamespace(topic));
  const kafka = named.length === 1 ? named[0] : undefined;
  let brokers: number | undefined;
  if (kafka) {
    brokers = countNodes(index, kafka, 'broker');
    if (brokers === undefined) brokers = intOf(kafka.get(['spec', 'kafka', 'replicas']));
  }
  return {
    kafka,
    brokers,
    rf: derive(topic, kafka, ['spec', 'replicas'], 'default.replication.factor', 1),
    minIsr: derive(topic, kafka, ['spec', 'config', 'min.insync.replicas'], 'min.insync.replicas', 1),
    partitions: derive(topic, kafka, ['spec', 'partitions'], 'num.partitions', 1),
  };
}

/** "inherited from Kafka/x (default.replication.factor: 3)" or "Kafka's default (… unset in Kafka/x)". */
export function origin(d: Derived, kafka: Resource | undefined): string {
  if (d.source === 'topic') return '';
  if (d.source === 'cluster') return ` (inherited from ${kafka?.displayName ?? 'the cluster'}: ${d.brokerKey} ${d.value})`;
  return ` (Kafka's default: ${kafka?.displayName ?? 'the cluster'} does not set ${d.brokerKey})`;
}

/** Where a finding about an inherited value goes on the topic: its `spec` key, else its kind. */
export function topicAnchor(topic: Resource): Range {
  return topic.keyRange(['spec']) ?? topic.doc.headRange();
}

/** An edit that sets a number at a path, keeping the quotes when the value was a quoted string. */
export function setNumberEdit(r: Resource, path: YamlPath, n: number): TextEdit | undefined {
  const raw = r.get(path);
  const vr = r.valueRange(path);
  let text = String(n);
  if (typeof raw === 'string' && vr) {
    const q = r.doc.file.text[r.doc.file.lines.offset(vr.start)];
    text = q === "'" ? `'${n}'` : `"${n}"`;
  }
  return r.doc.setValueEdit(path, text);
}
