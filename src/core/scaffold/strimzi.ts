/** Strimzi templates: KRaft cluster with node pools, KafkaTopic with the partition calculator, KafkaUser with ACLs. */
import { strimziKafkaVersions } from '../data/index';
import { DEFAULT_VERSIONS } from '../versions';
import { CALC_PARAMS, P_AUTH, P_CLUSTER, P_GROUP, P_NAMESPACE, P_TOPIC, PLAIN_PORT, TLS_PORT, lines, planFromParams, resourceNameForTopic, y } from './common';
import { bool, checkQuantity, checkResourceName, num, str } from './params';
import type { Params, Template } from './types';

const STRIMZI = strimziKafkaVersions(DEFAULT_VERSIONS.strimzi);
const API = 'kafka.strimzi.io/v1';

function meta(name: string, p: Params, extra: string[] = []): string[] {
  return ['metadata:', `  name: ${y(name)}`, `  namespace: ${y(str(p, 'namespace'))}`, ...extra];
}

function clusterLabel(p: Params): string[] {
  return ['  labels:', `    strimzi.io/cluster: ${y(str(p, 'cluster'))}`];
}

function storage(p: Params): string[] {
  return [
    '  storage:',
    '    type: jbod',
    '    volumes:',
    '      - id: 0',
    '        type: persistent-claim',
    `        size: ${y(str(p, 'storageSize'))}`,
    // Keep the volumes when the cluster is deleted by mistake; deleting data is a separate, deliberate step.
    '        deleteClaim: false',
    // The KRaft metadata log lives on this volume.
    '        kraftMetadata: shared',
  ];
}

function nodePool(p: Params, name: string, replicas: number, roles: string[]): string[] {
  return [
    `apiVersion: ${API}`,
    'kind: KafkaNodePool',
    ...meta(name, p, clusterLabel(p)),
    'spec:',
    `  replicas: ${replicas}`,
    '  roles:',
    ...roles.map((r) => `    - ${r}`),
    ...storage(p),
  ];
}

