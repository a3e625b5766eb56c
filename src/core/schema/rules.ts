import type { Rule } from '../rules/types';

/** Metadata of the `schema-*` rules (the schema validator reports them; they have no check of their own). */
export const SCHEMA_RULES: readonly Rule[] = [];
