import { defineRule, docsUrl } from '../types';
import { scaleTarget, where } from './util';

export default defineRule({
  meta: {
    id: 'keda-scale-target-replicas-set',
    group: 'cross-resource',
    targets: ['k8s-workload'],
    defaultSeverity: 'info',
    description: 'A workload scaled by a KEDA ScaledObject also sets spec.replicas',
    why: 'KEDA (through an HPA) owns the replica count of its scale target. A `spec.replicas` in the manifest resets that count on every `kubectl apply` or GitOps sync, so the workload jumps back to the fixed number until the autoscaler corrects it again.',
    howToFix: 'Remove `spec.replicas` from the Deployment/StatefulSet manifest and let KEDA manage it.',
    fixable: true,
    crossFile: true,
    docsUrl: docsUrl('keda-scale-target-replicas-set'),
    sources: ['https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#migrating-deployments-and-statefulsets-to-horizontal-autoscaling'],
  },
  resource(w, ctx) {
    if (w.kind !== 'Deployment' && w.kind !== 'StatefulSet') return;
    if (w.get(['spec', 'replicas']) === undefined || w.name === undefined) return;
    const so = ctx.index.resources('keda-scaledobject').find((s) => {
      const st = scaleTarget(s, ctx.index);
      return st.target === w;
    });
    if (!so) return;
    const edit = w.doc.removeKeyEdit(['spec', 'replicas']);
    ctx.report({
      range: w.keyRange(['spec', 'replicas']) ?? w.doc.headRange(),
      message: `${where(so, w.file)} scales this ${w.kind}, but spec.replicas is set: every apply or GitOps sync resets the replica count KEDA chose. Remove spec.replicas.`,
      fix: edit ? { title: 'Remove spec.replicas', edits: [edit] } : undefined,
      related: [{ file: so.file, range: so.valueRange(['spec', 'scaleTargetRef', 'name']) ?? so.doc.headRange(), message: `${so.displayName} scales this ${w.kind}` }],
    });
  },
});
