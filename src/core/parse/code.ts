/**
 * Kafka client settings written in source code, found without a full parser: a small tokenizer that
 * skips comments and reads string literals, and pattern matchers over its tokens for
 * - Java (kafka-clients): `props.put(ProducerConfig.ACKS_CONFIG, "1")`, `props.setProperty("acks", "1")`,
 *   `Map.of(ConsumerConfig.GROUP_ID_CONFIG, "g", …)`, `Map.entry(…)`;
 * - Go (IBM/sarama): `cfg.Producer.RequiredAcks = sarama.WaitForLocal`, `cfg.Consumer.Offsets.AutoCommit.Enable = true`;
 * - JavaScript/TypeScript (kafkajs): `kafka.producer({ idempotent: false })`, `producer.send({ acks: 1, … })`,
 *   `kafka.consumer({ groupId })`, `consumer.run({ autoCommit: true, … })`.
 * Only literal values are read; anything else is "dynamic" and never judged. Precision over recall.
 */

/** A token: identifiers include dotted chains (`ProducerConfig.ACKS_CONFIG`, `cfg.Producer.Idempotent`). */
export interface Token {
  readonly kind: 'ident' | 'string' | 'number' | 'punct';
  /** Identifier or punctuation text; for strings the decoded value; for numbers the digits. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export type CodeLanguage = 'java' | 'go' | 'js';

/**
 * Tokenizes Java, Go or JavaScript source: comments are skipped, strings decoded (simple escapes), everything else
 * split. In Java and Go a one-character '…' is a character, not a string; in JavaScript it is a string.
 */
export function tokenize(text: string, language: CodeLanguage = 'java'): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const e = text.indexOf('\n', i);
      i = e === -1 ? n : e;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const e = text.indexOf('*/', i + 2);
      i = e === -1 ? n : e + 2;
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */ || c === 96 /* ` */) {
      // Java text blocks ("""…""") are read as one string.
      if (c === 34 && text.startsWith('"""', i)) {
        const e = text.indexOf('"""', i + 3);
        const end = e === -1 ? n : e + 3;
        out.push({ kind: 'string', text: text.slice(i + 3, e === -1 ? n : e), start: i, end });
        i = end;
        continue;
      }
      let j = i + 1;
      let s = '';
      while (j < n) {
        const d = text[j];
        if (d === '\\' && c !== 96) {
          const x = text[j + 1];
          s += x === 'n' ? '\n' : x === 't' ? '\t' : x === 'r' ? '\r' : (x ?? '');
          j += 2;
          continue;
        }
        if (d.charCodeAt(0) === c) break;
        if (d === '\n' && c !== 96) break; // unterminated: stop at the line end
        s += d;
        j++;
      }
      const end = Math.min(n, j + 1);
      const interpolated = c === 96 && language === 'js' && s.includes('${');
      out.push({ kind: (c === 39 && s.length === 1 && language !== 'js') || interpolated ? 'punct' : 'string', text: s, start: i, end });
      i = end;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      for (;;) {
        while (j < n && isIdentPart(text.charCodeAt(j))) j++;
        // A dotted chain: `a.b.c` (no spaces), so `ProducerConfig.ACKS_CONFIG` is one token.
        if (text.charCodeAt(j) === 46 && j + 1 < n && isIdentStart(text.charCodeAt(j + 1))) {
          j++;
          continue;
        }
        break;
      }
      out.push({ kind: 'ident', text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && /[0-9a-zA-Z_.]/.test(text[j])) j++;
      out.push({ kind: 'number', text: text.slice(i, j).replace(/_/g, '').replace(/[lLfFdD]$/, ''), start: i, end: j });
      i = j;
      continue;
    }
    out.push({ kind: 'punct', text: text[i], start: i, end: i + 1 });
    i++;
  }
  return out;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/** A setting found in code. */
