/**
 * KEDA Kafka triggers of a ScaledObject/ScaledJob, read the way the KEDA scalers read them.
 *
 * Trigger `metadata` is a `map<string,string>`: KEDA trims each value, treats an empty value as
 * not set, parses booleans with Go's `strconv.ParseBool` and integers with `strconv.ParseInt`.
 * `<name>FromEnv` keys name an environment variable of the scale target's container instead.
 */
import { kedaTriggerParameters, type KedaScalerParameter } from '../../data/index';
import type { ConfigSet } from '../../kafka-config';
import type { Range, TextEdit } from '../../model';
import type { YamlPath } from '../../parse/yaml';
import type { Resource } from '../../resource';
import { editDistance } from '../../suggest';
import type { WorkspaceIndex } from '../../workspace';

export type KafkaTriggerType = 'kafka' | 'apache-kafka';

export const KAFKA_TRIGGER_TYPES: readonly KafkaTriggerType[] = ['kafka', 'apache-kafka'];

/** One `metadata` entry with its source ranges. */
export interface MetadataEntry {
  readonly key: string;
  /** The value as KEDA sees it: the scalar as text, trimmed. */
  readonly value: string;
  /** The YAML value as parsed (a number or boolean when the user forgot the quotes). */
  readonly raw: unknown;
  readonly keyRange: Range;
  readonly valueRange: Range;
  readonly path: YamlPath;
  /** True for a scalar value (string, number, boolean); false for null, maps and lists. */
  readonly scalar: boolean;
  /** True when the value is (partly) Helm template syntax and cannot be judged. */
  readonly templated: boolean;
}

/** A `kafka` or `apache-kafka` trigger of a ScaledObject or ScaledJob. */
export class KafkaTrigger {
  private readonly byKey = new Map<string, MetadataEntry>();

  constructor(
    readonly resource: Resource,
    readonly index: number,
    readonly type: KafkaTriggerType,
    readonly entries: readonly MetadataEntry[],
  ) {
    for (const e of entries) this.byKey.set(e.key, e);
  }

  /** `['spec', 'triggers', i]`. */
  get path(): YamlPath {
    return ['spec', 'triggers', this.index];
  }

  get metadataPath(): YamlPath {
    return [...this.path, 'metadata'];
  }

  /** Whether the trigger has a `metadata` map at all. */
  get hasMetadata(): boolean {
    const m = this.resource.get(this.metadataPath);
    return !!m && typeof m === 'object' && !Array.isArray(m);
  }

  /** Where findings about the trigger as a whole go: its `metadata:` key, else its `type:` value. */
  get anchor(): Range {
    return this.resource.keyRange(this.metadataPath) ?? this.resource.valueRange([...this.path, 'type']) ?? this.resource.rangeOf(this.path);
  }

  /** The trigger's `name:`, or `triggers[i]`, for messages. */
  get label(): string {
    const n = this.resource.get([...this.path, 'name']);
    return typeof n === 'string' && n ? `trigger '${n}'` : `triggers[${this.index}]`;
  }

  /** The entry for a key, whatever its value. */
  entry(key: string): MetadataEntry | undefined {
    return this.byKey.get(key);
  }

  /** The entry for a key when it is set: a scalar whose trimmed value is not empty. */
  get(key: string): MetadataEntry | undefined {
    const e = this.byKey.get(key);
    return e && e.scalar && e.value !== '' ? e : undefined;
  }

  /** The trimmed value of a key when set. */
  value(key: string): string | undefined {
    return this.get(key)?.value;
  }

  /** Whether a parameter is given directly or through `<key>FromEnv`. */
  isSet(key: string): boolean {
    return this.get(key) !== undefined || this.get(`${key}FromEnv`) !== undefined;
  }

  /**
   * A boolean parameter: its parsed value, the default when unset, or `undefined` when the
   * value does not parse (or is templated) — callers then stay silent.
   */
  bool(key: string, dflt = false): boolean | undefined {
    const e = this.get(key);
    if (!e) return dflt;
    if (e.templated) return undefined;
    return parseGoBool(e.value);
  }

  /** An integer parameter (Go ParseInt, 64-bit), the default when unset, `undefined` when invalid. */
  int(key: string, dflt?: number): number | undefined {
    const e = this.get(key);
    if (!e) return dflt;
    if (e.templated) return undefined;
    const n = parseGoInt(e.value);
    return n === undefined ? undefined : Number(n);
  }

