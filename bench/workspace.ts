/**
 * Generates a deterministic multi-file workspace of Kafka-on-Kubernetes configuration for the benchmark:
 * per team a Strimzi cluster (Kafka + node pools), topic and user files, KEDA ScaledObjects, Kafka client
 * `.properties` and Spring Boot files, with a few typical mistakes so the error paths run too.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A small deterministic PRNG (mulberry32), so every run lints the same text. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cluster = (team: string, mistake: boolean) => `apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: controller
  namespace: ${team}
  labels:
    strimzi.io/cluster: ${team}-kafka
spec:
  replicas: 3
  roles:
    - controller
  storage:
    type: persistent-claim
    size: 20Gi
    kraftMetadata: shared
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: broker
  namespace: ${team}
  labels:
    strimzi.io/cluster: ${team}-kafka
spec:
  replicas: 3
  roles:
    - broker
  storage:
    type: jbod
    volumes:
      - id: 0
        type: persistent-claim
        size: 200Gi
        deleteClaim: false
  resources:
    requests:
      memory: 8Gi
      cpu: "2"
---
apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: ${team}-kafka
  namespace: ${team}
spec:
  kafka:
    version: ${mistake ? '4.3' : '4.3.1'}
    listeners:
      - name: plain
        port: 9092
        type: ${mistake ? 'Internal' : 'internal'}
        tls: false
      - name: tls
        port: 9093
        type: internal
        tls: true
        authentication:
          type: tls
    config:
      offsets.topic.replication.factor: 3
      transaction.state.log.replication.factor: 3
      transaction.state.log.min.isr: 2
      default.replication.factor: 3
      min.insync.replicas: 2
  entityOperator:
    topicOperator: {}
    userOperator: {}
`;

const topic = (team: string, name: string, partitions: number, mistake: boolean) => `apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata:
  name: ${name}
  namespace: ${team}
  labels:
    strimzi.io/cluster: ${team}-kafka
spec:
  ${mistake ? 'partition' : 'partitions'}: ${partitions}
  replicas: 3
  config:
    retention.ms: 604800000
    min.insync.replicas: 2
`;

const user = (team: string, name: string, topicName: string) => `apiVersion: kafka.strimzi.io/v1
kind: KafkaUser
metadata:
  name: ${name}
  namespace: ${team}
  labels:
    strimzi.io/cluster: ${team}-kafka
spec:
  authentication:
    type: tls
  authorization:
    type: simple
    acls:
      - resource:
          type: topic
          name: ${topicName}
        operations: [Read, Describe]
      - resource:
          type: group
          name: ${name}
        operations: [Read]
`;

const scaledObject = (team: string, name: string, topicName: string, mistake: boolean) => `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: ${name}
  namespace: ${team}
spec:
  scaleTargetRef:
    name: ${name}
  minReplicaCount: 1
  maxReplicaCount: ${mistake ? '"6"' : 6}
  triggers:
    - type: kafka
      metadata:
        bootstrapServers: ${team}-kafka-kafka-bootstrap.${team}:9092
        consumerGroup: ${name}
        topic: ${topicName}
        lagThreshold: "100"
`;

const properties = (team: string, name: string, mistake: boolean) => `# ${name} producer
bootstrap.servers=${team}-kafka-kafka-bootstrap.${team}:9093
security.protocol=SSL
acks=${mistake ? '1' : 'all'}
enable.idempotence=true
linger.ms=20
batch.size=65536
compression.type=lz4
key.serializer=org.apache.kafka.common.serialization.StringSerializer
value.serializer=org.apache.kafka.common.serialization.StringSerializer
`;

const spring = (team: string, name: string) => `spring:
  application:
    name: ${name}
  kafka:
    bootstrap-servers: ${team}-kafka-kafka-bootstrap.${team}:9092
    consumer:
      group-id: ${name}
      auto-offset-reset: earliest
      enable-auto-commit: false
      key-deserializer: org.apache.kafka.common.serialization.StringDeserializer
      value-deserializer: org.apache.kafka.common.serialization.StringDeserializer
    producer:
      acks: all
`;

export interface GeneratedWorkspace {
  /** Paths relative to the workspace folder, with `/`. */
  readonly files: string[];
  readonly lines: number;
  readonly documents: number;
}

/** Writes files under `dir` until at least `targetLines` lines exist. */
export function generateWorkspace(dir: string, targetLines: number): GeneratedWorkspace {
  const rand = rng(42);
  const files: string[] = [];
  let lines = 0;
  let documents = 0;
  const write = (rel: string, text: string, docs: number) => {
    const p = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    files.push(rel);
    lines += text.split('\n').length - 1;
    documents += docs;
  };
  const mistake = () => rand() < 0.03;
  for (let t = 0; lines < targetLines; t++) {
    const team = `team-${t}`;
    write(`${team}/kafka.yaml`, cluster(team, mistake()), 3);
    const topics: string[] = [];
    for (let f = 0; f < 3; f++) {
      const n = 8 + Math.floor(rand() * 8);
      const docs: string[] = [];
      for (let i = 0; i < n; i++) {
        const name = `${team}-topic-${f}-${i}`;
        topics.push(name);
        docs.push(topic(team, name, [3, 6, 12, 24][Math.floor(rand() * 4)], mistake()));
      }
      write(`${team}/topics-${f}.yaml`, docs.join('---\n'), n);
    }
    const users = topics.slice(0, 6).map((tp, i) => user(team, `${team}-app-${i}`, tp));
    write(`${team}/users.yaml`, users.join('---\n'), users.length);
    const sos = topics.slice(0, 4).map((tp, i) => scaledObject(team, `${team}-consumer-${i}`, tp, mistake()));
    write(`${team}/keda.yaml`, sos.join('---\n'), sos.length);
    write(`${team}/producer.properties`, properties(team, `${team}-producer`, mistake()), 0);
    write(`${team}/app/src/main/resources/application.yml`, spring(team, `${team}-app`), 0);
  }
  return { files, lines, documents };
}
