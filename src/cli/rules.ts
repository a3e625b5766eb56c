/** `kafka-k8s rules` (the list) and `kafka-k8s rule <id>` (one rule's documentation). */
import { closestMatch } from '../core/suggest';
import { ruleDocMarkdown, ruleDocText } from '../core/docs';
import { RULES, ruleById } from '../core/rules/index';
import { EXIT_OK, EXIT_USAGE, parseOptions, UsageError, type Command } from './io';

export const RULES_HELP = `Usage: kafka-k8s rules [--json]

Lists every rule: id, default severity, whether it can fix what it finds, and what it flags.

Options:
      --json    One JSON object per rule, in an array
  -h, --help    Show this help
`;

export const RULE_HELP = `Usage: kafka-k8s rule <id> [--markdown]

Shows a rule's documentation: what it flags, why it matters, how to fix it, its default severity,
what it checks, whether it is fixable, its sources and its docs URL.

Options:
      --markdown  Print Markdown instead of plain text
  -h, --help      Show this help
`;

export const rulesCommand: Command = async (argv, io) => {
  const { values, positionals } = parseOptions('rules', { args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout(RULES_HELP);
    return EXIT_OK;
  }
  if (positionals.length) throw new UsageError(`'rules' takes no arguments; did you mean 'kafka-k8s rule ${positionals[0]}'?`);
  const metas = RULES.map((r) => r.meta);
  if (values.json) {
    const list = metas.map((m) => ({ id: m.id, group: m.group, defaultSeverity: m.defaultSeverity, fixable: m.fixable, description: m.description, docsUrl: m.docsUrl }));
    io.stdout(JSON.stringify(list, null, 2) + '\n');
    return EXIT_OK;
  }
  const idW = Math.max(...metas.map((m) => m.id.length));
  const sevW = Math.max(...metas.map((m) => m.defaultSeverity.length));
  const lines = metas.map((m) => `${m.id.padEnd(idW)}  ${m.defaultSeverity.padEnd(sevW)}  ${(m.fixable ? 'fix' : '').padEnd(3)}  ${m.description}`);
  io.stdout(`${'RULE'.padEnd(idW)}  ${'DEFAULT'.padEnd(sevW)}  FIX  DESCRIPTION\n${lines.join('\n')}\n\n${metas.length} rules. 'kafka-k8s rule <id>' shows one rule's documentation.\n`);
  return EXIT_OK;
};

export const ruleCommand: Command = async (argv, io) => {
  const { values, positionals } = parseOptions('rule', { args: argv, allowPositionals: true, options: { markdown: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout(RULE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`${positionals.length ? 'give one rule id' : 'which rule?'} Usage: kafka-k8s rule <id> ('kafka-k8s rules' lists them).`);
  const id = positionals[0];
  const rule = ruleById(id);
  if (!rule) {
    const guess = closestMatch(id, RULES.map((r) => r.meta.id));
    io.stderr(`kafka-k8s rule: unknown rule '${id}'.${guess ? ` Did you mean '${guess}'?` : ''} 'kafka-k8s rules' lists them.\n`);
    return EXIT_USAGE;
  }
  io.stdout(values.markdown ? ruleDocMarkdown(rule.meta, 1) : ruleDocText(rule.meta));
  return EXIT_OK;
};
