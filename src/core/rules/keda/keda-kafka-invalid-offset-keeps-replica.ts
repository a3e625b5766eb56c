import { defineRule, docsUrl } from '../types';
import { canScaleToZero, kafkaTriggers, replicaSettings } from './triggers';

export default defineRule({
  meta: {
    id: 'keda-kafka-invalid-offset-keeps-replica',
    group: 'keda',
    targets: ['keda-scaledobject'],
    defaultSeverity: 'info',
    description: 'A new consumer group keeps one replica running although the ScaledObject scales to zero',
    why: 'For a partition without a committed offset, KEDA reports a lag of 1 when `offsetResetPolicy` is `latest` (the default), unless `scaleToZeroOnInvalidOffset` is "true". A group that has not committed yet (new, or its offsets expired) therefore keeps one replica alive even with no traffic. With `earliest` it reports the whole log as lag instead and may scale out on first deploy.',
    howToFix: 'If the workload should scale to zero before its group first commits, set `scaleToZeroOnInvalidOffset: "true"`. Otherwise this is expected and the finding can be turned off.',
    fixable: false,
    docsUrl: docsUrl('keda-kafka-invalid-offset-keeps-replica'),
    sources: ['https://keda.sh/docs/2.20/scalers/apache-kafka/#new-consumers-and-offset-reset-policy', 'kedacore/keda@v2.20.2:pkg/scalers/kafka_scaler.go'],
  },
  resource(resource, ctx) {
    if (!canScaleToZero(replicaSettings(resource))) return;
    for (const t of kafkaTriggers(resource)) {
      const policy = t.get('offsetResetPolicy');
      if (policy?.templated || (policy && policy.value !== 'latest')) continue;
      const scale = t.get('scaleToZeroOnInvalidOffset');
      if (scale?.templated || t.bool('scaleToZeroOnInvalidOffset') !== false) continue;
      const edit = scale ? t.setEdit('scaleToZeroOnInvalidOffset', 'true') : t.hasMetadata ? t.insertEdit('scaleToZeroOnInvalidOffset', 'true') : undefined;
      ctx.report({
        range: scale ? scale.valueRange : policy ? policy.valueRange : t.anchor,
        message: `While the consumer group has no committed offset, KEDA counts a lag of 1 per partition (offsetResetPolicy latest${policy ? '' : ', the default'}, scaleToZeroOnInvalidOffset false${scale ? '' : ' by default'}), so ${t.label} keeps one replica running instead of scaling to zero. Set scaleToZeroOnInvalidOffset: "true" if that is not wanted.`,
        suggestions: edit ? [{ title: 'Set scaleToZeroOnInvalidOffset to "true"', edits: [edit] }] : undefined,
      });
    }
  },
});
