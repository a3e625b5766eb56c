import type { Finding, Position, TextEdit } from './model';
import { LineIndex } from './text';

/**
 * Applies text edits to a text. Edits must not overlap; overlapping ones (after the first) are skipped
 * and counted, so a caller can run another pass.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number; skipped: number } {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.newText }))
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
