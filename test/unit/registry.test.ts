/**
 * Project checks on the rule registry: every rule is documented, tested and registered, once.
 * (Ruff and ESLint enforce the same parity in their builds.)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../src/core/rules/index';
import type { Rule } from '../../src/core/rules/types';

const ROOT = process.cwd();
/** The compiled tree this test runs from (out/ or another outDir): test/unit/ is two levels down. */
const OUT = path.resolve(__dirname, '..', '..');
const SEVERITIES = ['error', 'warning', 'info', 'hint'];
const GROUPS = ['syntax', 'schema', 'strimzi', 'topic', 'user', 'keda', 'producer', 'consumer', 'client', 'cross-resource'];
/** Rule file names start with a family prefix; helper modules (helpers.ts, util.ts, facts.ts, …) do not. */
const RULE_FILE = /^(syntax|helm|internal|properties|config|schema|strimzi|topic|user|connect|keda|bootstrap|monitoring|producer|consumer|client|kafka|java|sarama|kafkajs|cross)-[a-z0-9-]+\.ts$/;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

function isRule(v: unknown): v is Rule {
  return typeof v === 'object' && v !== null && typeof (v as Rule).meta?.id === 'string';
}

describe('rule registry', () => {
  it('has unique, kebab-case ids', () => {
    const seen = new Map<string, number>();
    for (const r of RULES) seen.set(r.meta.id, (seen.get(r.meta.id) ?? 0) + 1);
    assert.deepEqual([...seen].filter(([, n]) => n > 1).map(([id]) => id), [], 'duplicate rule ids');
    assert.deepEqual(RULES.map((r) => r.meta.id).filter((id) => !/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(id)), [], 'ids must be kebab-case with a family prefix');
  });

  it('documents every rule', () => {
    const problems: string[] = [];
    for (const { meta: m } of RULES) {
      const p = (what: string) => problems.push(`${m.id}: ${what}`);
      if (!m.description?.trim()) p('description is empty');
      else {
        if (/[.。]\s*$/.test(m.description)) p('description must not end with a period');
        if (m.description.includes('\n')) p('description must be one line');
      }
      if (!m.why?.trim()) p('why is empty');
      else if (!m.why.trim().endsWith('.')) p('why must end with a period');
      if (!m.howToFix?.trim()) p('howToFix is empty');
      else if (!m.howToFix.trim().endsWith('.')) p('howToFix must end with a period');
      if (!/^https:\/\/\S+#[a-z0-9-]+$/.test(m.docsUrl ?? '') || !m.docsUrl.endsWith(`#${m.id}`)) p(`docsUrl must be an https URL ending in #${m.id}`);
      if (!SEVERITIES.includes(m.defaultSeverity)) p(`bad default severity ${m.defaultSeverity}`);
      if (!GROUPS.includes(m.group)) p(`unknown group ${m.group}`);
      if (!Array.isArray(m.targets)) p('targets must be a list');
      if (typeof m.fixable !== 'boolean') p('fixable must be true or false');
      for (const s of m.sources ?? []) if (!s.trim()) p('empty source');
    }
    assert.deepEqual(problems, []);
  });

  it('has a test file test/rules/<id>.test.ts for every rule', () => {
    const missing = RULES.map((r) => r.meta.id).filter((id) => !fs.existsSync(path.join(ROOT, 'test', 'rules', `${id}.test.ts`)));
    assert.deepEqual(missing, [], 'rules without a test file');
  });

  it('registers every rule file under src/core/rules/, named after its rule', () => {
    const dir = path.join(ROOT, 'src', 'core', 'rules');
    const registered = new Set(RULES);
    const problems: string[] = [];
    for (const file of walk(dir)) {
      const rel = path.relative(dir, file).split(path.sep).join('/');
      const base = path.basename(file);
      if (base === 'index.ts' || base === 'types.ts') continue;
      const compiled = path.join(OUT, 'src', 'core', 'rules', rel.replace(/\.ts$/, '.js'));
      if (!fs.existsSync(compiled)) {
        problems.push(`${rel}: not compiled (is it excluded from tsconfig?)`);
        continue;
      }
      const mod = require(compiled) as { default?: unknown };
      if (!isRule(mod.default)) {
        if (RULE_FILE.test(base)) problems.push(`${rel}: looks like a rule file but has no default-exported rule`);
        continue;
      }
      if (!registered.has(mod.default)) problems.push(`${rel}: rule ${mod.default.meta.id} is not in the registry (add it to its group's index.ts)`);
      if (base !== `${mod.default.meta.id}.ts`) problems.push(`${rel}: file name must be ${mod.default.meta.id}.ts`);
    }
    assert.deepEqual(problems, []);
  });
});
