import { kafkaTriggers } from '../keda/triggers';
import { podSpecPath } from '../../workspace';
import { defineRule, docsUrl } from '../types';
import { closeNames } from '../keda/triggers';
import { containerEnv, notFound, relatedAt, scaleTarget, where } from './util';

export default defineRule({
  meta: {
    id: 'keda-scale-target-not-found',
    group: 'cross-resource',
    targets: ['keda-scaledobject'],
    defaultSeverity: 'error',
    description: "A ScaledObject's scale target is not in the workspace, or a `…FromEnv` parameter names an env var the target's container lacks",
    why: 'KEDA scales the workload named by `scaleTargetRef` (kind Deployment unless set) in the ScaledObject\'s namespace. `…FromEnv` trigger parameters are read from the environment of the target\'s container (`envSourceContainerName`, default the first container): a variable that is not there resolves to an empty value, e.g. a missing required `consumerGroup`. A workspace without any workload manifests is not checked for the target (the applications live elsewhere).',
    howToFix: 'Fix `scaleTargetRef.name`/`kind`, or add the environment variable to the container (or point `envSourceContainerName` at the right container).',
    fixable: false,
    crossFile: true,
    docsUrl: docsUrl('keda-scale-target-not-found'),
    sources: ['https://keda.sh/docs/2.20/reference/scaledobject-spec/', 'https://keda.sh/docs/2.20/concepts/scaling-deployments/'],
  },
  resource(so, ctx) {
    const st = scaleTarget(so, ctx.index);
    if (st.name === undefined) return;
    if (!st.target) {
      if (st.candidates.length > 1) return;
      const workloads = ctx.index.resources('k8s-workload');
      if (workloads.length === 0) return; // the workspace holds no workloads at all: the apps live elsewhere
      const close = closeNames(st.name, workloads.filter((w) => w.kind === st.kind).map((w) => w.name ?? ''));
      ctx.report({
        range: so.valueRange(['spec', 'scaleTargetRef', 'name']) ?? so.doc.headRange(),
        severity: notFound(ctx, 'warning'),
        message: `No ${st.kind} named '${st.name}'${so.namespace ? ` in namespace '${so.namespace}'` : ''} in this workspace${close.length ? ` (did you mean '${close[0]}'?)` : ''}: KEDA cannot scale a workload that does not exist.`,
      });
      return;
    }
    const w = st.target;
    const cname = so.get(['spec', 'scaleTargetRef', 'envSourceContainerName']);
    const env = containerEnv(w, typeof cname === 'string' ? cname : undefined);
    if (!env.container || env.hasEnvFrom) return; // env from ConfigMaps/Secrets: cannot tell
    for (const t of kafkaTriggers(so)) {
      for (const e of t.entries) {
        if (!e.key.endsWith('FromEnv') || !e.scalar || e.templated || !e.value) continue;
        if (env.env.has(e.value)) continue;
        const names = [...env.env.keys()];
        const close = closeNames(e.value, names);
        ctx.report({
          range: e.valueRange,
          message: `${e.key} names env var '${e.value}', but container '${String(env.container.name ?? env.index)}' of ${where(w, so.file)} has no such variable${close.length ? ` (did you mean '${close[0]}'?)` : ''}: KEDA resolves it to an empty value.`,
          related: [relatedAt(w, [...podSpecPath(w), 'containers', env.index, env.env.size ? 'env' : 'name'], `Container of ${w.displayName}`)],
        });
      }
    }
  },
});
