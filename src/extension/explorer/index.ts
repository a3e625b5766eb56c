import * as vscode from 'vscode';

/**
 * Registers the Kafka cluster explorer (views, commands, status bar). Called once from `activate`;
 * loads the Kafka client lazily, only when a view first needs it.
 */
export function registerExplorer(_context: vscode.ExtensionContext): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
