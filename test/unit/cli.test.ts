import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { README_END, README_START } from '../../src/core/docs';
import { RULES } from '../../src/core/rules/index';
import { WorkspaceIndex } from '../../src/core/workspace';
import { runCapture, tempWorkspaces } from '../helpers/cli';

/**
 * A `.kafka-k8s.yaml` that turns off every rule but these, so the assertions below do not change
 * as rules are added (extra lines are appended to it).
 */
function only(ids: readonly string[], extra = ''): string {
  const off = RULES.map((r) => r.meta.id).filter((id) => !ids.includes(id));
  return `rules:\n${off.map((id) => `  ${id}: "off"\n`).join('')}${extra}`;
}
const CONFIG = only(['producer-acks-weak', 'syntax-error', 'config-invalid']);

const tempWorkspace = tempWorkspaces('kafka-k8s-cli-');

/** A temporary folder holding the given files, plus CONFIG unless the files have their own configuration. */
function workspace(files: Record<string, string>, config = true): string {
  return tempWorkspace(config && !('.kafka-k8s.yaml' in files) ? { '.kafka-k8s.yaml': CONFIG, ...files } : files);
}

const run = (cwd: string, ...argv: string[]) => runCapture(cwd, argv);
const runWithStdin = (cwd: string, stdin: string | undefined, ...argv: string[]) => runCapture(cwd, argv, stdin);

const WEAK = 'bootstrap.servers=localhost:9092\nacks=1\n';
const GOOD = 'bootstrap.servers=localhost:9092\nacks=all\n';
const BAD_YAML = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n';

