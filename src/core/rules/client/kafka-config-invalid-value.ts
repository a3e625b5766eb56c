import { kafkaConfigsFor, type KafkaConfigDef, type KafkaConfigRole } from '../../data/index';
import type { ConfigEntry, ConfigSet } from '../../kafka-config';
import type { Fix } from '../../model';
import { defineRule, docsUrl, type RuleContext } from '../types';
import { keyLabel } from './helpers';

/** Keys whose values other rules judge with more context (version-dependent minimums, legacy names). */
const ELSEWHERE = new Set(['auto.offset.reset', 'group.protocol', 'segment.bytes', 'log.segment.bytes']);

const INT_RANGE: Readonly<Record<string, [number, number]>> = {
  short: [-32768, 32767],
  int: [-2147483648, 2147483647],
  long: [-9223372036854775808, 9223372036854775807],
};

function roles(set: ConfigSet): readonly KafkaConfigRole[] {
  switch (set.role) {
    case 'client':
      return ['producer', 'consumer', 'admin'];
    case 'producer':
    case 'consumer':
    case 'admin':
    case 'topic':
    case 'broker':
    case 'connect':
      return [set.role];
    default:
      return [];
  }
}

/** The key's definition in the target Kafka version (none when that version lacks it: kafka-config-unknown-key says so). */
function definition(set: ConfigSet, key: string, kafkaVersion: string): KafkaConfigDef | undefined {
  for (const r of roles(set)) {
    const d = kafkaConfigsFor(r, kafkaVersion).get(key);
    if (d) return d;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'kafka-config-invalid-value',
    group: 'client',
    targets: ['config-producer', 'config-consumer', 'config-admin', 'config-client', 'config-topic', 'config-broker', 'config-connect'],
    defaultSeverity: 'error',
    description: 'A Kafka config value of the wrong type or outside the documented values',
    why: "Kafka validates every config value when a client or broker starts, and every topic config when a topic is created or altered: a value of the wrong type (`linger.ms=5ms`), out of range (`max.poll.records=0`) or not among the allowed values (`compression.type=none` at topic level, where it is `uncompressed`) throws a ConfigException, so the application does not start or the KafkaTopic never becomes ready. Types and allowed values are those of the target Kafka version, from Kafka's config catalogue (the 4.1 docs, updated release by release from the ConfigDefs in the released jars).",
    howToFix: 'Use a value of the documented type and range; the message lists the allowed values.',
    fixable: true,
    docsUrl: docsUrl('kafka-config-invalid-value'),
    sources: ['https://kafka.apache.org/documentation/#configuration'],
  },
  config(set, ctx) {
    if (set.has('connector.class')) return;
    for (const e of set.entries) {
      if (e.dynamic || ELSEWHERE.has(e.key)) continue;
      const def = definition(set, e.key, ctx.versions.kafka.value);
      if (def) check(set, e, def, ctx);
    }
  },
});

function check(set: ConfigSet, e: ConfigEntry, def: KafkaConfigDef, ctx: RuleContext): void {
  const v = e.value.trim();
  const where = set.role === 'topic' ? 'Kafka rejects the topic config' : 'it fails with a ConfigException at startup';
  const name = keyLabel(e);
  const report = (message: string, fix?: Fix) => ctx.report({ range: e.valueRange, message, fix });
  const vv = def.validValues;
  switch (def.type) {
    case 'boolean': {
      if (!/^(true|false)$/i.test(v)) report(`${name}=${v} is not a boolean (true or false): ${where}.`);
      return;
    }
    case 'short':
    case 'int':
    case 'long': {
      if (!/^[-+]?\d+$/.test(v)) {
        report(`${name}=${v || '(empty)'} is not a whole number${/^\d+\s*[a-z]+$/i.test(v) && (e.rawKey.endsWith(e.key) || e.rawKey.endsWith(`[${e.key}]`)) ? ' (Kafka takes no units; the key name gives the unit)' : ''}: ${where}.`);
        return;
      }
      const n = Number(v);
      const [lo, hi] = INT_RANGE[def.type];
      if (n < lo || n > hi) {
        report(`${name}=${v} does not fit in ${def.type === 'int' ? 'an' : 'a'} ${def.type} (${lo} to ${hi}): ${where}.`);
        return;
      }
      range(n);
      return;
    }
    case 'double': {
      if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) {
        report(`${name}=${v || '(empty)'} is not a number: ${where}.`);
        return;
      }
      range(Number(v));
      return;
    }
    case 'string':
    case 'list': {
      if (vv?.kind !== 'enum' || !vv.values) return;
      const items = def.type === 'list' ? v.split(',').map((x) => x.trim()).filter((x) => x !== '') : [v];
      for (const item of items) {
        const exact = vv.values.includes(item);
        const ci = vv.values.find((x) => x.toLowerCase() === item.toLowerCase());
        if (exact || (vv.caseInsensitive && ci)) continue;
        let fix: Fix | undefined;
        let hint = '';
        if (ci && items.length === 1) {
          const edit = set.setEdit(e, ci);
          if (edit) fix = { title: `Set ${e.key} to ${ci}`, edits: [edit] };
          hint = ` Values are case-sensitive: use ${ci}.`;
        } else if (set.role === 'topic' && e.key === 'compression.type' && item === 'none' && items.length === 1) {
          const edit = set.setEdit(e, 'uncompressed');
          if (edit) fix = { title: 'Set compression.type to uncompressed', edits: [edit] };
          hint = " At topic level 'none' is spelled 'uncompressed'.";
        }
        report(`${name}=${v} is not valid${items.length > 1 ? ` ('${item}')` : ''}: ${where}. Allowed: ${vv.values.join(', ')}.${hint}`, fix);
        return;
      }
      return;
    }
    default:
      return;
  }

  function range(n: number): void {
    if (vv?.kind !== 'range') return;
    if (vv.orValues?.map(Number).includes(n)) return;
    const min = vv.min === undefined ? undefined : Number(vv.min);
    const max = vv.max === undefined ? undefined : Number(vv.max);
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      const bounds = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      report(`${name}=${v} is out of range: it must be ${bounds}${vv.orValues?.length ? ` (or ${vv.orValues.join(', ')})` : ''}; ${where}.`);
    }
  }
}
