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

/** The v1beta2 → v1 schema diff of one kind as a tree of property names, so a resource is walked once. */
interface DiffNode {
  readonly children: Map<string, { readonly array: boolean; readonly node: DiffNode }>;
  /** The property at this node does not exist in v1. */
  removed: boolean;
  /** Enum values of this property that v1 dropped. */
  removedValues?: readonly string[];
  /** Properties of this object that v1 requires. */
  readonly required: string[];
}

const trees = new Map<string, DiffNode | undefined>();

function newNode(): DiffNode {
  return { children: new Map(), removed: false, required: [] };
}

/** Adds `.spec.kafka.listeners[].authentication` to the tree and returns its node. */
function nodeAt(root: DiffNode, path: string): DiffNode {
  let n = root;
  for (const seg of path.split('.').filter(Boolean)) {
    const array = seg.endsWith('[]');
    const key = array ? seg.slice(0, -2) : seg;
    let c = n.children.get(key);
    if (!c) n.children.set(key, (c = { array, node: newNode() }));
    n = c.node;
  }
  return n;
}

function diffTree(kind: string): DiffNode | undefined {
  if (trees.has(kind)) return trees.get(kind);
  const d = strimziFacts.v1beta2ToV1SchemaDiff.byKind[kind] as
    | { removedInV1?: readonly string[]; enumChangesV1beta2ToV1?: Record<string, { removedValues: readonly string[] }>; newlyRequiredInV1?: readonly string[] }
    | undefined;
  let root: DiffNode | undefined;
  if (d) {
    root = newNode();
    for (const p of d.removedInV1 ?? []) nodeAt(root, p).removed = true;
    for (const [p, ch] of Object.entries(d.enumChangesV1beta2ToV1 ?? {})) nodeAt(root, p).removedValues = ch.removedValues;
    for (const p of d.newlyRequiredInV1 ?? []) {
      const dot = p.lastIndexOf('.');
      nodeAt(root, p.slice(0, dot)).required.push(p.slice(dot + 1));
    }
  }
  trees.set(kind, root);
  return root;
}

/** What keeps a v1beta2 resource from being valid v1, from the 0.51.0 schema diff (undefined for a kind it does not cover). */
export function v1Blockers(r: Resource): string[] | undefined {
  const tree = diffTree(r.kind);
  if (!tree) return undefined;
  const out: string[] = [];
  walk(tree, r.doc.value, '', out);
  return out;
}

function walk(node: DiffNode, v: unknown, at: string, out: string[]): void {
  if (node.removedValues && typeof v === 'string' && node.removedValues.includes(v)) out.push(`${at}: ${v}`);
  if (!isObj(v)) return;
  for (const [key, c] of node.children) {
    const x = v[key];
    if (x === undefined) continue;
    const here = at ? `${at}.${key}` : key;
    if (c.array) {
      if (Array.isArray(x)) x.forEach((item, i) => (c.node.removed ? out.push(`${here}[${i}]`) : walk(c.node, item, `${here}[${i}]`, out)));
    } else if (c.node.removed) out.push(here);
    else walk(c.node, x, here, out);
  }
  for (const leaf of node.required) if (v[leaf] === undefined) out.push(`${at ? `${at}.` : ''}${leaf} (required in v1)`);
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
