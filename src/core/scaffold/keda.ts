/** KEDA bundle (Deployment + ScaledObject + TriggerAuthentication) and monitoring (PrometheusRule + Grafana dashboard). */
import { P_AUTH, P_CLUSTER, P_GROUP, P_NAMESPACE, P_TOPIC, bootstrapAddress, lines, y, ys } from './common';
import { checkImage, checkLabel, checkResourceName, num, str } from './params';
import type { Params, Template } from './types';

export const kedaConsumer: Template = {
  id: 'keda-consumer',
  title: 'KEDA-scaled consumer (Deployment, ScaledObject, TriggerAuthentication)',
  description: 'A consumer Deployment without fixed replicas, scaled by KEDA on consumer-group lag of its topic; a TriggerAuthentication from the Strimzi secrets when the listener needs authentication',
  params: [
    { key: 'app', type: 'string', default: 'orders-consumer', description: 'Deployment name (also the container name)', check: checkLabel },
    P_CLUSTER,
    P_NAMESPACE,
    P_TOPIC,
    P_GROUP,
    { key: 'partitions', type: 'integer', default: 12, min: 1, max: 100000, description: 'Partitions of the topic; maxReplicaCount is capped at this' },
    { key: 'maxReplicas', type: 'integer', default: 0, min: 0, max: 100000, description: 'maxReplicaCount; 0 means the partition count' },
    { key: 'minReplicas', type: 'integer', default: 1, min: 0, max: 100000, description: 'minReplicaCount (0 scales to zero when there is no lag)' },
    { key: 'lagThreshold', type: 'integer', default: 1000, min: 1, description: 'Target lag per replica (at least max.poll.records, 500 by default)' },
    { key: 'image', type: 'string', default: 'registry.example.com/orders-consumer:1.0.0', description: 'Container image of the consumer', check: checkImage },
    P_AUTH,
    { key: 'user', type: 'string', default: 'orders-app', description: 'KafkaUser whose Secret holds the credentials (when authentication is not none)', check: checkResourceName },
  ],
  crossCheck(p) {
    const max = num(p, 'maxReplicas') || num(p, 'partitions');
    const errors: string[] = [];
    if (max > num(p, 'partitions')) errors.push(`maxReplicas: ${max} is more than the ${num(p, 'partitions')} partitions; replicas beyond the partition count get no partition and sit idle`);
    if (num(p, 'minReplicas') > max) errors.push(`minReplicas: ${num(p, 'minReplicas')} is more than maxReplicaCount ${max}`);
    return errors;
  },
  main: (p) => `${str(p, 'app')}-deployment.yaml`,
  generate(p) {
    const app = str(p, 'app');
    const ns = str(p, 'namespace');
    const auth = str(p, 'authentication');
    const secured = auth !== 'none';
    const user = str(p, 'user');
    const cluster = str(p, 'cluster');
    const bootstrap = bootstrapAddress(p, secured);
    const max = num(p, 'maxReplicas') || num(p, 'partitions');
    const min = num(p, 'minReplicas');
    const authName = `${app}-kafka-auth`;
    const env: string[] = [
      '            - name: KAFKA_BOOTSTRAP_SERVERS',
      `              value: ${y(bootstrap)}`,
      '            - name: KAFKA_TOPIC',
      `              value: ${y(str(p, 'topic'))}`,
      '            - name: KAFKA_GROUP_ID',
      `              value: ${y(str(p, 'group'))}`,
      '            - name: KAFKA_SECURITY',
      `              value: ${y(auth)}`,
    ];
    const volumes: string[] = [];
    const mounts: string[] = [];
    if (auth === 'scram-sha-512') {
      env.push(
        '            - name: KAFKA_USERNAME',
        `              value: ${y(user)}`,
        '            - name: KAFKA_PASSWORD',
        '              valueFrom:',
        '                secretKeyRef:',
        `                  name: ${y(user)}`,
        '                  key: password',
      );
    }
    if (secured) {
      mounts.push('          volumeMounts:', '            - name: cluster-ca', '              mountPath: /etc/kafka/ca', '              readOnly: true');
      volumes.push('      volumes:', '        - name: cluster-ca', '          secret:', `            secretName: ${y(`${cluster}-cluster-ca-cert`)}`);
      if (auth === 'tls') {
        mounts.push('            - name: user-cert', '              mountPath: /etc/kafka/user', '              readOnly: true');
        volumes.push('        - name: user-cert', '          secret:', `            secretName: ${y(user)}`);
      }
    }
    const deployment = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: ${y(app)}`,
      `  namespace: ${y(ns)}`,
      '  labels:',
      `    app: ${y(app)}`,
      'spec:',
      '  # No replicas: KEDA owns the replica count (a fixed value would fight the HPA on every apply).',
      '  selector:',
      '    matchLabels:',
      `      app: ${y(app)}`,
      '  template:',
      '    metadata:',
      '      labels:',
      `        app: ${y(app)}`,
      '    spec:',
      '      # Time to finish the current batch and commit before the pod is killed on scale-in.',
      '      terminationGracePeriodSeconds: 60',
      '      containers:',
      `        - name: ${y(app)}`,
      `          image: ${y(str(p, 'image'))}`,
      '          env:',
      ...env,
      '          resources:',
      '            requests:',
      '              cpu: 250m',
      '              memory: 256Mi',
      '            limits:',
      '              memory: 512Mi',
      ...mounts,
      ...volumes,
    );
    const trigger: string[] = [
      '    - type: kafka',
      '      metadata:',
      `        bootstrapServers: ${ys(bootstrap)}`,
      `        consumerGroup: ${ys(str(p, 'group'))}`,
      `        topic: ${ys(str(p, 'topic'))}`,
      `        lagThreshold: ${ys(num(p, 'lagThreshold'))}`,
      '        # Must match the consumer\'s auto.offset.reset. With earliest, a group that has not committed yet',
      '        # counts the whole partition as lag, so even a scaled-to-zero consumer is started for its first records.',
      '        offsetResetPolicy: "earliest"',
      '        # The kafka scaler speaks the protocol of Kafka 1.0 unless told otherwise; Kafka 4 brokers need 2.1 or newer.',
      '        version: "3.9.0"',
      ...(secured ? ['        tls: "enable"'] : []),
      ...(auth === 'scram-sha-512' ? ['        sasl: "scram_sha512"'] : []),
      ...(secured ? ['      authenticationRef:', `        name: ${y(authName)}`] : []),
    ];
    const scaled = lines(
      'apiVersion: keda.sh/v1alpha1',
      'kind: ScaledObject',
      'metadata:',
      `  name: ${y(app)}`,
      `  namespace: ${y(ns)}`,
      'spec:',
      '  scaleTargetRef:',
      `    name: ${y(app)}`,
      '  pollingInterval: 15',
      ...(min === 0 ? ['  # Scale to zero after five minutes without lag.', '  cooldownPeriod: 300'] : []),
      `  minReplicaCount: ${min}`,
      `  # At most one consumer per partition: the topic has ${num(p, 'partitions')}.`,
      `  maxReplicaCount: ${max}`,
      '  advanced:',
      '    horizontalPodAutoscalerConfig:',
      '      behavior:',
      '        scaleDown:',
      '          # Each scale event rebalances the group; wait before removing consumers.',
      '          stabilizationWindowSeconds: 120',
      '          policies:',
      '            - type: Pods',
      '              value: 1',
      '              periodSeconds: 60',
      '  triggers:',
      ...trigger,
    );
    const files = [
      { path: `${app}-deployment.yaml`, content: deployment },
      { path: `${app}-scaledobject.yaml`, content: scaled },
    ];
    if (secured) {
      const params: string[] = [
        '  secretTargetRef:',
        '    - parameter: ca',
        `      name: ${y(`${cluster}-cluster-ca-cert`)}`,
        '      key: ca.crt',
        ...(auth === 'tls'
          ? ['    - parameter: cert', `      name: ${y(user)}`, '      key: user.crt', '    - parameter: key', `      name: ${y(user)}`, '      key: user.key']
          : [
              '    - parameter: password',
              `      name: ${y(user)}`,
              '      key: password',
              '  # The user name is the KafkaUser name; the Deployment passes it to the container as KAFKA_USERNAME.',
              '  env:',
              '    - parameter: username',
              '      name: KAFKA_USERNAME',
              `      containerName: ${y(app)}`,
            ]),
      ];
      files.push({
        path: `${app}-triggerauthentication.yaml`,
        content: lines(
          'apiVersion: keda.sh/v1alpha1',
          'kind: TriggerAuthentication',
          'metadata:',
          `  name: ${y(authName)}`,
          `  namespace: ${y(ns)}`,
          `# Credentials of KafkaUser ${user} and the CA of cluster ${cluster}, from the Secrets Strimzi maintains.`,
          'spec:',
          ...params,
        ),
      });
    }
    return files;
  },
};

