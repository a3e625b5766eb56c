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
  /** Derived lookups (pools per cluster, topics by name, …), valid for one generation. */
  private derived: Derived | undefined;
  /** Link key → paths of the files that use it (see `links`), maintained incrementally. */
  private readonly users = new Map<string, Set<string>>();
  /** Link key → paths of the files that provide it. */
  private readonly providers = new Map<string, Set<string>>();
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
    const prev = this.files.get(file.path);
    if (prev) this.unlink(prev);
    this.files.set(file.path, file);
    this.link(file);
    this.changed();
  }

  delete(path: string): boolean {
    const prev = this.files.get(path);
    if (!prev) return false;
    this.unlink(prev);
    this.files.delete(path);
    this.changed();
    return true;
  }

  /**
   * Updates a file and returns it with its dependents before and after the change (a renamed topic
   * affects the scalers of the old name and of the new one).
   */
  updateWithDependents(path: string, text: string): { file: SourceFile; dependents: string[] } {
    const before = this.files.has(path) ? this.dependents(path) : [];
    const file = this.update(path, text);
    const after = this.dependents(path);
    return { file, dependents: [...new Set([...before, ...after])] };
  }

  /**
   * The other files whose findings can change when `path` changes: the files that use something
   * it provides (a KafkaTopic's name, a cluster's name, a workload, a consumer group, …).
   */
  dependents(path: string): string[] {
    const f = this.files.get(path);
    if (!f) return [];
    const out = new Set<string>();
    for (const key of links(f).provides) {
      const u = this.users.get(key);
      if (u) for (const p of u) if (p !== path) out.add(p);
    }
    return [...out];
  }

  /** The files that provide a link key (`cluster:<name>`, `topic:<name>`, …); for tests and tools. */
  providersOf(key: string): string[] {
    return [...(this.providers.get(key) ?? [])];
  }

  private link(f: SourceFile): void {
    const l = links(f);
    for (const k of l.uses) addTo(this.users, k, f.path);
    for (const k of l.provides) addTo(this.providers, k, f.path);
  }

  private unlink(f: SourceFile): void {
    const l = links(f);
    for (const k of l.uses) removeFrom(this.users, k, f.path);
    for (const k of l.provides) removeFrom(this.providers, k, f.path);
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
    this.derived = undefined;
  }

  private lookups(): Derived {
    if (this.derived) return this.derived;
    const poolsByCluster = new Map<string, Resource[]>();
    for (const p of this.resources('strimzi-nodepool')) {
      const c = p.clusterLabel;
      if (c !== undefined) addList(poolsByCluster, c, p);
    }
    const topicsByCluster = new Map<string, Resource[]>();
    const topicsByName = new Map<string, Resource[]>();
    for (const t of this.resources('strimzi-topic')) {
      const c = t.clusterLabel;
      if (c !== undefined) addList(topicsByCluster, c, t);
      const n = topicName(t);
      if (n !== undefined) addList(topicsByName, n, t);
    }
    const kafkaByName = new Map<string, Resource[]>();
    for (const k of this.resources('strimzi-kafka')) if (k.name !== undefined) addList(kafkaByName, k.name, k);
    return (this.derived = { poolsByCluster, topicsByCluster, topicsByName, kafkaByName, nodeCounts: new Map() });
  }

  /** Every Kafka CR named `name` (any namespace). */
  kafkasNamed(name: string): readonly Resource[] {
    return this.lookups().kafkaByName.get(name) ?? [];
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
    return this.kafkasNamed(name).find((k) => namespace === undefined || k.namespace === undefined || k.namespace === namespace);
  }

  /** The Kafka CR a resource belongs to through its `strimzi.io/cluster` label. */
  clusterOf(r: Resource): Resource | undefined {
    const c = r.clusterLabel;
    return c === undefined ? undefined : this.findKafka(c, r.namespace);
  }

  /** KafkaNodePools labelled for a Kafka cluster. */
  nodePools(kafka: Resource): Resource[] {
    if (kafka.name === undefined) return [];
    return (this.lookups().poolsByCluster.get(kafka.name) ?? []).filter((p) => p.sameNamespace(kafka));
  }

  /** KafkaTopics labelled for a Kafka cluster. */
  topics(kafka: Resource): Resource[] {
    if (kafka.name === undefined) return [];
    return (this.lookups().topicsByCluster.get(kafka.name) ?? []).filter((t) => t.sameNamespace(kafka));
  }

  /** KafkaTopics whose effective topic name (`spec.topicName ?? metadata.name`) is `topic`. */
  topicsNamed(topic: string): Resource[] {
    return [...(this.lookups().topicsByName.get(topic) ?? [])];
  }

  /** Σ replicas of a cluster's node pools with `role`, cached per index version. */
  countNodes(kafka: Resource, role: 'broker' | 'controller'): number | undefined {
    const cache = this.lookups().nodeCounts;
    const c = cache.get(kafka);
    if (c && role in c) return c[role];
    const pools = this.nodePools(kafka);
    let n: number | undefined;
    if (pools.length > 0) {
      n = 0;
      for (const p of pools) {
        const roles = p.get(['spec', 'roles']);
        const reps = p.get(['spec', 'replicas']);
        if (Array.isArray(roles) && roles.includes(role) && typeof reps === 'number') n += reps;
      }
    }
    cache.set(kafka, { ...c, [role]: n });
    return n;
  }
}

