import { callArgs, tokenize, type Token } from '../../parse/code';
import { defineRule, docsUrl } from '../types';

/** `producer.send(record);` on a KafkaProducer, with no callback and the returned Future dropped. */
export default defineRule({
  meta: {
    id: 'java-send-result-ignored',
    group: 'client',
    targets: [],
    defaultSeverity: 'warning',
    description: 'A KafkaProducer send() without a callback whose returned Future is discarded',
    why: '`send()` is asynchronous: a record that still fails after the producer\'s retries (`delivery.timeout.ms`) is reported only through the returned Future or the callback. When the statement drops the Future and passes no callback, such records are lost without any error or log. Only producers declared in the same file (`KafkaProducer<…> p`, `Producer<…> p`, `p = new KafkaProducer<>(…)`) are checked, and not transactional ones (a failed send makes `commitTransaction()` throw).',
    howToFix: 'Pass a callback that handles the exception, e.g. `producer.send(record, (metadata, e) -> { if (e != null) log.error("send failed", e); })`, or keep the Future and check it.',
    fixable: false,
    docsUrl: docsUrl('java-send-result-ignored'),
    sources: ['https://kafka.apache.org/41/javadoc/org/apache/kafka/clients/producer/KafkaProducer.html#send(org.apache.kafka.clients.producer.ProducerRecord)'],
  },
  file(file, ctx) {
    if (file.kind !== 'client-code' || !/\.java$/i.test(file.path)) return;
    const toks = tokenize(file.text, 'java');
    const producers = producerNames(toks);
    // A transactional producer reports a failed send when the transaction commits (commitTransaction throws), so
    // dropping the Future there is the documented pattern.
    for (const t of toks) if (t.kind === 'ident' && /\.(beginTransaction|commitTransaction)$/.test(t.text)) producers.delete(t.text.replace(/^this\./, '').replace(/\.\w+$/, ''));
    if (producers.size === 0) return;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.kind !== 'ident' || !t.text.endsWith('.send') || toks[i + 1]?.text !== '(') continue;
      const receiver = t.text.slice(0, -'.send'.length).replace(/^this\./, '');
      if (!producers.has(receiver)) continue;
      // An expression statement: nothing before it in the statement, `;` right after the call.
      const prev = toks[i - 1]?.text;
      if (prev !== undefined && prev !== ';' && prev !== '{' && prev !== '}' && prev !== ')' && prev !== 'else' && prev !== '->') continue;
      if (prev === ')' && !isControlHeader(toks, i - 1)) continue;
      const args = callArgs(toks, i + 1);
      if (args.list.length !== 1 || toks[args.close + 1]?.text !== ';') continue;
      ctx.report({
        range: file.lines.range(t.start, t.end),
        message: `${t.text}(…) drops the result and passes no callback: a record that fails after retries (delivery.timeout.ms) is lost silently. Pass a callback that handles the exception, or check the returned Future.`,
      });
    }
  },
});

/** Names of variables and fields declared as a Kafka producer in this file. */
function producerNames(toks: readonly Token[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'ident' && /^(org\.apache\.kafka\.clients\.producer\.)?(KafkaProducer|Producer)$/.test(t.text) && toks[i + 1]?.text === '<') {
      let depth = 0;
      let j = i + 1;
      for (; j < toks.length; j++) {
        if (toks[j].text === '<') depth++;
        else if (toks[j].text === '>' && --depth === 0) break;
      }
      const name = toks[j + 1];
      if (name?.kind === 'ident' && /^\w+$/.test(name.text)) names.add(name.text);
    }
    if (t.kind === 'ident' && toks[i + 1]?.text === '=' && toks[i + 2]?.text === 'new' && /^(org\.apache\.kafka\.clients\.producer\.)?KafkaProducer$/.test(toks[i + 3]?.text ?? '')) {
      names.add(t.text.replace(/^this\./, ''));
    }
  }
  return names;
}

/** Whether the `)` at `close` ends an `if (…)`, `for (…)` or `while (…)` header (so a statement follows it). */
function isControlHeader(toks: readonly Token[], close: number): boolean {
  let depth = 0;
  for (let j = close; j >= 0; j--) {
    if (toks[j].text === ')') depth++;
    else if (toks[j].text === '(' && --depth === 0) return /^(if|for|while)$/.test(toks[j - 1]?.text ?? '');
  }
  return false;
}
