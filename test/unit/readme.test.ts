import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { generatedPart, rulesReferenceMarkdown } from '../../src/core/docs';
import { RULES } from '../../src/core/rules/index';

const README = fs.readFileSync(path.join(process.cwd(), 'README.md'), 'utf8');

describe('README', () => {
  it('has an up-to-date rule reference (run `npm run gen:docs`)', () => {
    const part = generatedPart(README);
    assert.ok(part !== undefined, 'the rule markers are missing from README.md');
    assert.equal(part, rulesReferenceMarkdown(RULES).trim(), 'the rule reference is out of date: run `npm run gen:docs`');
  });

  it('has an anchor for every rule docs URL', () => {
    const headings = new Set([...README.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1].trim()));
    const missing = RULES.filter((r) => !headings.has(r.meta.id)).map((r) => r.meta.id);
    assert.deepEqual(missing, []);
  });

  it('gives the fresh-machine commands and keeps the sections other work fills in', () => {
    for (const s of ['npm install && npm start', 'npm test', '## Editor', '## Cluster explorer', '## Configuration file', '## Suppressing findings', '--format sarif']) {
      assert.ok(README.includes(s), `README lacks ${s}`);
    }
  });

  it('describes the start script that exists', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8'));
    assert.match(pkg.scripts.start, /test\/fixtures\/demo/);
    assert.ok(fs.existsSync(path.join(process.cwd(), 'test', 'fixtures', 'demo', '.kafka-k8s.yaml')));
  });
});
