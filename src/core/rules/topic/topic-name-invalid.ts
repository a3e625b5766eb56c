import type { Fix, RelatedLocation } from '../../model';
import type { Resource } from '../../resource';
import type { WorkspaceIndex } from '../../workspace';
import { plainSafe } from '../keda/triggers';
import { defineRule, docsUrl } from '../types';

const LEGAL = /^[a-zA-Z0-9._-]+$/;
const MAX_LENGTH = 249;
/** A Kubernetes DNS-1123 subdomain (what metadata.name of a custom resource must be). */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a Kafka topic name is illegal, or undefined when Kafka accepts it. */
export function illegalTopicName(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name === '.' || name === '..') return `"${name}" is reserved`;
  if (name.length > MAX_LENGTH) return `it is ${name.length} characters long, more than the ${MAX_LENGTH} Kafka allows`;
  if (!LEGAL.test(name)) {
    const bad = [...new Set([...name].filter((c) => !/[a-zA-Z0-9._-]/.test(c)))].map((c) => (c === ' ' ? 'space' : `'${c}'`));
    return `it contains ${bad.join(', ')}; Kafka allows only ASCII letters, digits, '.', '_' and '-'`;
  }
  return undefined;
}

/** The name Kafka uses in metric names, where '.' and '_' are the same. */
function metricName(name: string): string {
  return name.replace(/\./g, '_');
}

/** A Kubernetes name for a topic name: lower case, other characters as '-'. */
function kubeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 253);
}

/** KafkaTopics by metric name, cached per index version (the collision check would be quadratic otherwise). */
const CACHE = new WeakMap<WorkspaceIndex, { version: number; map: Map<string, Resource[]> }>();
function byMetricName(index: WorkspaceIndex): Map<string, Resource[]> {
  const c = CACHE.get(index);
  if (c && c.version === index.version) return c.map;
  const map = new Map<string, Resource[]>();
  for (const t of index.resources('strimzi-topic')) {
    const e = effectiveName(t);
    if (!e) continue;
    const k = metricName(e.name);
    const list = map.get(k);
    if (list) list.push(t);
    else map.set(k, [t]);
  }
  CACHE.set(index, { version: index.version, map });
  return map;
}

function effectiveName(t: Resource): { name: string; fromSpec: boolean } | undefined {
  const tn = t.get(['spec', 'topicName']);
  if (typeof tn === 'string' && tn !== '') return { name: tn, fromSpec: true };
  const n = t.get(['metadata', 'name']);
  return typeof n === 'string' ? { name: n, fromSpec: false } : undefined;
}

export default defineRule({
  meta: {
    id: 'topic-name-invalid',
    group: 'topic',
    targets: ['strimzi-topic'],
    defaultSeverity: 'error',
    description: 'A KafkaTopic\'s topic name is not legal in Kafka or Kubernetes, or collides in metric names',
    why: 'Kafka accepts topic names of at most 249 ASCII letters, digits, `.`, `_` and `-` (not `.` or `..`), so the Topic Operator cannot create any other name. A KafkaTopic\'s `metadata.name` must also be a valid Kubernetes name (lower case, digits, `-` and `.`), so topics with upper case or `_` need `spec.topicName`. Kafka treats `.` and `_` as the same in metric names and refuses to create a topic that collides with an existing one that way (`InvalidTopicException`), so names mixing both are fragile.',
    howToFix: 'Use a legal Kafka name. Keep `metadata.name` a lower-case Kubernetes name and put the real topic name in `spec.topicName` when they differ. Prefer one separator (`.` or `_`) across all topic names.',
    fixable: false,
    docsUrl: docsUrl('topic-name-invalid'),
    sources: ['apache/kafka@trunk:clients/src/main/java/org/apache/kafka/common/internals/Topic.java', 'https://strimzi.io/docs/operators/latest/deploying#con-configuring-topics-str'],
  },
  resource(topic, ctx) {
    const eff = effectiveName(topic);
    if (!eff) return;
    const file = topic.doc.file;
    const namePath = ['metadata', 'name'];
    const nameRange = topic.valueRange(namePath);
    const tnPath = ['spec', 'topicName'];
    const tnRange = topic.valueRange(tnPath);
    const templated = (r: typeof nameRange) => !!r && file.templated && file.isTemplated(file.lines.offset(r.start), file.lines.offset(r.end));

    // Kubernetes: metadata.name must be a DNS-1123 subdomain.
    const metaName = topic.get(namePath);
    if (typeof metaName === 'string' && nameRange && !templated(nameRange) && (metaName.length > 253 || !DNS1123_SUBDOMAIN.test(metaName))) {
      const k = kubeName(metaName);
      const suggestions: Fix[] = [];
      if (!eff.fromSpec && k && DNS1123_SUBDOMAIN.test(k) && illegalTopicName(metaName) === undefined) {
        const rename = topic.doc.setValueEdit(namePath, k);
        const keep = topic.doc.insertKeyEdit(['spec'], 'topicName', plainSafe(metaName) ? metaName : JSON.stringify(metaName));
        if (rename && keep) suggestions.push({ title: `Rename to '${k}' and keep the topic name in spec.topicName`, edits: [rename, keep] });
      }
      ctx.report({
        range: nameRange,
        message: `metadata.name "${metaName}" is not a valid Kubernetes name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit): the API server rejects the KafkaTopic.${eff.fromSpec ? '' : suggestions.length ? ` Use a Kubernetes-style name here and put the topic name in spec.topicName (e.g. name: ${kubeName(metaName)}, topicName: ${metaName}).` : ' Use a Kubernetes-style name here and put the topic name in spec.topicName.'}`,
        suggestions: suggestions.length ? suggestions : undefined,
      });
    }

    // Kafka: the effective topic name.
    const range = eff.fromSpec ? tnRange : nameRange;
    if (!range || templated(range)) return;
    const why = illegalTopicName(eff.name);
    if (why !== undefined) {
      // Names Kubernetes already rejected for characters Kafka also rejects are reported once, above.
      if (!eff.fromSpec && (metaName as string).length <= 253 && !DNS1123_SUBDOMAIN.test(eff.name)) return;
      ctx.report({ range, message: `Topic name "${eff.name.length > 60 ? eff.name.slice(0, 57) + '...' : eff.name}" is not legal in Kafka: ${why}. The Topic Operator cannot create it.` });
      return;
    }
    // Metric-name collisions ('.' and '_' are the same in metric names).
    const related: RelatedLocation[] = [];
    const others: string[] = [];
    const mine = metricName(eff.name);
    for (const other of byMetricName(ctx.index).get(mine) ?? []) {
      if (other === topic || other.clusterLabel !== topic.clusterLabel || !other.sameNamespace(topic)) continue;
      const o = effectiveName(other);
      if (!o || o.name === eff.name) continue;
      others.push(o.name);
      related.push({ file: other.file, range: other.valueRange(o.fromSpec ? tnPath : namePath) ?? other.doc.headRange(), message: `topic "${o.name}"` });
    }
    if (related.length > 0) {
      ctx.report({
        range,
        message: `Topic name "${eff.name}" collides with "${others[0]}": Kafka treats '.' and '_' as the same in metric names and refuses to create a topic that collides with an existing one, so one of the two is never created. Rename one of them.`,
        related,
      });
    } else if (eff.name.includes('.') && eff.name.includes('_')) {
      ctx.report({
        range,
        severity: 'hint',
        message: `Topic name "${eff.name}" mixes '.' and '_'; Kafka uses '_' for both in metric names, so it may collide with another topic's metrics. Prefer one separator.`,
      });
    }
  },
});
