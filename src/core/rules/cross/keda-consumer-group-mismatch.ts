import { kafkaTriggers } from '../keda/triggers';
import { defineRule, docsUrl } from '../types';
import { containerEnv, scaleTarget, where } from './util';

/** Env vars that carry a consumer's group id (Spring Boot relaxed binding and common conventions). */
export const GROUP_ENV_VARS = ['SPRING_KAFKA_CONSUMER_GROUP_ID', 'SPRING_KAFKA_CONSUMER_GROUPID', 'KAFKA_GROUP_ID', 'KAFKA_CONSUMER_GROUP_ID', 'KAFKA_CONSUMER_GROUP', 'CONSUMER_GROUP_ID', 'CONSUMER_GROUP', 'GROUP_ID'];

export default defineRule({
  meta: {
    id: 'keda-consumer-group-mismatch',
    group: 'cross-resource',
    targets: ['keda-scaledobject'],
    defaultSeverity: 'warning',
    description: "A KEDA Kafka trigger's consumerGroup is not the group id of the workload it scales",
    why: 'KEDA scales on the lag of the consumer group named in the trigger. When the scaled workload consumes as another group, KEDA scales it on someone else\'s lag: it stays at the minimum while its own backlog grows, or scales out for nothing. The workload\'s group is read from its container env (`SPRING_KAFKA_CONSUMER_GROUP_ID`, `KAFKA_GROUP_ID`, …).',
    howToFix: "Set the trigger's `consumerGroup` to the workload's group id (or use `consumerGroupFromEnv` with the variable the workload reads).",
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('keda-consumer-group-mismatch'),
    sources: ['https://keda.sh/docs/2.20/scalers/apache-kafka/', 'https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.typesafe-configuration-properties.relaxed-binding.environment-variables'],
  },
  resource(so, ctx) {
    const st = scaleTarget(so, ctx.index);
    const w = st.target;
    if (!w) return;
    const cname = so.get(['spec', 'scaleTargetRef', 'envSourceContainerName']);
    const env = containerEnv(w, typeof cname === 'string' ? cname : undefined);
    const found = GROUP_ENV_VARS.map((n) => ({ n, v: env.env.get(n) })).find((x) => x.v?.value !== undefined);
    if (!found || !found.v?.value || /\$\(|\{\{/.test(found.v.value)) return;
    const group = found.v.value;
    for (const t of kafkaTriggers(so)) {
      const e = t.get('consumerGroup');
      if (!e || e.templated || e.value === group) continue;
      const edit = t.setEdit('consumerGroup', group);
      ctx.report({
        range: e.valueRange,
        message: `${t.label} measures the lag of consumer group '${e.value}', but ${where(w, so.file)} consumes as '${group}' (env ${found.n}): KEDA scales it on another group's lag. Use '${group}'.`,
        suggestions: edit ? [{ title: `Use consumer group '${group}'`, edits: [edit] }] : undefined,
        related: [{ file: w.file, range: w.valueRange([...found.v.path, 'value']) ?? w.doc.headRange(), message: `${w.displayName} sets ${found.n}=${group}` }],
      });
    }
  },
});
