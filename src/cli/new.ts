/** `kafka-k8s new <template> [--set key=value ...] [--out DIR] [--force]`: writes a template's files. */
import fs from 'node:fs';
import path from 'node:path';
import { ScaffoldError, TEMPLATES, findTemplate, scaffold, type Template } from '../core/scaffold/index';
import { EXIT_OK, EXIT_USAGE, parseOptions, UsageError, type Command } from './io';

export const NEW_HELP = `Usage: kafka-k8s new <template> [--set key=value ...] [--out DIR] [--force]
       kafka-k8s new --list
       kafka-k8s new <template> --help

Writes the files of a template: Strimzi, KEDA and monitoring manifests that lint clean, or a Java,
Go or Node.js client project. Use the same cluster, namespace, topic and group values across
templates so the files match each other.

Options:
      --list           Print the template ids, one per line
      --set key=value  Set a parameter (repeatable); see 'kafka-k8s new <template> --help'
  -o, --out DIR        Folder to write into (default: the current folder)
      --force          Overwrite files that exist (never done without it)
      --dry-run        Print the files instead of writing them
  -h, --help           Show this help, or a template's parameters

Templates:
${TEMPLATES.map((t) => `  ${t.id.padEnd(16)}  ${t.title}`).join('\n')}
`;

export function templateHelp(t: Template): string {
  const w = Math.max(...t.params.map((p) => p.key.length));
  return [
    `Usage: kafka-k8s new ${t.id} [--set key=value ...] [--out DIR] [--force]`,
    '',
    `${t.description}.`,
    '',
    'Parameters (default in brackets):',
    ...t.params.map((p) => `  ${p.key.padEnd(w)}  ${p.description}${p.choices ? ` (${p.choices.join(' | ')})` : ''} [${String(p.default)}]`),
    '',
  ].join('\n');
}

export const newCommand: Command = async (argv, io) => {
  const parsed = parseOptions('new', {
    args: argv,
    allowPositionals: true,
    options: {
      list: { type: 'boolean' },
      set: { type: 'string', multiple: true },
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { values, positionals } = parsed;
  if (values.list) {
    io.stdout(TEMPLATES.map((t) => `${t.id}\n`).join(''));
    return EXIT_OK;
  }
  const [id, ...extra] = positionals;
  if (!id) {
    if (values.help) {
      io.stdout(NEW_HELP);
      return EXIT_OK;
    }
    throw new UsageError(`which template? 'kafka-k8s new --list' lists them.`);
  }
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}': parameters are given as --set key=value`);
  try {
    const template = findTemplate(id);
    if (values.help) {
      io.stdout(templateHelp(template));
      return EXIT_OK;
    }
    const given: Record<string, string> = {};
    for (const s of values.set ?? []) {
      const eq = s.indexOf('=');
      if (eq <= 0) throw new ScaffoldError(`--set ${s}: expected key=value`);
      given[s.slice(0, eq).trim()] = s.slice(eq + 1);
    }
    const result = scaffold(id, given);
    if (values['dry-run']) {
      for (const f of result.files) io.stdout(`# ${f.path}\n${f.content}\n`);
      return EXIT_OK;
    }
    const outDir = path.resolve(io.cwd, values.out ?? '.');
    const targets = result.files.map((f) => ({ file: f, abs: path.join(outDir, ...f.path.split('/')) }));
    const existing = targets.filter((t) => fs.existsSync(t.abs));
    if (existing.length && !values.force) {
      io.stderr(`kafka-k8s new: not overwriting ${existing.length} existing file${existing.length === 1 ? '' : 's'} (use --force to replace):\n${existing.map((t) => `  ${display(io.cwd, t.abs)}\n`).join('')}`);
      return EXIT_USAGE;
    }
    for (const t of targets) {
      const existed = fs.existsSync(t.abs);
      fs.mkdirSync(path.dirname(t.abs), { recursive: true });
      fs.writeFileSync(t.abs, t.file.content);
      io.stdout(`${existed ? 'overwrote' : 'created'} ${display(io.cwd, t.abs)}\n`);
    }
    return EXIT_OK;
  } catch (e) {
    if (e instanceof ScaffoldError) {
      const lines = e.message.split('\n');
      throw new UsageError(lines.length > 1 ? `invalid parameters:\n${lines.map((l) => `  ${l}`).join('\n')}` : e.message);
    }
    throw e;
  }
};

function display(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return (rel && !rel.startsWith('..') ? rel : abs).split(path.sep).join('/');
}
