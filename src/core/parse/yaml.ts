import { Document, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair } from 'yaml';
import type { Range, TextEdit } from '../model';
import { LineIndex } from '../text';

/** A path into a YAML value: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

export interface YamlSyntaxError {
  readonly message: string;
  readonly range: Range;
  readonly documentIndex: number;
}

const TEMPLATE_LINE = /^[ \t]*\{\{-?[\s\S]*?-?\}\}[ \t]*$/;
const TEMPLATE_EXPR = /\{\{-?[\s\S]*?-?\}\}/g;

const BLOCK_SCALAR_START = /(?:^|[:\s-])[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/** Whether offset `at` of a line lies inside a single- or double-quoted scalar. */
function insideQuotes(line: string, at: number): boolean {
  let quote: string | undefined;
  for (let i = 0; i < at; i++) {
    const c = line[i];
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = undefined;
    } else if (quote === "'") {
      if (c === "'") quote = line[i + 1] === "'" ? (i++, "'") : undefined;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s:\[{,-]/.test(line[i - 1]))) {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      return false;
    }
  }
  return quote !== undefined;
}

/**
 * Masks Helm/Go template syntax so the YAML parser sees plain YAML with the same offsets:
 * lines that hold only a directive become comments, inline expressions become a run of `_`.
 * Expressions inside quoted or block scalars are text (e.g. `{{ $labels.topic }}` in a Prometheus
 * alert) and are left as they are; they are still listed in `ranges`, but not counted as `structural`.
 */
export function maskTemplates(text: string): { text: string; ranges: [number, number][]; structural: number } {
  if (!text.includes('{{')) return { text, ranges: [], structural: 0 };
  const ranges: [number, number][] = [];
  let structural = 0;
  let out = '';
  let lineStart = 0;
  let blockIndent = -1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0 && line.trim() !== '' && indent <= blockIndent) blockIndent = -1;
    const inBlock = blockIndent >= 0;
    if (line.includes('{{') && inBlock) {
      for (const m of line.matchAll(TEMPLATE_EXPR)) ranges.push([lineStart + m.index!, lineStart + m.index! + m[0].length]);
      out += line;
    } else if (line.includes('{{')) {
      if (TEMPLATE_LINE.test(line)) {
        out += line.slice(0, indent) + '#' + ' '.repeat(Math.max(0, line.length - indent - 1));
        ranges.push([lineStart + indent, lineEnd]);
        structural++;
      } else {
        out += line.replace(TEMPLATE_EXPR, (m, at: number) => {
          ranges.push([lineStart + at, lineStart + at + m.length]);
          if (insideQuotes(line, at)) return m;
          structural++;
          return '_'.repeat(m.length);
        });
      }
    } else {
      out += line;
    }
    if (!inBlock && BLOCK_SCALAR_START.test(line) && !insideQuotes(line, line.length)) blockIndent = indent;
    if (lineEnd < text.length) out += '\n';
    lineStart = lineEnd + 1;
  }
  return { text: out, ranges, structural };
}

/** One parsed YAML file: its documents with exact source ranges. */
export class YamlFile {
  readonly lines: LineIndex;
  readonly documents: YamlDocument[];
  readonly syntaxErrors: YamlSyntaxError[] = [];
  /** True when the file holds Helm/Go template syntax that was masked before parsing. */
  readonly templated: boolean;
  readonly templateRanges: readonly [number, number][];

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    const masked = maskTemplates(text);
    this.templated = masked.structural > 0;
    this.templateRanges = masked.ranges;
    // logLevel 'error': the parser reports problems as errors we turn into findings; core never writes to the
    // console (otherwise `yaml` emits process warnings, e.g. for collection keys, from toJS()).
    const docs = parseAllDocuments(masked.text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    const list = Array.isArray(docs) ? docs : [];
    this.documents = list.map((d, i) => new YamlDocument(this, d, i));
    list.forEach((d, i) => {
      for (const e of d.errors) {
        const [s, t] = e.pos;
        this.syntaxErrors.push({
          message: e.message.split('\n')[0],
          range: this.lines.range(s, Math.max(t, s)),
          documentIndex: i,
        });
      }
    });
  }

  /** Whether a source offset range overlaps masked template syntax. */
  isTemplated(start: number, end: number): boolean {
    for (const [s, e] of this.templateRanges) if (s < Math.max(end, start + 1) && e > start) return true;
    return false;
  }
}

/** One YAML document of a file, with lazy path → range lookups. */
export class YamlDocument {
  private jsValue: unknown;
  private jsDone = false;

  constructor(
    readonly file: YamlFile,
    readonly doc: Document.Parsed,
    readonly index: number,
  ) {}

  get hasErrors(): boolean {
    return this.doc.errors.length > 0;
  }

  /** The document as plain data (aliases resolved, at most 100 alias expansions). */
  get value(): unknown {
    if (!this.jsDone) {
      this.jsDone = true;
      try {
        this.jsValue = this.doc.toJS({ maxAliasCount: 100 });
      } catch {
        this.jsValue = undefined;
      }
    }
    return this.jsValue;
  }

