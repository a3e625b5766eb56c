/** Defaults for the wizards from the manifests of a workspace: its clusters, topics and users. */
import type { Resource } from '../resource';
import type { WorkspaceIndex } from '../workspace';

export interface ClusterChoice {
  readonly name: string;
  readonly namespace?: string;
  /** Authentication of the cluster's TLS listener on port 9093 or the first authenticated listener; 'none' without one. */
  readonly authentication: string;
  readonly file: string;
}

export interface TopicChoice {
  readonly topic: string;
  readonly cluster?: string;
  readonly namespace?: string;
  readonly partitions?: number;
  readonly file: string;
}

export interface UserChoice {
  readonly name: string;
  readonly cluster?: string;
  readonly authentication?: string;
  readonly file: string;
}

export interface WorkspaceChoices {
  readonly clusters: readonly ClusterChoice[];
  readonly topics: readonly TopicChoice[];
  readonly users: readonly UserChoice[];
}

function authOf(kafka: Resource): string {
  const listeners = kafka.get(['spec', 'kafka', 'listeners']);
  if (!Array.isArray(listeners)) return 'none';
  for (const l of listeners) {
    const type = l && typeof l === 'object' ? (l as { authentication?: { type?: unknown } }).authentication?.type : undefined;
    if (type === 'tls' || type === 'scram-sha-512') return type;
  }
  return 'none';
}

const byName = <T>(key: (t: T) => string) => (a: T, b: T): number => key(a).localeCompare(key(b));

export function workspaceChoices(index: WorkspaceIndex): WorkspaceChoices {
  const clusters = index
    .resources('strimzi-kafka')
    .filter((r) => r.name)
    .map((r) => ({ name: r.name!, namespace: r.namespace, authentication: authOf(r), file: r.file }))
    .sort(byName((c) => c.name));
  const topics = index
    .resources('strimzi-topic')
    .map((r) => {
      const topicName = r.get(['spec', 'topicName']);
      const partitions = r.get(['spec', 'partitions']);
      return {
        topic: typeof topicName === 'string' ? topicName : (r.name ?? ''),
        cluster: r.clusterLabel,
        namespace: r.namespace,
        partitions: typeof partitions === 'number' && Number.isInteger(partitions) && partitions > 0 ? partitions : undefined,
        file: r.file,
      };
    })
    .filter((t) => t.topic)
    .sort(byName((t) => t.topic));
  const users = index
    .resources('strimzi-user')
    .filter((r) => r.name)
    .map((r) => {
      const a = r.get(['spec', 'authentication', 'type']);
      return { name: r.name!, cluster: r.clusterLabel, authentication: typeof a === 'string' ? a : undefined, file: r.file };
    })
    .sort(byName((u) => u.name));
  return { clusters, topics, users };
}
