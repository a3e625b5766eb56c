/** Shared helpers of the extension-host tests. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './harness';

export const EXTENSION_ID = 'kafka-k8s.kafka-k8s';

export interface Api {
  readonly activationMs: number;
  readonly activationPhases: Readonly<Record<string, number>>;
  readonly onDidLint: vscode.Event<{ uri: vscode.Uri; version: number; findings: readonly unknown[]; ms: number }>;
  whenIndexed(): Promise<void>;
  lintWorkspace(token?: vscode.CancellationToken): Promise<{ files: number; cancelled: boolean }>;
}

let current: Api | undefined;

/** The extension's API (after the activation test ran). */
export function api(): Api {
  assert.ok(current, 'extension not activated yet');
  return current;
}

export function setApi(a: Api): void {
  current = a;
}

export function wsUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(wsUri(rel));
  return vscode.window.showTextDocument(doc);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kafka-k8s');
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

export function withRule(uri: vscode.Uri, id: string): vscode.Diagnostic[] {
  return ours(uri).filter((d) => codeOf(d) === id);
}

export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export async function waitForRule(uri: vscode.Uri, id: string, present = true, timeoutMs = 15000): Promise<vscode.Diagnostic[]> {
  return waitFor(`${id} ${present ? 'on' : 'gone from'} ${vscode.workspace.asRelativePath(uri)} (have: ${ours(uri).map(codeOf).join(', ')})`, () => {
    const d = withRule(uri, id);
    return present ? d.length > 0 && d : d.length === 0 && [];
  }, timeoutMs);
}

export async function actionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
}

export async function undo(editor: vscode.TextEditor, expected: string): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  await waitFor('undo', () => editor.document.getText() === expected);
}


/** Resolves once no document has been linted for `ms` (earlier changes, watchers and settings have settled). */
export async function quiet(ms = 700, timeoutMs = 15000): Promise<void> {
  let last = Date.now();
  const sub = api().onDidLint(() => (last = Date.now()));
  try {
    await waitFor('linting to settle', () => Date.now() - last >= ms, timeoutMs);
  } finally {
    sub.dispose();
  }
}
