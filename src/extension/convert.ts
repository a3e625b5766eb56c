import * as vscode from 'vscode';
import type { Finding, Range, Severity, TextEdit } from '../core/model';

/** Core ranges are 0-based LSP-style, exactly like VS Code's: no arithmetic here. */
export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function fromRange(r: vscode.Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  switch (s) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
  }
}

export const DIAGNOSTIC_SOURCE = 'kafka-k8s';

/** Rules whose findings are about something deprecated or removed: the editor strikes the text through. */
const DEPRECATION_RULES = new Set(['strimzi-deprecated-api', 'kafka-config-removed-in-kafka4', 'producer-partitioner-deprecated', 'strimzi-zookeeper-removed']);

/** A finding as a diagnostic: same range, `source`, `code` linking to the rule's docs, related places. */
export function toDiagnostic(f: Finding, docsUri: (ruleId: string) => vscode.Uri, uriOf: (file: string) => vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: docsUri(f.ruleId) };
  if (DEPRECATION_RULES.has(f.ruleId)) d.tags = [vscode.DiagnosticTag.Deprecated];
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(r.file), toRange(r.range)), r.message));
  }
  return d;
}

/** The rule id of one of our diagnostics, or undefined for anybody else's. */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const c = d.code;
  if (typeof c === 'string') return c;
  if (c && typeof c === 'object' && typeof c.value === 'string') return c.value;
  return undefined;
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}

export function sameRange(a: Range, b: vscode.Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
