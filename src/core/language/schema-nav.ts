/** Navigation in the JSON schemas of custom resources: the sub-schema at a YAML path, its fields and a readable type. */
import type { YamlPath } from '../parse/yaml';
import type { JsonSchema } from '../schema/store';

const MAX_DEPTH = 8;

/** A schema with its `allOf`/`anyOf`/`oneOf` members flattened out (the schema itself first). */
export function expandSchema(s: JsonSchema | undefined, depth = 0): JsonSchema[] {
  if (!s || typeof s !== 'object') return [];
  const out: JsonSchema[] = [s];
  if (depth >= MAX_DEPTH) return out;
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = s[k];
    if (Array.isArray(list)) for (const m of list) out.push(...expandSchema(m, depth + 1));
  }
  return out;
}

/** The candidate schemas for one step of a path (a map key or a sequence index). */
function step(s: JsonSchema, seg: string | number): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const c of expandSchema(s)) {
    if (typeof seg === 'number') {
      if (c.items && typeof c.items === 'object') out.push(c.items);
      continue;
    }
    const p = c.properties?.[seg];
    if (p) out.push(p);
    else if (c.additionalProperties && typeof c.additionalProperties === 'object') out.push(c.additionalProperties);
  }
  return out;
}

/** The schemas that describe the value at a path (several when `anyOf`/`oneOf` leave a choice); empty when unknown. */
export function schemasAt(root: JsonSchema, path: YamlPath): JsonSchema[] {
  let cur: JsonSchema[] = [root];
  for (const seg of path) {
    const next: JsonSchema[] = [];
    for (const s of cur) next.push(...step(s, seg));
    if (next.length === 0) return [];
    cur = next;
  }
  return cur;
}

/** One field of an object schema. */
export interface SchemaField {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly required: boolean;
  /** Position in the schema (upstream order is meaningful in CRDs). */
  readonly order: number;
}

/** The named fields an object at a path may have (the union over candidate schemas). */
export function fieldsAt(root: JsonSchema, path: YamlPath): SchemaField[] {
  return fieldsOf(schemasAt(root, path));
}

export function fieldsOf(candidates: readonly JsonSchema[]): SchemaField[] {
  const byName = new Map<string, SchemaField>();
  let order = 0;
  for (const c of candidates.flatMap((s) => expandSchema(s))) {
    const req = new Set(Array.isArray(c.required) ? c.required : []);
    for (const [name, schema] of Object.entries(c.properties ?? {})) {
      const prev = byName.get(name);
      if (!prev) byName.set(name, { name, schema, required: req.has(name), order: order++ });
      else if (req.has(name) && !prev.required) byName.set(name, { ...prev, required: true });
    }
  }
  return [...byName.values()];
}

/** The first schema with a description, for hovers. */
export function describedSchema(candidates: readonly JsonSchema[]): JsonSchema | undefined {
  for (const c of candidates.flatMap((s) => expandSchema(s))) if (typeof c.description === 'string' && c.description.trim()) return c;
  return candidates[0];
}

/** Enum values allowed by any candidate (booleans for boolean schemas). */
export function enumValues(candidates: readonly JsonSchema[]): unknown[] {
  const out: unknown[] = [];
  const seen = new Set<string>();
  const add = (v: unknown) => {
    const k = JSON.stringify(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  };
  for (const c of candidates.flatMap((s) => expandSchema(s))) {
    if (Array.isArray(c.enum)) c.enum.forEach(add);
    if (typeOf(c).includes('boolean')) [true, false].forEach(add);
  }
  return out;
}

function typeOf(s: JsonSchema): string[] {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type as string[];
  return [];
}

/** A readable type: `integer or string`, `array of objects`, `map of strings`, `object`. */
export function typeLabel(s: JsonSchema, depth = 0): string {
  if (s['x-kubernetes-int-or-string'] === true) return 'integer or string';
  const members = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  const types = typeOf(s);
  if (types.length === 0 && Array.isArray(members) && members.length > 0 && depth < 3) {
    return [...new Set(members.map((m) => typeLabel(m, depth + 1)))].join(' or ');
  }
  if (types.length === 0) return s.properties ? 'object' : s['x-kubernetes-preserve-unknown-fields'] ? 'any' : 'any';
  return types
    .map((t) => {
      if (t === 'array') {
        const it = s.items && typeof s.items === 'object' ? typeLabel(s.items, depth + 1) : 'any';
        return `array of ${plural(it)}`;
      }
      if (t === 'object') {
        if (s.properties) return 'object';
        if (s.additionalProperties && typeof s.additionalProperties === 'object') return `map of ${plural(typeLabel(s.additionalProperties, depth + 1))}`;
        return s['x-kubernetes-preserve-unknown-fields'] ? 'object (free-form)' : 'object';
      }
      return t;
    })
    .join(' or ');
}

function plural(t: string): string {
  if (/ or /.test(t) || t.startsWith('array') || t.startsWith('map')) return `(${t})`;
  return t.endsWith('s') ? t : `${t.replace(/ \(free-form\)$/, '')}s`;
}

/** Whether a schema describes an object with named fields or a free-form map. */
export function isObjectSchema(s: JsonSchema): boolean {
  return typeOf(s).includes('object') || (!!s.properties && typeOf(s).length === 0);
}

export function isArraySchema(s: JsonSchema): boolean {
  return typeOf(s).includes('array');
}
