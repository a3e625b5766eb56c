/**
 * Prepares a CRD-derived schema for compilation: drops what validation never reads (descriptions,
 * examples, CEL rules) and moves subschemas that occur more than once (pod templates, affinity, TLS
 * settings… the Strimzi and KEDA CRDs repeat them many times) into `$defs`, so ajv generates their
 * code once. The stored schema files stay complete for hovers; this copy is only for the validator.
 */
import type { JsonSchema } from './store';

const DROP = new Set(['description', 'example', 'examples', 'title', '$comment', 'x-kubernetes-validations', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'default']);
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties']);
const SCHEMA_LISTS = new Set(['oneOf', 'anyOf', 'allOf']);
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'not']);
/** Only subschemas at least this long (as JSON) are worth a `$ref`. */
const MIN_SHARED = 400;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A copy without the annotation keywords. */
function strip(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(strip);
  if (!isObj(s)) return s;
  const out: Obj = {};
  for (const [k, v] of Object.entries(s)) {
    if (DROP.has(k)) continue;
    if (SCHEMA_MAPS.has(k) && isObj(v)) out[k] = Object.fromEntries(Object.entries(v).map(([p, x]) => [p, strip(x)]));
    else if (SCHEMA_LISTS.has(k) && Array.isArray(v)) out[k] = v.map(strip);
    else if (SCHEMA_ONE.has(k) && isObj(v)) out[k] = strip(v);
    else out[k] = v;
  }
  return out;
}

/** Visits every subschema (not the root), calling `f` with the subschema. */
function eachSubschema(s: Obj, f: (x: Obj) => void): void {
  for (const [k, v] of Object.entries(s)) {
    if (SCHEMA_MAPS.has(k) && isObj(v)) for (const x of Object.values(v)) if (isObj(x)) (f(x), eachSubschema(x, f));
    if (SCHEMA_LISTS.has(k) && Array.isArray(v)) for (const x of v) if (isObj(x)) (f(x), eachSubschema(x, f));
    if (SCHEMA_ONE.has(k) && isObj(v)) (f(v), eachSubschema(v, f));
  }
}

export function compactSchema(schema: JsonSchema): JsonSchema {
  const root = strip(schema) as Obj;
  const keys = new Map<Obj, string>();
  const counts = new Map<string, number>();
  eachSubschema(root, (x) => {
    const k = JSON.stringify(x);
    keys.set(x, k);
    if (k.length >= MIN_SHARED) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const defs: Obj = {};
  const names = new Map<string, string>();
  const rewrite = (s: Obj): Obj => {
    const out: Obj = {};
    for (const [k, v] of Object.entries(s)) {
      if (SCHEMA_MAPS.has(k) && isObj(v)) out[k] = Object.fromEntries(Object.entries(v).map(([p, x]) => [p, isObj(x) ? sub(x) : x]));
      else if (SCHEMA_LISTS.has(k) && Array.isArray(v)) out[k] = v.map((x) => (isObj(x) ? sub(x) : x));
      else if (SCHEMA_ONE.has(k) && isObj(v)) out[k] = sub(v);
      else out[k] = v;
    }
    return out;
  };
  const sub = (x: Obj): Obj => {
    const k = keys.get(x);
    if (k === undefined || (counts.get(k) ?? 0) < 2) return rewrite(x);
    let name = names.get(k);
    if (!name) {
      name = `s${names.size}`;
      names.set(k, name);
      defs[name] = rewrite(x);
    }
    return { $ref: `#/$defs/${name}` };
  };
  const out = rewrite(root);
  if (names.size > 0) out.$defs = { ...((out.$defs as Obj | undefined) ?? {}), ...defs };
  return out as JsonSchema;
}
