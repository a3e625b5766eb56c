import { tokenize, type Token } from '../../parse/code';
import { defineRule, docsUrl } from '../types';

const PRODUCER = /^(?:org\.apache\.kafka\.clients\.producer\.)?KafkaProducer$/;

/**
 * `new KafkaProducer<>(…)` inside a loop body whose new producer also sends in that body: one producer per
 * iteration. Loops that build several producers without sending (a pool of workers) are not reported.
 */
export default defineRule({
  meta: {
    id: 'java-producer-per-send',
    group: 'client',
    targets: [],
    defaultSeverity: 'warning',
    description: 'A KafkaProducer is created inside a loop and sends there: a new producer for each iteration',
    why: 'A KafkaProducer is thread-safe and meant to be shared: each instance opens its own connections, fetches metadata, starts an I/O thread, allocates its buffer (`buffer.memory`, 32 MB by default) and, with idempotence, gets a producer id from the cluster. Creating one per iteration makes every record pay for all of that, so batching and compression do nothing, and each producer that is not closed leaks its thread and connections. Reported when the loop body both creates the producer and calls `send` on it, not from a loop nested inside it (a producer recreated after a failure that then sends many records).',
    howToFix: 'Create the producer once, before the loop (or as a field or bean shared by the application), send from the loop, and close the producer when the application shuts down.',
    fixable: false,
    docsUrl: docsUrl('java-producer-per-send'),
    sources: ['https://kafka.apache.org/41/javadoc/org/apache/kafka/clients/producer/KafkaProducer.html'],
  },
  file(file, ctx) {
    if (file.kind !== 'client-code' || !/\.java$/i.test(file.path)) return;
    const toks = tokenize(file.text, 'java');
    const reported = new Set<number>();
    const bodies = loopBodies(toks);
    // The innermost loop body holding a token: a producer made in an outer loop that sends from an inner one
    // (recreated only after a failure, or once per batch) is not one producer per record.
    const innermost = (at: number) => {
      let best: [number, number] | undefined;
      for (const b of bodies) if (b[0] < at && at < b[1] && (!best || b[0] > best[0])) best = b;
      return best;
    };
    for (const [open, close] of bodies) {
      for (let i = open + 1; i < close; i++) {
        if (toks[i].text !== 'new' || !PRODUCER.test(toks[i + 1]?.text ?? '') || reported.has(i)) continue;
        const name = assigned(toks, i);
        if (!name) continue;
        let sends: Token | undefined;
        for (let j = i + 2; j < close && !sends; j++) {
          const t = toks[j];
          if (t.kind === 'ident' && (t.text === `${name}.send` || t.text === `this.${name}.send`) && toks[j + 1]?.text === '(' && innermost(j) === innermost(i)) sends = t;
        }
        if (!sends) continue;
        reported.add(i);
        ctx.report({
          range: file.lines.range(toks[i].start, toks[i + 1].end),
          message: `A new KafkaProducer is created in each iteration of this loop and sends there (${name}.send): every record pays for new connections, metadata, an I/O thread and a buffer, and nothing is batched. Create the producer once, outside the loop, and close it on shutdown.`,
          related: [{ file: file.path, range: file.lines.range(sends.start, sends.end), message: 'sends with the new producer here' }],
        });
      }
    }
  },
});

/** The `{`…`}` token index pairs of `for (…) {`, `while (…) {` and `do {` bodies. */
function loopBodies(toks: readonly Token[]): [number, number][] {
  const starts = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'ident') continue;
    if (t.text === 'do' && toks[i + 1]?.text === '{') starts.add(i + 1);
    if ((t.text === 'for' || t.text === 'while') && toks[i + 1]?.text === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < toks.length; j++) {
        if (toks[j].text === '(') depth++;
        else if (toks[j].text === ')' && --depth === 0) break;
      }
      if (toks[j + 1]?.text === '{') starts.add(j + 1);
    }
  }
  const out: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'punct') continue;
    if (toks[i].text === '{') stack.push(i);
    else if (toks[i].text === '}') {
      const open = stack.pop();
      if (open !== undefined && starts.has(open)) out.push([open, i]);
    }
  }
  return out;
}

/** The variable a `new KafkaProducer…` at `at` is assigned to: `p = new …`, `var p = new …`, `try (Producer<…> p = new …)`. */
function assigned(toks: readonly Token[], at: number): string | undefined {
  if (toks[at - 1]?.text !== '=' || toks[at - 2]?.text === '=') return undefined;
  const name = toks[at - 2];
  return name?.kind === 'ident' && /^(this\.)?\w+$/.test(name.text) ? name.text.replace(/^this\./, '') : undefined;
}
