/** `kafka-k8s docs [--write|--check]`: the README's generated rule reference. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { README_END, README_START, generatedPart, replaceGenerated, rulesReferenceMarkdown } from '../core/docs';
import { RULES } from '../core/rules/index';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, parseOptions, type Command } from './io';

export const DOCS_HELP = `Usage: kafka-k8s docs [--write | --check] [--readme <file>]

Generates the rule reference (table and one section per rule) from the rule registry.
Without options, prints it.

Options:
      --write          Replace the part of the README between the rule markers
      --check          Exit with code 1 when the README's rule reference is out of date
      --readme <file>  The README to update or check (default: README.md)
  -h, --help           Show this help
`;

export const docsCommand: Command = async (argv, io) => {
  const parsed = parseOptions('docs', { args: argv, allowPositionals: false, options: { write: { type: 'boolean' }, check: { type: 'boolean' }, readme: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const v = parsed.values;
  if (v.help) {
    io.stdout(DOCS_HELP);
    return EXIT_OK;
  }
  const generated = rulesReferenceMarkdown(RULES);
  if (!v.write && !v.check) {
    io.stdout(generated);
    return EXIT_OK;
  }
  const shown = v.readme ?? 'README.md';
  const file = path.resolve(io.cwd, shown);
  let readme: string;
  try {
    readme = await fs.readFile(file, 'utf8');
  } catch {
    io.stderr(`kafka-k8s docs: ${shown}: cannot read the README.\n`);
    return EXIT_USAGE;
  }
  const next = replaceGenerated(readme, generated);
  if (next === undefined) {
    io.stderr(`kafka-k8s docs: ${shown} has no rule markers; add these two lines where the rule reference goes:\n${README_START}\n${README_END}\n`);
    return EXIT_USAGE;
  }
  if (v.check) {
    if (generatedPart(readme) === generated.trim()) return EXIT_OK;
    io.stderr(`kafka-k8s docs: the rule reference in ${shown} is out of date; run 'npm run gen:docs'.\n`);
    return EXIT_FINDINGS;
  }
  if (next !== readme) {
    await fs.writeFile(file, next, 'utf8');
    io.stdout(`Updated the rule reference in ${shown} (${RULES.length} rules).\n`);
  } else io.stdout(`${shown} is up to date (${RULES.length} rules).\n`);
  return EXIT_OK;
};
