import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/cli';
import type { CliIO } from '../../src/cli/io';
import { ALWAYS_ON_RULES, useColor } from '../../src/cli/lint';
import { RULES } from '../../src/core/rules/index';
import { runCapture, tempWorkspaces } from '../helpers/cli';

const tempWorkspace = tempWorkspaces('kafka-k8s-cli-output-');
const run = (cwd: string, ...argv: string[]) => runCapture(cwd, argv);

const WEAK = 'bootstrap.servers=localhost:9092\nacks=1\n';
const BAD_YAML = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n';
/** A topic with one replica (topic-durability-low) and min.insync.replicas above it (topic-min-isr-inconsistent). */
const TOPIC = `apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata:
  name: orders
  labels: {strimzi.io/cluster: events}
spec:
  partitions: 3
  replicas: 1
  config:
    min.insync.replicas: 2
`;

/** Rule ids reported, in order. */
const ruleIds = (out: string) => [...out.matchAll(/ {2}([a-z0-9-]+)$/gm)].map((m) => m[1]).filter((id) => RULES.some((r) => r.meta.id === id));

describe('kafka-k8s lint: output options', () => {
  it('--show-source prints each finding with its source line, the range underlined', async () => {
    const root = tempWorkspace({ 'producer.properties': WEAK });
    const r = await run(root, 'lint', '--show-source', '--only-rule', 'producer-acks-weak', '.');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^producer\.properties:2:6 +warning +acks=1 .*producer-acks-weak\n {2}2 \| acks=1\n {4}\| {6}\^\n\n✖ 1 problem/);
    const json = await run(root, 'lint', '--show-source', '--format', 'json', '.');
    assert.equal(json.code, 2);
    assert.match(json.err, /--show-source applies to the text format only/);
  });

  it('--show-source excerpts standard input', async () => {
    let out = '';
    const io: CliIO = { cwd: tempWorkspace({}), env: {}, stdout: (t) => void (out += t), stderr: () => undefined, stdin: async () => WEAK };
    assert.equal(await runCli(['lint', '--show-source', '--only-rule', 'producer-acks-weak', '--stdin-filename', 'p.properties', '-'], io), 0);
    assert.match(out, /^p\.properties:2:6 .*\n {2}2 \| acks=1\n/);
  });

  it('--rule sets severities over the configuration file, --ignore-rule turns rules off', async () => {
    const root = tempWorkspace({ '.kafka-k8s.yaml': 'rules:\n  producer-acks-weak: info\n', 'producer.properties': WEAK });
    const base = await run(root, 'lint', '--only-rule', 'producer-acks-weak', '.');
    assert.match(base.out, /producer\.properties:2:6 +info /, 'the configuration file applies');
    assert.equal(base.code, 0);
    const raised = await run(root, 'lint', '--only-rule', 'producer-acks-weak', '--rule', 'producer-acks-weak=error', '.');
    assert.match(raised.out, /producer\.properties:2:6 +error /);
    assert.equal(raised.code, 1);
    const colon = await run(root, 'lint', '--only-rule', 'producer-acks-weak', '--rule', 'producer-acks-weak: warning', '.');
    assert.match(colon.out, / warning /, "ESLint's id: severity form works too");
    const off = await run(root, 'lint', '--only-rule', 'producer-acks-weak', '--ignore-rule', 'producer-acks-weak', '.');
    assert.equal(off.out, 'No problems found in 2 files.\n');
  });

  it('--only-rule runs the rules named (comma-separated or repeated), and never hides syntax errors', async () => {
    const root = tempWorkspace({ 'topic.yaml': TOPIC, 'producer.properties': WEAK, 'broken.yaml': BAD_YAML });
    const all = await run(root, 'lint', '.');
    assert.ok(ruleIds(all.out).includes('topic-min-isr-inconsistent'), all.out);
    const one = await run(root, 'lint', '--only-rule', 'topic-durability-low', '.');
    assert.deepEqual([...new Set(ruleIds(one.out))].sort(), ['syntax-error', 'topic-durability-low']);
    const two = await run(root, 'lint', '--only-rule', 'topic-durability-low,producer-acks-weak', '--only-rule', 'topic-min-isr-inconsistent', '.');
    assert.deepEqual([...new Set(ruleIds(two.out))].sort(), ['producer-acks-weak', 'syntax-error', 'topic-durability-low', 'topic-min-isr-inconsistent']);
    assert.deepEqual([...ALWAYS_ON_RULES].sort(), ['file-skipped', 'internal-error', 'syntax-error']);
  });

  it('--only-rule runs a rule the configuration file turns off', async () => {
    const root = tempWorkspace({ '.kafka-k8s.yaml': 'rules:\n  producer-acks-weak: "off"\n', 'producer.properties': WEAK });
    assert.doesNotMatch((await run(root, 'lint', '.')).out, /producer-acks-weak/);
    assert.match((await run(root, 'lint', '--only-rule', 'producer-acks-weak', '.')).out, /producer-acks-weak/);
  });

  it('rejects unknown rules and severities with a did-you-mean and exit 2', async () => {
    const root = tempWorkspace({ 'producer.properties': WEAK });
    const cases: [string[], RegExp][] = [
      [['--rule', 'producer-acks-wek=error'], /--rule: unknown rule 'producer-acks-wek'\. Did you mean 'producer-acks-weak'\?/],
      [['--rule', 'producer-acks-weak=fatal'], /--rule producer-acks-weak: unknown severity 'fatal': use error, warning, info, hint, off\./],
      [['--rule', 'producer-acks-weak'], /--rule needs <id>=<severity>/],
      [['--ignore-rule', 'nope-nope'], /--ignore-rule: unknown rule 'nope-nope'\..*kafka-k8s rules/],
      [['--only-rule', 'topic-durability'], /--only-rule: unknown rule 'topic-durability'\. Did you mean 'topic-durability-low'\?/],
      [['--only-rule', ','], /--only-rule needs at least one rule id/],
      [['--color', '--no-color'], /contradict/],
    ];
    for (const [args, message] of cases) {
      const r = await run(root, 'lint', ...args, '.');
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
      assert.equal(r.out, '');
    }
  });

  it('colours the text report as --color, --no-color, FORCE_COLOR, NO_COLOR and the terminal say', async () => {
    const root = tempWorkspace({ 'producer.properties': WEAK });
    const lint = async (env: Record<string, string>, isTTY: boolean, ...args: string[]) => {
      let out = '';
      const io: CliIO = { cwd: root, env, isTTY, stdout: (t) => void (out += t), stderr: () => undefined };
      await runCli(['lint', ...args, '.'], io);
      return out.includes('\u001b[');
    };
    assert.equal(await lint({}, true), true);
    assert.equal(await lint({}, false), false);
    assert.equal(await lint({ NO_COLOR: '1' }, true), false);
    assert.equal(await lint({}, false, '--color'), true);
    assert.equal(await lint({ FORCE_COLOR: '1' }, false), true);
    assert.equal(await lint({ NO_COLOR: '1' }, true, '--color'), true);
    assert.equal(await lint({}, true, '--no-color'), false);
    assert.equal(await lint({ FORCE_COLOR: '1' }, true, '--format', 'json'), false, 'only the text format is coloured');
  });

  it('useColor: flags, then FORCE_COLOR (over NO_COLOR, as in Node.js), NO_COLOR, TERM=dumb, the terminal', () => {
    assert.equal(useColor(undefined, {}, true, false), true);
    assert.equal(useColor(undefined, {}, false, false), false);
    assert.equal(useColor(undefined, { NO_COLOR: '1' }, true, false), false);
    assert.equal(useColor(undefined, { NO_COLOR: '' }, true, false), true, 'an empty NO_COLOR is not set (no-color.org)');
    assert.equal(useColor(undefined, { FORCE_COLOR: '' }, false, false), true);
    assert.equal(useColor(undefined, { FORCE_COLOR: '3' }, false, false), true);
    assert.equal(useColor(undefined, { FORCE_COLOR: '0' }, true, false), false, 'FORCE_COLOR=0 turns colour off');
    assert.equal(useColor(undefined, { FORCE_COLOR: 'false' }, true, false), false);
    assert.equal(useColor(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, false), true);
    assert.equal(useColor(undefined, { TERM: 'dumb' }, true, false), false);
    assert.equal(useColor(undefined, { FORCE_COLOR: '1' }, true, true), false, 'a file written with --output gets no colour from the environment');
    assert.equal(useColor(true, {}, false, true), true, '--color colours it');
    assert.equal(useColor(false, { FORCE_COLOR: '1' }, true, false), false);
  });
});