/** A KafkaTopic's effective topic name. */
export function topicName(t: Resource): string | undefined {
  const n = t.get(['spec', 'topicName']);
  return typeof n === 'string' && n ? n : t.name;
}

/** Σ replicas of a cluster's node pools that have `role`. */
export function countNodes(index: WorkspaceIndex, kafka: Resource, role: 'broker' | 'controller'): number | undefined {
  return index.countNodes(kafka, role);
}

interface Derived {
  readonly poolsByCluster: Map<string, Resource[]>;
  readonly topicsByCluster: Map<string, Resource[]>;
  readonly topicsByName: Map<string, Resource[]>;
  readonly kafkaByName: Map<string, Resource[]>;
  readonly nodeCounts: Map<Resource, { broker?: number; controller?: number }>;
}

function addList<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function addTo(m: Map<string, Set<string>>, k: string, v: string): void {
  const s = m.get(k);
  if (s) s.add(v);
  else m.set(k, new Set([v]));
}

function removeFrom(m: Map<string, Set<string>>, k: string, v: string): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(v);
  if (s.size === 0) m.delete(k);
}

/**
 * What a file offers to other files' rules (`provides`) and what its own rules read from other
 * files (`uses`), as keys: `cluster:<name>`, `topic:<name>`, `group:<id>`, `workload:<Kind>/<name>`,
 * `pools:<cluster>`, `topics:<cluster>`, `users:<cluster>`, `auth:<name>`, `kafka-any`, `topic-any`, `workload-any`,
 * `prometheus-rule`, `scaledobject`. File B depends on file A when B
 * uses a key A provides. Over-approximates (namespaces are ignored): a dependent too many costs a
 * re-lint, one too few a stale finding.
 */
export interface FileLinks {
  readonly provides: ReadonlySet<string>;
  readonly uses: ReadonlySet<string>;
}

const LINKS = new WeakMap<SourceFile, FileLinks>();

const BOOTSTRAP_HOST = /(?:^|[\s,/])([a-z0-9]([-a-z0-9]*[a-z0-9])?)-kafka(?:-[a-z0-9]+)?-bootstrap\b/g;
const GROUP_ENV = /(^|_)(GROUP_ID|CONSUMER_GROUP|GROUP)$/;

