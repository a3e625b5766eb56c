import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import type { Diagnostics } from './diagnostics';
import { toRange } from './convert';
import { ruleById } from '../core/rules/index';
import { comparePositions } from '../core/model';

/**
 * Hover and completion: thin providers over the pure language services in `src/core/language/`.
 * The finding hover (why it matters, how to fix it) is ours; the rest is wired to the language services.
 */
export function registerLanguageFeatures(_ctx: Ctx, diagnostics: Diagnostics, selector: vscode.DocumentSelector): vscode.Disposable {
  const hover: vscode.HoverProvider = {
    provideHover(doc, position) {
      const r = diagnostics.resultFor(doc);
      if (!r) return undefined;
      const p = { line: position.line, character: position.character };
      const parts: vscode.MarkdownString[] = [];
      let range: vscode.Range | undefined;
      for (const f of r.findings) {
        if (comparePositions(f.range.start, p) > 0 || comparePositions(p, f.range.end) > 0) continue;
        const meta = ruleById(f.ruleId)?.meta;
        if (!meta) continue;
        const md = new vscode.MarkdownString(`**${meta.id}**: ${meta.description}.\n\n${meta.why}\n\n*Fix:* ${meta.howToFix}`);
        parts.push(md);
        range ??= toRange(f.range);
      }
      return parts.length > 0 ? new vscode.Hover(parts, range) : undefined;
    },
  };
  return vscode.Disposable.from(vscode.languages.registerHoverProvider(selector, hover));
}
