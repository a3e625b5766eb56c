import type { Severity } from '../model';
import { oneBased, type ReportInput } from './types';

export interface GithubOptions {
  /**
   * Maps a finding's file (as shown to the user) to the path GitHub resolves annotations against: relative to
   * the repository root (`GITHUB_WORKSPACE`), with forward slashes. Default: the file as shown.
   */
  readonly githubPath?: (file: string) => string;
}

/**
 * Annotations of one kind GitHub shows per step (10 errors, 10 warnings, 10 notices; 50 per job). The rest are
 * still in the log, but not on the pull request.
 * https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md#limitations
 */
export const GITHUB_ANNOTATIONS_PER_KIND = 10;

type Command = 'error' | 'warning' | 'notice';
const ORDER: readonly Command[] = ['error', 'warning', 'notice'];

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::file:line:col: message [rule-id]`): each finding becomes
 * an annotation on the pull request's diff, without uploading SARIF. Infos and hints become `notice`. Suppressed findings are left out.
 * Errors come first, then warnings, then notices, each in file order, so the annotations GitHub does show (the
 * first 10 of each kind per step) are the most important; past that limit a closing line says how many are in the log only.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
export function formatGithub(input: ReportInput, opts: GithubOptions = {}): string {
  const pathOf = opts.githubPath ?? ((f: string) => f);
  const shown = input.findings.filter((f) => !f.suppressed).map((f) => ({ f, cmd: command(f.severity) }));
  const counts: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  for (const s of shown) counts[s.cmd]++;
  const lines: string[] = [];
  for (const kind of ORDER) {
    for (const { f, cmd } of shown) {
      if (cmd !== kind) continue;
      const s = oneBased(f.range.start);
      const e = oneBased(f.range.end);
      const props = [`file=${property(pathOf(f.file))}`, `line=${s.line}`, `endLine=${e.line}`];
      // GitHub only honours columns on single-line annotations.
      if (s.line === e.line) props.push(`col=${s.column}`, `endColumn=${e.column}`);
      props.push(`title=${property(`kafka-k8s(${f.ruleId})`)}`);
      const related = (f.related ?? []).map((r) => `\n${pathOf(r.file)}:${oneBased(r.range.start).line}: ${r.message}`).join('');
      // The step's log shows only the message ("Error: …"), not the file and line the annotation carries, so the
      // message starts with them and ends with the rule id (as ESLint's unix format), like Ruff's github format:
      // findings past GitHub's annotation limit can then still be found from the log.
      const where = `${pathOf(f.file)}:${s.line}:${s.column}: `;
      lines.push(`::${cmd} ${props.join(',')}::${data(`${where}${f.message} [${f.ruleId}]${related}`)}`);
    }
  }
  const over = ORDER.filter((k) => counts[k] > GITHUB_ANNOTATIONS_PER_KIND);
  if (over.length > 0) {
    const list = over.map((k) => `${counts[k]} ${k}s`).join(', ');
    lines.push(`kafka-k8s: ${list}: GitHub annotates at most ${GITHUB_ANNOTATIONS_PER_KIND} of each kind per step, so the rest are only in this log. Upload SARIF (--format sarif) to see them all in code scanning.`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

function command(s: Severity): Command {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'notice';
}

/** Escapes a message (the part after `::`). */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file names, titles). */
function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
