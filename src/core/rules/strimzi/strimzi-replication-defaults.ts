import type { Fix, TextEdit } from '../../model';
import type { Resource } from '../../resource';
import { versionBelow, type Versions } from '../../versions';
import { countNodes, type WorkspaceIndex } from '../../workspace';
import { defineRule, docsUrl } from '../types';
import { num } from './util';

const CONFIG = ['spec', 'kafka', 'config'];
const RF = 'default.replication.factor';
const MIN_ISR = 'min.insync.replicas';

/**
 * B, the number of brokers: from the cluster's KafkaNodePools in the workspace, or from the legacy
 * `spec.kafka.replicas` on Strimzi < 0.46 without node pools. Undefined when we cannot know.
 */
export function brokerCount(kafka: Resource, index: WorkspaceIndex, versions: Versions): { count: number; from: string } | undefined {
  const pools = countNodes(index, kafka, 'broker');
  if (pools !== undefined) return { count: pools, from: 'its KafkaNodePools' };
  if (versionBelow(versions.strimzi.value, '0.46') && kafka.annotations['strimzi.io/node-pools'] !== 'enabled') {
    const n = num(kafka.get(['spec', 'kafka', 'replicas']));
    if (n !== undefined) return { count: n, from: 'spec.kafka.replicas' };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'strimzi-replication-defaults',
    group: 'strimzi',
    targets: ['strimzi-kafka'],
    defaultSeverity: 'warning',
    description: 'Broker defaults `default.replication.factor` / `min.insync.replicas` are missing or inconsistent for a multi-broker cluster',
    why: 'Both default to 1 in Kafka. On a multi-broker cluster new topics then have a single replica (one broker loss loses their data) and `acks=all` waits only for the leader. A `min.insync.replicas` equal to the replication factor blocks writes whenever one replica is down (every rolling restart); a larger one makes topics that use the default unwritable with `acks=all`. Strimzi itself warns about the missing keys in the Kafka status.',
    howToFix: 'Set `default.replication.factor: 3` and `min.insync.replicas: 2` in `spec.kafka.config` for clusters with three or more brokers; in general keep `min.insync.replicas` below the replication factor.',
    fixable: true,
    docsUrl: docsUrl('strimzi-replication-defaults'),
    sources: [
      'strimzi/strimzi-kafka-operator@1.2.0:cluster-operator/src/main/java/io/strimzi/operator/cluster/model/KafkaSpecChecker.java',
      'https://strimzi.io/docs/operators/latest/deploying (min.insync.replicas warning)',
      'apache/kafka@trunk:clients/src/main/java/org/apache/kafka/common/config/TopicConfig.java',
    ],
  },
  resource(kafka, ctx) {
    if (!kafka.has(['spec', 'kafka'])) return;
    const doc = kafka.doc;
    const entries = new Map(doc.entries(CONFIG).map((e) => [e.key, e]));
    const rfEntry = entries.get(RF);
    const isrEntry = entries.get(MIN_ISR);
    const rf = rfEntry ? num(rfEntry.value) : undefined;
    const isr = isrEntry ? num(isrEntry.value) : undefined;
    const b = brokerCount(kafka, ctx.index, ctx.versions);
    const anchor = kafka.keyRange(CONFIG) ?? kafka.rangeOf(['spec', 'kafka']);

    // Missing keys: only when we know there is more than one broker.
    if (b && b.count > 1) {
      const want = Math.max(1, Math.min(2, (rf ?? Math.min(3, b.count)) - 1));
      const missing: [string, string][] = [];
      if (!rfEntry) missing.push([RF, String(Math.min(3, b.count))]);
      if (!isrEntry) missing.push([MIN_ISR, String(want)]);
      const fix = b.count >= 3 && (rfEntry === undefined || (rf !== undefined && rf >= 3)) ? insertAll(kafka, missing) : undefined;
      if (!rfEntry) {
        ctx.report({
          range: anchor,
          message: `${RF} is not set, so topics created without an explicit replication factor get 1 replica (Kafka's default) on this ${b.count}-broker cluster (from ${b.from}); losing one broker loses their data. Add ${RF}: ${Math.min(3, b.count)}.`,
          fix,
        });
      }
      if (!isrEntry) {
        ctx.report({
          range: anchor,
          message: `${MIN_ISR} is not set (Kafka's default is 1), so acks=all is acknowledged by the leader alone on this ${b.count}-broker cluster (from ${b.from}). Add ${MIN_ISR}: ${want}.`,
          fix,
        });
      }
    }
    if (!isrEntry || isr === undefined) return;

    const effectiveRf = rfEntry ? rf : 1;
    if (effectiveRf === undefined) return; // dynamic or malformed replication factor
    const isrRange = isrEntry.valueRange;
    if (isr > effectiveRf) {
      const target = Math.max(1, effectiveRf - 1);
      const edit = doc.setValueEdit([...CONFIG, MIN_ISR], String(target));
      ctx.report({
        range: isrRange,
        severity: 'error',
        message: `${MIN_ISR} ${isr} is greater than ${rfEntry ? `${RF} ${effectiveRf}` : `the replication factor new topics get (${RF} is not set: 1)`}: topics that use the default can never be written with acks=all (NotEnoughReplicas). Keep ${MIN_ISR} below the replication factor.`,
        suggestions: edit ? [{ title: `Set ${MIN_ISR} to ${target}`, edits: [edit] }] : undefined,
      });
      return;
    }
    if (isr === effectiveRf && effectiveRf > 1) {
      const edit = doc.setValueEdit([...CONFIG, MIN_ISR], String(effectiveRf - 1));
      ctx.report({
        range: isrRange,
        message: `${MIN_ISR} ${isr} equals ${RF}: with acks=all, writes fail whenever one replica is down, e.g. during every rolling restart. Use ${MIN_ISR}: ${effectiveRf - 1}.`,
        fix: edit ? { title: `Set ${MIN_ISR} to ${effectiveRf - 1}`, edits: [edit] } : undefined,
      });
      return;
    }
    if (b && b.count >= 3 && isr < 2) {
      const canFix = effectiveRf >= 3;
      const edit = canFix ? doc.setValueEdit([...CONFIG, MIN_ISR], '2') : undefined;
      ctx.report({
        range: isrRange,
        message: `${MIN_ISR} ${isr} on a ${b.count}-broker cluster (from ${b.from}) lets acks=all be acknowledged by the leader alone; a leader failure then loses acknowledged writes. Use ${MIN_ISR}: 2${canFix ? '' : ` with ${RF} of at least 3`}.`,
        fix: edit ? { title: `Set ${MIN_ISR} to 2`, edits: [edit] } : undefined,
      });
    }
  },
});

/** One edit inserting several keys into `spec.kafka.config` (shared by the findings it fixes). */
function insertAll(kafka: Resource, keys: readonly [string, string][]): Fix | undefined {
  if (keys.length === 0) return undefined;
  const first = kafka.doc.insertKeyEdit(CONFIG, keys[0][0], keys[0][1]);
  if (!first) return undefined;
  let edit: TextEdit = first;
  if (keys.length > 1) {
    if (!first.newText.startsWith('\n')) return undefined;
    const lastLine = first.newText.slice(first.newText.lastIndexOf('\n') + 1);
    const indent = lastLine.slice(0, lastLine.length - lastLine.trimStart().length);
    edit = { range: first.range, newText: first.newText + keys.slice(1).map(([k, v]) => `\n${indent}${k}: ${v}`).join('') };
  }
  return { title: `Add ${keys.map(([k, v]) => `${k}: ${v}`).join(', ')}`, edits: [edit] };
}