describe('kafka-k8s lint', () => {
  it('prints help and exits 0', async () => {
    const r = await run(os.tmpdir(), 'lint', '--help');
    assert.equal(r.code, 0);
    assert.match(r.out, /^Usage: kafka-k8s lint/);
    assert.match(r.out, /--max-warnings/);
  });

  it('rejects unknown options and bad values with exit 2 and a hint', async () => {
    const root = workspace({ 'p.properties': GOOD });
    let r = await run(root, 'lint', '--colour', '.');
    assert.equal(r.code, 2);
    assert.match(r.err, /Unknown option '--colour'/);
    assert.match(r.err, /kafka-k8s lint --help/);
    r = await run(root, 'lint', '--format', 'xml', '.');
    assert.equal(r.code, 2);
    assert.match(r.err, /Unknown format 'xml'/);
    r = await run(root, 'lint', '--format', 'jsn', '.');
    assert.match(r.err, /Unknown format 'jsn'\. Did you mean 'json'\? Use text, json, sarif, github\./);
    r = await run(root, 'lint', '--max-warnings', 'many', '.');
    assert.equal(r.code, 2);
    r = await run(root, 'lint', '--kafka-version', 'latest', '.');
    assert.equal(r.code, 2);
    assert.match(r.err, /--kafka-version needs a version/);
  });

  it('names a missing path and exits 2', async () => {
    const root = workspace({});
    const r = await run(root, 'lint', 'nope/kafka.yaml');
    assert.equal(r.code, 2);
    assert.match(r.err, /nope\/kafka\.yaml: no such file or folder/);
  });

  it('fails on a folder without files to lint, so CI does not pass on the wrong folder', async () => {
    const root = workspace({ 'docs/readme.md': '# x\n' });
    const r = await run(root, 'lint', 'docs');
    assert.equal(r.code, 2);
    assert.match(r.err, /docs: no YAML \(\.yaml, \.yml\), \.properties or client source \(Java, Go, JavaScript, TypeScript\) files in this folder/);
  });

  it('refuses a named file that is not YAML or properties', async () => {
    const root = workspace({ 'notes.txt': 'hi' });
    const r = await run(root, 'lint', 'notes.txt');
    assert.equal(r.code, 2);
    assert.match(r.err, /notes\.txt: not a YAML/);
  });

  it('exits 0 on a clean workspace', async () => {
    const root = workspace({ 'producer.properties': GOOD });
    const r = await run(root, 'lint', 'producer.properties');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'No problems found in 1 file.\n');
  });

  it('suggests the nearest command and option on a typo', async () => {
    const root = workspace({});
    const c = await run(root, 'lnt');
    assert.equal(c.code, 2);
    assert.match(c.err, /unknown command 'lnt'\. Did you mean 'lint'\?/);
    const o = await run(root, 'lint', '--formt', 'json');
    assert.equal(o.code, 2);
    assert.match(o.err, /Unknown option '--formt'\. Did you mean '--format'\?\nRun 'kafka-k8s lint --help'/);
    const n = await run(root, 'new', '--dryrun');
    assert.match(n.err, /Did you mean '--dry-run'\?/);
  });

  it('--quiet reports errors only, and warnings no longer fail --max-warnings', async () => {
    const root = workspace({ 'deploy/app/producer.properties': WEAK, 'deploy/broken.yaml': BAD_YAML });
    const r = await run(root, 'lint', '--quiet', 'deploy');
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.out, /producer-acks-weak/);
    assert.match(r.out, /syntax-error/);
    const w = await run(root, 'lint', '-q', '--max-warnings', '0', 'deploy/app');
    assert.equal(w.code, 0, w.out);
  });

  it('--format github prints workflow commands', async () => {
    const root = workspace({ 'deploy/app/producer.properties': WEAK });
    const r = await run(root, 'lint', '--format', 'github', 'deploy');
    assert.equal(r.code, 0);
    assert.match(r.out, /^::warning file=deploy\/app\/producer\.properties,line=2,endLine=2,col=6,endColumn=7,title=kafka-k8s\(producer-acks-weak\)::deploy\/app\/producer\.properties:2:6: acks=1 .* \[producer-acks-weak\]$/m);
  });

  it('lints the current folder when no path is given', async () => {
    const root = workspace({ 'producer.properties': GOOD, 'sub/x.yaml': 'a: 1\n' });
    const r = await run(root, 'lint');
    assert.equal(r.out, 'No problems found in 3 files.\n'); // with .kafka-k8s.yaml
  });

  it('shows paths relative to the folder the user named, and exits 1 on errors', async () => {
    const root = workspace({ 'deploy/app/producer.properties': WEAK, 'deploy/broken.yaml': BAD_YAML });
    const r = await run(root, 'lint', 'deploy');
    assert.equal(r.code, 1);
    const lines = r.out.split('\n');
    assert.match(lines[0], /^deploy\/app\/producer\.properties:2:6 +warning +acks=1 .* +producer-acks-weak$/);
    assert.match(lines[1], /^deploy\/broken\.yaml:\d+:\d+ +error +YAML syntax error: .* +syntax-error$/);
    assert.match(r.out, /✖ 2 problems \(1 error, 1 warning\) in 2 files/);
  });

  it('applies --max-warnings', async () => {
    const root = workspace({ 'producer.properties': WEAK });
    assert.equal((await run(root, 'lint', '.')).code, 0);
    assert.equal((await run(root, 'lint', '--max-warnings', '1', '.')).code, 0);
    const r = await run(root, 'lint', '--max-warnings', '0', '.');
    assert.equal(r.code, 1);
    assert.match(r.err, /1 warning, more than --max-warnings 0 allows/);
  });

  it('writes JSON to --output', async () => {
    const root = workspace({ 'producer.properties': WEAK });
    const r = await run(root, 'lint', '--format', 'json', '--output', 'out/report.json', 'producer.properties');
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    const json = JSON.parse(fs.readFileSync(path.join(root, 'out/report.json'), 'utf8'));
    assert.equal(json.schemaVersion, 1);
    assert.deepEqual(
      json.findings.map((f: any) => [f.file, f.line, f.column, f.endLine, f.endColumn, f.ruleId, f.severity]),
      [['producer.properties', 2, 6, 2, 7, 'producer-acks-weak', 'warning']],
    );
  });

  it('writes SARIF with suppressed findings marked', async () => {
    const root = workspace({ 'a/producer.properties': 'bootstrap.servers=x:9092\n# kafka-k8s-disable-next-line producer-acks-weak -- legacy consumer of this topic\nacks=1\n', 'b/producer.properties': WEAK });
    const r = await run(root, 'lint', '-f', 'sarif', '.');
    assert.equal(r.code, 0, r.err);
    const log = JSON.parse(r.out);
    const results = log.runs[0].results;
    assert.equal(results.length, 2);
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'a/producer.properties');
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.deepEqual(results[0].suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'legacy consumer of this topic' }]);
    assert.equal(results[1].suppressions, undefined);
    // Text output leaves the suppressed one out.
    const text = await run(root, 'lint', '.');
    assert.match(text.out, /✖ 1 problem \(0 errors, 1 warning\)/);
  });

  it('applies the version flags', async () => {
    const root = workspace({ 'producer.properties': WEAK });
    const modern = await run(root, 'lint', '.');
    assert.match(modern.out, /the default since Kafka 3\.0/);
    const old = await run(root, 'lint', '--kafka-version', '2.8.0', '.');
    assert.doesNotMatch(old.out, /the default since Kafka 3\.0/);
  });

  it('skips node_modules, .git and ignorePaths; lints named files even when ignored', async () => {
    const root = workspace({
      '.kafka-k8s.yaml': only(['producer-acks-weak', 'syntax-error'], 'ignorePaths: ["generated/**", "*.skip.yaml"]\n'),
      'node_modules/x/producer.properties': WEAK,
      '.git/producer.properties': WEAK,
      'generated/producer.properties': WEAK,
      'k8s/a.skip.yaml': BAD_YAML,
      'k8s/ok.yaml': 'a: 1\n',
    });
    let r = await run(root, 'lint', '.');
    assert.equal(r.code, 0, r.out);
    assert.equal(r.out, 'No problems found in 2 files.\n'); // .kafka-k8s.yaml and k8s/ok.yaml
    r = await run(root, 'lint', 'generated/producer.properties');
    assert.match(r.out, /producer-acks-weak/);
  });

  it('reads .kafka-k8s.yaml: rule severities and versions', async () => {
    const root = workspace({ '.kafka-k8s.yaml': only(['producer-acks-weak'], '  producer-acks-weak: error\nversions:\n  kafka: "2.8.0"\n'), 'producer.properties': WEAK });
    const r = await run(root, 'lint', 'producer.properties');
    assert.equal(r.code, 1);
    assert.match(r.out, /producer\.properties:2:6 +error/);
    assert.doesNotMatch(r.out, /the default since Kafka 3\.0/);
    // A flag wins over the file.
    assert.match((await run(root, 'lint', '--kafka-version', '4.0.0', 'producer.properties')).out, /the default since Kafka 3\.0/);
    const off = workspace({ 'cfg/my.yaml': only([]), 'producer.properties': WEAK }, false);
    assert.equal((await run(off, 'lint', '--config', 'cfg/my.yaml', 'producer.properties')).out, 'No problems found in 1 file.\n');
  });

  it('notes a configuration file that is linted but not used', async () => {
    const root = workspace({ 'deploy/.kafka-k8s.yaml': CONFIG, 'deploy/producer.properties': GOOD }, false);
    const r = await run(root, 'lint', 'deploy');
    assert.match(r.err, /note: deploy\/\.kafka-k8s\.yaml is checked but not used as the configuration; run from its folder or pass --config deploy\/\.kafka-k8s\.yaml/);
    const used = await run(root, 'lint', '--config', 'deploy/.kafka-k8s.yaml', 'deploy');
    assert.equal(used.err, '');
  });

  it('exits 2 on an invalid configuration, naming each problem and its line', async () => {
    const root = workspace({ '.kafka-k8s.yaml': 'rules:\n  producer-acks-weakk: off\nversion: {}\n', 'producer.properties': WEAK });
    const r = await run(root, 'lint', '.');
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /invalid configuration file \.kafka-k8s\.yaml/);
    assert.match(r.err, /\.kafka-k8s\.yaml:2:3 +Unknown rule 'producer-acks-weakk'\. Did you mean 'producer-acks-weak'\?/);
    assert.match(r.err, /\.kafka-k8s\.yaml:3:1 +Unknown setting 'version'\. Did you mean 'versions'\?/);
    const missing = await run(root, 'lint', '--config', 'other.yaml', '.');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /other\.yaml: configuration file not found/);
    const broken = workspace({ '.kafka-k8s.yaml': 'rules: [\n' });
    assert.equal((await run(broken, 'lint', '.')).code, 2);
  });

  it('--fix rewrites what it can fix, leaves other files untouched, then reports what remains', async () => {
    const root = workspace({ 'producer.properties': WEAK, 'b/producer.properties': 'acks : 0\n', 'clean.properties': GOOD, 'broken.yaml': BAD_YAML });
    const cleanPath = path.join(root, 'clean.properties');
    const before = fs.statSync(cleanPath).mtimeMs;
    const r = await run(root, 'lint', '--fix', '.');
    assert.match(r.err, /fixed 2 files: b\/producer\.properties, producer\.properties/);
    assert.equal(fs.readFileSync(path.join(root, 'producer.properties'), 'utf8'), GOOD);
    assert.equal(fs.readFileSync(path.join(root, 'b/producer.properties'), 'utf8'), 'acks : all\n');
    assert.equal(fs.statSync(cleanPath).mtimeMs, before);
    assert.equal(fs.readFileSync(path.join(root, 'broken.yaml'), 'utf8'), BAD_YAML);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.out, /producer-acks-weak/);
    assert.match(r.out, /syntax-error/);
  });

  it("lints standard input with '-' (e.g. helm template output)", async () => {
    const root = workspace({});
    let r = await runWithStdin(root, 'a: 1\n  b: 2\n', 'lint', '-');
    assert.equal(r.code, 1);
    assert.match(r.out, /^<stdin>\.yaml:1:4 +error +YAML syntax error/);
    r = await runWithStdin(root, WEAK, 'lint', '--stdin-filename', 'app/producer.properties', '-', '--format', 'json');
    assert.deepEqual(JSON.parse(r.out).findings.map((f: any) => [f.file, f.ruleId]), [['app/producer.properties', 'producer-acks-weak']]);
    assert.equal((await runWithStdin(root, '', 'lint', '--stdin-filename', 'x.txt', '-')).code, 2);
    assert.equal((await runWithStdin(root, '', 'lint', '-', '-')).code, 2);
    assert.equal((await runWithStdin(root, '', 'lint', '--stdin-filename', 'x.yaml', '.')).code, 2);
  });

  it('--fix never rewrites a file that is not valid UTF-8', async () => {
    const root = workspace({});
    const bytes = Buffer.concat([Buffer.from('bootstrap.servers=x:9092\nclient.id=caf'), Buffer.from([0xe9]), Buffer.from('\nacks=1\n')]);
    fs.writeFileSync(path.join(root, 'producer.properties'), bytes);
    const r = await run(root, 'lint', '--fix', 'producer.properties');
    assert.ok(fs.readFileSync(path.join(root, 'producer.properties')).equals(bytes), 'file unchanged');
    assert.match(r.err, /producer\.properties: not fixed: the file is not UTF-8 \(or not valid UTF-8\)/);
    assert.match(r.out, /producer-acks-weak/, 'the finding is still reported');
  });

  it('reports a file the engine fails on as internal-error and still lints the others', async () => {
    const root = workspace({ 'boom.yaml': 'a: 1\n', 'producer.properties': WEAK });
    const update = WorkspaceIndex.prototype.update;
    WorkspaceIndex.prototype.update = function (this: WorkspaceIndex, p: string, t: string) {
      if (p.endsWith('boom.yaml')) throw new Error('parser bug');
      return update.call(this, p, t);
    };
    try {
      const r = await run(root, 'lint', '-f', 'json', '.');
      assert.equal(r.code, 1);
      assert.deepEqual(
        JSON.parse(r.out).findings.map((f: any) => [f.file, f.line, f.ruleId, f.message]),
        [
          ['boom.yaml', 1, 'internal-error', 'This file could not be parsed: parser bug. Please report this.'],
          ['producer.properties', 2, 'producer-acks-weak', JSON.parse(r.out).findings[1].message],
        ],
      );
    } finally {
      WorkspaceIndex.prototype.update = update;
    }
  });

  it('reads UTF-16 files (with a byte-order mark) at the right positions, and never rewrites them', async () => {
    const root = workspace({});
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WEAK, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(WEAK, 'utf16le').swap16()]);
    fs.writeFileSync(path.join(root, 'le.properties'), le);
    fs.writeFileSync(path.join(root, 'be.properties'), be);
    const r = await run(root, 'lint', '--fix', '.');
    assert.match(r.out, /^be\.properties:2:6 +warning .*producer-acks-weak$/m);
    assert.match(r.out, /^le\.properties:2:6 +warning .*producer-acks-weak$/m);
    assert.match(r.err, /le\.properties: not fixed: the file is not UTF-8/);
    assert.ok(fs.readFileSync(path.join(root, 'le.properties')).equals(le));
    assert.ok(fs.readFileSync(path.join(root, 'be.properties')).equals(be));
  });

  it('--fix writes through a symlink, keeps CRLF line endings and the file mode, and leaves no temporary file', async () => {
    const root = workspace({ 'real/producer.properties': WEAK.replace(/\n/g, '\r\n') });
    fs.chmodSync(path.join(root, 'real/producer.properties'), 0o640);
    fs.symlinkSync(path.join(root, 'real/producer.properties'), path.join(root, 'link.properties'));
    await run(root, 'lint', '--fix', 'link.properties');
    assert.ok(fs.lstatSync(path.join(root, 'link.properties')).isSymbolicLink(), 'still a link');
    assert.equal(fs.readFileSync(path.join(root, 'real/producer.properties'), 'utf8'), GOOD.replace(/\n/g, '\r\n'));
    assert.equal(fs.statSync(path.join(root, 'real/producer.properties')).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(path.join(root, 'real')), ['producer.properties']);
  });

  it('--fix keeps a byte-order mark', async () => {
    const root = workspace({ 'producer.properties': '\ufeff' + WEAK });
    await run(root, 'lint', '--fix', '.');
    assert.equal(fs.readFileSync(path.join(root, 'producer.properties'), 'utf8'), '\ufeff' + GOOD);
  });
});

