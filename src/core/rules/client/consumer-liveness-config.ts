import { defineRule, docsUrl } from '../types';
import { assign, effectiveInt, isStreams, textValue } from './helpers';

/** Broker defaults of `group.min.session.timeout.ms` / `group.max.session.timeout.ms`. */
const BROKER_MIN_SESSION = 6000;
const BROKER_MAX_SESSION = 1800000;
const DEFAULT_MAX_POLL_RECORDS = 500;
const DEFAULT_MAX_POLL_INTERVAL = 300000;

export default defineRule({
  meta: {
    id: 'consumer-liveness-config',
    group: 'consumer',
    targets: ['config-consumer'],
    defaultSeverity: 'error',
    description: 'Heartbeat, session and poll settings that make a consumer group rebalance or fail to start',
    why: 'The classic group protocol needs `heartbeat.interval.ms` below `session.timeout.ms` (the consumer refuses to start otherwise), and Kafka recommends at most a third of it so a couple of missed heartbeats do not evict the member. A `session.timeout.ms` outside the broker bounds (`group.min.session.timeout.ms` 6000 and `group.max.session.timeout.ms` 1800000 by default) is rejected when the consumer joins. A much larger `max.poll.records` with the default `max.poll.interval.ms` makes a slow batch exceed the poll interval, which triggers endless rebalances and CommitFailedException.',
    howToFix: 'Keep `heartbeat.interval.ms` at most a third of `session.timeout.ms`; keep the session timeout within the broker bounds; when raising `max.poll.records`, raise `max.poll.interval.ms` too or keep batches small.',
    fixable: false,
    docsUrl: docsUrl('consumer-liveness-config'),
    sources: [
      'https://kafka.apache.org/documentation/#consumerconfigs_heartbeat.interval.ms',
      'https://kafka.apache.org/documentation/#consumerconfigs_session.timeout.ms',
      'https://kafka.apache.org/documentation/#consumerconfigs_max.poll.records',
      'https://kafka.apache.org/documentation/#brokerconfigs_group.min.session.timeout.ms',
      'KIP-735',
    ],
  },
  config(set, ctx) {
    if (isStreams(set)) return;
    const kafka = ctx.versions.kafka.value;
    // With the KIP-848 protocol the broker owns session and heartbeat settings.
    const classic = (textValue(set.get('group.protocol')) ?? 'classic').toLowerCase() === 'classic';
    if (classic) {
      const hb = effectiveInt(set, 'consumer', 'heartbeat.interval.ms', kafka);
      const session = effectiveInt(set, 'consumer', 'session.timeout.ms', kafka);
      if ((hb.explicit || session.explicit) && hb.value !== undefined && session.value !== undefined) {
        const where = hb.entry ?? session.entry!;
        const sessionText = `session.timeout.ms (${session.value}${session.explicit ? '' : `, the default for Kafka ${kafka}`})`;
        const hbText = `heartbeat.interval.ms (${hb.value}${hb.explicit ? '' : ', the default'})`;
        const related = hb.entry && session.entry ? [{ file: set.file, range: session.entry.keyRange, message: 'session.timeout.ms is set here' }] : undefined;
        if (hb.value >= session.value) {
          ctx.report({ range: where.valueRange, message: `${hbText} must be lower than ${sessionText}: the consumer fails to start ("Heartbeat must be set lower than the session timeout"). Use at most a third of the session timeout.`, related });
        } else if (hb.value * 3 > session.value) {
          ctx.report({ range: where.valueRange, severity: 'warning', message: `${hbText} is more than a third of ${sessionText}: one or two delayed heartbeats evict the member and rebalance the group. Use at most ${Math.floor(session.value / 3)}.`, related });
        }
      }
      if (session.explicit && session.entry && session.value !== undefined && (session.value < BROKER_MIN_SESSION || session.value > BROKER_MAX_SESSION)) {
        const low = session.value < BROKER_MIN_SESSION;
        ctx.report({
          range: session.entry.valueRange,
          severity: 'warning',
          message: `${assign(session.entry)} is ${low ? 'below the broker default group.min.session.timeout.ms (6000)' : 'above the broker default group.max.session.timeout.ms (1800000)'}: the broker rejects the join with InvalidSessionTimeoutException unless it was reconfigured.`,
        });
      }
    }
    const records = effectiveInt(set, 'consumer', 'max.poll.records', kafka);
    const interval = effectiveInt(set, 'consumer', 'max.poll.interval.ms', kafka);
    if (records.explicit && records.entry && records.value !== undefined && records.value > DEFAULT_MAX_POLL_RECORDS * 2 && (interval.value ?? DEFAULT_MAX_POLL_INTERVAL) <= DEFAULT_MAX_POLL_INTERVAL) {
      const perRecord = Math.floor((interval.value ?? DEFAULT_MAX_POLL_INTERVAL) / records.value);
      ctx.report({
        range: records.entry.valueRange,
        severity: 'info',
        message: `${assign(records.entry)} with max.poll.interval.ms=${interval.value ?? DEFAULT_MAX_POLL_INTERVAL}${interval.explicit ? '' : ' (default)'} leaves ${perRecord} ms per record: a slower batch exceeds the poll interval, the member is removed and the group rebalances (CommitFailedException). Raise max.poll.interval.ms or lower max.poll.records.`,
      });
    }
  },
});
