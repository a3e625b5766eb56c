/**
 * Where the cursor is in a YAML document: the path of the key or value under it, for hover
 * (existing text) and for completion (text being typed, including empty values and new lines).
 */
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Position, Range } from '../model';
import { YamlFile, type YamlDocument, type YamlPath } from '../parse/yaml';

/** A key or value of a YAML document located by offset. */
export interface YamlLocation {
  /** For a key, the path of that key; for a value, the path of the value (its key's path or a sequence index). */
  readonly path: YamlPath;
  readonly part: 'key' | 'value';
  /** Source offsets of the key or scalar. */
  readonly start: number;
  readonly end: number;
}

/** The document of a file that contains an offset (the last one starting at or before it). */
export function documentAt(file: YamlFile, offset: number): YamlDocument | undefined {
  let found: YamlDocument | undefined;
  for (const d of file.documents) {
    if (d.doc.range[0] <= offset) found = d;
    else break;
  }
  return found ?? file.documents[0];
}

/**
 * The key or scalar value under an offset (inclusive at both ends, so a cursor just after a word
 * still counts). Undefined when the offset is on punctuation, a comment or blank space.
 */
export function locate(doc: YamlDocument, offset: number): YamlLocation | undefined {
  return locateIn(doc.doc.contents as Node | null, [], offset);
}

function contains(n: Node | null | undefined, offset: number): n is Node {
  return !!n && !!n.range && offset >= n.range[0] && offset <= n.range[1];
}

function locateIn(node: Node | null | undefined, path: (string | number)[], offset: number): YamlLocation | undefined {
  if (!node) return undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      const k = pair.key as Node | null;
      if (!isScalar(k) || !k.range) continue;
      const key = String(k.value);
      if (offset >= k.range[0] && offset <= k.range[1]) return { path: [...path, key], part: 'key', start: k.range[0], end: k.range[1] };
      const v = pair.value as Node | null;
      if (contains(v, offset)) {
        const r = locateIn(v, [...path, key], offset);
        if (r) return r;
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const it = node.items[i] as Node | null;
      if (contains(it, offset)) return locateIn(it, [...path, i], offset);
    }
    return undefined;
  }
  if ((isScalar(node) || isAlias(node)) && node.range) return { path, part: 'value', start: node.range[0], end: node.range[1] };
  return undefined;
}

/** What is being typed at the cursor, for completion. */
export interface YamlCompletionContext {
  /** The document as it would be with a placeholder at the cursor (use it for paths and sibling values). */
  readonly doc: YamlDocument;
  /** `key`: a key of the map at `mapPath` is typed; `value`: the value at `path` is typed. */
  readonly part: 'key' | 'value';
  /** For a key: the map the key goes into. For a value: the value's own path. */
  readonly path: YamlPath;
  /** Text of the word before the cursor. */
  readonly prefix: string;
  /** The range a completion replaces (the whole word under the cursor). */
  readonly range: Range;
  /** Keys already present in the map (for `key`), without the one being typed. */
  readonly existingKeys: readonly string[];
  /** True when the map or sequence is a flow collection (`{...}` / `[...]`). */
  readonly flow: boolean;
  /** For `key` in block style: true when a `:` already follows the word (insert only the key). */
  readonly colonFollows: boolean;
  /** For `value`: true when no space separates `:` from the cursor (insert a leading space). */
  readonly needsSpace: boolean;
  /** True when the key starts a new sequence item (`- key`). */
  readonly sequenceItem: boolean;
  /** True when the word is inside quotes: insert the bare text, the quotes are there already. */
  readonly quoted: boolean;
}

