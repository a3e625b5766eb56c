/** Rule documentation for the editor: a hover summary and the full page for "Show rule documentation". */
import { ruleDocMarkdown } from '../docs';
import type { Finding } from '../model';
import type { Rule, RuleMeta } from '../rules/types';

/** A short block for a finding's hover: rule id, why, how to fix, and links. */
export function ruleSummaryMarkdown(meta: RuleMeta, finding?: Finding): string {
  const fix = finding?.fix ? ` A quick fix is available: ${finding.fix.title}.` : '';
  return [
    `**${meta.id}** — ${meta.description}`,
    `**Why:** ${meta.why}`,
    `**How to fix:** ${meta.howToFix}${fix}`,
    `[Rule documentation](${meta.docsUrl}) · silence one finding with \`# kafka-k8s-disable-next-line ${meta.id} -- <reason>\``,
  ].join('\n\n');
}

/**
 * The rule's full documentation as a Markdown page (reuses the README renderer in `src/core/docs.ts`),
 * plus how to configure and suppress it.
 */
export function ruleDocsMarkdown(rule: Rule | RuleMeta): string {
  const meta = 'meta' in rule ? rule.meta : rule;
  return [
    ruleDocMarkdown(meta, 1).trimEnd(),
    '',
    '## Configure',
    '',
    `Change its severity or turn it off in \`.kafka-k8s.yaml\` (\`rules: {${meta.id}: off}\`) or with the \`kafkaK8s.rules\` setting.`,
    `Silence one finding with a comment on the line before it: \`# kafka-k8s-disable-next-line ${meta.id} -- <reason>\`.`,
    '',
    `[Online documentation](${meta.docsUrl})`,
    '',
  ].join('\n');
}