export interface CodeSetting {
  /** What the code names (`ProducerConfig.ACKS_CONFIG`, `"acks"`, `Producer.RequiredAcks`). */
  readonly written: string;
  /** The Kafka config key, when known. */
  readonly key: string;
  /** The value as a Kafka config value (`1`, `all`, `true`), undefined when not a literal. */
  readonly value: string | undefined;
  /** The value as written in code (`"1"`, `sarama.WaitForLocal`, `true`). */
  readonly valueText: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** The code to write for a new Kafka value, or undefined when it cannot be written in this place. */
  readonly toCode: (kafkaValue: string) => string | undefined;
}

/** The settings given to one configuration object (a Java `Properties`/`Map` variable, a sarama config variable). */
export interface CodeConfig {
  readonly language: CodeLanguage;
  /** The variable (`props`) or, for `Map.of(…)`, the call. */
  readonly target: string;
  /** Where findings about the whole object go: the first setting's target. */
  readonly anchorStart: number;
  readonly anchorEnd: number;
  /** Hints from the code for the role (`ProducerConfig` constants, `sarama.Config.Producer`). */
  readonly roleHint?: 'producer' | 'consumer' | 'admin';
  readonly settings: readonly CodeSetting[];
}

/** Whether a source file uses a Kafka client library we read settings from, and which language it is. */
export function kafkaCodeLanguage(path: string, text: string): CodeLanguage | undefined {
  if (/\.java$/i.test(path)) return text.includes('org.apache.kafka.clients') ? 'java' : undefined;
  if (/\.go$/i.test(path)) return /"github\.com\/(IBM|Shopify)\/sarama"/.test(text) ? 'go' : undefined;
  // kafkajs: an import of it, or (in modules that get their Kafka instance from another file) its distinctive options.
  if (/\.[cm]?[jt]s$/i.test(path)) return text.includes('kafkajs') || KAFKAJS_CALL.test(text) ? 'js' : undefined;
  return undefined;
}

const KAFKAJS_CALL = /\.(?:producer|consumer)\(\s*\{[^)]{0,400}?\b(?:idempotent|maxInFlightRequests|transactionalId|groupId|allowAutoTopicCreation)\s*[:,}]|\.run\(\s*\{[^)]{0,400}?\beach(?:Message|Batch)\b/;

const JAVA_CONFIG_CLASSES = /^(?:(?:org\.apache\.kafka\.clients\.(?:producer|consumer|admin)\.|org\.apache\.kafka\.clients\.)?(ProducerConfig|ConsumerConfig|AdminClientConfig|CommonClientConfigs|SaslConfigs|SslConfigs))\.([A-Z][A-Z0-9_]*)$/;

/**
 * Reads the Kafka settings of a Java file. `constantKey` maps a `ProducerConfig`-style constant to its key (the
 * caller knows the catalogue); unknown constants are skipped.
 */
export function javaConfigs(text: string, constantKey: (cls: string, constant: string) => string | undefined): CodeConfig[] {
  const toks = tokenize(text);
  // Groups by variable and by the object it holds: `props = new Properties()` in another method (or again in this
  // one) starts a new config, so two clients built in one file are not read as one.
  const byTarget = new Map<string, { target: string; anchor: Token; hint?: CodeConfig['roleHint']; settings: CodeSetting[] }>();
  const add = (target: string, group: string, anchor: Token, s: CodeSetting, cls: string | undefined) => {
    let g = byTarget.get(group);
    if (!g) byTarget.set(group, (g = { target, anchor, settings: [] }));
    g.settings.push(s);
    const hint = cls === 'ProducerConfig' ? 'producer' : cls === 'ConsumerConfig' ? 'consumer' : cls === 'AdminClientConfig' ? 'admin' : undefined;
    if (hint && !g.hint) g.hint = hint;
  };
  const fresh = new Map<string, number>();
  /** `Map.ofEntries(…)` calls: token index of the call and of its closing parenthesis. */
  const ofEntries: { at: number; close: number }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'ident' && toks[i + 1]?.text === '=' && toks[i + 2]?.text === 'new') fresh.set(t.text, i);
    if (t.kind !== 'ident' || toks[i + 1]?.text !== '(') continue;
    const m = /^(.+)\.(put|setProperty|putIfAbsent)$/.exec(t.text);
    if (m) {
      const args = callArgs(toks, i + 1);
      if (args.list.length !== 2) continue;
      const s = javaSetting(args.list[0], args.list[1], text, constantKey);
      if (s) add(m[1], `${m[1]}#${fresh.get(m[1]) ?? -1}`, t, s.setting, s.cls);
      continue;
    }
    if (t.text === 'Map.ofEntries' || t.text === 'java.util.Map.ofEntries') ofEntries.push({ at: i, close: callArgs(toks, i + 1).close });
    if (t.text === 'Map.of' || t.text === 'java.util.Map.of') {
      const args = callArgs(toks, i + 1);
      if (args.list.length % 2 !== 0) continue;
      const target = `Map.of@${t.start}`;
      for (let a = 0; a < args.list.length; a += 2) {
        const s = javaSetting(args.list[a], args.list[a + 1], text, constantKey);
        if (s) add(target, target, t, s.setting, s.cls);
      }
    }
    if (t.text === 'Map.entry' || t.text === 'entry') {
      const args = callArgs(toks, i + 1);
      if (args.list.length !== 2) continue;
      const s = javaSetting(args.list[0], args.list[1], text, constantKey);
      // Entries of one Map.ofEntries(…) share their enclosing call.
      let call: { at: number; close: number } | undefined;
      for (let k = ofEntries.length - 1; k >= 0 && !call; k--) if (ofEntries[k].at < i && i < ofEntries[k].close) call = ofEntries[k];
      if (s) add('Map.ofEntries', `Map.ofEntries@${call?.at ?? -1}`, t, s.setting, s.cls);
    }
  }
  return [...byTarget.values()].map((g) => ({ language: 'java', target: g.target, anchorStart: g.anchor.start, anchorEnd: g.anchor.end, roleHint: g.hint, settings: g.settings }));
}

