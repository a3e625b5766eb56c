/**
 * Upstream examples are correct by definition: every Strimzi 1.2.0 example resource must lint with
 * zero schema findings and zero errors. And the demo workspace behind `npm start` must keep showing
 * findings of several kinds.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/cli';
import { lintFile } from '../../src/core/engine';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspace';
import { defaultSchemaStore } from '../../src/services/schemas';

const ROOT = process.cwd();
const EXAMPLES = path.join(ROOT, 'test', 'fixtures', 'strimzi-examples');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

describe('Strimzi 1.2.0 examples', () => {
  const files = walk(EXAMPLES);
  it('are all there (40 files)', () => assert.equal(files.length, 40));
  const schemas = defaultSchemaStore();
  for (const file of files) {
    const rel = path.relative(EXAMPLES, file).split(path.sep).join('/');
    it(`${rel} has no schema findings and no errors`, () => {
      const src = analyzeFile(rel, fs.readFileSync(file, 'utf8'));
      assert.ok(src.resources.length > 0, 'no resources parsed');
      // Each example stands alone (several reuse the name my-cluster), so each is its own workspace.
      const findings = lintFile(src, WorkspaceIndex.of([src]), { schemas, versions: { strimzi: { value: '1.2.0', source: 'flag' } } });
      const bad = findings.filter((f) => f.ruleId.startsWith('schema-') || f.severity === 'error');
      assert.deepEqual(bad.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`), []);
    });
  }
});

describe('demo workspace (npm start)', () => {
  it('shows findings of several kinds and nothing from ignored paths', async () => {
    let out = '';
    let err = '';
    const code = await runCli(['lint', '--format', 'json', '--config', 'test/fixtures/demo/.kafka-k8s.yaml', 'test/fixtures/demo'], {
      cwd: ROOT,
      env: {},
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
    });
    assert.equal(code, 1, err);
    const findings: { file: string; ruleId: string; severity: string }[] = JSON.parse(out).findings;
    const ids = new Set(findings.map((f) => f.ruleId));
    for (const id of ['producer-acks-weak', 'keda-replica-bounds-invalid', 'strimzi-kafka-version-unsupported', 'strimzi-storage-data-loss-risk', 'java-send-result-ignored', 'producer-idempotence-disabled']) assert.ok(ids.has(id), `expected ${id} in the demo`);
    const files = new Set(findings.map((f) => f.file.split('/').slice(3, 4)[0]));
    for (const dir of ['kafka', 'keda', 'clients']) assert.ok(files.has(dir), `expected findings in ${dir}/`);
    assert.ok(!findings.some((f) => f.file.includes('/generated/')), 'generated/ is in ignorePaths');
    assert.ok(!findings.some((f) => f.ruleId === 'internal-error' || f.ruleId.startsWith('schema-')), JSON.stringify(findings.filter((f) => f.ruleId === 'internal-error' || f.ruleId.startsWith('schema-'))));
    assert.ok(!findings.some((f) => f.file.endsWith('orders.yaml') && f.ruleId === 'topic-durability-low' && f.severity === 'error'));
  });
});