export const kafkaCluster: Template = {
  id: 'strimzi-cluster',
  title: 'Strimzi Kafka cluster (KRaft, node pools)',
  description: 'Kafka (v1) in KRaft mode with plain and TLS listeners, replication defaults, the entity operator and optional Kafka Exporter and metrics, plus KafkaNodePools with persistent storage',
  params: [
    P_CLUSTER,
    P_NAMESPACE,
    { key: 'kafkaVersion', type: 'enum', default: STRIMZI.defaultKafka, choices: [...STRIMZI.supportedKafka], description: `Kafka version (those Strimzi ${STRIMZI.strimzi} supports)` },
    { key: 'nodePools', type: 'enum', default: 'separate', choices: ['separate', 'dual-role'], description: 'separate: controller and broker pools (production); dual-role: one pool whose nodes are both (development)' },
    { key: 'brokers', type: 'integer', default: 3, min: 1, max: 100, description: 'Broker nodes (nodes of the dual-role pool)' },
    { key: 'controllers', type: 'integer', default: 3, min: 1, max: 9, description: 'Controller nodes (separate pools only; an odd number: 3 tolerates one failure)' },
    { key: 'storageSize', type: 'string', default: '100Gi', description: 'Persistent volume size per node', check: checkQuantity },
    P_AUTH,
    { key: 'exporter', type: 'boolean', default: true, description: 'Deploy Kafka Exporter (consumer lag and topic metrics for Prometheus)' },
    { key: 'metrics', type: 'boolean', default: true, description: 'Expose broker JMX metrics to Prometheus (metricsConfig and its ConfigMap)' },
  ],
  crossCheck(p) {
    const errors: string[] = [];
    if (str(p, 'nodePools') === 'separate' && num(p, 'controllers') % 2 === 0) errors.push(`controllers: use an odd number (${num(p, 'controllers')} tolerates no more failures than ${num(p, 'controllers') - 1})`);
    return errors;
  },
  main: () => 'kafka.yaml',
  generate(p) {
    const cluster = str(p, 'cluster');
    const brokers = num(p, 'brokers');
    const rf = Math.min(3, brokers);
    const minIsr = rf >= 3 ? 2 : 1;
    const auth = str(p, 'authentication');
    const secured = auth !== 'none';
    const version = str(p, 'kafkaVersion');
    const metadataVersion = STRIMZI.metadataVersionByKafka[version];
    const metricsName = `${cluster}-kafka-metrics`;
    const docs: string[][] = [];
    if (str(p, 'nodePools') === 'separate') {
      docs.push(nodePool(p, 'controller', num(p, 'controllers'), ['controller']));
      docs.push(nodePool(p, 'broker', brokers, ['broker']));
    } else {
      docs.push(nodePool(p, 'dual-role', brokers, ['controller', 'broker']));
    }
    const listeners: string[] = ['    listeners:'];
    if (!secured) {
      listeners.push('      - name: plain', `        port: ${PLAIN_PORT}`, '        type: internal', '        tls: false');
    } else {
      listeners.push('      # No plain listener: with authorization on, its unauthenticated clients would be User:ANONYMOUS and refused.');
    }
    listeners.push('      - name: tls', `        port: ${TLS_PORT}`, '        type: internal', '        tls: true');
    if (secured) listeners.push('        authentication:', `          type: ${auth}`);
    docs.push([
      `apiVersion: ${API}`,
      'kind: Kafka',
      ...meta(cluster, p),
      'spec:',
      '  kafka:',
      `    version: ${y(version)}`,
      ...(metadataVersion ? [`    metadataVersion: ${y(metadataVersion)}`] : []),
      ...listeners,
      ...(secured ? ['    authorization:', '      type: simple'] : []),
      '    config:',
      `      # Replication for ${brokers} broker${brokers === 1 ? '' : 's'}: acks=all writes survive the loss of ${minIsr === 2 ? 'one broker' : 'no broker'}.`,
      `      default.replication.factor: ${rf}`,
      `      min.insync.replicas: ${minIsr}`,
      `      offsets.topic.replication.factor: ${rf}`,
      `      transaction.state.log.replication.factor: ${rf}`,
      `      transaction.state.log.min.isr: ${minIsr}`,
      '      # Topics are declared as KafkaTopic resources, not created by a typo in a client.',
      '      auto.create.topics.enable: false',
      ...(bool(p, 'metrics')
        ? ['    metricsConfig:', '      type: jmxPrometheusExporter', '      valueFrom:', '        configMapKeyRef:', `          name: ${y(metricsName)}`, '          key: kafka-metrics-config.yml']
        : []),
      '  entityOperator:',
      '    topicOperator: {}',
      '    userOperator: {}',
      ...(bool(p, 'exporter') ? ['  kafkaExporter:', '    topicRegex: ".*"', '    groupRegex: ".*"'] : []),
    ]);
    if (bool(p, 'metrics')) {
      docs.push([
        'apiVersion: v1',
        'kind: ConfigMap',
        ...meta(metricsName, p),
        'data:',
        '  kafka-metrics-config.yml: |',
        '    # Prometheus JMX Exporter rules: broker rates, per-topic rates and gauges such as',
        '    # kafka_server_replicamanager_underreplicatedpartitions.',
        '    lowercaseOutputName: true',
        '    rules:',
        '      - pattern: "kafka.server<type=(.+), name=(.+)PerSec\\\\w*, topic=(.+)><>Count"',
        '        name: kafka_server_$1_$2_total',
        '        type: COUNTER',
        '        labels:',
        '          topic: "$3"',
        '      - pattern: "kafka.server<type=(.+), name=(.+)PerSec\\\\w*><>Count"',
        '        name: kafka_server_$1_$2_total',
        '        type: COUNTER',
        '      - pattern: "kafka.server<type=(.+), name=(.+)><>Value"',
        '        name: kafka_server_$1_$2',
        '        type: GAUGE',
        '      - pattern: "kafka.controller<type=(.+), name=(.+)><>Value"',
        '        name: kafka_controller_$1_$2',
        '        type: GAUGE',
        '      - pattern: "kafka.network<type=(.+), name=(.+), request=(.+)><>Count"',
        '        name: kafka_network_$1_$2_total',
        '        type: COUNTER',
        '        labels:',
        '          request: "$3"',
      ]);
    }
    return [{ path: 'kafka.yaml', content: docs.map((d) => lines(d)).join('---\n') }];
  },
};