function dashboard(p: Params): string {
  const group = str(p, 'group');
  const topic = str(p, 'topic');
  const sel = `consumergroup=~"$group", topic=~"$topic"`;
  const panel = (id: number, title: string, expr: string, legend: string, unit: string, x: number, yPos: number) => ({
    id,
    title,
    type: 'timeseries',
    datasource: { type: 'prometheus', uid: '${datasource}' },
    gridPos: { h: 8, w: 12, x, y: yPos },
    fieldConfig: { defaults: { unit }, overrides: [] },
    options: { legend: { displayMode: 'table', placement: 'bottom', calcs: ['lastNotNull', 'max'] }, tooltip: { mode: 'multi' } },
    targets: [{ refId: 'A', expr, legendFormat: legend }],
  });
  const variable = (name: string, query: string, current: string) => ({
    name,
    type: 'query',
    datasource: { type: 'prometheus', uid: '${datasource}' },
    query: { query, refId: name },
    definition: query,
    includeAll: true,
    multi: true,
    current: { text: current, value: current },
    refresh: 2,
  });
  const d = {
    title: `Kafka consumers: ${str(p, 'cluster')}`,
    uid: `kafka-k8s-${str(p, 'cluster')}`.slice(0, 40),
    tags: ['kafka', 'strimzi', 'kafka-exporter'],
    timezone: 'browser',
    schemaVersion: 39,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: {
      list: [
        { name: 'datasource', type: 'datasource', query: 'prometheus', current: {} },
        variable('group', 'label_values(kafka_consumergroup_lag, consumergroup)', group),
        variable('topic', 'label_values(kafka_topic_partitions, topic)', topic),
      ],
    },
    panels: [
      panel(1, 'Consumer lag (messages)', `sum by (consumergroup, topic) (kafka_consumergroup_lag{${sel}})`, '{{consumergroup}} / {{topic}}', 'short', 0, 0),
      panel(2, 'Consumer group members', `max by (consumergroup) (kafka_consumergroup_members{consumergroup=~"$group"})`, '{{consumergroup}}', 'short', 12, 0),
      panel(3, 'Messages in (per second)', `sum by (topic) (rate(kafka_topic_partition_current_offset{topic=~"$topic"}[5m]))`, '{{topic}}', 'ops', 0, 8),
      panel(4, 'Messages consumed (per second)', `sum by (consumergroup, topic) (rate(kafka_consumergroup_current_offset{${sel}}[5m]))`, '{{consumergroup}} / {{topic}}', 'ops', 12, 8),
      panel(5, 'Under-replicated partitions', `sum by (topic) (kafka_topic_partition_under_replicated_partition{topic=~"$topic"})`, '{{topic}}', 'short', 0, 16),
    ],
  };
  return `${JSON.stringify(d, null, 2)}\n`;
}

