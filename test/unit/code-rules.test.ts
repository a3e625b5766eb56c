import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintFile } from '../../src/core/engine';
import { applyEdits } from '../../src/core/fix';
import { scaffold } from '../../src/core/scaffold/index';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspace';
import { smallKafka, smallTopic } from '../fixtures/cross/manifests';
import { lintCase } from '../helpers/rule-tester';

/** The text after applying the first suggestion of the one finding of `ruleId`. */
function suggested(files: Record<string, string>, ruleId: string, path = Object.keys(files)[0]): string | undefined {
  const r = lintCase({ files, path });
  const f = r.findings.filter((x) => x.ruleId === ruleId);
  assert.equal(f.length, 1, JSON.stringify(f.map((x) => x.message)));
  const s = f[0].suggestions?.[0] ?? f[0].fix;
  return s ? applyEdits(r.text, s.edits).text : undefined;
}

describe('code rules: suggestions are valid code', () => {
  const ID = 'java-kafka4-removed-api';
  const java = (imports: string, body: string) =>
    `package demo;\n\nimport org.apache.kafka.clients.consumer.*;\nimport org.apache.kafka.common.TopicPartition;\n${imports}\nclass App {\n  KafkaConsumer<String, String> consumer;\n\n  void run(TopicPartition tp) {\n    ${body}\n  }\n}\n`;

  it('java-kafka4-removed-api: poll(long) → poll(Duration.ofMillis(…)), qualified when Duration is not imported', () => {
    assert.match(suggested({ 'App.java': java('import java.time.Duration;\n', 'consumer.poll(100);') }, ID)!, /consumer\.poll\(Duration\.ofMillis\(100\)\);/);
    assert.match(suggested({ 'App.java': java('', 'consumer.poll(100);') }, ID)!, /consumer\.poll\(java\.time\.Duration\.ofMillis\(100\)\);/);
  });

  it('java-kafka4-removed-api: committed(tp[, d]) → committed(Set.of(tp)[, d]).get(tp); none for new TopicPartition(…)', () => {
    assert.match(suggested({ 'App.java': java('import java.util.*;\n', 'var m = consumer.committed(tp);') }, ID)!, /var m = consumer\.committed\(Set\.of\(tp\)\)\.get\(tp\);/);
    assert.match(suggested({ 'App.java': java('', 'var m = consumer.committed(tp, timeout);') }, ID)!, /consumer\.committed\(java\.util\.Set\.of\(tp\), timeout\)\.get\(tp\);/);
    assert.equal(suggested({ 'App.java': java('', 'consumer.committed(new TopicPartition("t", 0));') }, ID), undefined);
  });
});

describe('code rules: workspace links', () => {
  it('a kafkajs file depends on the KafkaTopics and Kafkas of the workspace (kafkajs-auto-topic-creation)', () => {
    const index = WorkspaceIndex.of([
      analyzeFile('app.js', "const { Kafka } = require('kafkajs');\nconst p = new Kafka({ brokers: ['k:9092'] }).producer();\n"),
      analyzeFile('topic.yaml', smallTopic()),
      analyzeFile('kafka.yaml', smallKafka()),
      analyzeFile('Other.java', 'class Other {}\n'),
    ]);
    assert.ok(index.dependents('topic.yaml').includes('app.js'));
    assert.ok(!index.dependents('topic.yaml').includes('Other.java'));
    assert.ok(index.dependents('kafka.yaml').includes('app.js'));
  });
});

describe('code rules: cut and damaged client code', () => {
  it('the scaffolded Java, Go and Node clients, cut anywhere or with a line removed, never break a rule', () => {
    const files = ['java-client', 'go-client', 'node-client'].flatMap((id) => scaffold(id, {}).files).filter((f) => /\.(java|go|ts)$/.test(f.path));
    const topic = analyzeFile('topic.yaml', smallTopic());
    let linted = 0;
    for (const f of files) {
      const variants: string[] = [];
      const step = Math.max(1, Math.floor(f.content.length / 60));
      for (let at = 0; at < f.content.length; at += step) variants.push(f.content.slice(0, at));
      const lines = f.content.split('\n');
      for (let l = 0; l < lines.length; l += 3) variants.push([...lines.slice(0, l), ...lines.slice(l + 1)].join('\n'));
      for (const text of variants) {
        const src = analyzeFile(f.path, text);
        const findings = lintFile(src, WorkspaceIndex.of([src, topic]));
        const broken = findings.filter((x) => x.ruleId === 'internal-error');
        assert.deepEqual(broken.map((x) => x.message), [], `${f.path} (${text.length} chars)`);
        linted++;
      }
    }
    assert.ok(linted > 300, String(linted));
  });
});
