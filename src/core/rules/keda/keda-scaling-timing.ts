import type { TextEdit } from '../../model';
import type { Resource } from '../../resource';
import { defineRule, docsUrl } from '../types';
import { replicaSettings } from './triggers';

const HPA = ['spec', 'advanced', 'horizontalPodAutoscalerConfig'] as const;

/** An edit that adds `behavior.scaleDown.stabilizationWindowSeconds: 300` at the first missing level. */
function scaleDownEdit(r: Resource): TextEdit | undefined {
  const levels: [readonly (string | number)[], string, string][] = [
    [['spec'], 'advanced', '\n  horizontalPodAutoscalerConfig:\n    behavior:\n      scaleDown:\n        stabilizationWindowSeconds: 300'],
    [['spec', 'advanced'], 'horizontalPodAutoscalerConfig', '\n  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 300'],
    [[...HPA], 'behavior', '\n  scaleDown:\n    stabilizationWindowSeconds: 300'],
    [[...HPA, 'behavior'], 'scaleDown', '\n  stabilizationWindowSeconds: 300'],
  ];
  for (const [parent, key, text] of levels) {
    const p = r.get(parent);
    if (!p || typeof p !== 'object' || Array.isArray(p)) return undefined;
    if ((p as Record<string, unknown>)[key] === undefined) {
      return Object.keys(p).length > 0 ? r.doc.insertKeyEdit(parent, key, text) : undefined;
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'keda-scaling-timing',
    group: 'keda',
    targets: ['keda-scaledobject'],
    defaultSeverity: 'hint',
    description: 'Scaling timing is set where it has no effect, or left to defaults that may flap',
    why: '`cooldownPeriod` (default 300 s) only applies when KEDA scales the target to zero; scaling between 1 and N replicas is done by the HPA KEDA creates, which uses its own scale-down stabilization window (300 s by default) from `advanced.horizontalPodAutoscalerConfig.behavior`. `pollingInterval` (default 30 s) mostly decides how fast KEDA wakes a workload from zero; very short intervals load the Kafka cluster with offset queries, very long ones delay activation.',
    howToFix: 'Tune scale-down with `advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds` (and `policies`); keep `cooldownPeriod` for scale-to-zero; keep `pollingInterval` between 5 and 60 seconds.',
    fixable: false,
    docsUrl: docsUrl('keda-scaling-timing'),
    sources: ['https://keda.sh/docs/2.20/reference/scaledobject-spec/', 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#default-behavior'],
  },
  resource(resource, ctx) {
    const s = replicaSettings(resource);
    const cooldown = resource.get(['spec', 'cooldownPeriod']);
    if (cooldown !== undefined && cooldown !== null && s.min !== undefined && s.min >= 1 && !s.idleSet) {
      ctx.report({
        range: resource.keyRange(['spec', 'cooldownPeriod'])!,
        message: `cooldownPeriod has no effect here: it only delays scaling to zero, and minReplicaCount is ${s.min}. Scale-down from N replicas follows the HPA's behavior.scaleDown (default stabilization window 300 s).`,
      });
    }
    const poll = resource.get(['spec', 'pollingInterval']);
    if (typeof poll === 'number' && (poll < 5 || poll > 60)) {
      ctx.report({
        range: resource.valueRange(['spec', 'pollingInterval'])!,
        message:
          poll < 5
            ? `pollingInterval ${poll} s makes KEDA query Kafka offsets every ${poll} s for little gain; it mainly drives activation from zero. Consider 5–30 s.`
            : `pollingInterval ${poll} s delays waking the workload from zero by up to ${poll} s. Consider 5–60 s.`,
      });
    }
    const scalesOut = s.max === undefined || s.min === undefined || s.max > Math.max(1, s.min);
    const scaleDown = resource.get([...HPA, 'behavior', 'scaleDown']);
    if (scalesOut && (scaleDown === undefined || scaleDown === null) && resource.has(['spec', 'scaleTargetRef'])) {
      const edit = scaleDownEdit(resource);
      ctx.report({
        range: resource.keyRange(['spec', 'maxReplicaCount']) ?? resource.keyRange(['spec'])!,
        message:
          'Scale-down between 1 and N replicas is done by the HPA, not by cooldownPeriod; without advanced.horizontalPodAutoscalerConfig.behavior.scaleDown it uses the HPA default (300 s stabilization window). Set behavior.scaleDown.stabilizationWindowSeconds to control flapping.',
        suggestions: edit ? [{ title: 'Add behavior.scaleDown with the default 300 s window, made explicit', edits: [edit] }] : undefined,
      });
    }
  },
});
