import type { Finding, Suppression } from './model';
import type { SourceFile } from './source';

/** Prefix of the annotation that silences a rule on one resource: `ignore-check.kafka-k8s.io/<id>: "<reason>"`. */
export const IGNORE_ANNOTATION_PREFIX = 'ignore-check.kafka-k8s.io/';

const DIRECTIVE = /(?:^|\s)#\s*kafka-k8s-disable(-next-line|-line|-file)?(?:\s+([^\r\n]*?))?\s*$/;
const PROPS_DIRECTIVE = /^\s*[#!]\s*kafka-k8s-disable(-next-line|-line|-file)?(?:\s+([^\r\n]*?))?\s*$/;
const CODE_DIRECTIVE = /\/\/\s*kafka-k8s-disable(-next-line|-line|-file)?(?:\s+([^\r\n]*?))?\s*$/;

/** Whether a path is source code whose comments start with `//` (Java, Go, JavaScript, TypeScript). */
function slashComments(path: string): boolean {
  return /\.(java|go|[cm]?[jt]s)$/i.test(path);
}

export interface Directive {
  readonly kind: 'next-line' | 'line' | 'file';
  /** Rule ids; empty means every rule. */
  readonly ids: readonly string[];
  readonly justification?: string;
  /** The 0-based line the directive is on. */
  readonly line: number;
}

/** Parses `kafka-k8s-disable-*` comments of a file. */
export function parseDirectives(file: SourceFile): Directive[] {
  if (!file.text.includes('kafka-k8s-disable')) return [];
  const out: Directive[] = [];
  const re = file.properties !== undefined ? PROPS_DIRECTIVE : slashComments(file.path) ? CODE_DIRECTIVE : DIRECTIVE;
  for (let line = 0; line < file.lines.lineCount; line++) {
    const text = file.lines.lineText(line);
    if (!text.includes('kafka-k8s-disable')) continue;
    const m = re.exec(text);
    if (!m) continue;
    const kind = m[1] === '-file' ? 'file' : m[1] === '-line' ? 'line' : m[1] === '-next-line' ? 'next-line' : 'file';
    const body = m[2] ?? '';
    const dash = body.indexOf('--');
    const idPart = dash === -1 ? body : body.slice(0, dash);
    const justification = dash === -1 ? undefined : body.slice(dash + 2).trim() || undefined;
    const ids = idPart
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    out.push({ kind, ids, justification, line });
  }
  return out;
}

/** Marks findings silenced by directives or by `ignore-check.kafka-k8s.io/<id>` annotations. */
export function applySuppressions(file: SourceFile, findings: Finding[]): Finding[] {
  const directives = parseDirectives(file);
  const annotated: { start: number; end: number; ids: Map<string, string> }[] = [];
  for (const r of file.resources) {
    const ann = r.annotations;
    const ids = new Map<string, string>();
    for (const [k, v] of Object.entries(ann)) if (k.startsWith(IGNORE_ANNOTATION_PREFIX)) ids.set(k.slice(IGNORE_ANNOTATION_PREFIX.length), v);
    if (ids.size > 0) {
      const range = r.doc.range;
      annotated.push({ start: range.start.line, end: range.end.line, ids });
    }
  }
  if (directives.length === 0 && annotated.length === 0) return findings;
  return findings.map((f) => {
    const s = suppressionFor(f, directives, annotated);
    return s ? { ...f, suppressed: s } : f;
  });
}

function suppressionFor(f: Finding, directives: Directive[], annotated: { start: number; end: number; ids: Map<string, string> }[]): Suppression | undefined {
  const line = f.range.start.line;
  for (const d of directives) {
    if (d.ids.length > 0 && !d.ids.includes(f.ruleId)) continue;
    if (d.kind === 'file' || (d.kind === 'next-line' && d.line + 1 === line) || (d.kind === 'line' && d.line === line)) {
      return { kind: 'comment', justification: d.justification };
    }
  }
  for (const a of annotated) {
    if (line < a.start || line > a.end) continue;
    const why = a.ids.get(f.ruleId);
    if (why !== undefined) return { kind: 'annotation', justification: why || undefined };
  }
  return undefined;
}

/** The comment that disables a rule on the next line, for a file of the given format. */
export function disableNextLineComment(ruleId: string, indent: string, path = ''): string {
  return `${indent}${slashComments(path) ? '//' : '#'} kafka-k8s-disable-next-line ${ruleId}\n`;
}

/** The comment that disables a rule for a whole file. */
export function disableFileComment(ruleId: string, path = ''): string {
  return `${slashComments(path) ? '//' : '#'} kafka-k8s-disable-file ${ruleId}\n`;
}
