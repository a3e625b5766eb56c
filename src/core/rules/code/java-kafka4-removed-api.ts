import { callArgs, tokenize, type Token } from '../../parse/code';
import type { Fix } from '../../model';
import { defineRule, docsUrl } from '../types';

/**
 * KafkaConsumer methods deprecated since kafka-clients 2.0/2.4 and removed in 4.0: `poll(long)`,
 * `committed(TopicPartition)` and `committed(TopicPartition, Duration)`. Only calls on consumers declared in the same
 * file, with an argument whose type the file shows (a number literal, a `long`/`int` variable, a `TopicPartition`), are
 * reported; `poll(Duration)` and `committed(Set)` look the same to a tokenizer otherwise.
 */
export default defineRule({
  meta: {
    id: 'java-kafka4-removed-api',
    group: 'client',
    targets: [],
    defaultSeverity: 'warning',
    description: 'A KafkaConsumer method removed in kafka-clients 4.0: poll(long), committed(TopicPartition)',
    why: '`poll(long)` (deprecated since 2.0, KIP-266) and `committed(TopicPartition)` / `committed(TopicPartition, Duration)` (deprecated since 2.4, KIP-520) were removed in kafka-clients 4.0: code that calls them does not compile against a 4.x client, so the client cannot be upgraded to match a Kafka 4 cluster. The source file does not say which kafka-clients version the build uses, so this is a warning; on 4.x the compiler reports it as an error. Note that `poll(Duration)` returns when the timeout expires even if the consumer has not joined its group yet, where `poll(long)` waited for the assignment.',
    howToFix: 'Call `consumer.poll(Duration.ofMillis(n))` instead of `poll(n)`, and `consumer.committed(Set.of(tp)).get(tp)` instead of `committed(tp)`.',
    fixable: false,
    docsUrl: docsUrl('java-kafka4-removed-api'),
    sources: [
      'https://kafka.apache.org/40/getting-started/upgrade',
      'https://cwiki.apache.org/confluence/display/KAFKA/KIP-266%3A+Fix+consumer+indefinite+blocking+behavior',
      'https://cwiki.apache.org/confluence/display/KAFKA/KIP-520%3A+Add+overloaded+Consumer%23committed+for+batching+partitions',
    ],
  },
  file(file, ctx) {
    if (file.kind !== 'client-code' || !/\.java$/i.test(file.path)) return;
    const toks = tokenize(file.text, 'java');
    const consumers = declaredNames(toks, /^(?:org\.apache\.kafka\.clients\.consumer\.)?(?:KafkaConsumer|Consumer)$/, /^(?:org\.apache\.kafka\.clients\.consumer\.)?KafkaConsumer$/);
    if (consumers.size === 0) return;
    const numbers = typedNames(toks, /^(long|int|short|Long|Integer)$/);
    const partitions = typedNames(toks, /^(?:org\.apache\.kafka\.common\.)?TopicPartition$/);
    const imports = importsOf(toks);
    const lines = file.lines;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.kind !== 'ident' || toks[i + 1]?.text !== '(') continue;
      const m = /^(.+)\.(poll|committed)$/.exec(t.text);
      if (!m || !consumers.has(m[1].replace(/^this\./, ''))) continue;
      const args = callArgs(toks, i + 1);
      if (toks[args.close]?.text !== ')') continue;
      const name = t.text.slice(0, -m[2].length);
      if (m[2] === 'poll') {
        if (args.list.length !== 1) continue;
        const a = args.list[0];
        const literal = (a.length === 1 && a[0].kind === 'number' && /^\d+$/.test(a[0].text)) || (a.length === 1 && a[0].kind === 'ident' && (numbers.has(a[0].text) || /^(Long|Integer)\.MAX_VALUE$/.test(a[0].text)));
        if (!literal) continue;
        const arg = file.text.slice(a[0].start, a[a.length - 1].end);
        const duration = imports.has('java.time.Duration') || imports.has('java.time.*') ? 'Duration' : 'java.time.Duration';
        const range = lines.range(a[0].start, a[a.length - 1].end);
        ctx.report({
          range: lines.range(t.start, toks[args.close].end),
          message: `${t.text}(${arg}) calls KafkaConsumer.poll(long), removed in kafka-clients 4.0 (deprecated since 2.0): the code does not compile against a 4.x client. Use ${t.text}(Duration.ofMillis(${arg})); it does not wait for the group assignment beyond the timeout.`,
          suggestions: [{ title: `Use ${duration}.ofMillis(${arg})`, edits: [{ range, newText: `${duration}.ofMillis(${arg})` }] }],
        });
        continue;
      }
      // committed(TopicPartition) and committed(TopicPartition, Duration); committed(Set) and committed(Set, Duration) stay.
      if (args.list.length !== 1 && args.list.length !== 2) continue;
      const a = args.list[0];
      const isPartition = (a.length === 1 && a[0].kind === 'ident' && partitions.has(a[0].text)) || (a[0]?.text === 'new' && /^(?:org\.apache\.kafka\.common\.)?TopicPartition$/.test(a[1]?.text ?? ''));
      if (!isPartition) continue;
      const call = lines.range(t.start, toks[args.close].end);
      let suggestion: Fix | undefined;
      // A plain variable can be named twice; `new TopicPartition(…)` would be built twice, so no suggestion then.
      if (a.length === 1) {
        const set = imports.has('java.util.Set') || imports.has('java.util.*') ? 'Set' : 'java.util.Set';
        const rest = args.list.length === 2 ? `, ${file.text.slice(args.list[1][0].start, args.list[1][args.list[1].length - 1].end)}` : '';
        suggestion = { title: `Use ${name}committed(${set}.of(${a[0].text})${rest}).get(${a[0].text})`, edits: [{ range: call, newText: `${name}committed(${set}.of(${a[0].text})${rest}).get(${a[0].text})` }] };
      }
      ctx.report({
        range: call,
        message: `${t.text}(TopicPartition${args.list.length === 2 ? ', Duration' : ''}) was removed in kafka-clients 4.0 (deprecated since 2.4): the code does not compile against a 4.x client. Pass a set of partitions and read this one from the returned map: ${t.text}(Set.of(tp)).get(tp).`,
        suggestions: suggestion ? [suggestion] : undefined,
      });
    }
  },
});