describe('kafka-k8s rules / rule / docs', () => {
  it('lists every rule, aligned', async () => {
    const r = await run(os.tmpdir(), 'rules');
    assert.equal(r.code, 0);
    assert.match(r.out, /^RULE +DEFAULT +FIX +DESCRIPTION$/m);
    assert.match(r.out, /^producer-acks-weak +warning +fix +The producer does not wait/m);
    assert.match(r.out, /^config-invalid +error +fix +/m);
    const json = JSON.parse((await run(os.tmpdir(), 'rules', '--json')).out);
    assert.ok(json.some((x: any) => x.id === 'syntax-error' && x.defaultSeverity === 'error'));
  });

  it("shows a rule's documentation", async () => {
    const r = await run(os.tmpdir(), 'rule', 'producer-acks-weak');
    assert.equal(r.code, 0);
    for (const part of ['producer-acks-weak  (warning, fixable)', 'Why', 'How to fix', 'Default severity: warning', 'Fixable:          yes', 'Sources:', 'Docs:             https://']) {
      assert.ok(r.out.includes(part), `missing ${part}`);
    }
    assert.match((await run(os.tmpdir(), 'rule', 'producer-acks-weak', '--markdown')).out, /^# producer-acks-weak/);
  });

  it('suggests the nearest rule for an unknown id and exits 2', async () => {
    const r = await run(os.tmpdir(), 'rule', 'producer-ack-weak');
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown rule 'producer-ack-weak'\. Did you mean 'producer-acks-weak'\?/);
    assert.equal((await run(os.tmpdir(), 'rule')).code, 2);
    assert.equal((await run(os.tmpdir(), 'rules', '--bad')).code, 2);
  });

  it('docs --check / --write keep a README rule reference up to date', async () => {
    const root = workspace({ 'README.md': `# X\n\n${README_START}\nold\n${README_END}\n\nmore\n` });
    assert.equal((await run(root, 'docs', '--check')).code, 1);
    const w = await run(root, 'docs', '--write');
    assert.equal(w.code, 0);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    assert.match(readme, /\| \[`producer-acks-weak`\]\(#producer-acks-weak\) \| Producer clients \| warning \| yes \|/);
    assert.ok(readme.endsWith(`${README_END}\n\nmore\n`));
    assert.equal((await run(root, 'docs', '--check')).code, 0);
    const none = workspace({ 'README.md': '# no markers\n' });
    assert.equal((await run(none, 'docs', '--write')).code, 2);
  });

  it('rejects unknown commands with exit 2', async () => {
    const r = await run(os.tmpdir(), 'lnt');
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command 'lnt'/);
  });
});

describe('dist/cli.js (the built bundle)', () => {
  const cli = path.join(process.cwd(), 'dist', 'cli.js');
  it('exits 0, 1 and 2 as documented', { skip: fs.existsSync(cli) ? false : 'dist/cli.js not built (npm run build)' }, () => {
    const root = workspace({ 'ok/producer.properties': GOOD, 'bad/broken.yaml': BAD_YAML });
    const exec = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const ok = exec('lint', 'ok');
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, 'No problems found in 1 file.\n');
    const bad = exec('lint', 'bad');
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stdout, /bad\/broken\.yaml:\d+:\d+ +error/);
    const usage = exec('lint', 'missing');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /missing: no such file or folder/);
    const sarif = exec('lint', '--format', 'sarif', '.');
    assert.equal(sarif.status, 1);
    assert.equal(JSON.parse(sarif.stdout).version, '2.1.0');
  });
});
