import { tokenize, type Token } from '../../parse/code';
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
    why: 'A SyncProducer waits for each message\'s result on the Successes and Errors channels, so sarama refuses to create one unless `Producer.Return.Successes` and `Producer.Return.Errors` are true ("Producer.Return.Successes must be true to be used in a SyncProducer"). `Return.Successes` defaults to false, so the program fails at startup. Only configs created in the same file (`sarama.NewConfig()`) are checked.',
    howToFix: 'Set `cfg.Producer.Return.Successes = true` (and leave `Producer.Return.Errors` at its default, true) before calling `sarama.NewSyncProducer`.',
    fixable: true,
    docsUrl: docsUrl('sarama-sync-producer-return-successes'),
    sources: ['https://pkg.go.dev/github.com/IBM/sarama#NewSyncProducer', 'https://github.com/IBM/sarama/blob/main/sync_producer.go'],
  },
  file(file, ctx) {
    if (file.kind !== 'client-code' || !/\.go$/i.test(file.path)) return;
    const toks = tokenize(file.text, 'go');
    const calls = toks.filter((t, i) => t.kind === 'ident' && /^sarama\.NewSyncProducer(FromClient)?$/.test(t.text) && toks[i + 1]?.text === '(');
    if (calls.length === 0) return;
    // The config must be made here; one built in another file or package is not ours to judge.
    const made = toks.findIndex((t, i) => t.text === 'sarama.NewConfig' && toks[i + 1]?.text === '(');
    if (made === -1) return;
    const variable = toks[made - 1]?.text === '=' || toks[made - 1]?.text === ':' ? declared(toks, made) : undefined;
    const assigned = (field: string): Token | undefined => {
      for (let i = 0; i < toks.length - 2; i++) if (toks[i].kind === 'ident' && toks[i].text.endsWith(`.Producer.Return.${field}`) && toks[i + 1].text === '=' && toks[i + 2].text !== '=') return toks[i + 2];
      return undefined;
    };
    const successes = assigned('Successes');
    const errors = assigned('Errors');
    const lines = file.lines;
    for (const call of calls) {
      const range = lines.range(call.start, call.end);
      if (errors?.text === 'false') {
        ctx.report({
          range,
          message: `${call.text} needs Producer.Return.Errors = true, but this file sets it to false: sarama refuses to create the producer ("Producer.Return.Errors must be true to be used in a SyncProducer").`,
          related: [{ file: file.path, range: lines.range(errors.start, errors.end), message: 'Return.Errors is turned off here' }],
          fix: { title: 'Set Producer.Return.Errors to true', edits: [{ range: lines.range(errors.start, errors.end), newText: 'true' }] },
        });
      }
      if (successes?.text === 'true') continue;
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
