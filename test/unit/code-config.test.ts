import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lintFile } from '../../src/core/engine';
import { applyEdits } from '../../src/core/fix';
import { javaConstantKey } from '../../src/core/kafka-config';
import { goConfigs, javaConfigs, jsConfigs, kafkaCodeLanguage, tokenize } from '../../src/core/parse/code';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspace';
import { runCapture, tempWorkspaces } from '../helpers/cli';

const workspace = tempWorkspaces('kafka-k8s-code-');

const JAVA = `package demo;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;

class App {
  Properties producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    props.put(ProducerConfig.ACKS_CONFIG, "1");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    props.setProperty("linger.ms", lingerFromEnv());
    // props.put(ProducerConfig.ACKS_CONFIG, "0");
    String s = "props.put(\\"acks\\", \\"0\\")";
    return props;
  }

  Map<String, Object> consumer() {
    return Map.of(
        ConsumerConfig.GROUP_ID_CONFIG, "orders",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
  }
}
`;

const GO = `package main

import "github.com/IBM/sarama"

func config() *sarama.Config {
	cfg := sarama.NewConfig()
	cfg.Producer.RequiredAcks = sarama.WaitForLocal // weak
	cfg.Producer.Idempotent = idempotentFromEnv()
	/* cfg.Producer.RequiredAcks = sarama.NoResponse */
	return cfg
}
`;

const JS = `import { Kafka } from 'kafkajs';
const kafka = new Kafka({ clientId: 'x', brokers: ['b:9092'] });
const producer = kafka.producer({ idempotent: false, transactionalId: \`tx-\${id}\` });
await producer.send({ topic: 't', acks: 1, messages: [] });
const consumer = kafka.consumer({ groupId: 'orders' });
await consumer.run({ autoCommit: true, eachMessage: async () => {} });
// producer.send({ acks: 0 })
`;

function lint(p: string, text: string) {
  const file = analyzeFile(p, text);
  return { file, findings: lintFile(file, WorkspaceIndex.of([file])) };
}

