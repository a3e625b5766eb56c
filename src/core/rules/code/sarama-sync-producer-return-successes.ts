import { callArgs, tokenize, type Token } from '../../parse/code';
import { defineRule, docsUrl } from '../types';

/**
 * A sarama SyncProducer built from a config, made in the same file, that does not return successes (or errors):
 * `NewSyncProducer` refuses it with a ConfigurationError at startup.
 */
export default defineRule({
  meta: {
    id: 'sarama-sync-producer-return-successes',
    group: 'client',
    targets: [],
    defaultSeverity: 'error',
    description: 'A sarama SyncProducer is created from a config that does not set Producer.Return.Successes (or turns Return.Errors off)',
    why: 'A SyncProducer waits for each message\'s result on the Successes and Errors channels, so sarama refuses to create one unless `Producer.Return.Successes` and `Producer.Return.Errors` are true ("Producer.Return.Successes must be true to be used in a SyncProducer"). `Return.Successes` defaults to false, so the program fails at startup. Only configs created with `sarama.NewConfig()` in the function that creates the producer are checked (for `NewSyncProducerFromClient`, the file\'s only config); `nil` is fine, as sarama then sets Return.Successes itself.',
    howToFix: 'Set `cfg.Producer.Return.Successes = true` (and leave `Producer.Return.Errors` at its default, true) before calling `sarama.NewSyncProducer`.',
    fixable: true,
    docsUrl: docsUrl('sarama-sync-producer-return-successes'),
    sources: ['https://pkg.go.dev/github.com/IBM/sarama#NewSyncProducer', 'https://github.com/IBM/sarama/blob/main/sync_producer.go'],
  },
  file(file, ctx) {
    if (file.kind !== 'client-code' || !/\.go$/i.test(file.path)) return;
    const toks = tokenize(file.text, 'go');
    const calls = toks.map((_, i) => i).filter((i) => toks[i].kind === 'ident' && /^sarama\.NewSyncProducer(FromClient)?$/.test(toks[i].text) && toks[i + 1]?.text === '(');
    if (calls.length === 0) return;
    // The top-level function each token is in (gofmt puts `func` at the start of a line), for scoping variables.
    const funcOf: number[] = [];
    let fn = -1;
    for (let i = 0; i < toks.length; i++) {
      if (toks[i].text === 'func' && (toks[i].start === 0 || file.text.charCodeAt(toks[i].start - 1) === 10)) fn = i;
      funcOf.push(fn);
    }
    // Configs made here: `cfg := sarama.NewConfig()`. One built in another file, function or package is not ours to judge.
    const made = toks.map((_, i) => i).filter((i) => toks[i].text === 'sarama.NewConfig' && toks[i + 1]?.text === '(');
    if (made.length === 0) return;
    const lines = file.lines;
    for (const at of calls) {
      const call = toks[at];
      let config: number | undefined;
      if (call.text.endsWith('FromClient')) {
        // The client's config: only when the file makes exactly one.
        if (made.length === 1) config = made[0];
      } else {
        const args = callArgs(toks, at + 1).list;
        const arg = args[1]?.length === 1 && args[1][0].kind === 'ident' ? args[1][0].text : undefined;
        // `nil` gets a config with Return.Successes set by sarama itself.
        config = arg === undefined || arg === 'nil' ? undefined : made.find((m) => funcOf[m] === funcOf[at] && declared(toks, m) === arg);
      }
      if (config === undefined || escapes(config)) continue;
      report(call, config);
    }

    /** Whether the config is handed to other code (`opt(cfg)`, `configure(cfg)`) that may set Return.Successes. */
    function escapes(made: number): boolean {
      const variable = declared(toks, made);
      if (variable === undefined) return true;
      for (let i = 0; i < toks.length; i++) {
        if (toks[i].text !== variable || funcOf[i] !== funcOf[made] || i === made - 2 || i === made - 3) continue;
        const prev = toks[i - 1]?.text;
        if (prev === ':') return true; // a struct field: `Options{Config: cfg}`
        if (prev !== '(' && prev !== ',') continue;
        // An argument: fine only for sarama's own constructors.
        let depth = 0;
        let j = i - 1;
        for (; j >= 0; j--) {
          if (i - j > 2000) return true;
          if (toks[j].text === ')') depth++;
          else if (toks[j].text === '(' && depth-- === 0) break;
        }
        if (!/^sarama\.New(Sync|Async)Producer$|^sarama\.NewClient$|^sarama\.NewConsumer(Group)?$/.test(toks[j - 1]?.text ?? '')) return true;
      }
      return false;
    }

    function report(call: Token, made: number): void {
      const variable = toks[made - 1]?.text === '=' || toks[made - 1]?.text === ':' ? declared(toks, made) : undefined;
      const assigned = (field: string): Token | undefined => {
        let found: Token | undefined;
        for (let i = 0; i < toks.length - 2; i++) {
          const t = toks[i];
          if (t.kind !== 'ident' || !t.text.endsWith(`.Producer.Return.${field}`) || toks[i + 1].text !== '=' || toks[i + 2].text === '=') continue;
          // This config's own field, set in the function that makes it.
          if (variable !== undefined && (t.text !== `${variable}.Producer.Return.${field}` || funcOf[i] !== funcOf[made])) continue;
          found = toks[i + 2];
        }
        return found;
      };
      const successes = assigned('Successes');
      const errors = assigned('Errors');
      const range = lines.range(call.start, call.end);
      if (errors?.text === 'false') {
        ctx.report({
          range,
          message: `${call.text} needs Producer.Return.Errors = true, but this file sets it to false: sarama refuses to create the producer ("Producer.Return.Errors must be true to be used in a SyncProducer").`,
          related: [{ file: file.path, range: lines.range(errors.start, errors.end), message: 'Return.Errors is turned off here' }],
          fix: { title: 'Set Producer.Return.Errors to true', edits: [{ range: lines.range(errors.start, errors.end), newText: 'true' }] },
        });
      }
      if (successes?.text === 'true') return;
      // Insert the missing line right after the config is made, with that line's indentation.
      const line = lines.position(toks[made].start).line;
      const indent = /^\s*/.exec(lines.lineText(line))?.[0] ?? '';
      const at = lines.position(lines.lineEnd(line));
      ctx.report({
        range,
        message: `${call.text} needs Producer.Return.Successes = true${successes ? `, but this file sets it to ${successes.text}` : ' (sarama\'s default is false)'}: sarama refuses to create the producer at startup ("Producer.Return.Successes must be true to be used in a SyncProducer").`,
        fix: successes
          ? { title: 'Set Producer.Return.Successes to true', edits: [{ range: lines.range(successes.start, successes.end), newText: 'true' }] }
          : variable
            ? { title: `Add ${variable}.Producer.Return.Successes = true`, edits: [{ range: { start: at, end: at }, newText: `\n${indent}${variable}.Producer.Return.Successes = true` }] }
            : undefined,
      });
    }
  },
});

/** The variable a `x := sarama.NewConfig()` / `x = …` / `var x = …` statement assigns, if it is a plain name. */
function declared(toks: readonly Token[], made: number): string | undefined {
  let j = made - 1;
  if (toks[j]?.text === '=') j--;
  if (toks[j]?.text === ':') j--;
  const t = toks[j];
  return t?.kind === 'ident' && /^[A-Za-z_]\w*$/.test(t.text) ? t.text : undefined;
}
