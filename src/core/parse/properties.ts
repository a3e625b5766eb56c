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
    // Walk the logical line, tracking source offsets for each logical character.
    const chars: { ch: string; off: number }[] = [];
    segments.forEach((seg, idx) => {
      const base = lines.lineStart(seg.line) + seg.start;
      const t = idx < segments.length - 1 ? seg.text.slice(0, -1) : seg.text; // drop continuation backslash
      for (let k = 0; k < t.length; k++) chars.push({ ch: t[k], off: base + k });
    });
    if (chars.length === 0) {
      // A lone continuation backslash followed by blank lines: an empty logical line, as Java skips it.
      line = curLine + 1;
      continue;
    }
    let k = 0;
    let key = '';
    const keyStart = chars[0].off;
    let keyEnd = keyStart;
    while (k < chars.length) {
      const c = chars[k].ch;
      if (c === '\\' && k + 1 < chars.length) {
        const [s, used] = unescape(chars, k);
        if (used === 2 && chars[k + 1].ch === 'u') malformedEscapes.push(lines.range(chars[k].off, chars[Math.min(k + 5, chars.length - 1)].off + 1));
        key += s;
        k += used;
        keyEnd = chars[k - 1].off + 1;
        continue;
      }
      if (c === '=' || c === ':' || isWs(c)) break;
      key += c;
      keyEnd = chars[k].off + 1;
      k++;
    }
    while (k < chars.length && isWs(chars[k].ch)) k++;
    if (k < chars.length && (chars[k].ch === '=' || chars[k].ch === ':')) {
      k++;
      while (k < chars.length && isWs(chars[k].ch)) k++;
    }
    let value = '';
    const valueStart = k < chars.length ? chars[k].off : lines.lineEnd(curLine);
    while (k < chars.length) {
      if (chars[k].ch === '\\' && k + 1 < chars.length) {
        const [s, used] = unescape(chars, k);
        if (used === 2 && chars[k + 1].ch === 'u') malformedEscapes.push(lines.range(chars[k].off, chars[Math.min(k + 5, chars.length - 1)].off + 1));
        value += s;
        k += used;
      } else {
        value += chars[k].ch;
        k++;
      }
    }
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

function unescape(chars: { ch: string }[], k: number): [string, number] {
  const c = chars[k + 1].ch;
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
      const hex = chars
        .slice(k + 2, k + 6)
        .map((x) => x.ch)
        .join('');
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
