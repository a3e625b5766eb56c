import type { Range, ResourceIdentity } from './model';
import type { YamlDocument, YamlPath } from './parse/yaml';

/** What a rule targets: a kind of Kubernetes resource, or a role of Kafka configuration. */
export type ResourceTarget =
  | 'strimzi-kafka'
  | 'strimzi-nodepool'
  | 'strimzi-topic'
  | 'strimzi-user'
  | 'strimzi-connect'
  | 'strimzi-connector'
  | 'strimzi-mirrormaker2'
  | 'strimzi-mirrormaker'
  | 'strimzi-bridge'
  | 'strimzi-rebalance'
  | 'strimzi-podset'
  | 'keda-scaledobject'
  | 'keda-scaledjob'
  | 'keda-triggerauthentication'
  | 'keda-clustertriggerauthentication'
  | 'k8s-workload'
  | 'k8s-configmap'
  | 'k8s-secret'
  | 'k8s-service'
  | 'prometheus-rule'
  | 'prometheus-podmonitor'
  | 'prometheus-servicemonitor';

export const STRIMZI_GROUP = 'kafka.strimzi.io';
export const KEDA_GROUP = 'keda.sh';

const TARGETS: Record<string, Record<string, ResourceTarget>> = {
  [STRIMZI_GROUP]: {
    Kafka: 'strimzi-kafka',
    KafkaNodePool: 'strimzi-nodepool',
    KafkaTopic: 'strimzi-topic',
    KafkaUser: 'strimzi-user',
    KafkaConnect: 'strimzi-connect',
    KafkaConnector: 'strimzi-connector',
    KafkaMirrorMaker2: 'strimzi-mirrormaker2',
    KafkaMirrorMaker: 'strimzi-mirrormaker',
    KafkaBridge: 'strimzi-bridge',
    KafkaRebalance: 'strimzi-rebalance',
  },
  'core.strimzi.io': { StrimziPodSet: 'strimzi-podset' },
  [KEDA_GROUP]: {
    ScaledObject: 'keda-scaledobject',
    ScaledJob: 'keda-scaledjob',
    TriggerAuthentication: 'keda-triggerauthentication',
    ClusterTriggerAuthentication: 'keda-clustertriggerauthentication',
  },
  apps: { Deployment: 'k8s-workload', StatefulSet: 'k8s-workload', DaemonSet: 'k8s-workload', ReplicaSet: 'k8s-workload' },
  batch: { Job: 'k8s-workload', CronJob: 'k8s-workload' },
  '': { ConfigMap: 'k8s-configmap', Secret: 'k8s-secret', Service: 'k8s-service', Pod: 'k8s-workload' },
  'monitoring.coreos.com': {
    PrometheusRule: 'prometheus-rule',
    PodMonitor: 'prometheus-podmonitor',
    ServiceMonitor: 'prometheus-servicemonitor',
  },
};

/** A Kubernetes resource: one YAML document with `apiVersion` and `kind`. */
export class Resource {
  readonly group: string;
  readonly version: string;
  readonly target: ResourceTarget | undefined;
  private labelCache: Record<string, string> | undefined;
  private annotationCache: Record<string, string> | undefined;

  constructor(
    readonly doc: YamlDocument,
    readonly file: string,
    readonly apiVersion: string,
    readonly kind: string,
  ) {
    const slash = apiVersion.indexOf('/');
    this.group = slash === -1 ? '' : apiVersion.slice(0, slash);
    this.version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
    this.target = TARGETS[this.group]?.[kind];
  }

  get name(): string | undefined {
    const n = this.doc.get(['metadata', 'name']);
    return typeof n === 'string' || typeof n === 'number' ? String(n) : undefined;
  }

  get namespace(): string | undefined {
    const n = this.doc.get(['metadata', 'namespace']);
    return typeof n === 'string' ? n : undefined;
  }

  get identity(): ResourceIdentity {
    return { apiVersion: this.apiVersion, kind: this.kind, name: this.name, namespace: this.namespace };
  }

  /** `Kafka/my-cluster` — how messages name a resource. */
  get displayName(): string {
    return `${this.kind}/${this.name ?? '<unnamed>'}`;
  }

  /** Labels as strings (computed once; a Resource is immutable like the parse it wraps). */
  get labels(): Readonly<Record<string, string>> {
    return (this.labelCache ??= stringMap(this.doc.get(['metadata', 'labels'])));
  }

  get annotations(): Readonly<Record<string, string>> {
    return (this.annotationCache ??= stringMap(this.doc.get(['metadata', 'annotations'])));
  }

  /** The Strimzi cluster this resource belongs to (`strimzi.io/cluster` label). */
  get clusterLabel(): string | undefined {
    return this.labels['strimzi.io/cluster'];
  }

  get spec(): Record<string, unknown> {
    const s = this.doc.get(['spec']);
    return s && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, unknown>) : {};
  }

  get(path: YamlPath): unknown {
    return this.doc.get(path);
  }

  has(path: YamlPath): boolean {
    return this.doc.get(path) !== undefined;
  }

  rangeOf(path: YamlPath, prefer: 'key' | 'value' = 'key'): Range {
    return this.doc.rangeOf(path, prefer);
  }

  keyRange(path: YamlPath): Range | undefined {
    return this.doc.keyRange(path);
  }

  valueRange(path: YamlPath): Range | undefined {
    return this.doc.valueRange(path);
  }

  /** Whether `ns` equals this resource's namespace, treating "unset" as matching anything. */
  sameNamespace(other: Resource): boolean {
    return this.namespace === undefined || other.namespace === undefined || this.namespace === other.namespace;
  }
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== null && x !== undefined) out[k] = String(x);
  }
  return out;
}

/** Reads a YAML document as a Kubernetes resource, if it has string `apiVersion` and `kind`. */
export function asResource(doc: YamlDocument, file: string): Resource | undefined {
  const v = doc.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const { apiVersion, kind } = v as Record<string, unknown>;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !apiVersion || !kind) return undefined;
  return new Resource(doc, file, apiVersion, kind);
}
