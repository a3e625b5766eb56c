#!/usr/bin/env node
// Generates one JSON schema per (group, version, kind) from the upstream CustomResourceDefinitions in
// ../shared/reference/crds/ (or the folder named by --reference DIR) into schemas/<product>/<version>/,
// plus schemas/catalog.json recording where each schema came from.
// Run: node src/tools/gen-schemas.mjs [--reference DIR] [--out DIR]
//
// What the generator changes relative to the CRD's openAPIV3Schema (recorded in the catalogue as `transforms`):
//  - wraps it into a whole-resource schema: `apiVersion` and `kind` fixed to this resource's values,
//    `metadata` described as a Kubernetes ObjectMeta (our wording);
//  - closes object schemas that list `properties` and neither set `additionalProperties` nor
//    `x-kubernetes-preserve-unknown-fields`, with `additionalProperties: false`: the API server prunes or
//    (with strict field validation, kubectl's default) rejects unknown fields, so a linter must report them.
// Descriptions are kept: hovers and messages use them.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const argRef = process.argv.indexOf('--reference');
const REF = path.resolve(argRef !== -1 ? process.argv[argRef + 1] : path.join('..', 'shared', 'reference'));
const argOut = process.argv.indexOf('--out');
const OUT = path.resolve(argOut !== -1 ? process.argv[argOut + 1] : 'schemas');

/** Upstream releases the CRDs in shared/reference were copied from (see shared/reference/README.md). */
const SOURCES = [
  {
    product: 'Strimzi',
    operatorVersion: '1.2.0',
    dir: 'crds/strimzi',
    out: 'strimzi/1.2.0',
    repo: 'strimzi/strimzi-kafka-operator',
    ref: '1.2.0',
    commit: '6c7b43c4af0db547c10463ba09d1dfa6f5e156a0',
    upstreamDir: 'install/cluster-operator',
  },
  {
    product: 'Strimzi',
    operatorVersion: '0.51.0',
    dir: 'crds/strimzi/0.51.0',
    out: 'strimzi/0.51.0',
    repo: 'strimzi/strimzi-kafka-operator',
    ref: '0.51.0',
    commit: '54081abf97d0e5e524de773b88343756934db1a8',
    upstreamDir: 'install/cluster-operator',
  },
  {
    product: 'KEDA',
    operatorVersion: '2.20.2',
    dir: 'crds/keda',
    out: 'keda/2.20',
    repo: 'kedacore/keda',
    ref: 'v2.20.2',
    commit: '68a5b5028f35b22d50597c69819ab32c4e92f21a',
    upstreamDir: 'config/crd/bases',
  },
];

const OBJECT_META = {
  type: 'object',
  description: 'Standard Kubernetes object metadata: name, namespace, labels and annotations.',
  properties: {
    name: { type: 'string', description: 'Name of the resource, unique within its namespace.' },
    generateName: { type: 'string', description: 'Prefix from which the API server generates a unique name when `name` is not set.' },
    namespace: { type: 'string', description: 'Namespace of the resource; the current namespace of the client when omitted.' },
    labels: { type: 'object', additionalProperties: { type: 'string' }, description: 'Labels: string keys and string values (quote numbers and booleans).' },
    annotations: { type: 'object', additionalProperties: { type: 'string' }, description: 'Annotations: string keys and string values (quote numbers and booleans).' },
    finalizers: { type: 'array', items: { type: 'string' }, description: 'Finalizers that must be removed before the resource is deleted.' },
    ownerReferences: { type: 'array', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, description: 'Objects this resource depends on.' },
    uid: { type: 'string', description: 'Set by the API server.' },
    resourceVersion: { type: 'string', description: 'Set by the API server.' },
    generation: { type: 'integer', description: 'Set by the API server.' },
    creationTimestamp: { type: ['string', 'null'], description: 'Set by the API server.' },
    deletionTimestamp: { type: 'string', description: 'Set by the API server.' },
    deletionGracePeriodSeconds: { type: 'integer', description: 'Set by the API server.' },
    managedFields: { type: 'array', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, description: 'Set by the API server (server-side apply).' },
    selfLink: { type: 'string', description: 'Deprecated; set by old API servers.' },
  },
  additionalProperties: false,
  // The API server needs a name, or a prefix to generate one from.
  anyOf: [{ required: ['name'] }, { required: ['generateName'] }],
};

