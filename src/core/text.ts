import type { Position, Range } from './model';

/** Maps string offsets to line/character positions and back, for one text. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (hasLoneCR(text)) {
      // Old Mac line endings: a CR on its own ends a line too, as in YAML, Java's Properties.load and editors.
      for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index! + m[0].length);
    } else {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset on the LF of a CRLF is the end of its line, where the CR is (never past the line's text).
    const lf = o > this.starts[lo] && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13;
    return { line: lo, character: o - this.starts[lo] - (lf ? 1 : 0) };
  }

  offset(p: Position): number {
    if (p.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[Math.max(0, p.line)] + p.character, this.lineEnd(p.line));
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1] - 1; // the line break: \n, or a CR on its own
    if (this.text[end] === '\n' && end > 0 && this.text[end - 1] === '\r') end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The range of a whole line including its line break: what a removal edit of that line replaces. */
  fullLineRange(line: number): Range {
    const next = line + 1 < this.starts.length ? { line: line + 1, character: 0 } : this.position(this.text.length);
    return { start: { line, character: 0 }, end: next };
  }
}

/** Whether a text has a carriage return that is not part of a CRLF (a line break on its own). */
export function hasLoneCR(text: string): boolean {
  return text.includes('\r') && /\r(?!\n)/.test(text);
}
