import { isForbiddenStrimziConfig } from '../../data/index';
import type { Fix } from '../../model';
import type { Resource } from '../../resource';
import { versionAtLeast } from '../../versions';
import { defineRule, docsUrl, type RuleContext } from '../types';

type Path = readonly (string | number)[];
type Homes = readonly [RegExp, string][];

/** Where a forbidden Kafka broker key belongs instead, by prefix (first match wins). */
const KAFKA_HOMES: Homes = [
  [/^(listeners|advertised\.|listener\.|host\.name|port|inter\.broker\.listener\.name|sasl\.|ssl\.|security\.)/, 'spec.kafka.listeners (with tls and authentication per listener)'],
  [/^(authorizer\.|super\.user)/, 'spec.kafka.authorization (superUsers there)'],
  [/^(log\.dir|metadata\.log\.dir|cordoned\.log\.dirs)/, 'the storage of a KafkaNodePool'],
  [/^(node\.id|process\.roles|controller\.)/, 'KafkaNodePool resources (roles and replicas)'],
  [/^zookeeper\./, 'nowhere: ZooKeeper is not used by KRaft clusters'],
  [/^cruise\.control\./, 'spec.cruiseControl'],
  [/^prometheus\.metrics\.reporter\./, 'spec.kafka.metricsConfig'],
  [/^client\.quota\.callback\.static\./, 'spec.kafka.quotas'],
  [/^(broker\.|password\.)/, 'nowhere: the operator sets it'],
];

const CLIENT_HOMES: Homes = [
  [/^group\.id$/, 'spec.groupId'],
  [/^config\.storage\.topic$/, 'spec.configStorageTopic'],
  [/^offset\.storage\.topic$/, 'spec.offsetStorageTopic'],
  [/^status\.storage\.topic$/, 'spec.statusStorageTopic'],
  [/^bootstrap\.servers$/, 'spec.bootstrapServers'],
  [/^(ssl\.|sasl\.|security\.)/, 'spec.tls and spec.authentication'],
  [/^plugin\.path$/, 'spec.build (plugins)'],
  [/^prometheus\.metrics\.reporter\./, 'spec.metricsConfig'],
  [/^(listeners|rest\.|consumer\.interceptor\.classes|producer\.interceptor\.classes)/, 'nowhere: the operator sets it'],
];

const MM2_HOMES: Homes = [
  [/^bootstrap\.servers$/, 'the bootstrapServers of the cluster entry'],
  [/^(ssl\.|sasl\.|security\.)/, 'the tls and authentication of the cluster entry'],
  [/^group\.id$/, 'spec.target.groupId'],
  [/^config\.storage\.topic$/, 'spec.target.configStorageTopic'],
  [/^offset\.storage\.topic$/, 'spec.target.offsetStorageTopic'],
  [/^status\.storage\.topic$/, 'spec.target.statusStorageTopic'],
  ...CLIENT_HOMES.slice(6),
];

const BRIDGE_HOMES: Homes = [
  [/^bootstrap\.servers$/, 'spec.bootstrapServers'],
  [/^(ssl\.|sasl\.|security\.)/, 'spec.tls and spec.authentication'],
  [/^group\.id$/, 'nowhere: HTTP clients name their consumer group when they create a consumer'],
];

/** KafkaConnector (and MM2 connector) config keys with a dedicated field. */
const CONNECTOR_KEYS: Readonly<Record<string, string>> = {
  name: 'metadata.name (the connector is named after the resource)',
  'connector.class': 'spec.class',
  'tasks.max': 'spec.tasksMax',
  'connector.plugin.version': 'spec.version',
};

/** Since Strimzi 0.51 a few connection limits may be set per listener (`listener.name.<name>-<port>.…`). */
const PER_LISTENER = /^listener\.name\.[a-z0-9]+-\d+\.(connections\.max\.reauth\.ms|max\.connections(\..+)?|max\.connection\.creation\.rate)$/;

/** KafkaConnect keys that were the only way to set these before v1 (Strimzi 0.49 added the spec fields). */
const CONNECT_V1_FIELDS = new Set(['group.id', 'config.storage.topic', 'offset.storage.topic', 'status.storage.topic']);

interface Section {
  readonly path: Path;
  /** The section name in `strimzi-facts.json` → forbiddenConfigOptions, or `connector` for forbidden keys. */
  readonly facts: string;
  readonly homes: Homes;
}

const MM2 = 'KafkaMirrorMaker2.spec.target.config and .spec.mirrors[].source.config';

