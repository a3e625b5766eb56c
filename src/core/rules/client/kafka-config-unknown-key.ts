import { configAvailability, KAFKA_CATALOG_RELEASES, kafkaCatalogRelease, kafkaConfigs, kafkaConfigsFor, removedConfigs, type KafkaConfigRole } from '../../data/index';
import type { ConfigEntry, ConfigSet } from '../../kafka-config';
import type { Fix } from '../../model';
import { defineRule, docsUrl, type RuleContext } from '../types';
import { editDistance } from '../../suggest';
import { isStreams, renameKeyEdit } from './helpers';

const ALL_ROLES: readonly KafkaConfigRole[] = ['producer', 'consumer', 'admin', 'topic', 'broker', 'connect'];
const CLIENT_ROLES: readonly KafkaConfigRole[] = ['producer', 'consumer', 'admin'];

/**
 * Key prefixes that are legitimate extension points (plugin, serializer, security-provider and
 * listener-scoped options), never reported. A false positive here is worse than a miss.
 */
const OPEN_PREFIXES = [
  'sasl.', 'ssl.', 'listener.name.', 'spring.', 'schema.registry.', 'basic.auth.', 'bearer.auth.', 'specific.', 'avro.', 'json.',
  'protobuf.', 'apicurio.', 'confluent.', 'otel.', 'opentelemetry.', 'kafka.metrics.', 'metrics.context.', 'config.providers.',
  'key.converter.', 'value.converter.', 'header.converter.', 'transforms.', 'predicates.', 'errors.', 'rsm.config.', 'rlmm.config.',
  'remote.log.storage.', 'remote.log.metadata.', 'client.quota.callback.', 'cruise.control.', 'strimzi.', 'oauth.', 'principal.builder.',
  'key.subject.', 'value.subject.', 'auto.register.', 'use.latest.', 'latest.compatibility.', 'reference.', 'rest.', 'listeners.https.',
];

/** Connect and MirrorMaker pass these prefixes' remainder to embedded clients. */
const CLIENT_PASS_THROUGH = ['producer.override.', 'consumer.override.', 'admin.override.', 'producer.', 'consumer.', 'admin.'];

let knownAny: Set<string> | undefined;
/** Every documented key of any role, plus removed ones (another rule reports those). */
function anyKnown(): Set<string> {
  if (!knownAny) {
    knownAny = new Set<string>();
    for (const r of ALL_ROLES) {
      for (const k of kafkaConfigs(r).keys()) knownAny.add(k);
      for (const c of removedConfigs(r)) knownAny.add(c.name);
    }
    for (const k of ['metrics.jmx.blacklist', 'metrics.jmx.whitelist']) knownAny.add(k);
  }
  return knownAny;
}

const byRoles = new Map<string, readonly string[]>();
/** The keys a typo may be meant as: the public keys the target Kafka version has, for some roles. */
function catalog(roles: readonly KafkaConfigRole[], kafkaVersion: string): readonly string[] {
  const id = `${roles.join(',')}@${kafkaCatalogRelease(kafkaVersion)}`;
  let list = byRoles.get(id);
  if (!list) {
    const s = new Set<string>();
    for (const r of roles) for (const d of kafkaConfigsFor(r, kafkaVersion).values()) if (!d.internal) s.add(d.name);
    list = [...s].sort();
    byRoles.set(id, list);
  }
  return list;
}

function normal(k: string): string {
  return k.toLowerCase().replace(/[-_]/g, '.');
}

/** Known keys close to `key`: same key up to case and separators, a missing last segment (`linger` → `linger.ms`), or a small edit distance. */
export function closeKeys(key: string, candidates: readonly string[]): string[] {
  const n = normal(key);
  const exact = candidates.filter((c) => normal(c) === n);
  if (exact.length > 0) return exact;
  const suffix = candidates.filter((c) => c.startsWith(key + '.') && !c.slice(key.length + 1).includes('.'));
  if (suffix.length > 0) return suffix;
  const max = key.length >= 12 ? 2 : key.length >= 5 ? 1 : 0;
  let best = max + 1;
  let found: string[] = [];
  if (max > 0) {
    for (const c of candidates) {
      const d = editDistance(n, c, max);
      if (d < best) {
        best = d;
        found = [c];
      } else if (d === best && d <= max) found.push(c);
    }
  }
  return found;
}

