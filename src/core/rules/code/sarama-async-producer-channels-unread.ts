import { callArgs, tokenize, type Token } from '../../parse/code';
import { defineRule, docsUrl } from '../types';

/** Methods of sarama's AsyncProducer that neither read its channels nor hand the producer to other code. */
const OWN_METHODS = /^(Input|Close|AsyncClose|IsTransactional|TxnStatus|BeginTxn|CommitTxn|AbortTxn|AddOffsetsToTxn|AddMessageToTxn)$/;

/**
 * A sarama AsyncProducer held in a local variable of this file whose Errors() channel (or, with Return.Successes,
 * Successes() channel) nothing reads, or that is never closed. A producer that is passed on, returned or stored
 * anywhere is not judged: the reader may be elsewhere.
 */
export default defineRule({
  meta: {
    id: 'sarama-async-producer-channels-unread',
    group: 'client',
    targets: [],
    defaultSeverity: 'warning',
    description: 'A sarama AsyncProducer whose Errors() (or, with Return.Successes, Successes()) channel is never read, or that is never closed',
    why: 'An AsyncProducer reports each record\'s outcome on its Errors() channel (`Producer.Return.Errors`, true by default) and, when `Producer.Return.Successes` is true, on Successes(). The channels are buffered (`ChannelBufferSize`, 256): when nobody reads them they fill up and the producer blocks, so sending stops ("You must read from the Errors() channel or the producer will deadlock"), and failed records go unnoticed. A producer that is never closed loses the records still buffered when the program exits (reported as information: a program that waits for every result first loses nothing). Only producers held in a local variable that never leaves this file\'s functions are checked, and the channels only when the config is `nil` (sarama\'s defaults) or made in this file with `sarama.NewConfig()`.',
    howToFix: 'Read the channels in a goroutine (`go func() { for err := range p.Errors() { log.Println(err) } }()`) or a select loop, or set `cfg.Producer.Return.Errors = false` when errors are handled otherwise; close the producer with `defer p.Close()` (or `AsyncClose()` while the channels are read).',
    fixable: false,
    docsUrl: docsUrl('sarama-async-producer-channels-unread'),
    sources: ['https://pkg.go.dev/github.com/IBM/sarama#AsyncProducer', 'https://github.com/IBM/sarama/blob/main/async_producer.go'],
  },
  file(file, ctx) {
    if (file.kind !== 'client-code' || !/\.go$/i.test(file.path)) return;
    const toks = tokenize(file.text, 'go');
    const calls: { call: Token; name: string; at: number }[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.kind !== 'ident' || !/^sarama\.NewAsyncProducer(FromClient)?$/.test(t.text) || toks[i + 1]?.text !== '(') continue;
      const name = assignedName(toks, i);
      if (name) calls.push({ call: t, name, at: i });
    }
    if (calls.length === 0) return;
    // Return.Errors / Return.Successes as this file sets them (a config built elsewhere keeps sarama's defaults here).
    const setTo = (field: string): string | undefined => {
      let v: string | undefined;
      for (let i = 0; i + 2 < toks.length; i++) if (toks[i].kind === 'ident' && toks[i].text.endsWith(`.Producer.Return.${field}`) && toks[i + 1].text === '=' && toks[i + 2].text !== '=') v = toks[i + 2].text;
      return v;
    };
    const returnsErrors = setTo('Errors') !== 'false';
    const returnsSuccesses = setTo('Successes') === 'true';
    // A config this file does not make (`kafkacfg.New()`, a client built elsewhere) may turn the channels off.
    const makesConfig = toks.some((t, i) => t.text === 'sarama.NewConfig' && toks[i + 1]?.text === '(');
    for (const { call, name, at } of calls) {
      const uses = usesOf(toks, name);
      if (!uses) continue;
      const range = file.lines.range(call.start, call.end);
      const args = callArgs(toks, at + 1).list;
      const configArg = call.text.endsWith('FromClient') ? undefined : args[1];
      const known = (configArg?.length === 1 && configArg[0].text === 'nil') || makesConfig;
      if (known && returnsErrors && !uses.has('Errors')) {
        ctx.report({
          range,
          message: `Nothing reads ${name}.Errors(): with Producer.Return.Errors true (sarama's default) the channel fills up after ChannelBufferSize failures and the producer blocks, and failed records go unnoticed. Read it in a goroutine, or set Producer.Return.Errors = false.`,
        });
      }
      if (known && returnsSuccesses && !uses.has('Successes')) {
        ctx.report({
          range,
          message: `Nothing reads ${name}.Successes(), but this file sets Producer.Return.Successes = true: the channel fills up after ChannelBufferSize records and the producer blocks. Read it in a goroutine, or leave Return.Successes false.`,
        });
      }
      if (!uses.has('Close') && !uses.has('AsyncClose')) {
        // Information only: a program that waits for every result before it exits loses nothing.
        ctx.report({
          range,
          severity: 'info',
          message: `${name} is never closed: records still buffered in the producer are lost when the program exits. Add defer ${name}.Close() (or call AsyncClose() and wait for the channels to close).`,
        });
      }
    }
  },
});

/** `p, err := sarama.NewAsyncProducer(…)`, `p, err = …`, `var p, err = …`: the plain producer name. */
function assignedName(toks: readonly Token[], call: number): string | undefined {
  let j = call - 1;
  if (toks[j]?.text === '=') j--;
  else return undefined;
  if (toks[j]?.text === ':') j--;
  // The error variable, then the comma.
  if (toks[j]?.kind !== 'ident' || toks[j - 1]?.text !== ',') return undefined;
  const name = toks[j - 2];
  return name?.kind === 'ident' && /^[A-Za-z_]\w*$/.test(name.text) && name.text !== '_' ? name.text : undefined;
}

/**
 * The producer methods the file calls on `name` (`Errors`, `Close`, …), or undefined when the producer escapes:
 * used in any other way (passed to a function, returned, stored, compared) or its channels taken without a call.
 */
function usesOf(toks: readonly Token[], name: string): Set<string> | undefined {
  const used = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'ident') continue;
    if (t.text === name) {
      // The declaration itself (`name, err :=` / `name, err =`) is not a use.
      if (toks[i + 1]?.text === ',' && toks[i + 3]?.text === ':' && toks[i + 4]?.text === '=') continue;
      if (toks[i + 1]?.text === ',' && toks[i + 3]?.text === '=' && toks[i + 4]?.text !== '=' && /^sarama\.NewAsyncProducer/.test(toks[i + 4]?.text ?? '')) continue;
      if (toks[i - 1]?.text === '.') return undefined; // a field of another value with the same name: unsure
      if (toks[i + 1]?.text === '!' && toks[i + 2]?.text === '=' && toks[i + 3]?.text === 'nil') continue;
      return undefined;
    }
    if (t.text.startsWith(`${name}.`)) {
      const method = t.text.slice(name.length + 1);
      if (toks[i + 1]?.text !== '(') return undefined;
      if (method === 'Errors' || method === 'Successes') used.add(method);
      else if (OWN_METHODS.test(method)) used.add(method);
      else return undefined;
    }
  }
  return used;
}
