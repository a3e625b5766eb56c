/**
 * RuleTester: ESLint-style valid/invalid cases for one rule, run through the real engine.
 *
 * An invalid case asserts the rule id (implicitly: only the rule's own findings count), the
 * 1-based line and column of each finding's start, and optionally message, severity and the
 * text after applying all fixes (`output`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintFile, type EngineOptions } from '../../src/core/engine';
import { applyEdits, fixEdits } from '../../src/core/fix';
import type { Finding, Severity } from '../../src/core/model';
import type { Rule } from '../../src/core/rules/types';
import { defaultSchemaStore } from '../../src/services/schemas';
import { analyzeFile } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspace';

export interface TestCase {
  readonly name?: string;
  /** The text of the file under test, or several files (then `path` picks the one under test). */
  readonly code?: string;
  readonly files?: Readonly<Record<string, string>>;
  /** The file under test's path; defaults to `manifest.yaml`, or the first key of `files`. */
  readonly path?: string;
  readonly options?: EngineOptions;
}

export interface ExpectedFinding {
  /** 1-based, like an editor's status bar. */
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly message?: string | RegExp;
  readonly severity?: Severity;
  /** The rule id; defaults to the rule under test (set it for rules that report several ids). */
  readonly ruleId?: string;
  /** The finding has related locations in these files. */
  readonly relatedFiles?: readonly string[];
}

export interface InvalidCase extends TestCase {
  readonly errors: readonly ExpectedFinding[];
  /** The file's text after applying every fix; `null` asserts there is no fix. */
  readonly output?: string | null;
}

export function lintCase(c: TestCase): { findings: Finding[]; path: string; text: string } {
  const files = c.files ?? { [c.path ?? 'manifest.yaml']: c.code ?? '' };
  const path = c.path ?? Object.keys(files)[0];
  const index = WorkspaceIndex.of(Object.entries(files).map(([p, t]) => analyzeFile(p, t)));
  const file = index.get(path);
  assert.ok(file, `no file ${path} in the case`);
  // Schema validation runs as in the CLI, unless a case sets its own store or turns it off.
  const options: EngineOptions = { schemas: defaultSchemaStore(), ...c.options };
  return { findings: lintFile(file, index, options), path, text: files[path] };
}

function title(c: TestCase, i: number, kind: string): string {
  const src = c.code ?? Object.values(c.files ?? {})[0] ?? '';
  return c.name ?? `${kind} #${i + 1}: ${src.split('\n').find((l) => l.trim() && !l.startsWith('apiVersion'))?.trim().slice(0, 60) ?? ''}`;
}

export function ruleTester(rule: Rule, cases: { valid: readonly TestCase[]; invalid: readonly InvalidCase[] }, ids: readonly string[] = [rule.meta.id]): void {
  describe(`rule ${rule.meta.id}`, () => {
    assert.ok(cases.valid.length > 0, 'a rule test needs valid cases');
    assert.ok(cases.invalid.length > 0, 'a rule test needs invalid cases');
    const seen = new Set<string>();
    for (const c of [...cases.valid, ...cases.invalid]) {
      const key = JSON.stringify([c.code, c.files, c.path, c.options]);
      assert.ok(!seen.has(key), `duplicate case ${title(c, 0, 'case')}`);
      seen.add(key);
    }
    cases.valid.forEach((c, i) => {
      it(title(c, i, 'valid'), () => {
        const { findings } = lintCase(c);
        const own = findings.filter((f) => ids.includes(f.ruleId));
        assert.deepEqual(own.map(describeFinding), [], 'expected no findings');
      });
    });
    cases.invalid.forEach((c, i) => {
      it(title(c, i, 'invalid'), () => {
        assert.ok(c.errors.length > 0, 'an invalid case must expect at least one finding');
        const { findings, text } = lintCase(c);
        const own = findings.filter((f) => ids.includes(f.ruleId));
        const actual = own.map((f, j) => project(f, c.errors[j]));
        const expected = c.errors.map((e) => ({ ruleId: e.ruleId ?? rule.meta.id, ...e }));
        assert.deepEqual(actual, expected, `findings: ${own.map(describeFinding).join('; ')}`);
        if (c.output !== undefined) {
          const edits = fixEdits(own);
          if (c.output === null) assert.equal(edits.length, 0, 'expected no fix');
          else assert.equal(applyEdits(text, edits).text, c.output);
        }
      });
    });
  });
}

/** Projects a finding onto the fields an expectation names, so assertions compare like with like. */
function project(f: Finding, e: ExpectedFinding | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ruleId: f.ruleId, line: f.range.start.line + 1, column: f.range.start.character + 1 };
  if (!e) return { ...out, message: f.message };
  if (e.endLine !== undefined) out.endLine = f.range.end.line + 1;
  if (e.endColumn !== undefined) out.endColumn = f.range.end.character + 1;
  if (e.message !== undefined) out.message = typeof e.message === 'string' ? f.message : e.message.test(f.message) ? e.message : f.message;
  if (e.severity !== undefined) out.severity = f.severity;
  if (e.relatedFiles !== undefined) out.relatedFiles = (f.related ?? []).map((r) => r.file);
  return out;
}

function describeFinding(f: Finding): string {
  return `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message}`;
}