  /** Whether the trigger has an `authenticationRef` with a name. */
  get hasAuthenticationRef(): boolean {
    const a = this.resource.get([...this.path, 'authenticationRef']);
    return !!a && typeof a === 'object' && typeof (a as Record<string, unknown>).name === 'string';
  }

  /** The topics the trigger names (`apache-kafka` allows a comma-separated list). */
  get topics(): string[] {
    const t = this.get('topic');
    if (!t || t.templated) return [];
    return this.type === 'apache-kafka'
      ? t.value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [t.value];
  }

  /** An edit that replaces a metadata value (always written as a quoted string). */
  setEdit(key: string, value: string): TextEdit | undefined {
    return this.resource.doc.setValueEdit([...this.metadataPath, key], JSON.stringify(value));
  }

  /** An edit that removes a metadata key. */
  removeEdit(key: string): TextEdit | undefined {
    return this.resource.doc.removeKeyEdit([...this.metadataPath, key]);
  }

  /** An edit that adds `key: "value"` to the metadata map. */
  insertEdit(key: string, value: string): TextEdit | undefined {
    return this.resource.doc.insertKeyEdit(this.metadataPath, key, JSON.stringify(value));
  }
}

/** The Kafka triggers of a ScaledObject/ScaledJob, in order. */
export function kafkaTriggers(resource: Resource): KafkaTrigger[] {
  const triggers = resource.get(['spec', 'triggers']);
  if (!Array.isArray(triggers)) return [];
  const out: KafkaTrigger[] = [];
  const file = resource.doc.file;
  triggers.forEach((t, i) => {
    if (!t || typeof t !== 'object') return;
    const type = (t as Record<string, unknown>).type;
    if (type !== 'kafka' && type !== 'apache-kafka') return;
    const mpath: YamlPath = ['spec', 'triggers', i, 'metadata'];
    const entries: MetadataEntry[] = resource.doc.entries(mpath).map((e) => {
      const scalar = e.value !== null && e.value !== undefined && typeof e.value !== 'object';
      const value = scalar ? String(e.value).trim() : '';
      const start = file.lines.offset(e.valueRange.start);
      const end = file.lines.offset(e.valueRange.end);
      return {
        key: e.key,
        value,
        raw: e.value,
        keyRange: e.keyRange,
        valueRange: e.valueRange,
        path: [...mpath, e.key],
        scalar,
        templated: file.templated && file.isTemplated(start, end),
      };
    });
    out.push(new KafkaTrigger(resource, i, type, entries));
  });
  return out;
}

/** The catalogue's parameters of a trigger type. */
export function triggerParameters(type: KafkaTriggerType): ReadonlyMap<string, KedaScalerParameter> {
  let m = PARAMS.get(type);
  if (!m) PARAMS.set(type, (m = kedaTriggerParameters(type)));
  return m;
}

const PARAMS = new Map<KafkaTriggerType, ReadonlyMap<string, KedaScalerParameter>>();

/** Whether a parameter may be written in trigger metadata (its sources include `triggerMetadata`). */
export function inMetadata(p: KedaScalerParameter): boolean {
  return (p.sources ?? []).includes('triggerMetadata');
}

/** Whether a parameter may be given as `<name>FromEnv`. */
export function fromEnv(p: KedaScalerParameter): boolean {
  return (p.sources ?? []).some((s) => s.startsWith('resolvedEnv'));
}

/** Whether a parameter is read only from a TriggerAuthentication. */
export function authOnly(p: KedaScalerParameter): boolean {
  const s = p.sources ?? [];
  return s.length > 0 && s.every((x) => x === 'authParams');
}

