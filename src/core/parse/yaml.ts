import { type Alias, Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, YAMLParseError, type DocumentOptions, type Node, type ParseOptions, type Pair, type SchemaOptions } from 'yaml';
import type { Range, TextEdit } from '../model';
import { hasLoneCR, LineIndex } from '../text';

/** A path into a YAML value: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

export interface YamlSyntaxError {
  readonly message: string;
  readonly range: Range;
  readonly documentIndex: number;
}

const TEMPLATE_LINE = /^[ \t]*\{\{-?[\s\S]*?-?\}\}[ \t]*$/;

/** The `{{ … }}` expressions of a line, as [start, end) offsets: each `{{` up to the first `}}` after it (linear). */
function templateExprs(line: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (;;) {
    const s = line.indexOf('{{', from);
    if (s === -1) break;
    const e = line.indexOf('}}', s + 2);
    if (e === -1) break;
    out.push([s, e + 2]);
    from = e + 2;
  }
  return out;
}

const BLOCK_SCALAR_START = /(?:^|[:\s-])[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * Whether offsets of a line lie inside a single- or double-quoted scalar: call with increasing offsets; the
 * line is scanned once, however many offsets are asked about.
 */
function quoteTracker(line: string): (at: number) => boolean {
  let i = 0;
  let quote: string | undefined;
  let comment = false;
  return (at) => {
    for (; i < at && !comment; i++) {
      const c = line[i];
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = undefined;
      } else if (quote === "'") {
        if (c === "'") quote = line[i + 1] === "'" ? (i++, "'") : undefined;
      } else if ((c === '"' || c === "'") && (i === 0 || /[\s:\[{,-]/.test(line[i - 1]))) {
        quote = c;
      } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
        comment = true;
      }
    }
    return !comment && quote !== undefined;
  };
}

function insideQuotes(line: string, at: number): boolean {
  return quoteTracker(line)(at);
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
      for (const [a, b] of templateExprs(line)) ranges.push([lineStart + a, lineStart + b]);
      out += line;
    } else if (line.includes('{{')) {
      if (TEMPLATE_LINE.test(line)) {
        out += line.slice(0, indent) + '#' + ' '.repeat(Math.max(0, line.length - indent - 1));
        ranges.push([lineStart + indent, lineEnd]);
        structural++;
      } else {
        const inQuotes = quoteTracker(line);
        let at = 0;
        for (const [a, b] of templateExprs(line)) {
          ranges.push([lineStart + a, lineStart + b]);
          out += line.slice(at, a);
          if (inQuotes(a)) out += line.slice(a, b);
          else {
            structural++;
            out += '_'.repeat(b - a);
          }
          at = b;
        }
        out += line.slice(at);
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

/**
 * YAML 1.2 core schema, plus merge keys (`<<: *base`), which Kubernetes (go-yaml v2 behind sigs.k8s.io/yaml),
 * Helm and Spring Boot (SnakeYAML) all apply. YAML 1.1 booleans (`on`, `yes`) stay strings here; the schema
 * checks say where Kubernetes reads them differently.
 */
// uniqueKeys is checked by checkKeys: the parser's own check compares each key with every earlier one (a map
// of 80,000 keys took 100 s).
const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { prettyErrors: false, uniqueKeys: false, merge: true, logLevel: 'error' };

/**
 * Binds each alias to the anchored node checkReferences found for it. The library's Alias.resolve finds it by
 * scanning the document's anchors and aliases up to the alias, on every use: quadratic (40,000 aliases of one
 * anchor took 24 s, 300,000 never finished). Only for documents whose expansion was checked: the library's
 * own alias counting is skipped.
 */
function bindAliases(targets: ReadonlyMap<unknown, Node | undefined>): void {
  for (const [alias, target] of targets) {
    if (!target || !isAlias(alias)) continue;
    alias.resolve = (doc, ctx) => {
      // toJS of a node below the anchor (a fresh context): convert the anchored node once, as the library would.
      if (ctx && !ctx.anchors.has(target)) ctx.anchors.set(target, { aliasCount: 0, count: 1, res: target.toJS(doc, { maxAliasCount: -1 }) });
      return target as ReturnType<Alias['resolve']>;
    };
  }
}

/**
 * Alias expansion limits of go-yaml v2 (what kubectl and the API server decode with): a document may
 * expand to any size while it stays small, but past 400,000 values only a shrinking share of them
 * may come from aliases ("document contains excessive aliasing"). The same limit stops alias bombs here.
 */
function allowedAliasRatio(total: number): number {
  if (total <= 400_000) return 0.99;
  if (total >= 4_000_000) return 0.1;
  return 0.99 - (0.89 * (total - 400_000)) / 3_600_000;
}

/** Syntax errors listed per document; a broken document rarely needs more to be fixed, and a line of 80,000
 * stray brackets would otherwise give 80,000 findings. */
const MAX_ERRORS_PER_DOCUMENT = 50;

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
    // A CR on its own is a line break in YAML, but not to the parser: give it LFs (same offsets).
    const masked = maskTemplates(hasLoneCR(text) ? text.replace(/\r(?!\n)/g, '\n') : text);
    this.templated = masked.structural > 0;
    this.templateRanges = masked.ranges;
    // logLevel 'error': the parser reports problems as errors we turn into findings; core never writes to the
    // console (otherwise `yaml` emits process warnings, e.g. for collection keys, from toJS()).
    let list: Document.Parsed[];
    try {
      const docs = parseAllDocuments(masked.text, PARSE_OPTIONS);
      list = Array.isArray(docs) ? docs : [];
    } catch (e) {
      // Not expected (the parser reports problems as errors), but a file must never take the lint down.
      list = [];
      this.syntaxErrors.push({ message: `The file cannot be parsed: ${e instanceof Error ? e.message : String(e)}`, range: this.lines.range(0, 0), documentIndex: 0 });
    }
    this.documents = list.map((d, i) => new YamlDocument(this, d, i));
    list.forEach((d, i) => {
      if (this.documents[i].checkKeys()) this.documents[i].checkReferences();
      d.errors.forEach((e, n) => {
        if (n > MAX_ERRORS_PER_DOCUMENT) return;
        const [s, t] = e.pos;
        if (n === MAX_ERRORS_PER_DOCUMENT) {
          const more = d.errors.length - n;
          this.syntaxErrors.push({ message: `${more} more syntax error${more === 1 ? '' : 's'} in this document (only the first ${n} are listed).`, range: this.lines.range(s, Math.max(t, s)), documentIndex: i });
          return;
        }
        const deep = e.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(e.message);
        this.syntaxErrors.push({
          message: deep ? 'Nesting too deep to read: the parser ran out of stack here, so this document is not checked.' : e.message.split('\n')[0],
          range: this.lines.range(s, Math.max(t, s)),
          documentIndex: i,
        });
      });
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

  /**
   * The document as plain data, aliases and merge keys resolved. Undefined when the document's aliases
   * are broken (unknown, containing themselves, expanding too much): those are syntax errors of the document.
   */
  get value(): unknown {
    if (!this.jsDone) {
      this.jsDone = true;
      this.jsValue = this.unreadable ? undefined : this.toJS();
    }
    return this.jsValue;
  }

  /** The document cannot be turned into data (broken aliases, keys within keys): no value, only its errors. */
  private unreadable = false;
  private aliasesBroken = false;

  /** toJS of a node of this document; aliases were checked (checkReferences), so expansion is not limited again. */
  private toJS(n?: Node): unknown {
    try {
      return n ? n.toJS(this.doc, { maxAliasCount: -1 }) : this.doc.toJS({ maxAliasCount: -1 });
    } catch {
      return undefined;
    }
  }

  /**
   * Keys given twice in a map ("Map keys must be unique", found with one set per map). Maps and lists used as
   * keys (`? [a]: b`, `{a: 1}: c`): kubectl cannot turn them into JSON ("invalid map key"), so each is a syntax
   * error; a key that itself holds such a key (`{{{…` left open) would also make toJS crawl (it prints each
   * key), so that document gets no value. Walks without recursion (any depth). Returns whether the document
   * has aliases or merge keys (for checkReferences).
   */
  checkKeys(): boolean {
    const doc = this.doc;
    let reported = 0;
    let refs = false;
    const stack: unknown[] = [doc.contents];
    while (stack.length > 0) {
      const n = stack.pop();
      if (isAlias(n)) {
        refs = true;
      } else if (isMap(n)) {
        const seen = n.items.length > 1 ? new Set<unknown>() : undefined;
        for (const p of n.items) {
          // (an alias inside a map or list used as a key is found by checkReferences' full visit)
          if (!refs && (isAlias(p.key) || isCollection(p.key) || (isScalar(p.key) && typeof p.key.value === 'symbol'))) refs = true;
          if (seen && isScalar(p.key) && typeof p.key.value !== 'symbol') {
            if (seen.has(p.key.value)) {
              const r = p.key.range ?? doc.range;
              doc.errors.push(new YAMLParseError([r[0], r[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
            } else {
              seen.add(p.key.value);
            }
          }
          if (isCollection(p.key)) {
            if (reported++ < 20) {
              const r = p.key.range ?? doc.range;
              doc.errors.push(new YAMLParseError([r[0], r[1]], 'NON_STRING_KEY', `A ${isMap(p.key) ? 'map' : 'list'} used as a key: kubectl cannot read it ("invalid map key"). Use a string key.`));
            }
            if (!this.unreadable && holdsCollectionKey(p.key)) this.unreadable = true;
          }
          stack.push(p.value);
        }
      } else if (isSeq(n)) {
        for (const it of n.items) stack.push(it);
      }
    }
    return refs;
  }

  /** The node each alias refers to (the last anchor of its name before it), once checkReferences ran. */
  private aliasTargets?: Map<unknown, Node | undefined>;

  /** The node an alias refers to; other nodes as they are. */
  resolve(n: unknown): unknown {
    let cur = n;
    for (let i = 0; i < 10 && isAlias(cur); i++) cur = this.aliasTargets ? this.aliasTargets.get(cur) : cur.resolve(this.doc);
    return cur;
  }

  /**
   * Checks what the parser leaves to toJS, as kubectl's decoder (go-yaml v2) does, and records problems as
   * errors of the document: aliases of unknown anchors, aliases inside their own anchored node, alias
   * expansion past go-yaml's limits (alias bombs), and merge keys (`<<`) whose value is not a map.
   */
  checkReferences(): void {
    const doc = this.doc;
    const fail = (n: Node | null | undefined, code: 'BAD_ALIAS' | 'RESOURCE_EXHAUSTION' | 'BAD_COLLECTION_TYPE' | 'NON_STRING_KEY', message: string) => {
      const r = n?.range ?? doc.range;
      doc.errors.push(new YAMLParseError([r[0], r[1]], code, message));
      this.aliasesBroken = true;
      this.unreadable = true;
    };
    try {
      // One pass in document order: anchors as they are defined, each alias bound to the last one of its name.
      const anchors = new Map<string, Node>();
      const targets = new Map<unknown, Node | undefined>();
      const merges: Pair[] = [];
      const aliasKeys: Alias[] = [];
      visit(doc, {
        Node: (_k, n) => {
          if (isAlias(n)) {
            const target = anchors.get(n.source);
            targets.set(n, target);
            if (!target) fail(n, 'BAD_ALIAS', `Unknown alias *${n.source}: no anchor &${n.source} is defined before it in this document.`);
            else if (target.range && n.range && n.range[0] >= target.range[0] && n.range[0] < target.range[1]) {
              fail(n, 'BAD_ALIAS', `The alias *${n.source} is inside the node anchored &${n.source}, so the value would contain itself; Kubernetes rejects it.`);
            }
          } else if (n.anchor) {
            anchors.set(n.anchor, n);
          }
        },
        Pair: (_k, p) => {
          if (isScalar(p.key) && typeof p.key.value === 'symbol') merges.push(p as Pair); // `<<`
          else if (isAlias(p.key)) aliasKeys.push(p.key);
        },
      });
      // `*list: x`: an alias of a map or list as a key is such a key too (kubectl: "invalid map key").
      for (const k of aliasKeys) {
        const t = targets.get(k);
        if (isCollection(t)) fail(k, 'NON_STRING_KEY', `The alias *${k.source} used as a key is a ${isMap(t) ? 'map' : 'list'}: kubectl cannot read it ("invalid map key"). Use a string key.`);
      }
      this.aliasTargets = targets;
      for (const p of merges) {
        if (isAlias(p.value) && !targets.get(p.value)) continue; // already reported
        const v = this.resolve(p.value);
        const ok = isMap(v) || (isSeq(v) && v.items.every((it) => isMap(this.resolve(it))));
        if (!ok) fail((p.value as Node | null) ?? (p.key as Node), 'BAD_COLLECTION_TYPE', 'A merge key (<<) takes a map, an alias of a map, or a list of them; Kubernetes rejects anything else.');
      }
      if (this.aliasesBroken || targets.size === 0) return;
      // Alias expansion, counted as go-yaml v2 counts it: values decoded, and how many of them through aliases.
      const size = new Map<unknown, number>();
      const count = (n: unknown): number => {
        if (isAlias(n)) return 1 + count(targets.get(n));
        if (!isCollection(n)) return 1;
        const known = size.get(n);
        if (known !== undefined) return known;
        let total = 1;
        for (const it of n.items) total += isPair(it) ? count(it.key) + count(it.value) : count(it);
        size.set(n, total);
        return total;
      };
      const total = count(doc.contents);
      let viaAliases = 0;
      for (const [, t] of targets) viaAliases += count(t);
      if (viaAliases > 100 && total > 1000 && viaAliases / total > allowedAliasRatio(total)) {
        const first = targets.keys().next().value as Node;
        fail(first, 'RESOURCE_EXHAUSTION', `Aliases expand this document to ${total.toLocaleString('en-US')} values (an alias bomb?); Kubernetes rejects it ("document contains excessive aliasing"). This document is not checked.`);
      } else {
        bindAliases(targets);
      }
    } catch (e) {
      // Deeper than the stack allows (the parser got through; our walk did not).
      fail(doc.contents as Node | null, 'RESOURCE_EXHAUSTION', `Nesting too deep to check: ${e instanceof Error ? e.message : String(e)}. This document is not checked.`);
    }
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
      cur = this.resolve(cur);
      if (isMap(cur)) {
        const p = this.findPair(cur, seg);
        cur = p?.value ?? undefined;
        if (p && cur === null) return undefined;
      } else if (isSeq(cur) && typeof seg === 'number') {
        cur = cur.items[seg];
      } else {
        return undefined;
      }
      if (cur === undefined) return undefined;
    }
    return (this.resolve(cur) as Node) ?? undefined;
  }

  /**
   * The map pair whose key is the last path segment: written in the map, else merged into it (`<<: *base`,
   * then the pair is where the anchor defines it). `own` ignores merged pairs (for edits: changing an
   * anchored map would change every map that merges it).
   */
  pair(path: YamlPath, own = false): Pair<Node, Node | null> | undefined {
    if (path.length === 0) return undefined;
    const parent = path.length === 1 ? this.resolve(this.doc.contents) : this.node(path.slice(0, -1));
    if (!isMap(parent)) return undefined;
    return this.findPair(parent, path[path.length - 1], own ? -1 : 0) as Pair<Node, Node | null> | undefined;
  }

  /** The pair of a key in a map, then in the maps it merges (earlier ones first), unless depth < 0. */
  private findPair(map: { items: readonly unknown[] }, seg: string | number, depth = 0): Pair | undefined {
    // A key given twice is a syntax error, and the value is the last one's: so is the pair (ranges match values).
    const last = this.doc.errors.length > 0;
    let found: Pair | undefined;
    let merged = false;
    for (const it of map.items) {
      if (!isPair(it)) continue;
      const k = it.key;
      const kv = isScalar(k) ? k.value : k;
      if (typeof kv === 'symbol') merged = true;
      else if (kv === seg || (kv !== null && kv !== undefined && String(kv) === String(seg))) {
        if (!last) return it;
        found = it;
      }
    }
    if (found) return found;
    if (!merged || depth < 0 || depth > 20) return undefined;
    for (const source of this.mergeSources(map)) {
      const p = this.findPair(source, seg, depth + 1);
      if (p) return p;
    }
    return undefined;
  }

  /** The maps a map merges with `<<` keys, in precedence order. */
  private mergeSources(map: { items: readonly unknown[] }): { items: readonly unknown[] }[] {
    const out: { items: readonly unknown[] }[] = [];
    for (const it of map.items) {
      if (!isPair(it) || !isScalar(it.key) || typeof it.key.value !== 'symbol') continue;
      const v = this.resolve(it.value);
      for (const src of isSeq(v) ? v.items.map((x) => this.resolve(x)) : [v]) if (isMap(src)) out.push(src);
    }
    return out;
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
    const m = path.length === 0 ? this.resolve(this.doc.contents) : this.node(path);
    if (!isMap(m)) return [];
    const out: { key: string; keyRange: Range; valueRange: Range; value: unknown }[] = [];
    const seen = new Set<string>();
    const add = (map: { items: readonly unknown[] }, depth: number) => {
      let merges = false;
      for (const it of map.items) {
        if (!isPair(it)) continue;
        const k = it.key as Node | null;
        if (!isScalar(k) || !k.range) continue;
        if (typeof k.value === 'symbol') {
          merges = true;
          continue;
        }
        const key = String(k.value);
        if (seen.has(key)) continue;
        seen.add(key);
        const keyRange = this.file.lines.range(k.range[0], k.range[1]);
        const v = it.value as Node | null;
        const valueRange = v?.range ? this.file.lines.range(v.range[0], v.range[1]) : keyRange;
        out.push({ key, keyRange, valueRange, value: v ? (this.unreadable ? undefined : this.toJS(v)) : null });
      }
      // Keys merged in with `<<` (a written key wins), at the place the anchored map defines them.
      if (merges && depth < 20) for (const src of this.mergeSources(map)) add(src, depth + 1);
    };
    add(m, 0);
    return out;
  }

  // ---- edits ---------------------------------------------------------------------------------

  /** Replace the value at a path with YAML text (a scalar or a flow collection). */
  setValueEdit(path: YamlPath, newText: string): TextEdit | undefined {
    const p = this.pair(path, true);
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
    const p = this.pair(path, true);
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

/** Whether a node has, anywhere inside, a map with a map or list as a key. */
function holdsCollectionKey(node: unknown): boolean {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isMap(n)) {
      for (const p of n.items) {
        if (isCollection(p.key)) return true;
        stack.push(p.key, p.value);
      }
    } else if (isSeq(n)) {
      for (const it of n.items) stack.push(it);
    }
  }
  return false;
}

function indentContinuation(valueText: string, indent: string): string {
  return valueText.includes('\n') ? valueText.replace(/\n(?=.)/g, '\n' + indent) : valueText;
}
