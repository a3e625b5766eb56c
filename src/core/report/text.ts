import type { Finding, Severity } from '../model';
import { countFindings, oneBased, type ReportInput } from './types';

export interface TextOptions {
  /** ANSI colours (the CLI turns them on for a TTY without NO_COLOR). */
  readonly color?: boolean;
}

const SGR: Record<Severity | 'dim' | 'bold' | 'fail' | 'ok', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  info: [36, 39],
  hint: [2, 22],
  dim: [2, 22],
  bold: [1, 22],
  fail: [31, 39],
  ok: [32, 39],
};

/**
 * The human format, ESLint-like: one line per finding, `file:line:col  severity  message  rule-id`,
 * columns aligned, each followed by its related locations (`  note: file:line:col  message`), then a summary
 * line. Suppressed findings are not shown.
 */
export function formatText(input: ReportInput, opts: TextOptions = {}): string {
  const paint = (style: keyof typeof SGR, s: string) => (opts.color ? `\u001b[${SGR[style][0]}m${s}\u001b[${SGR[style][1]}m` : s);
  const shown = input.findings.filter((f) => !f.suppressed);
  const rows = shown.map((f) => {
    const p = oneBased(f.range.start);
    return { loc: `${f.file}:${p.line}:${p.column}`, f };
  });
  const locW = Math.max(0, ...rows.map((r) => r.loc.length));
  const sevW = Math.max(0, ...rows.map((r) => r.f.severity.length));
  // Rule ids line up when the messages are short enough for that to help; long messages are not padded.
  const longest = Math.max(0, ...rows.map((r) => oneLine(r.f.message).length));
  const msgW = longest <= 120 ? longest : 0;
  const lines = rows.flatMap(({ loc, f }) => {
    const msg = oneLine(f.message);
    const gap = ' '.repeat(Math.max(0, msgW - msg.length));
    const main = `${loc.padEnd(locW)}  ${paint(f.severity, f.severity.padEnd(sevW))}  ${msg}${gap}  ${paint('dim', f.ruleId)}`.trimEnd();
    // Related locations (the other side of a cross-file finding) follow, indented, like a compiler's notes.
    const notes = (f.related ?? []).map((r) => {
      const rp = oneBased(r.range.start);
      return `  ${paint('dim', 'note:')} ${r.file}:${rp.line}:${rp.column}  ${oneLine(r.message)}`;
    });
    return [main, ...notes];
  });
  const c = countFindings(input.findings);
  const files = `${input.fileCount} file${input.fileCount === 1 ? '' : 's'}`;
  if (c.total === 0) {
    lines.push(paint('ok', `No problems found in ${files}.`));
  } else {
    if (lines.length) lines.push('');
    const parts = ([['error', c.error], ['warning', c.warning], ['info', c.info], ['hint', c.hint]] as const)
      .filter(([, n], i) => n > 0 || i < 2)
      .map(([name, n]) => `${n} ${plural(name, n)}`);
    const mark = c.error > 0 ? 'fail' : c.warning > 0 ? 'warning' : 'info';
    lines.push(paint(mark, paint('bold', `✖ ${c.total} ${plural('problem', c.total)} (${parts.join(', ')}) in ${files}`)));
    if (c.fixable > 0) lines.push(paint('dim', `  ${c.fixable} ${plural('problem', c.fixable)} ${c.fixable === 1 ? 'is' : 'are'} fixable with the \`--fix\` option.`));
  }
  return lines.join('\n') + '\n';
}

function plural(word: string, n: number): string {
  return n === 1 || word === 'info' ? word : `${word}s`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

export type { Finding };