describe('kafka-k8s lint --format github', () => {
  it('annotates paths relative to GITHUB_WORKSPACE, so a step in a subfolder points at the right files', async () => {
    const root = tempWorkspace({ 'deploy/app/producer.properties': WEAK });
    let out = '';
    const io: CliIO = { cwd: path.join(root, 'deploy'), env: { GITHUB_WORKSPACE: root }, stdout: (t) => void (out += t), stderr: () => undefined };
    await runCli(['lint', '--format', 'github', '--only-rule', 'producer-acks-weak', 'app'], io);
    assert.match(out, /^::warning file=deploy\/app\/producer\.properties,line=2,/);
    assert.match(out, /::deploy\/app\/producer\.properties:2:6: acks=1 /, 'the message starts with the same path');
    out = '';
    await runCli(['lint', '--format', 'github', '--only-rule', 'producer-acks-weak', 'app'], { ...io, env: {} });
    assert.match(out, /^::warning file=app\/producer\.properties,/, 'outside Actions: the path as shown');
  });
});

describe('kafka-k8s: usage', () => {
  it('--version and -v print the version', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await run(os.tmpdir(), flag);
      assert.equal(r.code, 0);
      assert.match(r.out, /^\d+\.\d+\.\d+\n$/);
    }
  });

  it('help lists --version; no command is a usage error on standard error', async () => {
    const help = await run(os.tmpdir(), '--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /-v, --version/);
    const none = await run(os.tmpdir());
    assert.equal(none.code, 2);
    assert.equal(none.out, '');
    assert.match(none.err, /^Usage: kafka-k8s <command>/);
  });

  it("'help <command>' shows the command's help", async () => {
    const r = await run(os.tmpdir(), 'help', 'lint');
    assert.equal(r.code, 0);
    assert.match(r.out, /^Usage: kafka-k8s lint/);
  });

  it("'help <unknown>' is a usage error that suggests the nearest command", async () => {
    const r = await run(os.tmpdir(), 'help', 'lnt');
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /^kafka-k8s help: unknown command 'lnt'\. Did you mean 'lint'\?\n\nUsage: kafka-k8s/);
  });

  it('an option without its value, or a flag given one, is named as typed', async () => {
    const missing = await run(os.tmpdir(), 'lint', '--format');
    assert.equal(missing.code, 2);
    assert.equal(missing.err, "kafka-k8s lint: --format needs a value.\nRun 'kafka-k8s lint --help' for the options.\n");
    const short = await run(os.tmpdir(), 'lint', '-o');
    assert.match(short.err, /^kafka-k8s lint: --output needs a value\./);
    const followed = await run(os.tmpdir(), 'lint', '--format', '--fix', '.');
    assert.match(followed.err, /^kafka-k8s lint: --format needs a value, but an option follows it\. A value that starts with '-' is written --format=-…\./);
    const docs = await run(os.tmpdir(), 'docs', '--chek');
    assert.match(docs.err, /^kafka-k8s docs: Unknown option '--chek'\. Did you mean '--check'\?\n/, 'a sentence, also for commands without paths');
    const flag = await run(os.tmpdir(), 'lint', '--fix=yes', '.');
    assert.equal(flag.code, 2);
    assert.match(flag.err, /^kafka-k8s lint: --fix takes no value\./);
  });

  it('an unknown option before the command is a usage error with a hint', async () => {
    const typo = await run(os.tmpdir(), '--verison');
    assert.equal(typo.code, 2);
    assert.match(typo.err, /^kafka-k8s: unknown option '--verison'\. Did you mean '--version'\?/);
    for (const [typed, meant] of [['-V', '-v'], ['-H', '-h'], ['--vers', '--version'], ['--hel', '--help']]) {
      const r = await run(os.tmpdir(), typed);
      assert.equal(r.code, 2);
      assert.match(r.err, new RegExp(`^kafka-k8s: unknown option '${typed}'\\. Did you mean '${meant}'\\?`), typed);
    }
    const early = await run(os.tmpdir(), '--format', 'json');
    assert.equal(early.code, 2);
    assert.match(early.err, /unknown option '--format': a command's options go after it, e\.g\. kafka-k8s lint --format/);
  });
});
