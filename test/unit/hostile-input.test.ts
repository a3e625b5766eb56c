/**
 * Hostile input: whatever a file holds, the engine and the CLI answer with findings or an error that
 * names the file and line. They never throw, never hang, and positions stay exact (CRLF, CR, BOM, UTF-16).
 * Timing is never asserted; a generous per-test timeout only guards against hangs.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/cli';
import type { CliIO } from '../../src/cli/io';
import { parseConfigText } from '../../src/core/config';
import { lintFile, lintIndex } from '../../src/core/engine';
import { applyEdits, applyFixesSafely } from '../../src/core/fix';
import type { Finding } from '../../src/core/model';
import { parseProperties } from '../../src/core/parse/properties';
import { RULES } from '../../src/core/rules/index';
import { analyzeFile } from '../../src/core/source';
import { LineIndex } from '../../src/core/text';
import { complete } from '../../src/core/language/completion';
import { hover } from '../../src/core/language/hover';
import { WorkspaceIndex } from '../../src/core/workspace';
import { collectFiles, decodeText, FileAccessError, readTextFile } from '../../src/services/files';
import { defaultSchemaStore } from '../../src/services/schemas';
import { runCapture, tempWorkspaces } from '../helpers/cli';

const GUARD = { timeout: 20_000 };
const tempWorkspace = tempWorkspaces('kafka-k8s-hostile-');
const isRoot = process.getuid?.() === 0;

const TOPIC = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  labels:\n    strimzi.io/cluster: c\nspec:\n  partitions: 0\n  replicas: 3\n';
/** Where TOPIC's `partitions: 0` value starts (1-based), reported as schema-invalid. */
const PARTITIONS_AT = '8:15';

/** Lints one file through the core API, with the shipped schemas, as the CLI does. */
function lint(text: string, file = 'manifest.yaml'): Finding[] {
  const f = analyzeFile(file, text);
  const index = WorkspaceIndex.of([f]);
  const findings = lintFile(f, index, { schemas: defaultSchemaStore() });
  assert.deepEqual(lintIndex(index, { schemas: defaultSchemaStore() }), findings, 'lintIndex agrees with lintFile');
  assert.ok(!findings.some((x) => x.ruleId === 'internal-error'), `internal error: ${findings.map((x) => x.message).join('; ')}`);
  return findings;
}

