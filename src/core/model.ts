/**
 * Plain-data types shared by the engine, the CLI and the editor adapter.
 * Positions are 0-based and count UTF-16 code units, as in the Language Server Protocol.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Severity as configured by a user: a severity, `off`, or `default` (keep the rule's own). */
export type SeverityOverride = Severity | 'off' | 'default';

export const SEVERITY_ORDER: readonly Severity[] = ['hint', 'info', 'warning', 'error'];

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A fix: one or more edits in the finding's own file. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface RelatedLocation {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

/** Identity of a Kubernetes resource, for messages and machine output. */
export interface ResourceIdentity {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

export interface Suppression {
  readonly kind: 'comment' | 'annotation';
  readonly justification?: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly range: Range;
  /** An unambiguous fix that `--fix` and the editor's quick fix may apply. */
  readonly fix?: Fix;
  /** Further possible fixes a human chooses from (never applied by `--fix`). */
  readonly suggestions?: readonly Fix[];
  readonly related?: readonly RelatedLocation[];
  readonly resource?: ResourceIdentity;
  /** Set when a suppression comment or annotation silenced the finding. */
  readonly suppressed?: Suppression;
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    comparePositions(a.range.start, b.range.start) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
