import { defineRule, docsUrl } from '../types';
import { replicaSettings } from './triggers';

export default defineRule({
  meta: {
    id: 'keda-replica-bounds-invalid',
    group: 'keda',
    targets: ['keda-scaledobject', 'keda-scaledjob'],
    defaultSeverity: 'error',
    description: 'minReplicaCount, maxReplicaCount and idleReplicaCount contradict each other',
    why: 'KEDA rejects a ScaledObject whose `minReplicaCount` exceeds `maxReplicaCount` (100 when unset), and one whose `idleReplicaCount` is not strictly below `minReplicaCount`. KEDA only supports `idleReplicaCount: 0`; other values do not behave as an idle level.',
    howToFix: 'Keep `idleReplicaCount` (if any) at 0 and below `minReplicaCount`, and `minReplicaCount` at or below `maxReplicaCount`.',
    fixable: true,
    docsUrl: docsUrl('keda-replica-bounds-invalid'),
    sources: ['https://keda.sh/docs/2.20/reference/scaledobject-spec/', 'kedacore/keda@v2.20.2:apis/keda/v1alpha1/scaledobject_types.go'],
  },
  resource(resource, ctx) {
    const s = replicaSettings(resource);
    const file = resource.file;
    if (s.min !== undefined && s.max !== undefined && s.min > s.max) {
      const maxRange = resource.keyRange(['spec', 'maxReplicaCount']);
      ctx.report({
        range: resource.valueRange(['spec', 'minReplicaCount'])!,
        message: `minReplicaCount ${s.min} is greater than maxReplicaCount ${s.max}${s.maxSet ? '' : ' (the default)'}; KEDA rejects the ScaledObject. Lower minReplicaCount or raise maxReplicaCount.`,
        related: maxRange ? [{ file, range: maxRange, message: `maxReplicaCount is ${s.max}` }] : undefined,
      });
    }
    if (resource.target !== 'keda-scaledobject' || !s.idleSet || s.idle === undefined) return;
    const idleRange = resource.valueRange(['spec', 'idleReplicaCount'])!;
    if (s.min !== undefined && s.idle >= s.min) {
      const minRange = resource.keyRange(['spec', 'minReplicaCount']);
      const edit = s.idle !== 0 && s.min > 0 ? resource.doc.setValueEdit(['spec', 'idleReplicaCount'], '0') : undefined;
      ctx.report({
        range: idleRange,
        message: `idleReplicaCount ${s.idle} must be less than minReplicaCount ${s.min}${s.minSet ? '' : ' (the default)'}; KEDA rejects the ScaledObject. ${s.min === 0 ? 'Set minReplicaCount to 1 or more (idleReplicaCount is the level below it), or remove idleReplicaCount.' : 'Use idleReplicaCount: 0.'}`,
        related: minRange ? [{ file, range: minRange, message: `minReplicaCount is ${s.min}` }] : undefined,
        fix: edit ? { title: 'Set idleReplicaCount to 0', edits: [edit] } : undefined,
      });
    } else if (s.idle !== 0) {
      const edit = resource.doc.setValueEdit(['spec', 'idleReplicaCount'], '0');
      ctx.report({
        range: idleRange,
        severity: 'warning',
        message: `idleReplicaCount ${s.idle} is not supported: KEDA only supports 0 (scale to zero while inactive, to minReplicaCount when active).`,
        fix: edit ? { title: 'Set idleReplicaCount to 0', edits: [edit] } : undefined,
      });
    }
  },
});
