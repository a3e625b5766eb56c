/** Benchmarks in the extension host: keystroke to updated diagnostics. Printed as BENCH lines. */
import * as vscode from 'vscode';
import { sleep, test, waitFor } from './harness';
import { api, open, ours, wsUri } from './util';

/** A Strimzi manifest of about `lines` lines: a cluster, node pools and topics, as several documents. */
function manifest(lines: number): string {
  const head = `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: bench
spec:
  kafka:
    version: 4.1.0
    listeners:
      - name: plain
        port: 9092
        type: internal
        tls: false
    config:
      acks: 1
      min.insync.replicas: 2
      default.replication.factor: 3
  entityOperator:
    topicOperator: {}
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: pool
  labels:
    strimzi.io/cluster: bench
spec:
  replicas: 3
  roles: [controller, broker]
  storage:
    type: persistent-claim
    size: 100Gi
`;
  const parts = [head];
  let n = head.split('\n').length;
  for (let i = 0; n < lines; i++) {
    const t = `---
apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata:
  name: topic-${i}
  labels:
    strimzi.io/cluster: bench
spec:
  partitions: ${(i % 12) + 1}
  replicas: ${i % 5 === 0 ? 1 : 3}
  config:
    retention.ms: ${604800000 + i}
    min.insync.replicas: 2
`;
    parts.push(t);
    n += t.split('\n').length - 1;
  }
  return parts.join('');
}

async function measureKeystrokes(rel: string, text: string, rounds: number): Promise<{ total: number[]; lint: number[]; lines: number }> {
  const uri = wsUri(rel);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const editor = await open(rel);
  await waitFor('first lint', () => ours(uri).length > 0, 30000);
  const total: number[] = [];
  const lint: number[] = [];
  const line = 4; // `  name: bench` — typing into the cluster name
  for (let i = 0; i < rounds; i++) {
    const done = new Promise<number>((resolve) => {
      const sub = api().onDidLint((r) => {
        if (r.uri.toString() === uri.toString() && r.version === editor.document.version) {
          sub.dispose();
          resolve(r.ms);
        }
      });
    });
    const t0 = performance.now();
    await editor.edit((e) => e.insert(new vscode.Position(line, editor.document.lineAt(line).text.length), 'x'));
    lint.push(await done);
    total.push(performance.now() - t0);
    await sleep(50);
  }
  return { total, lint, lines: editor.document.lineCount };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

test('BENCH keystroke → updated diagnostics (150-line manifest, 5,000-line multi-document file)', async () => {
  const cfg = vscode.workspace.getConfiguration('kafkaK8s');
  for (const [rel, lines] of [['bench/small.yaml', 150], ['bench/large.yaml', 5000]] as const) {
    const r = await measureKeystrokes(rel, manifest(lines), 7);
    const debounce = cfg.get<number>('lint.debounceMs');
    console.log(
      `    BENCH ${r.lines} lines: keystroke→diagnostics median ${median(r.total).toFixed(0)} ms (max ${Math.max(...r.total).toFixed(0)}; includes the ${debounce} ms debounce), lint itself median ${median(r.lint).toFixed(1)} ms (max ${Math.max(...r.lint).toFixed(1)})`,
    );
  }
}, 120000);
