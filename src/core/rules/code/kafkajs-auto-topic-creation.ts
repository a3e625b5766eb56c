import { callArgs, tokenize, type Token } from '../../parse/code';
import type { Fix } from '../../model';
import type { LineIndex } from '../../text';
import { defineRule, docsUrl } from '../types';

const OPTION = 'allowAutoTopicCreation';
/** `require('kafkajs')`, `import … from 'kafkajs'`, `import('kafkajs')`. */
const KAFKAJS_IMPORT = /(?:\brequire\(\s*|\bfrom\s*|\bimport\(\s*)['"]kafkajs['"]/;

/**
 * A kafkajs producer created without `allowAutoTopicCreation: false` in a workspace whose topics are KafkaTopic
 * resources. Only `.producer()` calls with no options or an object literal (without spreads) are judged.
 */
export default defineRule({
  meta: {
    id: 'kafkajs-auto-topic-creation',
    group: 'client',
    targets: [],
    defaultSeverity: 'info',
    description: 'A kafkajs producer may create topics automatically although the workspace manages topics as KafkaTopic resources',
    why: 'kafkajs producers ask the broker to create a topic they produce to when it does not exist (`allowAutoTopicCreation` defaults to true). If the brokers allow it (`auto.create.topics.enable`, true unless the Kafka resource turns it off), a typo in a topic name or a producer that starts before the Topic Operator applied its KafkaTopic gets a topic with the broker defaults (partitions, replication) that bypasses the KafkaTopic. Reported only when the workspace has KafkaTopic resources and not every Kafka cluster in it turns automatic creation off.',
    howToFix: 'Pass `allowAutoTopicCreation: false` to `kafka.producer({ … })`, and declare every topic as a KafkaTopic.',
    fixable: true,
    crossFile: true,
    docsUrl: docsUrl('kafkajs-auto-topic-creation'),
    sources: ['https://kafka.js.org/docs/producing#options', 'https://strimzi.io/docs/operators/latest/deploying (automatic topic creation)'],
  },
  file(file, ctx) {
    // The file must load kafkajs itself; Confluent's KafkaJS-compatible client takes its options under `kafkaJS`.
    if (file.kind !== 'client-code' || !/\.[cm]?[jt]s$/i.test(file.path) || !KAFKAJS_IMPORT.test(file.text) || file.text.includes('@confluentinc/kafka-javascript')) return;
    const topics = ctx.index.resources('strimzi-topic');
    if (topics.length === 0) return;
    const kafkas = ctx.index.resources('strimzi-kafka');
    const off = (k: (typeof kafkas)[number]) => k.doc.entries(['spec', 'kafka', 'config']).some((e) => e.key === 'auto.create.topics.enable' && String(e.value).trim() === 'false');
    if (kafkas.length > 0 && kafkas.every(off)) return;
    const toks = tokenize(file.text, 'js');
    const lines = file.lines;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.kind !== 'ident' || toks[i + 1]?.text !== '(') continue;
      const method = t.text === 'producer' ? toks[i - 1]?.text === '.' : t.text.endsWith('.producer') && !t.text.startsWith('this.');
      if (!method) continue;
      const open = toks[i + 1];
      const args = callArgs(toks, i + 1);
      const close = toks[args.close];
      if (close?.text !== ')') continue;
      const range = lines.range(t.end - 'producer'.length, t.end);
      const message = (why: string) =>
        `This kafkajs producer ${why}: producing to a topic that does not exist creates it with the broker defaults, bypassing the ${topics.length} KafkaTopic resource(s) of this workspace. Pass ${OPTION}: false.`;
      let fix: Fix | undefined;
      if (args.list.length === 0) {
        fix = { title: `Pass { ${OPTION}: false }`, edits: [{ range: lines.range(open.end, close.start), newText: `{ ${OPTION}: false }` }] };
        ctx.report({ range, message: message(`has no ${OPTION} option (kafkajs' default is true)`), fix });
        continue;
      }
      const obj = args.list[0];
      if (args.list.length !== 1 || obj[0]?.text !== '{' || obj[obj.length - 1]?.text !== '}') continue;
      const brace = toks.indexOf(obj[0], i);
      const props = callArgs(toks, brace).list;
      if (props.some((p) => p[0]?.text === '.' || p[0]?.text === '...' || p[0]?.text === '[')) continue; // spread or computed key: unsure
      const given = props.find((p) => (p[0]?.kind === 'ident' || p[0]?.kind === 'string') && p[0].text === OPTION);
      if (given) {
        // Only an explicit `true`; any other value is the code's own decision.
        const v = given[2];
        if (given.length !== 3 || given[1].text !== ':' || v.text !== 'true') continue;
        const vr = lines.range(v.start, v.end);
        ctx.report({ range: vr, message: message(`sets ${OPTION}: true`), fix: { title: `Set ${OPTION} to false`, edits: [{ range: vr, newText: 'false' }] } });
        continue;
      }
      fix = insertOption(lines, obj[0], props);
      ctx.report({ range, message: message(`has no ${OPTION} option (kafkajs' default is true)`), fix });
    }
  },
});

/** Adds the option as the object's first property, on its own line when the properties are on their own lines. */
function insertOption(lines: LineIndex, brace: Token, props: readonly Token[][]): Fix {
  const title = `Add ${OPTION}: false`;
  if (props.length === 0) return { title, edits: [{ range: lines.range(brace.end, brace.end), newText: ` ${OPTION}: false ` }] };
  const first = props[0][0];
  if (lines.position(first.start).line !== lines.position(brace.start).line) {
    const indent = /^\s*/.exec(lines.lineText(lines.position(first.start).line))?.[0] ?? '';
    return { title, edits: [{ range: lines.range(brace.end, brace.end), newText: `\n${indent}${OPTION}: false,` }] };
  }
  return { title, edits: [{ range: lines.range(brace.end, first.start), newText: ` ${OPTION}: false, ` }] };
}
