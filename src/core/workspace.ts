import type { ConfigSet } from './kafka-config';
import type { Resource, ResourceTarget } from './resource';
import { analyzeFile, type SourceFile } from './source';

/**
 * Every Kafka-related file of a workspace, parsed once and kept up to date incrementally.
 * Cross-file rules query it; nothing in it does I/O.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, SourceFile>();
  private byTarget: Map<ResourceTarget, Resource[]> | undefined;
  /** Bumped on every change; caches keyed by it are valid while it is unchanged. */
  private generation = 0;

  static of(files: Iterable<SourceFile>): WorkspaceIndex {
    const idx = new WorkspaceIndex();
    for (const f of files) idx.set(f);
    return idx;
  }

  get version(): number {
    return this.generation;
  }

  /** Parses text and stores it under its path; returns the analyzed file. */
  update(path: string, text: string): SourceFile {
    const prev = this.files.get(path);
    if (prev && prev.text === text) return prev;
    const f = analyzeFile(path, text);
    this.set(f);
    return f;
  }

  set(file: SourceFile): void {
    this.files.set(file.path, file);
    this.changed();
  }

  delete(path: string): boolean {
    const had = this.files.delete(path);
    if (had) this.changed();
    return had;
  }

  get(path: string): SourceFile | undefined {
    return this.files.get(path);
  }

  get size(): number {
    return this.files.size;
  }

  allFiles(): IterableIterator<SourceFile> {
    return this.files.values();
  }

  private changed(): void {
    this.generation++;
    this.byTarget = undefined;
  }

  /** All resources of a target kind, in file-insertion order. */
  resources(target: ResourceTarget): readonly Resource[] {
    if (!this.byTarget) {
      const m = new Map<ResourceTarget, Resource[]>();
      for (const f of this.files.values()) {
        for (const r of f.resources) {
          if (!r.target) continue;
          let list = m.get(r.target);
          if (!list) m.set(r.target, (list = []));
          list.push(r);
        }
      }
      this.byTarget = m;
    }
    return this.byTarget.get(target) ?? [];
  }

  *configSets(): IterableIterator<ConfigSet> {
    for (const f of this.files.values()) yield* f.configSets;
  }

  /** The Kafka CR named `name` (in `namespace` when both sides say one). */
  findKafka(name: string, namespace?: string): Resource | undefined {
    return this.resources('strimzi-kafka').find((k) => k.name === name && (namespace === undefined || k.namespace === undefined || k.namespace === namespace));
  }

  /** The Kafka CR a resource belongs to through its `strimzi.io/cluster` label. */
  clusterOf(r: Resource): Resource | undefined {
    const c = r.clusterLabel;
    return c === undefined ? undefined : this.findKafka(c, r.namespace);
  }

  /** KafkaNodePools labelled for a Kafka cluster. */
  nodePools(kafka: Resource): Resource[] {
    return this.resources('strimzi-nodepool').filter((p) => p.clusterLabel === kafka.name && p.sameNamespace(kafka));
  }

  /** KafkaTopics labelled for a Kafka cluster. */
  topics(kafka: Resource): Resource[] {
    return this.resources('strimzi-topic').filter((t) => t.clusterLabel === kafka.name && t.sameNamespace(kafka));
  }

  /** KafkaTopics whose effective topic name (`spec.topicName ?? metadata.name`) is `topic`. */
  topicsNamed(topic: string): Resource[] {
    return this.resources('strimzi-topic').filter((t) => topicName(t) === topic);
  }
}

/** A KafkaTopic's effective topic name. */
export function topicName(t: Resource): string | undefined {
  const n = t.get(['spec', 'topicName']);
  return typeof n === 'string' && n ? n : t.name;
}

/** Σ replicas of a cluster's node pools that have `role`. */
export function countNodes(index: WorkspaceIndex, kafka: Resource, role: 'broker' | 'controller'): number | undefined {
  const pools = index.nodePools(kafka);
  if (pools.length === 0) return undefined;
  let n = 0;
  for (const p of pools) {
    const roles = p.get(['spec', 'roles']);
    const reps = p.get(['spec', 'replicas']);
    if (Array.isArray(roles) && roles.includes(role) && typeof reps === 'number') n += reps;
  }
  return n;
}
