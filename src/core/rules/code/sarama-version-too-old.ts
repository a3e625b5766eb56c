import { tokenize } from '../../parse/code';
import { compareVersions, versionBelow } from '../../versions';
import { kafkaTriggers } from '../keda/triggers';
import { defineRule, docsUrl } from '../types';

/** The oldest protocol baseline Kafka 4.x brokers still serve (KIP-896). */
const BASELINE = '2.1.0';

/** `sarama.V2_8_0_0` → `2.8.0`; `sarama.V0_10_2_1` → `0.10.2`. */
function saramaConstantVersion(text: string): string | undefined {
  const m = /^sarama\.V(\d+)_(\d+)_(\d+)_\d+$/.exec(text);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
}

/**
 * sarama speaks the protocol of its configured Kafka version: one older than 2.1 makes it send request versions
 * Kafka 4 no longer serves. Checked in Go code (`cfg.Version = sarama.V…`) and on KEDA `kafka` triggers (sarama inside
 * KEDA; `version` defaults to 1.0.0 there).
 */
export default defineRule({
  meta: {
    id: 'sarama-version-too-old',
    group: 'client',
    targets: ['keda-scaledobject', 'keda-scaledjob'],
    defaultSeverity: 'error',
    description: 'A sarama client (Go code or a KEDA kafka trigger) is set to a Kafka protocol version older than 2.1 while the brokers run Kafka 4',
    why: 'Kafka 4.0 removed the request versions older than the Kafka 2.1 baseline (KIP-896). sarama picks request versions from its configured Kafka version, so a client pinned below 2.1 sends requests a Kafka 4 broker rejects: producers and consumers fail, and a KEDA `kafka` trigger cannot read lag, so the workload stops scaling. The KEDA `kafka` scaler pins sarama to 1.0.0 when the trigger has no `version`, which is reported as information.',
    howToFix: 'Set the version to your brokers\' Kafka version, or at least 2.1.0: `cfg.Version = sarama.V2_1_0_0` (or newer) in Go, `version: "3.9.0"` (for example) in the KEDA trigger metadata, or use the `apache-kafka` trigger, which does not use sarama.',
    fixable: false,
    docsUrl: docsUrl('sarama-version-too-old'),
    sources: ['https://cwiki.apache.org/confluence/display/KAFKA/KIP-896%3A+Remove+old+client+protocol+API+versions+in+Kafka+4.0', 'https://keda.sh/docs/2.20/scalers/apache-kafka/', 'https://pkg.go.dev/github.com/IBM/sarama#Config'],
  },
  file(file, ctx) {
    if (file.kind !== 'client-code' || !/\.go$/i.test(file.path)) return;
    const kafka = ctx.versions.kafka;
    if (versionBelow(kafka.value, '4.0')) return;
    const toks = tokenize(file.text, 'go');
    for (let i = 0; i + 2 < toks.length; i++) {
      const t = toks[i];
      if (t.kind !== 'ident' || !/\.Version$/.test(t.text) || toks[i + 1].text !== '=' || toks[i + 2].text === '=') continue;
      const v = toks[i + 2];
      const version = saramaConstantVersion(v.text);
      if (!version || compareVersions(version, BASELINE) >= 0) continue;
      ctx.report({
        range: file.lines.range(v.start, v.end),
        message: `${v.text} makes sarama speak Kafka ${version}'s protocol, older than the 2.1 baseline that Kafka ${kafka.value} still serves (KIP-896): requests fail. Use sarama.V2_1_0_0 or newer.`,
        suggestions: [{ title: 'Use sarama.V2_1_0_0', edits: [{ range: file.lines.range(v.start, v.end), newText: 'sarama.V2_1_0_0' }] }],
      });
    }
  },
  resource(so, ctx) {
    const kafka = ctx.versions.kafka;
    if (versionBelow(kafka.value, '4.0')) return;
    for (const t of kafkaTriggers(so)) {
      if (t.type !== 'kafka') continue;
      const e = t.get('version');
      if (!e) {
        ctx.report({
          range: t.anchor,
          severity: 'info',
          message: `${t.label} sets no version, so the KEDA kafka scaler pins sarama to Kafka 1.0.0's protocol, older than the 2.1 baseline Kafka ${kafka.value} serves (KIP-896); lag queries may fail. Set version to your brokers' Kafka version.`,
        });
        continue;
      }
      if (e.templated || !/^\d+\.\d+\.\d+$/.test(e.value) || compareVersions(e.value, BASELINE) >= 0) continue;
      const edit = t.setEdit('version', BASELINE);
      ctx.report({
        range: e.valueRange,
        message: `${t.label} pins sarama to Kafka ${e.value}'s protocol, older than the 2.1 baseline Kafka ${kafka.value} still serves (KIP-896): KEDA cannot read the lag and the workload stops scaling. Use your brokers' version (at least ${BASELINE}).`,
        suggestions: edit ? [{ title: `Use version ${BASELINE}`, edits: [edit] }] : undefined,
      });
    }
  },
});
