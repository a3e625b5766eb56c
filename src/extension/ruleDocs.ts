import * as vscode from 'vscode';
import { core } from './core';

/** Scheme of the read-only virtual documents that show a rule's documentation. */
export const DOCS_SCHEME = 'kafka-k8s-docs';
export const SHOW_RULE_DOCS_COMMAND = 'kafkaK8s.showRuleDocumentation';

/** The link a diagnostic's code points at: the rule's documentation page. */
export function ruleDocsTarget(ruleId: string): vscode.Uri {
  const url = core().ruleById(ruleId)?.meta.docsUrl;
  return url ? vscode.Uri.parse(url) : ruleDocsUri(ruleId);
}

/** The virtual document of a rule's documentation, generated from the registry. */
export function ruleDocsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${ruleId}.md` });
}

/** Serves `kafka-k8s-docs:/<rule-id>.md`, and registers the "Show Rule Documentation" command. */
export function registerRuleDocs(): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent(uri) {
      const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
      const { ruleById, RULES, ruleDocsMarkdown } = core();
      const rule = ruleById(id);
      return rule ? ruleDocsMarkdown(rule) : `# Unknown rule \`${id}\`\n\nKnown rules: ${RULES.map((r) => `\`${r.meta.id}\``).join(', ')}\n`;
    },
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, provider),
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, async (ruleId?: unknown) => {
      let id = typeof ruleId === 'string' ? ruleId : undefined;
      if (!id) {
        const pick = await vscode.window.showQuickPick(
          core().RULES.map((r) => ({ label: r.meta.id, description: r.meta.group, detail: r.meta.description })),
          { placeHolder: 'Rule to show the documentation of', matchOnDetail: true },
        );
        id = pick?.label;
      }
      if (!id) return undefined;
      const uri = ruleDocsUri(id);
      // Rendered preview when the built-in Markdown extension is there, the read-only source otherwise.
      try {
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      } catch {
        await vscode.window.showTextDocument(uri, { preview: true });
      }
      return uri.toString();
    }),
  );
}
