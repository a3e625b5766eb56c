import * as vscode from 'vscode';
import type { CompletionItem as CoreItem } from '../core/language/index';
import type { Position } from '../core/model';
import { toRange } from './convert';
import { core } from './core';
import type { Ctx } from './ctx';
import type { Diagnostics } from './diagnostics';
import { schemaStore } from './schemaStore';

const KINDS: Record<CoreItem['kind'], vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  enum: vscode.CompletionItemKind.EnumMember,
  keyword: vscode.CompletionItemKind.Keyword,
  snippet: vscode.CompletionItemKind.Snippet,
};

/** Characters after which suggestions open by themselves (`key: `, `spring.kafka.`, `acks=`). */
export const TRIGGER_CHARACTERS = ['.', ':', '=', ' '];

/**
 * Hover and completion: thin providers over the pure language services in `src/core/language/`
 * (CR fields from the schema, Kafka config keys by role, KEDA trigger metadata, finding explanations).
 */
export function registerLanguageFeatures(ctx: Ctx, diagnostics: Diagnostics, selector: vscode.DocumentSelector): vscode.Disposable {
  /** The analyzed file for the document's current text (shared with the linter's index). */
  const fileOf = (doc: vscode.TextDocument) => diagnostics.index.update(diagnostics.pathOf(doc), doc.getText());
  const options = (doc: vscode.TextDocument) => ({ schemas: schemaStore(ctx), versions: diagnostics.versionsFor(doc.uri), index: diagnostics.index });
  const at = (p: vscode.Position): Position => ({ line: p.line, character: p.character });

  const hoverProvider: vscode.HoverProvider = {
    provideHover(doc, position) {
      if (!diagnostics.isLintable(doc)) return undefined;
      try {
        const parts: vscode.MarkdownString[] = [];
        let range: vscode.Range | undefined;
        const findings = diagnostics.resultFor(doc)?.findings;
        const f = findings ? core().hoverForFindings(findings, at(position)) : undefined;
        if (f) {
          parts.push(markdown(f.markdown));
          range = toRange(f.range);
        }
        const h = core().hover(fileOf(doc), at(position), options(doc));
        if (h) {
          parts.push(markdown(h.markdown));
          range ??= toRange(h.range);
        }
        return parts.length > 0 ? new vscode.Hover(parts, range) : undefined;
      } catch (e) {
        ctx.log.error(`hover failed in ${doc.uri.toString(true)}`, e);
        return undefined;
      }
    },
  };

  const completionProvider: vscode.CompletionItemProvider = {
    provideCompletionItems(doc, position) {
      if (!diagnostics.isLintable(doc)) return undefined;
      try {
        return core().complete(fileOf(doc), at(position), options(doc)).map(toItem);
      } catch (e) {
        ctx.log.error(`completion failed in ${doc.uri.toString(true)}`, e);
        return undefined;
      }
    },
  };

  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(selector, hoverProvider),
    vscode.languages.registerCompletionItemProvider(selector, completionProvider, ...TRIGGER_CHARACTERS),
  );
}

function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = false; // documentation from catalogues and schemas: links only, no command URIs
  return md;
}

function toItem(c: CoreItem): vscode.CompletionItem {
  const item = new vscode.CompletionItem(c.label, KINDS[c.kind]);
  item.insertText = c.isSnippet ? new vscode.SnippetString(c.insertText) : c.insertText;
  item.range = toRange(c.range);
  item.sortText = c.sortText;
  if (c.filterText) item.filterText = c.filterText;
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = markdown(c.documentation);
  if (c.deprecated) item.tags = [vscode.CompletionItemTag.Deprecated];
  if (c.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}
