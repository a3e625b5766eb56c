/**
 * File-system access to the generated JSON schemas in `schemas/`: locates the folder next to the bundle
 * (`dist/*.js` → `../schemas`) or the compiled sources (`out/src/services/*.js` → `../../../schemas`),
 * parses each file once and caches it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CatalogSchemaStore, type SchemaLoader } from '../core/schema/catalog-store';
import type { SchemaStore } from '../core/schema/store';

/** Candidate locations of `schemas/`, nearest first. */
function candidates(from: string): string[] {
  const out = [path.resolve(from, '..', 'schemas'), path.resolve(from, '..', '..', '..', 'schemas'), path.resolve(from, '..', '..', 'schemas')];
  // Fallback: walk up from here (e.g. a test runner or a different bundle layout).
  for (let d = from, i = 0; i < 6; i++, d = path.dirname(d)) out.push(path.join(d, 'schemas'));
  return out;
}

let located: string | undefined;

/** The `schemas/` folder that ships with this build. Throws with the places tried when there is none. */
export function schemasDir(from: string = __dirname): string {
  if (from === __dirname && located) return located;
  const tried = candidates(from);
  for (const d of tried) {
    if (fs.existsSync(path.join(d, 'catalog.json'))) {
      if (from === __dirname) located = d;
      return d;
    }
  }
  throw new Error(`Cannot find the schemas folder (schemas/catalog.json); looked in: ${[...new Set(tried)].join(', ')}`);
}

/** A loader that reads and parses files under a schemas folder, once each. */
export function fileSchemaLoader(dir: string = schemasDir()): SchemaLoader {
  const cache = new Map<string, unknown>();
  return (rel: string) => {
    if (cache.has(rel)) return cache.get(rel);
    const file = path.join(dir, ...rel.split('/'));
    if (!file.startsWith(dir)) throw new Error(`Schema path escapes the schemas folder: ${rel}`);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`Cannot read schema ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new Error(`Schema ${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    cache.set(rel, value);
    return value;
  };
}

let store: SchemaStore | undefined;

/** The process-wide store over the shipped schemas (one loader cache, one set of compiled validators). */
export function defaultSchemaStore(): SchemaStore {
  store ??= new CatalogSchemaStore(fileSchemaLoader());
  return store;
}