/** Go `strconv.ParseBool`. */
export function parseGoBool(s: string): boolean | undefined {
  switch (s) {
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'true':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'false':
    case 'False':
      return false;
    default:
      return undefined;
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go `strconv.ParseInt(s, 10, bits)`: an optional sign and decimal digits, in range. */
export function parseGoInt(s: string, bits: 32 | 64 = 64): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  const min = bits === 64 ? INT64_MIN : -(2n ** 31n);
  const max = bits === 64 ? INT64_MAX : 2n ** 31n - 1n;
  return n < min || n > max ? undefined : n;
}

/**
 * KEDA's partition list: comma-separated int32 ids or inclusive `start-end` ranges, items trimmed.
 * Returns the first bad item, or undefined when the list parses.
 */
export function badPartitionItem(list: string): string | undefined {
  for (const raw of list.split(',')) {
    const item = raw.trim();
    if (parseGoInt(item, 32) !== undefined) continue;
    const m = /^([+-]?\d+)-([+-]?\d+)$/.exec(item);
    if (m && parseGoInt(m[1], 32) !== undefined && parseGoInt(m[2], 32) !== undefined) continue;
    return item;
  }
  return undefined;
}

/** ScaledObject numbers with KEDA's defaults; `undefined` where the value is not a number. */
export interface ReplicaSettings {
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly idle: number | undefined;
  readonly minSet: boolean;
  readonly maxSet: boolean;
  readonly idleSet: boolean;
}

export function replicaSettings(r: Resource): ReplicaSettings {
  const num = (k: string, d: number | undefined) => {
    const v = r.get(['spec', k]);
    if (v === undefined || v === null) return d;
    return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
  };
  return {
    min: num('minReplicaCount', 0),
    max: num('maxReplicaCount', 100),
    idle: num('idleReplicaCount', undefined),
    minSet: r.get(['spec', 'minReplicaCount']) != null,
    maxSet: r.get(['spec', 'maxReplicaCount']) != null,
    idleSet: r.get(['spec', 'idleReplicaCount']) != null,
  };
}

/** Whether a ScaledObject can scale its target to zero (minReplicaCount 0, or idleReplicaCount 0). */
export function canScaleToZero(s: ReplicaSettings): boolean {
  return s.min === 0 || s.idle === 0;
}


/**
 * Names close to `name`: the same ignoring case and `-`/`_`, or within an edit distance that
 * grows with the length (1 for short names, 2 from 5 characters, 3 from 12).
 */
export function closeNames(name: string, candidates: Iterable<string>): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/[-_.\s]/g, '');
  const n = norm(name);
  const exact: string[] = [];
  const near: [string, number][] = [];
  const limit = name.length >= 12 ? 3 : name.length >= 5 ? 2 : 1;
  for (const c of candidates) {
    if (norm(c) === n) exact.push(c);
    else {
      const dist = editDistance(name.toLowerCase(), c.toLowerCase());
      if (dist <= limit) near.push([c, dist]);
    }
  }
  if (exact.length) return exact;
  const best = Math.min(...near.map(([, d]) => d));
  return near.filter(([, d]) => d === best).map(([c]) => c);
}

/** `a`, `a or b`, `a, b or c` — for messages. */
export function orList(items: readonly string[], quote = "'"): string {
  const q = items.map((s) => `${quote}${s}${quote}`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/**
 * An edit that replaces a metadata value, keeping the user's quoting style where YAML would
 * still read a string (plain scalars that look like numbers or booleans get double quotes).
 */
export function valueEdit(resource: Resource, entry: MetadataEntry, value: string): TextEdit | undefined {
  const text = resource.doc.file.text;
  const start = resource.doc.file.lines.offset(entry.valueRange.start);
  const q = text[start];
  let newText: string;
  if (q === "'") newText = `'${value.replace(/'/g, "''")}'`;
  else if (q === '"' || !plainSafe(value)) newText = JSON.stringify(value);
  else newText = value;
  return resource.doc.setValueEdit(entry.path, newText);
}

/** Whether YAML reads `s` written plain as the same string. */
export function plainSafe(s: string): boolean {
  if (s === '' || s !== s.trim()) return false;
  if (/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(s)) return false;
  if (/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s) || /^0[xo]/i.test(s) || /^[-+]?\.(inf|nan)$/i.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) || /: |\s#/.test(s) || s.endsWith(':')) return false;
  return true;
}

/** The TriggerAuthentication a trigger references, with the parameters it provides. */
export interface TriggerAuth {
  readonly resource: Resource;
  /** Parameter name → where it is declared. */
  readonly params: ReadonlyMap<string, Range>;
}

/**
 * Finds the (Cluster)TriggerAuthentication named by a trigger's `authenticationRef` in the
 * workspace; undefined when there is no reference, or no single match.
 */
export function triggerAuth(trigger: KafkaTrigger, index: WorkspaceIndex): TriggerAuth | undefined {
  const ref = trigger.resource.get([...trigger.path, 'authenticationRef']) as Record<string, unknown> | undefined;
  if (!ref || typeof ref !== 'object' || typeof ref.name !== 'string') return undefined;
  const cluster = ref.kind === 'ClusterTriggerAuthentication';
  const candidates = index
    .resources(cluster ? 'keda-clustertriggerauthentication' : 'keda-triggerauthentication')
    .filter((a) => a.name === ref.name && (cluster || a.sameNamespace(trigger.resource)));
  if (candidates.length !== 1) return undefined;
  const ta = candidates[0];
  const params = new Map<string, Range>();
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.parameter === 'string') params.set(o.parameter, ta.valueRange([...path, 'parameter']) ?? ta.doc.headRange());
      for (const [k, x] of Object.entries(o)) if (x && typeof x === 'object') walk(x, [...path, k]);
    }
  };
  walk(ta.get(['spec']), ['spec']);
  return { resource: ta, params };
}

