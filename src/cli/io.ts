import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestMatch } from '../core/suggest';
import { decodeText } from '../services/files';

/** What a CLI command may touch: its streams, the working directory and the environment. */
export interface CliIO {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (colour is used only then, and only without NO_COLOR). */
  readonly isTTY?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads standard input to the end (for `-` as a path). */
  stdin?(): Promise<string>;
  /** Whether standard input is a terminal (nothing piped in: `-` would wait for typing). */
  readonly stdinIsTTY?: boolean;
}

export type Command = (args: string[], io: CliIO) => Promise<number>;

/** Exit codes, as ESLint uses them. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A usage or input error: printed as `kafka-k8s: <message>` with exit code 2. */
export class UsageError extends Error {}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return decodeText(Buffer.concat(chunks)).text;
    },
  };
}

/**
 * `parseArgs` (strict) for a command: a bad option becomes a UsageError that names it, suggests the nearest
 * option when it looks like a typo, and points at the command's `--help`.
 */
export function parseOptions<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ strict: true, ...config });
  } catch (e) {
    const message = e instanceof Error ? plainMessage(e.message) : String(e);
    const unknown = /^Unknown option '(--?[^']+)'/.exec(message)?.[1];
    const names = Object.keys(config.options ?? {}).map((o) => `--${o}`);
    const guess = unknown?.startsWith('--') ? closestMatch(unknown, names) : undefined;
    throw new UsageError(`${message}${guess ? ` Did you mean '${guess}'?` : ''}\nRun 'kafka-k8s ${command} --help' for the options.`);
  }
}

/** Node's parseArgs messages, said as the rest of the CLI says things (the option as typed, what to do). */
function plainMessage(m: string): string {
  const option = (spec: string) => spec.split(', ').pop()!.replace(/ <value>$/, '');
  let r = /^Option '([^']+)' argument missing/.exec(m);
  if (r) return `${option(r[1])} needs a value.`;
  r = /^Option '([^']+)' argument is ambiguous/.exec(m);
  if (r) return `${option(r[1])} needs a value, but an option follows it. A value that starts with '-' is written ${option(r[1])}=-….`;
  r = /^Option '([^']+)' does not take an argument/.exec(m);
  if (r) return `${option(r[1])} takes no value.`;
  const plain = m.replace(/\. To specify a positional argument.*$/s, '.');
  return /[.?!]$/.test(plain) ? plain : `${plain}.`;
}
