import type { Finding } from '../model';
import { oneBased, type ReportInput } from './types';

/** One finding in the JSON format (schema version 1); 1-based lines and columns, end exclusive. */
export interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly ruleId: string;
  readonly severity: Finding['severity'];
  readonly message: string;
  readonly resource?: Finding['resource'];
  readonly fixable?: boolean;
  readonly related?: readonly { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

export interface JsonReport {
  readonly schemaVersion: 1;
  readonly findings: readonly JsonFinding[];
}

/** The machine format: `{"schemaVersion":1,"findings":[...]}`. Suppressed findings are left out. */
export function toJsonReport(input: ReportInput): JsonReport {
  const findings = input.findings
    .filter((f) => !f.suppressed)
    .map((f): JsonFinding => {
      const s = oneBased(f.range.start);
      const e = oneBased(f.range.end);
      return {
        file: f.file,
        line: s.line,
        column: s.column,
        endLine: e.line,
        endColumn: e.column,
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        ...(f.resource && Object.keys(f.resource).length ? { resource: f.resource } : {}),
        fixable: f.fix !== undefined,
        ...(f.related?.length
          ? {
              related: f.related.map((r) => {
                const rs = oneBased(r.range.start);
                const re = oneBased(r.range.end);
                return { file: r.file, line: rs.line, column: rs.column, endLine: re.line, endColumn: re.column, message: r.message };
              }),
            }
          : {}),
      };
    });
  return { schemaVersion: 1, findings };
}

export function formatJson(input: ReportInput): string {
  return JSON.stringify(toJsonReport(input), null, 2) + '\n';
}
