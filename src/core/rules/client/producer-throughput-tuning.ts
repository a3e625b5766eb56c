import type { Fix } from '../../model';
import { versionBelow } from '../../versions';
import { defineRule, docsUrl } from '../types';
import { assign, intValue, textValue } from './helpers';

const KIB = 1024;
const MIB = 1024 * 1024;

export default defineRule({
  meta: {
    id: 'producer-throughput-tuning',
    group: 'producer',
    targets: ['config-producer'],
    defaultSeverity: 'info',
    description: 'Producer batching or compression is off or far from the usual range',
    why: 'Batching (`batch.size`, `linger.ms`) and compression are the main levers of producer throughput and broker load. `batch.size=0` turns batching off; very small or very large batches waste requests or memory; `linger.ms=0` sends batches as soon as possible (Kafka 4.0 changed the default to 5 ms because a small linger usually improves both throughput and latency); without compression records travel and are stored uncompressed. These are heuristics, hence the low severity.',
    howToFix: 'Keep `batch.size` between 16 KiB and 1 MiB (default 16384; 32–64 KiB is common), use `linger.ms` of 5–10, and set `compression.type` to `lz4`, `zstd` or `snappy`.',
    fixable: false,
    docsUrl: docsUrl('producer-throughput-tuning'),
    sources: ['https://kafka.apache.org/documentation/#producerconfigs_batch.size', 'https://kafka.apache.org/documentation/#producerconfigs_linger.ms', 'https://kafka.apache.org/documentation/#producerconfigs_compression.type', 'KIP-1030'],
  },
  config(set, ctx) {
    const batch = set.get('batch.size');
    const b = intValue(batch);
    if (batch && b !== undefined && b >= 0) {
      const setTo = (v: number): Fix[] => {
        const edit = set.setEdit(batch, String(v));
        return edit ? [{ title: `Set batch.size to ${v}`, edits: [edit] }] : [];
      };
      if (b === 0) {
        ctx.report({ range: batch.valueRange, severity: 'warning', message: `${assign(batch)} turns batching off: every record is sent in its own request. Use 16384 (the default) or more.`, suggestions: setTo(16384) });
      } else if (b < 16 * KIB) {
        ctx.report({ range: batch.valueRange, message: `${assign(batch)} is below the default 16384 bytes: small batches mean more requests and lower throughput. 16–64 KiB is the usual range.`, suggestions: setTo(16384) });
      } else if (b > MIB) {
        ctx.report({ range: batch.valueRange, message: `${assign(batch)} is above 1 MiB: each partition being produced to allocates a batch of this size from buffer.memory. 16–64 KiB is the usual range.`, suggestions: setTo(65536) });
      }
    }
    const linger = set.get('linger.ms');
    if (linger && intValue(linger) === 0) {
      const kafka4 = !versionBelow(ctx.versions.kafka.value, '4.0');
      const edit = set.setEdit(linger, '5');
      ctx.report({
        range: linger.valueRange,
        message: `linger.ms=0 sends each batch as soon as possible, so batches stay small under load${kafka4 ? ' (the default is 5 since Kafka 4.0)' : ''}. A linger of 5–10 ms usually raises throughput at little latency cost.`,
        suggestions: edit ? [{ title: 'Set linger.ms to 5', edits: [edit] }] : undefined,
      });
    }
    const comp = set.get('compression.type');
    const c = textValue(comp);
    if (comp ? c === 'none' : true) {
      const suggestions: Fix[] = [];
      for (const codec of ['lz4', 'zstd', 'snappy']) {
        const edit = comp ? set.setEdit(comp, codec) : set.insertEdit('compression.type', codec);
        if (edit) suggestions.push({ title: `Set compression.type to ${codec}`, edits: [edit] });
      }
      ctx.report({
        range: comp ? comp.valueRange : set.anchor,
        severity: 'hint',
        message: `${comp ? 'compression.type=none' : 'No compression.type is set (default none)'}: records are sent and stored uncompressed. lz4 or zstd usually cut network and disk use at little CPU cost.`,
        suggestions,
      });
    }
  },
});
