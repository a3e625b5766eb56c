import type { Finding, Severity } from '../model';
import type { RuleMeta } from '../rules/types';

/** What every formatter gets: the findings of one run (file paths as they should be shown) and its context. */
export interface ReportInput {
  /** All findings, suppressed ones included (marked `suppressed`); formatters decide what to show. */
  readonly findings: readonly Finding[];
  /** How many files were linted. */
  readonly fileCount: number;
  /** Metadata of every rule (for SARIF's rule table and fixability). */
  readonly rules: readonly RuleMeta[];
  readonly toolVersion: string;
}

export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly hint: number;
  readonly total: number;
  readonly fixable: number;
}

/** Counts unsuppressed findings by severity. */
export function countFindings(findings: readonly Finding[]): Counts {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const f of findings) {
    if (f.suppressed) continue;
    c[f.severity]++;
    if (f.fix) fixable++;
  }
  return { ...c, total: c.error + c.warning + c.info + c.hint, fixable };
}

/** 1-based line and column of a 0-based position, as editors and CI systems show them. */
export function oneBased(p: { line: number; character: number }): { line: number; column: number } {
  return { line: p.line + 1, column: p.character + 1 };
}