/** Variables and fields declared with a type matching `type` (`KafkaConsumer<K, V> c`, `Consumer<…> c`) or assigned `new <ctor>…`. */
function declaredNames(toks: readonly Token[], type: RegExp, ctor: RegExp): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'ident' && type.test(t.text) && toks[i + 1]?.text === '<') {
      let depth = 0;
      let j = i + 1;
      for (; j < toks.length; j++) {
        if (toks[j].text === '<') depth++;
        else if (toks[j].text === '>' && --depth === 0) break;
        else if (toks[j].text === ';' || toks[j].text === '(') break;
      }
      const name = toks[j + 1];
      if (toks[j]?.text === '>' && name?.kind === 'ident' && /^\w+$/.test(name.text)) names.add(name.text);
    }
    // A raw type (`KafkaConsumer consumer;`, a constructor parameter): the Kafka class only.
    if (t.kind === 'ident' && ctor.test(t.text) && toks[i + 1]?.kind === 'ident' && /^\w+$/.test(toks[i + 1].text) && /^[;=,)]$/.test(toks[i + 2]?.text ?? '')) names.add(toks[i + 1].text);
    if (t.kind === 'ident' && toks[i + 1]?.text === '=' && toks[i + 2]?.text === 'new' && ctor.test(toks[i + 3]?.text ?? '')) names.add(t.text.replace(/^this\./, ''));
  }
  return names;
}

/**
 * Names declared with a simple type: `long timeout`, `final TopicPartition tp`, `(TopicPartition tp)`. A name the file
 * also declares with another type (`Duration timeout` in another method, `List<…> tp`) is left out: which declaration
 * a use refers to is not known without scopes.
 */
function typedNames(toks: readonly Token[], type: RegExp): Set<string> {
  const names = new Set<string>();
  const other = new Set<string>();
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i];
    const n = toks[i + 1];
    if (n.kind !== 'ident' || !/^\w+$/.test(n.text) || !/^[=;,):]$/.test(toks[i + 2]?.text ?? '')) continue;
    // `Type name`, `Generic<…> name`, `Type[] name`; keywords before a name (`return x;`) are not types.
    if (t.kind === 'ident' && !/^(return|throw|new|case|else|assert|yield|package|import|instanceof)$/.test(t.text)) (type.test(t.text) ? names : other).add(n.text);
    // After `>` a `)` more likely ends a comparison (`if (a > timeout)`) than a generic parameter.
    else if (t.text === ']' || (t.text === '>' && toks[i + 2].text !== ')')) other.add(n.text);
  }
  for (const n of other) names.delete(n);
  return names;
}

/** The file's `import a.b.C;` names (static imports excluded). */
function importsOf(toks: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i].text !== 'import' || toks[i + 1].kind !== 'ident') continue;
    out.add(toks[i + 1].text + (toks[i + 2]?.text === '.' && toks[i + 3]?.text === '*' ? '.*' : ''));
  }
  return out;
}
