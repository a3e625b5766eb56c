import { strimziFacts } from '../../data/index';
import type { Fix, TextEdit } from '../../model';
import type { Resource } from '../../resource';
import { versionAtLeast } from '../../versions';
import { defineRule, docsUrl, type RuleContext } from '../types';
import { isDynamicAt, isObj, listenerLabel, listeners, assumedStrimzi } from './util';

type Path = (string | number)[];

export default defineRule({
  meta: {
    id: 'strimzi-deprecated-api',
    group: 'strimzi',
    targets: ['strimzi-any'],
    defaultSeverity: 'error',
    description: 'Removed or deprecated Strimzi APIs: `v1beta2` (and older) apiVersions, fields that moved to node pools, old authentication and authorization types, KafkaMirrorMaker',
    why: 'Strimzi 0.49 introduced `kafka.strimzi.io/v1` and 1.0 removed `v1beta2`, `v1beta1` and `v1alpha1`: the API server no longer accepts resources written against them. Several fields did not make it into `v1`: `spec.kafka.replicas` and `spec.kafka.storage` (ignored since node pools, 0.46), `spec.kafka.resources`, `spec.zookeeper`, `oauth` authentication, `keycloak`/`opa` authorization and KafkaUser `acls[].operation`. The `ingress` listener type is deprecated since 0.51 and KafkaMirrorMaker was removed in 0.46.',
    howToFix: 'Write resources as `apiVersion: kafka.strimzi.io/v1` (the quick fix does it where nothing else must change), move replicas, storage and resources to KafkaNodePools, use `type: custom` for OAuth/Keycloak/OPA, `operations: [...]` in KafkaUser ACLs, and KafkaMirrorMaker2 instead of KafkaMirrorMaker.',
    fixable: true,
    docsUrl: docsUrl('strimzi-deprecated-api'),
    sources: [
      'strimzi/strimzi-kafka-operator@main:CHANGELOG.md (0.46.0, 0.49.0, 0.51.0, 1.0.0)',
      'strimzi/strimzi-kafka-operator@0.49.0:api/src/main/java/io/strimzi/api/kafka/model/kafka/KafkaClusterSpec.java',
      'strimzi/strimzi-kafka-operator@0.51.0:packaging/install/cluster-operator/04x-Crd-*.yaml (v1beta2 vs v1 schemas)',
    ],
  },
  resource(r, ctx) {
    if (r.group !== 'kafka.strimzi.io') return;
    const strimzi = ctx.versions.strimzi.value;
    if (r.kind === 'KafkaMirrorMaker' && versionAtLeast(strimzi, '0.46')) {
      ctx.report({
        range: r.valueRange(['kind']) ?? r.doc.headRange(),
        severity: 'error',
        message: `KafkaMirrorMaker (MirrorMaker 1) was removed in Strimzi 0.46; Strimzi ${strimzi} does not run it. Use KafkaMirrorMaker2.`,
      });
      return;
    }
    checkApiVersion(r, ctx);
    // Fields v1 dropped are errors in a v1 resource; in an older one the apiVersion finding leads.
    const v1 = r.version === 'v1';
    if (r.kind === 'Kafka') checkKafkaFields(r, ctx, v1);
    if (r.kind === 'KafkaUser') checkUserAcls(r, ctx, v1);
    if (r.kind === 'KafkaConnect') checkConnectConfig(r, ctx);
  },
});

function checkApiVersion(r: Resource, ctx: RuleContext): void {
  if (r.version === 'v1' || isDynamicAt(r, ['apiVersion'])) return;
  const strimzi = ctx.versions.strimzi.value;
  let severity: 'error' | 'info';
  if (versionAtLeast(strimzi, '1.0')) severity = 'error';
  else if (versionAtLeast(strimzi, '0.49')) severity = 'info';
  else return; // v1 is not served before 0.49
  const range = r.valueRange(['apiVersion']) ?? r.doc.headRange();
  const known = v1Blockers(r);
  const blockers = known ?? [];
  const edit = r.doc.setValueEdit(['apiVersion'], 'kafka.strimzi.io/v1');
  const fix: Fix | undefined = edit ? { title: 'Change apiVersion to kafka.strimzi.io/v1', edits: [edit] } : undefined;
  const what = severity === 'error' ? `was removed in Strimzi 1.0; Strimzi ${strimzi} serves only kafka.strimzi.io/v1` : `is deprecated in Strimzi ${strimzi} (removed in 1.0); kafka.strimzi.io/v1 is available`;
  const also = known === undefined ? ' Check it against the v1 schema before switching.' : blockers.length > 0 ? ` Before switching, change what v1 no longer has: ${blockers.slice(0, 6).join(', ')}${blockers.length > 6 ? ` and ${blockers.length - 6} more` : ''}.` : ' Nothing else in this resource needs to change.';
  ctx.report({
    range,
    severity,
    message: `${r.apiVersion} ${what}.${also}${severity === 'error' ? assumedStrimzi(ctx.versions) : ''}`,
    ...(known !== undefined && blockers.length === 0 ? { fix } : { suggestions: fix ? [{ ...fix, title: `${fix.title} (then fix the fields v1 rejects)` }] : undefined }),
  });
}