const at = (f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1}`;
const byRule = (findings: Finding[], id: string) => findings.filter((f) => f.ruleId === id);

describe('hostile YAML through the engine', () => {
  it('an alias bomb is one syntax error at its first alias, found without expanding it', GUARD, () => {
    let bomb = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) {
      const [prev, cur] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      bomb += `${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    }
    const findings = lint(bomb);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, at(f)]),
      [['syntax-error', '6:8']],
    );
    assert.match(findings[0].message, /Aliases expand this document to [\d,]+ values \(an alias bomb\?\); Kubernetes rejects it/);
  });

  it('many aliases of a small anchor are fine, as they are for kubectl', () => {
    const text = `${TOPIC}  config:\n    x: &v "1"\n${Array.from({ length: 300 }, (_, i) => `    k${i}: *v\n`).join('')}`;
    const findings = lint(text);
    assert.equal(byRule(findings, 'syntax-error').length, 0);
    assert.ok(byRule(findings, 'kafka-config-unknown-key').length >= 300, 'the aliased values are checked');
  });

  it('300,000 aliases of one anchor are read in linear time (the library looked each anchor up from the start)', GUARD, () => {
    const text = `${TOPIC}  config:\n    x: &v {min.insync.replicas: 0}\nlist:\n${'  - *v\n'.repeat(300_000)}`;
    const findings = lint(text);
    assert.equal(byRule(findings, 'syntax-error').length, 0);
    const f = analyzeFile('a.yaml', text);
    const list = (f.yaml!.documents[0].value as { list: unknown[] }).list;
    assert.equal(list.length, 300_000);
    assert.deepEqual(list[299_999], { 'min.insync.replicas': 0 });
    assert.equal(list[0], list[299_999], 'every alias is the one anchored value, as the library makes it');
  });

  it('a value read below its anchor (a fresh conversion) still resolves aliases and merge keys', () => {
    const text = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  labels: {strimzi.io/cluster: c}\nx: &d {retention.ms: -5}\nspec:\n  partitions: 1\n  replicas: 3\n  config:\n    <<: *d\n    cleanup.policy: delete\n    y: *d\n';
    const findings = lint(text);
    assert.equal(byRule(findings, 'syntax-error').length, 0);
    const doc = analyzeFile('a.yaml', text).yaml!.documents[0];
    assert.deepEqual((doc.value as { spec: { config: unknown } }).spec.config, { 'retention.ms': -5, 'cleanup.policy': 'delete', y: { 'retention.ms': -5 } });
    assert.deepEqual(byRule(findings, 'kafka-config-unknown-key').map(at), ['13:5']);
  });

  it('unknown aliases, aliases inside their own anchor and merges of scalars are syntax errors at the alias', () => {
    const findings = lint('apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: *nope\n---\na: &a [1, *a]\n---\nb:\n  <<: 5\n');
    assert.deepEqual(
      byRule(findings, 'syntax-error').map((f) => [at(f), f.message.replace(/:.*/, '')]),
      [
        ['6:15', 'YAML syntax error'],
        ['8:11', 'YAML syntax error'],
        ['11:7', 'YAML syntax error'],
      ],
    );
    assert.match(findings.find((f) => at(f) === '6:15')!.message, /Unknown alias \*nope/);
    assert.match(findings.find((f) => at(f) === '8:11')!.message, /inside the node anchored &a/);
    assert.match(findings.find((f) => at(f) === '11:7')!.message, /A merge key \(<<\) takes a map/);
    assert.equal(findings.length, 3, 'a broken document is not checked further');
  });

  it('merge keys are applied, as kubectl applies them; findings point into the anchored map', () => {
    const text = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  labels: {strimzi.io/cluster: c}\nx-defaults: &d\n  partitions: 0\n  replicas: 3\nspec:\n  <<: *d\n  config: {retention.ms: 1000}\n';
    const findings = lint(text);
    assert.deepEqual(
      findings.filter((f) => f.ruleId.startsWith('schema-')).map((f) => [f.ruleId, at(f)]),
      [
        ['schema-unknown-field', '6:1'],
        ['schema-invalid', '7:15'],
      ],
    );
    assert.ok(!findings.some((f) => f.message.includes("'<<'")), 'no finding about a key named <<');
  });

  for (const [name, text] of [
    ['10,000 nested [', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['10,000 nested {', `a: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
    ['10,000 unclosed [', `a: ${'['.repeat(10_000)}\n`],
    ['10,000 levels of indentation', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}a:\n`).join('')],
    ['3,000 nested sequences', `${'- '.repeat(3000)}x\n`],
  ] as const) {
    it(`${name}: a syntax error, not a crash`, GUARD, () => {
      const findings = lint(text);
      assert.ok(findings.length > 0 && findings.every((f) => f.ruleId === 'syntax-error'), findings.map((f) => f.message).join('; '));
      assert.ok(findings.some((f) => /Nesting too deep to read|Flow sequence/.test(f.message)));
    });
  }

  it('deep but readable nesting inside a resource is checked normally', GUARD, () => {
    const findings = lint(`${TOPIC}  config:\n    x: ${'['.repeat(500)}${']'.repeat(500)}\n`);
    assert.equal(byRule(findings, 'syntax-error').length, 0);
    assert.deepEqual(byRule(findings, 'schema-invalid').map(at), [PARTITIONS_AT]);
  });

  it('CRLF, a lone CR and a BOM keep positions exact', () => {
    for (const [name, text] of [
      ['LF', TOPIC],
      ['CRLF', TOPIC.replace(/\n/g, '\r\n')],
      ['CR', TOPIC.replace(/\n/g, '\r')],
      ['BOM (split off by the reader)', TOPIC],
    ] as const) {
      const findings = lint(text);
      assert.deepEqual(byRule(findings, 'syntax-error'), [], name);
      assert.deepEqual(byRule(findings, 'schema-invalid').map(at), [PARTITIONS_AT], name);
      const f = byRule(findings, 'schema-invalid')[0];
      const idx = new LineIndex(text);
      assert.equal(text.slice(idx.offset(f.range.start), idx.offset(f.range.end)), '0', name);
    }
  });

  it('a position is never past the end of its line, also for an offset on the LF of a CRLF', () => {
    const idx = new LineIndex('ab\r\n\r\ncd');
    assert.deepEqual([3, 4, 5].map((o) => idx.position(o)), [
      { line: 0, character: 2 },
      { line: 1, character: 0 },
      { line: 1, character: 0 },
    ]);
    const findings = lint('a: [1,\r\n\r\nb\r\n');
    for (const f of findings) assert.ok(f.range.end.character <= 'a: [1,'.length, JSON.stringify(f.range));
  });

  it('tabs used for indentation are syntax errors on their lines', () => {
    const findings = byRule(lint(TOPIC.replace('\n  partitions', '\n\tpartitions')), 'syntax-error');
    assert.deepEqual([at(findings[0]), findings[0].message], ['8:1', 'YAML syntax error: Tabs are not allowed as indentation']);
    assert.ok(findings.every((f) => f.range.start.line === 7), 'all on the tab line');
  });

  it('empty files, bare document markers, scalars and lists at the top level are quiet', () => {
    for (const text of ['', '\n', '---\n', '---\n---\n...\n---\n', '...\n', 'hello\n', '- a\n- b\n', '42\n', '~\n', '# only a comment\n', '\ufeff']) {
      assert.deepEqual(lint(text), [], JSON.stringify(text));
    }
  });

  it('a Strimzi or KEDA kind without an apiVersion (or the reverse) is a finding, not silence', () => {
    let findings = lint('kind: Kafka\nmetadata:\n  name: x\n');
    assert.deepEqual(findings.map((f) => [f.ruleId, at(f)]), [['schema-required-field', '1:1']]);
    assert.match(findings[0].message, /^kind: Kafka without an apiVersion: Kubernetes rejects the document/);
    const crlf = 'metadata:\r\n  name: x\r\nkind: Kafka\r\n';
    assert.equal(applyEdits(crlf, lint(crlf)[0].fix!.edits).text, 'metadata:\r\n  name: x\r\napiVersion: kafka.strimzi.io/v1\r\nkind: Kafka\r\n');
    findings = lint('apiVersion: keda.sh/v1alpha1\nmetadata: {name: s}\n');
    assert.deepEqual(findings.map((f) => [f.ruleId, at(f)]), [['schema-required-field', '1:1']]);
    findings = lint('apiVersion: 1\nkind: ScaledObject\n---\napiVersion: kafka.strimzi.io/v1\nkind: [Kafka]\n');
    assert.deepEqual(findings.map((f) => [f.ruleId, at(f)]), [['schema-type', '1:13'], ['schema-type', '5:7']]);
    assert.deepEqual(lint('kind: Deployment\nmetadata: {name: d}\n'), [], 'other kinds are not ours to judge');
  });

  it('maps and lists as keys are syntax errors (kubectl: "invalid map key"); keys within keys never make parsing crawl', GUARD, () => {
    let findings = lint(`${TOPIC}  ? [a]\n  : b\n  1: x\n  ? {a: 1}\n  : c\n  config:\n    ? [k]\n    : v\n    1: 2\n`);
    assert.deepEqual(
      byRule(findings, 'syntax-error').map((f) => [at(f), f.message]),
      [
        ['10:5', 'YAML syntax error: A list used as a key: kubectl cannot read it ("invalid map key"). Use a string key.'],
        ['13:5', 'YAML syntax error: A map used as a key: kubectl cannot read it ("invalid map key"). Use a string key.'],
        ['16:7', 'YAML syntax error: A list used as a key: kubectl cannot read it ("invalid map key"). Use a string key.'],
      ],
    );
    assert.ok(findings.some((f) => f.ruleId === 'strimzi-cluster-label-unknown' || f.ruleId.startsWith('topic-') || f.ruleId.startsWith('kafka-config')), 'the rest of the document is still checked');
    // 2,000 flow maps left open: each is the key of the one around it (toJS used to print each key: minutes).
    findings = lint(`a: ${'{{'.repeat(1000)}\n`);
    assert.ok(findings.length > 0 && findings.every((f) => f.ruleId === 'syntax-error'));
  });

  it('no input makes parsing crawl: a map of 80,000 keys, 20,000 templates or unclosed ones on one line', GUARD, () => {
    const keys = Array.from({ length: 80_000 }, (_, i) => `  key${i}: v\n`).join('');
    let findings = lint(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n${keys}  key7: again\n`);
    assert.deepEqual(byRule(findings, 'syntax-error').map((f) => [at(f), f.message]), [['80005:3', 'YAML syntax error: Map keys must be unique']]);
    findings = lint(`${TOPIC}  config:\n    x: ${'{{ .x }}'.repeat(20_000)}\n    y: "${'{{'.repeat(20_000)}"\n`);
    assert.deepEqual(byRule(findings, 'helm-template').map(at), ['11:8']);
  });

  it('a line of 80,000 stray brackets: the first 50 syntax errors and a count of the rest', GUARD, () => {
    const findings = lint(`${TOPIC}  config:\n    x: ${'}'.repeat(80_000)}\n`);
    const errors = byRule(findings, 'syntax-error');
    assert.ok(errors.length <= 51, String(errors.length));
    assert.match(errors[errors.length - 1].message, /^YAML syntax error: \d+ more syntax errors in this document \(only the first 50 are listed\)\.$/);
  });

  it('duplicate keys and very large numbers do not throw', () => {
    let findings: Finding[];
    findings = lint(`${TOPIC}spec:\n  partitions: 1\n`);
    assert.deepEqual(byRule(findings, 'syntax-error').map(at), ['10:1']);
    findings = lint(TOPIC.replace('partitions: 0', 'partitions: 99999999999999999999999999999999').replace('replicas: 3', 'replicas: 1e400') + '  config:\n    retention.ms: 0x7fffffffffffffffffff\n    segment.bytes: -1e309\n    min.insync.replicas: .nan\n');
    assert.ok(findings.length > 0);
  });

  it('YAML 1.1 booleans where KEDA wants strings: kubectl reads a boolean, so a quote fix', () => {
    const so = 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: s\nspec:\n  scaleTargetRef:\n    name: d\n  triggers:\n  - type: kafka\n    metadata:\n      bootstrapServers: b:9092\n      consumerGroup: no\n      topic: "on"\n      lagThreshold: "10"\n';
    const findings = byRule(lint(so), 'schema-type');
    assert.deepEqual(findings.map(at), ['12:22']);
    assert.match(findings[0].message, /kubectl reads a plain no as the boolean false \(YAML 1\.1\)/);
    assert.equal(applyEdits(so, findings[0].fix!.edits).text, so.replace('consumerGroup: no', 'consumerGroup: "no"'));
  });

  it('NUL bytes: a binary file is skipped with a notice; UTF-16 without a byte-order mark is an error', () => {
    let findings = lint(`${TOPIC}\0\0\x01\x02`);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, at(f)]), [['file-skipped', 'info', '1:1']]);
    findings = lint(`${TOPIC.split('').join('\0')}\0`);
    assert.deepEqual(findings.map((f) => [f.ruleId, at(f)]), [['syntax-error', '1:1']]);
    assert.match(findings[0].message, /UTF-16 without a byte-order mark/);
    assert.deepEqual(lint('\0\0\0', 'producer.properties').map((f) => f.ruleId), ['file-skipped']);
  });

  it('a 10 MB single line is read, and positions after it are right', GUARD, () => {
    const findings = lint(`${TOPIC.replace('spec:\n', `x: "${'a'.repeat(10 * 1024 * 1024)}"\nspec:\n`)}`);
    assert.deepEqual(byRule(findings, 'schema-invalid').map(at), ['9:15']);
  });
});

describe('fixes on hostile input', () => {
  it('a fix that would make a file harder to read is left out (a rename onto a key the map has)', () => {
    const text = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  labels: {strimzi.io/cluster: c}\nspec:\n  partitions: 6\n  replica: 3\n  eplicas: 2\n';
    const file = analyzeFile('t.yaml', text);
    const findings = lintFile(file, WorkspaceIndex.of([file]), { schemas: defaultSchemaStore() });
    assert.equal(findings.filter((f) => f.fix?.edits.some((e) => e.newText === 'replicas')).length, 2, 'both keys are offered the rename');
    const { text: fixed, applied } = applyFixesSafely(file, findings);
    assert.equal(fixed, text.replace('  replica: 3', '  replicas: 3'));
    assert.equal(applied, 1);
  });

  it('in a document with syntax errors, fixes are only suggestions (never applied by --fix)', () => {
    const text = TOPIC.replace('kafka.strimzi.io/v1', 'kafka.strimzi.io/v1beta2');
    const fixed = lint(text).filter((f) => f.fix);
    assert.ok(fixed.length > 0, 'the readable document has fixes');
    const broken = lint(`${text}  config: {a: [\n`);
    assert.ok(broken.some((f) => f.ruleId === 'syntax-error'));
    for (const f of fixed) {
      const same = broken.find((b) => b.ruleId === f.ruleId && at(b) === at(f));
      assert.ok(same, f.ruleId);
      assert.equal(same.fix, undefined, f.ruleId);
      assert.deepEqual(same.suggestions?.[0], f.fix, f.ruleId);
    }
  });

  it('with a key given twice, findings point at the one whose value counts (the last)', () => {
    const findings = lint('apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: b\n  labels: {strimzi.io/cluster: c}\nspec:\n  roles: [broker]\nspec:\n  replicas: 3\n  roles:\n  storage: {type: ephemeral}\n');
    assert.deepEqual(byRule(findings, 'strimzi-nodepool-roles-missing').map(at), ['10:3']);
  });

  it('hover and completion never throw on hostile files, at any position', GUARD, () => {
    const schemas = defaultSchemaStore();
    const docs: [string, string][] = [
      ['bomb.yaml', `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\na: &a [x,x,x,x,x,x,x,x,x,x]\n${'bcdef'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdef'[i]}`).join(',')}]`).join('\n')}\nspec:\n  config: {}\n`],
      ['cycle.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata: &m\n  name: t\n  self: *m\nspec:\n  <<: *m\n  config:\n    <<: *m\n'],
      ['merge.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nd: &d {partitions: 1, config: {retention.ms: 1}}\nspec:\n  <<: *d\n  replicas: 3\n'],
      ['cr.yaml', TOPIC.replace(/\n/g, '\r')],
      ['crlf.yaml', TOPIC.replace(/\n/g, '\r\n')],
      ['keys.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\n? [a]\n: b\n1: x\nmetadata:\n  name: t\nspec:\n  ? {x: 1}\n  : 2\n  config:\n    ? [k]\n    : v\n    1: 2\n'],
      ['nokind.yaml', 'kind: Kafka\nmetadata:\n  name: x\nspec:\n  kafka:\n    config:\n      x: 1\n'],
      ['bin.yaml', 'apiVersion: v1\n\0\0kind: x\n'],
      ['deep.yaml', `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nspec:\n  config:\n    x: ${'['.repeat(3000)}\n`],
      ['p.properties', 'bootstrap.servers=a\\\r  b\racks=\\uZZZZ\rx=1\\'],
    ];
    for (const [name, text] of docs) {
      const file = analyzeFile(name, text);
      text.split(/\r\n|\r|\n/).forEach((line, l) => {
        for (let c = 0; c <= Math.min(line.length, 120); c++) {
          assert.doesNotThrow(() => {
            hover(file, { line: l, character: c }, { schemas });
            complete(file, { line: l, character: c }, { schemas });
          }, `${name} ${l + 1}:${c + 1}`);
        }
      });
    }
  });
});

describe('hostile client source', () => {
  it('calls nested without end and long lines of assignments stay linear', GUARD, () => {
    const cases: [string, string][] = [
      ['A.java', `import org.apache.kafka.clients.producer.KafkaProducer;\nclass A { void f() { ${'props.put('.repeat(20_000)} } }\n`],
      ['a.ts', `import { Kafka } from 'kafkajs';\nconst p = ${'kafka.producer({'.repeat(20_000)}\n`],
      ['a.go', `package main\nimport "github.com/IBM/sarama"\nfunc f() { ${'cfg.Producer.RequiredAcks = '.repeat(10_000)}sarama.NoResponse }\n`],
    ];
    for (const [name, text] of cases) assert.doesNotThrow(() => lint(text, name), name);
    // Settings are still read where the code is sane.
    const ok = lint('import org.apache.kafka.clients.producer.ProducerConfig;\nclass A { void f() { props.put(ProducerConfig.ACKS_CONFIG, "0"); } }\n', 'A.java');
    assert.deepEqual(byRule(ok, 'producer-acks-weak').map(at), ['2:60']);
  });
});

describe('hostile .properties', () => {
  it('a continuation backslash at the end of the file is dropped, as Properties.load drops it', () => {
    assert.deepEqual(
      parseProperties('bootstrap.servers=a:9092\\\n  ,b:9092\nacks=all\\').entries.map((e) => [e.key, e.value]),
      [
        ['bootstrap.servers', 'a:9092,b:9092'],
        ['acks', 'all'],
      ],
    );
    const findings = lint(`bootstrap.servers=${'a:9092,\\\n'.repeat(10_000)}a:9092\nacks=0\\`, 'producer.properties');
    assert.deepEqual(byRule(findings, 'producer-acks-weak').map(at), ['10002:6']);
  });

  it('\\uZZZZ is a syntax error at the escape; a lone CR ends a line (old Mac files)', () => {
    let findings = lint('bootstrap.servers=a:9092\nclient.id=\\uZZZZ\n', 'producer.properties');
    assert.deepEqual(byRule(findings, 'syntax-error').map(at), ['2:11']);
    findings = lint('bootstrap.servers=a:9092\racks=0\r', 'producer.properties');
    assert.deepEqual(byRule(findings, 'producer-acks-weak').map(at), ['2:6']);
  });

  it('a 10 MB value is read', GUARD, () => {
    const findings = lint(`bootstrap.servers=${'b'.repeat(10 * 1024 * 1024)}\nacks=0\n`, 'producer.properties');
    assert.deepEqual(byRule(findings, 'producer-acks-weak').map(at), ['2:6']);
  });
});

describe('hostile files through the CLI', () => {
  const run = (cwd: string, ...argv: string[]) => runCapture(cwd, argv);

  it('reports CRLF + BOM and lone-CR files at the same positions in text, JSON and SARIF', GUARD, async () => {
    const root = tempWorkspace({ 'crlf.yaml': '\ufeff' + TOPIC.replace(/\n/g, '\r\n'), 'cr.yaml': TOPIC.replace(/\n/g, '\r') });
    const text = await run(root, 'lint', '.');
    assert.match(text.out, /^cr\.yaml:8:15 +error +'partitions' must be >= 1/m);
    assert.match(text.out, /^crlf\.yaml:8:15 +error +'partitions' must be >= 1/m);
    const json = JSON.parse((await run(root, 'lint', '-f', 'json', '.')).out);
    const partitions = json.findings.filter((f: any) => f.ruleId === 'schema-invalid').map((f: any) => [f.file, f.line, f.column, f.endLine, f.endColumn]);
    assert.deepEqual(partitions, [
      ['cr.yaml', 8, 15, 8, 16],
      ['crlf.yaml', 8, 15, 8, 16],
    ]);
    const sarif = JSON.parse((await run(root, 'lint', '-f', 'sarif', '.')).out);
    const regions = sarif.runs[0].results
      .filter((r: any) => r.ruleId === 'schema-invalid')
      .map((r: any) => [r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine, r.locations[0].physicalLocation.region.startColumn]);
    assert.deepEqual(regions, [
      ['cr.yaml', 8, 15],
      ['crlf.yaml', 8, 15],
    ]);
  });

  it('UTF-16 files with a byte-order mark, even of odd length, are read; binary and BOM-less UTF-16 ones are not linted', GUARD, async () => {
    const root = tempWorkspace({});
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TOPIC, 'utf16le').swap16(), Buffer.from([0x41])]);
    fs.writeFileSync(path.join(root, 'be.yaml'), be);
    fs.writeFileSync(path.join(root, 'nobom.yaml'), Buffer.from(TOPIC, 'utf16le'));
    fs.writeFileSync(path.join(root, 'random.yaml'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const r = await run(root, 'lint', '.');
    assert.match(r.out, /^be\.yaml:8:15 +error +'partitions' must be >= 1/m);
    assert.match(r.out, /^nobom\.yaml:1:1 +error +This file is UTF-16 without a byte-order mark/m);
    assert.match(r.out, /^random\.yaml:1:1 +info +This file holds NUL bytes/m);
    assert.equal(r.code, 1);
  });

  it('a YAML file that is not valid UTF-8 is a syntax error at its first bad byte (a U+FFFD written in the file is fine); .properties are Latin-1 to Java', GUARD, async () => {
    const root = tempWorkspace({});
    const latin1 = (s: string) => Buffer.from(s, 'latin1');
    fs.writeFileSync(path.join(root, 'latin1.yaml'), Buffer.concat([Buffer.from('\ufeff'), latin1(TOPIC.replace('name: t', 'name: t\r\n  annotations:\r\n    note: caf\xe9'))]));
    fs.writeFileSync(path.join(root, 'replacement.yaml'), Buffer.from(TOPIC.replace('name: t', 'name: t\n  annotations:\n    note: "\ufffd"')));
    fs.writeFileSync(path.join(root, 'app.properties'), latin1('bootstrap.servers=b:9092\nclient.id=caf\xe9\n'));
    const r = await run(root, 'lint', '-f', 'json', '.');
    const utf8 = JSON.parse(r.out).findings.filter((f: any) => /not valid UTF-8/.test(f.message)).map((f: any) => [f.file, f.ruleId, f.line, f.column, f.endColumn]);
    assert.deepEqual(utf8, [['latin1.yaml', 'syntax-error', 6, 14, 15]]);
    assert.match(JSON.parse(r.out).findings.find((f: any) => f.file === 'latin1.yaml' && f.ruleId === 'syntax-error').message, /byte 0xE9 here/);
    assert.deepEqual(decodeText(Buffer.from([0x61, 0xef, 0xbf, 0xbd, 0x62, 0xe9, 0x63])).invalidUtf8, { offset: 3, byte: 0xe9 });
    assert.equal(decodeText(Buffer.from('\ufeff\ufffd\ufffd')).invalidUtf8, undefined);
    assert.deepEqual(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x80])).invalidUtf8, { offset: 0, byte: 0x80 });
  });

  it('a file over the size limit is not read: an info finding names it; thresholds.maxFileSizeMB raises the limit', GUARD, async () => {
    const root = tempWorkspace({ 'ok.yaml': TOPIC });
    // 200 MB, sparse: the limit is checked before anything is read.
    const huge = path.join(root, 'huge.yaml');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 200 * 1024 * 1024);
    let r = await run(root, 'lint', '.');
    assert.match(r.out, /^huge\.yaml:1:1 +info +This file is 200 MB, more than the 10 MB limit, so it is not linted\. .*file-skipped$/m);
    assert.match(r.out, /^ok\.yaml:8:15 +error/m);
    assert.match(r.out, /in 2 files/);
    fs.writeFileSync(path.join(root, 'big.yaml'), `${TOPIC}# ${'x'.repeat(11 * 1024 * 1024)}\n`);
    fs.writeFileSync(path.join(root, '.kafka-k8s.yaml'), 'thresholds:\n  maxFileSizeMB: 12\n');
    r = await run(root, 'lint', '-f', 'json', 'big.yaml', 'huge.yaml');
    const found = JSON.parse(r.out).findings.map((f: any) => [f.file, f.ruleId]);
    assert.ok(found.some(([file, id]: string[]) => file === 'big.yaml' && id === 'schema-invalid'), 'read under the raised limit');
    assert.ok(found.some(([file, id]: string[]) => file === 'huge.yaml' && id === 'file-skipped'));
    r = await runCapture(root, ['lint', '-'], `a: ${'x'.repeat(13 * 1024 * 1024)}\n`);
    assert.match(r.out, /^<stdin>\.yaml:1:1 +info +This file is 13 MB, more than the 12 MB limit/m);
  });

  it('walks past symlink loops, symlinked folders, dangling links and FIFOs without hanging', GUARD, async () => {
    const root = tempWorkspace({ 'd/sub/t.yaml': TOPIC });
    fs.symlinkSync('..', path.join(root, 'd/sub/loop'));
    fs.symlinkSync('../d', path.join(root, 'd/self'));
    fs.symlinkSync('nowhere.yaml', path.join(root, 'd/dangling.yaml'));
    fs.symlinkSync('b.yaml', path.join(root, 'd/a.yaml'));
    fs.symlinkSync('a.yaml', path.join(root, 'd/b.yaml'));
    let fifo = false;
    try {
      execFileSync('mkfifo', [path.join(root, 'd/fifo.yaml')]);
      fs.symlinkSync('fifo.yaml', path.join(root, 'd/fifo-link.yaml'));
      fifo = true;
    } catch {
      // no mkfifo here (Windows): the rest still runs
    }
    const r = await run(root, 'lint', 'd');
    assert.equal(r.code, 1);
    assert.deepEqual([...new Set([...r.out.matchAll(/^(\S+\.yaml):\d+:\d+/gm)].map((m) => m[1]))], ['d/sub/t.yaml']);
    assert.equal(r.err, '');
    if (fifo) {
      for (const name of ['d/fifo.yaml', 'd/fifo-link.yaml']) {
        const e = await run(root, 'lint', name);
        assert.equal(e.code, 2);
        assert.match(e.err, /fifo(-link)?\.yaml: not a file or folder/);
        // Even when asked directly, a FIFO is never opened for a blocking read.
        await assert.rejects(readTextFile(path.join(root, name), name), (x: unknown) => x instanceof FileAccessError && /not a regular file/.test(x.message));
      }
    }
    const loop = await run(root, 'lint', 'd/a.yaml');
    assert.equal(loop.code, 2);
    assert.match(loop.err, /d\/a\.yaml: too many levels of symbolic links/);
    const missing = await run(root, 'lint', 'nope.yaml');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.yaml: no such file or folder/);
  });

  it('an unreadable folder or file below the named one is reported and skipped; the rest is linted; exit 2', { ...GUARD, skip: isRoot || process.platform === 'win32' ? 'needs a non-root user on a POSIX system' : false }, async () => {
    const root = tempWorkspace({ 'd/ok.yaml': TOPIC, 'd/locked/x.yaml': TOPIC, 'd/unreadable.yaml': TOPIC });
    fs.chmodSync(path.join(root, 'd/locked'), 0);
    fs.chmodSync(path.join(root, 'd/unreadable.yaml'), 0);
    try {
      const r = await run(root, 'lint', 'd');
      assert.equal(r.code, 2);
      assert.match(r.err, /d\/locked: permission denied\. It is not linted\./);
      assert.match(r.err, /d\/unreadable\.yaml: permission denied\. It is not linted\./);
      assert.match(r.out, /^d\/ok\.yaml:8:15 +error/m);
    } finally {
      fs.chmodSync(path.join(root, 'd/locked'), 0o755);
    }
  });

  it('collectFiles reports a folder that cannot be read and goes on; a file that vanished reads as ENOENT', async () => {
    const root = tempWorkspace({ 'd/ok.yaml': TOPIC });
    const skipped: string[] = [];
    const found = await collectFiles(['d'], { cwd: root, onUnreadable: (e) => skipped.push(e.message) });
    assert.deepEqual(found.map((f) => f.displayPath), [path.join('d', 'ok.yaml')]);
    fs.rmSync(path.join(root, 'd/ok.yaml'));
    await assert.rejects(readTextFile(path.join(root, 'd/ok.yaml'), 'd/ok.yaml'), (e: unknown) => e instanceof FileAccessError && e.code === 'ENOENT');
    assert.deepEqual(skipped, []);
  });

  it('standard input and files are decoded alike: UTF-8 with or without a BOM, UTF-16 with one (odd lengths too)', () => {
    const text = 'acks=0\n';
    assert.deepEqual(decodeText(Buffer.from(text)), { text, bom: false, lossless: true });
    assert.deepEqual(decodeText(Buffer.from('\ufeff' + text)), { text, bom: true, lossless: true });
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).text, text);
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16(), Buffer.from([0x41])])).text, text);
    assert.equal(decodeText(Buffer.from([0xc3, 0x28])).lossless, false);
  });

  it("'-' with a terminal on standard input says what to do instead of waiting", GUARD, async () => {
    let err = '';
    const io: CliIO = { cwd: os.tmpdir(), env: {}, stdinIsTTY: true, stdout: () => undefined, stderr: (t) => void (err += t), stdin: () => new Promise<string>(() => undefined) };
    const code = await runCli(['lint', '-'], io);
    assert.equal(code, 2);
    assert.match(err, /'-' lints standard input, but nothing is piped in/);
    const empty = await runCapture(os.tmpdir(), ['lint', '-'], '');
    assert.equal(empty.code, 0);
  });

  it('a broken .kafka-k8s.yaml names every problem with its line, in every way it can break, and never throws', GUARD, async () => {
    const ids = RULES.map((r) => r.meta.id);
    const cases: [string, RegExp][] = [
      ['versions: [1, 2]\n', /:1:11 +'versions' must be a map/],
      ['versions:\n  kafka: true\n  keda: {a: 1}\n', /:2:10 +'versions\.kafka' must be a version/],
      ['rules: 5\n', /:1:8 +'rules' must be a map/],
      ['rules:\n  nope-rule: error\n  topic-durability-low: loud\n', /:3:25 +Invalid severity 'loud'/],
      ['ignorePaths: [1, null]\n', /:1:15 +An ignore pattern must be a non-empty glob string/],
      ['thresholds:\n  maxFileSizeMB: "big"\n', /:2:18 +Threshold 'maxFileSizeMB' must be a non-negative number/],
      ['crossResource: yes\n', /:1:16 +'crossResource' must be a map/],
      ['unknownKey: 1\n', /:1:1 +Unknown setting 'unknownKey'/],
      ['key: [unclosed\n', /:2:1 +YAML syntax error: Flow sequence/],
      ['\t- tab\n', /:1:1 +YAML syntax error: Tabs are not allowed/],
      ['- a\n- b\n', /:1:1 +The configuration must be a map/],
      ['rules: *nope\n', /:1:8 +YAML syntax error: Unknown alias \*nope/],
      ['a: &a [*a]\nrules: *a\n', /:1:8 +YAML syntax error: The alias \*a is inside the node anchored &a/],
      ['rules:\n  __proto__: error\n  constructor: "off"\n', /:2:3 +Unknown rule '__proto__'/],
      ['---\nversions: {}\n---\nrules: {}\n', /:4:1 +Only the first YAML document/],
      [`a: ${'['.repeat(10_000)}\n`, /:1:\d+ +YAML syntax error: Nesting too deep to read/],
    ];
    for (const [text, expected] of cases) {
      assert.doesNotThrow(() => parseConfigText(text, { ruleIds: ids }), text);
      const root = tempWorkspace({ '.kafka-k8s.yaml': text, 't.yaml': TOPIC });
      const r = await run(root, 'lint', 't.yaml');
      assert.equal(r.code, 2, text);
      assert.match(r.err, /^kafka-k8s( lint)?: invalid configuration file \.kafka-k8s\.yaml:\n/, text);
      assert.match(r.err, expected, text);
    }
    // Binary content in the configuration: an error, no crash.
    const root = tempWorkspace({ 't.yaml': TOPIC });
    fs.writeFileSync(path.join(root, '.kafka-k8s.yaml'), Buffer.from([0x00, 0x01, 0xff, 0x80, 0x0a]));
    const r = await run(root, 'lint', 't.yaml');
    assert.equal(r.code, 2);
    assert.match(r.err, /\.kafka-k8s\.yaml:1:1 +This file holds NUL bytes, so it is not text/);
    // UTF-16 without a byte-order mark: the first NUL is named, not a YAML reading of the bytes.
    fs.writeFileSync(path.join(root, '.kafka-k8s.yaml'), Buffer.from('rules: {}\n', 'utf16le'));
    assert.match((await run(root, 'lint', 't.yaml')).err, /\.kafka-k8s\.yaml:1:2 +This file holds NUL bytes.*Save the configuration as UTF-8 YAML/);
  });

  it('--fix keeps CRLF (also in inserted lines), a BOM and lone CRs; it is idempotent and leaves no temporary file', GUARD, async () => {
    const broken = 'kind: KafkaTopic\nmetadata:\n  name: t\n  labels:\n    strimzi.io/cluster: c\nspec:\n  partitions: 3\n  replicas: 3\n';
    const fixed = `apiVersion: kafka.strimzi.io/v1\n${broken}`;
    const root = tempWorkspace({});
    const files: Record<string, [string, string]> = {
      'crlf.yaml': ['\ufeff' + broken.replace(/\n/g, '\r\n'), '\ufeff' + fixed.replace(/\n/g, '\r\n')],
      'cr.yaml': [broken.replace(/\n/g, '\r'), fixed.replace(/\n/g, '\r')],
      'weak.properties': ['bootstrap.servers=a:9092\r\nacks=0\r\n', 'bootstrap.servers=a:9092\r\nacks=all\r\n'],
    };
    for (const [name, [text]] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
    const first = await run(root, 'lint', '--fix', '.');
    assert.match(first.err, /fixed 3 files/);
    for (const [name, [, want]] of Object.entries(files)) assert.equal(fs.readFileSync(path.join(root, name), 'utf8'), want, name);
    const second = await run(root, 'lint', '--fix', '.');
    assert.doesNotMatch(second.err, /fixed/);
    for (const [name, [, want]] of Object.entries(files)) assert.equal(fs.readFileSync(path.join(root, name), 'utf8'), want, name);
    assert.deepEqual(fs.readdirSync(root).sort(), Object.keys(files).sort());
  });

  it('--output into a device or FIFO writes into it instead of replacing it', { ...GUARD, skip: process.platform === 'win32' ? 'POSIX only' : false }, async () => {
    const root = tempWorkspace({ 't.yaml': TOPIC });
    fs.symlinkSync('/dev/null', path.join(root, 'report.sarif'));
    const r = await run(root, 'lint', '-f', 'sarif', '-o', 'report.sarif', 't.yaml');
    assert.equal(r.code, 1);
    assert.ok(fs.lstatSync(path.join(root, 'report.sarif')).isSymbolicLink(), 'the link is kept');
    assert.ok(fs.statSync('/dev/null').isCharacterDevice(), '/dev/null is untouched');
    assert.deepEqual(fs.readdirSync(root).sort(), ['report.sarif', 't.yaml']);
  });
});