  get startOffset(): number {
    return this.doc.range[0];
  }

  get endOffset(): number {
    return this.doc.range[2];
  }

  /** The range of the document's content (the whole document when it is empty). */
  get range(): Range {
    const c = this.doc.contents as Node | null;
    if (c && c.range) return this.file.lines.range(c.range[0], c.range[1]);
    return this.file.lines.range(this.doc.range[0], this.doc.range[1]);
  }

  /** The node at a path (aliases followed), or undefined. */
  node(path: YamlPath): Node | undefined {
    let cur: unknown = this.doc.contents;
    for (const seg of path) {
      cur = resolveAlias(this.doc, cur);
      if (isMap(cur)) {
        const p = findPair(cur.items, seg);
        cur = p?.value ?? undefined;
        if (p && cur === null) return undefined;
      } else if (isSeq(cur) && typeof seg === 'number') {
        cur = cur.items[seg];
      } else {
        return undefined;
      }
      if (cur === undefined) return undefined;
    }
    return (resolveAlias(this.doc, cur) as Node) ?? undefined;
  }

  /** The map pair whose key is the last path segment. */
  pair(path: YamlPath): Pair<Node, Node | null> | undefined {
    if (path.length === 0) return undefined;
    const parent = path.length === 1 ? resolveAlias(this.doc, this.doc.contents) : this.node(path.slice(0, -1));
    if (!isMap(parent)) return undefined;
    return findPair(parent.items, path[path.length - 1]) as Pair<Node, Node | null> | undefined;
  }

  /** Range of the key at a path; for a sequence item, the item's range. */
  keyRange(path: YamlPath): Range | undefined {
    const last = path[path.length - 1];
    if (typeof last === 'number') return this.valueRange(path);
    const p = this.pair(path);
    const k = p?.key as Node | undefined;
    if (k?.range) return this.file.lines.range(k.range[0], k.range[1]);
    return undefined;
  }

  /** Range of the value at a path (for a key with an empty value, the key). */
  valueRange(path: YamlPath): Range | undefined {
    const r = this.valueOffsets(path);
    return r ? this.file.lines.range(r[0], r[1]) : undefined;
  }

  /** Source offsets [start, end) of the value at a path. */
  valueOffsets(path: YamlPath): [number, number] | undefined {
    if (path.length === 0) {
      const c = this.doc.contents as Node | null;
      return c?.range ? [c.range[0], c.range[1]] : undefined;
    }
    const last = path[path.length - 1];
    if (typeof last === 'string') {
      const p = this.pair(path);
      if (!p) return undefined;
      const v = p.value as Node | null;
      if (v?.range && !(isScalar(v) && v.source === '' && v.range[0] === v.range[1])) return [v.range[0], v.range[1]];
      const k = p.key as Node | undefined;
      return k?.range ? [k.range[0], k.range[1]] : undefined;
    }
    const n = this.node(path);
    return n?.range ? [n.range[0], n.range[1]] : undefined;
  }

  /**
   * The most precise range for a path: the key when there is one, else the value; when the path
   * does not exist, the key of its nearest existing ancestor (never undefined: falls back to the document).
   */
  rangeOf(path: YamlPath, prefer: 'key' | 'value' = 'key'): Range {
    for (let n = path.length; n > 0; n--) {
      const p = path.slice(0, n);
      const r = prefer === 'value' && n === path.length ? this.valueRange(p) ?? this.keyRange(p) : this.keyRange(p) ?? this.valueRange(p);
      if (r) return r;
    }
    return this.headRange();
  }

  /** The range used for findings about the whole document: `kind:` when present, else its first line. */
  headRange(): Range {
    return this.keyRange(['kind']) ?? this.keyRange(['apiVersion']) ?? this.firstLineRange();
  }

  private firstLineRange(): Range {
    const r = this.range;
    const end = this.file.lines.lineEnd(r.start.line);
    return { start: r.start, end: this.file.lines.position(end) };
  }

