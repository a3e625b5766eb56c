/**
 * Everything for one application in one step: cluster, topic, user (when the listener authenticates),
 * KEDA-scaled consumer and monitoring, from one set of names so the files match each other.
 */
import { CALC_PARAMS, P_AUTH, P_CLUSTER, P_GROUP, P_NAMESPACE, P_TOPIC, planFromParams } from './common';
import { kedaConsumer, monitoring } from './keda';
import { checkImage, checkLabel, num, str } from './params';
import { kafkaCluster, kafkaTopic, kafkaUser } from './strimzi';
import type { GeneratedFile, ParamValue, Params, Template } from './types';

/** Fills a template's own parameters from the stack's, defaults for the rest. */
function sub(t: Template, values: Record<string, ParamValue>): Params {
  const out: Record<string, ParamValue> = {};
  for (const p of t.params) out[p.key] = p.key in values ? values[p.key] : p.default;
  return out;
}

export const kafkaStack: Template = {
  id: 'kafka-stack',
  title: 'Application stack (cluster, topic, user, KEDA consumer, monitoring)',
  description: 'A Strimzi cluster, a sized topic, a KafkaUser with ACLs when the listener authenticates, a KEDA-scaled consumer and its alerts and dashboard, all named consistently',
  params: [
    P_CLUSTER,
    P_NAMESPACE,
    P_TOPIC,
    P_GROUP,
    { key: 'app', type: 'string', default: 'orders-consumer', description: 'Consumer Deployment name; also the KafkaUser name when authentication is on', check: checkLabel },
    { key: 'image', type: 'string', default: 'registry.example.com/orders-consumer:1.0.0', description: 'Container image of the consumer', check: checkImage },
    { ...P_AUTH, default: 'tls' },
    { key: 'nodePools', type: 'enum', default: 'separate', choices: ['separate', 'dual-role'], description: 'separate: controller and broker pools (production); dual-role: one pool whose nodes are both (development)' },
    { key: 'brokers', type: 'integer', default: 3, min: 1, max: 100, description: 'Broker nodes' },
    ...CALC_PARAMS,
  ],
  main: () => 'kafka.yaml',
  generate(p) {
    const brokers = num(p, 'brokers');
    const partitions = planFromParams(p).partitions;
    const auth = str(p, 'authentication');
    const base: Record<string, ParamValue> = { ...p, user: str(p, 'app'), replicas: Math.min(3, brokers), partitions: 0, role: 'consumer' };
    const files: GeneratedFile[] = [
      ...kafkaCluster.generate(sub(kafkaCluster, { ...base, controllers: 3, exporter: true, metrics: true })),
      ...kafkaTopic.generate(sub(kafkaTopic, base)),
      ...(auth === 'none' ? [] : kafkaUser.generate(sub(kafkaUser, base))),
      ...kedaConsumer.generate(sub(kedaConsumer, { ...base, partitions, maxReplicas: 0, minReplicas: 1 })),
      ...monitoring.generate(sub(monitoring, base)),
    ];
    return files;
  },
};
