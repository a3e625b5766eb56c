import { defineRule, docsUrl } from '../types';
import { isDynamicAt } from './util';

const KEY = 'auto.create.topics.enable';
const CONFIG = ['spec', 'kafka', 'config'];

export default defineRule({
  meta: {
    id: 'strimzi-auto-create-topics-enabled',
    group: 'strimzi',
    targets: ['strimzi-kafka'],
    defaultSeverity: 'warning',
    description: 'Topics are managed with KafkaTopic resources but brokers still create topics automatically',
    why: 'Kafka brokers create a topic the first time a client uses it (`auto.create.topics.enable` defaults to `true`), with the broker defaults (`num.partitions`, `default.replication.factor`). An application that starts before the Topic Operator has applied its KafkaTopic, or that has a typo in a topic name, gets such a topic instead, usually with one partition. Strimzi recommends turning automatic creation off when topics are managed through KafkaTopic resources.',
    howToFix: 'Set `auto.create.topics.enable: false` in `spec.kafka.config` and declare every topic as a KafkaTopic.',
    fixable: true,
    docsUrl: docsUrl('strimzi-auto-create-topics-enabled'),
    sources: ['https://strimzi.io/docs/operators/latest/deploying (automatic topic creation)'],
  },
  resource(kafka, ctx) {
    if (!kafka.has(['spec', 'kafka'])) return;
    const to = kafka.has(['spec', 'entityOperator', 'topicOperator']);
    const topics = to ? 0 : ctx.index.topics(kafka).length;
    if (!to && topics === 0) return;
    const why = to ? "the Topic Operator manages this cluster's topics" : `${topics} KafkaTopic resource(s) in the workspace belong to this cluster`;
    const entry = kafka.doc.entries(CONFIG).find((e) => e.key === KEY);
    if (entry) {
      const v = String(entry.value).trim();
      if (v === 'false' || isDynamicAt(kafka, [...CONFIG, KEY])) return;
      const edit = kafka.doc.setValueEdit([...CONFIG, KEY], 'false');
      ctx.report({
        range: entry.valueRange,
        message: `${KEY} is ${v} although ${why}: any client that names an unknown topic creates it with broker defaults, before or instead of its KafkaTopic. Set it to false.`,
        fix: edit ? { title: `Set ${KEY} to false`, edits: [edit] } : undefined,
      });
      return;
    }
    const edit = kafka.doc.insertKeyEdit(CONFIG, KEY, 'false');
    const toRange = kafka.keyRange(['spec', 'entityOperator', 'topicOperator']);
    ctx.report({
      range: kafka.keyRange(CONFIG) ?? kafka.rangeOf(['spec', 'kafka']),
      message: `${KEY} is not set (default true) although ${why}: any client that names an unknown topic creates it with broker defaults, before or instead of its KafkaTopic. Add ${KEY}: false.`,
      fix: edit ? { title: `Add ${KEY}: false`, edits: [edit] } : undefined,
      related: toRange ? [{ file: kafka.file, range: toRange, message: 'Topic Operator enabled here' }] : undefined,
    });
  },
});
