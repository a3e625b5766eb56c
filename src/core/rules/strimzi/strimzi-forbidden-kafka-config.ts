import { isForbiddenStrimziConfig } from '../../data/index';
import type { Fix } from '../../model';
import type { Resource } from '../../resource';
import { versionAtLeast } from '../../versions';
import { defineRule, docsUrl } from '../types';

/** Where a forbidden Kafka broker key belongs instead, by prefix (first match wins). */
const KAFKA_HOMES: readonly [RegExp, string][] = [
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

const CONNECT_HOMES: readonly [RegExp, string][] = [
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

/** Since Strimzi 0.51 a few connection limits may be set per listener (`listener.name.<name>-<port>.…`). */
const PER_LISTENER = /^listener\.name\.[a-z0-9]+-\d+\.(connections\.max\.reauth\.ms|max\.connections(\..+)?|max\.connection\.creation\.rate)$/;

interface Section {
  readonly path: readonly string[];
  readonly facts: string;
  readonly homes: readonly [RegExp, string][];
}

function sectionsOf(r: Resource): Section[] {
  if (r.target === 'strimzi-kafka') return [{ path: ['spec', 'kafka', 'config'], facts: 'Kafka.spec.kafka.config', homes: KAFKA_HOMES }];
  if (r.target === 'strimzi-connect') return [{ path: ['spec', 'config'], facts: 'KafkaConnect.spec.config', homes: CONNECT_HOMES }];
  return [];
}

export default defineRule({
  meta: {
    id: 'strimzi-forbidden-kafka-config',
    group: 'strimzi',
    targets: ['strimzi-kafka', 'strimzi-connect'],
    defaultSeverity: 'warning',
    description: 'A key in a Strimzi `config:` map that the operator manages itself and ignores',
    why: 'Strimzi sets listeners, security, storage paths, node roles and similar keys itself; it drops such keys from `spec.kafka.config` (and KafkaConnect `spec.config`) with "is forbidden and will be ignored", so the setting silently has no effect.',
    howToFix: 'Configure the behaviour through the dedicated field the message names (listeners, authorization, KafkaNodePool, `spec.groupId` …) and remove the key from `config:`.',
    fixable: false,
    docsUrl: docsUrl('strimzi-forbidden-kafka-config'),
    sources: [
      'strimzi/strimzi-kafka-operator@1.2.0:api/src/main/java/io/strimzi/api/kafka/model/kafka/KafkaClusterSpec.java',
      'strimzi/strimzi-kafka-operator@1.2.0:api/src/main/java/io/strimzi/api/kafka/model/connect/KafkaConnectSpec.java',
    ],
  },
  resource(r, ctx) {
    for (const s of sectionsOf(r)) {
      for (const e of r.doc.entries(s.path)) {
        if (!isForbiddenStrimziConfig(s.facts, e.key)) continue;
        if (s.facts === 'Kafka.spec.kafka.config' && PER_LISTENER.test(e.key) && versionAtLeast(ctx.versions.strimzi.value, '0.51')) continue;
        const home = s.homes.find(([re]) => re.test(e.key))?.[1];
        const edit = r.doc.removeKeyEdit([...s.path, e.key]);
        const suggestions: Fix[] = edit ? [{ title: `Remove ${e.key}`, edits: [edit] }] : [];
        ctx.report({
          range: e.keyRange,
          message: `${e.key} is managed by Strimzi and is ignored in ${s.path.join('.')} ("forbidden"). ${home?.startsWith('nowhere') ? `Remove it (${home.slice('nowhere: '.length)}).` : `Configure it in ${home ?? 'the dedicated resource field'} instead.`}`,
          suggestions,
        });
      }
    }
  },
});
