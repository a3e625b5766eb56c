import type { RelatedLocation } from '../../model';
import { defineRule, docsUrl } from '../types';
import { consumersOfGroup, kafkaTriggers } from './triggers';

const DEFAULT_MAX_POLL_RECORDS = 500;

export default defineRule({
  meta: {
    id: 'keda-kafka-lag-threshold-low',
    group: 'keda',
    targets: ['keda-scaledobject'],
    defaultSeverity: 'warning',
    description: 'The KEDA Kafka lag threshold is unset or lower than one poll of the consumer',
    why: 'KEDA exposes the total lag as an AverageValue metric with `lagThreshold` as the target, so the HPA wants about ceil(totalLag / lagThreshold) replicas (capped at the partition count). A threshold below what one pod fetches in a single poll (`max.poll.records`, 500 by default) scales out on momentary backlogs that one pod clears in one poll; every scale event also triggers a consumer-group rebalance, so the workload flaps. When `lagThreshold` is unset KEDA uses 10.',
    howToFix: 'Set `lagThreshold` to the lag one replica can work off in an acceptable time: roughly messages per second per pod × seconds of catch-up you accept, and at least the consumer\'s `max.poll.records`.',
    fixable: false,
    docsUrl: docsUrl('keda-kafka-lag-threshold-low'),
    sources: ['https://keda.sh/docs/2.20/scalers/apache-kafka/', 'kedacore/keda@v2.20.2:pkg/scalers/kafka_scaler.go', 'https://kafka.apache.org/documentation/#consumerconfigs_max.poll.records'],
    crossFile: true,
  },
  resource(resource, ctx) {
    const floor = ctx.settings.thresholds.minLagThreshold ?? 10;
    for (const t of kafkaTriggers(resource)) {
      const lt = t.get('lagThreshold');
      if (lt?.templated) continue;
      const threshold = t.int('lagThreshold', 10);
      if (threshold === undefined || threshold <= 0) continue; // keda-kafka-invalid-metadata
      // The consumer's max.poll.records, when the workspace has the consumer config of this group.
      const group = t.value('consumerGroup');
      let mpr: number | undefined;
      let related: RelatedLocation[] = [];
      if (group) {
        for (const set of consumersOfGroup(ctx.index, group)) {
          const e = set.get('max.poll.records');
          const n = e && !e.dynamic ? Number.parseInt(e.value, 10) : DEFAULT_MAX_POLL_RECORDS;
          if (!Number.isFinite(n)) continue;
          if (mpr === undefined || n < mpr) {
            mpr = n;
            related = [{ file: set.file, range: e ? e.valueRange : set.anchor, message: e ? `max.poll.records is ${n} here` : `consumer config of group '${group}' (max.poll.records defaults to ${n})` }];
          }
        }
      }
      if (mpr !== undefined && threshold < mpr) {
        ctx.report({
          range: lt ? lt.valueRange : t.anchor,
          message: `lagThreshold ${threshold}${lt ? '' : ' (the default)'} is below the ${mpr} records one consumer of group '${group}' fetches per poll (max.poll.records): KEDA adds a replica for every ${threshold} records of lag, scaling out on backlogs one pod clears in one poll and rebalancing each time. Raise lagThreshold to at least ${mpr}.`,
          related,
        });
        continue;
      }
      if (mpr !== undefined) continue;
      if (!lt) {
        ctx.report({
          range: t.anchor,
          severity: 'info',
          message: `${t.label} has no lagThreshold, so KEDA targets a lag of 10 per replica: one more pod for every 10 records of backlog, far less than one poll of a consumer (max.poll.records defaults to ${DEFAULT_MAX_POLL_RECORDS}). Set lagThreshold to the lag one pod can work off in acceptable time.`,
        });
      } else if (threshold < floor) {
        ctx.report({
          range: lt.valueRange,
          severity: 'info',
          message: `lagThreshold ${threshold} adds a replica for every ${threshold} records of lag. Assuming the consumers fetch up to ${DEFAULT_MAX_POLL_RECORDS} records per poll (the max.poll.records default), it scales out on backlogs one pod clears in one poll. Consider a threshold near max.poll.records.`,
        });
      }
    }
  },
});
