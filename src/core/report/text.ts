import type { Finding, Range, Severity } from '../model';
import { LineIndex } from '../text';
import { countFindings, oneBased, type ReportInput } from './types';

export interface TextOptions {
  /** ANSI colours (the CLI decides: a terminal, NO_COLOR, FORCE_COLOR, --color / --no-color). */
  readonly color?: boolean;
  /**
   * The text of a reported file (undefined when unknown). When given, every finding and related location is
   * followed by its source line with the range underlined (`--show-source`).
   */
  readonly source?: (file: string) => string | undefined;
}

const SGR: Record<Severity | 'dim' | 'bold' | 'fail' | 'ok' | 'note', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  info: [36, 39],
  hint: [2, 22],
  dim: [2, 22],
  bold: [1, 22],
  fail: [31, 39],
  ok: [32, 39],
  note: [36, 39],
};

/** Messages whose rule ids are lined up; longer ones are not padded (the padding would not help). */
const MAX_ALIGNED_MESSAGE = 120;
/** Excerpt lines longer than this are cut around the reported column. */
const MAX_EXCERPT = 160;

/**
 * The human format, ESLint-like: one line per finding, `file:line:col  severity  message  rule-id`, aligned
 * (locations within each file), each followed by its related locations (`  file:line:col  note: message`), then a
 * summary line. With `source`, each of them also shows its source line, the range underlined. Suppressed
 * findings are not shown.
 */
export function formatText(input: ReportInput, opts: TextOptions = {}): string {
  const paint = (style: keyof typeof SGR, s: string) => (opts.color ? `\u001b[${SGR[style][0]}m${s}\u001b[${SGR[style][1]}m` : s);
  const shown = input.findings.filter((f) => !f.suppressed);
  const rows = shown.map((f) => {
    const p = oneBased(f.range.start);
    return { loc: printable(`${f.file}:${p.line}:${p.column}`), f };
  });
  // Locations line up within a file: one long path does not push every other file's messages to the right.
  const locW = new Map<string, number>();
  for (const r of rows) locW.set(r.f.file, Math.max(locW.get(r.f.file) ?? 0, r.loc.length));
  const sevW = Math.max(0, ...rows.map((r) => r.f.severity.length));
  const longest = Math.max(0, ...rows.map((r) => printable(r.f.message).length));
  const msgW = longest <= MAX_ALIGNED_MESSAGE ? longest : 0;
  const excerpt = opts.source ? excerpter(opts.source, paint) : undefined;

  const lines: string[] = [];
  for (const { loc, f } of rows) {
    const msg = printable(f.message);
    const gap = ' '.repeat(Math.max(0, msgW - msg.length));
    lines.push(`${loc.padEnd(locW.get(f.file) ?? 0)}  ${paint(f.severity, f.severity.padEnd(sevW))}  ${msg}${gap}  ${paint('dim', f.ruleId)}`.trimEnd());
    if (excerpt) lines.push(...excerpt(f.file, f.range, f.severity, '  '));
    // Related locations (the other side of a cross-file finding) follow, indented, like a compiler's notes.
    for (const r of f.related ?? []) {
      const rp = oneBased(r.range.start);
      lines.push(`  ${printable(`${r.file}:${rp.line}:${rp.column}`)}  ${paint('note', 'note:')} ${printable(r.message)}`);
      if (excerpt) lines.push(...excerpt(r.file, r.range, 'note', '    '));
    }
    // With excerpts, a blank line keeps each finding's block apart.
    if (excerpt) lines.push('');
  }

  const c = countFindings(input.findings);
  const files = `${input.fileCount} file${input.fileCount === 1 ? '' : 's'}`;
  if (c.total === 0) {
    lines.push(paint('ok', `No problems found in ${files}.`));
  } else {
    if (lines.length && lines[lines.length - 1] !== '') lines.push('');
    const parts = ([['error', c.error], ['warning', c.warning], ['info', c.info], ['hint', c.hint]] as const)
      .filter(([, n], i) => n > 0 || i < 2)
      .map(([name, n]) => `${n} ${plural(name, n)}`);
    const mark = c.error > 0 ? 'fail' : c.warning > 0 ? 'warning' : 'info';
    lines.push(paint(mark, paint('bold', `✖ ${c.total} ${plural('problem', c.total)} (${parts.join(', ')}) in ${files}`)));
    if (c.fixable > 0) lines.push(paint('dim', `  ${c.fixable} ${plural('problem', c.fixable)} ${c.fixable === 1 ? 'is' : 'are'} fixable with the \`--fix\` option.`));
  }
  return lines.join('\n') + '\n';
}

type Paint = (style: keyof typeof SGR, s: string) => string;

/**
 * Returns a function that renders the source line of a range, Ruff- and rustc-like:
 *
 * ```text
 *   43 |     version: 4.1.0
 *      |              ^^^^^
 * ```
 *
 * A range over several lines is underlined to the end of its first line; an empty range gets one caret.
 * Files whose text is unknown (not read, standard input under another name) get no excerpt.
 */
function excerpter(source: (file: string) => string | undefined, paint: Paint): (file: string, r: Range, style: Severity | 'note', indent: string) => string[] {
  const cache = new Map<string, LineIndex | undefined>();
  return (file, r, style, indent) => {
    if (!cache.has(file)) {
      const text = source(file);
      cache.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    const index = cache.get(file);
    if (!index || r.start.line >= index.lineCount) return [];
    let text = index.lineText(r.start.line);
    let start = Math.min(r.start.character, text.length);
    let end = r.end.line === r.start.line ? Math.min(Math.max(r.end.character, start), text.length) : text.length;
    if (end === start) end = start + 1;
    // A very long line (minified JSON, a long value) is cut to a window around the range.
    let cut = 0;
    let prefix = '';
    if (text.length > MAX_EXCERPT) {
      cut = Math.max(0, Math.min(start - 40, text.length - MAX_EXCERPT));
      const tail = cut + MAX_EXCERPT < text.length ? '…' : '';
      prefix = cut > 0 ? '…' : '';
      text = prefix + text.slice(cut, cut + MAX_EXCERPT) + tail;
      start = start - cut + prefix.length;
      end = Math.min(end - cut + prefix.length, text.length - tail.length);
    }
    const shown = printableExcerpt(text);
    const number = String(r.start.line + 1);
    const gutter = ' '.repeat(number.length);
    // Tabs stay tabs under the line, so the carets land under the range whatever the tab width.
    const under = shown.slice(0, start).replace(/[^\t]/g, ' ') + '^'.repeat(Math.max(1, end - start));
    return [`${indent}${paint('dim', `${number} |`)} ${shown}`.trimEnd(), `${indent}${paint('dim', `${gutter} |`)} ${paint(style, under)}`];
  };
}

/**
 * A message or path as one printable line: line breaks become spaces, and control and bidirectional-override
 * characters (which could rewrite the terminal or reorder the line) are shown escaped.
 */
function printable(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\t/g, ' ');
}

/** A source line as printed: control and bidirectional characters become U+FFFD, one column each, so carets stay aligned. */
function printableExcerpt(s: string): string {
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

function plural(word: string, n: number): string {
  return n === 1 || word === 'info' ? word : `${word}s`;
}

export type { Finding };
