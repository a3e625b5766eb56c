import * as vscode from 'vscode';
import { ruleById, RULES } from '../core/rules/index';
import { ruleDocMarkdown } from '../core/docs';
import type { RuleMeta } from '../core/rules/types';

/** Scheme of the read-only virtual documents that show a rule's documentation. */
export const DOCS_SCHEME = 'kafka-k8s-docs';
export const SHOW_RULE_DOCS_COMMAND = 'kafkaK8s.showRuleDocumentation';

/** The link a diagnostic's code points at: the rule's documentation page. */
export function ruleDocsTarget(ruleId: string): vscode.Uri {
  const url = ruleById(ruleId)?.meta.docsUrl;
  return url ? vscode.Uri.parse(url) : ruleDocsUri(ruleId);
}

/** The virtual document of a rule's documentation, generated from the registry. */
export function ruleDocsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${ruleId}.md` });
}

/** A rule's documentation as Markdown: the registry's docs (as in the README), plus how to silence it here. */
export function renderRuleMarkdown(meta: RuleMeta): string {
  return [
    ruleDocMarkdown(meta, 1),
    '## Silencing it',
    '',
    'One finding: put this comment on the line above it (the quick fix **Disable … for this line** does that):',
    '',
    '```yaml',
    `# kafka-k8s-disable-next-line ${meta.id} -- <reason>`,
    '```',
    '',
    `A whole file: \`# kafka-k8s-disable-file ${meta.id}\` at the top. One Kubernetes resource: the annotation \`ignore-check.kafka-k8s.io/${meta.id}: "<reason>"\`. Everywhere: \`"kafkaK8s.rules": { "${meta.id}": "off" }\` in settings, or \`rules: { ${meta.id}: off }\` in \`.kafka-k8s.yaml\`.`,
    '',
    `[Online documentation](${meta.docsUrl})`,
    '',
  ].join('\n');
}

/** Serves `kafka-k8s-docs:/<rule-id>.md`, and registers the "Show Rule Documentation" command. */
export function registerRuleDocs(): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent(uri) {
      const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
      const rule = ruleById(id);
      return rule ? renderRuleMarkdown(rule.meta) : `# Unknown rule \`${id}\`\n\nKnown rules: ${RULES.map((r) => `\`${r.meta.id}\``).join(', ')}\n`;
    },
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, provider),
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, async (ruleId?: unknown) => {
      let id = typeof ruleId === 'string' ? ruleId : undefined;
      if (!id) {
        const pick = await vscode.window.showQuickPick(
          RULES.map((r) => ({ label: r.meta.id, description: r.meta.group, detail: r.meta.description })),
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