/** What keeps a v1beta2 resource from being valid v1, from the 0.51.0 schema diff (undefined for a kind it does not cover). */
export function v1Blockers(r: Resource): string[] | undefined {
  const diff = strimziFacts.v1beta2ToV1SchemaDiff.byKind[r.kind] as
    | { removedInV1?: readonly string[]; enumChangesV1beta2ToV1?: Record<string, { removedValues: readonly string[] }>; newlyRequiredInV1?: readonly string[] }
    | undefined;
  if (!diff) return undefined;
  const value = r.doc.value;
  const out: string[] = [];
  for (const p of diff.removedInV1 ?? []) for (const at of concrete(value, p)) out.push(at);
  for (const [p, ch] of Object.entries(diff.enumChangesV1beta2ToV1 ?? {})) {
    for (const at of concrete(value, p)) {
      const v = get(value, at);
      if (typeof v === 'string' && ch.removedValues.includes(v)) out.push(`${at}: ${v}`);
    }
  }
  for (const p of diff.newlyRequiredInV1 ?? []) {
    const parent = p.slice(0, p.lastIndexOf('.'));
    const leaf = p.slice(p.lastIndexOf('.') + 1);
    const parents = parent === '' ? ['.'] : concrete(value, parent);
    for (const at of parents) {
      const pv = at === '.' ? value : get(value, at);
      if (isObj(pv) && pv[leaf] === undefined) out.push(`${at === '.' ? '' : at}.${leaf} (required in v1)`);
    }
  }
  return out.map((s) => s.replace(/^\./, ''));
}

/** Expands a diff path such as `.spec.kafka.listeners[].authentication.type` to the concrete paths present. */
function concrete(value: unknown, path: string): string[] {
  const segs = path.split('.').filter(Boolean);
  let cur: { at: string; v: unknown }[] = [{ at: '', v: value }];
  for (const seg of segs) {
    const arr = seg.endsWith('[]');
    const key = arr ? seg.slice(0, -2) : seg;
    const next: { at: string; v: unknown }[] = [];
    for (const c of cur) {
      if (!isObj(c.v) || c.v[key] === undefined) continue;
      const v = c.v[key];
      if (arr) {
        if (Array.isArray(v)) v.forEach((x, i) => next.push({ at: `${c.at}.${key}[${i}]`, v: x }));
      } else next.push({ at: `${c.at}.${key}`, v });
    }
    cur = next;
  }
  return cur.map((c) => c.at);
}

function get(value: unknown, at: string): unknown {
  let cur = value;
  for (const m of at.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[m[1] ?? Number(m[2])];
  }
  return cur;
}

