/**
 * File-system access to the generated JSON schemas in `schemas/`: locates the folder next to the bundle
 * (`dist/*.js` → `../schemas`) or the compiled sources (`out/src/services/*.js` → `../../../schemas`),
 * parses each file once and caches it. Validators compiled ahead of time by `src/tools/gen-validators.mjs`
 * (`dist/validators/`) are used when present and built from the very same schema text; otherwise the
 * validator compiles the schema at run time.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import * as equal from 'ajv/dist/runtime/equal';
import * as ucs2length from 'ajv/dist/runtime/ucs2length';
import * as uri from 'ajv/dist/runtime/uri';
import * as validationError from 'ajv/dist/runtime/validation_error';
import { FORMATS, VALIDATOR_FORMAT } from '../core/schema/ajv-setup';
import { CatalogSchemaStore, type SchemaLoader, type ValidatorLoader } from '../core/schema/catalog-store';
import type { SchemaStore, SchemaValidator } from '../core/schema/store';

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

/** The fingerprint a precompiled validator records of the schema text it was built from. */
export function validatorKey(schemaText: string): string {
  return createHash('sha256').update(`${VALIDATOR_FORMAT}\n`).update(schemaText).digest('hex').slice(0, 32);
}

interface Loaders {
  readonly load: SchemaLoader;
  readonly loadValidator: ValidatorLoader;
}

/** Loaders over a schemas folder: parsed schemas (once each) and matching precompiled validators. */
export function fileLoaders(dir: string = schemasDir(), validatorsDir: string | undefined = findValidatorsDir(dir)): Loaders {
  const cache = new Map<string, unknown>();
  const texts = new Map<string, string>();
  const read = (rel: string): string => {
    const file = path.join(dir, ...rel.split('/'));
    if (!path.resolve(file).startsWith(path.resolve(dir) + path.sep)) throw new Error(`Schema path escapes the schemas folder: ${rel}`);
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`Cannot read schema ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const load: SchemaLoader = (rel) => {
    if (cache.has(rel)) return cache.get(rel);
    const text = read(rel);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new Error(`Schema ${path.join(dir, rel)} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    cache.set(rel, value);
    texts.set(rel, text);
    return value;
  };
  const loadValidator: ValidatorLoader = (rel) => {
    if (!validatorsDir) return undefined;
    const text = texts.get(rel) ?? read(rel);
    return loadPrecompiled(path.join(validatorsDir, ...rel.replace(/\.json$/, '.js').split('/')), validatorKey(text));
  };
  return { load, loadValidator };
}

/** A loader that reads and parses files under a schemas folder, once each. */
export function fileSchemaLoader(dir: string = schemasDir()): SchemaLoader {
  return fileLoaders(dir, undefined).load;
}

/** `dist/validators` next to the bundle, or the repository's `dist/validators` for compiled tests. */
function findValidatorsDir(schemas: string): string | undefined {
  let real = schemas;
  try {
    real = fs.realpathSync(schemas);
  } catch {
    // keep the path as given
  }
  for (const d of [path.join(__dirname, 'validators'), path.join(real, '..', 'dist', 'validators')]) {
    if (fs.existsSync(path.join(d, 'index.json'))) return d;
  }
  return undefined;
}

/** What generated validator modules may `require`: ajv's runtime helpers and our formats. */
const RUNTIME: Record<string, unknown> = {
  'ajv/dist/runtime/equal': equal,
  'ajv/dist/runtime/ucs2length': ucs2length,
  'ajv/dist/runtime/uri': uri,
  'ajv/dist/runtime/validation_error': validationError,
  './formats': FORMATS,
};

/** Loads one generated validator module; undefined when it is missing or was built from other schema text. */
function loadPrecompiled(file: string, key: string): SchemaValidator | undefined {
  let code: string;
  try {
    code = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (!code.startsWith(`// kafka-k8s validator ${key}\n`)) return undefined; // stale: compile at run time instead
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string): unknown => {
    if (id in RUNTIME) return RUNTIME[id];
    throw new Error(`${file} requires an unexpected module: ${id}`);
  };
  const fn = vm.compileFunction(code, ['module', 'exports', 'require'], { filename: file });
  fn(module, module.exports, require);
  const v = (module.exports.default ?? module.exports) as SchemaValidator;
  return typeof v === 'function' ? v : undefined;
}

let store: SchemaStore | undefined;

/** The process-wide store over the shipped schemas (one loader cache, one set of compiled validators). */
export function defaultSchemaStore(): SchemaStore {
  if (!store) {
    const l = fileLoaders();
    store = new CatalogSchemaStore(l.load, l.loadValidator);
  }
  return store;
}