/** Brackets nested deeper than this inside a call's arguments end the scan (no arguments): real code never gets
 * there, and it keeps `f(f(f(…` (each call scanning all the rest) linear. */
const MAX_ARG_DEPTH = 64;

/**
 * The comma-separated arguments of a call whose `(` is at `open`, as token lists (nested brackets kept together).
 * Arguments nested deeper than MAX_ARG_DEPTH give an empty list.
 */
export function callArgs(toks: readonly Token[], open: number): { list: Token[][]; close: number } {
  const list: Token[][] = [];
  let cur: Token[] = [];
  let depth = 0;
  let j = open + 1;
  for (; j < toks.length; j++) {
    const x = toks[j];
    if (x.kind === 'punct' && (x.text === '(' || x.text === '[' || x.text === '{')) {
      if (++depth > MAX_ARG_DEPTH) return { list: [], close: j };
    } else if (x.kind === 'punct' && (x.text === ')' || x.text === ']' || x.text === '}')) {
      if (depth === 0) break;
      depth--;
    } else if (x.kind === 'punct' && x.text === ',' && depth === 0) {
      list.push(cur);
      cur = [];
      continue;
    } else if (x.kind === 'punct' && x.text === ';') break; // never run past a statement
    cur.push(x);
  }
  if (cur.length > 0) list.push(cur);
  return { list, close: j };
}

