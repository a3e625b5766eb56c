/**
 * A SchemaStore over the generated `schemas/` folder: `schemas/catalog.json` lists every schema with its
 * group, version, kind and operator release; schema files are read through an injected loader (core does
 * no file I/O) and cached by the loader.
 */
import { compareVersions } from '../versions';
import type { JsonSchema, SchemaInfo, SchemaStore, SchemaValidator, ServedApi } from './store';

/** One entry of `schemas/catalog.json`. */
export interface CatalogEntry {
  readonly file: string;
  readonly product: string;
  readonly operatorVersion: string;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly served: boolean;
  readonly deprecated: boolean;
  readonly deprecationWarning?: string;
  readonly source?: { readonly repo: string; readonly ref: string; readonly commit: string; readonly path: string };
}

export interface SchemaCatalog {
  readonly schemas: readonly CatalogEntry[];
}

/** Loads a file under `schemas/` by its relative path (e.g. `catalog.json`) and returns the parsed JSON. */
export type SchemaLoader = (relPath: string) => unknown;

/** Returns the ahead-of-time compiled validator of a schema file, or undefined to compile at run time. */
export type ValidatorLoader = (relPath: string) => SchemaValidator | undefined;

export class CatalogSchemaStore implements SchemaStore {
  private catalog: SchemaCatalog | undefined;
  /** `group/version|kind` → entries, newest operator release first. */
  private byGvk: Map<string, CatalogEntry[]> | undefined;
  private readonly byGroup = new Map<string, ServedApi[]>();
  /** `apiVersion|kind|operatorVersion` → the answer of `schemaFor` (null: none), so lookups cost one map get. */
  private readonly memo = new Map<string, { schema: JsonSchema; info: SchemaInfo } | null>();

  constructor(
    private readonly load: SchemaLoader,
    private readonly loadValidator?: ValidatorLoader,
  ) {}

  precompiled(info: SchemaInfo): SchemaValidator | undefined {
    return info.file && this.loadValidator ? this.loadValidator(info.file) : undefined;
  }

  private index(): Map<string, CatalogEntry[]> {
    if (this.byGvk) return this.byGvk;
    const c = this.load('catalog.json') as SchemaCatalog | undefined;
    if (!c || !Array.isArray(c.schemas)) throw new Error('schemas/catalog.json is missing or has no "schemas" list');
    this.catalog = c;
    const m = new Map<string, CatalogEntry[]>();
    for (const e of c.schemas) {
      if (!e.served) continue;
      const k = `${e.group}/${e.version}|${e.kind}`;
      const list = m.get(k) ?? [];
      list.push(e);
      m.set(k, list);
    }
    for (const list of m.values()) list.sort((a, b) => compareVersions(b.operatorVersion, a.operatorVersion));
    this.byGvk = m;
    return m;
  }

  /** The catalogue entry chosen for an apiVersion/kind and a target operator version. */
  entryFor(apiVersion: string, kind: string, operatorVersion?: string): CatalogEntry | undefined {
    const list = this.index().get(`${apiVersion}|${kind}`);
    if (!list || list.length === 0) return undefined;
    if (!operatorVersion) return list[0];
    // The newest release not newer than the target; when every release is newer, the oldest one we have.
    return list.find((e) => compareVersions(e.operatorVersion, operatorVersion) <= 0) ?? list[list.length - 1];
  }

  schemaFor(apiVersion: string, kind: string, operatorVersion?: string): { schema: JsonSchema; info: SchemaInfo } | undefined {
    const key = `${apiVersion}|${kind}|${operatorVersion ?? ''}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const found = this.lookup(apiVersion, kind, operatorVersion);
    if (this.memo.size > 1000) this.memo.clear(); // bounded: odd apiVersions in a huge workspace
    this.memo.set(key, found ?? null);
    return found;
  }

  private lookup(apiVersion: string, kind: string, operatorVersion?: string): { schema: JsonSchema; info: SchemaInfo } | undefined {
    const e = this.entryFor(apiVersion, kind, operatorVersion);
    if (!e) return undefined;
    const schema = this.load(e.file) as JsonSchema | undefined;
    if (!schema || typeof schema !== 'object') throw new Error(`schemas/${e.file} is missing or not a JSON schema`);
    return {
      schema,
      info: { product: `${e.product} ${e.operatorVersion}`, apiVersion, kind, file: e.file, operatorVersion: e.operatorVersion, deprecated: e.deprecated },
    };
  }

  served(group: string): readonly ServedApi[] {
    const hit = this.byGroup.get(group);
    if (hit) return hit;
    this.index();
    const out: ServedApi[] = [];
    for (const e of this.catalog!.schemas) {
      if (e.group !== group || !e.served) continue;
      out.push({ apiVersion: `${e.group}/${e.version}`, kind: e.kind, product: `${e.product} ${e.operatorVersion}`, operatorVersion: e.operatorVersion, deprecated: e.deprecated });
    }
    this.byGroup.set(group, out);
    return out;
  }
}