interface IndexCache {
  readonly version: number;
  /** Topic name → the Kafka triggers (of ScaledObjects and ScaledJobs) that name it. */
  readonly triggersByTopic: Map<string, KafkaTrigger[]>;
  /** Topic name → the `spec.partitions` values of the KafkaTopics with that effective name. */
  readonly partitionsByTopic: Map<string, unknown[]>;
  /** `group.id` → the consumer config sets of the workspace with that group. */
  readonly consumersByGroup: Map<string, ConfigSet[]>;
}

const INDEX_CACHE = new WeakMap<WorkspaceIndex, IndexCache>();

/** Lookups over the whole workspace, built once per index version (rules call them per resource). */
function indexCache(index: WorkspaceIndex): IndexCache {
  const c = INDEX_CACHE.get(index);
  if (c && c.version === index.version) return c;
  const triggersByTopic = new Map<string, KafkaTrigger[]>();
  for (const so of [...index.resources('keda-scaledobject'), ...index.resources('keda-scaledjob')]) {
    for (const t of kafkaTriggers(so)) {
      for (const name of t.topics) {
        const list = triggersByTopic.get(name);
        if (list) list.push(t);
        else triggersByTopic.set(name, [t]);
      }
    }
  }
  const partitionsByTopic = new Map<string, unknown[]>();
  for (const kt of index.resources('strimzi-topic')) {
    const tn = kt.get(['spec', 'topicName']);
    const name = typeof tn === 'string' && tn ? tn : kt.name;
    if (name === undefined) continue;
    const list = partitionsByTopic.get(name);
    const p = kt.get(['spec', 'partitions']);
    if (list) list.push(p);
    else partitionsByTopic.set(name, [p]);
  }
  const consumersByGroup = new Map<string, ConfigSet[]>();
  for (const set of index.configSets()) {
    if (set.role !== 'consumer') continue;
    const g = set.get('group.id');
    if (!g || g.dynamic) continue;
    const list = consumersByGroup.get(g.value);
    if (list) list.push(set);
    else consumersByGroup.set(g.value, [set]);
  }
  const fresh = { version: index.version, triggersByTopic, partitionsByTopic, consumersByGroup };
  INDEX_CACHE.set(index, fresh);
  return fresh;
}

/** The Kafka triggers in the workspace that scale on a topic. */
export function triggersOnTopic(index: WorkspaceIndex, topic: string): readonly KafkaTrigger[] {
  return indexCache(index).triggersByTopic.get(topic) ?? [];
}

/** The partition count of a topic when every KafkaTopic of that name in the workspace agrees on one. */
export function knownPartitions(index: WorkspaceIndex, topic: string): number | undefined {
  const values = indexCache(index).partitionsByTopic.get(topic);
  if (!values || values.length === 0) return undefined;
  const first = values[0];
  return typeof first === 'number' && values.every((v) => v === first) ? first : undefined;
}

/** The consumer config sets (.properties, Spring, Strimzi) of the workspace whose `group.id` is `group`. */
export function consumersOfGroup(index: WorkspaceIndex, group: string): readonly ConfigSet[] {
  return indexCache(index).consumersByGroup.get(group) ?? [];
}