function label(set: ConfigSet, shared = false): string {
  if (shared) return 'Kafka client config';
  switch (set.role) {
    case 'topic':
      return 'topic config';
    case 'broker':
      return 'broker config';
    case 'connect':
      return 'Kafka Connect config';
    case 'client':
      return 'Kafka client config';
    default:
      return `${set.role} config`;
  }
}

export default defineRule({
  meta: {
    id: 'kafka-config-unknown-key',
    group: 'client',
    targets: ['config-producer', 'config-consumer', 'config-admin', 'config-client', 'config-topic', 'config-broker', 'config-connect'],
    defaultSeverity: 'warning',
    description: 'A Kafka config key that is not a known key, most likely a typo of one',
    why:
      'Kafka clients and brokers ignore unknown keys (they log "These configurations … were supplied but are not used"), so a typo such as `enable.idempotance` silently leaves the intended setting at its default. A topic config with an unknown key is rejected ("Unknown topic config name"), so the KafkaTopic never becomes ready. Keys under extension prefixes (`sasl.`, `ssl.`, `listener.name.`, serializer and schema-registry options, Connect client overrides) are not checked; other unknown keys are only reported when they are close to a documented key. Known keys are also checked against the target Kafka version (the catalogue has every release from ' +
      `${KAFKA_CATALOG_RELEASES[0]} to ${KAFKA_CATALOG_RELEASES[KAFKA_CATALOG_RELEASES.length - 1]}` +
      ', read from the released jars): a key only a later release has, or one the target no longer has, is ignored by that version (rejected, for topics) and reported as such rather than as a typo.',
    howToFix: 'Rename the key to the documented one suggested in the message (for topic configs, use the topic-level name, e.g. `retention.ms` rather than the broker default `log.retention.ms`).',
    fixable: true,
    docsUrl: docsUrl('kafka-config-unknown-key'),
    sources: ['https://kafka.apache.org/documentation/#configuration'],
  },
  config(set, ctx) {
    if (set.role === 'client' && isStreams(set)) return; // Kafka Streams has its own catalogue
    if (set.has('connector.class')) return; // a connector's keys are defined by its plugin
    // Spring's shared `spring.kafka.properties.*` also feed Kafka Streams when the app uses it.
    const springStreams = set.spring && [...(set.springProperties?.keys() ?? [])].some((k) => k.startsWith('spring.kafka.streams.'));
    for (const e of set.entries) {
      if (e.key === '' || /\$\{|\{\{|[\s=]/.test(e.key)) continue;
      if (springStreams && e.shared) continue;
      if (set.role === 'topic') checkTopic(set, e, ctx);
      else checkOther(set, e, ctx);
    }
  },
});

/**
 * A known key that the target Kafka version does not have (added later, or removed by then): reported, since that
 * version ignores (clients, brokers) or rejects (topics) it. True when the key is known in some role.
 */
function checkVersion(e: ConfigEntry, key: string, roles: readonly KafkaConfigRole[], ctx: RuleContext, what: string): boolean {
  const defs = roles.map((r) => kafkaConfigs(r).get(key)).filter((d) => d !== undefined);
  if (defs.length === 0) return false;
  const target = ctx.versions.kafka;
  const states = defs.map((d) => configAvailability(d, target.value));
  if (states.some((x) => x.state === 'ok')) return true;
  const a = states[0];
  const assumed = target.source === 'default' ? ` (assumed: set versions.kafka in .kafka-k8s.yaml or --kafka-version to your Kafka version)` : '';
  const message =
    a.state === 'too-new'
      ? `'${key}' was added in Kafka ${a.addedIn}, but the target Kafka version is ${target.value}${assumed}, which ${what}.`
      : a.state === 'removed'
        ? `'${key}' was removed in Kafka ${a.removedIn}, and the target Kafka version is ${target.value}${assumed}, which ${what}.`
        : `'${key}' is only in Kafka ${a.releasesText}, not in the target Kafka version ${target.value}${assumed}, which ${what}.`;
  ctx.report({ range: e.keyRange, message });
  return true;
}

function checkTopic(set: ConfigSet, e: ConfigEntry, ctx: RuleContext): void {
  const topic = kafkaConfigs('topic');
  if (checkVersion(e, e.key, ['topic'], ctx, 'rejects it as an unknown topic config')) return;
  if (removedConfigs('topic').some((r) => r.name === e.key)) return;
  // A broker-level default used at topic level: the topic key is the one that maps to it.
  const topicKey = [...topic.values()].find((d) => d.serverDefaultProperty === e.key)?.name;
  const candidates = topicKey ? [topicKey] : closeKeys(e.key, catalog(['topic'], ctx.versions.kafka.value));
  const why = 'Kafka rejects unknown topic configs, so the topic is not created or updated.';
  if (topicKey) {
    report(set, e, ctx, candidates, `'${e.key}' is the broker-wide default; the ${label(set)} key is '${topicKey}'. ${why}`);
    return;
  }
  const hint = candidates.length ? ` Did you mean ${list(candidates)}?` : '';
  report(set, e, ctx, candidates, `Unknown ${label(set)} '${e.key}'.${hint} ${why}`);
}

function checkOther(set: ConfigSet, e: ConfigEntry, ctx: RuleContext): void {
  const known = anyKnown();
  let key = e.key;
  let roles: readonly KafkaConfigRole[];
  switch (set.role) {
    case 'broker':
      roles = ['broker'];
      break;
    case 'connect': {
      const p = CLIENT_PASS_THROUGH.find((x) => key.startsWith(x));
      if (p) {
        key = key.slice(p.length);
        roles = CLIENT_ROLES;
      } else roles = ['connect', ...CLIENT_ROLES];
      break;
    }
    default:
      roles = CLIENT_ROLES;
  }
  if (known.has(key)) {
    checkVersion(e, key, set.role === 'connect' && key === e.key ? ['connect', ...CLIENT_ROLES] : roles, ctx, 'ignores it');
    return;
  }
  if (OPEN_PREFIXES.some((p) => key.startsWith(p))) return;
  if (set.role !== 'connect' && set.role !== 'broker' && CLIENT_PASS_THROUGH.some((p) => key.startsWith(p))) return;
  const candidates = closeKeys(key, catalog(roles, ctx.versions.kafka.value));
  if (candidates.length === 0) return;
  const what = key === e.key ? `'${e.key}'` : `'${key}' (in '${e.key}')`;
  report(set, e, ctx, candidates, `Unknown ${label(set, e.shared)} ${what}: did you mean ${list(candidates)}? Kafka ignores unknown keys, so this setting has no effect.`, key !== e.key ? e.key.slice(0, e.key.length - key.length) : '');
}

function list(c: readonly string[]): string {
  const q = c.slice(0, 3).map((x) => `'${x}'`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

function report(_set: ConfigSet, e: ConfigEntry, ctx: RuleContext, candidates: readonly string[], message: string, prefix = ''): void {
  const edits = candidates.slice(0, 3).map((c) => ({ c, edit: renameKeyEdit(e, prefix + c, ctx.file) }));
  const fixes: Fix[] = edits.filter((x) => x.edit).map((x) => ({ title: `Rename to ${prefix + x.c}`, edits: [x.edit!] }));
  ctx.report({
    range: e.keyRange,
    message,
    fix: candidates.length === 1 ? fixes[0] : undefined,
    suggestions: candidates.length > 1 ? fixes : undefined,
  });
}
