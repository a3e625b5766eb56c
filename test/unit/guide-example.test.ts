/**
 * The guide's example cluster (Strimzi v1beta2, `zookeeper:`, Kafka 3.6.0, `inter.broker.protocol.version`)
 * must give a user on today's Strimzi the findings they need to migrate, at the right lines, and a
 * user on a ZooKeeper-era Strimzi (0.38) the view of that era.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/cli';
import { lintFile, type EngineOptions } from '../../src/core/engine';
import { STRIMZI_RULES } from '../../src/core/rules/strimzi/index';
import { analyzeFile } from '../../src/core/source';

const FILE = path.join(process.cwd(), 'test', 'fixtures', 'guide', 'kafka-cluster.yaml');
const TEXT = fs.readFileSync(FILE, 'utf8');
const OURS = new Set(STRIMZI_RULES.map((r) => r.meta.id));

/** `line:column severity rule-id` of the strimzi-* findings (1-based, as an editor shows them). */
function lint(opts: EngineOptions = {}): string[] {
  const file = analyzeFile('test/fixtures/guide/kafka-cluster.yaml', TEXT);
  return lintFile(file, undefined, opts)
    .filter((f) => OURS.has(f.ruleId))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId}`);
}

describe('the guide example cluster', () => {
  it('is the guide cluster: v1beta2, Kafka 3.6.0, zookeeper, inter.broker.protocol.version', () => {
    for (const s of ['apiVersion: kafka.strimzi.io/v1beta2', 'version: 3.6.0', '  zookeeper:', 'inter.broker.protocol.version: "3.6"', 'entityOperator:']) {
      assert.ok(TEXT.includes(s), s);
    }
  });

  it('on Strimzi 1.2.0 (default) shows the migration findings at the right lines', () => {
    assert.deepStrictEqual(lint(), [
      '3:13 error strimzi-deprecated-api', // v1beta2 removed in 1.0
      '10:14 error strimzi-kafka-version-unsupported', // 3.6.0 not in 4.2.0–4.3.1
      '11:5 warning strimzi-deprecated-api', // spec.kafka.replicas → node pools
      '20:14 info strimzi-listener-no-authentication',
      '21:5 warning strimzi-auto-create-topics-enabled',
      '27:7 warning strimzi-version-config', // not used in KRaft
      '28:5 warning strimzi-deprecated-api', // spec.kafka.storage → node pools
      '35:3 error strimzi-zookeeper-removed',
    ]);
  });

  it('on Strimzi 0.38.0 shows the ZooKeeper-era view: ZooKeeper and Kafka 3.6.0 are fine', () => {
    const findings = lint({ versions: { strimzi: { value: '0.38.0', source: 'flag' } } });
    assert.deepStrictEqual(findings, [
      '20:14 info strimzi-listener-no-authentication',
      '21:5 warning strimzi-auto-create-topics-enabled',
    ]);
  });

  it('on Strimzi 0.46.0 the cluster must first be migrated to KRaft', () => {
    assert.deepStrictEqual(lint({ versions: { strimzi: { value: '0.46.0', source: 'flag' } } }), [
      '5:1 error strimzi-kraft-annotations',
      '5:1 error strimzi-kraft-annotations',
      '10:14 error strimzi-kafka-version-unsupported',
      '11:5 warning strimzi-deprecated-api',
      '20:14 info strimzi-listener-no-authentication',
      '21:5 warning strimzi-auto-create-topics-enabled',
      '27:7 warning strimzi-version-config',
      '28:5 warning strimzi-deprecated-api',
      '35:3 error strimzi-zookeeper-removed',
    ]);
  });

  it('names the values a user needs in the messages', () => {
    const file = analyzeFile('kafka-cluster.yaml', TEXT);
    const byRule = new Map(lintFile(file).map((f) => [f.ruleId, f.message]));
    assert.match(byRule.get('strimzi-kafka-version-unsupported')!, /^Kafka 3\.6\.0 is not supported by Strimzi 1\.2\.0 \(supported: 4\.2\.0, 4\.2\.1, 4\.3\.0 and 4\.3\.1\).*Use 4\.3\.1\. Assumes Strimzi 1\.2\.0; set versions\.strimzi in \.kafka-k8s\.yaml to match your operator\.$/);
    assert.match(byRule.get('strimzi-zookeeper-removed')!, /removed in 0\.46/);
    assert.match(byRule.get('strimzi-version-config')!, /^inter\.broker\.protocol\.version is not used in KRaft-based clusters/);
  });

  it('gives the same two views through the CLI (`kafka-k8s lint --strimzi-version …`)', async () => {
    const cli = async (...argv: string[]) => {
      let out = '';
      const code = await runCli(['lint', '--format', 'json', ...argv, 'test/fixtures/guide/kafka-cluster.yaml'], { cwd: process.cwd(), env: {}, stdout: (t) => void (out += t), stderr: () => undefined });
      const json = JSON.parse(out) as { findings: { line: number; column: number; severity: string; ruleId: string }[] };
      return { code, findings: json.findings.filter((f) => OURS.has(f.ruleId)).map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId}`) };
    };
    const today = await cli();
    assert.equal(today.code, 1);
    assert.deepStrictEqual(today.findings, lint());
    const old = await cli('--strimzi-version', '0.38.0');
    assert.deepStrictEqual(old.findings, ['20:14 info strimzi-listener-no-authentication', '21:5 warning strimzi-auto-create-topics-enabled']);
  });
});