function javaSetting(
  keyToks: readonly Token[],
  valueToks: readonly Token[],
  text: string,
  constantKey: (cls: string, constant: string) => string | undefined,
): { setting: CodeSetting; cls?: string } | undefined {
  if (keyToks.length !== 1) return undefined;
  const k = keyToks[0];
  let key: string | undefined;
  let cls: string | undefined;
  if (k.kind === 'string') key = k.text;
  else if (k.kind === 'ident') {
    const m = JAVA_CONFIG_CLASSES.exec(k.text);
    if (m) {
      cls = m[1];
      key = constantKey(m[1], m[2]);
    }
  }
  if (!key || valueToks.length === 0) return undefined;
  const vs = valueToks[0].start;
  const ve = valueToks[valueToks.length - 1].end;
  const valueText = text.slice(vs, ve);
  let value: string | undefined;
  let toCode: CodeSetting['toCode'] = () => undefined;
  if (valueToks.length === 1) {
    const v = valueToks[0];
    if (v.kind === 'string') {
      value = v.text;
      toCode = (x) => JSON.stringify(x);
    } else if (v.kind === 'number') {
      value = v.text;
      toCode = (x) => (/^-?\d+$/.test(x) ? x : JSON.stringify(x));
    } else if (v.kind === 'ident' && /^(true|false|Boolean\.TRUE|Boolean\.FALSE)$/.test(v.text)) {
      value = v.text.replace('Boolean.', '').toLowerCase();
      toCode = (x) => (x === 'true' || x === 'false' ? x : undefined);
    }
  } else if (valueToks.length === 2 && valueToks[0].text === '-' && valueToks[1].kind === 'number') {
    value = `-${valueToks[1].text}`;
    toCode = (x) => (/^-?\d+$/.test(x) ? x : JSON.stringify(x));
  }
  return { setting: { written: text.slice(k.start, k.end), key, value, valueText, keyStart: k.start, keyEnd: k.end, valueStart: vs, valueEnd: ve, toCode }, cls };
}

/** sarama `Config` fields and how they read as Kafka configs. */
const SARAMA_FIELDS: Record<string, { key: string; role: 'producer' | 'consumer' | 'admin'; read: (v: string) => string | undefined; write: (k: string) => string | undefined }> = {
  'Producer.RequiredAcks': {
    key: 'acks',
    role: 'producer',
    read: (v) => pick({ 'sarama.NoResponse': '0', 'sarama.WaitForLocal': '1', 'sarama.WaitForAll': 'all', '0': '0', '1': '1', '-1': 'all' }, v),
    write: (k) => pick({ '0': 'sarama.NoResponse', '1': 'sarama.WaitForLocal', all: 'sarama.WaitForAll', '-1': 'sarama.WaitForAll' }, k),
  },
  'Producer.Idempotent': { key: 'enable.idempotence', role: 'producer', read: bool, write: boolOut },
  // Not mapped: Producer.Retry.Max (sarama retries a bounded number of times and has no delivery.timeout.ms, so
  // the Java advice about `retries` does not carry over).
  'Net.MaxOpenRequests': { key: 'max.in.flight.requests.per.connection', role: 'producer', read: int, write: intOut },
  'Consumer.Offsets.AutoCommit.Enable': { key: 'enable.auto.commit', role: 'consumer', read: bool, write: boolOut },
  'Consumer.Offsets.Initial': {
    key: 'auto.offset.reset',
    role: 'consumer',
    read: (v) => pick({ 'sarama.OffsetOldest': 'earliest', 'sarama.OffsetNewest': 'latest' }, v),
    write: (k) => pick({ earliest: 'sarama.OffsetOldest', latest: 'sarama.OffsetNewest' }, k),
  },
};

/** A value from a fixed table (own keys only). */
function pick(table: Record<string, string>, key: string | undefined): string | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

function bool(v: string): string | undefined {
  return v === 'true' || v === 'false' ? v : undefined;
}
function boolOut(k: string): string | undefined {
  return k === 'true' || k === 'false' ? k : undefined;
}
function int(v: string): string | undefined {
  return /^-?\d+$/.test(v) ? v : undefined;
}
function intOut(k: string): string | undefined {
  return /^-?\d+$/.test(k) ? k : undefined;
}

