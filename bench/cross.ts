/**
 * `npm run bench:cross`: re-lint after a one-line edit in a generated 2,000-file workspace (Kafka
 * clusters, node pools, KafkaTopics, ScaledObjects, Deployments, client configs), the way the editor
 * does it — update the one file in the index, lint it, lint its dependents — side by side with a
 * full re-lint of every file. Goal: edit + dependents < 50 ms. Never asserted in tests.
 * Options: --quick (fewer rounds).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintFile, lintIndex } from '../src/core/engine';
import { analyzeFile } from '../src/core/source';
import { WorkspaceIndex } from '../src/core/workspace';
import { defaultSchemaStore } from '../src/services/schemas';
import { deployment, kafka, pool, scaledObject, topic } from '../test/fixtures/cross/manifests';
import { median, now } from './stats';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 5 : 15;
const schemas = defaultSchemaStore();
const opts = { schemas };

const CLUSTERS = 10;
const TOPICS = 60; // per cluster; one ScaledObject and one Deployment each
const PROPS = 170;

const bootstrap = (c: string) => `${c}-kafka-bootstrap.kafka.svc:9092`;
function props(c: string, t: string): string {
  return `bootstrap.servers=${bootstrap(c)}\ngroup.id=${t}\nauto.offset.reset=latest\nenable.auto.commit=false\nkey.deserializer=org.apache.kafka.common.serialization.StringDeserializer\nvalue.deserializer=org.apache.kafka.common.serialization.StringDeserializer\n`;
}

function generate(): Map<string, string> {
  const files = new Map<string, string>();
  for (let i = 0; i < CLUSTERS; i++) {
    const c = `cluster-${i}`;
    files.set(`${c}/kafka.yaml`, kafka({ name: c }));
    for (const role of ['controller', 'broker']) files.set(`${c}/pool-${role}s.yaml`, pool({ name: `${role}s`, cluster: c, roles: `[${role}]`, replicas: 3 }));
    for (let j = 0; j < TOPICS; j++) {
      const t = `${c}-topic-${j}`;
      files.set(`${c}/topics/${t}.yaml`, topic({ name: t, cluster: c, partitions: 12, config: '    min.insync.replicas: 2\n    retention.ms: 604800000\n' }));
      files.set(`apps/${t}/scaledobject.yaml`, scaledObject({ name: `${t}-consumer`, target: `${t}-consumer`, max: 12, bootstrap: bootstrap(c), group: t, topic: t }));
      files.set(`apps/${t}/deployment.yaml`, deployment({ name: `${t}-consumer`, app: t, bootstrap: bootstrap(c), group: t }));
    }
  }
  for (let k = 0; k < PROPS; k++) {
    const c = `cluster-${k % CLUSTERS}`;
    files.set(`clients/consumer-${k}.properties`, props(c, `${c}-topic-${k % TOPICS}`));
  }
  return files;
}

interface Edit {
  readonly label: string;
  readonly path: string;
  readonly from: string;
  readonly to: string;
}

function main(): void {
  const files = generate();
  const index = WorkspaceIndex.of([...files].map(([p, t]) => analyzeFile(p, t)));
  const t0 = now();
  const all = lintIndex(index, opts);
  const cold = now() - t0;
  const fullRuns: number[] = [];
  for (let r = 0; r < Math.max(3, ROUNDS / 3); r++) {
    // A full re-lint after an edit: the index version changes, so cached lookups are rebuilt too.
    const p = 'cluster-0/topics/cluster-0-topic-0.yaml';
    index.update(p, files.get(p)!.replace('partitions: 12', `partitions: ${13 + (r % 2)}`));
    const s = now();
    lintIndex(index, opts);
    fullRuns.push(now() - s);
  }
  index.update('cluster-0/topics/cluster-0-topic-0.yaml', files.get('cluster-0/topics/cluster-0-topic-0.yaml')!);
  const full = median(fullRuns);

  const edits: Edit[] = [
    { label: 'KafkaTopic partitions', path: 'cluster-3/topics/cluster-3-topic-7.yaml', from: 'partitions: 12', to: 'partitions: 6' },
    { label: 'ScaledObject maxReplicaCount', path: 'apps/cluster-3-topic-7/scaledobject.yaml', from: 'maxReplicaCount: 12', to: 'maxReplicaCount: 30' },
    { label: 'Deployment env (group id)', path: 'apps/cluster-3-topic-7/deployment.yaml', from: 'value: cluster-3-topic-7\n', to: 'value: cluster-3-topic-7-v2\n' },
    { label: 'client .properties', path: 'clients/consumer-5.properties', from: 'auto.offset.reset=latest', to: 'auto.offset.reset=earliest' },
    { label: 'KafkaNodePool replicas', path: 'cluster-3/pool-brokers.yaml', from: 'replicas: 3', to: 'replicas: 2' },
    { label: 'Kafka config', path: 'cluster-3/kafka.yaml', from: 'min.insync.replicas: 2', to: 'min.insync.replicas: 1' },
  ];
  const rows: { label: string; dependents: number; ms: number; editOnly: number; findingsChanged: boolean }[] = [];
  for (const e of edits) {
    const original = files.get(e.path)!;
    const edited = original.replace(e.from, e.to);
    if (edited === original) throw new Error(`edit '${e.label}' does not apply`);
    const times: number[] = [];
    const editOnly: number[] = [];
    let deps = 0;
    let changed = false;
    for (let r = 0; r < ROUNDS; r++) {
      const text = r % 2 === 0 ? edited : original;
      const s = now();
      const { file, dependents } = index.updateWithDependents(e.path, text);
      const own = lintFile(file, index, opts);
      const mid = now();
      let n = own.length;
      for (const d of dependents) n += lintFile(index.get(d)!, index, opts).length;
      times.push(now() - s);
      editOnly.push(mid - s);
      deps = dependents.length;
      if (r === 0) changed = n >= 0;
    }
    index.update(e.path, original);
    rows.push({ label: e.label, dependents: deps, ms: median(times), editOnly: median(editOnly), findingsChanged: changed });
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number) => x.toFixed(1).padStart(8);
  const lines = [
    `Cross-file re-lint after a one-line edit — ${files.size} files (${CLUSTERS} clusters, ${CLUSTERS * TOPICS} topics/ScaledObjects/Deployments, ${PROPS} client configs), ${all.length} findings`,
    `Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}; median of ${ROUNDS} edits`,
    '',
    `${pad('edit', 32)}${'dependents'.padStart(11)}${'edited ms'.padStart(11)}${'+deps ms'.padStart(10)}  goal < 50 ms`,
    ...rows.map((r) => `${pad(r.label, 32)}${String(r.dependents).padStart(11)}${num(r.editOnly).padStart(11)}${num(r.ms).padStart(10)}  ${r.ms < 50 ? 'ok' : 'OVER'}`),
    '',
    `${pad('full re-lint (every file)', 32)}${String(files.size).padStart(11)}${''.padStart(11)}${num(full).padStart(10)}  (first lint, cold: ${cold.toFixed(0)} ms)`,
  ];
  console.log(lines.join('\n'));
  const out = path.join(process.cwd(), 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'cross.json'), JSON.stringify({ files: files.size, rounds: ROUNDS, full, cold, edits: rows }, null, 2));
}

main();
