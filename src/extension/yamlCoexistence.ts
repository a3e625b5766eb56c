import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import type { Diagnostics } from './diagnostics';

/** Red Hat's YAML extension, which most of our users have. */
export const RED_HAT_YAML = 'redhat.vscode-yaml';

/**
 * Coexistence with Red Hat YAML, so a user never sees the same schema error twice.
 * Placeholder until the schema store lands: our schema findings are always kept.
 */
export function registerYamlCoexistence(_ctx: Ctx, _diagnostics: Diagnostics): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