  /** Plain-data value at a path. */
  get(path: YamlPath): unknown {
    let cur: unknown = this.value;
    for (const seg of path) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string | number, unknown>)[seg];
    }
    return cur;
  }

  /** Keys of the map at a path, in source order, with their ranges. */
  entries(path: YamlPath): { key: string; keyRange: Range; valueRange: Range; value: unknown }[] {
    const m = path.length === 0 ? resolveAlias(this.doc, this.doc.contents) : this.node(path);
    if (!isMap(m)) return [];
    const out: { key: string; keyRange: Range; valueRange: Range; value: unknown }[] = [];
    for (const it of m.items) {
      const k = it.key as Node | null;
      if (!isScalar(k) || !k.range) continue;
      const key = String(k.value);
      const keyRange = this.file.lines.range(k.range[0], k.range[1]);
      const v = it.value as Node | null;
      const valueRange = v?.range ? this.file.lines.range(v.range[0], v.range[1]) : keyRange;
      out.push({ key, keyRange, valueRange, value: v ? (v as Node).toJS(this.doc, { maxAliasCount: 100 }) : null });
    }
    return out;
  }

  // ---- edits ---------------------------------------------------------------------------------

  /** Replace the value at a path with YAML text (a scalar or a flow collection). */
  setValueEdit(path: YamlPath, newText: string): TextEdit | undefined {
    const p = this.pair(path);
    const v = p?.value as Node | null | undefined;
    if (v?.range && !(isScalar(v) && v.source === '' && v.range[0] === v.range[1])) {
      return { range: this.file.lines.range(v.range[0], v.range[1]), newText };
    }
    const k = p?.key as Node | undefined;
    if (k?.range) {
      // `key:` with no value: write after the colon.
      const lineEnd = this.file.lines.lineEnd(this.file.lines.position(k.range[1]).line);
      const at = this.file.text.indexOf(':', k.range[1]);
      if (at !== -1 && at < lineEnd) return { range: this.file.lines.range(at + 1, at + 1), newText: ' ' + newText };
    }
    return undefined;
  }

  /** Remove a key (and its whole value) from a block map, including its lines. */
  removeKeyEdit(path: YamlPath): TextEdit | undefined {
    const p = this.pair(path);
    const k = p?.key as Node | undefined;
    if (!p || !k?.range) return undefined;
    const parent = path.length === 1 ? this.doc.contents : this.node(path.slice(0, -1));
    if (!isMap(parent) || parent.flow) return undefined;
    const lines = this.file.lines;
    const startLine = lines.position(k.range[0]).line;
    const v = p.value as Node | null;
    let endOffset = v?.range ? v.range[1] : k.range[1];
    if (endOffset > 0 && this.file.text[endOffset - 1] === '\n') endOffset--;
    const endLine = lines.position(endOffset).line;
    const lineStartText = this.file.text.slice(lines.lineStart(startLine), k.range[0]);
    if (lineStartText.trim() !== '' && lineStartText.trim() !== '-') return undefined;
    if (lineStartText.trim() === '-') return undefined; // first key of a sequence item: leave to a human
    const end = lines.fullLineRange(endLine).end;
    return { range: { start: { line: startLine, character: 0 }, end }, newText: '' };
  }

  /**
   * Insert `key: value` into the block map at a path, after its last entry, at the indentation of its keys.
   * `valueText` may span lines; its continuation lines are indented below the key.
   */
  insertKeyEdit(mapPath: YamlPath, key: string, valueText: string): TextEdit | undefined {
    const m = mapPath.length === 0 ? this.doc.contents : this.node(mapPath);
    if (!isMap(m) || m.flow || m.items.length === 0) {
      if (mapPath.length > 0 && (m === undefined || (isMap(m) && m.items.length === 0 && !m.flow))) {
        // Parent missing or empty: create it under its own parent.
        const parentPath = mapPath.slice(0, -1);
        const last = mapPath[mapPath.length - 1];
        if (typeof last !== 'string') return undefined;
        if (isMap(m)) {
          return this.setValueEdit(mapPath, `{${key}: ${valueText}}`);
        }
        const sep = valueText.startsWith('\n') ? '' : ' ';
        return this.insertKeyEdit(parentPath, last, `\n  ${key}:${sep}${indentContinuation(valueText, '  ')}`);
      }
      return undefined;
    }
    const lines = this.file.lines;
    const first = m.items[0].key as Node;
    const firstPos = lines.position(first.range![0]);
    const indent = ' '.repeat(firstPos.character);
    const lastItem = m.items[m.items.length - 1];
    const lastNode = (lastItem.value as Node | null) ?? (lastItem.key as Node);
    let endOffset = lastNode.range![1];
    if (endOffset > 0 && this.file.text[endOffset - 1] === '\n') endOffset--;
    const endLine = lines.position(endOffset).line;
    const at = lines.lineEnd(endLine);
    const sep = valueText.startsWith('\n') ? '' : ' ';
    const text = `\n${indent}${key}:${sep}${indentContinuation(valueText, indent)}`;
    return { range: lines.range(at, at), newText: text };
  }
}

function indentContinuation(valueText: string, indent: string): string {
  return valueText.includes('\n') ? valueText.replace(/\n(?=.)/g, '\n' + indent) : valueText;
}

function resolveAlias(doc: Document.Parsed, n: unknown): unknown {
  let cur = n;
  for (let i = 0; i < 10 && isAlias(cur); i++) cur = cur.resolve(doc);
  return cur;
}

function findPair(items: readonly unknown[], seg: string | number): Pair | undefined {
  for (const it of items) {
    if (!isPair(it)) continue;
    const k = it.key;
    const kv = isScalar(k) ? k.value : k;
    if (kv === seg || (kv !== null && kv !== undefined && String(kv) === String(seg))) return it;
  }
  return undefined;
}
