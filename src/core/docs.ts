/**
 * Rule documentation generated from the registry: plain text for `kafka-k8s rule <id>`, Markdown for
 * SARIF help and the README's rule reference (the part between the markers is generated).
 */
import type { Rule, RuleGroup, RuleMeta } from './rules/types';

export const README_START = '<!-- rules:start — generated from the rule registry by `npm run gen:docs`; do not edit by hand -->';
export const README_END = '<!-- rules:end -->';

const GROUP_TITLES: Record<RuleGroup, string> = {
  syntax: 'Files and configuration',
  schema: 'Schema',
  strimzi: 'Strimzi',
  topic: 'Topics',
  user: 'Users',
  keda: 'KEDA',
  producer: 'Producer clients',
  consumer: 'Consumer clients',
  client: 'Clients',
  'cross-resource': 'Cross-resource',
};

export function groupTitle(group: RuleGroup): string {
  return GROUP_TITLES[group] ?? group;
}

/** Targets as readable words (`strimzi-kafka` → `Kafka`, `config-producer` → `producer config`). */
export function targetLabel(t: string): string {
  const named: Record<string, string> = {
    'strimzi-kafka': 'Kafka',
    'strimzi-nodepool': 'KafkaNodePool',
    'strimzi-topic': 'KafkaTopic',
    'strimzi-user': 'KafkaUser',
    'strimzi-connect': 'KafkaConnect',
    'strimzi-connector': 'KafkaConnector',
    'strimzi-mirrormaker2': 'KafkaMirrorMaker2',
    'strimzi-mirrormaker': 'KafkaMirrorMaker',
    'strimzi-bridge': 'KafkaBridge',
    'strimzi-rebalance': 'KafkaRebalance',
    'strimzi-podset': 'StrimziPodSet',
    'strimzi-any': 'any Strimzi resource',
    'keda-scaledobject': 'ScaledObject',
    'keda-scaledjob': 'ScaledJob',
    'keda-triggerauthentication': 'TriggerAuthentication',
    'keda-clustertriggerauthentication': 'ClusterTriggerAuthentication',
    'keda-any': 'any KEDA resource',
    'k8s-workload': 'Deployment/StatefulSet/Job',
    'k8s-configmap': 'ConfigMap',
    'k8s-secret': 'Secret',
    'k8s-service': 'Service',
  };
  if (named[t]) return named[t];
  if (t.startsWith('config-')) return `${t.slice('config-'.length)} config`;
  return t;
}

function targetsText(meta: RuleMeta): string {
  return meta.targets.length ? meta.targets.map(targetLabel).join(', ') : 'any file';
}

/** `kafka-k8s rule <id>`: the rule's documentation as plain text. */
export function ruleDocText(meta: RuleMeta): string {
  const lines = [
    `${meta.id}  (${meta.defaultSeverity}${meta.fixable ? ', fixable' : ''})`,
    '',
    `${meta.description}.`,
    '',
    'Why',
    indent(wrap(meta.why, 78)),
    '',
    'How to fix',
    indent(wrap(meta.howToFix, 78)),
    '',
    `Default severity: ${meta.defaultSeverity}`,
    `Group:            ${groupTitle(meta.group)}`,
    `Checks:           ${targetsText(meta)}`,
    `Fixable:          ${meta.fixable ? 'yes (kafka-k8s lint --fix, or the quick fix in the editor)' : 'no'}`,
  ];
  if (meta.sources?.length) lines.push('Sources:', ...meta.sources.map((s) => `  - ${s}`));
  lines.push(`Docs:             ${meta.docsUrl}`);
  lines.push('', 'Change its severity or turn it off in .kafka-k8s.yaml:', `  rules: {${meta.id}: "off"}`, 'or suppress one finding on the line before it:', `  # kafka-k8s-disable-next-line ${meta.id} -- <reason>`);
  return lines.join('\n') + '\n';
}

/** The rule's documentation as Markdown (used for SARIF `help.markdown` and the README). */
export function ruleDocMarkdown(meta: RuleMeta, headingLevel = 3): string {
  const h = '#'.repeat(headingLevel);
  const out = [
    `${h} ${meta.id}`,
    '',
    `${meta.description}.`,
    '',
    `**Why:** ${meta.why}`,
    '',
    `**How to fix:** ${meta.howToFix}`,
    '',
    `Default severity: \`${meta.defaultSeverity}\` · Checks: ${targetsText(meta)} · Fixable: ${meta.fixable ? 'yes' : 'no'}${meta.crossFile ? ' · Reads other files of the workspace' : ''}`,
  ];
  if (meta.sources?.length) out.push('', `Sources: ${meta.sources.map(sourceLink).join(', ')}`);
  return out.join('\n') + '\n';
}

/** The generated README part: a table of every rule, then one section (anchor) per rule. */
export function rulesReferenceMarkdown(rules: readonly Rule[]): string {
  const metas = rules.map((r) => r.meta);
  const out = [
    `${metas.length} rules. The id links to the rule's documentation; change a rule's severity or turn it off in \`.kafka-k8s.yaml\`.`,
    '',
    '| Rule | Group | Default severity | Fixable | Description |',
    '| --- | --- | --- | --- | --- |',
    ...metas.map((m) => `| [\`${m.id}\`](#${m.id}) | ${groupTitle(m.group)} | ${m.defaultSeverity} | ${m.fixable ? 'yes' : ''} | ${escapeCell(m.description)} |`),
    '',
    '### Rule reference',
    '',
  ];
  for (const m of metas) out.push(ruleDocMarkdown(m, 4));
  return out.join('\n');
}

/** Replaces the generated part of a README; undefined when the markers are missing. */
export function replaceGenerated(readme: string, generated: string): string | undefined {
  const s = readme.indexOf(README_START);
  const e = readme.indexOf(README_END);
  if (s === -1 || e === -1 || e < s) return undefined;
  return `${readme.slice(0, s + README_START.length)}\n\n${generated.trimEnd()}\n\n${readme.slice(e)}`;
}

/** The generated part currently in a README (between the markers), or undefined. */
export function generatedPart(readme: string): string | undefined {
  const s = readme.indexOf(README_START);
  const e = readme.indexOf(README_END);
  if (s === -1 || e === -1 || e < s) return undefined;
  return readme.slice(s + README_START.length, e).trim();
}

function sourceLink(s: string): string {
  return /^https?:\/\//.test(s) ? `<${s}>` : `\`${s}\``;
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}


function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n');
}

/** Wraps prose at word boundaries. */
export function wrap(text: string, width: number): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out.join('\n');
}
