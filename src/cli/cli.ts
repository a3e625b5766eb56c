import { closestMatch } from '../core/suggest';
import { EXIT_USAGE, UsageError, processIO, type CliIO, type Command } from './io';

/** The command table: each command is loaded on first use, so `lint` never loads the Kafka client. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  lint: { summary: 'Lint Strimzi, KEDA and Kafka client configuration files', load: async () => (await import('./lint.js')).lintCommand },
  rules: { summary: 'List the rules', load: async () => (await import('./rules.js')).rulesCommand },
  rule: { summary: "Show a rule's documentation", load: async () => (await import('./rules.js')).ruleCommand },
  docs: { summary: "Print or update the README's rule reference", load: async () => (await import('./docs.js')).docsCommand },
  lag: { summary: 'Show consumer group lag of a live cluster', load: async () => (await import('./lag.js')).lagCommand },
  new: { summary: 'Write manifests or client code from a template (--list shows them)', load: async () => (await import('./new.js')).newCommand },
};

export const VERSION = '0.1.0';

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'Usage: kafka-k8s <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show this help',
    '  -v, --version  Show the version',
    '',
    "Run 'kafka-k8s <command> --help' (or 'kafka-k8s help <command>') for a command's options.",
    '',
  ].join('\n');
}

/** Runs the CLI; returns the exit code (0 ok, 1 findings, 2 usage or internal error). */
export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest.length > 0) {
    if (COMMANDS[rest[0]]) return runCli([rest[0], '--help'], io);
    const guess = closestMatch(rest[0], Object.keys(COMMANDS));
    io.stderr(`kafka-k8s help: unknown command '${rest[0]}'${guess ? `. Did you mean '${guess}'?` : ''}\n\n${usage()}`);
    return EXIT_USAGE;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // No command at all is a usage error: the usage goes to standard error, as the other usage errors do.
    if (name) io.stdout(usage());
    else io.stderr(usage());
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    if (name.startsWith('-')) {
      const guess = topLevelOption(name);
      const hint = guess ? `. Did you mean '${guess}'?` : `: a command's options go after it, e.g. kafka-k8s lint ${name} …`;
      io.stderr(`kafka-k8s: unknown option '${name}'${hint}\n\n${usage()}`);
      return EXIT_USAGE;
    }
    const guess = closestMatch(name, Object.keys(COMMANDS));
    io.stderr(`kafka-k8s: unknown command '${name}'${guess ? `. Did you mean '${guess}'?` : ''}\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    return await (await cmd.load())(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kafka-k8s ${name}: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`kafka-k8s ${name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_USAGE;
  }
}

/**
 * The top-level option a mistyped one most likely meant: `-V` or `-H` (other tools' spellings) for `-v` / `-h`, a
 * shortened `--vers`, or a near miss such as `--verison`.
 */
function topLevelOption(name: string): string | undefined {
  if (/^-[hv]$/i.test(name)) return name.toLowerCase();
  const long = ['--help', '--version'];
  return long.find((o) => name.length >= 4 && o.startsWith(name)) ?? closestMatch(name, long);
}
