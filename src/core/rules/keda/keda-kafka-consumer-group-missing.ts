import { defineRule, docsUrl } from '../types';
import { kafkaTriggers } from './triggers';

export default defineRule({
  meta: {
    id: 'keda-kafka-consumer-group-missing',
    group: 'keda',
    targets: ['keda-scaledobject', 'keda-scaledjob'],
    defaultSeverity: 'error',
    description: 'A KEDA Kafka trigger has no consumer group',
    why: 'KEDA measures lag as the distance between the log end and the offsets committed by one consumer group; `consumerGroup` is a required parameter of both Kafka scalers. Without it (or with an empty value) the scaler fails to start and the workload is never scaled.',
    howToFix: 'Set `consumerGroup` to the `group.id` your consumers use (or `consumerGroupFromEnv` to the name of an environment variable of the scale target that holds it).',
    fixable: false,
    docsUrl: docsUrl('keda-kafka-consumer-group-missing'),
    sources: ['https://keda.sh/docs/2.20/scalers/apache-kafka/', 'kedacore/keda@v2.20.2:pkg/scalers/kafka_scaler.go'],
  },
  resource(resource, ctx) {
    for (const t of kafkaTriggers(resource)) {
      if (t.isSet('consumerGroup')) continue;
      const empty = t.entry('consumerGroup') ?? t.entry('consumerGroupFromEnv');
      ctx.report({
        range: empty ? empty.valueRange : t.anchor,
        message: empty
          ? `${empty.key} is empty, and KEDA treats an empty value as missing: the ${t.type} trigger needs the consumer group whose lag it measures. Set it to your consumers' group.id.`
          : `${t.label} (${t.type}) has no consumerGroup: KEDA measures the lag of one consumer group and rejects the trigger without it. Add consumerGroup (your consumers' group.id) or consumerGroupFromEnv.`,
      });
    }
  },
});
