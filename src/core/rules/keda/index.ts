import type { Rule } from '../types';

/** The keda rules, one file each; keep this list sorted by id. */
export const KEDA_RULES: readonly Rule[] = [];
