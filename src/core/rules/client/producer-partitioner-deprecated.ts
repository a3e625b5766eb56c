import { versionBelow } from '../../versions';
import { defineRule, docsUrl } from '../types';
import { keyLabel, removeEntryEdit, renameKeyEdit, textValue } from './helpers';

const DEFAULT = 'org.apache.kafka.clients.producer.internals.DefaultPartitioner';
const UNIFORM = 'org.apache.kafka.clients.producer.UniformStickyPartitioner';

export default defineRule({
  meta: {
    id: 'producer-partitioner-deprecated',
    group: 'producer',
    targets: ['config-producer'],
    defaultSeverity: 'warning',
    description: '`partitioner.class` names the deprecated DefaultPartitioner or UniformStickyPartitioner',
    why: 'KIP-794 (Kafka 3.3) deprecated both classes: the built-in partitioner used when `partitioner.class` is unset already does sticky partitioning, adapts to slow brokers, and `partitioner.ignore.keys=true` gives the uniform behaviour. Kafka 4.0 removed the classes, so a producer naming them fails to start.',
    howToFix: 'Remove `partitioner.class` (DefaultPartitioner), or replace UniformStickyPartitioner with `partitioner.ignore.keys=true`.',
    fixable: true,
    docsUrl: docsUrl('producer-partitioner-deprecated'),
    sources: ['KIP-794', 'https://kafka.apache.org/documentation/#producerconfigs_partitioner.class', 'https://kafka.apache.org/documentation/#upgrade_servers_400_notable'],
  },
  config(set, ctx) {
    const e = set.get('partitioner.class');
    const v = textValue(e);
    if (!e || (v !== DEFAULT && v !== UNIFORM)) return;
    const kafka = ctx.versions.kafka.value;
    if (versionBelow(kafka, '3.3')) return;
    const removed = !versionBelow(kafka, '4.0');
    const cls = v === DEFAULT ? 'DefaultPartitioner' : 'UniformStickyPartitioner';
    let fix;
    if (v === DEFAULT) {
      const edit = removeEntryEdit(set, e, ctx.file);
      if (edit) fix = { title: 'Remove partitioner.class (use the built-in partitioner)', edits: [edit] };
    } else {
      const rename = renameKeyEdit(e, 'partitioner.ignore.keys', ctx.file);
      const value = set.setEdit(e, 'true', true);
      if (rename && value) fix = { title: 'Replace with partitioner.ignore.keys=true', edits: [rename, value] };
    }
    ctx.report({
      range: e.valueRange,
      severity: removed ? 'error' : 'warning',
      message: `${keyLabel(e)}=${cls} is ${removed ? `removed in Kafka 4.0: the producer fails to start on ${kafka}` : 'deprecated since Kafka 3.3 (KIP-794) and removed in 4.0'}. ${v === DEFAULT ? 'Remove partitioner.class; the built-in partitioner does sticky partitioning.' : 'Use partitioner.ignore.keys=true instead.'}`,
      fix,
    });
  },
});
