import * as vscode from 'vscode';
import type { Finding, Fix } from '../core/model';
import { core } from './core';
import { toWorkspaceEdit } from './convert';
import type { Diagnostics } from './diagnostics';
import { SHOW_RULE_DOCS_COMMAND } from './ruleDocs';

/** Code action kind of the "disable" actions, so users can bind or filter them. */
export const DISABLE_KIND = vscode.CodeActionKind.QuickFix.append('kafkaK8s').append('disable');

/**
 * Quick fixes for our diagnostics: the rule's fix (preferred), its suggestions, "disable for this
 * line / file", and "show documentation". Every change is a WorkspaceEdit, so one undo reverts it.
 */
export class CodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, DISABLE_KIND, vscode.CodeActionKind.SourceFixAll.append('kafkaK8s')] };

  constructor(private readonly diagnostics: Diagnostics) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const only = context.only;
    if (only && vscode.CodeActionKind.SourceFixAll.contains(only)) return this.fixAll(doc);
    const actions: vscode.CodeAction[] = [];
    const seenDocs = new Set<string>();
    const seenDisable = new Set<string>();
    for (const { finding, diagnostic } of this.diagnostics.findingsFor(doc, context.diagnostics)) {
      if (finding.fix) actions.push(this.fixAction(doc, finding.fix, diagnostic, true));
      for (const s of finding.suggestions ?? []) actions.push(this.fixAction(doc, s, diagnostic, false));
      const id = finding.ruleId;
      if (!seenDisable.has(`${id}:${finding.range.start.line}`)) {
        seenDisable.add(`${id}:${finding.range.start.line}`);
        actions.push(this.disableLine(doc, finding, diagnostic));
      }
      if (!seenDisable.has(id)) {
        seenDisable.add(id);
        actions.push(this.disableFile(doc, finding, diagnostic));
      }
      if (!seenDocs.has(id) && core().ruleById(id)) {
        seenDocs.add(id);
        const a = new vscode.CodeAction(`Show documentation for ${id}`, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [diagnostic];
        a.command = { title: a.title, command: SHOW_RULE_DOCS_COMMAND, arguments: [id] };
        actions.push(a);
      }
    }
    if (only) return actions.filter((a) => a.kind && only.contains(a.kind));
    return actions;
  }

  private fixAction(doc: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
    const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    a.diagnostics = [diagnostic];
    a.isPreferred = preferred;
    a.edit = toWorkspaceEdit(doc.uri, fix.edits);
    return a;
  }

  private disableLine(doc: vscode.TextDocument, f: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const line = f.range.start.line;
    const text = doc.lineAt(line).text;
    const indent = /^\s*/.exec(text)?.[0] ?? '';
    // A YAML list item (`- key: v`) keeps the comment at the dash's indentation, which is valid YAML.
    const edit = new vscode.WorkspaceEdit();
    const prev = line > 0 ? doc.lineAt(line - 1).text : '';
    const existing = /^(\s*)#\s*kafka-k8s-disable-next-line\s+([^\r\n]*?)\s*$/.exec(prev);
    if (existing && !existing[2].includes('--')) {
      // Extend the directive already there instead of stacking a second one.
      edit.replace(doc.uri, new vscode.Range(line - 1, 0, line - 1, prev.length), `${existing[1]}# kafka-k8s-disable-next-line ${existing[2]}, ${f.ruleId}`);
    } else {
      edit.insert(doc.uri, new vscode.Position(line, 0), core().disableNextLineComment(f.ruleId, indent, doc.uri.path).replace(/\n$/, eol(doc)));
    }
    const a = new vscode.CodeAction(`Disable ${f.ruleId} for this line`, DISABLE_KIND);
    a.diagnostics = [diagnostic];
    a.edit = edit;
    return a;
  }

  private disableFile(doc: vscode.TextDocument, f: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const edit = new vscode.WorkspaceEdit();
    // After a leading `---`? No: a comment before the first document marker is valid YAML and is read by the engine.
    edit.insert(doc.uri, new vscode.Position(0, 0), core().disableFileComment(f.ruleId, doc.uri.path).replace(/\n$/, eol(doc)));
    const a = new vscode.CodeAction(`Disable ${f.ruleId} for this file`, DISABLE_KIND);
    a.diagnostics = [diagnostic];
    a.edit = edit;
    return a;
  }

  /** `source.fixAll.kafkaK8s`: applies every unambiguous fix (as `kafka-k8s lint --fix` does). */
  private fixAll(doc: vscode.TextDocument): vscode.CodeAction[] {
    const r = this.diagnostics.resultFor(doc);
    if (!r) return [];
    const taken: vscode.Range[] = [];
    const edit = new vscode.WorkspaceEdit();
    let n = 0;
    for (const f of r.findings) {
      if (!f.fix) continue;
      const ranges = f.fix.edits.map((e) => new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character));
      if (ranges.some((x) => taken.some((t) => t.intersection(x) !== undefined))) continue;
      taken.push(...ranges);
      toWorkspaceEdit(doc.uri, f.fix.edits, edit);
      n++;
    }
    if (n === 0) return [];
    const a = new vscode.CodeAction(`Fix all Kafka findings (${n})`, vscode.CodeActionKind.SourceFixAll.append('kafkaK8s'));
    a.edit = edit;
    return [a];
  }
}

function eol(doc: vscode.TextDocument): string {
  return doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}
