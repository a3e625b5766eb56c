import { versionBelow } from '../../versions';
import { defineRule, docsUrl } from '../types';
import { assign, intValue, removeEntryEdit } from './helpers';

const MAX_INT = 2147483647;

export default defineRule({
  meta: {
    id: 'producer-retries-override',
    group: 'producer',
    targets: ['config-producer'],
    defaultSeverity: 'info',
    description: 'The producer overrides `retries` with a small count',
    why: 'Since Kafka 2.1 `retries` defaults to 2147483647 and the time spent retrying is bounded by `delivery.timeout.ms` (120 s by default). A small count such as 3 makes sends fail during ordinary leader elections and rolling restarts; `retries=0` also turns idempotence off.',
    howToFix: 'Remove `retries` and bound retrying with `delivery.timeout.ms` instead.',
    fixable: true,
    docsUrl: docsUrl('producer-retries-override'),
    sources: ['https://kafka.apache.org/documentation/#producerconfigs_retries', 'https://kafka.apache.org/documentation/#producerconfigs_delivery.timeout.ms', 'KIP-91'],
  },
  config(set, ctx) {
    const e = set.get('retries');
    const n = intValue(e);
    if (!e || n === undefined || n >= MAX_INT || n < 0) return;
    if (versionBelow(ctx.versions.kafka.value, '2.1')) return;
    const edit = removeEntryEdit(set, e, ctx.file);
    const fix = edit ? { title: 'Remove retries (use delivery.timeout.ms)', edits: [edit] } : undefined;
    if (n === 0) {
      ctx.report({
        range: e.valueRange,
        severity: 'warning',
        message: `${assign(e)} fails a send on the first transient error (leader election, rolling restart) and turns idempotence off. Remove it; delivery.timeout.ms bounds retries.`,
        fix,
      });
      return;
    }
    ctx.report({
      range: e.valueRange,
      message: `${assign(e)} caps retries below the default (2147483647): sends can fail during an ordinary leader election. Remove it and bound retrying with delivery.timeout.ms (120000 ms by default).`,
      fix,
    });
  },
});