export const monitoring: Template = {
  id: 'monitoring',
  title: 'Monitoring: PrometheusRule and Grafana dashboard',
  description: 'Alerts on consumer lag and under-replicated partitions and a dashboard of lag, messages in/out and group members, from Kafka Exporter metrics (enable kafkaExporter in the Kafka resource)',
  params: [
    P_CLUSTER,
    P_NAMESPACE,
    P_TOPIC,
    P_GROUP,
    { key: 'lagAlert', type: 'integer', default: 10000, min: 1, description: 'Alert when the group lag on the topic stays above this many messages' },
    { key: 'lagFor', type: 'string', default: '10m', description: 'How long the lag must stay high before the alert fires', check: (v) => (/^[0-9]+(s|m|h)$/.test(v) ? undefined : 'must be a duration such as 10m') },
  ],
  main: (p) => `${str(p, 'cluster')}-prometheusrule.yaml`,
  generate(p) {
    const cluster = str(p, 'cluster');
    const rule = lines(
      'apiVersion: monitoring.coreos.com/v1',
      'kind: PrometheusRule',
      'metadata:',
      `  name: ${y(`${cluster}-kafka-alerts`)}`,
      `  namespace: ${y(str(p, 'namespace'))}`,
      '  labels:',
      '    role: alert-rules',
      'spec:',
      '  groups:',
      `    - name: ${y(`${cluster}-kafka`)}`,
      '      rules:',
      '        - alert: KafkaConsumerLagHigh',
      `          expr: sum by (consumergroup, topic) (kafka_consumergroup_lag{consumergroup=${JSON.stringify(str(p, 'group'))}, topic=${JSON.stringify(str(p, 'topic'))}}) > ${num(p, 'lagAlert')}`,
      `          for: ${y(str(p, 'lagFor'))}`,
      '          labels:',
      '            severity: warning',
      '          annotations:',
      '            summary: "Consumer group {{ $labels.consumergroup }} lags on {{ $labels.topic }}"',
      `            description: "Lag is {{ $value }} messages (threshold ${num(p, 'lagAlert')}) for ${str(p, 'lagFor')}: consumers are too slow or stuck."`,
      '        - alert: KafkaUnderReplicatedPartitions',
      '          expr: sum by (topic) (kafka_topic_partition_under_replicated_partition) > 0',
      '          for: 5m',
      '          labels:',
      '            severity: critical',
      '          annotations:',
      '            summary: "Topic {{ $labels.topic }} has under-replicated partitions"',
      '            description: "{{ $value }} partitions have fewer in-sync replicas than replicas: a broker is down or lagging, and acks=all writes may fail."',
      '        - alert: KafkaExporterDown',
      `          expr: absent(kafka_consumergroup_lag) and absent(kafka_topic_partitions)`,
      '          for: 10m',
      '          labels:',
      '            severity: warning',
      '          annotations:',
      '            summary: "No Kafka Exporter metrics"',
      `            description: "Prometheus scrapes no Kafka Exporter metrics, so the lag alerts above cannot fire. Enable spec.kafkaExporter on Kafka ${cluster}."`,
    );
    return [
      { path: `${cluster}-prometheusrule.yaml`, content: rule },
      { path: `${cluster}-dashboard.json`, content: dashboard(p) },
    ];
  },
};