export const kafkaTopic: Template = {
  id: 'strimzi-topic',
  title: 'KafkaTopic with partition calculator',
  description: 'A KafkaTopic whose partition count comes from target throughput, per-consumer and per-partition throughput, expected consumers and headroom (explained in a comment)',
  params: [
    P_CLUSTER,
    P_NAMESPACE,
    P_TOPIC,
    ...CALC_PARAMS,
    { key: 'partitions', type: 'integer', default: 0, min: 0, max: 100000, description: 'Partition count; 0 computes it from the calculator inputs' },
    { key: 'replicas', type: 'integer', default: 3, min: 1, max: 32767, description: 'Replication factor (at most the broker count)' },
    { key: 'retentionHours', type: 'integer', default: 168, min: 1, description: 'How long records are kept (retention.ms), hours' },
  ],
  main: (p) => `topic-${resourceNameForTopic(str(p, 'topic'))}.yaml`,
  generate(p) {
    const topic = str(p, 'topic');
    const name = resourceNameForTopic(topic);
    const plan = planFromParams(p);
    const given = num(p, 'partitions');
    const partitions = given > 0 ? given : plan.partitions;
    const replicas = num(p, 'replicas');
    const minIsr = replicas >= 3 ? replicas - 1 : 1;
    const content = lines(
      `apiVersion: ${API}`,
      'kind: KafkaTopic',
      ...meta(name, p, clusterLabel(p)),
      'spec:',
      ...(name !== topic ? [`  topicName: ${y(topic)}`] : []),
      ...(given > 0 ? [`  # Partitions set explicitly; the calculator suggests ${plan.partitions}:`] : ['  # Partition calculator:']),
      ...plan.explanation.map((l) => `  #   ${l}`),
      `  partitions: ${partitions}`,
      `  replicas: ${replicas}`,
      '  config:',
      `    # acks=all writes need ${minIsr} in-sync replica${minIsr === 1 ? '' : 's'}${replicas >= 3 ? ', so one broker can be down' : ''}.`,
      `    min.insync.replicas: ${minIsr}`,
      `    retention.ms: ${num(p, 'retentionHours') * 3600 * 1000}`,
      '    cleanup.policy: delete',
    );
    return [{ path: `topic-${name}.yaml`, content }];
  },
};

export const kafkaUser: Template = {
  id: 'strimzi-user',
  title: 'KafkaUser with least-privilege ACLs',
  description: 'A KafkaUser allowed only to write its topic (producer) and/or read it in its consumer group (consumer)',
  params: [
    P_CLUSTER,
    P_NAMESPACE,
    { key: 'user', type: 'string', default: 'orders-app', description: 'KafkaUser name (also the name of the Secret with its credentials)', check: checkResourceName },
    P_TOPIC,
    P_GROUP,
    { key: 'role', type: 'enum', default: 'both', choices: ['producer', 'consumer', 'both'], description: 'What the user may do with the topic' },
    { key: 'authentication', type: 'enum', default: 'tls', choices: ['tls', 'scram-sha-512'], description: 'How the user authenticates; the cluster listener must use the same' },
  ],
  main: (p) => `user-${str(p, 'user')}.yaml`,
  generate(p) {
    const role = str(p, 'role');
    const topic = str(p, 'topic');
    const acls: string[] = [];
    const acl = (comment: string, type: string, name: string, ops: string[]): void => {
      acls.push(`      # ${comment}`, '      - resource:', `          type: ${type}`, `          name: ${y(name)}`, '          patternType: literal', '        operations:', ...ops.map((o) => `          - ${o}`));
    };
    if (role !== 'consumer') acl('Producer: write records (idempotent producers need no cluster ACL since Kafka 3.0).', 'topic', topic, ['Write', 'Describe']);
    if (role !== 'producer') {
      acl('Consumer: read the topic…', 'topic', topic, ['Read', 'Describe']);
      acl('…and join and commit offsets in its own group only.', 'group', str(p, 'group'), ['Read']);
    }
    const content = lines(
      `apiVersion: ${API}`,
      'kind: KafkaUser',
      ...meta(str(p, 'user'), p, clusterLabel(p)),
      'spec:',
      '  authentication:',
      `    type: ${str(p, 'authentication')}`,
      '  authorization:',
      '    type: simple',
      '    acls:',
      ...acls,
    );
    return [{ path: `user-${str(p, 'user')}.yaml`, content }];
  },
};