describe('client settings in code', () => {
  it('tokenizes without reading comments or string contents as code', () => {
    const toks = tokenize('a.b("x\\"y") // c.d("z")\n/* e */ f = `raw`');
    assert.deepEqual(toks.map((t) => [t.kind, t.text]), [['ident', 'a.b'], ['punct', '('], ['string', 'x"y'], ['punct', ')'], ['ident', 'f'], ['punct', '='], ['string', 'raw']]);
  });

  it('maps kafka-clients constants to keys through the catalogue', () => {
    assert.equal(javaConstantKey('ProducerConfig', 'ACKS_CONFIG'), 'acks');
    assert.equal(javaConstantKey('ProducerConfig', 'KEY_SERIALIZER_CLASS_CONFIG'), 'key.serializer');
    assert.equal(javaConstantKey('ProducerConfig', 'PARTITIONER_CLASS_CONFIG'), 'partitioner.class');
    assert.equal(javaConstantKey('SaslConfigs', 'SASL_JAAS_CONFIG'), 'sasl.jaas.config');
    assert.equal(javaConstantKey('ProducerConfig', 'MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION'), 'max.in.flight.requests.per.connection');
    assert.equal(javaConstantKey('ProducerConfig', 'NOT_A_THING_CONFIG'), undefined);
  });

  it('reads Java put/setProperty/Map.of settings, literal values only', () => {
    const configs = javaConfigs(JAVA, javaConstantKey);
    assert.deepEqual(configs.map((c) => [c.target, c.roleHint, c.settings.map((s) => `${s.key}=${s.value ?? '?'}`)]), [
      ['props', 'producer', ['bootstrap.servers=localhost:9092', 'acks=1', 'enable.idempotence=false', 'linger.ms=?']],
      [configs[1].target, 'consumer', ['group.id=orders', 'enable.auto.commit=true']],
    ]);
  });

  it('reads two clients built in one file with the same variable name (or two Map.ofEntries) as two configs', () => {
    const two = `import org.apache.kafka.clients.producer.*;
import java.util.*;
class Two {
  KafkaProducer<String, String> reliable() {
    Properties props = new Properties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return new KafkaProducer<>(props);
  }
  KafkaProducer<String, String> metrics() {
    Properties props = new Properties();
    props.put(ProducerConfig.ACKS_CONFIG, "0");
    return new KafkaProducer<>(props);
  }
  Map<String, Object> a() { return Map.ofEntries(Map.entry("acks", "all"), Map.entry("enable.idempotence", "true")); }
  Map<String, Object> b() { return Map.ofEntries(Map.entry("acks", "1")); }
}
`;
    const configs = javaConfigs(two, javaConstantKey);
    assert.deepEqual(configs.map((c) => [c.target, c.settings.map((s) => `${s.key}=${s.value}`).join(' ')]), [
      ['props', 'acks=all enable.idempotence=true'],
      ['props', 'acks=0'],
      ['Map.ofEntries', 'acks=all enable.idempotence=true'],
      ['Map.ofEntries', 'acks=1'],
    ]);
    // acks=0 belongs to a producer without idempotence: no conflict with the other producer's enable.idempotence=true.
    assert.deepEqual(lint('src/Two.java', two).findings.filter((f) => f.ruleId === 'producer-idempotence-conflict'), []);
  });

  it('reads two sarama configs in one file (each function, each NewConfig) as two configs', () => {
    const two = 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc reliable() *sarama.Config {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Producer.Idempotent = true\n\tcfg.Net.MaxOpenRequests = 1\n\treturn cfg\n}\n\nfunc metrics() *sarama.Config {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\treturn cfg\n}\n\nfunc tune(cfg *sarama.Config) {\n\tcfg.Consumer.Offsets.Initial = sarama.OffsetOldest\n\tgo func() {\n\t\tcfg.Consumer.Offsets.AutoCommit.Enable = false\n\t}()\n}\n';
    const configs = goConfigs(two);
    assert.deepEqual(configs.map((c) => [c.target, c.roleHint, c.settings.map((s) => `${s.key}=${s.value}`).join(' ')]), [
      ['cfg', 'producer', 'acks=all enable.idempotence=true max.in.flight.requests.per.connection=1'],
      ['cfg', 'producer', 'acks=0'],
      ['cfg', 'consumer', 'auto.offset.reset=earliest enable.auto.commit=false'],
    ]);
    assert.deepEqual(lint('main.go', two).findings.filter((f) => f.ruleId === 'producer-idempotence-conflict'), []);
  });

  it('reads two kafkajs producers in one file as two configs, each with the sends of its variable', () => {
    const two = "import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ brokers: ['b:9092'] });\nconst fast = kafka.producer();\nconst safe = kafka.producer({ idempotent: true });\nawait fast.send({ topic: 'm', acks: 1, messages: [] });\nawait safe.send({ topic: 'o', acks: -1, messages: [] });\n";
    assert.deepEqual(jsConfigs(two).map((c) => c.settings.map((s) => `${s.key}=${s.value ?? '?'}`).join(' ')), ['enable.idempotence=true', 'acks=1']);
    assert.deepEqual(lint('two.js', two).findings.filter((f) => f.ruleId === 'producer-idempotence-conflict'), []);
    // One producer: its sends are its own, whatever the variable.
    const one = "import { Kafka } from 'kafkajs';\nexport const make = (kafka) => kafka.producer({ idempotent: true });\nawait producer.send({ topic: 't', acks: 1, messages: [] });\n";
    assert.deepEqual(jsConfigs(one).map((c) => c.settings.map((s) => `${s.key}=${s.value ?? '?'}`).join(' ')), ['enable.idempotence=true acks=1']);
  });

  it('reads sarama Config assignments', () => {
    const [c] = goConfigs(GO);
    assert.equal(c.target, 'cfg');
    assert.deepEqual(c.settings.map((s) => `${s.key}=${s.value ?? '?'}`), ['acks=1', 'enable.idempotence=?']);
  });

  it('reports the Java findings at the value, with fixes that stay valid Java', () => {
    const { file, findings } = lint('src/App.java', JAVA);
    assert.equal(file.kind, 'client-code');
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line + 1, f.range.start.character + 1]), [
      ['producer-acks-weak', 12, 43],
      ['producer-idempotence-disabled', 13, 57],
      ['consumer-auto-commit-enabled', 23, 51],
    ]);
    const fix = findings[0].fix!;
    assert.match(applyEdits(JAVA, fix.edits).text, /props\.put\(ProducerConfig\.ACKS_CONFIG, "all"\);/);
    assert.equal(findings[1].fix, undefined, 'no fix that deletes code');
  });

  it('reports the sarama findings with a sarama fix; dynamic values are not judged', () => {
    const { findings } = lint('cmd/producer/main.go', GO);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line + 1]), [['producer-acks-weak', 7]]);
    assert.match(applyEdits(GO, findings[0].fix!.edits).text, /cfg\.Producer\.RequiredAcks = sarama\.WaitForAll \/\/ weak/);
    // sarama's own requirements for idempotence, not Java's.
    const off = lint('main.go', GO.replace('idempotentFromEnv()', 'false')).findings.find((f) => f.ruleId === 'producer-idempotence-disabled');
    assert.match(off!.message, /Set it to true\. It also needs Producer\.RequiredAcks = sarama\.WaitForAll and Net\.MaxOpenRequests = 1\./);
    assert.equal(off!.fix, undefined, 'no fix while the companions are wrong');
    // Turned on without sarama's companions: Config.Validate refuses it.
    const on = lint('main.go', GO.replace('idempotentFromEnv()', 'true').replace('sarama.WaitForLocal', 'sarama.WaitForAll')).findings;
    assert.deepEqual(on.map((f) => [f.ruleId, f.range.start.line + 1]), [['producer-idempotence-conflict', 8]]);
    assert.match(on[0].message, /^sarama refuses an idempotent producer without Net\.MaxOpenRequests = 1 \(the default is 5\)/);
    const weak = lint('main.go', GO.replace('idempotentFromEnv()', 'true').replace('// weak', '\n\tcfg.Net.MaxOpenRequests = 1')).findings;
    assert.deepEqual(weak.map((f) => f.ruleId), ['producer-idempotence-conflict']);
    assert.match(weak[0].message, /needs acks=all, and sarama refuses to create it \(ConfigurationError\)/);
    assert.match(applyEdits(GO, weak[0].fix!.edits).text, /RequiredAcks = sarama\.WaitForAll/);
  });

  it('reads kafkajs options of producer(), send(), consumer() and run(), one config per role', () => {
    const configs = jsConfigs(JS);
    assert.deepEqual(configs.map((c) => [c.roleHint, c.settings.map((s) => `${s.key}=${s.value ?? '?'}`)]), [
      ['producer', ['enable.idempotence=false', 'transactional.id=?', 'acks=1']],
      ['consumer', ['group.id=orders', 'enable.auto.commit=true']],
    ]);
    assert.equal(kafkaCodeLanguage('src/producer.ts', "import { kafka } from './config';\nconst p = kafka.producer({ idempotent: true });"), 'js', 'kafkajs options without the import');
    assert.equal(kafkaCodeLanguage('src/x.ts', 'const p = other.producer({ retries: 1 });'), undefined);
  });

  it('reports kafkajs findings with kafkajs wording and fixes', () => {
    assert.deepEqual(lint('src/app.ts', JS).findings.map((f) => f.ruleId), ['producer-idempotence-conflict', 'consumer-auto-commit-enabled'], 'a transactional producer with idempotence off');
    const plain = JS.replace(", transactionalId: \`tx-\${id}\`", '');
    const { findings } = lint('src/app.ts', plain);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line + 1]), [['producer-idempotence-disabled', 3], ['producer-acks-weak', 4], ['consumer-auto-commit-enabled', 6]]);
    assert.match(findings[0].message, /Set it to true\./, 'kafkajs defaults to idempotent: false, so removing the option does not help');
    const strong = plain.replace('acks: 1', 'acks: -1');
    const idem = lint('src/app.ts', strong).findings[0];
    assert.equal(idem.ruleId, 'producer-idempotence-disabled');
    assert.match(applyEdits(strong, idem.fix!.edits).text, /producer\(\{ idempotent: true \}\)/);
    const weak = findings[1];
    assert.match(weak!.message, /acks: -1, kafkajs' default/);
    assert.match(applyEdits(plain, weak!.fix!.edits).text, /acks: -1, messages/);
  });

  it('is not fooled by names of Object.prototype members', () => {
    assert.deepEqual(goConfigs('import "github.com/IBM/sarama"\nfunc f() { cfg.constructor = 1; cfg.Producer.RequiredAcks = toString }')[0].settings.map((s) => s.value), [undefined]);
    assert.deepEqual(jsConfigs("import 'kafkajs'; k.constructor({ a: 1 }); k.toString({ x: 1 }); k.producer({ constructor: 1, __proto__: 2 });"), []);
  });

  it('does not report absent keys in code (they may be set elsewhere)', () => {
    const { findings } = lint('P.java', 'import org.apache.kafka.clients.producer.ProducerConfig;\nclass P { void f(java.util.Properties p) { p.put(ProducerConfig.ACKS_CONFIG, "all"); } }\n');
    assert.deepEqual(findings, []);
  });

  it('honours // kafka-k8s-disable-next-line comments in code', () => {
    const text = JAVA.replace('    props.put(ProducerConfig.ACKS_CONFIG, "1");', '    // kafka-k8s-disable-next-line producer-acks-weak -- benchmark only\n    props.put(ProducerConfig.ACKS_CONFIG, "1");');
    const file = analyzeFile('App.java', text);
    const f = lintFile(file, WorkspaceIndex.of([file]), { includeSuppressed: true }).find((x) => x.ruleId === 'producer-acks-weak');
    assert.deepEqual(f?.suppressed, { kind: 'comment', justification: 'benchmark only' });
  });

  it('ignores Java and Go files that do not use a Kafka client', () => {
    assert.equal(analyzeFile('A.java', 'class A { void f(java.util.Properties p) { p.put("acks", "1"); } }').kind, 'other');
    assert.equal(analyzeFile('a.go', 'package a\nfunc f() { cfg.Producer.RequiredAcks = 1 }').kind, 'other');
  });

  it('the CLI walks Java and Go files, counts only the Kafka ones, and --fix edits them', async () => {
    const root = workspace({ 'src/App.java': JAVA, 'src/Other.java': 'class Other {}\n', 'cmd/main.go': GO, 'vendor/x/main.go': GO, 'dist/app.js': JS, '.cache/out/app.js': JS, 'types/app.d.ts': JS, 'k8s/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' });
    const r = await runCapture(root, ['lint', '.']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^src\/App\.java:12:43 +warning .*producer-acks-weak$/m);
    assert.match(r.out, /^cmd\/main\.go:7:30 +warning .*producer-acks-weak$/m);
    assert.doesNotMatch(r.out, /vendor|dist\/|\.cache|\.d\.ts/, 'dependencies, build output, hidden folders and declarations are skipped');
    assert.match(r.out, /in 3 files/);
    await runCapture(root, ['lint', '--fix', '.']);
    assert.match(fs.readFileSync(path.join(root, 'cmd/main.go'), 'utf8'), /RequiredAcks = sarama\.WaitForAll/);
    assert.match(fs.readFileSync(path.join(root, 'src/App.java'), 'utf8'), /ACKS_CONFIG, "all"/);
  });
});
