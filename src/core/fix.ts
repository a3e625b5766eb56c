import type { Finding, Position, TextEdit } from './model';
import { analyzeFile, type SourceFile } from './source';
import { LineIndex } from './text';

/**
 * Applies text edits to a text. Edits must not overlap; overlapping ones (after the first) are skipped
 * and counted, so a caller can run another pass.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number; skipped: number } {
  const lines = new LineIndex(text);
  // Fixes write \n; a CRLF (or CR) file gets its own line breaks, as an editor inserts them.
  const eol = lineBreakOf(text);
  const spans = edits
    .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: eol !== '\n' && e.newText.includes('\n') ? e.newText.replace(/\r?\n/g, eol) : e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  let applied = 0;
  let skipped = 0;
  for (const s of spans) {
    if (s.start < at) {
      skipped++;
      continue;
    }
    out += text.slice(at, s.start) + s.text;
    at = s.end;
    applied++;
  }
  out += text.slice(at);
  return { text: out, applied, skipped };
}

/** The line break a text uses (its first one; \n when it has none). */
export function lineBreakOf(text: string): string {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  const cr = text.indexOf('\r');
  return cr !== -1 && (lf === -1 || cr < lf) ? '\r' : '\n';
}

/** The edits of every finding's fix, taking whole fixes only (a fix whose edits would overlap another is left out). */
export function fixEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: { s: Position; e: Position }[] = [];
  const out: TextEdit[] = [];
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  for (const f of findings) {
    if (!f.fix || f.suppressed) continue;
    const overlaps = f.fix.edits.some((ed) => taken.some((t) => before(ed.range.start, t.e) && before(t.s, ed.range.end) || (ed.range.start.line === t.s.line && ed.range.start.character === t.s.character)));
    if (overlaps) continue;
    for (const ed of f.fix.edits) {
      taken.push({ s: ed.range.start, e: ed.range.end });
      out.push(ed);
    }
  }
  return out;
}

/**
 * How much of a file its parser could not read: YAML syntax errors; in `.properties`, duplicate keys and
 * malformed escapes. A fix must never make this worse.
 */
export function readDamage(file: SourceFile): number {
  return (file.yaml?.syntaxErrors.length ?? 0) + (file.properties ? file.properties.duplicates.length + file.properties.malformedEscapes.length : 0) + (file.binary ? 1 : 0);
}

/**
 * The text after applying the findings' fixes, leaving out any fix that makes the file harder to read
 * (e.g. renaming a key to a name the map already has makes a duplicate key). All fixes are tried together
 * first; only when that does harm are they tried one by one, keeping those that do none.
 */
export function applyFixesSafely(file: SourceFile, findings: readonly Finding[]): { text: string; applied: number } {
  const fixable = findings.filter((f) => f.fix && !f.suppressed);
  const all = fixEdits(fixable);
  if (all.length === 0) return { text: file.text, applied: 0 };
  const base = readDamage(file);
  const harmless = (edits: TextEdit[]) => {
    const text = applyEdits(file.text, edits).text;
    return readDamage(analyzeFile(file.path, text)) <= base ? text : undefined;
  };
  const together = harmless(all);
  if (together !== undefined) return { text: together, applied: fixable.length };
  const kept: Finding[] = [];
  for (const f of fixable) {
    const edits = fixEdits([...kept, f]);
    if (edits.length > fixEdits(kept).length && harmless(edits) !== undefined) kept.push(f);
  }
  return { text: applyEdits(file.text, fixEdits(kept)).text, applied: kept.length };
}