let closed = 0;
/** Adds `additionalProperties: false` to object schemas that list their properties and do not allow others. */
function close(s) {
  if (!s || typeof s !== 'object') return s;
  if (Array.isArray(s)) return s.map(close);
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v).map(([p, x]) => [p, close(x)]));
    else if (k === 'items' || k === 'additionalProperties' || k === 'not') out[k] = typeof v === 'object' ? close(v) : v;
    else if (k === 'oneOf' || k === 'anyOf' || k === 'allOf') out[k] = v.map(close);
    else out[k] = v;
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true) {
    out.additionalProperties = false;
    closed++;
  }
  return out;
}

function wrap(crd, version, src) {
  const group = crd.spec.group;
  const kind = crd.spec.names.kind;
  const apiVersion = `${group}/${version.name}`;
  const root = close(version.schema.openAPIV3Schema);
  const props = { ...(root.properties ?? {}) };
  props.apiVersion = { type: 'string', enum: [apiVersion], description: props.apiVersion?.description ?? 'The versioned schema of this resource.' };
  props.kind = { type: 'string', enum: [kind], description: props.kind?.description ?? 'The kind of this resource.' };
  props.metadata = OBJECT_META;
  const required = ['apiVersion', 'kind', 'metadata', ...(root.required ?? []).filter((r) => !['apiVersion', 'kind', 'metadata'].includes(r))];
  const { properties: _p, required: _r, ...rest } = root;
  return {
    $comment: `Generated by src/tools/gen-schemas.mjs from ${src.repo}@${src.ref}:${src.upstreamDir} (${src.product} ${src.operatorVersion}), Apache-2.0. Do not edit.`,
    title: `${kind} ${apiVersion} (${src.product} ${src.operatorVersion})`,
    ...rest,
    type: 'object',
    required,
    properties: { apiVersion: props.apiVersion, kind: props.kind, metadata: props.metadata, ...Object.fromEntries(Object.entries(props).filter(([k]) => !['apiVersion', 'kind', 'metadata'].includes(k))) },
    additionalProperties: false,
  };
}

const catalog = {
  $comment:
    'JSON schemas generated from upstream CustomResourceDefinitions; regenerate with `node src/tools/gen-schemas.mjs`. Licence of the upstream CRDs: Apache-2.0.',
  transforms: [
    'wrapped openAPIV3Schema into a whole-resource schema: apiVersion/kind fixed, metadata as Kubernetes ObjectMeta (our wording)',
    'additionalProperties: false on object schemas that list properties and neither set additionalProperties nor x-kubernetes-preserve-unknown-fields (the API server prunes or, with strict field validation, rejects unknown fields)',
  ],
  schemas: [],
};

for (const src of SOURCES) {
  const dir = path.join(REF, src.dir);
  const outDir = path.join(OUT, src.out);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith('.yaml')) continue;
    const crd = YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    const kind = crd.spec.names.kind;
    for (const v of crd.spec.versions) {
      if (!v.schema?.openAPIV3Schema) continue;
      const file = `${src.out}/${kind.toLowerCase()}_${v.name}.json`;
      fs.writeFileSync(path.join(OUT, file), JSON.stringify(wrap(crd, v, src), null, 1) + '\n');
      catalog.schemas.push({
        file,
        product: src.product,
        operatorVersion: src.operatorVersion,
        group: crd.spec.group,
        version: v.name,
        kind,
        plural: crd.spec.names.plural,
        shortNames: crd.spec.names.shortNames ?? [],
        scope: crd.spec.scope,
        served: v.served !== false,
        storage: v.storage === true,
        deprecated: v.deprecated === true,
        ...(v.deprecationWarning ? { deprecationWarning: v.deprecationWarning } : {}),
        ...(kind === 'StrimziPodSet' ? { note: 'operator-internal: created by the Cluster Operator, not by users' } : {}),
        source: { repo: src.repo, ref: src.ref, commit: src.commit, path: `${src.upstreamDir}/${f}` },
        licence: 'Apache-2.0',
      });
    }
  }
}
fs.writeFileSync(path.join(OUT, 'catalog.json'), JSON.stringify(catalog, null, 1) + '\n');
process.stdout.write(`wrote ${catalog.schemas.length} schemas (${closed} object schemas closed) to ${path.relative(process.cwd(), OUT) || '.'}\n`);