/** The link keys of a file, computed once per parsed file. */
export function links(f: SourceFile): FileLinks {
  const cached = LINKS.get(f);
  if (cached) return cached;
  const provides = new Set<string>();
  const uses = new Set<string>();
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
  const bootstrapClusters = (v: unknown) => {
    const s = str(v);
    if (!s) return;
    for (const m of s.matchAll(BOOTSTRAP_HOST)) uses.add(`cluster:${m[1]}`);
  };
  for (const r of f.resources) {
    const name = r.name;
    const c = r.clusterLabel;
    switch (r.target) {
      case 'strimzi-kafka':
        if (name !== undefined) {
          provides.add(`cluster:${name}`);
          for (const k of ['pools', 'topics', 'users']) uses.add(`${k}:${name}`);
        }
        provides.add('kafka-any');
        uses.add('workload-any'); // a standalone Topic/User Operator
        break;
      case 'strimzi-nodepool':
        if (c !== undefined) {
          provides.add(`pools:${c}`);
          uses.add(`cluster:${c}`);
          uses.add(`pools:${c}`);
        }
        break;
      case 'strimzi-topic': {
        provides.add('topic-any');
        if (c !== undefined) {
          provides.add(`topics:${c}`);
          uses.add(`cluster:${c}`);
          uses.add(`pools:${c}`);
        }
        const tn = str(r.get(['spec', 'topicName'])) || name;
        if (tn !== undefined) {
          provides.add(`topic:${tn}`);
          uses.add(`topic:${tn}`);
        }
        break;
      }
      case 'strimzi-user':
      case 'strimzi-rebalance':
        if (c !== undefined) {
          provides.add(`users:${c}`);
          uses.add(`cluster:${c}`);
        }
        break;
      case 'strimzi-connect':
      case 'strimzi-mirrormaker2':
        bootstrapClusters(r.get(['spec', 'bootstrapServers']));
        for (const cl of asArray(r.get(['spec', 'clusters']))) bootstrapClusters(obj(cl).bootstrapServers);
        if (r.target === 'strimzi-mirrormaker2') {
          bootstrapClusters(obj(r.get(['spec', 'target'])).bootstrapServers);
          for (const m of asArray(r.get(['spec', 'mirrors']))) bootstrapClusters(obj(obj(m).source).bootstrapServers);
        }
        break;
      case 'keda-scaledobject':
      case 'keda-scaledjob': {
        provides.add('scaledobject');
        const ref = obj(r.get(['spec', r.target === 'keda-scaledjob' ? 'jobTargetRef' : 'scaleTargetRef']));
        if (r.target === 'keda-scaledobject') {
          const w = `workload:${str(ref.kind) ?? 'Deployment'}/${str(ref.name) ?? ''}`;
          provides.add(w);
          uses.add(w);
        }
        for (const t of asArray(r.get(['spec', 'triggers']))) {
          const tr = obj(t);
          if (tr.type !== 'kafka' && tr.type !== 'apache-kafka') continue;
          const md = obj(tr.metadata);
          for (const tn of (str(md.topic) ?? '').split(',')) {
            if (!tn.trim()) continue;
            provides.add(`topic:${tn.trim()}`);
            uses.add(`topic:${tn.trim()}`);
          }
          const g = str(md.consumerGroup);
          if (g) {
            provides.add(`group:${g}`);
            uses.add(`group:${g}`);
          }
          bootstrapClusters(md.bootstrapServers);
          const auth = str(obj(tr.authenticationRef).name);
          if (auth) uses.add(`auth:${auth}`);
        }
        break;
      }
      case 'keda-triggerauthentication':
      case 'keda-clustertriggerauthentication':
        if (name !== undefined) provides.add(`auth:${name}`);
        break;
      case 'k8s-workload': {
        const w = `workload:${r.kind}/${name ?? ''}`;
        provides.add(w);
        uses.add(w);
        provides.add('workload-any');
        for (const ctr of podContainers(r)) {
          for (const e of asArray(obj(ctr).env)) {
            const n = str(obj(e).name);
            const v = str(obj(e).value);
            if (!n || v === undefined) continue;
            if (/BOOTSTRAP/i.test(n)) bootstrapClusters(v);
            if (GROUP_ENV.test(n.toUpperCase())) provides.add(`group:${v}`);
          }
        }
        break;
      }
      case 'prometheus-rule':
        provides.add('prometheus-rule');
        uses.add('kafka-any');
        uses.add('scaledobject');
        break;
      default:
        break;
    }
  }
  // kafkajs-auto-topic-creation reads whether the workspace has KafkaTopics and whether its Kafkas create topics.
  if (f.kind === 'client-code' && /\.[cm]?[jt]s$/i.test(f.path)) {
    uses.add('topic-any');
    uses.add('kafka-any');
  }
  for (const set of f.configSets) {
    if (set.resource) continue; // Strimzi config maps: covered by their resource
    const b = set.get('bootstrap.servers');
    if (b) bootstrapClusters(b.value);
    const g = set.get('group.id');
    if (g) provides.add(`group:${g.value}`);
  }
  const l = { provides, uses };
  LINKS.set(f, l);
  return l;
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The containers of a workload's pod template (Deployment, StatefulSet, Job, CronJob, Pod, …). */
export function podContainers(r: Resource): unknown[] {
  const pod = podSpecPath(r);
  return asArray(r.get([...pod, 'containers']));
}

/** The path of a workload's pod spec. */
export function podSpecPath(r: Resource): string[] {
  if (r.kind === 'Pod') return ['spec'];
  if (r.kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return ['spec', 'template', 'spec'];
}
