import type { SchemaStore } from '../core/schema/store';
import { core } from './core';
import type { Ctx } from './ctx';

let store: SchemaStore | undefined;
let failed = false;

/**
 * The schema store over the `schemas/` folder shipped next to `dist/extension.js`, created on first use
 * (no file is read at activation). Undefined, logged once, when the folder is missing: schema checks,
 * CR hovers and completion are then skipped while rules keep working.
 */
export function schemaStore(ctx: Ctx): SchemaStore | undefined {
  if (store || failed) return store;
  try {
    const { schemasDir, defaultSchemaStore } = core();
    const dir = schemasDir();
    store = defaultSchemaStore();
    ctx.log.info(`schemas from ${dir}`);
  } catch (e) {
    failed = true;
    ctx.log.error('schemas not found: schema validation, field hovers and completion are off', e);
  }
  return store;
}
