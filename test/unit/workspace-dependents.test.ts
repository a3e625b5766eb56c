/**
 * `WorkspaceIndex.dependents` against the real rules: after any one-line edit of any file of a
 * connected workspace, every other file whose findings changed must be among the edited file's
 * dependents (before or after the edit) — otherwise the editor would show stale findings there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintFile } from '../../src/core/engine';
import type { Finding } from '../../src/core/model';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspace';
import { healthy } from '../fixtures/cross/manifests';

const FILES: Record<string, string> = {
  ...healthy(),
  'c.properties': 'bootstrap.servers=my-cluster-kafka-bootstrap.kafka.svc:9092\ngroup.id=orders\nauto.offset.reset=earliest\nkey.deserializer=x\n',
  'p.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: r\nspec:\n  groups:\n    - name: g\n      rules:\n        - alert: a\n          expr: kafka_consumergroup_lag > 1\n',
  'user.yaml': 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaUser\nmetadata:\n  name: app\n  namespace: kafka\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n  authentication:\n    type: tls\n',
  'ta.yaml': 'apiVersion: keda.sh/v1alpha1\nkind: TriggerAuthentication\nmetadata:\n  name: auth\n  namespace: apps\nspec:\n  secretTargetRef:\n    - parameter: tls\n      name: s\n      key: tls\n',
};
FILES['so.yaml'] += '      authenticationRef:\n        name: auth\n';

const MUTATIONS: ((line: string) => string)[] = [
  (l) => l.replace(/:\s.*$/, ': null'),
  (l) => l.replace(/\d+/, (d) => String(Number(d) + 1)),
  (l) => l.replace(/\d+/, '1'),
  (l) => l.replace(/[a-z]+$/, (w) => `${w}x`),
  () => '',
  (l) => l.replace('=', '=x'),
];

const key = (fs: Finding[]) => JSON.stringify(fs.map((f) => [f.ruleId, f.range, f.message, f.severity]));

function build(): WorkspaceIndex {
  return WorkspaceIndex.of(Object.entries(FILES).map(([p, t]) => analyzeFile(p, t)));
}

function lintAll(idx: WorkspaceIndex): Map<string, string> {
  return new Map([...idx.allFiles()].map((f) => [f.path, key(lintFile(f, idx, {}))]));
}

describe('WorkspaceIndex.dependents covers every file whose findings an edit changes', () => {
  const before = lintAll(build());
  for (const [path, text] of Object.entries(FILES)) {
    it(path, () => {
      const missed: string[] = [];
      let edits = 0;
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        for (const mutate of MUTATIONS) {
          const changed = mutate(line);
          if (changed === line) continue;
          edits++;
          const idx = build();
          const { dependents } = idx.updateWithDependents(path, [...lines.slice(0, i), changed, ...lines.slice(i + 1)].join('\n'));
          for (const [other, findings] of lintAll(idx)) {
            if (other !== path && findings !== before.get(other) && !dependents.includes(other)) missed.push(`line ${i + 1} '${changed.trim()}' changes ${other}`);
          }
        }
      });
      assert.ok(edits > 0);
      assert.deepEqual(missed, []);
    });
  }
});