function checkKafkaFields(r: Resource, ctx: RuleContext, v1: boolean): void {
  const strimzi = ctx.versions.strimzi.value;
  const nodePools = versionAtLeast(strimzi, '0.46') || r.annotations['strimzi.io/node-pools'] === 'enabled';
  for (const field of ['replicas', 'storage'] as const) {
    const path: Path = ['spec', 'kafka', field];
    if (!nodePools || !r.has(path)) continue;
    ctx.report({
      range: r.keyRange(path)!,
      severity: v1 ? 'error' : 'warning',
      message: `spec.kafka.${field} is ignored: each KafkaNodePool sets its own ${field}${versionAtLeast(strimzi, '0.46') ? ' (node pools are always used since Strimzi 0.46)' : ''}, and ${v1 ? 'the field does not exist in' : 'the field is removed in'} kafka.strimzi.io/v1. Move it to this cluster's KafkaNodePools and delete it here.`,
    });
  }
  const resources: Path = ['spec', 'kafka', 'resources'];
  if (r.has(resources) && (v1 || versionAtLeast(strimzi, '0.49'))) {
    ctx.report({
      range: r.keyRange(resources)!,
      severity: v1 ? 'error' : 'warning',
      message: `spec.kafka.resources is ${v1 ? 'not part of kafka.strimzi.io/v1' : 'deprecated since Strimzi 0.49 and absent from kafka.strimzi.io/v1'}. Set CPU and memory in each KafkaNodePool's spec.resources.`,
    });
  }
  // Authentication and authorization types without a v1 equivalent.
  const deprecatedSince: Record<string, string> = { oauth: '0.49', keycloak: '0.49', opa: '0.46' };
  for (const l of listeners(r)) {
    if (l.authType === 'oauth') reportType(r, ctx, v1, [...l.path, 'authentication', 'type'], `OAuth authentication on ${listenerLabel(l)}`, deprecatedSince.oauth);
    if (l.type === 'ingress' && versionAtLeast(strimzi, '0.51')) {
      ctx.report({
        range: r.valueRange([...l.path, 'type'])!,
        severity: 'warning',
        message: `The ingress listener type of ${listenerLabel(l)} is deprecated since Strimzi 0.51. Plan a move to tlsroute, loadbalancer or nodeport.`,
      });
    }
  }
  const authz = r.get(['spec', 'kafka', 'authorization', 'type']);
  if (authz === 'keycloak' || authz === 'opa') reportType(r, ctx, v1, ['spec', 'kafka', 'authorization', 'type'], `${authz === 'opa' ? 'OPA' : 'Keycloak'} authorization`, deprecatedSince[authz]);
}

function reportType(r: Resource, ctx: RuleContext, v1: boolean, path: Path, what: string, since: string): void {
  const strimzi = ctx.versions.strimzi.value;
  if (!v1 && !versionAtLeast(strimzi, since)) return;
  ctx.report({
    range: r.valueRange(path)!,
    severity: v1 ? 'error' : 'warning',
    message: `${what} is ${v1 ? 'not available in kafka.strimzi.io/v1' : `deprecated since Strimzi ${since} and removed in kafka.strimzi.io/v1`}. Use type: custom with the equivalent configuration.`,
  });
}

function checkUserAcls(r: Resource, ctx: RuleContext, v1: boolean): void {
  if (!v1 && !versionAtLeast(ctx.versions.strimzi.value, '0.49')) return;
  const acls = r.get(['spec', 'authorization', 'acls']);
  if (!Array.isArray(acls)) return;
  acls.forEach((acl, i) => {
    if (!isObj(acl) || acl.operation === undefined) return;
    const path: Path = ['spec', 'authorization', 'acls', i, 'operation'];
    const keyRange = r.keyRange(path);
    const valueRange = r.valueRange(path);
    if (!keyRange) return;
    let fix: Fix | undefined;
    if (acl.operations === undefined && typeof acl.operation === 'string' && valueRange) {
      const edits: TextEdit[] = [
        { range: keyRange, newText: 'operations' },
        { range: valueRange, newText: `[${acl.operation}]` },
      ];
      fix = { title: `Use operations: [${acl.operation}]`, edits };
    }
    ctx.report({
      range: keyRange,
      severity: v1 ? 'error' : 'warning',
      message: `acls[].operation is ${v1 ? 'not part of kafka.strimzi.io/v1' : 'deprecated since Strimzi 0.49 and removed in kafka.strimzi.io/v1'}. Use operations: [${typeof acl.operation === 'string' ? acl.operation : '...'}].`,
      fix,
    });
  });
}

const CONNECT_FIELDS: Readonly<Record<string, string>> = {
  'group.id': 'groupId',
  'config.storage.topic': 'configStorageTopic',
  'offset.storage.topic': 'offsetStorageTopic',
  'status.storage.topic': 'statusStorageTopic',
};

/** KafkaConnect `spec.config` keys that v1 replaced by required spec fields (deprecated in 0.49–0.51). */
function checkConnectConfig(r: Resource, ctx: RuleContext): void {
  const strimzi = ctx.versions.strimzi.value;
  if (r.version === 'v1' || !versionAtLeast(strimzi, '0.49') || versionAtLeast(strimzi, '1.0')) return; // v1: strimzi-forbidden-kafka-config
  for (const e of r.doc.entries(['spec', 'config'])) {
    const field = CONNECT_FIELDS[e.key];
    if (!field) continue;
    ctx.report({
      range: e.keyRange,
      severity: 'warning',
      message: `${e.key} in spec.config is deprecated since Strimzi 0.49: kafka.strimzi.io/v1 requires spec.${field} instead and ignores the key. Move the value to spec.${field}.`,
    });
  }
}