/** Reads sarama `Config` field assignments, grouped by the config variable. */
export function goConfigs(text: string): CodeConfig[] {
  const toks = tokenize(text);
  // Grouped by variable within a top-level function, and by the config it holds (`cfg := sarama.NewConfig()` starts a
  // new one), so two clients configured in one file are not read as one.
  const byTarget = new Map<string, { target: string; anchor: Token; roles: Set<string>; settings: CodeSetting[] }>();
  const fresh = new Map<string, number>();
  let func = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.text === 'func' && t.kind === 'ident' && (t.start === 0 || text.charCodeAt(t.start - 1) === 10)) func = i;
    if (t.kind === 'ident' && (toks[i + 1]?.text === '=' || (toks[i + 1]?.text === ':' && toks[i + 2]?.text === '='))) {
      const at = toks[i + 1].text === '=' ? i + 2 : i + 3;
      if (toks[at]?.text === 'sarama.NewConfig' || (toks[at]?.text === '&' && toks[at + 1]?.text === 'sarama.Config')) fresh.set(t.text, i);
    }
    if (t.kind !== 'ident' || toks[i + 1]?.text !== '=' || toks[i + 2]?.text === '=') continue;
    const dot = t.text.indexOf('.');
    if (dot === -1) continue;
    const path = t.text.slice(dot + 1);
    const field = Object.hasOwn(SARAMA_FIELDS, path) ? SARAMA_FIELDS[path] : undefined;
    if (!field) continue;
    // The value: the tokens up to the end of the line (the last one found by binary search, so a long line of
    // assignments stays linear).
    const lineEnd = text.indexOf('\n', toks[i + 1].end);
    const last = lineEnd === -1 ? toks.length - 1 : lastTokenBefore(toks, lineEnd);
    if (last < i + 2) continue;
    const vs = toks[i + 2].start;
    const ve = toks[last].end;
    const valueText = text.slice(vs, ve);
    const target = t.text.slice(0, dot);
    const group = `${target}#${func}#${fresh.get(target) ?? -1}`;
    let g = byTarget.get(group);
    if (!g) byTarget.set(group, (g = { target, anchor: t, roles: new Set(), settings: [] }));
    g.roles.add(field.role);
    // A literal is short; a longer value is an expression (dynamic), not read.
    const value = valueText.length <= 200 ? field.read(valueText.replace(/\s+/g, '')) : undefined;
    g.settings.push({ written: t.text.slice(dot + 1), key: field.key, value, valueText, keyStart: t.start, keyEnd: t.end, valueStart: vs, valueEnd: ve, toCode: field.write });
  }
  return [...byTarget.values()].map((g) => ({
    language: 'go',
    target: g.target,
    anchorStart: g.anchor.start,
    anchorEnd: g.anchor.end,
    roleHint: g.roles.size === 1 ? ([...g.roles][0] as CodeConfig['roleHint']) : undefined,
    settings: g.settings,
  }));
}