export const CURSOR = 'kk8s__cursor__';
const WORD = /[^\s:,{}[\]"'#&*!|>%@`]/;

/**
 * The completion context at a position of a YAML file: a placeholder replaces the word under the
 * cursor (followed by `:` when a block key is being typed), the file is parsed again, and the
 * placeholder's place in the tree tells whether a key or a value is typed, and where.
 */
export function yamlCompletionContext(file: YamlFile, position: Position): YamlCompletionContext | undefined {
  const lines = file.lines;
  const text = file.text;
  if (position.line >= lines.lineCount) return undefined;
  const offset = lines.offset(position);
  const lineStart = lines.lineStart(position.line);
  const lineEnd = lines.lineEnd(position.line);
  if (/^(---|\.\.\.)(\s|$)/.test(lines.lineText(position.line))) return undefined; // a document marker
  let ws = offset;
  while (ws > lineStart && WORD.test(text[ws - 1])) ws--;
  let we = offset;
  while (we < lineEnd && WORD.test(text[we])) we++;
  const lineBefore = text.slice(lineStart, offset);
  if (/#/.test(lineBefore.replace(/"[^"]*"|'[^']*'/g, '').replace(/\S#/g, ''))) return undefined; // in a comment
  const flowDepth = flowDepthOf(text.slice(lineStart, ws));
  const lead = /^(\s*(?:-\s+)*)/.exec(lineBefore)![1];
  const afterLead = lineBefore.slice(lead.length);
  const sequenceItem = /-\s+$/.test(lead);
  let quoted = ws > lineStart && (text[ws - 1] === '"' || text[ws - 1] === "'");
  let patched: string;
  let colonFollows = false;
  let needsSpace = false;
  const valueMatch = /^((?:"[^"]*"|'[^']*'|[^\s"'#][^#]*?)\s*):(\s+|$)/.exec(afterLead);
  if (flowDepth > 0) {
    patched = text.slice(0, ws) + CURSOR + text.slice(we);
  } else if (/^["']?$/.test(text.slice(lineStart + lead.length, ws))) {
    // A block key is being typed (or the cursor is on an existing key); a quote may open it.
    const quote = text.slice(lineStart + lead.length, ws);
    let rest = text.slice(we, lineEnd);
    let after = we;
    if (quote && rest.startsWith(quote)) {
      rest = rest.slice(1);
      after++;
    }
    colonFollows = /^\s*:(\s|$)/.test(rest);
    // The cursor sits in the indentation before existing text: nothing is being typed here.
    if (ws === we && !quote && !colonFollows && rest.trim() !== '') return undefined;
    patched = colonFollows ? text.slice(0, ws) + CURSOR + text.slice(we) : text.slice(0, ws) + CURSOR + quote + ':' + text.slice(after);
  } else if (valueMatch) {
    // A block value: the word is the whole value typed so far (a value may hold `:` or spaces).
    ws = lineStart + lead.length + valueMatch[0].length;
    needsSpace = valueMatch[2] === '';
    const q = text[ws];
    quoted = q === '"' || q === "'";
    if (quoted) ws++;
    we = ws;
    const lineText = text.slice(0, lineEnd);
    if (quoted) {
      const close = lineText.indexOf(q, ws);
      we = close === -1 ? lineEnd : close;
    } else {
      const comment = lineText.slice(ws).search(/\s#/);
      we = comment === -1 ? lineEnd : ws + comment;
      while (we > ws && /\s/.test(text[we - 1])) we--;
      // Inside a flow collection written over several lines, `,` and closing brackets end the value.
      const v = text.slice(ws, we);
      const strip = /(\s*[,}\]])+$/.exec(v);
      if (strip && !/[{[]/.test(v)) we -= strip[0].length;
      if (offset > we) we = offset;
    }
    if (offset < ws || offset > we) return undefined;
    patched = text.slice(0, ws) + (needsSpace ? ' ' : '') + CURSOR + text.slice(we);
  } else {
    return undefined;
  }
  const shift = needsSpace ? 1 : 0;
  // Parse only the document around the cursor (between `---` lines): typing in a long multi-document
  // file costs as much as in a short one.
  const [sliceStart, sliceEnd] = documentSlice(text, position.line, lines);
  const delta = patched.length - text.length;
  const pf = new YamlFile(patched.slice(sliceStart, sliceEnd + delta));
  const at = ws + shift - sliceStart;
  const doc = documentAt(pf, at);
  if (!doc) return undefined;
  const loc = locate(doc, at);
  if (!loc) return undefined;
  const last = loc.path[loc.path.length - 1];
  const range = lines.range(ws, we);
  const prefix = text.slice(ws, offset);
  if (loc.part === 'key') {
    if (last !== CURSOR) return undefined;
    const mapPath = loc.path.slice(0, -1);
    const existingKeys = doc.entries(mapPath).map((e) => e.key).filter((k) => k !== CURSOR);
    const container = mapPath.length === 0 ? doc.doc.contents : doc.node(mapPath);
    const flow = isMap(container) ? !!container.flow : flowDepth > 0;
    return { doc, part: 'key', path: mapPath, prefix, range, existingKeys, flow, colonFollows, needsSpace: false, sequenceItem, quoted };
  }
  const v = doc.get(loc.path);
  if (typeof v !== 'string' || !v.includes(CURSOR)) return undefined;
  const parent = loc.path.length > 1 ? doc.node(loc.path.slice(0, -1)) : doc.doc.contents;
  const flow = (isMap(parent) || isSeq(parent)) && !!parent.flow;
  return { doc, part: 'value', path: loc.path, prefix, range, existingKeys: [], flow, colonFollows: false, needsSpace, sequenceItem, quoted };
}

/** Offsets of the text between the `---` lines around a line (a marker line belongs to the next document). */
function documentSlice(text: string, line: number, lines: YamlFile['lines']): [number, number] {
  const marker = /^(---|\.\.\.)(\s|$)/;
  let start = 0;
  for (let l = line; l >= 0; l--) {
    if (marker.test(lines.lineText(l)) && l < line) {
      start = lines.lineStart(l + 1);
      break;
    }
  }
  let end = text.length;
  for (let l = line + 1; l < lines.lineCount; l++) {
    if (marker.test(lines.lineText(l))) {
      end = lines.lineStart(l);
      break;
    }
  }
  return [start, end];
}

/** How many `{`/`[` are open on a line before the cursor (outside quotes). */
function flowDepthOf(s: string): number {
  let depth = 0;
  let q = '';
  for (const c of s) {
    if (q) {
      if (c === q) q = '';
      continue;
    }
    if (c === '"' || c === "'") q = c;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && depth > 0) depth--;
  }
  return depth;
}
