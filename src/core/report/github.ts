import type { Severity } from '../model';
import { oneBased, type ReportInput } from './types';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): each finding becomes an annotation on the
 * pull request's diff, without uploading SARIF. Infos and hints become `notice`. Suppressed findings are left out.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
export function formatGithub(input: ReportInput): string {
  const lines: string[] = [];
  for (const f of input.findings) {
    if (f.suppressed) continue;
    const s = oneBased(f.range.start);
    const e = oneBased(f.range.end);
    const props = [`file=${property(f.file)}`, `line=${s.line}`, `endLine=${e.line}`];
    // GitHub only honours columns on single-line annotations.
    if (s.line === e.line) props.push(`col=${s.column}`, `endColumn=${e.column}`);
    props.push(`title=${property(`kafka-k8s(${f.ruleId})`)}`);
    const related = (f.related ?? []).map((r) => `\n${r.file}:${oneBased(r.range.start).line}: ${r.message}`).join('');
    lines.push(`::${command(f.severity)} ${props.join(',')}::${data(f.message + related)}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

function command(s: Severity): 'error' | 'warning' | 'notice' {
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
