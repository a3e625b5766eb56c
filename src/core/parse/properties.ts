import type { Range } from '../model';
import { LineIndex } from '../text';

/** One `key=value` entry of a Java `.properties` file. */
export interface PropertyEntry {
  /** The key after unescaping. */
  readonly key: string;
  /** The value after unescaping and joining continuation lines. */
  readonly value: string;
  readonly keyRange: Range;
  /** From the first character of the value to the end of the logical line (empty range when there is no value). */
  readonly valueRange: Range;
  /** The physical lines of the logical line, first and last (0-based). */
  readonly firstLine: number;
  readonly lastLine: number;
}

export interface PropertiesFile {
  readonly lines: LineIndex;
  readonly entries: readonly PropertyEntry[];
  /** Later entries whose key an earlier entry already set (the later one wins in Java). */
  readonly duplicates: readonly { entry: PropertyEntry; first: PropertyEntry }[];
  /** Comment lines (`#` or `!`), by line number, with their text after the marker. */
  readonly comments: ReadonlyMap<number, string>;
  /** `\u` escapes without four hex digits: `Properties.load` throws on them ("Malformed \uxxxx encoding"). */
  readonly malformedEscapes: readonly Range[];
}

/**
 * Parses a `.properties` text as `java.util.Properties.load` does: `=`, `:` or whitespace
 * separators, backslash line continuations, escapes (`\t \n \r \f \uXXXX`), `#` and `!` comments.
 */
export function parseProperties(text: string): PropertiesFile {
  const lines = new LineIndex(text);
  const entries: PropertyEntry[] = [];
  const comments = new Map<number, string>();
  const malformedEscapes: Range[] = [];
  const n = lines.lineCount;
  let line = 0;
  while (line < n) {
    const raw = lines.lineText(line);
    const lineStart = lines.lineStart(line);
    let i = 0;
    while (i < raw.length && isWs(raw[i])) i++;
    if (i === raw.length) {
      line++;
      continue;
    }
    if (raw[i] === '#' || raw[i] === '!') {
      comments.set(line, raw.slice(i + 1));
      line++;
      continue;
    }
    // Gather the logical line: physical lines joined while the line ends with an odd number of backslashes.
    const segments: { line: number; start: number; text: string }[] = [{ line, start: i, text: raw.slice(i) }];
    let cur = raw;
    let curLine = line;
    while (endsWithContinuation(cur) && curLine + 1 < n) {
      curLine++;
      cur = lines.lineText(curLine);
      let j = 0;
      while (j < cur.length && isWs(cur[j])) j++;
      segments.push({ line: curLine, start: j, text: cur.slice(j) });
    }
    // Walk the logical line, tracking the source offset of each logical character.
    const parts: string[] = [];
    let total = 0;
    segments.forEach((seg, idx) => {
      // Drop the continuation backslash (also one that ends the file: Properties.load drops it too).
      const t = idx < segments.length - 1 || endsWithContinuation(seg.text) ? seg.text.slice(0, -1) : seg.text;
      parts.push(t);
      total += t.length;
    });
    const chars = parts.join('');
    const offs = new Int32Array(total);
    let w = 0;
    segments.forEach((seg, idx) => {
      const base = lines.lineStart(seg.line) + seg.start;
      for (let k = 0; k < parts[idx].length; k++) offs[w++] = base + k;
    });
    if (chars.length === 0) {
      // A lone continuation backslash followed by blank lines: an empty logical line, as Java skips it.
      line = curLine + 1;
      continue;
    }
    let k = 0;
    let key = '';
    const keyStart = offs[0];
    let keyEnd = keyStart;
    while (k < chars.length) {
      const c = chars[k];
      if (c === '\\' && k + 1 < chars.length) {
        const [s, used] = unescape(chars, k);
        if (used === 2 && chars[k + 1] === 'u') malformedEscapes.push(lines.range(offs[k], offs[Math.min(k + 5, chars.length - 1)] + 1));
        key += s;
        k += used;
        keyEnd = offs[k - 1] + 1;
        continue;
      }
      if (c === '=' || c === ':' || isWs(c)) break;
      key += c;
      keyEnd = offs[k] + 1;
      k++;
    }
    while (k < chars.length && isWs(chars[k])) k++;
    if (k < chars.length && (chars[k] === '=' || chars[k] === ':')) {
      k++;
      while (k < chars.length && isWs(chars[k])) k++;
    }
    const valueStart = k < chars.length ? offs[k] : lines.lineEnd(curLine);
    // The value: unescaped in runs, so a long value is not built one character at a time.
    const pieces: string[] = [];
    let run = k;
    while (k < chars.length) {
      if (chars[k] === '\\' && k + 1 < chars.length) {
        pieces.push(chars.slice(run, k));
        const [s, used] = unescape(chars, k);
        if (used === 2 && chars[k + 1] === 'u') malformedEscapes.push(lines.range(offs[k], offs[Math.min(k + 5, chars.length - 1)] + 1));
        pieces.push(s);
        k += used;
        run = k;
      } else {
        k++;
      }
    }
    pieces.push(chars.slice(run));
    const value = pieces.join('');
    const valueEnd = lines.lineEnd(curLine);
    void lineStart;
    entries.push({
      key,
      value,
      keyRange: lines.range(keyStart, keyEnd),
      valueRange: lines.range(Math.min(valueStart, valueEnd), valueEnd),
      firstLine: line,
      lastLine: curLine,
    });
    line = curLine + 1;
  }
  const seen = new Map<string, PropertyEntry>();
  const duplicates: { entry: PropertyEntry; first: PropertyEntry }[] = [];
  for (const e of entries) {
    const first = seen.get(e.key);
    if (first) duplicates.push({ entry: e, first });
    else seen.set(e.key, e);
  }
  return { lines, entries, duplicates, comments, malformedEscapes };
}

function isWs(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\f';
}

function endsWithContinuation(s: string): boolean {
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

function unescape(chars: string, k: number): [string, number] {
  const c = chars[k + 1];
  switch (c) {
    case 't':
      return ['\t', 2];
    case 'n':
      return ['\n', 2];
    case 'r':
      return ['\r', 2];
    case 'f':
      return ['\f', 2];
    case 'u': {
      const hex = chars.slice(k + 2, k + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(parseInt(hex, 16)), 6];
      return ['u', 2];
    }
    default:
      return [c, 2];
  }
}

/** Escapes a value for writing into a `.properties` file. */
export function escapePropertyValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/^ /, '\\ ');
}
