import type { Range } from '../../model';
import type { Resource } from '../../resource';
import { defineRule, docsUrl } from '../types';
import { relatedAt } from './util';

interface Expr {
  readonly text: string;
  readonly range: Range;
}

function exprs(rule: Resource): Expr[] {
  const out: Expr[] = [];
  const groups = rule.get(['spec', 'groups']);
  if (!Array.isArray(groups)) return out;
  groups.forEach((g, gi) => {
    const rules = g && typeof g === 'object' ? (g as Record<string, unknown>).rules : undefined;
    if (!Array.isArray(rules)) return;
    rules.forEach((r, ri) => {
      const e = r && typeof r === 'object' ? (r as Record<string, unknown>).expr : undefined;
      const path = ['spec', 'groups', gi, 'rules', ri, 'expr'];
      const range = rule.valueRange(path);
      if (typeof e === 'string' && range) out.push({ text: e, range });
    });
  });
  return out;
}

const EXPORTER = /\bkafka_(consumergroup|topic_partition)_\w*/;
const BROKER = /\bkafka_(server|controller)_\w*/;

export default defineRule({
  meta: {
    id: 'monitoring-metric-source-missing',
    group: 'cross-resource',
    targets: ['prometheus-rule'],
    defaultSeverity: 'warning',
    description: 'A PrometheusRule alerts on Kafka metrics that no Kafka cluster of the workspace exports',
    why: "`kafka_consumergroup_*` and `kafka_topic_partition_*` come from Kafka Exporter (`spec.kafkaExporter`); `kafka_server_*` and `kafka_controller_*` from the brokers' JMX metrics (`spec.kafka.metricsConfig`). Without the source the series never exists and the alert can never fire. When ScaledObjects scale on lag, a lag alert is the safety net for a scaler that stops working.",
    howToFix: 'Enable `spec.kafkaExporter` / `spec.kafka.metricsConfig` on the Kafka CR, or alert on metrics that exist; add a consumer-lag alert when KEDA scales on lag.',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('monitoring-metric-source-missing'),
    sources: ['https://strimzi.io/docs/operators/latest/deploying#assembly-metrics-str', 'strimzi/strimzi-kafka-operator@1.2.0:packaging/examples/metrics/prometheus-install/prometheus-rules.yaml'],
  },
  resource(rule, ctx) {
    const kafkas = ctx.index.resources('strimzi-kafka');
    const list = exprs(rule);
    if (kafkas.length > 0) {
      const noExporter = kafkas.every((k) => k.get(['spec', 'kafkaExporter']) === undefined);
      const noMetrics = kafkas.every((k) => k.get(['spec', 'kafka', 'metricsConfig']) === undefined);
      const related = kafkas.slice(0, 3).map((k) => relatedAt(k, ['spec', 'kafka'], `${k.displayName}`));
      let exporterDone = false;
      let brokerDone = false;
      for (const e of list) {
        const m = EXPORTER.exec(e.text);
        if (m && noExporter && !exporterDone) {
          exporterDone = true;
          ctx.report({ range: e.range, message: `${m[0]} comes from Kafka Exporter, but no Kafka in this workspace enables spec.kafkaExporter: the series never exists and the alert never fires.`, related });
        }
        const b = BROKER.exec(e.text);
        if (b && noMetrics && !brokerDone) {
          brokerDone = true;
          ctx.report({ range: e.range, message: `${b[0]} comes from the brokers' JMX metrics, but no Kafka in this workspace sets spec.kafka.metricsConfig: the series never exists and the alert never fires.`, related });
        }
      }
    }
    // Lag alert for KEDA-scaled consumers: once per workspace, on the first PrometheusRule that uses Kafka metrics.
    const kafkaRules = ctx.index.resources('prometheus-rule').filter((r) => exprs(r).some((e) => /\bkafka_/.test(e.text)));
    if (kafkaRules[0] !== rule) return;
    if (kafkaRules.some((r) => exprs(r).some((e) => /kafka_consumergroup_lag/.test(e.text)))) return;
    const scalers = [...ctx.index.resources('keda-scaledobject'), ...ctx.index.resources('keda-scaledjob')].filter((s) => {
      const t = s.get(['spec', 'triggers']);
      return Array.isArray(t) && t.some((x) => x && typeof x === 'object' && ((x as Record<string, unknown>).type === 'kafka' || (x as Record<string, unknown>).type === 'apache-kafka'));
    });
    if (scalers.length === 0) return;
    ctx.report({
      range: rule.keyRange(['spec', 'groups']) ?? rule.doc.headRange(),
      severity: 'hint',
      message: `${scalers.length} ScaledObject(s) in this workspace scale on Kafka lag (e.g. ${scalers[0].displayName}), but no PrometheusRule alerts on kafka_consumergroup_lag: a scaler that stops working goes unnoticed. Add a lag alert.`,
      related: scalers.slice(0, 3).map((s) => relatedAt(s, ['spec', 'triggers'], `${s.displayName} scales on lag`)),
    });
  },
});