/** The index of the last token that starts before `offset` (tokens are in source order). */
function lastTokenBefore(toks: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = toks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** kafkajs options that are Kafka client configs (see schemas/data/kafkajs-mapping.json), by the call they are given to. */
const KAFKAJS_OPTIONS: Record<string, { role: 'producer' | 'consumer'; options: Record<string, { key: string; read: (v: Token) => string | undefined; write: (k: string) => string | undefined }> }> = {
  producer: {
    role: 'producer',
    options: {
      idempotent: { key: 'enable.idempotence', read: jsBool, write: boolOut },
      maxInFlightRequests: { key: 'max.in.flight.requests.per.connection', read: jsInt, write: intOut },
      transactionalId: { key: 'transactional.id', read: jsString, write: (k) => JSON.stringify(k) },
    },
  },
  send: { role: 'producer', options: { acks: { key: 'acks', read: (v) => pick({ '-1': 'all', '0': '0', '1': '1' }, jsAcks(v)), write: (k) => pick({ all: '-1', '-1': '-1', '0': '0', '1': '1' }, k) } } },
  sendBatch: { role: 'producer', options: { acks: { key: 'acks', read: (v) => pick({ '-1': 'all', '0': '0', '1': '1' }, jsAcks(v)), write: (k) => pick({ all: '-1', '-1': '-1', '0': '0', '1': '1' }, k) } } },
  consumer: {
    role: 'consumer',
    options: {
      groupId: { key: 'group.id', read: jsString, write: (k) => JSON.stringify(k) },
      sessionTimeout: { key: 'session.timeout.ms', read: jsInt, write: intOut },
      heartbeatInterval: { key: 'heartbeat.interval.ms', read: jsInt, write: intOut },
      rebalanceTimeout: { key: 'max.poll.interval.ms', read: jsInt, write: intOut },
    },
  },
  run: { role: 'consumer', options: { autoCommit: { key: 'enable.auto.commit', read: jsBool, write: boolOut } } },
};

function jsBool(v: Token): string | undefined {
  return v.kind === 'ident' && (v.text === 'true' || v.text === 'false') ? v.text : undefined;
}
/** kafkajs acks 0 or 1 (`-1`, the safe value, is two tokens and is not read). */
function jsAcks(v: Token): string | undefined {
  return v.kind === 'number' ? v.text : undefined;
}
function jsInt(v: Token): string | undefined {
  return v.kind === 'number' && /^\d+$/.test(v.text) ? v.text : undefined;
}
function jsString(v: Token): string | undefined {
  return v.kind === 'string' ? v.text : undefined;
}

/**
 * Reads kafkajs options from object literals passed to `.producer(…)`, `.send(…)`, `.consumer(…)`, `.run(…)`.
 * A file's producer options form one config, its consumer options another (a file usually has one of each); a file
 * with several producers (consumers) has one config per client variable.
 */
export function jsConfigs(text: string): CodeConfig[] {
  const toks = tokenize(text, 'js');
  // With several producers (or consumers) in one file, options go with the variable the client is assigned to and
  // send/run options with their receiver (`p1.send(…)`); with one, they all belong to it.
  const clients = { producer: 0, consumer: 0 };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'ident' || toks[i + 1]?.text !== '(') continue;
    const m = /(?:^|\.)(producer|consumer)$/.exec(t.text);
    if (m && (t.text.includes('.') || toks[i - 1]?.text === '.')) clients[m[1] as 'producer' | 'consumer']++;
  }
  const byGroup = new Map<string, { role: 'producer' | 'consumer'; anchor: Token; settings: CodeSetting[] }>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'ident' || toks[i + 1]?.text !== '(' || toks[i + 2]?.text !== '{') continue;
    // A method call: `kafka.producer(`, or `kafka('id').producer(` where the dot is a token of its own.
    const dot = t.text.lastIndexOf('.');
    if (dot === -1 && toks[i - 1]?.text !== '.') continue;
    const name = t.text.slice(dot + 1);
    const call = Object.hasOwn(KAFKAJS_OPTIONS, name) ? KAFKAJS_OPTIONS[name] : undefined;
    if (!call) continue;
    let client = '';
    if (clients[call.role] > 1) {
      const made = name === 'producer' || name === 'consumer';
      let j = i - 1;
      if (toks[j]?.text === 'await') j--;
      const variable = made ? (toks[j]?.text === '=' && toks[j - 1]?.text !== '=' && toks[j - 1]?.kind === 'ident' ? toks[j - 1].text : undefined) : dot > 0 ? t.text.slice(0, dot) : undefined;
      client = variable?.replace(/^this\./, '') ?? `?${i}`;
    }
    const key = `${call.role}:${client}`;
    const args = callArgs(toks, i + 2);
    let g = byGroup.get(key);
    for (const prop of args.list) {
      // `key: value` with a single-token value; shorthand, spreads and computed values are skipped.
      if (prop.length !== 3 || prop[1].text !== ':' || (prop[0].kind !== 'ident' && prop[0].kind !== 'string')) continue;
      const opt = Object.hasOwn(call.options, prop[0].text) ? call.options[prop[0].text] : undefined;
      if (!opt) continue;
      const v = prop[2];
      if (!g) byGroup.set(key, (g = { role: call.role, anchor: t, settings: [] }));
      g.settings.push({ written: prop[0].text, key: opt.key, value: opt.read(v), valueText: text.slice(v.start, v.end), keyStart: prop[0].start, keyEnd: prop[0].end, valueStart: v.start, valueEnd: v.end, toCode: opt.write });
    }
  }
  return [...byGroup.values()].map((g) => ({ language: 'js', target: `kafkajs ${g.role}`, anchorStart: g.anchor.start, anchorEnd: g.anchor.end, roleHint: g.role, settings: g.settings }));
}