function sectionsOf(r: Resource): Section[] {
  const listAt = (path: Path): unknown[] => {
    const v = r.get(path);
    return Array.isArray(v) ? v : [];
  };
  switch (r.target) {
    case 'strimzi-kafka':
      return [{ path: ['spec', 'kafka', 'config'], facts: 'Kafka.spec.kafka.config', homes: KAFKA_HOMES }];
    case 'strimzi-connect':
      return [{ path: ['spec', 'config'], facts: 'KafkaConnect.spec.config', homes: CLIENT_HOMES }];
    case 'strimzi-bridge':
      return [
        { path: ['spec', 'producer', 'config'], facts: 'KafkaBridge.spec.producer.config / .spec.adminClient.config', homes: BRIDGE_HOMES },
        { path: ['spec', 'adminClient', 'config'], facts: 'KafkaBridge.spec.producer.config / .spec.adminClient.config', homes: BRIDGE_HOMES },
        { path: ['spec', 'consumer', 'config'], facts: 'KafkaBridge.spec.consumer.config', homes: BRIDGE_HOMES },
      ];
    case 'strimzi-connector':
      return [{ path: ['spec', 'config'], facts: 'connector', homes: [] }];
    case 'strimzi-mirrormaker2': {
      const out: Section[] = [{ path: ['spec', 'target', 'config'], facts: MM2, homes: MM2_HOMES }];
      listAt(['spec', 'clusters']).forEach((_, i) => out.push({ path: ['spec', 'clusters', i, 'config'], facts: MM2, homes: MM2_HOMES }));
      listAt(['spec', 'mirrors']).forEach((_, i) => {
        out.push({ path: ['spec', 'mirrors', i, 'source', 'config'], facts: MM2, homes: MM2_HOMES });
        for (const c of ['sourceConnector', 'checkpointConnector']) out.push({ path: ['spec', 'mirrors', i, c, 'config'], facts: 'connector', homes: [] });
      });
      return out;
    }
    default:
      return [];
  }
}

export default defineRule({
  meta: {
    id: 'strimzi-forbidden-kafka-config',
    group: 'strimzi',
    targets: ['strimzi-kafka', 'strimzi-connect', 'strimzi-mirrormaker2', 'strimzi-bridge', 'strimzi-connector'],
    defaultSeverity: 'warning',
    description: 'A key in a Strimzi `config:` map that the operator manages itself and ignores',
    why: 'Strimzi sets listeners, security, storage paths, node roles, bootstrap addresses and similar keys itself; it drops such keys from `spec.kafka.config`, KafkaConnect, KafkaMirrorMaker2 and KafkaBridge `config` maps with "is forbidden and will be ignored", so the setting silently has no effect. KafkaConnector configs must not repeat what `spec.class`, `spec.tasksMax` and `spec.version` say.',
    howToFix: 'Configure the behaviour through the dedicated field the message names (listeners, authorization, KafkaNodePool, `spec.groupId`, `spec.tls`, `spec.authentication` …) and remove the key from `config:`.',
    fixable: false,
    docsUrl: docsUrl('strimzi-forbidden-kafka-config'),
    sources: [
      'strimzi/strimzi-kafka-operator@1.2.0:api/src/main/java/io/strimzi/api/kafka/model/kafka/KafkaClusterSpec.java',
      'strimzi/strimzi-kafka-operator@1.2.0:api/src/main/java/io/strimzi/api/kafka/model/connect/KafkaConnectSpec.java',
      'strimzi/strimzi-kafka-operator@1.2.0:packaging/install/cluster-operator/04x-Crd-*.yaml (config descriptions)',
    ],
  },
  resource(r, ctx) {
    for (const s of sectionsOf(r)) {
      for (const e of r.doc.entries(s.path)) {
        const home = forbiddenHome(r, s, e.key, ctx);
        if (home === undefined) continue;
        const edit = r.doc.removeKeyEdit([...s.path, e.key]);
        const suggestions: Fix[] = edit ? [{ title: `Remove ${e.key}`, edits: [edit] }] : [];
        const where = s.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').slice(1);
        ctx.report({
          range: e.keyRange,
          message: `${e.key} is managed by Strimzi and is ignored in ${where} ("forbidden"). ${home.startsWith('nowhere') ? `Remove it (${home.slice('nowhere: '.length)}).` : `Configure it in ${home} instead.`}`,
          suggestions,
        });
      }
    }
  },
});

/** Where a forbidden key belongs (a sentence fragment), or undefined when the key is allowed. */
function forbiddenHome(r: Resource, s: Section, key: string, ctx: RuleContext): string | undefined {
  const strimzi = ctx.versions.strimzi.value;
  if (s.facts === 'connector') {
    const home = CONNECTOR_KEYS[key];
    if (home === undefined) return undefined;
    if (key === 'connector.plugin.version' && !versionAtLeast(strimzi, '0.50')) return undefined;
    return home;
  }
  if (!isForbiddenStrimziConfig(s.facts, key)) return undefined;
  if (s.facts === 'Kafka.spec.kafka.config' && PER_LISTENER.test(key) && versionAtLeast(strimzi, '0.51')) return undefined;
  // Before v1 these were the only way to set Connect's group and internal topics (see strimzi-deprecated-api).
  if ((r.target === 'strimzi-connect' || r.target === 'strimzi-mirrormaker2') && CONNECT_V1_FIELDS.has(key) && r.version !== 'v1' && !versionAtLeast(strimzi, '1.0')) return undefined;
  return s.homes.find(([re]) => re.test(key))?.[1] ?? 'the dedicated resource field';
}
